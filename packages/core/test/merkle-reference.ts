/**
 * A deliberately naive RFC 9162 section 2.1 implementation for tests: the recursive definitions
 * of MTH, PATH and PROOF/SUBPROOF transcribed literally over arrays, hashing with node:crypto
 * directly. It shares no code with src/, so agreement between the two means something.
 * @module
 */
import { createHash } from 'node:crypto';

const h = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p);
  return new Uint8Array(hash.digest());
};

const k = (n: number): number => {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
};

/** MTH over raw entries (section 2.1.1). */
export const refMth = (d: ReadonlyArray<Uint8Array>): Uint8Array => {
  if (d.length === 0) return h();
  if (d.length === 1) return h(new Uint8Array([0]), d[0] as Uint8Array);
  const split = k(d.length);
  return h(new Uint8Array([1]), refMth(d.slice(0, split)), refMth(d.slice(split)));
};

/** PATH(m, D[n]) (section 2.1.3.1). */
export const refPath = (m: number, d: ReadonlyArray<Uint8Array>): Uint8Array[] => {
  if (d.length <= 1) return [];
  const split = k(d.length);
  return m < split
    ? [...refPath(m, d.slice(0, split)), refMth(d.slice(split))]
    : [...refPath(m - split, d.slice(split)), refMth(d.slice(0, split))];
};

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (section 2.1.4.1). */
export const refProof = (m: number, d: ReadonlyArray<Uint8Array>): Uint8Array[] =>
  subproof(m, d, true);

const subproof = (m: number, d: ReadonlyArray<Uint8Array>, b: boolean): Uint8Array[] => {
  if (m === d.length) return b ? [] : [refMth(d)];
  const split = k(d.length);
  return m <= split
    ? [...subproof(m, d.slice(0, split), b), refMth(d.slice(split))]
    : [...subproof(m - split, d.slice(split), false), refMth(d.slice(0, split))];
};

/** Deterministic entries of varied lengths (0..40 bytes) for tests. */
export const testEntries = (n: number): Uint8Array[] =>
  Array.from({ length: n }, (_, i) => {
    const seed = h(new TextEncoder().encode(`entry ${i}`));
    return seed.slice(0, i % 33);
  });
