/**
 * Error values of @warrant/pack. Each has a stable `PACK_*` code; see docs/errors.md.
 * @module
 */
import type { WarrantError } from '@warrant/core';

/** Codes for pack encryption and decryption. */
export type PackEncryptionErrorCode =
  | 'PACK_ENCRYPTION_OPTIONS_INVALID'
  | 'PACK_ENCRYPTION_RECIPIENT_INVALID'
  | 'PACK_DECRYPTION_NOT_AGE'
  | 'PACK_DECRYPTION_NO_IDENTITY'
  | 'PACK_DECRYPTION_FAILED';

/** An encryption or decryption failure. */
export type PackEncryptionError = WarrantError<PackEncryptionErrorCode>;
