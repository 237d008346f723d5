/**
 * @warrant/pack: deterministic, verifiable audit packs (browser-safe entry).
 * @module
 */
export const PACK_PACKAGE = '@warrant/pack' as const;
// --- encryption ---
export {
  encryptPack,
  decryptPack,
  isAgeEncrypted,
  generateAgeKeyPair,
  AGE_HEADER_PREFIX,
} from './encrypt';
export type { PackEncryption, PackDecryption, AgeKeyPair } from './encrypt';
export type { PackEncryptionError, PackEncryptionErrorCode } from './errors';
