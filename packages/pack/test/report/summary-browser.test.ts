// The summary rendered by headless Chromium: the visible text holds the verdict, the exception
// details and every hostile string as text; nothing executes and nothing is fetched.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '@warrant/core';
import { renderSummaryHtml } from '../../src/report/summary-html';
import { summarySource } from '../../src/report/summary-source';
import { haveChromium, withChromium } from '../../../../test-support/chromium';
import { META, packFiles, XSS } from './fixtures';

const html = (): string => {
  const s = summarySource(packFiles(), META);
  if (E.isLeft(s)) throw new Error(s.left.message);
  return utf8Decode(renderSummaryHtml(s.right)) ?? '';
};

describe.runIf(haveChromium())('summary.html in headless Chromium', () => {
  it('shows the content as text and runs nothing', async () => {
    const result = await withChromium(async (context) => {
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
      });
      await page.setContent(html(), { waitUntil: 'load' });
      return page
        .evaluate(() => ({
          text: document.body.innerText,
          title: document.title,
          xss: (window as unknown as { __xss?: number }).__xss,
          active: document.querySelectorAll('script, img, svg, iframe, object, embed, link').length,
          outcome: document.querySelector('.outcome')?.textContent,
          cells: document.querySelectorAll('td').length,
          requests: 0,
        }))
        .then((r) => ({ ...r, requests: requests.length }));
    });
    expect(result.xss).toBeUndefined();
    expect(result.active).toBe(0);
    expect(result.requests).toBe(0);
    expect(result.title).toBe('Audit pack: registry.example/app:1.2');
    expect(result.outcome).toBe('Outcome: fail');
    for (const x of XSS) expect(result.text).toContain(x.split('\n')[0]);
    for (const s of [
      'alice@corp.example',
      'bob@corp.example (security-lead, 2026-01-02T03:04:05Z)',
      '2026-07-01T00:00:00Z',
      'COMPENSATING_CONTROL',
      'Triggered: no-critical (fail, 1).',
      'Findings by severity and status',
      'No previous pack was compared.',
    ]) {
      expect(result.text).toContain(s);
    }
    expect(result.cells).toBeGreaterThan(20);
  }, 120_000);
});
