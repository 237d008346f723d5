/**
 * @warrant/pack: deterministic, verifiable audit packs (browser-safe entry).
 * @module
 */
export const PACK_PACKAGE = '@warrant/pack' as const;
// --- encryption ---
export {
  encryptPack,
  decryptPack,
  isAgeEncrypted,
  generateAgeKeyPair,
  AGE_HEADER_PREFIX,
} from './encrypt';
export type { PackEncryption, PackDecryption, AgeKeyPair } from './encrypt';
export type { PackEncryptionError, PackEncryptionErrorCode } from './errors';

// --- archive ---
export { writeArchive, writeArchiveStream } from './archive/archive-writer';
export type { ArchiveSource, ArchiveSink } from './archive/archive-writer';
export { readArchive, readArchiveStream, createArchiveReader } from './archive/archive-reader';
export type { ArchiveEntry, ArchiveReader, ArchiveReadSummary } from './archive/archive-reader';
export { createArchiveWriter } from './archive/tar-writer';
export type { ArchiveWriter, ArchiveWriteSummary } from './archive/tar-writer';
export type {
  ArchiveEntryHandler,
  ArchiveEntryHeader,
  ArchiveEntrySink,
} from './archive/tar-reader';
export { DEFAULT_ARCHIVE_LIMITS, resolveArchiveLimits } from './archive/limits';
export type { ArchiveLimits } from './archive/limits';
export { validateArchivePath, compareArchivePaths } from './archive/path';
export { GZIP_HEADER, GZIP_LEVEL, GZIP_CHUNK_BYTES } from './archive/gzip';
export type { ArchiveError, ArchiveErrorCode } from './archive/errors';
