/**
 * Just enough DER (ITU-T X.690) to tell which algorithm an SPKI or PKCS #8 key is for.
 *
 * WebCrypto must be told the algorithm before it imports a key, and a PEM does not say it: the
 * AlgorithmIdentifier inside the DER does (RFC 5280 section 4.1.1.2, RFC 5208 section 5,
 * RFC 5958 section 2). The reader accepts definite, minimally encoded lengths only.
 * @module
 */
import { bytesEqual, fromHex, toHex } from '../bytes';

// --- model -----------------------------------------------------------------

/** The signature algorithms Warrant's WebCrypto signers implement. */
export type DsseAlgorithm = 'ed25519' | 'ecdsa-p256';

/** What the AlgorithmIdentifier of a key says. */
export type KeyAlgorithmId =
  | { readonly kind: 'supported'; readonly algorithm: DsseAlgorithm }
  | { readonly kind: 'unsupported'; readonly oid: string };

// --- operations ------------------------------------------------------------

/**
 * Reads the algorithm of a DER SubjectPublicKeyInfo (RFC 5280 section 4.1) or a DER PKCS #8
 * PrivateKeyInfo / OneAsymmetricKey (RFC 5208 section 5, RFC 5958 section 2).
 * @internal
 */
export const readKeyAlgorithm = (
  der: Uint8Array,
  kind: 'spki' | 'pkcs8',
): KeyAlgorithmId | undefined => {
  const outer = readTlv(der, 0);
  if (outer === undefined || outer.tag !== SEQUENCE || outer.end !== der.length) return undefined;
  let at = outer.start;
  if (kind === 'pkcs8') {
    const version = readTlv(der, at); // INTEGER 0 (v1) or 1 (v2)
    if (version === undefined || version.tag !== INTEGER) return undefined;
    at = version.end;
  }
  const algId = readTlv(der, at);
  if (algId === undefined || algId.tag !== SEQUENCE) return undefined;
  const oid = readTlv(der, algId.start);
  if (oid === undefined || oid.tag !== OBJECT_IDENTIFIER || oid.end > algId.end) return undefined;
  const oidBytes = der.subarray(oid.start, oid.end);
  // RFC 8410 section 3: id-Ed25519 has absent parameters.
  if (bytesEqual(oidBytes, OID_ED25519)) {
    return oid.end === algId.end ? { kind: 'supported', algorithm: 'ed25519' } : undefined;
  }
  // RFC 5480 section 2.1.1: id-ecPublicKey with a namedCurve parameter.
  if (bytesEqual(oidBytes, OID_EC_PUBLIC_KEY)) {
    const curve = readTlv(der, oid.end);
    if (curve === undefined || curve.tag !== OBJECT_IDENTIFIER || curve.end !== algId.end) {
      return { kind: 'unsupported', oid: `${EC_PUBLIC_KEY_DOTTED} (without a named curve)` };
    }
    const curveBytes = der.subarray(curve.start, curve.end);
    return bytesEqual(curveBytes, OID_P256)
      ? { kind: 'supported', algorithm: 'ecdsa-p256' }
      : { kind: 'unsupported', oid: `${EC_PUBLIC_KEY_DOTTED} on curve ${dottedOid(curveBytes)}` };
  }
  return { kind: 'unsupported', oid: dottedOid(oidBytes) };
};

/**
 * The canonical DER SubjectPublicKeyInfo of a raw public key: what key ids hash.
 * Ed25519 (RFC 8410 section 4): `302a300506032b6570032100 || A` (44 bytes). P-256 (RFC 5480
 * section 2): `3059301306072a8648ce3d020106082a8648ce3d030107034200 || 04 || X || Y` (91 bytes,
 * uncompressed point, SEC 1 section 2.3.3).
 * @internal
 * @param raw - Ed25519: the 32-byte public key; P-256: the 65-byte uncompressed point
 */
export const canonicalSpki = (algorithm: DsseAlgorithm, raw: Uint8Array): Uint8Array => {
  const prefix = algorithm === 'ed25519' ? SPKI_PREFIX_ED25519 : SPKI_PREFIX_P256;
  const out = new Uint8Array(prefix.length + raw.length);
  out.set(prefix);
  out.set(raw, prefix.length);
  return out;
};

/**
 * Whether a DER SPKI is exactly the canonical form {@link canonicalSpki} writes.
 * @internal
 */
export const isCanonicalSpki = (algorithm: DsseAlgorithm, der: Uint8Array): boolean => {
  const prefix = algorithm === 'ed25519' ? SPKI_PREFIX_ED25519 : SPKI_PREFIX_P256;
  const rawLength = algorithm === 'ed25519' ? 32 : 65;
  return (
    der.length === prefix.length + rawLength &&
    bytesEqual(der.subarray(0, prefix.length), prefix) &&
    (algorithm === 'ed25519' || der[prefix.length] === 0x04)
  );
};

const SPKI_PREFIX_ED25519 = fromHex('302a300506032b6570032100') as Uint8Array;
const SPKI_PREFIX_P256 = fromHex(
  '3059301306072a8648ce3d020106082a8648ce3d030107034200',
) as Uint8Array;

/** One DER tag-length-value: `start`/`end` delimit the value. @internal */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Reads one TLV at `offset` (single-byte tags, definite minimal lengths up to 2^24).
 * @internal
 */
export const readTlv = (der: Uint8Array, offset: number): Tlv | undefined => {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) return undefined;
  let length = first;
  let start = offset + 2;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 3) return undefined; // indefinite, or absurdly long
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = der[start + i];
      if (b === undefined || (i === 0 && b === 0)) return undefined; // truncated or not minimal
      length = length * 256 + b;
    }
    if (length < 0x80) return undefined; // long form where the short form fits
    start += count;
  }
  const end = start + length;
  return end <= der.length ? { tag, start, end } : undefined;
};

/** @internal */
export const SEQUENCE = 0x30;
/** @internal */
export const INTEGER = 0x02;
const OBJECT_IDENTIFIER = 0x06;

// OID contents octets: 1.3.101.112, 1.2.840.10045.2.1, 1.2.840.10045.3.1.7.
const OID_ED25519 = fromHex('2b6570') as Uint8Array;
const OID_EC_PUBLIC_KEY = fromHex('2a8648ce3d0201') as Uint8Array;
const OID_P256 = fromHex('2a8648ce3d030107') as Uint8Array;
const EC_PUBLIC_KEY_DOTTED = '1.2.840.10045.2.1';

// X.690 section 8.19: base-128 arcs; the first octet packs the first two arcs.
const dottedOid = (bytes: Uint8Array): string => {
  if (bytes.length === 0 || bytes.length > 64) return `0x${toHex(bytes.subarray(0, 64))}`;
  const arcs: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const firstArc = arcs[0] ?? 0;
  const head = firstArc < 80 ? [Math.floor(firstArc / 40), firstArc % 40] : [2, firstArc - 80];
  return [...head, ...arcs.slice(1)].join('.');
};
