/**
 * Pack encryption in the age format (age-encryption.org/v1), with passphrases (scrypt) or X25519
 * recipients. Encryption wraps the finished, deterministic pack: the pack inside stays
 * byte-identical and verifies as usual once decrypted. The ciphertext itself is not
 * deterministic (age draws a fresh file key), and need not be: it is a transport envelope.
 * Interoperates with the `age` command (tested in CI).
 * @see https://age-encryption.org/v1
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { makeError } from '@warrant/core';
import type * as AgeModule from 'age-encryption';
import type { PackEncryptionError } from './errors';

// --- model -----------------------------------------------------------------

/** How to encrypt: one passphrase, or one or more public recipients (`age1…`). */
export type PackEncryption =
  | {
      readonly kind: 'passphrase';
      readonly passphrase: string;
      /** log2 of the scrypt work factor; age's default is 18. Lower only for tests. */
      readonly scryptWorkFactor?: number;
    }
  | { readonly kind: 'recipients'; readonly recipients: ReadonlyArray<string> };

/** What may decrypt: passphrases and/or identities (`AGE-SECRET-KEY-1…`), all tried. */
export interface PackDecryption {
  readonly passphrases?: ReadonlyArray<string>;
  readonly identities?: ReadonlyArray<string>;
}

/** An X25519 key pair in age's text encodings. */
export interface AgeKeyPair {
  /** The secret identity, `AGE-SECRET-KEY-1…`: keep private. */
  readonly identity: string;
  /** The public recipient, `age1…`: share with pack producers. */
  readonly recipient: string;
}

/** The first line of every binary age file. */
export const AGE_HEADER_PREFIX = 'age-encryption.org/v1\n';

// --- operations ------------------------------------------------------------

/**
 * Encrypts pack bytes for a passphrase or for recipients.
 * @param pack - the finished .tar.gz bytes
 * @param encryption - passphrase or recipients
 * @returns the age file bytes, or `PACK_ENCRYPTION_OPTIONS_INVALID` / `PACK_ENCRYPTION_RECIPIENT_INVALID`
 * @see https://age-encryption.org/v1
 * @example
 * const sealed = await encryptPack(packBytes, { kind: 'recipients', recipients: ['age1…'] });
 */
export const encryptPack = async (
  pack: Uint8Array,
  encryption: PackEncryption,
): Promise<E.Either<PackEncryptionError, Uint8Array>> => {
  const age = await loadAge();
  const encrypter = new age.Encrypter();
  if (encryption.kind === 'passphrase') {
    if (encryption.passphrase.length === 0) {
      return E.left(
        invalid('PACK_ENCRYPTION_OPTIONS_INVALID', 'the passphrase is empty', '$.passphrase'),
      );
    }
    const logN = encryption.scryptWorkFactor;
    if (logN !== undefined && (!Number.isInteger(logN) || logN < 1 || logN > 30)) {
      return E.left(
        invalid(
          'PACK_ENCRYPTION_OPTIONS_INVALID',
          'scryptWorkFactor must be an integer from 1 to 30',
          '$.scryptWorkFactor',
        ),
      );
    }
    encrypter.setPassphrase(encryption.passphrase);
    if (logN !== undefined) encrypter.setScryptWorkFactor(logN);
  } else {
    if (encryption.recipients.length === 0) {
      return E.left(
        invalid(
          'PACK_ENCRYPTION_OPTIONS_INVALID',
          'at least one recipient is required',
          '$.recipients',
        ),
      );
    }
    for (const [i, r] of encryption.recipients.entries()) {
      if (!/^age1[02-9ac-hj-np-z]+$/.test(r)) {
        return E.left(
          invalid(
            'PACK_ENCRYPTION_RECIPIENT_INVALID',
            `expected an age X25519 recipient (age1…), got ${JSON.stringify(r.slice(0, 20))}`,
            `$.recipients[${i}]`,
          ),
        );
      }
      try {
        encrypter.addRecipient(r);
      } catch (e) {
        return E.left(
          invalid('PACK_ENCRYPTION_RECIPIENT_INVALID', describe(e), `$.recipients[${i}]`),
        );
      }
    }
  }
  try {
    return E.right(await encrypter.encrypt(pack));
  } catch (e) {
    // Recipient strings are only fully decoded (bech32 checksum, point) at encryption time.
    return E.left(invalid('PACK_ENCRYPTION_RECIPIENT_INVALID', describe(e)));
  }
};

/**
 * Decrypts an age-encrypted pack with passphrases and/or identities.
 * @param sealed - age file bytes (binary format; ASCII armor is not accepted)
 * @param decryption - candidate passphrases and identities
 * @returns the pack bytes exactly as encrypted, or a typed error
 * @example
 * const pack = await decryptPack(sealed, { identities: ['AGE-SECRET-KEY-1…'] });
 */
export const decryptPack = async (
  sealed: Uint8Array,
  decryption: PackDecryption,
): Promise<E.Either<PackEncryptionError, Uint8Array>> => {
  if (!isAgeEncrypted(sealed)) {
    return E.left(
      invalid(
        'PACK_DECRYPTION_NOT_AGE',
        `the input does not start with "${AGE_HEADER_PREFIX.trim()}"`,
      ),
    );
  }
  const passphrases = decryption.passphrases ?? [];
  const identities = decryption.identities ?? [];
  if (passphrases.length === 0 && identities.length === 0) {
    return E.left(
      invalid('PACK_DECRYPTION_NO_IDENTITY', 'give at least one passphrase or identity'),
    );
  }
  const age = await loadAge();
  const decrypter = new age.Decrypter();
  try {
    for (const p of passphrases) decrypter.addPassphrase(p);
    for (const i of identities) decrypter.addIdentity(i);
  } catch (e) {
    return E.left(invalid('PACK_DECRYPTION_NO_IDENTITY', describe(e)));
  }
  try {
    return E.right(await decrypter.decrypt(sealed));
  } catch (e) {
    return E.left(invalid('PACK_DECRYPTION_FAILED', describe(e)));
  }
};

/**
 * Whether bytes look like a binary age file (by its header line; nothing is decrypted).
 * @param bytes - candidate bytes
 * @returns true if the age v1 header line is present
 * @example
 * isAgeEncrypted(new TextEncoder().encode('age-encryption.org/v1\n…')) // true
 */
export const isAgeEncrypted = (bytes: Uint8Array): boolean => {
  if (bytes.length < AGE_HEADER_PREFIX.length) return false;
  for (let i = 0; i < AGE_HEADER_PREFIX.length; i++) {
    if (bytes[i] !== AGE_HEADER_PREFIX.charCodeAt(i)) return false;
  }
  return true;
};

/**
 * Generates an X25519 key pair for pack recipients.
 * @returns the secret identity and its public recipient
 * @example
 * const { identity, recipient } = await generateAgeKeyPair();
 */
export const generateAgeKeyPair = async (): Promise<AgeKeyPair> => {
  const age = await loadAge();
  const identity = await age.generateX25519Identity();
  return { identity, recipient: await age.identityToRecipient(identity) };
};

// --- internal --------------------------------------------------------------

// Loaded lazily: age-encryption is ESM-only and only needed when encryption is used.
const loadAge = (): Promise<typeof AgeModule> => import('age-encryption');

const invalid = (
  code: PackEncryptionError['code'],
  message: string,
  path?: string,
): PackEncryptionError => makeError(code, message, path);

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));
