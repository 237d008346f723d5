/**
 * Error values of @warrant/pack. Each has a stable `PACK_*` code; see docs/errors.md and, for the
 * pack format's codes, docs/spec/pack-v1.md section 9 (verification order).
 * @module
 */
import { makeError, type WarrantError } from '@warrant/core';
import type { ArchiveErrorCode } from './archive/errors';

/** Codes for pack encryption and decryption. */
export type PackEncryptionErrorCode =
  | 'PACK_ENCRYPTION_OPTIONS_INVALID'
  | 'PACK_ENCRYPTION_RECIPIENT_INVALID'
  | 'PACK_DECRYPTION_NOT_AGE'
  | 'PACK_DECRYPTION_NO_IDENTITY'
  | 'PACK_DECRYPTION_FAILED';

/** An encryption or decryption failure. */
export type PackEncryptionError = WarrantError<PackEncryptionErrorCode>;

/** Codes of building, verifying, signing and proving packs (docs/spec/pack-v1.md). */
export type PackFormatErrorCode =
  /** A build input breaks a rule: a name, media type, digest, timestamp, subject or JSON value. */
  | 'PACK_INPUT_INVALID'
  /** A streamed input produced other bytes when written than when it was hashed. */
  | 'PACK_INPUT_CHANGED'
  /** A streamed input could not be read. */
  | 'PACK_INPUT_READ_FAILED'
  /** The archive has no `manifest.json`. */
  | 'PACK_MANIFEST_MISSING'
  /** `manifest.json` is not strict I-JSON (RFC 8259 / RFC 7493). */
  | 'PACK_MANIFEST_MALFORMED'
  /** `manifest.json` is valid JSON but not byte-for-byte its RFC 8785 canonical form. */
  | 'PACK_MANIFEST_NOT_CANONICAL'
  /** The manifest's `schema` is not a pack schema this verifier reads (`warrant.pack/v1`). */
  | 'PACK_SCHEMA_UNSUPPORTED'
  /** The manifest does not match the v1 manifest schema (members, types, order, uniqueness). */
  | 'PACK_MANIFEST_INVALID'
  /** `pack_id` is not the digest of the manifest without `pack_id`. */
  | 'PACK_ID_MISMATCH'
  /** `merkle.root` or `merkle.size` is not the RFC 9162 tree over the file entries. */
  | 'PACK_MERKLE_ROOT_MISMATCH'
  /** A file the manifest lists is not in the archive. */
  | 'PACK_FILE_MISSING'
  /** A listed file's length differs from its manifest `size`. */
  | 'PACK_FILE_SIZE_MISMATCH'
  /** A listed file's SHA-256 differs from its manifest `sha256`. */
  | 'PACK_FILE_DIGEST_MISMATCH'
  /** The archive holds a file that is neither listed nor one of the fixed unlisted files. */
  | 'PACK_FILE_UNLISTED'
  /** A file the v1 layout requires (for this pack kind) is not listed. */
  | 'PACK_LAYOUT_INCOMPLETE'
  /** The archive has no `SHA256SUMS`. */
  | 'PACK_SUMS_MISSING'
  /** `SHA256SUMS` is not exactly the text derived from the manifest. */
  | 'PACK_SUMS_MISMATCH'
  /** Trusted keys were given but the pack has no manifest signature envelope. */
  | 'PACK_SIGNATURE_MISSING'
  /** The manifest envelope does not verify against the trusted keys and threshold. */
  | 'PACK_SIGNATURE_INVALID'
  /** The manifest envelope verifies but its payload is not the bytes of `manifest.json`. */
  | 'PACK_SIGNATURE_PAYLOAD_MISMATCH'
  /** Trusted keys were given but the pack has no verdict statement envelope. */
  | 'PACK_STATEMENT_MISSING'
  /** The verdict statement envelope does not verify or is not an in-toto Statement v1. */
  | 'PACK_STATEMENT_INVALID'
  /** The statement's subjects or verdict digest differ from the manifest's. */
  | 'PACK_STATEMENT_MISMATCH'
  /** The exception event-log slice does not verify (chain, canonical lines, checkpoint root). */
  | 'PACK_EVENT_LOG_INVALID'
  /** The checkpoint envelope is malformed, unsigned by a trusted key, or does not cover the slice. */
  | 'PACK_CHECKPOINT_INVALID'
  /** `redaction/profile.json` is malformed, its digest does not re-derive, or disagrees with the manifest. */
  | 'PACK_REDACTION_RECORD_INVALID'
  /** `exceptions/exceptions.jsonl` is not the set of exception versions the event-log slice holds. */
  | 'PACK_EXCEPTIONS_MISMATCH'
  /** Replaying the evaluation from the pack's inputs failed. */
  | 'PACK_REPLAY_FAILED'
  /** The replayed verdict is not byte-identical to the packed one. */
  | 'PACK_REPLAY_MISMATCH'
  /** A proof was asked for a path the manifest does not list. */
  | 'PACK_PROOF_PATH_NOT_FOUND'
  /** An inclusion proof document is malformed. */
  | 'PACK_PROOF_INVALID'
  /** The file given with a proof does not match the proof's entry (size or digest). */
  | 'PACK_PROOF_FILE_MISMATCH'
  /** The proof does not lead to the signed manifest's Merkle root, or names another pack. */
  | 'PACK_PROOF_ROOT_MISMATCH';

/** Every code a pack function can return: the format's own and the archive layer's. */
export type PackErrorCode = PackFormatErrorCode | ArchiveErrorCode;

/**
 * A pack failure. `path` is an archive path (`verdict/verdict.json`) or a JSON path inside the
 * manifest (`$.files[3].sha256`); `cause` carries a lower layer's error where there is one.
 */
export type PackError = WarrantError<PackErrorCode> & { readonly cause?: WarrantError };

/**
 * Builds a pack error value.
 * @internal
 */
export const packError = (
  code: PackErrorCode,
  message: string,
  path?: string,
  cause?: WarrantError,
): PackError => {
  const base = makeError(code, message, path);
  return cause === undefined ? base : { ...base, cause };
};
