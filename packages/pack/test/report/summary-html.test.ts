import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '@warrant/core';
import { renderSummaryHtml } from '../../src/report/summary-html';
import { summarySource } from '../../src/report/summary-source';
import { META, packFiles, XSS } from './fixtures';

const render = (files = packFiles()): string => {
  const s = summarySource(files, META);
  if (E.isLeft(s)) throw new Error(s.left.message);
  return utf8Decode(renderSummaryHtml(s.right)) ?? '';
};

describe('renderSummaryHtml', () => {
  it('is a self-contained page: no script, no external reference, a restrictive CSP', () => {
    const html = render();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    const tags = new Set(
      [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase()),
    );
    const allowed =
      'html head meta title style body h1 h2 h3 p dl dt dd table thead tbody tr th td';
    expect([...tags].filter((t) => !allowed.split(' ').includes(t ?? ''))).toEqual([]);
    const attributes = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((m) =>
      [...m[0].replace(/"[^"]*"/g, '""').matchAll(/\s([\w-]+)=/g)].map((a) => a[1]),
    );
    expect([...new Set(attributes)].sort()).toEqual([
      'charset',
      'class',
      'content',
      'http-equiv',
      'lang',
      'name',
    ]);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('escapes every hostile string so it appears as text', () => {
    const html = render();
    for (const x of XSS) {
      const escaped = x
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
      expect(html).toContain(escaped);
    }
  });

  it('shows the verdict and why, the exception with owner, approvers, expiry, reason, rationale', () => {
    const html = render();
    expect(html).toContain('<p class="outcome fail">Outcome: fail</p>');
    expect(html).toContain('Triggered: no-critical (fail, 1).');
    for (const s of [
      'exc-0123456789abcdef0123456789abcdef v2',
      'alice@corp.example',
      'bob@corp.example (security-lead, 2026-01-02T03:04:05Z)',
      '2026-07-01T00:00:00Z',
      'COMPENSATING_CONTROL',
      'WAF rule blocks the vector.',
    ]) {
      expect(html).toContain(s);
    }
    expect(html).toContain('No previous pack was compared.');
  });

  it('counts findings by severity and status', () => {
    const html = render();
    expect(html).toContain(
      '<tr><th>Severity</th><th>open</th><th>excepted</th><th>fixed</th><th>Total</th></tr>',
    );
    expect(html).toContain('<tr><td>critical</td><td>1</td><td>0</td><td>0</td><td>1</td></tr>');
    expect(html).toContain('<td>openssl@3.0.1</td>');
  });

  it('gives the same bytes for the same files in any order', () => {
    expect(render([...packFiles()].reverse())).toBe(render());
  });

  it('renders without a verdict and refuses an unparsable machine file', () => {
    const files = packFiles().filter((f) => f.path !== 'verdict/verdict.json');
    const html = render(files);
    expect(html).toContain('This pack holds no verdict.');
    expect(html).toContain('not evaluated');
    const bad = summarySource([{ path: 'verdict/verdict.json', bytes: utf8Encode('{') }], META);
    expect(E.isLeft(bad) && bad.left.path).toBe('verdict/verdict.json');
  });

  it('replaces control characters and lone surrogates that HTML forbids in text', () => {
    const files = packFiles();
    files.push({
      path: 'exceptions/exceptions.jsonl',
      bytes: utf8Encode(
        `${JSON.stringify({ exception_id: 'x', version: 1, status: 'active', owner: 'a\u0000b\u001bc\u0085' })}\n`,
      ),
    });
    const s = summarySource(
      files
        .slice(-1)
        .concat(
          files.filter(
            (f) => f.path !== 'exceptions/exceptions.jsonl' && f.path !== 'verdict/verdict.json',
          ),
        ),
      META,
    );
    if (E.isLeft(s)) throw new Error('source');
    const html = utf8Decode(renderSummaryHtml(s.right)) ?? '';
    expect(html).toContain('a\ufffdb\ufffdc\ufffd');
  });
});
