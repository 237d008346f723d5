/**
 * CRC-32 as gzip uses it (RFC 1952 section 8: polynomial 0xEDB88320 reflected, initial and final
 * XOR 0xFFFFFFFF), slicing-by-16 over 32-bit words so the reader's check costs little next to
 * inflate (about 2x the slicing-by-8 byte loop it replaced; bench/RESULTS.md `## pack`).
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

// T[k * 256 + b]: CRC of byte b followed by k zero bytes (slicing-by-N, Intel 2006), one flat
// array so every lookup is a single typed-array read.
const T: Int32Array = (() => {
  const t = new Int32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let i = 256; i < t.length; i++) {
    const p = t[i - 256] as number;
    t[i] = (t[p & 0xff] as number) ^ (p >>> 8);
  }
  return t;
})();

// Words are read with an Int32Array view, which uses the platform's byte order; the word loop
// assumes little-endian (every JavaScript platform in practice) and big-endian hosts take the
// byte loop.
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

const update = (start: number, d: Uint8Array): number => {
  let crc = start;
  let i = 0;
  const n = d.length;
  // Typed-array reads are in bounds by construction; the casts only satisfy noUncheckedIndexedAccess.
  if (LITTLE_ENDIAN && n >= 64) {
    const head = (4 - (d.byteOffset & 3)) & 3; // bytes until a 4-byte aligned address
    for (; i < head; i++) crc = (T[(crc ^ (d[i] as number)) & 0xff] as number) ^ (crc >>> 8);
    const blocks = (n - i) >>> 4;
    const w = new Int32Array(d.buffer, d.byteOffset + i, blocks * 4);
    for (let j = 0; j < w.length; j += 4) {
      const a = crc ^ (w[j] as number);
      const b = w[j + 1] as number;
      const c = w[j + 2] as number;
      const e = w[j + 3] as number;
      crc =
        (T[3840 + (a & 0xff)] as number) ^
        (T[3584 + ((a >>> 8) & 0xff)] as number) ^
        (T[3328 + ((a >>> 16) & 0xff)] as number) ^
        (T[3072 + (a >>> 24)] as number) ^
        (T[2816 + (b & 0xff)] as number) ^
        (T[2560 + ((b >>> 8) & 0xff)] as number) ^
        (T[2304 + ((b >>> 16) & 0xff)] as number) ^
        (T[2048 + (b >>> 24)] as number) ^
        (T[1792 + (c & 0xff)] as number) ^
        (T[1536 + ((c >>> 8) & 0xff)] as number) ^
        (T[1280 + ((c >>> 16) & 0xff)] as number) ^
        (T[1024 + (c >>> 24)] as number) ^
        (T[768 + (e & 0xff)] as number) ^
        (T[512 + ((e >>> 8) & 0xff)] as number) ^
        (T[256 + ((e >>> 16) & 0xff)] as number) ^
        (T[e >>> 24] as number);
    }
    i += blocks * 16;
  }
  for (; i < n; i++) crc = (T[(crc ^ (d[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return crc;
};
