import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import {
  bytesEqual,
  consistencyProof,
  eventLeafHash,
  makeCheckpoint,
  merkleRoot,
  sha256,
  verifyCheckpointConsistency,
  verifyEvents,
  type Timestamp,
} from '@warrant/core';
import { PrefixRoots } from '../../src/event-log/prefix-roots';
import { arbLog, LOG } from './arbitraries';

const NOW = '2026-02-01T00:00:00Z' as Timestamp;
const leaves = (n: number): Uint8Array[] =>
  Array.from({ length: n }, (_, i) => sha256(new Uint8Array([i & 0xff, i >> 8])));

describe('checkpoint laws', () => {
  it('the running prefix root equals the RFC 9162 root of every prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const ls = leaves(n);
        const p = new PrefixRoots();
        expect(bytesEqual(p.root(), merkleRoot([]))).toBe(true);
        for (let i = 0; i < n; i++) {
          p.push(ls[i] as Uint8Array);
          expect(bytesEqual(p.root(), merkleRoot(ls.slice(0, i + 1)))).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('a log that grew from size m to n is consistent, with the proof from m to n', () => {
    fc.assert(
      fc.property(arbLog(1, 40), fc.nat(), (log, k) => {
        const hashes = log.map((e) => e.hash);
        const m = k % (hashes.length + 1);
        const older = makeCheckpoint(LOG, hashes.slice(0, m), NOW);
        const newer = makeCheckpoint(LOG, hashes, NOW);
        const proof =
          m === 0 ? [] : E.getOrElseW(() => [])(consistencyProof(hashes.map(eventLeafHash), m));
        expect(verifyCheckpointConsistency(older, newer, proof)).toEqual(
          E.right({ log_id: LOG, from: m, to: hashes.length }),
        );
        // Any changed bit in any proof node is refused.
        proof.forEach((_, i) => {
          const bad = proof.map((h, j) => (j === i ? h.map((b, x) => (x === 0 ? b ^ 1 : b)) : h));
          expect(E.isLeft(verifyCheckpointConsistency(older, newer, bad))).toBe(true);
        });
        // A different history of the same growth is refused.
        if (m > 0 && m < hashes.length) {
          const forked = makeCheckpoint(
            LOG,
            [...hashes.slice(0, m - 1), hashes[hashes.length - 1]!, ...hashes.slice(m)],
            NOW,
          );
          expect(E.isLeft(verifyCheckpointConsistency(older, forked, proof))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a log verifies against its own checkpoints and reports truncation below them', () => {
    fc.assert(
      fc.property(
        arbLog(1, 20),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (log, sizes, cut) => {
          const hashes = log.map((e) => e.hash);
          const cps = sizes.map((s) =>
            makeCheckpoint(LOG, hashes.slice(0, s % (hashes.length + 1)), NOW),
          );
          const ok = verifyEvents(LOG, log, { checkpoints: cps });
          expect(E.isRight(ok) && ok.right.root).toBe(makeCheckpoint(LOG, hashes, NOW).root);
          const keep = cut % (hashes.length + 1);
          const over = cps.filter((c) => c.size > keep).length;
          const r = verifyEvents(LOG, log.slice(0, keep), { checkpoints: cps });
          expect(E.isLeft(r) ? r.left.map((e) => [e.code, e.index]) : []).toEqual(
            Array.from({ length: over }, () => ['CORE_LOG_TRUNCATED', keep]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
