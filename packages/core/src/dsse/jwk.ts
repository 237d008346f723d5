/**
 * JWK (RFC 7517) members for the two key types Warrant signs with: `OKP`/`Ed25519` (RFC 8037
 * section 2) and `EC`/`P-256` (RFC 7518 section 6.2). Checks shape and sizes before WebCrypto sees
 * the key, so errors can name the member.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { decodeBase64Url } from './base64';
import type { DsseAlgorithm } from './der';
import type { DsseKeyError } from './errors';

/** The public members of an exported private JWK (RFC 8037 section 2, RFC 7518 section 6.2.1). @internal */
export const publicJwk = (algorithm: DsseAlgorithm, jwk: JsonWebKey): JsonWebKey =>
  algorithm === 'ecdsa-p256'
    ? { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' }
    : { kty: 'OKP', crv: 'Ed25519', x: jwk.x ?? '' };

/** A JWK that passed the shape checks. @internal */
export interface ParsedJwk {
  readonly algorithm: DsseAlgorithm;
  readonly pub: JsonWebKey;
  readonly d?: string;
}

/** Checks a JWK's type, curve and member sizes. @internal */
export const parseJwk = (jwk: unknown): E.Either<DsseKeyError, ParsedJwk> => {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return E.left(keyImportFailed('expected a JWK object', '$'));
  }
  const m = jwk as Record<string, unknown>;
  const kty = m['kty'];
  const crv = m['crv'];
  let algorithm: DsseAlgorithm;
  if (kty === 'OKP' && crv === 'Ed25519') algorithm = 'ed25519';
  else if (kty === 'EC' && crv === 'P-256') algorithm = 'ecdsa-p256';
  else {
    return E.left({
      code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM',
      message: `JWK kty ${JSON.stringify(kty)} crv ${JSON.stringify(crv)} is not supported; use OKP/Ed25519 or EC/P-256`,
      path: '$',
    });
  }
  const members = algorithm === 'ed25519' ? ['x'] : ['x', 'y'];
  const hasD = Object.prototype.hasOwnProperty.call(m, 'd');
  for (const name of hasD ? [...members, 'd'] : members) {
    const value = m[name];
    const bytes = typeof value === 'string' ? decodeBase64Url(value) : undefined;
    if (bytes === undefined || bytes.length !== 32) {
      return E.left(
        keyImportFailed(
          'expected 32 bytes in unpadded base64url (RFC 7515 section 2)',
          `$.${name}`,
        ),
      );
    }
  }
  const pub: JsonWebKey =
    algorithm === 'ed25519'
      ? { kty: 'OKP', crv: 'Ed25519', x: m['x'] as string }
      : { kty: 'EC', crv: 'P-256', x: m['x'] as string, y: m['y'] as string };
  return E.right(hasD ? { algorithm, pub, d: m['d'] as string } : { algorithm, pub });
};

const keyImportFailed = (message: string, path: string): DsseKeyError => ({
  code: 'CORE_DSSE_KEY_IMPORT_FAILED',
  message,
  path,
});
