/**
 * Keys for DSSE: import from PEM (SPKI, PKCS #8) and JWK, generation, and the key id.
 *
 * A key id is the lowercase hex SHA-256 of the key's canonical DER SubjectPublicKeyInfo (the
 * form WebCrypto exports and Go's `x509.MarshalPKIXPublicKey` writes), as go-securesystemslib's
 * `SHA256KeyID` defines it. Every function takes an optional `SubtleCrypto`; without one it uses
 * `globalThis.crypto.subtle`.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { concatBytes, toHex } from '../bytes';
import { sha256 } from '../digest';
import { decodeBase64Url } from './base64';
import { canonicalSpki, isCanonicalSpki, readKeyAlgorithm, type DsseAlgorithm } from './der';
import type { DsseKeyError } from './errors';
import { parseJwk, publicJwk } from './jwk';
import { paeEncode } from './pae';
import { decodePem, encodePem } from './pem';
import type { Signer, Verifier } from './ports';
import {
  resolveSubtle,
  view,
  WEBCRYPTO_PARAMS,
  webCryptoSigner,
  webCryptoVerifier,
} from './webcrypto-signer';

// --- model -----------------------------------------------------------------

/** Where the cryptography comes from. */
export interface KeyOptions {
  /** A WebCrypto implementation; defaults to `globalThis.crypto.subtle`. */
  readonly subtle?: SubtleCrypto;
}

/** A trusted public key, ready to verify. */
export interface PublicKey {
  /** Discriminates {@link PublicKey} from {@link SigningKey}. */
  readonly kind: 'public';
  /** `ed25519` or `ecdsa-p256`. */
  readonly algorithm: DsseAlgorithm;
  /** Lowercase hex SHA-256 of the canonical SPKI DER. */
  readonly keyid: string;
  /** The canonical SPKI as PEM (`PUBLIC KEY`). */
  readonly publicKeyPem: string;
  /** Verifies with this key; its `keyid` is {@link PublicKey.keyid}. */
  readonly verifier: Verifier;
}

/** A private key, ready to sign, with its public half. */
export interface SigningKey extends Omit<PublicKey, 'kind'> {
  /** Discriminates {@link SigningKey} from {@link PublicKey}. */
  readonly kind: 'private';
  /** Signs with this key (ECDSA signatures in DER); its `keyid` is {@link PublicKey.keyid}. */
  readonly signer: Signer;
}

/** A freshly generated key, with its private half exported as PKCS #8 PEM (`PRIVATE KEY`). */
export interface GeneratedSigningKey extends SigningKey {
  readonly privateKeyPem: string;
}

// --- operations ------------------------------------------------------------

/**
 * The key id of a public key: lowercase hex SHA-256 of its DER SubjectPublicKeyInfo.
 * @param spki - the canonical DER SPKI (Ed25519: 44 bytes; P-256: 91 bytes, uncompressed point)
 * @returns 64 lowercase hex characters
 * @see docs/spec/signatures.md section 4.2 (key id)
 * @example
 * // RFC 8032 TEST 1 public key in its 44-byte SPKI:
 * keyIdFromSpki(fromHex('302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')!)
 * // '06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9'
 */
export const keyIdFromSpki = (spki: Uint8Array): string => toHex(sha256(spki));

/**
 * Imports a public key from PEM (`-----BEGIN PUBLIC KEY-----`, RFC 7468 section 13).
 * @param pem - PEM text holding one DER SubjectPublicKeyInfo
 * @param options - an optional `SubtleCrypto`
 * @returns the key, or `CORE_DSSE_UNSUPPORTED_ALGORITHM` / `CORE_DSSE_KEY_IMPORT_FAILED`
 * @see https://www.rfc-editor.org/rfc/rfc7468#section-13
 * @example
 * const key = await importPublicKeyPem(pemText); // right({ kind: 'public', keyid: '…', verifier, … })
 */
export const importPublicKeyPem = async (
  pem: string,
  options: KeyOptions = {},
): Promise<E.Either<DsseKeyError, PublicKey>> => {
  const subtle = resolveSubtle(options.subtle);
  if (subtle === undefined) return E.left(NO_WEBCRYPTO);
  const decoded = decodePem(pem, 'PUBLIC KEY');
  if ('problem' in decoded) return E.left(importFailed(decoded.problem));
  const alg = algorithmOf(decoded.der, 'spki');
  if (E.isLeft(alg)) return alg;
  if (!isCanonicalSpki(alg.right, decoded.der)) {
    return E.left(
      importFailed(
        alg.right === 'ed25519'
          ? 'not a 44-byte Ed25519 SubjectPublicKeyInfo (RFC 8410 section 4)'
          : 'not a 91-byte P-256 SubjectPublicKeyInfo with an uncompressed point (RFC 5480 section 2.2)',
      ),
    );
  }
  return guard(async () => {
    const key = await subtle.importKey(
      'spki',
      view(decoded.der),
      WEBCRYPTO_PARAMS[alg.right].key,
      true,
      ['verify'],
    );
    return E.right(await publicKeyOf(subtle, alg.right, key));
  });
};

/**
 * Imports a private key from unencrypted PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`, RFC 7468
 * section 10), as `openssl genpkey` writes it; its public half is derived and checked.
 * @param pem - PEM text holding one DER PrivateKeyInfo / OneAsymmetricKey
 * @param options - an optional `SubtleCrypto`
 * @returns the signing key, or `CORE_DSSE_UNSUPPORTED_ALGORITHM` / `CORE_DSSE_KEY_IMPORT_FAILED`
 * @see https://www.rfc-editor.org/rfc/rfc5958#section-2
 * @example
 * const key = await importPrivateKeyPem(pemText); // right({ kind: 'private', signer, verifier, … })
 */
export const importPrivateKeyPem = async (
  pem: string,
  options: KeyOptions = {},
): Promise<E.Either<DsseKeyError, SigningKey>> => {
  const subtle = resolveSubtle(options.subtle);
  if (subtle === undefined) return E.left(NO_WEBCRYPTO);
  const decoded = decodePem(pem, 'PRIVATE KEY');
  if ('problem' in decoded) return E.left(importFailed(decoded.problem));
  const alg = algorithmOf(decoded.der, 'pkcs8');
  if (E.isLeft(alg)) return alg;
  const params = WEBCRYPTO_PARAMS[alg.right].key;
  return guard(async () => {
    // Imported twice: once extractable, only to read the public half from its JWK form, and once
    // non-extractable for the signer to keep.
    const probe = await subtle.importKey('pkcs8', view(decoded.der), params, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', probe);
    const privateKey = await subtle.importKey('pkcs8', view(decoded.der), params, false, ['sign']);
    return signingKeyOf(subtle, alg.right, privateKey, publicJwk(alg.right, jwk));
  });
};

/**
 * Imports a JWK (RFC 7517): `OKP`/`Ed25519` (RFC 8037) or `EC`/`P-256` (RFC 7518 section 6.2).
 * With a `d` member it is a signing key, otherwise a public key. `alg`, `use`, `key_ops`, `kid`
 * and `ext` are ignored: the key id is always computed from the public key.
 * @param jwk - the parsed JWK object
 * @param options - an optional `SubtleCrypto`
 * @returns the key, or `CORE_DSSE_UNSUPPORTED_ALGORITHM` / `CORE_DSSE_KEY_IMPORT_FAILED` (with the
 *   JSON path of a bad member)
 * @see https://www.rfc-editor.org/rfc/rfc8037#section-2
 * @example
 * await importJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })
 */
export const importJwk = async (
  jwk: unknown,
  options: KeyOptions = {},
): Promise<E.Either<DsseKeyError, PublicKey | SigningKey>> => {
  const subtle = resolveSubtle(options.subtle);
  if (subtle === undefined) return E.left(NO_WEBCRYPTO);
  const parsed = parseJwk(jwk);
  if (E.isLeft(parsed)) return parsed;
  const { algorithm, pub, d } = parsed.right;
  const params = WEBCRYPTO_PARAMS[algorithm].key;
  return guard<PublicKey | SigningKey>(async () => {
    if (d === undefined) {
      const key = await subtle.importKey('jwk', pub, params, true, ['verify']);
      return E.right(await publicKeyOf(subtle, algorithm, key));
    }
    const privateKey = await subtle.importKey('jwk', { ...pub, d }, params, false, ['sign']);
    return signingKeyOf(subtle, algorithm, privateKey, pub);
  });
};

/**
 * Generates a new key pair with the runtime's (or the injected) WebCrypto.
 * @param algorithm - `ed25519` or `ecdsa-p256` (ECDSA over P-256 with SHA-256)
 * @param options - an optional `SubtleCrypto`
 * @returns the signer, its verifier, its key id and both halves as PEM, or
 *   `CORE_DSSE_UNSUPPORTED_ALGORITHM` when the runtime cannot generate such keys
 * @throws TypeError for an algorithm name other than the two above
 * @see docs/spec/signatures.md section 4 (keys)
 * @example
 * const key = await generateSigningKey('ed25519'); // right({ signer, verifier, privateKeyPem, … })
 */
export const generateSigningKey = async (
  algorithm: DsseAlgorithm,
  options: KeyOptions = {},
): Promise<E.Either<DsseKeyError, GeneratedSigningKey>> => {
  if (algorithm !== 'ed25519' && algorithm !== 'ecdsa-p256') {
    throw new TypeError(`unsupported algorithm ${String(algorithm)}; use ed25519 or ecdsa-p256`);
  }
  const subtle = resolveSubtle(options.subtle);
  if (subtle === undefined) return E.left(NO_WEBCRYPTO);
  return guard(async () => {
    const pair = (await subtle.generateKey(WEBCRYPTO_PARAMS[algorithm].key, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
    const pub = await publicKeyOf(subtle, algorithm, pair.publicKey);
    return E.right({
      ...pub,
      kind: 'private' as const,
      signer: webCryptoSigner(subtle, algorithm, pair.privateKey, pub.keyid),
      privateKeyPem: encodePem(pkcs8, 'PRIVATE KEY'),
    });
  });
};

// --- internal --------------------------------------------------------------

const NO_WEBCRYPTO: DsseKeyError = {
  code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM',
  message: 'no WebCrypto in this runtime (globalThis.crypto.subtle); pass options.subtle',
};

const importFailed = (message: string, path?: string): DsseKeyError =>
  path === undefined
    ? { code: 'CORE_DSSE_KEY_IMPORT_FAILED', message }
    : { code: 'CORE_DSSE_KEY_IMPORT_FAILED', message, path };

const algorithmOf = (
  der: Uint8Array,
  kind: 'spki' | 'pkcs8',
): E.Either<DsseKeyError, DsseAlgorithm> => {
  const id = readKeyAlgorithm(der, kind);
  if (id === undefined) {
    return E.left(
      importFailed(
        kind === 'spki' ? 'not a DER SubjectPublicKeyInfo' : 'not a DER PKCS #8 private key',
      ),
    );
  }
  if (id.kind === 'unsupported') {
    return E.left({
      code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM',
      message: `key algorithm ${id.oid} is not supported; use Ed25519 or ECDSA P-256`,
    });
  }
  return E.right(id.algorithm);
};

// Runs WebCrypto calls, turning their rejections into error values: NotSupportedError means the
// runtime lacks the algorithm (e.g. Ed25519 in an older browser); anything else is a bad key.
const guard = async <A>(
  run: () => Promise<E.Either<DsseKeyError, A>>,
): Promise<E.Either<DsseKeyError, A>> => {
  try {
    return await run();
  } catch (e) {
    const name = e instanceof Error || isDomException(e) ? (e as Error).name : '';
    const detail = e instanceof Error || isDomException(e) ? (e as Error).message : String(e);
    if (name === 'NotSupportedError') {
      return E.left({
        code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM',
        message:
          `this WebCrypto does not support the key's algorithm (${detail}); on Node, pass ` +
          '`subtle: new Crypto().subtle` from @peculiar/webcrypto',
      });
    }
    return E.left(importFailed(`WebCrypto refused the key: ${detail}`));
  }
};

const isDomException = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string';

// The key id and PEM come from the canonical SPKI built from the key's JWK coordinates, not from
// `exportKey('spki')`: implementations differ there (one re-exports a compressed point as given).
const publicKeyOf = async (
  subtle: SubtleCrypto,
  algorithm: DsseAlgorithm,
  key: CryptoKey,
): Promise<PublicKey> => {
  const jwk = await subtle.exportKey('jwk', key);
  const x = decodeBase64Url(jwk.x ?? '');
  const y = decodeBase64Url(jwk.y ?? '');
  if (x?.length !== 32 || (algorithm === 'ecdsa-p256' && y?.length !== 32)) {
    throw new Error('WebCrypto exported a malformed public JWK');
  }
  const raw = algorithm === 'ed25519' ? x : concatBytes(new Uint8Array([4]), x, y as Uint8Array);
  const spki = canonicalSpki(algorithm, raw);
  const keyid = keyIdFromSpki(spki);
  return {
    kind: 'public',
    algorithm,
    keyid,
    publicKeyPem: encodePem(spki, 'PUBLIC KEY'),
    verifier: webCryptoVerifier(subtle, algorithm, key, keyid),
  };
};

// Pairs a private key with the public JWK it claims, refusing the pair if they do not match.
const signingKeyOf = async (
  subtle: SubtleCrypto,
  algorithm: DsseAlgorithm,
  privateKey: CryptoKey,
  pub: JsonWebKey,
): Promise<E.Either<DsseKeyError, SigningKey>> => {
  const publicKey = await subtle.importKey('jwk', pub, WEBCRYPTO_PARAMS[algorithm].key, true, [
    'verify',
  ]);
  const pk = await publicKeyOf(subtle, algorithm, publicKey);
  const signer = webCryptoSigner(subtle, algorithm, privateKey, pk.keyid);
  const probe = paeEncode('application/vnd.warrant.key-check', new Uint8Array(0));
  if (!(await pk.verifier.verify(probe, await signer.sign(probe)))) {
    return E.left(importFailed('the private key does not match its public key'));
  }
  return E.right({ ...pk, kind: 'private', signer });
};
