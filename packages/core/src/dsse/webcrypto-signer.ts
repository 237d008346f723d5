/**
 * Signer and Verifier ports on WebCrypto (`SubtleCrypto`) for Ed25519 and ECDSA P-256/SHA-256.
 *
 * Signature encodings (docs/spec/signatures.md section 5): Ed25519 signatures are the 64
 * bytes of RFC 8032 section 5.1.6; ECDSA signatures are emitted in ASN.1 DER (RFC 3279 section
 * 2.2.3), as OpenSSL, sigstore and Go's crypto/ecdsa write them, and verified in DER or in the
 * 64-byte IEEE P1363 `r || s` form (the DSSE protocol.md example uses the latter).
 * The `SubtleCrypto` is injected, so any implementation (the runtime's, or @peculiar/webcrypto
 * on a runtime that lacks Ed25519) can be used.
 * @module
 */
import type { DsseAlgorithm } from './der';
import { derToP1363, p1363ToDer } from './ecdsa-signature';
import type { Signer, Verifier } from './ports';

/** WebCrypto parameters per algorithm. @internal */
export const WEBCRYPTO_PARAMS: Readonly<
  Record<
    DsseAlgorithm,
    { readonly key: EcKeyImportParams | Algorithm; readonly sign: EcdsaParams | Algorithm }
  >
> = {
  ed25519: { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
  'ecdsa-p256': {
    key: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
  },
};

/** The runtime's `SubtleCrypto`, unless one is injected. @internal */
export const resolveSubtle = (subtle?: SubtleCrypto): SubtleCrypto | undefined =>
  subtle ?? (globalThis.crypto as Crypto | undefined)?.subtle;

/** A Signer over a WebCrypto private key. @internal */
export const webCryptoSigner = (
  subtle: SubtleCrypto,
  algorithm: DsseAlgorithm,
  privateKey: CryptoKey,
  keyid: string,
): Signer => ({
  keyid,
  sign: async (pae) => {
    const sig = new Uint8Array(
      await subtle.sign(WEBCRYPTO_PARAMS[algorithm].sign, privateKey, view(pae)),
    );
    return algorithm === 'ecdsa-p256' ? p1363ToDer(sig) : sig;
  },
});

/** A Verifier over a WebCrypto public key; never throws. @internal */
export const webCryptoVerifier = (
  subtle: SubtleCrypto,
  algorithm: DsseAlgorithm,
  publicKey: CryptoKey,
  keyid: string,
): Verifier => ({
  keyid,
  verify: async (pae, sig) => {
    for (const candidate of signatureCandidates(algorithm, sig)) {
      try {
        const params = WEBCRYPTO_PARAMS[algorithm].sign;
        if (await subtle.verify(params, publicKey, view(candidate), view(pae))) return true;
      } catch {
        // Some implementations throw on malformed signatures instead of returning false.
      }
    }
    return false;
  },
});

// The P1363 forms a signature may stand for: for ECDSA, its strict-DER reading and, if it is 64
// bytes long, itself (a 64-byte string can in principle be both; either reading may verify).
const signatureCandidates = (algorithm: DsseAlgorithm, sig: Uint8Array): Uint8Array[] => {
  if (algorithm === 'ed25519') return sig.length === 64 ? [sig] : [];
  const out: Uint8Array[] = [];
  const fromDer = derToP1363(sig);
  if (fromDer !== undefined) out.push(fromDer);
  if (sig.length === 64) out.push(sig);
  return out;
};

/**
 * A fresh ArrayBuffer-backed copy: WebCrypto implementations differ on views of shared or offset
 * buffers, and the caller's array must not be observable by the crypto provider.
 * @internal
 */
export const view = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
};
