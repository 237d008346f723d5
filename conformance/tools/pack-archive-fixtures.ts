/**
 * Hand-built tar and gzip bytes for the archive vectors and tests: headers with any field value
 * (a correct checksum unless told otherwise), raw tar streams, and a gzip bomb built by repeating
 * one byte-aligned deflate segment, so a 1 GiB bomb costs milliseconds to make.
 * Deterministic: the same call gives the same bytes.
 * @module
 */
import { crc32 } from 'node:zlib';
import { Deflate } from 'fflate';
import { createDeterministicGzip } from '../../packages/pack/src/archive/gzip';

/** A field's content: text (UTF-8 encoded) or raw bytes; NUL padded to the field width. */
export type FieldValue = string | Uint8Array;

/** Every ustar header field. */
export interface RawHeaderFields {
  name: FieldValue;
  mode: FieldValue;
  uid: FieldValue;
  gid: FieldValue;
  size: FieldValue;
  mtime: FieldValue;
  /** Stored as given when set; otherwise computed correctly ("%06o\0 "). */
  chksum?: FieldValue;
  typeflag: FieldValue;
  linkname: FieldValue;
  magic: FieldValue;
  version: FieldValue;
  uname: FieldValue;
  gname: FieldValue;
  devmajor: FieldValue;
  devminor: FieldValue;
  prefix: FieldValue;
  /** The 12 unused bytes at 500. */
  pad?: FieldValue;
}

/** The canonical field values Warrant writes for a regular file (size and name aside). */
export const CANONICAL_FIELDS: RawHeaderFields = {
  name: '',
  mode: '0000644\0',
  uid: '0000000\0',
  gid: '0000000\0',
  size: '00000000000\0',
  mtime: '00000000000\0',
  typeflag: '0',
  linkname: '',
  magic: 'ustar\0',
  version: '00',
  uname: '',
  gname: '',
  devmajor: '',
  devminor: '',
  prefix: '',
};

const OFFSETS: Record<keyof RawHeaderFields, readonly [number, number]> = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  chksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
  pad: [500, 12],
};

/** The size field for `n` bytes: 11 octal digits and NUL. */
export const octalSize = (n: number): string => `${n.toString(8).padStart(11, '0')}\0`;

/** One 512-byte header block from field text; fields default to the canonical ones. */
export const rawHeader = (fields: Partial<RawHeaderFields>): Uint8Array => {
  const all = { ...CANONICAL_FIELDS, ...fields };
  const block = new Uint8Array(512);
  const enc = new TextEncoder();
  for (const [key, [offset, length]] of Object.entries(OFFSETS)) {
    const value = all[key as keyof RawHeaderFields];
    if (value === undefined) continue;
    const bytes = typeof value === 'string' ? enc.encode(value) : value;
    if (bytes.length > length) throw new RangeError(`${key} is longer than ${length} bytes`);
    block.set(bytes, offset);
  }
  if (fields.chksum === undefined) {
    block.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of block) sum += b;
    block.set(enc.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  }
  return block;
};

/** Content padded with zeros to a 512-byte boundary. */
export const padded = (content: Uint8Array): Uint8Array => {
  const out = new Uint8Array(Math.ceil(content.length / 512) * 512);
  out.set(content);
  return out;
};

/** Two zero blocks. */
export const END_OF_ARCHIVE = new Uint8Array(1024);

/** Concatenates byte arrays. */
export const concat = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

/** A header, its content and padding, for a regular file with canonical fields. */
export const rawEntry = (
  path: string,
  content: Uint8Array,
  fields: Partial<RawHeaderFields> = {},
) => concat(rawHeader({ name: path, size: octalSize(content.length), ...fields }), padded(content));

/** Deterministic gzip (the writer's own) of raw tar bytes. */
export const gzipOf = (tar: Uint8Array): Uint8Array => {
  const out: Uint8Array[] = [];
  const gz = createDeterministicGzip((c) => out.push(c));
  gz.push(tar);
  gz.finish();
  return concat(...out);
};

/**
 * A valid .tar.gz holding one entry `zeros.bin` of `mebibytes` MiB of zero bytes, about 1 KiB
 * compressed per MiB. Built from one sync-flushed deflate segment of 1 MiB zeros repeated: its
 * back-references only reach zeros, so each copy inflates to the same 1 MiB.
 */
export const zeroBomb = (mebibytes: number): Uint8Array => {
  const MIB = 2 ** 20;
  const parts: Uint8Array[] = [];
  let collect: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (c) => collect.push(c));
  const take = (): Uint8Array => {
    const c = concat(...collect);
    collect = [];
    return c;
  };
  const header = rawHeader({ name: 'zeros.bin', size: octalSize(mebibytes * MIB) });
  deflate.push(header);
  deflate.flush(true);
  parts.push(take());
  const zeros = new Uint8Array(MIB);
  deflate.push(zeros);
  deflate.flush(true);
  const segment = take();
  for (let i = 0; i < mebibytes; i++) parts.push(segment);
  deflate.push(END_OF_ARCHIVE, true);
  parts.push(take());
  // node:zlib's native CRC-32 (Node >= 20.15) keeps a 1 GiB bomb cheap to make.
  let crc = crc32(header);
  for (let i = 0; i < mebibytes; i++) crc = crc32(zeros, crc);
  crc = crc32(END_OF_ARCHIVE, crc);
  const size = (512 + mebibytes * MIB + 1024) % 2 ** 32;
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc, true);
  new DataView(trailer.buffer).setUint32(4, size, true);
  return concat(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3), ...parts, trailer);
};
