/**
 * The positions of a list of keys in key order (UTF-16 code units), stable: what
 * `positions.sort((a, b) => compareCodeUnits(keys[a], keys[b]))` gives, without calling a
 * comparator a million times. Finding keys are `sha256:` and 64 lowercase hex digits, so the
 * first hex digits, read as a number, order them as their text does; each key's leading digits
 * and its position are packed into one float64 (exact below 2^53) and the array is sorted
 * numerically by the engine. Keys whose leading digits are equal are then ordered by their
 * full text. Any key of another form sends the whole list to the comparator sort.
 * @module
 */
import { compareCodeUnits } from '@warrant/core';

// --- operations ------------------------------------------------------------

/**
 * Positions of the keys in key order; equal keys keep their input order.
 * @param keys - the keys
 * @param bits - bits of the packed numbers (53; tests pass fewer to reach the other branches)
 * @returns position of the smallest key first
 * @see docs/spec/verdict-v1.md section 4.1
 * @example
 * keyOrder(['sha256:bb…', 'sha256:aa…']) // [1, 0]
 * @internal
 */
export const keyOrder = (keys: ReadonlyArray<string>, bits = 53): number[] => {
  const n = keys.length;
  // Bits for the position, the rest of the 53 for leading hex digits (4 bits each).
  const positionBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const digits = Math.min(8, Math.floor((bits - positionBits) / 4));
  if (digits < 1) return comparatorOrder(keys);
  const scale = 2 ** positionBits;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lead = leadingHex(keys[i] as string, digits);
    if (lead < 0) return comparatorOrder(keys);
    packed[i] = lead * scale + i;
  }
  packed.sort();
  const out = new Array<number>(n);
  for (let j = 0; j < n; j++) out[j] = (packed[j] as number) % scale;
  // Runs of equal leading digits: order by the full key, then by position (stable).
  let start = 0;
  for (let j = 1; j <= n; j++) {
    if (j < n && lead(packed[j] as number, scale) === lead(packed[start] as number, scale))
      continue;
    if (j - start > 1) sortRun(out, start, j, keys);
    start = j;
  }
  return out;
};

// --- internal --------------------------------------------------------------

const PREFIX = 'sha256:';

const lead = (packed: number, scale: number): number => Math.floor(packed / scale);

// The first `digits` hex digits after `sha256:` as a number, or -1 when the key is not of that
// form (uppercase digits included: their code units do not follow numeric order).
const leadingHex = (key: string, digits: number): number => {
  if (typeof key !== 'string' || key.length < PREFIX.length + digits || !key.startsWith(PREFIX)) {
    return -1;
  }
  let v = 0;
  for (let i = PREFIX.length; i < PREFIX.length + digits; i++) {
    const c = key.charCodeAt(i);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
};

const comparatorOrder = (keys: ReadonlyArray<string>): number[] =>
  keys.map((_, i) => i).sort((a, b) => compareCodeUnits(keys[a] as string, keys[b] as string));

const sortRun = (out: number[], from: number, to: number, keys: ReadonlyArray<string>): void => {
  const run = out
    .slice(from, to)
    .sort((a, b) => compareCodeUnits(keys[a] as string, keys[b] as string) || a - b);
  for (let j = 0; j < run.length; j++) out[from + j] = run[j] as number;
};
