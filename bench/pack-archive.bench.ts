/**
 * The archive layer's share of building and verifying a pack, streaming from and to files.
 * Targets (issue #5): building runs at >= 85% of fflate's own streaming gzip at level 6 over the
 * same bytes, verifying at >= 70% of fflate gunzip + node:crypto SHA-256 over the same bytes, peak
 * RSS under 300 MB. Baselines read and write the same files with the same 256 KiB chunks, so the
 * ratio isolates what the archive layer adds (tar framing, re-chunking, path and order checks,
 * strict gunzip with CRC-32 and limits, per-entry hashing).
 *
 *   npm run bench -- pack-archive                 # 256 MiB of SBOM-like JSON
 *   ARCHIVE_BENCH_MIB=1024 npm run bench -- pack-archive
 *
 * Peak RSS is measured in a fresh child process per operation (maxRSS is a process-wide peak).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { Gunzip, Gzip } from 'fflate';
import type { ArchiveSource } from '@warrant/pack';
import { fileArchiveSource, readArchiveFile, writeArchiveFile } from '@warrant/pack/node';
import { machine, measure, row, type Measurement } from './harness';

const MIB = 2 ** 20;
const SIZE_MIB = Number(process.env['ARCHIVE_BENCH_MIB'] ?? 256);
const FILE_MIB = 8;
const CHUNK = 256 * 1024;
const dir = join(tmpdir(), `warrant-bench-archive-${SIZE_MIB}`);
const contentDir = join(dir, 'content');
const packFile = join(dir, 'pack.tar.gz');
const scratch = join(dir, 'baseline.gz');

// --- content: deterministic CycloneDX-like JSON (LCG, seed 1) ---------------

const generate = (): void => {
  if (existsSync(join(dir, 'done'))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  let x = 1;
  const next = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31);
  const hex = (n: number): string => {
    let s = '';
    while (s.length < n) s += next().toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  const licenses = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'GPL-2.0-only'];
  for (let f = 0; f < SIZE_MIB / FILE_MIB; f++) {
    const parts: string[] = ['{"bomFormat":"CycloneDX","specVersion":"1.5","components":['];
    let length = parts[0]!.length;
    while (length < FILE_MIB * MIB - 600) {
      const name = `pkg-${next() % 20000}`;
      const version = `${next() % 10}.${next() % 40}.${next() % 100}`;
      const c = `{"type":"library","bom-ref":"${hex(16)}","name":"${name}","version":"${version}","purl":"pkg:npm/${name}@${version}","hashes":[{"alg":"SHA-256","content":"${hex(64)}"}],"licenses":[{"license":{"id":"${licenses[next() % 5]}"}}]},\n`;
      parts.push(c);
      length += c.length;
    }
    const text = `${parts.join('')}{}]}`.padEnd(FILE_MIB * MIB, ' ');
    writeFileSync(join(contentDir, `sbom-${String(f).padStart(4, '0')}.cdx.json`), text);
  }
  writeFileSync(join(dir, 'done'), '');
};

const files = (): string[] =>
  readdirSync(contentDir)
    .sort()
    .map((f) => join(contentDir, f));

// --- operations -------------------------------------------------------------

const build = async (): Promise<number> => {
  const sources: ArchiveSource[] = [];
  for (const f of files()) {
    const s = await fileArchiveSource(f, `sboms/${f.slice(contentDir.length + 1)}`);
    if (E.isLeft(s)) throw new Error(s.left.message);
    sources.push(s.right);
  }
  const r = await writeArchiveFile(packFile, sources);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right.gzipBytes;
};

const baselineGzip = async (): Promise<number> => {
  const out = await open(scratch, 'w');
  let n = 0;
  const pending: Uint8Array[] = [];
  const gz = new Gzip({ level: 6, mtime: 0 }, (c) => void pending.push(c));
  const list = files();
  for (let i = 0; i < list.length; i++) {
    const stream = createReadStream(list[i]!, { highWaterMark: CHUNK });
    for await (const chunk of stream) {
      gz.push(chunk as Uint8Array, false);
      for (const c of pending.splice(0)) n += (await out.write(c)).bytesWritten;
    }
  }
  gz.push(new Uint8Array(0), true);
  for (const c of pending.splice(0)) n += (await out.write(c)).bytesWritten;
  await out.close();
  return n;
};

const verify = async (): Promise<number> => {
  let entries = 0;
  const r = await readArchiveFile(packFile, () => {
    const h = createHash('sha256');
    return { write: (c) => void h.update(c), end: () => void (h.digest(), entries++) };
  });
  if (E.isLeft(r)) throw new Error(r.left.message);
  return entries;
};

const baselineGunzip = async (): Promise<number> => {
  const h = createHash('sha256');
  let n = 0;
  const gz = new Gunzip((c) => {
    n += c.length;
    h.update(c);
  });
  for await (const chunk of createReadStream(packFile, { highWaterMark: CHUNK }))
    gz.push(chunk as Uint8Array);
  gz.push(new Uint8Array(0), true);
  h.digest();
  return n;
};

const OPS: Record<string, () => Promise<unknown>> = { build, baselineGzip, verify, baselineGunzip };

// --- child mode: one operation, then its peak RSS ---------------------------

const childIndex = process.argv.indexOf('--child');
if (childIndex !== -1) {
  const op = OPS[process.argv[childIndex + 1] ?? ''];
  if (op === undefined) throw new Error('unknown op');
  await op();
  console.log(JSON.stringify({ maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const peakRss = (op: string): number => {
  const out = execFileSync(
    'npx',
    [
      '--no-install',
      'tsx',
      '--conditions=@warrant/source',
      fileURLToPath(import.meta.url),
      '--child',
      op,
    ],
    { encoding: 'utf8', env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}').maxRssMiB as number;
};

// Alternating single runs (ABAB…), best of each: the machine is shared and noisy.
const alternate = async (
  units: number,
  baseline: [string, () => Promise<unknown>],
  candidate: [string, () => Promise<unknown>],
  rounds: number,
): Promise<{ baseline: Measurement; candidate: Measurement; ratio: number }> => {
  const b: Measurement[] = [];
  const c: Measurement[] = [];
  for (let r = 0; r < rounds; r++) {
    b.push(await measure(baseline[0], units, baseline[1], { samples: 1, warmup: 0 }));
    c.push(await measure(candidate[0], units, candidate[1], { samples: 1, warmup: 0 }));
  }
  const best = (ms: Measurement[]) => ms.reduce((x, y) => (y.medianMs < x.medianMs ? y : x));
  const bb = best(b);
  const cc = best(c);
  return { baseline: bb, candidate: cc, ratio: cc.perSecond / bb.perSecond };
};

generate();
const bytes = files().reduce((n, f) => n + statSync(f).size, 0);
await build(); // the pack the verify runs read
const rounds = Number(process.env['ARCHIVE_BENCH_ROUNDS'] ?? 3);
console.log(
  `${await machine()}; ${SIZE_MIB} MiB of SBOM-like JSON in ${files().length} files, ${(statSync(packFile).size / MIB).toFixed(1)} MiB packed`,
);
const b = await alternate(
  bytes,
  ['fflate Gzip stream', baselineGzip],
  ['writeArchiveFile', build],
  rounds,
);
const v = await alternate(
  bytes,
  ['fflate Gunzip + sha256', baselineGunzip],
  ['readArchiveFile + sha256', verify],
  rounds,
);
console.log('| target | candidate | baseline | ratio | goal |');
console.log('| --- | --- | --- | --- | --- |');
console.log(row(`build ${SIZE_MIB} MiB`, b, '>= 85%'));
console.log(row(`verify ${SIZE_MIB} MiB`, v, '>= 70%'));
console.log('\n| operation | peak RSS |');
console.log('| --- | --- |');
for (const op of Object.keys(OPS)) console.log(`| ${op} | ${peakRss(op).toFixed(0)} MiB |`);
