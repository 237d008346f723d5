/**
 * The CLI on a stored log: `warrant exception verify` (chain, stored checkpoint with its
 * signature, fold, approval audit) and `warrant exception sweep` (fold, expiries; nothing to
 * append at the chosen `--now`, so every run does the same work) over a filesystem store holding
 * a valid exception log (bench/event-log-fixture.ts `makeExceptionLogLines`), run in-process
 * through `run(argv, io)`: wall and CPU time, best of N. The SHA-256 of each command's `--json`
 * output is printed so that runs before and after a change can be compared byte for byte.
 * Then, in one process and alternating, the library call the CLI makes (`verifyAndFoldStoredLog`)
 * on the filesystem store (one pass) and on the same store seen through the port only (the
 * generic path: verify in pages, read the whole log, fold).
 * `npm run bench -- cli-store [events]` (default 200,000; CLI_STORE_RUNS=N runs per command).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/lib/Either.js';
import { checkpointLog, generateSigningKey, type LogId, type Timestamp } from '@warrant/core';
import { run, type CliIo } from '@warrant/cli';
import {
  foldStoredLog,
  verifyAndFoldStoredLog,
  type VerifiedStoredExceptions,
} from '@warrant/storage-adapters';
import { openFsStore, type FsStore } from '@warrant/storage-adapters/fs';
import { makeExceptionLogLines } from './event-log-fixture';
import { compare, machine, row } from './harness';

const logId = 'bench-tenant' as LogId;
const arg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
const n = Math.floor(Number(arg ?? 200_000) / 5) * 5;
const runs = Number(process.env.CLI_STORE_RUNS ?? 5);

/** Runs `warrant <argv>` in-process; wall and CPU time, exit code and stdout digest. */
const timeCli = async (argv: ReadonlyArray<string>, cwd: string) => {
  const chunks: Uint8Array[] = [];
  let stderr = '';
  const enc = new TextEncoder();
  const io: CliIo = {
    readStdin: () => Promise.resolve(new Uint8Array()),
    stdout: (c) => void chunks.push(typeof c === 'string' ? enc.encode(c) : c),
    stderr: (c) => void (stderr += c),
    isTty: false,
    cwd,
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await run(argv, io);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const h = createHash('sha256');
  for (const chunk of chunks) h.update(chunk);
  if (code !== 0) throw new Error(`warrant ${argv.join(' ')} exited ${code}: ${stderr}`);
  return { ms, cpu: (c.user + c.system) / 1000, digest: h.digest('hex').slice(0, 16) };
};

const best = async (argv: ReadonlyArray<string>, cwd: string) => {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await timeCli(argv, cwd));
  const digests = new Set(all.map((r) => r.digest));
  if (digests.size !== 1) throw new Error(`output differs between runs: ${[...digests]}`);
  return {
    ms: Math.min(...all.map((r) => r.ms)),
    cpu: Math.min(...all.map((r) => r.cpu)),
    digest: all[0]?.digest as string,
  };
};

/** The store through the port only: what every adapter without a one-pass fold gets. */
const portOnly = (s: FsStore) => ({
  events: s.events,
  exceptions: s.exceptions,
  blobs: s.blobs,
  checkpoints: s.checkpoints,
  packs: s.packs,
  close: () => s.close(),
});

const dir = await mkdtemp(join(tmpdir(), 'warrant-cli-bench-'));
try {
  const store = join(dir, 'st');
  const bytes = makeExceptionLogLines(logId, n);
  await mkdir(join(store, 'logs', logId), { recursive: true });
  await writeFile(join(store, 'logs', logId, 'events.jsonl'), bytes);
  // One signed checkpoint of the whole log, verified by `verify --checkpoint-key`.
  const key = await generateSigningKey('ed25519');
  if (E.isLeft(key)) throw new Error(key.left.message);
  await writeFile(join(dir, 'log.pub.pem'), key.right.publicKeyPem);
  const opened = await openFsStore(store);
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  const cp = await checkpointLog(opened.right, logId, {
    time: '2026-02-01T00:00:00Z' as Timestamp,
    signers: [key.right.signer],
  });
  if (E.isLeft(cp)) throw new Error(cp.left.message);
  await opened.right.close();

  const common = ['--store', 'st', '--log', logId, '--json'];
  const verify = ['exception', 'verify', ...common, '--checkpoint-key', 'log.pub.pem'];
  const sweep = ['exception', 'sweep', ...common, '--now', '2026-03-01T00:00:00Z'];
  await timeCli(verify, dir); // warm-up: JIT, page cache
  console.log(
    `${await machine()}; ${n} events, ${(bytes.length / 2 ** 20).toFixed(1)} MiB, best of ${runs}`,
  );
  console.log('| command | wall | CPU | --json output sha256 (first 16 hex) |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, argv] of [
    ['exception verify', verify],
    ['exception sweep', sweep],
  ] as const) {
    const r = await best(argv, dir);
    console.log(`| ${name} | ${r.ms.toFixed(0)} ms | ${r.cpu.toFixed(0)} ms | ${r.digest} |`);
  }

  // The library calls behind the commands, one pass against the port, alternating.
  const reader = await openFsStore(store, { readOnly: true });
  if (E.isLeft(reader)) throw new Error(reader.left.message);
  const fs = reader.right;
  const port = portOnly(fs);
  const trust = { verifiers: [key.right.verifier] };
  const check = <A>(r: E.Either<{ message: string }, A>): A => {
    if (E.isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };
  const same = (x: VerifiedStoredExceptions, y: VerifiedStoredExceptions): boolean =>
    JSON.stringify(x) === JSON.stringify(y);
  if (
    !same(
      check(await verifyAndFoldStoredLog(fs, logId, trust)),
      check(await verifyAndFoldStoredLog(port, logId, trust)),
    )
  )
    throw new Error('one pass and port disagree');
  console.log('');
  console.log(
    '| call | one pass (fs) | port (paged verify, read, fold) | one pass / port throughput | |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, fn] of [
    [
      'verifyAndFoldStoredLog',
      (s: typeof fs | typeof port) => verifyAndFoldStoredLog(s, logId, trust),
    ],
    ['foldStoredLog', (s: typeof fs | typeof port) => foldStoredLog(s, logId)],
  ] as const) {
    const r = await compare(
      n,
      { name: 'port', fn: () => fn(port).then(check) },
      { name: 'one pass', fn: () => fn(fs).then(check) },
      2,
    );
    console.log(row(name, r, ''));
  }
  await fs.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
