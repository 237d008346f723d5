/**
 * SHA-256 in headless Chromium: @noble/hashes (the synchronous web path) against
 * crypto.subtle.digest, per input size. Informs `subtleThreshold` in
 * packages/core/src/platform/sha256.web.ts, above which `sha256Async` prefers WebCrypto.
 *
 *   npm run bench -- sha256-browser      (needs Chromium: see test-support/chromium.ts)
 * @module
 */
import { build } from 'esbuild';
import { openSecurePage, withChromium } from '../test-support/chromium';
import { machine } from './harness';

const ENTRY = `
import { sha256 } from '@noble/hashes/sha2.js';
globalThis.measure = async (size) => {
  const data = new Uint8Array(size).map((_, i) => i & 0xff);
  const reps = Math.max(3, Math.min(2000, Math.floor((8 << 20) / size)));
  const time = async (fn) => {
    for (let i = 0; i < 3; i++) await fn();
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) await fn();
    return (performance.now() - t0) / reps;
  };
  const noble = await time(() => sha256(data));
  const subtle = await time(() => crypto.subtle.digest('SHA-256', data));
  return { size, noble, subtle };
};
`;

const main = async (): Promise<void> => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
  });
  await withChromium(async (context) => {
    const page = await openSecurePage(context, bundle.outputFiles[0]?.text ?? '');
    const version = context.browser()?.version() ?? 'Chromium';
    console.log(`${await machine()}; ${version}\n`);
    console.log('| input | @noble/hashes (sync) | crypto.subtle.digest (async) | faster |');
    console.log('| --- | --- | --- | --- |');
    for (const size of [1024, 4096, 16384, 65536, 262144, 1 << 20, 16 << 20]) {
      const r = (await page.evaluate(
        (s) => (globalThis as unknown as { measure: (n: number) => unknown }).measure(s),
        size,
      )) as { size: number; noble: number; subtle: number };
      const fmt = (ms: number): string =>
        `${(ms * 1000).toFixed(0)} µs (${(size / 2 ** 20 / (ms / 1000)).toFixed(0)} MiB/s)`;
      const label = size >= 1 << 20 ? `${size >> 20} MiB` : `${size >> 10} KiB`;
      console.log(
        `| ${label} | ${fmt(r.noble)} | ${fmt(r.subtle)} | ${r.noble < r.subtle ? 'noble' : 'subtle'} |`,
      );
    }
  });
};

void main();
