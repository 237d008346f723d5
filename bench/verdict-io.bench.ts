/**
 * Verdict serialization at scale (issue #4): the canonical bytes and digest of the verdict of
 * N findings against M exceptions, written by the compiled byte writer (verdict-bytes.ts),
 * against the generic canonicalizer run a slice of each array at a time (what verdictBytes
 * did before), alternating in one process, best of EVAL_ROUNDS.
 *
 *   NODE_OPTIONS=--max-old-space-size=12288 EVAL_FINDINGS=200000 EVAL_EXCEPTIONS=100000 \
 *     npm run bench -- verdict-io
 *
 * EVAL_FINDINGS (default 200,000) / EVAL_EXCEPTIONS (default 100,000) set the data, as in
 * evaluate.bench.ts (same generator, same seed); EVAL_ROUNDS (default 3) the rounds.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  bytesEqual,
  canonicalize,
  createSha256,
  digestFromRaw,
  utf8Encode,
  type Sha256Digest,
} from '@warrant/core';
import { evaluate, verdictBytes, verdictDigest, writeVerdict, type Verdict } from '@warrant/policy';
// Internal: the exception histories in normal form, and the exceptions digest (section 5).
import { exceptionsAt } from '../packages/policy/src/evaluate/exceptions';
import { digestHistories } from '../packages/policy/src/evaluate/input-digests';
import { digestCanonicalArray } from '../packages/policy/src/evaluate/digests';
import { evaluationInput } from './evaluate-fixture';
import { machine, timeOnce } from './harness';

const FINDINGS = Number(process.env['EVAL_FINDINGS'] ?? 200_000);
const EXCEPTIONS = Number(process.env['EVAL_EXCEPTIONS'] ?? 100_000);
const ROUNDS = Number(process.env['EVAL_ROUNDS'] ?? 3);

// --- the generic path, as verdictBytes was written before the compiled writer ---------------

const SLICE = 2048;
const text = (value: unknown): string => {
  const c = canonicalize(value);
  if (E.isLeft(c)) throw new TypeError(c.left.message);
  return c.right;
};
function* pieces(verdict: Verdict): Generator<string> {
  const v = verdict as unknown as Record<string, unknown>;
  const names = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  yield '{';
  for (let n = 0; n < names.length; n++) {
    const value = v[names[n] as string];
    yield `${n === 0 ? '' : ','}${JSON.stringify(names[n])}:`;
    if (!Array.isArray(value) || value.length <= SLICE) {
      yield text(value);
      continue;
    }
    yield '[';
    for (let i = 0; i < value.length; i += SLICE) {
      yield `${i === 0 ? '' : ','}${text(value.slice(i, i + SLICE)).slice(1, -1)}`;
    }
    yield ']';
  }
  yield '}';
}
const genericBytes = (verdict: Verdict): Uint8Array => {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const t of pieces(verdict)) {
    const b = utf8Encode(t);
    parts.push(b);
    length += b.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const genericDigest = (verdict: Verdict): Sha256Digest => {
  const h = createSha256();
  for (const t of pieces(verdict)) h.update(utf8Encode(t));
  return digestFromRaw(h.digest());
};

// The exceptions digest as it was: the sorted event lists canonicalized 2048 at a time.
type History = { readonly id: string; readonly events: ReadonlyArray<unknown> };
const genericExceptionsDigest = (histories: ReadonlyArray<History>): Sha256Digest => {
  const sorted = [...histories].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return digestCanonicalArray(
    (function* () {
      for (let i = 0; i < sorted.length; i += SLICE) {
        yield text(sorted.slice(i, i + SLICE).map((h) => h.events)).slice(1, -1);
      }
    })(),
  );
};

// --- measurement ---------------------------------------------------------------------------

const best: Record<string, { ms: number; cpu: number }> = {};
const keep = (name: string, r: { ms: number; cpu: number }): void => {
  if (r.ms < (best[name]?.ms ?? Infinity)) best[name] = { ms: r.ms, cpu: r.cpu };
};

console.log(await machine());
const input = evaluationInput(FINDINGS, EXCEPTIONS);
const v = evaluate(input);
if (E.isLeft(v)) throw new Error(v.left.message);
const verdict = v.right;
const size = verdictBytes(verdict).length;
console.log(
  `${FINDINGS} findings, ${EXCEPTIONS} exceptions: verdict ${(size / 1e6).toFixed(1)} MB; load ${(
    await import('node:os')
  )
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
// Same bytes, same digest, before anything is timed.
const a = genericBytes(verdict);
const b = verdictBytes(verdict);
if (!bytesEqual(a, b)) throw new Error('compiled bytes differ from the generic canonicalizer');
if (genericDigest(verdict) !== verdictDigest(verdict)) throw new Error('digests differ');
const folded = exceptionsAt(input.exceptions, input.now);
if (E.isLeft(folded)) throw new Error('histories');
const histories = folded.right.histories;
if (genericExceptionsDigest(histories) !== digestHistories(histories)) {
  throw new Error('exceptions digests differ');
}

for (let r = 0; r < ROUNDS; r++) {
  keep(
    'generic bytes',
    timeOnce(() => genericBytes(verdict)),
  );
  keep(
    'verdictBytes',
    timeOnce(() => verdictBytes(verdict)),
  );
  keep(
    'generic digest',
    timeOnce(() => genericDigest(verdict)),
  );
  keep(
    'verdictDigest',
    timeOnce(() => verdictDigest(verdict)),
  );
  keep(
    'generic exceptions digest',
    timeOnce(() => genericExceptionsDigest(histories)),
  );
  keep(
    'exceptions digest',
    timeOnce(() => digestHistories(histories)),
  );
  let n = 0;
  keep(
    'writeVerdict (chunks dropped)',
    timeOnce(() => writeVerdict(verdict, (c) => void (n += c.length))),
  );
}
const row = (name: string): string => {
  const m = best[name] as { ms: number; cpu: number };
  return `${name}: ${m.ms.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)} ms), ${(size / 1e3 / m.ms).toFixed(1)} MB/s`;
};
for (const name of Object.keys(best)) {
  if (!name.includes('exceptions')) console.log(row(name));
}
for (const name of ['generic exceptions digest', 'exceptions digest']) {
  const m = best[name] as { ms: number; cpu: number };
  console.log(
    `${name} (${histories.length} histories): ${m.ms.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)} ms)`,
  );
}
const ratio = (x: string, y: string): string =>
  ((best[x] as { ms: number }).ms / (best[y] as { ms: number }).ms).toFixed(1);
console.log(
  `speed-up: bytes ${ratio('generic bytes', 'verdictBytes')}x, digest ${ratio('generic digest', 'verdictDigest')}x, exceptions digest ${ratio('generic exceptions digest', 'exceptions digest')}x (target >= 150 MB/s)`,
);
