/**
 * Signing: build a DSSE envelope over a payload with one or more Signer ports.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalizeToBytes, type CanonicalJsonError } from '../canonical-json';
import { encodeBase64 } from './base64';
import type { Base64String, DsseEnvelope, DsseSignature } from './envelope';
import { isBytes, paeEncode } from './pae';
import type { Signer } from './ports';

/**
 * Signs a payload: every signer signs `PAE(payloadType, payload)`, in the order given.
 * @param payloadType - the payload type (authenticated); a lone surrogate is a TypeError
 * @param payload - the serialized body
 * @param signers - at least one signer; a signer with an empty `keyid` writes no `keyid` member
 * @returns the envelope, with standard padded base64 and members in the order
 *   `payloadType`, `payload`, `signatures` (and `keyid`, `sig` inside each signature)
 * @throws TypeError / RangeError for a non-string type, non-bytes payload or no signers; a signer's
 *   own failure rejects the promise
 * @see https://github.com/secure-systems-lab/dsse/blob/master/protocol.md#protocol
 * @example
 * const env = await signEnvelope('application/vnd.warrant.manifest+json', bytes, [key.signer]);
 */
export const signEnvelope = async (
  payloadType: string,
  payload: Uint8Array,
  signers: ReadonlyArray<Signer>,
): Promise<DsseEnvelope> => {
  if (!isBytes(payload)) throw new TypeError('payload must be a Uint8Array');
  if (!Array.isArray(signers) || signers.length === 0) {
    throw new RangeError('signEnvelope needs at least one signer');
  }
  const pae = paeEncode(payloadType, payload);
  const signatures: DsseSignature[] = [];
  for (const signer of signers) {
    const sig = encodeBase64(await signer.sign(pae)) as Base64String;
    signatures.push(signer.keyid === '' ? { sig } : { keyid: signer.keyid, sig });
  }
  return { payloadType, payload: encodeBase64(payload) as Base64String, signatures };
};

/**
 * Signs a JSON value as its RFC 8785 canonical UTF-8 bytes, so that equal values give equal
 * payloads whatever their key order.
 * @param payloadType - the payload type, e.g. `application/vnd.warrant.manifest+json`
 * @param value - a JSON-compatible value
 * @param signers - at least one signer
 * @returns the envelope, or the canonicalization refusal (`CORE_CANONICAL_JSON_*`)
 * @throws as {@link signEnvelope}
 * @see https://www.rfc-editor.org/rfc/rfc8785
 * @example
 * const env = await signJson('application/vnd.example+json', { b: 1, a: 2 }, [key.signer]);
 * // payload decodes to '{"a":2,"b":1}'
 */
export const signJson = async (
  payloadType: string,
  value: unknown,
  signers: ReadonlyArray<Signer>,
): Promise<E.Either<CanonicalJsonError, DsseEnvelope>> => {
  const bytes = canonicalizeToBytes(value);
  if (E.isLeft(bytes)) return bytes;
  return E.right(await signEnvelope(payloadType, bytes.right, signers));
};
