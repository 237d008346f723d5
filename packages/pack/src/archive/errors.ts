/**
 * The archive layer's error codes. Every refusal names the code, the entry path where there is
 * one, and what was found against what was expected. Hostile archives are rejected, never
 * sanitised. Each code is listed in docs/errors.md and defined in docs/spec/pack-archive.md.
 * @module
 */
import { makeError, type WarrantError } from '@warrant/core';

/** Every code the archive writer and reader can return. */
export type ArchiveErrorCode =
  /** A path breaks the grammar: empty, empty segment, control character, backslash, not NFC, not UTF-8. */
  | 'PACK_ARCHIVE_PATH_INVALID'
  /** A path starts with `/` or a drive letter (`C:`). */
  | 'PACK_ARCHIVE_PATH_ABSOLUTE'
  /** A path has a `.` or `..` segment. */
  | 'PACK_ARCHIVE_PATH_TRAVERSAL'
  /** A path is over 255 UTF-8 bytes or cannot be split into the ustar prefix and name fields. */
  | 'PACK_ARCHIVE_PATH_TOO_LONG'
  /** A path is both a file and the parent directory of another entry. */
  | 'PACK_ARCHIVE_PATH_CONFLICT'
  /** Two entries have the same path. */
  | 'PACK_ARCHIVE_DUPLICATE_ENTRY'
  /** Entries are not in ascending UTF-8 byte order of their paths. */
  | 'PACK_ARCHIVE_UNSORTED'
  /** The content written for an entry is not as long as its declared size. */
  | 'PACK_ARCHIVE_SIZE_MISMATCH'
  /** An entry is larger than `maxEntryBytes` or than ustar's 11 octal digits allow. */
  | 'PACK_ARCHIVE_ENTRY_TOO_LARGE'
  /** The uncompressed tar stream would exceed `maxUncompressedBytes`. */
  | 'PACK_ARCHIVE_TOO_LARGE'
  /** More entries than `maxEntries`. */
  | 'PACK_ARCHIVE_TOO_MANY_ENTRIES'
  /** Decompressed bytes exceed `maxRatio` times the compressed bytes read (a gzip bomb). */
  | 'PACK_ARCHIVE_RATIO_EXCEEDED'
  /** A hard link or symbolic link entry (typeflag `1` or `2`). */
  | 'PACK_ARCHIVE_LINK'
  /** A device or FIFO entry (typeflag `3`, `4` or `6`). */
  | 'PACK_ARCHIVE_SPECIAL_FILE'
  /** A PAX or GNU extended header (typeflag `x`, `g`, `L` or `K`). */
  | 'PACK_ARCHIVE_EXTENDED_HEADER'
  /** Any other non-regular entry type (directory `5`, contiguous `7`, old-style NUL, vendor types). */
  | 'PACK_ARCHIVE_ENTRY_TYPE'
  /** A tar header's checksum field is malformed or does not match the header bytes. */
  | 'PACK_ARCHIVE_HEADER_CHECKSUM'
  /** A tar header field differs from the one canonical encoding (magic, mode, owner, mtime, …). */
  | 'PACK_ARCHIVE_HEADER_INVALID'
  /** The padding after an entry's content is not all zero bytes. */
  | 'PACK_ARCHIVE_PADDING'
  /** The input ends inside the gzip member, a tar header, content, or before end-of-archive. */
  | 'PACK_ARCHIVE_TRUNCATED'
  /** Bytes follow the tar end-of-archive blocks or the gzip member. */
  | 'PACK_ARCHIVE_TRAILING_DATA'
  /** The gzip header is not the fixed 10 bytes `1f8b0800000000000003`. */
  | 'PACK_ARCHIVE_GZIP_HEADER'
  /** The deflate data is malformed. */
  | 'PACK_ARCHIVE_GZIP_CORRUPT'
  /** The gzip trailer's CRC-32 or ISIZE does not match the decompressed bytes. */
  | 'PACK_ARCHIVE_GZIP_CHECKSUM'
  /** A file could not be read or written (Node helpers only). */
  | 'PACK_ARCHIVE_IO';

/** Why an archive could not be written or read. `path` is the entry path, when there is one. */
export type ArchiveError = WarrantError<ArchiveErrorCode>;

/**
 * Builds an archive error value.
 * @internal
 */
export const archiveError = (
  code: ArchiveErrorCode,
  message: string,
  path?: string,
): ArchiveError => makeError(code, message, path);
