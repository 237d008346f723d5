/**
 * @warrant/core: the verifiable primitives of Warrant.
 * @module
 */
export { formatError, makeError } from './errors';
export type { WarrantError } from './errors';
export { formatJsonPath } from './json-path';
export type { PathSegment } from './json-path';
export { canonicalize, canonicalizeToBytes } from './canonical-json';
export { parseJsonStrict, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './json-parse';
export type { JsonParseError, JsonParseErrorCode, JsonParseLimits } from './json-parse';
export type { CanonicalJsonError, JsonArray, JsonObject, JsonValue } from './canonical-json';
export { toHex, fromHex, utf8Encode, utf8Decode, concatBytes, bytesEqual } from './bytes';
export {
  Timestamp,
  parseTimestamp,
  toEpochMillis,
  fromEpochMillis,
  addDays,
  compareTimestamps,
  DAY_MS,
} from './time';
export type { Clock, TimestampBrand, TimestampError } from './time';
export { Actor, EventDraft, EventPayload, LogEvent } from './event';

// --- digest and merkle ---
export {
  Sha256Digest,
  parseDigest,
  sha256,
  createSha256,
  digestBytes,
  digestCanonical,
  digestFromRaw,
  digestToRaw,
  SHA256_DIGEST_LENGTH,
  SHA256_IMPLEMENTATION,
} from './digest';
export type { DigestError, Sha256DigestBrand, Sha256Hasher } from './digest';
export { sha256Async, digestBytesAsync, digestStream } from './digest-async';
export type {
  ByteSource,
  DigestStreamError,
  DigestStreamOptions,
  StreamDigest,
} from './digest-async';
export {
  hashLeaf,
  hashChildren,
  merkleRoot,
  merkleTreeHash,
  RFC9162_LEAF_PREFIX,
  RFC9162_NODE_PREFIX,
} from './merkle';
export type { MerkleProofError, MerkleProofErrorCode } from './merkle-error';
export { buildMerkleTree, inclusionProof, consistencyProof } from './merkle-tree';
export type { MerkleTree } from './merkle-tree';
export { verifyInclusion, rootFromInclusionProof } from './merkle-inclusion';
export type { InclusionProofInput, VerifiedInclusion } from './merkle-inclusion';
export { verifyConsistency, rootFromConsistencyProof } from './merkle-consistency';
export type { ConsistencyProofInput, VerifiedConsistency } from './merkle-consistency';
