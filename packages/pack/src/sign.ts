/**
 * Signing a pack and checking its signatures. The manifest is signed as a DSSE envelope whose
 * payload is exactly the bytes of `manifest.json`; the verdict statement in a second envelope.
 * Both live under `signatures/`, outside the manifest (a manifest cannot list its own signature)
 * and outside SHA256SUMS, so signatures can be added or countersigned without changing a listed
 * byte. Verification is by a threshold of distinct trusted keys (Signer/Verifier ports).
 * @see docs/spec/pack-v1.md section 8 (signatures)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  bytesEqual,
  canonicalizeToBytes,
  parseJsonStrict,
  signEnvelope,
  verifyEnvelope,
  type Signer,
  type Verifier,
} from '@warrant/core';
import { packError, type PackError } from './errors';
import { PACK_PATHS } from './layout';
import type { PackManifest } from './manifest';
import {
  checkVerdictStatement,
  IN_TOTO_PAYLOAD_TYPE,
  makeVerdictStatement,
  statementBytes,
} from './statement';

// --- model -----------------------------------------------------------------

/** DSSE payload type of a signed pack manifest. */
export const MANIFEST_PAYLOAD_TYPE = 'application/vnd.warrant.pack-manifest+json' as const;

/** Trusted keys and how many of them must have signed. */
export interface PackTrust {
  readonly verifiers: ReadonlyArray<Verifier>;
  /** Distinct trusted keys required (default 1). */
  readonly threshold?: number;
}

/** What a verified signature established. */
export interface VerifiedSignature {
  /** Distinct trusted key ids that verified, sorted. */
  readonly keyids: ReadonlyArray<string>;
  readonly threshold: number;
}

// --- operations ------------------------------------------------------------

/**
 * Signs a pack: the manifest envelope and the verdict statement envelope, as file bytes.
 * @param manifest - the completed manifest
 * @param manifestBytes - its canonical bytes (the content of manifest.json)
 * @param signers - one or more signers
 * @returns the two unlisted files (canonical JSON envelopes), or `PACK_LAYOUT_INCOMPLETE`
 * @throws RangeError with no signers; a signer's own failure rejects
 * @see docs/spec/pack-v1.md section 8
 * @example
 * const files = await signPackFiles(manifest, bytes, [key.signer]); // right([{ path: 'signatures/manifest.dsse.json', … }, …])
 */
export const signPackFiles = async (
  manifest: PackManifest,
  manifestBytes: Uint8Array,
  signers: ReadonlyArray<Signer>,
): Promise<E.Either<PackError, ReadonlyArray<{ path: string; bytes: Uint8Array }>>> => {
  const statement = makeVerdictStatement(manifest);
  if (E.isLeft(statement)) return statement;
  const manifestEnv = await signEnvelope(MANIFEST_PAYLOAD_TYPE, manifestBytes, signers);
  const statementEnv = await signEnvelope(
    IN_TOTO_PAYLOAD_TYPE,
    statementBytes(statement.right),
    signers,
  );
  return E.right([
    { path: PACK_PATHS.manifestSignature, bytes: envelopeBytes(manifestEnv) },
    { path: PACK_PATHS.verdictStatement, bytes: envelopeBytes(statementEnv) },
  ]);
};

/**
 * Verifies the manifest envelope: threshold of trusted keys, payload type, payload = manifest.json.
 * @param envelope - the bytes of `signatures/manifest.dsse.json`
 * @param manifestBytes - the bytes of `manifest.json`
 * @param trust - trusted verifiers and threshold
 * @returns the keys that signed, or `PACK_SIGNATURE_INVALID` (DSSE error as `cause`) /
 *   `PACK_SIGNATURE_PAYLOAD_MISMATCH`
 * @throws RangeError for a misconfigured threshold or verifier set (as `verifyEnvelope`)
 * @see docs/spec/pack-v1.md section 8.1
 * @example
 * await verifyManifestSignature(envBytes, manifestBytes, { verifiers: [key.verifier] }) // right({ keyids: ['ab…'], threshold: 1 })
 */
export const verifyManifestSignature = async (
  envelope: Uint8Array,
  manifestBytes: Uint8Array,
  trust: PackTrust,
): Promise<E.Either<PackError, VerifiedSignature>> => {
  const parsed = parseJsonStrict(envelope);
  if (E.isLeft(parsed)) {
    return E.left(
      packError(
        'PACK_SIGNATURE_INVALID',
        parsed.left.message,
        PACK_PATHS.manifestSignature,
        parsed.left,
      ),
    );
  }
  const verified = await verifyManifestSignatureValue(parsed.right, trust);
  if (E.isLeft(verified)) return verified;
  if (!bytesEqual(verified.right.payload, manifestBytes)) {
    return E.left(
      packError(
        'PACK_SIGNATURE_PAYLOAD_MISMATCH',
        'the signed payload is not the bytes of manifest.json',
        PACK_PATHS.manifestSignature,
      ),
    );
  }
  return E.right(verified.right.signature);
};

/**
 * Verifies a parsed manifest envelope and returns its authenticated payload (the manifest bytes),
 * for holders of the envelope alone (inclusion proofs).
 * @param envelope - the parsed envelope JSON
 * @param trust - trusted verifiers and threshold
 * @returns the payload and the keys that signed, or `PACK_SIGNATURE_INVALID`
 * @throws RangeError for a misconfigured threshold or verifier set
 * @see docs/spec/pack-v1.md section 8.1
 * @example
 * await verifyManifestSignatureValue(JSON.parse(text), { verifiers: [key.verifier] }) // right({ payload, signature })
 */
export const verifyManifestSignatureValue = async (
  envelope: unknown,
  trust: PackTrust,
): Promise<E.Either<PackError, { payload: Uint8Array; signature: VerifiedSignature }>> => {
  const verified = await verifyEnvelope(envelope, {
    verifiers: trust.verifiers,
    threshold: trust.threshold ?? 1,
    payloadTypes: [MANIFEST_PAYLOAD_TYPE],
  });
  if (E.isLeft(verified)) {
    return E.left(
      packError(
        'PACK_SIGNATURE_INVALID',
        verified.left.message,
        PACK_PATHS.manifestSignature,
        verified.left,
      ),
    );
  }
  return E.right({
    payload: verified.right.payload,
    signature: { keyids: verified.right.keyids, threshold: verified.right.threshold },
  });
};

/**
 * Verifies the verdict statement envelope against trusted keys and the verified manifest.
 * @param envelope - the bytes of `signatures/verdict.intoto.dsse.json`
 * @param manifest - the verified manifest
 * @param trust - trusted verifiers and threshold
 * @returns the keys that signed, or `PACK_STATEMENT_INVALID` / `PACK_STATEMENT_MISMATCH`
 * @throws RangeError for a misconfigured threshold or verifier set
 * @see docs/spec/pack-v1.md section 8.2
 * @example
 * await verifyVerdictStatement(envBytes, manifest, { verifiers: [key.verifier] }) // right({ keyids, threshold })
 */
export const verifyVerdictStatement = async (
  envelope: Uint8Array,
  manifest: PackManifest,
  trust: PackTrust,
): Promise<E.Either<PackError, VerifiedSignature>> => {
  const verified = await verifyJsonEnvelope(envelope, IN_TOTO_PAYLOAD_TYPE, trust);
  if (E.isLeft(verified)) {
    return E.left(
      packError(
        'PACK_STATEMENT_INVALID',
        verified.left.message,
        PACK_PATHS.verdictStatement,
        verified.left,
      ),
    );
  }
  const checked = checkVerdictStatement(verified.right.payload, manifest);
  if (E.isLeft(checked)) return checked;
  return E.right({ keyids: verified.right.keyids, threshold: verified.right.threshold });
};

// --- internal --------------------------------------------------------------

const envelopeBytes = (envelope: unknown): Uint8Array => {
  const bytes = canonicalizeToBytes(envelope);
  if (E.isLeft(bytes)) throw new TypeError(bytes.left.message);
  return bytes.right;
};

const verifyJsonEnvelope = async (
  bytes: Uint8Array,
  payloadType: string,
  trust: PackTrust,
): Promise<
  E.Either<
    { readonly message: string; readonly code: string },
    { payload: Uint8Array; keyids: ReadonlyArray<string>; threshold: number }
  >
> => {
  const parsed = parseJsonStrict(bytes);
  if (E.isLeft(parsed)) return parsed;
  return verifyEnvelope(parsed.right, {
    verifiers: trust.verifiers,
    threshold: trust.threshold ?? 1,
    payloadTypes: [payloadType],
  });
};
