/**
 * The one ustar header Warrant writes, and the strict parser that accepts only that encoding.
 * Field layout from POSIX.1-2017 pax, "ustar Interchange Format"; every fixed value below is in
 * docs/spec/pack-archive.md#tar-header.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { utf8Decode } from '@warrant/core';
import { archiveError, type ArchiveError } from './errors';
import { parseArchivePath, USTAR_NAME_BYTES, USTAR_PREFIX_BYTES, type ArchivePath } from './path';

// --- model -----------------------------------------------------------------

/** tar block size. */
export const BLOCK_BYTES = 512;
/** Largest size 11 octal digits hold: 8 GiB - 1. */
export const MAX_USTAR_SIZE = 0o77777777777;

/** What a valid header says. */
export interface UstarHeader {
  readonly path: ArchivePath;
  readonly size: number;
}

// --- operations ------------------------------------------------------------

/**
 * Encodes the header for a regular file: mode 0644, uid/gid 0, empty owner names, mtime 0.
 * @param path - an accepted path (its ustar split is used as is)
 * @param size - content length, 0..{@link MAX_USTAR_SIZE}
 * @returns a fresh 512-byte block
 * @example
 * encodeUstarHeader(path, 5)[156] // 0x30, typeflag '0'
 */
export const encodeUstarHeader = (path: ArchivePath, size: number): Uint8Array => {
  const block = TEMPLATE.slice();
  block.set(path.name, FIELDS.name[0]);
  block.set(path.prefix, FIELDS.prefix[0]);
  writeAscii(block, FIELDS.size[0], size.toString(8).padStart(11, '0'));
  let sum = 0;
  for (let i = 0; i < BLOCK_BYTES; i++) sum += block[i] as number;
  writeAscii(block, FIELDS.chksum[0], sum.toString(8).padStart(6, '0'));
  block[FIELDS.chksum[0] + 6] = 0;
  block[FIELDS.chksum[0] + 7] = SPACE;
  return block;
};

/**
 * Parses one non-zero header block, accepting only the canonical encoding of a regular file.
 * Checks run in the order the spec lists: checksum, magic, typeflag, path, size, other fields.
 * @param block - 512 bytes
 * @returns the path and size, or the first rule the block breaks
 * @see docs/spec/pack-archive.md#reader-checks
 * @example
 * parseUstarHeader(encodeUstarHeader(path, 5)) // right({ path, size: 5 })
 */
export const parseUstarHeader = (block: Uint8Array): E.Either<ArchiveError, UstarHeader> => {
  const stored = readOctal(block, FIELDS.chksum[0], 6);
  if (stored === undefined || block[154] !== 0 || block[155] !== SPACE) {
    return E.left(
      archiveError(
        'PACK_ARCHIVE_HEADER_CHECKSUM',
        'checksum field is not 6 octal digits, NUL, space',
      ),
    );
  }
  let sum = 8 * SPACE;
  for (let i = 0; i < BLOCK_BYTES; i++) if (i < 148 || i >= 156) sum += block[i] as number;
  if (sum !== stored) {
    return E.left(
      archiveError(
        'PACK_ARCHIVE_HEADER_CHECKSUM',
        `header checksum is ${stored.toString(8)} but the header bytes sum to ${sum.toString(8)}`,
      ),
    );
  }
  if (!sameBytes(block, FIELDS.magic[0], MAGIC_VERSION)) {
    return E.left(
      archiveError('PACK_ARCHIVE_HEADER_INVALID', 'magic/version is not "ustar\\0" "00"'),
    );
  }
  const nameField = cString(block, FIELDS.name[0], USTAR_NAME_BYTES);
  const prefixField = cString(block, FIELDS.prefix[0], USTAR_PREFIX_BYTES);
  const shown = utf8Decode(joinPath(prefixField, nameField)) ?? '(not UTF-8)';
  const typeError = checkTypeflag(block[FIELDS.typeflag[0]] as number, shown);
  if (typeError !== undefined) return E.left(typeError);
  if (nameField === undefined || prefixField === undefined) {
    return E.left(
      archiveError('PACK_ARCHIVE_HEADER_INVALID', 'name or prefix has bytes after its NUL', shown),
    );
  }
  const text = utf8Decode(joinPath(prefixField, nameField));
  if (text === undefined) {
    return E.left(archiveError('PACK_ARCHIVE_PATH_INVALID', 'entry path is not UTF-8', shown));
  }
  const path = parseArchivePath(text);
  if (E.isLeft(path)) return path;
  const size = block[135] === 0 ? readOctal(block, FIELDS.size[0], 11) : undefined;
  if (size === undefined) {
    return E.left(
      archiveError('PACK_ARCHIVE_HEADER_INVALID', 'size is not 11 octal digits and NUL', text),
    );
  }
  // The checksum already matched, so any difference lies in another field: name that one.
  const canonical = encodeUstarHeader(path.right, size);
  for (let i = 0; i < BLOCK_BYTES; i++) {
    if (canonical[i] !== block[i] && (i < 148 || i >= 156)) {
      return E.left(
        archiveError(
          'PACK_ARCHIVE_HEADER_INVALID',
          `header field ${fieldAt(i)} differs from its canonical value at byte ${i}`,
          text,
        ),
      );
    }
  }
  return E.right({ path: path.right, size });
};

// --- internal --------------------------------------------------------------

const SPACE = 0x20;
// [offset, length] of each header field.
const FIELDS = {
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
} as const;

const MAGIC_VERSION = [0x75, 0x73, 0x74, 0x61, 0x72, 0, 0x30, 0x30]; // "ustar\0" "00"

const writeAscii = (block: Uint8Array, offset: number, text: string): void => {
  for (let i = 0; i < text.length; i++) block[offset + i] = text.charCodeAt(i);
};

const TEMPLATE = (() => {
  const block = new Uint8Array(BLOCK_BYTES);
  writeAscii(block, FIELDS.mode[0], '0000644\0');
  writeAscii(block, FIELDS.uid[0], '0000000\0');
  writeAscii(block, FIELDS.gid[0], '0000000\0');
  writeAscii(block, FIELDS.size[0] + 11, '\0');
  writeAscii(block, FIELDS.mtime[0], '00000000000\0');
  writeAscii(block, FIELDS.chksum[0], '        ');
  writeAscii(block, FIELDS.typeflag[0], '0');
  writeAscii(block, FIELDS.magic[0], 'ustar\u000000');
  return block;
})();

const sameBytes = (block: Uint8Array, offset: number, expected: ReadonlyArray<number>): boolean =>
  expected.every((b, i) => block[offset + i] === b);

// Exactly `digits` ASCII octal digits, no spaces or signs (the canonical form only).
const readOctal = (block: Uint8Array, offset: number, digits: number): number | undefined => {
  let value = 0;
  for (let i = 0; i < digits; i++) {
    const d = (block[offset + i] as number) - 0x30;
    if (d < 0 || d > 7) return undefined;
    value = value * 8 + d;
  }
  return value;
};

// The bytes up to the first NUL; undefined when a non-NUL byte follows that NUL.
const cString = (block: Uint8Array, offset: number, length: number): Uint8Array | undefined => {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  if (end === -1) return field;
  for (let i = end + 1; i < length; i++) if (field[i] !== 0) return undefined;
  return field.subarray(0, end);
};

const joinPath = (prefix: Uint8Array | undefined, name: Uint8Array | undefined): Uint8Array => {
  const p = prefix ?? new Uint8Array(0);
  const n = name ?? new Uint8Array(0);
  if (p.length === 0) return n;
  const out = new Uint8Array(p.length + 1 + n.length);
  out.set(p);
  out[p.length] = 0x2f;
  out.set(n, p.length + 1);
  return out;
};

const checkTypeflag = (flag: number, shown: string): ArchiveError | undefined => {
  const c = String.fromCharCode(flag);
  const what = flag === 0 ? 'NUL' : `"${c}"`;
  if (c === '0') return undefined;
  if (c === '1' || c === '2') {
    const kind = c === '1' ? 'hard link' : 'symbolic link';
    return archiveError('PACK_ARCHIVE_LINK', `entry is a ${kind} (typeflag ${what})`, shown);
  }
  if (c === '3' || c === '4' || c === '6') {
    const kind = c === '3' ? 'character device' : c === '4' ? 'block device' : 'FIFO';
    return archiveError(
      'PACK_ARCHIVE_SPECIAL_FILE',
      `entry is a ${kind} (typeflag ${what})`,
      shown,
    );
  }
  if (c === 'x' || c === 'g' || c === 'L' || c === 'K') {
    return archiveError(
      'PACK_ARCHIVE_EXTENDED_HEADER',
      `PAX/GNU extended header (typeflag ${what}) is not allowed`,
      shown,
    );
  }
  return archiveError(
    'PACK_ARCHIVE_ENTRY_TYPE',
    `entry type ${what} is not a regular file (typeflag "0")`,
    shown,
  );
};

const fieldAt = (offset: number): string => {
  for (const [name, [start, length]] of Object.entries(FIELDS)) {
    if (offset >= start && offset < start + length) return name;
  }
  return 'unknown';
};
