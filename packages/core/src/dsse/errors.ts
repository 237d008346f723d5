/**
 * The error values of DSSE decoding, key import and verification (all `CORE_DSSE_*`).
 * Every code is listed in docs/errors.md; docs/spec/signatures.md says when each is returned.
 * @module
 */
import type { WarrantError } from '../errors';

// --- model -----------------------------------------------------------------

/** One problem found while decoding an envelope: where it is and what was expected. */
export type DsseIssue = WarrantError<
  'CORE_DSSE_ENVELOPE_MALFORMED' | 'CORE_DSSE_BASE64_INVALID'
> & {
  readonly path: string;
};

/** How one signature of an envelope fared against the trusted keys. */
export type SignatureStatus =
  /** A trusted key verified it over the PAE. */
  | 'verified'
  /** It names a key id that no trusted key has, so no key was tried. */
  | 'unknown-keyid'
  /** No trusted key it could be checked against verified it. */
  | 'invalid';

/** The outcome for one signature, in envelope order. */
export interface SignatureCheck {
  /** Position in the envelope's `signatures` array. */
  readonly index: number;
  /** The envelope's unauthenticated key id hint, when it had a non-empty one. */
  readonly keyid?: string;
  readonly status: SignatureStatus;
  /** Key id of the trusted key that verified it (only when `status` is `verified`). */
  readonly verifiedBy?: string;
}

/** The envelope could not be decoded: the first issue's code and path, and every issue found. */
export type DsseDecodeError = DsseIssue & { readonly issues: ReadonlyArray<DsseIssue> };

/** Not enough distinct trusted keys verified the envelope. */
export type DsseTrustError = WarrantError<
  'CORE_DSSE_NO_TRUSTED_SIGNATURE' | 'CORE_DSSE_UNKNOWN_KEY_ID' | 'CORE_DSSE_THRESHOLD_NOT_MET'
> & {
  /** How many distinct trusted keys verified a signature. */
  readonly verified: number;
  /** How many were required. */
  readonly threshold: number;
  /** What happened to each signature. */
  readonly signatures: ReadonlyArray<SignatureCheck>;
};

/** A key could not be imported or generated. */
export type DsseKeyError = WarrantError<
  'CORE_DSSE_UNSUPPORTED_ALGORITHM' | 'CORE_DSSE_KEY_IMPORT_FAILED'
>;

/** Everything DSSE functions can return as a `Left`; `code` is the discriminant. */
export type DsseError =
  | DsseDecodeError
  | DsseTrustError
  | DsseKeyError
  | WarrantError<'CORE_DSSE_UNSUPPORTED_PAYLOAD_TYPE' | 'CORE_DSSE_TOO_MANY_SIGNATURES'>;

/** Every `CORE_DSSE_*` code. */
export type DsseErrorCode = DsseError['code'];
