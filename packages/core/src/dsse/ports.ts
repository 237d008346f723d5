/**
 * The Signer and Verifier ports: how DSSE code reaches keys without knowing where they live
 * (WebCrypto in this package, a KMS or an HSM in a host application).
 *
 * Both work on PAE bytes (see `paeEncode`), never on the payload alone, so a port cannot be
 * tricked into signing something that is not a DSSE PAE by the envelope code.
 * @module
 */

/** Signs PAE bytes with one private key. */
export interface Signer {
  /**
   * The key id written into the envelope (Warrant keys: lowercase hex SHA-256 of the canonical
   * SPKI DER, see `keyIdFromSpki`); the empty string writes no key id.
   */
  readonly keyid: string;
  /**
   * Signs the PAE bytes.
   * @param pae - the output of `paeEncode`
   * @returns the signature bytes, in the encoding the algorithm's DSSE profile fixes
   */
  sign(pae: Uint8Array): Promise<Uint8Array>;
}

/** Verifies signatures over PAE bytes with one trusted public key. */
export interface Verifier {
  /**
   * The key's id: it both names the key in verification reports and is compared with the
   * envelope's `keyid` hint. Each trusted key must have one verifier with a distinct id.
   */
  readonly keyid: string;
  /**
   * Checks one signature. Must not throw for malformed signatures (a throw counts as `false`).
   * @param pae - the output of `paeEncode`
   * @param sig - the decoded signature bytes from the envelope
   * @returns whether the signature is valid for this key over these bytes
   */
  verify(pae: Uint8Array, sig: Uint8Array): Promise<boolean>;
}
