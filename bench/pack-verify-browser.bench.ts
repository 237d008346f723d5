/**
 * Verifying a ~100 MB pack in headless Chromium (issue #5): `verifyPack` over the archive bytes
 * in the page, against fflate's streaming Gunzip plus `crypto.subtle.digest` (WebCrypto) over
 * the same bytes in the same page. The baseline's two parts are timed separately and added, so
 * it holds no concatenation or copying: it is the least work any verifier must do. The table
 * also gives the parts: @noble/hashes SHA-256 (the incremental, synchronous hash the browser
 * verifier streams files through, since WebCrypto has no incremental digest) over the same bytes.
 *
 *   npm run bench -- pack-verify-browser        (test-support/chromium.ts: Debian's chromium or CHROMIUM_PATH)
 *   PACK_BROWSER_MIB=96 PACK_BENCH_ROUNDS=3 npm run bench -- pack-verify-browser
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import * as E from 'fp-ts/lib/Either.js';
import { utf8Encode } from '@warrant/core';
import { buildPackBytes, type PackInput } from '@warrant/pack';
import { openSecurePage, withChromium } from '../test-support/chromium';
import { machine } from './harness';
import { sbomFixture } from './pack-fixture';

const MIB = 2 ** 20;
const SIZE_MIB = Number(process.env['PACK_BROWSER_MIB'] ?? 96);
const ROUNDS = Number(process.env['PACK_BENCH_ROUNDS'] ?? 3);
const dir = join(tmpdir(), `warrant-bench-pack-${SIZE_MIB}`);
const packFile = join(dir, 'browser-pack.tar.gz');

const ENTRY = `
import { verifyPack } from '@warrant/pack';
import { Gunzip } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
const CHUNK = 256 * 1024;
const time = async (fn) => { const t0 = performance.now(); const r = await fn(); return [performance.now() - t0, r]; };
globalThis.measure = async (rounds) => {
  const bytes = new Uint8Array(await (await fetch('/pack.tar.gz')).arrayBuffer());
  const rows = [];
  for (let r = 0; r < rounds; r++) {
    const parts = [];
    let n = 0;
    const [gunzip] = await time(() => {
      const gz = new Gunzip((c) => { parts.push(c); n += c.length; });
      for (let i = 0; i < bytes.length; i += CHUNK) gz.push(bytes.subarray(i, i + CHUNK));
      gz.push(new Uint8Array(0), true);
    });
    const all = new Uint8Array(n);
    let o = 0;
    for (const p of parts) { all.set(p, o); o += p.length; }
    parts.length = 0;
    const [subtle] = await time(() => crypto.subtle.digest('SHA-256', all));
    const [noble] = await time(() => sha256(all));
    const [verify, result] = await time(() => verifyPack(bytes));
    if (result._tag !== 'Right') throw new Error(result.left.code + ': ' + result.left.message);
    rows.push({ gunzip, subtle, noble, verify, tarBytes: n, packBytes: bytes.length, content: result.right.bytes });
  }
  return rows;
};
`;

// The pack: the bench content as SBOMs of one artifact pack, built once in Node.
const packBytes = async (): Promise<Uint8Array> => {
  if (existsSync(packFile)) return new Uint8Array(readFileSync(packFile));
  const input: PackInput = {
    kind: 'artifact',
    generatedAt: '2026-02-01T00:00:00Z',
    subject: { artifacts: [{ digest: `sha256:${'ab'.repeat(32)}` as never }] },
    sboms: sbomFixture(dir, SIZE_MIB).map((f) => ({
      name: basename(f),
      content: new Uint8Array(readFileSync(f)),
    })),
    policy: { bundle: [{ name: 'policy.json', content: utf8Encode('{}') }], settings: {} },
    findings: [],
    verdict: { outcome: 'pass' },
  };
  const built = await buildPackBytes(input);
  if (E.isLeft(built)) throw new Error(built.left.message);
  writeFileSync(packFile, built.right.bytes);
  return built.right.bytes;
};

interface Row {
  gunzip: number;
  subtle: number;
  noble: number;
  verify: number;
  tarBytes: number;
  packBytes: number;
  content: number;
}

const main = async (): Promise<void> => {
  const pack = await packBytes();
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    conditions: ['@warrant/source'],
    write: false,
    logLevel: 'silent',
  });
  await withChromium(async (context) => {
    const page = await openSecurePage(context, bundle.outputFiles[0]?.text ?? '');
    // Registered after openSecurePage's catch-all route, so it takes precedence for this path.
    await page.route('https://warrant.test/pack.tar.gz', (route) =>
      route.fulfill({ contentType: 'application/gzip', body: Buffer.from(pack) }),
    );
    const rows = (await page.evaluate(
      (n) => (globalThis as unknown as { measure: (r: number) => Promise<unknown> }).measure(n),
      ROUNDS,
    )) as Row[];
    const best = (k: keyof Row): number => Math.min(...rows.map((r) => r[k]));
    const first = rows[0] as Row;
    const mibs = (ms: number): string => `${(first.content / MIB / (ms / 1000)).toFixed(1)} MiB/s`;
    const baseline = Math.min(...rows.map((r) => r.gunzip + r.subtle));
    console.log(
      `${await machine()}; Chromium ${context.browser()?.version() ?? '?'}; load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(
          ' ',
        )}; ${(first.packBytes / 1e6).toFixed(1)} MB pack holding ${(first.content / 1e6).toFixed(1)} MB (${SIZE_MIB} MiB) of SBOM-like JSON; best of ${ROUNDS}\n`,
    );
    console.log('| in the page | time | content throughput | vs baseline |');
    console.log('| --- | --- | --- | --- |');
    const line = (name: string, ms: number): void =>
      console.log(
        `| ${name} | ${ms.toFixed(0)} ms | ${mibs(ms)} | ${((baseline / ms) * 100).toFixed(1)}% |`,
      );
    line('verifyPack (archive bytes in memory)', best('verify'));
    line('baseline: fflate Gunzip + crypto.subtle.digest', baseline);
    line('part: fflate Gunzip (256 KiB pushes)', best('gunzip'));
    line('part: crypto.subtle.digest SHA-256', best('subtle'));
    line('part: @noble/hashes SHA-256', best('noble'));
  });
};

await main();
