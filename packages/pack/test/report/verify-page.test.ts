// The static verifier page (docs/verify/), built with esbuild as docs/verify/build.ts does, run in
// headless Chromium on a real signed pack, a tampered pack and a hostile archive; plus the same
// logic in Node.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex, utf8Encode, type SigningKey } from '@warrant/core';
import { buildPackBytes, readArchive, writeArchive } from '@warrant/pack';
import { buildVerifyPage } from '../../../../docs/verify/build';
import { verifyForPage, type PageResult } from '../../../../docs/verify/verifier';
import { artifactInput, loadKey, right } from '../fixtures';
import { haveChromium, withChromium } from '../../../../test-support/chromium';

const here = dirname(fileURLToPath(import.meta.url));
const hostile = JSON.parse(
  readFileSync(join(here, '../../../../conformance/pack/archive/hostile.json'), 'utf8'),
).cases.find((c: { name: string }) => c.name === 'parent traversal') as {
  input: { targz: string };
  error: string;
};

const work = mkdtempSync(join(tmpdir(), 'warrant-verify-page-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let key: SigningKey;
let packs: { real: Uint8Array; tampered: Uint8Array; hostile: Uint8Array };
let html = '';
beforeAll(async () => {
  key = await loadKey();
  const input = await artifactInput(key);
  const real = right(
    await buildPackBytes(input, { signers: [key.signer], summaryHtml: true }),
  ).bytes;
  const entries = right(readArchive(real));
  const tampered = right(
    writeArchive(
      entries.map((e) =>
        e.path === 'verdict/verdict.json'
          ? {
              path: e.path,
              bytes: utf8Encode('{"outcome":"pass","note":"<img src=x onerror=window.__xss=1>"}'),
            }
          : e,
      ),
    ),
  );
  packs = { real, tampered, hostile: fromHex(hostile.input.targz) ?? new Uint8Array() };
  html = await buildVerifyPage();
}, 120_000);

describe('verifier page logic (Node)', () => {
  it('verifies the real pack with its key and renders the report', async () => {
    const r = await verifyForPage(packs.real, key.publicKeyPem);
    expect(r.state).toBe('verified');
    expect(r.lines.join('\n')).toContain(`Signed by ${key.keyid}`);
    expect(r.report).toContain('<h2>Verdict</h2>');
  });

  it('refuses the tampered pack and the hostile archive with their codes', async () => {
    const t = await verifyForPage(packs.tampered, key.publicKeyPem);
    expect([t.state, t.lines.join('\n')]).toEqual([
      'failed',
      expect.stringContaining('PACK_FILE_DIGEST_MISMATCH'),
    ]);
    const h = await verifyForPage(packs.hostile, '');
    expect([h.state, h.lines.join('\n')]).toEqual([
      'failed',
      expect.stringContaining(hostile.error),
    ]);
    const k = await verifyForPage(
      packs.real,
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    );
    expect(k.state).toBe('error');
  });

  it('is one self-contained file: no network, no node: import, no external asset', () => {
    expect(html.length).toBeLessThan(400_000);
    expect(html).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i);
    expect(html).toContain("connect-src 'none'");
  });
});

describe.runIf(haveChromium())('verifier page in headless Chromium', () => {
  it('shows verified, tampered and hostile packs correctly, and runs nothing from a pack', async () => {
    const page = join(work, 'verify.html');
    writeFileSync(page, html);
    const results = await withChromium(async (context) => {
      const tab = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      tab.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('about:')) requests.push(r.url());
      });
      const out: Array<PageResult & { xss: unknown; reportText: string }> = [];
      for (const [name, bytes] of Object.entries(packs)) {
        await tab.goto(pathToFileURL(page).href);
        await tab.fill('#keys', key.publicKeyPem);
        await tab.setInputFiles('#pack', {
          name: `${name}.tar.gz`,
          mimeType: 'application/gzip',
          buffer: Buffer.from(bytes),
        });
        await tab.waitForFunction(() => {
          const s = document.getElementById('result')?.dataset['state'];
          return s !== 'idle' && s !== 'running';
        });
        const r = await tab.evaluate(() => ({
          ...(window as unknown as { warrantVerifyResult: PageResult }).warrantVerifyResult,
          xss: (window as unknown as { __xss?: number }).__xss,
        }));
        const frame = tab.frames().find((f) => f !== tab.mainFrame());
        // The report iframe loads after the result is set: wait until it shows text.
        if (r.report !== undefined && frame !== undefined) {
          await frame.waitForFunction(() => (document.body?.innerText ?? '').length > 0);
        }
        const reportText =
          r.report === undefined || frame === undefined
            ? ''
            : await frame.evaluate(() => document.body.innerText);
        out.push({ ...r, reportText });
      }
      return { out, requests };
    });
    const [real, tampered, bad] = results.out;
    expect(results.requests).toEqual([]);
    expect(real?.state).toBe('verified');
    expect(real?.lines.join('\n')).toContain(`Signed by ${key.keyid}`);
    expect(real?.reportText).toContain('Findings by severity and status');
    expect(tampered?.state).toBe('failed');
    expect(tampered?.lines.join('\n')).toContain('PACK_FILE_DIGEST_MISMATCH');
    expect(tampered?.report).toBeUndefined();
    expect(bad?.state).toBe('failed');
    expect(bad?.lines.join('\n')).toContain(hostile.error);
    for (const r of results.out) expect(r.xss).toBeUndefined();
  }, 180_000);
});
