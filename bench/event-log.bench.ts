/**
 * Event-log verification against the target: verify (decode + recompute every hash +
 * check every link) a stored log of 1,000,000 events in at most 2x the time JSON.parse takes
 * over the same bytes. Baseline: decode the JSON Lines bytes and JSON.parse every line.
 * Candidate: verifyEventLines over the same bytes (decoding included), alone and with a fold
 * running in the same pass (onEvent). `npm run bench -- event-log [events]`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { verifyEventLines, type LogEvent, type LogId } from '@warrant/core';
import { compare, machine, row } from './harness';
import { makeLogLines } from './event-log-fixture';

const logId = 'bench-tenant' as LogId;
const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const bytes = makeLogLines(logId, n);
const check = verifyEventLines(logId, bytes);
if (E.isLeft(check) || check.right.count !== n) throw new Error('the fixture does not verify');

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

// A stand-in fold until the exception fold is measured here: latest event per subject.
const verifyAndFold = (): number => {
  const latest = new Map<string, LogEvent>();
  const r = verifyEventLines(logId, bytes, { onEvent: (e) => latest.set(e.subject, e) });
  if (E.isLeft(r)) throw new Error('verification failed');
  return latest.size;
};

console.log(
  `${await machine()}; ${n} events, ${(bytes.length / 2 ** 20).toFixed(0)} MiB of JSON Lines`,
);
console.log('| target | candidate | baseline | throughput vs baseline | goal |');
console.log('| --- | --- | --- | --- | --- |');
const baseline = { name: 'decode + JSON.parse per line', fn: jsonParse };
const verify = { name: 'verifyEventLines', fn: () => verifyEventLines(logId, bytes) };
console.log(
  row(`verify ${n} events`, await compare(n, baseline, verify, 2), '>= 50% (<= 2x the time)'),
);
const fold = { name: 'verifyEventLines + fold', fn: verifyAndFold };
console.log(
  row(`verify + fold ${n} events`, await compare(n, baseline, fold, 2), '>= 50% (<= 2x the time)'),
);
