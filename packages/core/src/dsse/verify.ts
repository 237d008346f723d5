/**
 * Verification of DSSE envelopes against a set of trusted keys with a threshold (DSSE
 * protocol.md, "Multi-signature Verification").
 *
 * Hostile envelopes never throw: every failure is a `CORE_DSSE_*` value. The result says what
 * verified (a report per signature and the distinct trusted key ids), never a bare boolean, and
 * the payload it returns is cut from the very PAE bytes the signatures were checked against.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { decodeEnvelopeBytes } from './envelope';
import type { DsseError, DsseTrustError, SignatureCheck } from './errors';
import { paeEncode } from './pae';
import type { Verifier } from './ports';

// --- model -----------------------------------------------------------------

/** Default cap on the signatures one envelope may carry (each may cost one check per key). */
export const DEFAULT_MAX_SIGNATURES = 32;

/** Who is trusted, and how many of them must have signed. */
export interface VerifyOptions {
  /** The trusted keys, one verifier per key, with distinct key ids. */
  readonly verifiers: ReadonlyArray<Verifier>;
  /** How many distinct trusted keys must verify (an integer from 1 to `verifiers.length`; default 1). */
  readonly threshold?: number;
  /** If given, the payload types accepted (exact, case-sensitive match). */
  readonly payloadTypes?: ReadonlyArray<string>;
  /** Envelopes with more signatures are refused before any check (default {@link DEFAULT_MAX_SIGNATURES}). */
  readonly maxSignatures?: number;
}

/** What a successful verification established. */
export interface VerifiedEnvelope {
  /** The authenticated payload type. */
  readonly payloadType: string;
  /** The authenticated payload: a copy of the bytes the signatures were verified over. */
  readonly payload: Uint8Array;
  /** Distinct key ids of the trusted keys that verified, sorted (UTF-16 code unit order). */
  readonly keyids: ReadonlyArray<string>;
  /** The threshold that was met. */
  readonly threshold: number;
  /** What happened to each signature, in envelope order. */
  readonly signatures: ReadonlyArray<SignatureCheck>;
}

// --- operations ------------------------------------------------------------

/**
 * Verifies an envelope: decodes it strictly, checks each signature over the PAE against the
 * trusted keys (a non-empty `keyid` hint restricts the check to the key with that id), counts
 * distinct trusted keys, then checks the payload type.
 * @param envelope - the untrusted envelope (a parsed JSON value or a `DsseEnvelope`)
 * @param options - trusted verifiers, threshold, accepted payload types, signature cap
 * @returns the verified payload and report, or a `CORE_DSSE_*` error (a decoding error, too many
 *   signatures, no trusted signature, unknown key id, threshold not met with counts, or an
 *   unsupported payload type)
 * @throws RangeError for a threshold that is not an integer in 1..verifiers.length, verifiers
 *   sharing a key id, or a `maxSignatures` that is not a positive integer (configuration errors,
 *   never caused by the envelope)
 * @see https://github.com/secure-systems-lab/dsse/blob/master/protocol.md#multi-signature-verification
 * @see docs/spec/signatures.md section 6 (verification)
 * @example
 * const r = await verifyEnvelope(json, { verifiers: [key.verifier], threshold: 1 });
 * if (E.isRight(r)) use(r.right.payload);
 */
export const verifyEnvelope = async (
  envelope: unknown,
  options: VerifyOptions,
): Promise<E.Either<DsseError, VerifiedEnvelope>> => {
  const {
    verifiers,
    threshold = 1,
    payloadTypes,
    maxSignatures = DEFAULT_MAX_SIGNATURES,
  } = options;
  checkOptions(verifiers, threshold, maxSignatures);
  const decoded = decodeEnvelopeBytes(envelope);
  if (E.isLeft(decoded)) return decoded;
  const { envelope: env, payload, sigs } = decoded.right;
  if (sigs.length > maxSignatures) {
    return E.left({
      code: 'CORE_DSSE_TOO_MANY_SIGNATURES',
      message: `the envelope has ${sigs.length} signatures; at most ${maxSignatures} are checked`,
      path: '$.signatures',
    });
  }
  const pae = paeEncode(env.payloadType, payload);
  const checks: SignatureCheck[] = [];
  const accepted = new Set<string>();
  for (let index = 0; index < sigs.length; index++) {
    const hint = env.signatures[index]?.keyid;
    const candidates = hint === undefined ? verifiers : verifiers.filter((v) => v.keyid === hint);
    let verifiedBy: string | undefined;
    for (const v of candidates) {
      if (await safeVerify(v, pae, sigs[index] as Uint8Array)) {
        verifiedBy = v.keyid;
        break; // one signature vouches for at most one key
      }
    }
    if (verifiedBy !== undefined) accepted.add(verifiedBy);
    const status =
      verifiedBy !== undefined ? 'verified' : candidates.length === 0 ? 'unknown-keyid' : 'invalid';
    checks.push({
      index,
      ...(hint === undefined ? {} : { keyid: hint }),
      status,
      ...(verifiedBy === undefined ? {} : { verifiedBy }),
    });
  }
  if (accepted.size < threshold) return E.left(trustError(accepted.size, threshold, checks));
  if (payloadTypes !== undefined && !payloadTypes.includes(env.payloadType)) {
    return E.left({
      code: 'CORE_DSSE_UNSUPPORTED_PAYLOAD_TYPE',
      message: `payload type ${JSON.stringify(env.payloadType)} is not one of the accepted types`,
      path: '$.payloadType',
    });
  }
  return E.right({
    payloadType: env.payloadType,
    // Cut from the PAE the signatures were verified over, not decoded again from the envelope.
    payload: pae.slice(pae.length - payload.length),
    keyids: [...accepted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    threshold,
    signatures: checks,
  });
};

// --- internal --------------------------------------------------------------

const checkOptions = (
  verifiers: ReadonlyArray<Verifier>,
  threshold: number,
  maxSignatures: number,
): void => {
  if (!Array.isArray(verifiers)) throw new TypeError('options.verifiers must be an array');
  const ids = new Set(verifiers.map((v) => v.keyid));
  if (ids.size !== verifiers.length) {
    throw new RangeError('two trusted verifiers share a key id; give each key one verifier');
  }
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > verifiers.length) {
    throw new RangeError(
      `threshold must be an integer from 1 to the number of trusted keys (${verifiers.length}), got ${threshold}`,
    );
  }
  if (!Number.isInteger(maxSignatures) || maxSignatures < 1) {
    throw new RangeError(`maxSignatures must be a positive integer, got ${maxSignatures}`);
  }
};

// A verifier that throws has not verified; the envelope that provoked it must not crash us.
const safeVerify = async (v: Verifier, pae: Uint8Array, sig: Uint8Array): Promise<boolean> => {
  try {
    return (await v.verify(pae, sig)) === true;
  } catch {
    return false;
  }
};

const trustError = (
  verified: number,
  threshold: number,
  signatures: ReadonlyArray<SignatureCheck>,
): DsseTrustError => {
  const base = { verified, threshold, signatures };
  if (verified > 0) {
    return {
      code: 'CORE_DSSE_THRESHOLD_NOT_MET',
      message: `${verified} distinct trusted key(s) verified; ${threshold} required`,
      ...base,
    };
  }
  if (signatures.length > 0 && signatures.every((s) => s.status === 'unknown-keyid')) {
    return {
      code: 'CORE_DSSE_UNKNOWN_KEY_ID',
      message: `no trusted key has the key id(s) ${[...new Set(signatures.map((s) => JSON.stringify(s.keyid)))].join(', ')}`,
      ...base,
    };
  }
  return {
    code: 'CORE_DSSE_NO_TRUSTED_SIGNATURE',
    message: `none of the ${signatures.length} signature(s) verified with a trusted key`,
    ...base,
  };
};
