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
  daysAfter,
  isLaterThanDaysAfter,
  LAST_INSTANT,
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

// --- exceptions ---
export { decodeWith, toDecodeIssues } from './exception/decode';
export type { DecodeError, DecodeIssue } from './exception/decode';
export {
  closedObject,
  setOf,
  recordOf,
  showValue,
  checkedString,
  literalUnion,
  compareCodeUnits,
} from './exception/codec-kit';
export type { ClosedOutput, ClosedType, Props, Violation } from './exception/codec-kit';
export {
  Name,
  EnvValue,
  Text,
  ExceptionId,
  Uri,
  LinkRef,
  MediaType,
  RiskScore,
  VersionNumber,
  EXCEPTION_ID_PATTERN,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_URI_LENGTH,
} from './exception/fields';
export {
  ExceptionType,
  ReasonCode,
  ExceptionStatus,
  EvidenceKind,
  LinkKind,
  ResidualRisk,
  VersionOrigin,
  DecisionAction,
  EXCEPTION_TYPES,
  REASON_CODES,
  EXCEPTION_STATUSES,
  EVIDENCE_KINDS,
  LINK_KINDS,
  RESIDUAL_RISKS,
} from './exception/vocabulary';
export {
  canonicalPurl,
  purlHasVersion,
  purlStatesVersion,
  versSyntaxProblem,
  isVersWildcard,
  rangeSchemeProblem,
} from './exception/component-syntax';
export {
  Scope,
  ArtifactScope,
  ComponentScope,
  EnvironmentScope,
  Purl,
  VersRange,
  VulnerabilityId,
  ENVIRONMENT_DIMENSIONS,
} from './exception/scope';
export type { EnvironmentDimension } from './exception/scope';
export { EvidenceRef, Link, RiskAcceptance, CompensatingControl } from './exception/attachments';
export {
  ExceptionProposal,
  decodeProposal,
  proposalDigest,
  requiredScopeDimensions,
} from './exception/proposal';
export type { ProposalError, ProposalShape } from './exception/proposal';
export { Approval, Decision, DsseEnvelopeJson, APPROVAL_PAYLOAD_TYPE } from './exception/approval';
export {
  Exception,
  decodeException,
  exceptionContent,
  deriveExceptionId,
  EXCEPTION_SCHEMA,
} from './exception/exception';
export type { ExceptionError } from './exception/exception';
export { analyzeBreadth, compareBreadth, BREADTHS } from './exception/breadth';
export type { Breadth, BreadthAnalysis, BreadthReason, OpennessLevel } from './exception/breadth';
export {
  ProposedPayload,
  RevisedPayload,
  ApprovedPayload,
  ReviewPayload,
  VersionPayload,
  decodeExceptionEvent,
  encodeExceptionEvent,
  isExceptionEventType,
  EXCEPTION_EVENT_SCHEMA,
  EXCEPTION_EVENT_TYPES,
} from './exception/events';
export type { ExceptionEvent, ExceptionEventError, ExceptionEventType } from './exception/events';
export { versionStatusAt, effectiveStart, latestApproved } from './exception/status';
export type { ExceptionRecord, StatusAt, VersionRecord } from './exception/status';
export {
  applyExceptionEvent,
  foldExceptionEvents,
  foldExceptionLog,
  baseFor,
} from './exception/fold';
export type { ExceptionFoldError, ExceptionTransitionError } from './exception/fold';
export { exceptionStateAt, snapshotVersion } from './exception/state';
export type { ExceptionState } from './exception/state';
export { diffExceptions, diffJson } from './exception/diff';
export type { FieldChange } from './exception/diff';
export {
  ExceptionFilter,
  decodeExceptionFilter,
  envValueMatches,
  appliesInEnvironment,
  coversArtifacts,
  isActiveForArtifacts,
  matchesExceptionFilter,
  isExpiringWithin,
  isStale,
} from './exception/query';

// --- dsse ---
export { paeEncode, DSSE_PAE_PREFIX } from './dsse/pae';
export { encodeBase64, decodeBase64 } from './dsse/base64';
export {
  Base64String,
  DsseEnvelope,
  DsseSignature,
  decodeEnvelope,
  parseEnvelope,
} from './dsse/envelope';
export { signEnvelope, signJson } from './dsse/sign';
export { verifyEnvelope, DEFAULT_MAX_SIGNATURES } from './dsse/verify';
export {
  generateSigningKey,
  importJwk,
  importPrivateKeyPem,
  importPublicKeyPem,
  keyIdFromSpki,
} from './dsse/keys';
export type { Base64StringBrand } from './dsse/envelope';
export type { DsseAlgorithm } from './dsse/der';
export type {
  DsseDecodeError,
  DsseError,
  DsseErrorCode,
  DsseIssue,
  DsseKeyError,
  DsseTrustError,
  SignatureCheck,
  SignatureStatus,
} from './dsse/errors';
export type { Signer, Verifier } from './dsse/ports';
export type { VerifiedEnvelope, VerifyOptions } from './dsse/verify';
export type { GeneratedSigningKey, KeyOptions, PublicKey, SigningKey } from './dsse/keys';

// --- canonical-json ---
export type { CanonicalizeOptions, CanonicalJsonErrorCode } from './canonical-json';
// --- event log ---
export { EventSeq, LogId } from './event';
export type { EventSeqBrand, LogIdBrand } from './event';
export {
  EVENT_SCHEMA,
  GENESIS_SCHEMA,
  computeEventHash,
  emptyHead,
  genesisHash,
  sealEvents,
} from './event-log/chain';
export type { ChainHead, SealError, UnhashedEvent } from './event-log/chain';
export { encodeEventLines } from './event-log/json-lines';
export { createLogVerifier, verifyEventLines, verifyEvents } from './event-log/verify';
export {
  CHECKPOINT_PAYLOAD_TYPE,
  CHECKPOINT_SCHEMA,
  CheckpointStatement,
  eventLeafHash,
  makeCheckpoint,
  readCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  verifyCheckpointConsistency,
} from './event-log/checkpoint';
export type { CheckpointError, VerifiedCheckpoint } from './event-log/checkpoint';
export type {
  LogVerifier,
  LogVerifyError,
  LogVerifyErrorCode,
  LogVerifyOptions,
  LogVerifyReport,
} from './event-log/verify.types';
export { storeError } from './store/errors';
export type { StoreError, StoreErrorCode } from './store/errors';
export { PackRecord, decodePackRecord } from './store/pack-record';
export { checkpointLog, proveLogConsistency, verifyStoredLog } from './store/log-service';
export {
  ExceptionQuery,
  decodeExceptionQuery,
  evaluateExceptionQuery,
} from './store/exception-query';
export type { CheckpointTrust, StoredLogReport } from './store/log-service';
export type {
  BlobStore,
  CheckpointStore,
  ExceptionStore,
  StoredCheckpoint,
  EventStore,
  PackRecordStore,
  SeqRange,
  StoreResult,
  WarrantStore,
} from './store/port';
// --- formats: normalized finding, inventory, VEX and advisory models ---
export {
  ArtifactRef,
  ComponentRef,
  CvssScore,
  CvssVersion,
  Finding,
  FixInfo,
  FixState,
  Location,
  ScannerRef,
  Severity,
  SeverityRating,
  VulnerabilityRef,
  FINDING_KEY_SCHEMA,
  SEVERITY_LEVELS,
  canonicalVulnerabilityId,
  compareSeverity,
  findingKey,
} from './finding';
export type { FindingKeyInput } from './finding';
export { Component } from './inventory';
export {
  VexDocumentRef,
  VexJustification,
  VexProduct,
  VexStatement,
  VexStatus,
  VexSubcomponent,
} from './vex';
export { Advisory, AffectedPackage, AffectedRange, RangeEvent, aliasMapFrom } from './advisory';
export type { AliasMap } from './advisory';
// --- purl and vers (scope matching primitives) ---
export { parsePurl, normalizePurl, MAX_PURL_LENGTH } from './purl/purl';
export type { PackageUrl, PackageUrlBrand, PurlError } from './purl/purl';
export type { PurlComponents } from './purl/encode';
export { matchPurl, purlMatchKey } from './purl/match';
export type { PurlMatch } from './purl/match';
export type { PartOutcome, PurlPart, PurlPartMatch } from './purl/qualifiers';
export { matchComponent } from './purl/component';
export type { ComponentScopeError } from './purl/component';
export {
  compareVersions,
  isVersScheme,
  versSchemeForPurlType,
  versSchemesForPurlType,
  VERS_SCHEMES,
  MAX_VERSION_LENGTH,
} from './version/scheme';
export type { VersScheme, VersionError } from './version/scheme';
export type { Ordering } from './version/ordering';
export { parseVers, buildVers, MAX_VERS_LENGTH } from './version/vers';
export type {
  VersComparator,
  VersConstraint,
  VersError,
  VersionRange,
  VersionRangeBrand,
} from './version/vers';
export { versContains } from './version/vers-contains';
export type { VersContainment, VersContainmentRule } from './version/vers-contains';
// --- scope matching (one scope against one subject, with explanations) ---
export { EnvironmentFacts, SCOPE_DIMENSIONS, ENVIRONMENT_FACT_OF } from './scope-match/subject';
export type { DimensionOutcome, ScopeDimension, ScopeSubject } from './scope-match/subject';
export { subjectIds, vulnerabilityHit, describeHit } from './scope-match/vulnerability';
export type { AliasRoute, SubjectIds, VulnerabilityHit } from './scope-match/vulnerability';
export { compileScope, componentAdmits } from './scope-match/compile';
export type { CompiledComponent, CompiledScope } from './scope-match/compile';
export {
  matchScope,
  countScopeFailures,
  matchWindow,
  explainScopeDimension,
} from './scope-match/match-scope';
export type {
  DimensionMatch,
  MatchOptions,
  ScopeMatch,
  WindowMatch,
} from './scope-match/match-scope';

// --- import performance ---
export { formatPurl } from './purl/encode';

// --- scope matching (evaluation fast path) ---
export {
  scopeExplainer,
  countExplainedFailures,
  componentsHold,
  firstScopeFailure,
  scopeHits,
} from './scope-match/scope-explainer';
export type { ScopeExplainer, ScopeHit } from './scope-match/scope-explainer';

// --- verify and fold in one pass ---
export { createExceptionLogFolder, verifyAndFoldExceptionLines } from './exception/log-fold';
export type {
  ExceptionLogFolder,
  VerifiedExceptionLog,
  VerifyAndFoldOptions,
} from './exception/log-fold';
