/**
 * ECDSA P-256 signature encodings: ASN.1 DER `Ecdsa-Sig-Value` (what DSSE envelopes carry, what
 * OpenSSL and sigstore produce) and IEEE P1363 `r || s` (what WebCrypto produces and expects).
 *
 * DER: `SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 section 2.2.3, RFC 5480 section 2.2.3);
 * P1363: r and s as 32-byte big-endian unsigned integers, concatenated (64 bytes).
 * The DER parser is strict (X.690 section 10): minimal lengths, minimal positive INTEGERs, no
 * trailing bytes.
 * @module
 */
import { INTEGER, readTlv, SEQUENCE } from './der';

/** Byte length of one P-256 scalar. */
const SCALAR = 32;

/**
 * Converts a 64-byte P1363 signature into DER.
 * @internal
 * @throws RangeError if `sig` is not 64 bytes
 */
export const p1363ToDer = (sig: Uint8Array): Uint8Array => {
  if (sig.length !== 2 * SCALAR) throw new RangeError(`expected 64 bytes, got ${sig.length}`);
  const r = derInteger(sig.subarray(0, SCALAR));
  const s = derInteger(sig.subarray(SCALAR));
  const out = new Uint8Array(2 + r.length + s.length);
  out[0] = SEQUENCE;
  out[1] = r.length + s.length; // at most 2 * 35 = 70, so the short length form always fits
  out.set(r, 2);
  out.set(s, 2 + r.length);
  return out;
};

/**
 * Converts a strict DER ECDSA P-256 signature into 64-byte P1363 form.
 * @internal
 * @returns the P1363 bytes, or `undefined` when `der` is not a strict DER signature with r and s
 *   in 1..2^256-1
 */
export const derToP1363 = (der: Uint8Array): Uint8Array | undefined => {
  const seq = readTlv(der, 0);
  if (seq === undefined || seq.tag !== SEQUENCE || seq.end !== der.length) return undefined;
  const r = readTlv(der, seq.start);
  if (r === undefined || r.tag !== INTEGER) return undefined;
  const s = readTlv(der, r.end);
  if (s === undefined || s.tag !== INTEGER || s.end !== seq.end) return undefined;
  const rBytes = unsignedScalar(der.subarray(r.start, r.end));
  const sBytes = unsignedScalar(der.subarray(s.start, s.end));
  if (rBytes === undefined || sBytes === undefined) return undefined;
  const out = new Uint8Array(2 * SCALAR);
  out.set(rBytes, SCALAR - rBytes.length);
  out.set(sBytes, 2 * SCALAR - sBytes.length);
  return out;
};

// Minimal two's-complement encoding of an unsigned big-endian integer, with its TLV header.
const derInteger = (unsigned: Uint8Array): Uint8Array => {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const body = unsigned.subarray(i);
  const pad = ((body[0] as number) & 0x80) !== 0 ? 1 : 0;
  const out = new Uint8Array(2 + pad + body.length);
  out[0] = INTEGER;
  out[1] = pad + body.length;
  out.set(body, 2 + pad);
  return out;
};

// The magnitude of a positive, minimally encoded INTEGER that fits 32 bytes; zero is refused.
const unsignedScalar = (content: Uint8Array): Uint8Array | undefined => {
  const first = content[0];
  if (first === undefined || (first & 0x80) !== 0) return undefined; // empty or negative
  if (first === 0 && content.length > 1 && ((content[1] as number) & 0x80) === 0) return undefined;
  const magnitude = first === 0 ? content.subarray(1) : content;
  if (magnitude.length === 0 || magnitude.length > SCALAR) return undefined; // zero, or too big
  return magnitude;
};
