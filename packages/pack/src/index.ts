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

// --- pack format v1 ---
export {
  PACK_PATHS,
  PACK_FOLDERS,
  PACK_KINDS,
  UNLISTED_PATHS,
  checkLayout,
  mediaTypeOf,
} from './layout';
export type { PackKind } from './layout';
export {
  PackManifest,
  PackFileEntry,
  PackArtifact,
  PackSubject,
  PackPrevious,
  PACK_SCHEMA,
  PACK_MERKLE_ALGORITHM,
  PACK_MERKLE_LEAF,
  fileLeaf,
  packMerkleRoot,
  completeManifest,
  readManifest,
  packIdOf,
} from './manifest';
export type { ManifestDraft } from './manifest';
export { renderSha256Sums } from './sums';
export { VERIFY_MD } from './verify-md';
export { planFiles, planExtraFiles } from './build-input';
export type { PackInput, PackBlob, PackStream, PackExtraFile, PlannedFile } from './build-input';
export { createDigestCache } from './cache';
export type { PackDigestCache, CachedDigest } from './cache';
export { buildPack, buildPackBytes, PACK_GENERATOR } from './build';
export type { BuildOptions, BuiltPack, PackExtension, PackProgress, PackView } from './build';
export {
  MANIFEST_PAYLOAD_TYPE,
  signPackFiles,
  verifyManifestSignature,
  verifyManifestSignatureValue,
  verifyVerdictStatement,
} from './sign';
export type { PackTrust, VerifiedSignature } from './sign';
export {
  IN_TOTO_STATEMENT_TYPE,
  IN_TOTO_PAYLOAD_TYPE,
  VERDICT_PREDICATE_TYPE,
  makeVerdictStatement,
  checkVerdictStatement,
  statementBytes,
  verdictEntry,
} from './statement';
export type { VerdictStatement, VerdictPredicate } from './statement';
export { verifyPack } from './verify';
export type { PackReplay, PackVerifyFailure, VerifiedPack, VerifyPackOptions } from './verify';
export { renderSummary } from './summary-text';
export type { SummaryFacts } from './summary-text';
export type { PackError, PackErrorCode, PackFormatErrorCode } from './errors';
export { proveFile, proofBytes, verifyFileProof, PackFileProof, PACK_PROOF_SCHEMA } from './prove';
export type { VerifiedFileProof } from './prove';

// --- redaction ---
export { redactFiles } from './redact/engine';
export type {
  RedactionFile,
  RedactionKeys,
  RedactionOpenings,
  RedactionRecord,
  RedactionResult,
} from './redact/engine';
export {
  RedactionProfile,
  RedactionRule,
  RedactionAction,
  decodeRedactionProfile,
  redactionProfileDigest,
  REDACTION_PROFILE_SCHEMA,
  REDACTION_ACTIONS,
} from './redact/profile';
export type { RedactionProfileError } from './redact/profile';
export {
  INTERNAL_PROFILE,
  EXTERNAL_AUDITOR_PROFILE,
  BUILTIN_PROFILE_NAMES,
  builtinProfile,
} from './redact/builtin';
export {
  hmacSha256,
  pseudonymize,
  isRedactionOutput,
  REDACTION_MASK,
  PSEUDONYM_PREFIX,
  REDACTION_KEY_BYTES,
} from './redact/replacement';
export { parseSelector, selectNodes } from './redact/selector';
export type { Selector, SelectorStep, SelectorSyntaxError, NodeLocation } from './redact/selector';
export { parseFilePattern, matchFilePattern } from './redact/file-pattern';
export type { FilePattern } from './redact/file-pattern';
export { REDACTION_SWEEP_MIN_BYTES } from './redact/sweep';
export {
  COMMITMENTS_PATH,
  COMMITMENTS_SCHEMA,
  readCommitments,
  verifyNodeOpening,
  verifySourceOpening,
  sourceDigest,
  commitNode,
  commitSource,
  nodeSalt,
  sourceSalt,
} from './redact/commitment';
export type { CommitmentsFile, CommittedNode, NodeOpening, SourceFile } from './redact/commitment';
export type { RedactionError, RedactionRunError, RedactionRunErrorCode } from './redact/errors';
// --- summary and diff ---
export {
  renderSummaryHtml,
  SUMMARY_MAX_FINDING_ROWS,
  FINDING_STATUSES,
} from './report/summary-html';
export { summarySource, SUMMARY_INPUTS } from './report/summary-source';
export type { SummaryMeta, SummarySource } from './report/summary-source';
export { escapeHtml } from './report/html';
export { diffPacks, isEmptyDiff, PACK_DIFF_SCHEMA } from './diff/pack-diff';
export type { PackDiff, DiffExceptionChange } from './diff/pack-diff';
export type {
  PackContents,
  DiffError,
  DiffException,
  DiffFinding,
  DiffFindingChange,
} from './diff/pack-side';
export { formatPackDiff } from './diff/format';
// --- redaction, summary and diff in a build ---
export {
  redactPlannedFiles,
  REDACTION_RECORD_PATH,
  REDACTION_RECORD_SCHEMA,
} from './redact/build-step';
export type { PackRedaction } from './redact/build-step';
export { summaryHtmlFile, summaryTitle, SUMMARY_HTML_PATH } from './report/summary-file';
export { diffExtension, DIFF_PATH } from './diff/extension';
export { replayVerdict, REPLAY_POLICY_PATH, REPLAY_VEX_PATH } from './replay';

// --- re-signing ---
export { resignPack } from './resign';
export type { PackSource, ResignedPack, ResignMode, ResignOptions } from './resign';
