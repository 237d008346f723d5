/**
 * The entry path grammar, its byte order, and the ustar prefix/name split. The writer and the
 * reader apply the same rules, so nothing the writer refuses can be read back and vice versa.
 * @see docs/spec/pack-archive.md#paths
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { utf8Encode } from '@warrant/core';
import { archiveError, type ArchiveError } from './errors';

// --- model -----------------------------------------------------------------

/** ustar `name` field width (POSIX.1-2017 pax, "ustar Interchange Format"). */
export const USTAR_NAME_BYTES = 100;
/** ustar `prefix` field width. */
export const USTAR_PREFIX_BYTES = 155;
/** Longest path: prefix + '/' + name. */
export const MAX_PATH_BYTES = USTAR_PREFIX_BYTES + 1 + USTAR_NAME_BYTES;

/** A path that passed the grammar, with the bytes the header stores. */
export interface ArchivePath {
  readonly text: string;
  readonly utf8: Uint8Array;
  /** The ustar `prefix` field content (empty when the path fits `name`). */
  readonly prefix: Uint8Array;
  /** The ustar `name` field content. */
  readonly name: Uint8Array;
}

// --- operations ------------------------------------------------------------

/**
 * Checks a path against the grammar and splits it for the ustar header.
 * @param text - the candidate entry path
 * @returns the accepted path with its UTF-8 bytes and ustar split, or a `PACK_ARCHIVE_PATH_*` error
 * @see docs/spec/pack-archive.md#paths
 * @example
 * E.isRight(parseArchivePath('sboms/app.cdx.json')) // true
 * parseArchivePath('../etc/passwd') // left({ code: 'PACK_ARCHIVE_PATH_TRAVERSAL', … })
 */
export const parseArchivePath = (text: string): E.Either<ArchiveError, ArchivePath> => {
  const fail = (code: Parameters<typeof archiveError>[0], why: string) =>
    E.left(archiveError(code, `entry path ${why}`, text));
  if (text.length === 0) return fail('PACK_ARCHIVE_PATH_INVALID', 'is empty');
  if (LONE_SURROGATE.test(text)) return fail('PACK_ARCHIVE_PATH_INVALID', 'is not valid Unicode');
  const utf8 = utf8Encode(text);
  if (utf8.length > MAX_PATH_BYTES) {
    return fail(
      'PACK_ARCHIVE_PATH_TOO_LONG',
      `is ${utf8.length} UTF-8 bytes, over ${MAX_PATH_BYTES}`,
    );
  }
  if (text.startsWith('/') || DRIVE_LETTER.test(text)) {
    return fail('PACK_ARCHIVE_PATH_ABSOLUTE', 'must be relative (no leading "/" or drive letter)');
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === BACKSLASH) {
      const shown = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      return fail('PACK_ARCHIVE_PATH_INVALID', `contains ${shown} at index ${i}`);
    }
  }
  for (const segment of text.split('/')) {
    if (segment === '') return fail('PACK_ARCHIVE_PATH_INVALID', 'has an empty segment');
    if (segment === '.' || segment === '..') {
      return fail('PACK_ARCHIVE_PATH_TRAVERSAL', `has a "${segment}" segment`);
    }
  }
  if (!isAscii(utf8) && text.normalize('NFC') !== text) {
    return fail('PACK_ARCHIVE_PATH_INVALID', 'is not in Unicode Normalization Form C');
  }
  const split = splitUstar(utf8);
  if (split === undefined) {
    return fail(
      'PACK_ARCHIVE_PATH_TOO_LONG',
      `cannot be split into a ${USTAR_PREFIX_BYTES}-byte prefix and a ${USTAR_NAME_BYTES}-byte name at a "/"`,
    );
  }
  return E.right({ text, utf8, prefix: split.prefix, name: split.name });
};

/**
 * Checks a path against the archive path grammar (the same check the writer and reader apply).
 * @param path - the candidate entry path
 * @returns the path unchanged, or a `PACK_ARCHIVE_PATH_*` error naming it
 * @see docs/spec/pack-archive.md#paths
 * @example
 * validateArchivePath('sboms/app.cdx.json') // right('sboms/app.cdx.json')
 * validateArchivePath('/etc/passwd')        // left({ code: 'PACK_ARCHIVE_PATH_ABSOLUTE', … })
 */
export const validateArchivePath = (path: string): E.Either<ArchiveError, string> =>
  E.map((p: ArchivePath) => p.text)(parseArchivePath(path));

/**
 * Orders entry paths as the archive does: by their UTF-8 bytes (Unicode code point order).
 * @param a - first path
 * @param b - second path
 * @returns negative, zero or positive
 * @see docs/spec/pack-archive.md#entry-order
 * @example
 * ['b', 'a/b', 'a-b'].sort(compareArchivePaths) // ['a-b', 'a/b', 'b']
 */
export const compareArchivePaths = (a: string, b: string): number =>
  compareBytes(utf8Encode(a), utf8Encode(b));

/**
 * Orders byte strings lexicographically (unsigned bytes; a proper prefix sorts first). On UTF-8
 * paths this is Unicode code point order, which differs from JavaScript's UTF-16 string order.
 * @param a - first path's UTF-8 bytes
 * @param b - second path's UTF-8 bytes
 * @returns negative, zero or positive
 * @see docs/spec/pack-archive.md#entry-order
 * @example
 * compareBytes(utf8Encode('a/b'), utf8Encode('a-b')) > 0 // true: '/' is 0x2f, '-' is 0x2d
 */
export const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
};

// --- internal --------------------------------------------------------------

const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const DRIVE_LETTER = /^[A-Za-z]:/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isAscii = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
};

// Longest prefix that fits: the last "/" at byte index <= 155, as GNU tar and Go's archive/tar
// split. A name that still exceeds 100 bytes cannot be stored in ustar without PAX.
const splitUstar = (utf8: Uint8Array): { prefix: Uint8Array; name: Uint8Array } | undefined => {
  if (utf8.length <= USTAR_NAME_BYTES) return { prefix: utf8.subarray(0, 0), name: utf8 };
  for (let i = Math.min(USTAR_PREFIX_BYTES, utf8.length - 1); i > 0; i--) {
    if (utf8[i] !== SLASH) continue;
    const name = utf8.subarray(i + 1);
    return name.length <= USTAR_NAME_BYTES ? { prefix: utf8.subarray(0, i), name } : undefined;
  }
  return undefined;
};
