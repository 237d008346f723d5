/**
 * CRC-32 as gzip uses it (RFC 1952 section 8: polynomial 0xEDB88320 reflected, initial and final
 * XOR 0xFFFFFFFF), slicing-by-8 so the reader's check costs little next to inflate.
 * fflate computes this internally but does not export it, and its Gunzip does not check it.
 * @module
 */

/** An incremental CRC-32. */
export interface Crc32 {
  /** Feeds more bytes. */
  readonly update: (bytes: Uint8Array) => void;
  /** The CRC of everything fed so far, as an unsigned 32-bit integer. */
  readonly value: () => number;
}

/**
 * Starts a CRC-32 computation.
 * @returns an incremental CRC-32
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-8
 * @example
 * const c = createCrc32(); c.update(new TextEncoder().encode('123456789')); c.value() // 0xcbf43926
 */
export const createCrc32 = (): Crc32 => {
  let crc = -1;
  return {
    update: (bytes) => {
      crc = update(crc, bytes);
    },
    value: () => ~crc >>> 0,
  };
};

// --- internal --------------------------------------------------------------

// TABLES[k][b]: CRC of byte b followed by k zero bytes; slicing-by-8 (Intel, 2006).
const TABLES: ReadonlyArray<Int32Array> = (() => {
  const t = Array.from({ length: 8 }, () => new Int32Array(256));
  const t0 = t[0] as Int32Array;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c;
  }
  for (let k = 1; k < 8; k++) {
    const prev = t[k - 1] as Int32Array;
    const cur = t[k] as Int32Array;
    for (let n = 0; n < 256; n++) {
      const p = prev[n] as number;
      cur[n] = (t0[p & 0xff] as number) ^ (p >>> 8);
    }
  }
  return t;
})();

const [T0, T1, T2, T3, T4, T5, T6, T7] = TABLES as [
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  Int32Array,
];

const update = (start: number, d: Uint8Array): number => {
  let crc = start;
  let i = 0;
  const n8 = d.length - (d.length % 8);
  // Typed-array reads are in bounds by construction; the casts only satisfy noUncheckedIndexedAccess.
  for (; i < n8; i += 8) {
    const a =
      crc ^
      ((d[i] as number) |
        ((d[i + 1] as number) << 8) |
        ((d[i + 2] as number) << 16) |
        ((d[i + 3] as number) << 24));
    crc =
      (T7[a & 0xff] as number) ^
      (T6[(a >>> 8) & 0xff] as number) ^
      (T5[(a >>> 16) & 0xff] as number) ^
      (T4[a >>> 24] as number) ^
      (T3[d[i + 4] as number] as number) ^
      (T2[d[i + 5] as number] as number) ^
      (T1[d[i + 6] as number] as number) ^
      (T0[d[i + 7] as number] as number);
  }
  for (; i < d.length; i++) crc = (T0[(crc ^ (d[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return crc;
};
