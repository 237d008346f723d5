/**
 * DSSE v1 Pre-Authentication Encoding (PAE): the exact bytes a DSSE signature covers.
 *
 * `PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, where `type` is the
 * UTF-8 encoding of the payload type and `LEN` is the ASCII decimal byte length without leading
 * zeros. Lengths are byte counts, never character counts: the DSSE reference Python counts
 * characters of the type, which differs for non-ASCII types; the protocol text (and sigstore-js,
 * and the DSSE test vectors) count UTF-8 bytes, and so does Warrant.
 * @module
 */
import { concatBytes, utf8Encode } from '../bytes';

/** The ASCII tag that starts every PAE: `DSSEv1`. */
export const DSSE_PAE_PREFIX = 'DSSEv1';

/**
 * Computes the DSSE v1 Pre-Authentication Encoding of a payload type and payload.
 * @param payloadType - the payload type (any well-formed Unicode string, including empty)
 * @param payload - the serialized body
 * @returns the PAE bytes, which is what signers sign and verifiers verify
 * @throws TypeError if `payloadType` is not a string, holds a lone surrogate (UTF-8 cannot encode
 *   it, and replacing it would make two types share one PAE), or `payload` is not a Uint8Array
 * @see https://github.com/secure-systems-lab/dsse/blob/master/protocol.md#signature-definition
 * @see docs/spec/signatures.md section 1 (PAE)
 * @example
 * utf8Decode(paeEncode('http://example.com/HelloWorld', utf8Encode('hello world')))
 * // 'DSSEv1 29 http://example.com/HelloWorld 11 hello world'
 */
export const paeEncode = (payloadType: string, payload: Uint8Array): Uint8Array => {
  if (typeof payloadType !== 'string') throw new TypeError('payloadType must be a string');
  if (!isBytes(payload)) throw new TypeError('payload must be a Uint8Array');
  if (hasLoneSurrogate(payloadType)) {
    throw new TypeError('payloadType holds a lone surrogate, which UTF-8 cannot encode');
  }
  const type = utf8Encode(payloadType);
  return concatBytes(
    utf8Encode(`${DSSE_PAE_PREFIX} ${type.length} `),
    type,
    utf8Encode(` ${payload.length} `),
    payload,
  );
};

/**
 * Whether a string holds an unpaired UTF-16 surrogate (and so has no UTF-8 encoding).
 * @internal
 */
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

/**
 * Whether a value is a Uint8Array, also across realms (noble's `isBytes` check).
 * @internal
 */
export const isBytes = (value: unknown): value is Uint8Array =>
  value instanceof Uint8Array ||
  (ArrayBuffer.isView(value) && value.constructor.name === 'Uint8Array');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
