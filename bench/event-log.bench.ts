/**
 * Event-log verification against the target: verify (decode + recompute every hash +
 * check every link) and fold a stored log of 1,000,000 events in at most 2x the time JSON.parse
 * takes over the same bytes. The log is a valid exception log (proposals, approvals, renewals),
 * so the fold is the real one: `applyExceptionEvent` per event, grouped by exception.
 * Baseline: decode the JSON Lines bytes and JSON.parse every line. Candidates: verifyEventLines
 * over the same bytes (decoding included), and verifyAndFoldExceptionLines (verification and the
 * fold in one pass). A third row measures a floor: only the work any spec-following verify + fold
 * must do per line (see `requiredWork`), with no checks of structure, no decoding and no records.
 * `npm run bench -- event-log [events]`.
 */
import { hash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import {
  applyExceptionEvent,
  canonicalize,
  decodeProposal,
  ExceptionProposal,
  proposalDigest,
  verifyAndFoldExceptionLines,
  verifyEventLines,
  type ExceptionRecord,
  type LogId,
} from '@warrant/core';
import { isCanonicalJsonBytes } from '../packages/core/src/event-log/canonical-text';
import { compare, machine, row } from './harness';
import { makeExceptionLogLines, proposalText } from './event-log-fixture';

const logId = 'bench-tenant' as LogId;
const arg = process.argv.find((a) => /^\d+$/.test(a));
const n = Math.floor(Number(arg ?? 1_000_000) / 5) * 5;

// The fixture writes canonical text directly; check a sample against the codec.
for (const k of [0, 1, 977]) {
  for (const v of [1, 2] as const) {
    const text = proposalText(k, v);
    const p = decodeProposal(JSON.parse(text));
    if (E.isLeft(p)) throw new Error(`fixture proposal invalid: ${p.left.message}`);
    const c = canonicalize(ExceptionProposal.encode(p.right));
    if (E.isLeft(c) || c.right !== text) throw new Error('fixture proposal is not canonical');
    void proposalDigest(p.right);
  }
}
const bytes = makeExceptionLogLines(logId, n);
// As core's node:crypto platform hashes (one-shot, binary digest).
const sha256 = (b: Uint8Array): string => hash('sha256', b, 'binary');

// The fold through the public per-event API, to check the one-pass result against.
const verifyThenFold = (): ReadonlyArray<ExceptionRecord> => {
  const records = new Map<string, ExceptionRecord>();
  let failure: string | undefined;
  const r = verifyEventLines(logId, bytes, {
    onEvent: (e, i) => {
      const next = applyExceptionEvent(records.get(e.subject), e, i);
      if (E.isLeft(next)) failure ??= next.left.message;
      else records.set(e.subject, next.right);
    },
  });
  if (E.isLeft(r) || failure !== undefined) throw new Error(`verify/fold failed: ${failure}`);
  return [...records.keys()].sort().map((k) => records.get(k) as ExceptionRecord);
};
const verifyAndFold = (): number => {
  const r = verifyAndFoldExceptionLines(logId, bytes);
  if (E.isLeft(r)) throw new Error(`verify/fold failed: ${r.left[0].message}`);
  return r.right.records.length;
};
{
  const expected = verifyThenFold();
  const r = verifyAndFoldExceptionLines(logId, bytes);
  if (expected.length !== n / 5) throw new Error('the fixture does not fold to n/5 exceptions');
  if (E.isLeft(r) || JSON.stringify(r.right.records) !== JSON.stringify(expected)) {
    throw new Error('verifyAndFoldExceptionLines disagrees with verifyEventLines + fold');
  }
}

// Decoded in 16 MiB slices cut at line feeds (a 1M-event file is longer than the longest string
// V8 allows), exactly as the verifier decodes.
const REGION = 16 * 1024 * 1024;
const decoder = new TextDecoder();
const jsonParse = (): number => {
  let count = 0;
  for (let start = 0; start < bytes.length;) {
    const cut = bytes.lastIndexOf(0x0a, Math.min(bytes.length - 1, start + REGION));
    const end = cut >= start ? cut + 1 : bytes.length;
    const text = decoder.decode(bytes.subarray(start, end));
    for (let s = 0; ;) {
      const nl = text.indexOf('\n', s);
      if (nl < 0) break;
      JSON.parse(text.slice(s, nl));
      count++;
      s = nl + 1;
    }
    start = end;
  }
  return count;
};

/**
 * The floor: what verifying and folding a canonical exception log cannot skip, done as cheaply as
 * this runtime allows, and nothing else. Per line: decode, `JSON.parse` (the fold needs the
 * values), the RFC 8785 canonical-form check (event-log-v1 section 6 refuses other lines),
 * SHA-256 of the line (the chain); per proposal: SHA-256 of its canonical text (its content
 * digest, which approvals name) and keeping the parsed proposal (the fold returns it). Not done:
 * removing the `hash` member before hashing, checking any field, links, the lifecycle, building
 * records. Any verify + fold that follows the specs costs at least this.
 */
const requiredWork = (): number => {
  const kept: unknown[] = [];
  for (let start = 0; start < bytes.length;) {
    const cut = bytes.lastIndexOf(0x0a, Math.min(bytes.length - 1, start + REGION));
    const end = cut >= start ? cut + 1 : bytes.length;
    const text = decoder.decode(bytes.subarray(start, end));
    let b = start;
    for (let s = 0; ;) {
      const nl = text.indexOf('\n', s);
      if (nl < 0) break;
      const line = text.slice(s, nl);
      const be = bytes.indexOf(0x0a, b);
      const v = JSON.parse(line) as { payload: { proposal?: unknown } };
      if (!isCanonicalJsonBytes(bytes, b, be, 128, line.includes('\\'))) {
        throw new Error('fixture line is not canonical');
      }
      sha256(bytes.subarray(b, be));
      if (v.payload.proposal !== undefined) {
        kept.push(v.payload.proposal);
        const at = line.indexOf('"proposal":{') + 11;
        sha256(bytes.subarray(b + at, b + line.indexOf(',"schema":"', at)));
      }
      b = be + 1;
      s = nl + 1;
    }
    start = end;
  }
  return kept.length;
};

console.log(
  `${await machine()}; ${n} events (${n / 5} exceptions), ${(bytes.length / 2 ** 20).toFixed(0)} MiB of JSON Lines`,
);
console.log('| target | candidate | baseline | throughput vs baseline | goal |');
console.log('| --- | --- | --- | --- | --- |');
const baseline = { name: 'decode + JSON.parse per line', fn: jsonParse };
const verify = { name: 'verifyEventLines', fn: () => verifyEventLines(logId, bytes) };
console.log(
  row(`verify ${n} events`, await compare(n, baseline, verify, 2), '>= 50% (<= 2x the time)'),
);
const fold = { name: 'verifyAndFoldExceptionLines', fn: verifyAndFold };
console.log(
  row(`verify + fold ${n} events`, await compare(n, baseline, fold, 1), '>= 50% (<= 2x the time)'),
);
const floor = { name: 'required work only (floor)', fn: requiredWork };
console.log(row(`floor of verify + fold, ${n} events`, await compare(n, baseline, floor, 1), '-'));
