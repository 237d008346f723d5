/**
 * Error values of pack redaction (docs/spec/redaction-v1.md section 9). Each has a stable code;
 * see docs/errors.md.
 * @module
 */
import { makeError, type WarrantError } from '@warrant/core';
import type { RedactionProfileError } from './profile';

/** Codes of redaction failures other than profile decoding. */
export type RedactionRunErrorCode =
  | 'PACK_REDACTION_INPUT_INVALID'
  | 'PACK_REDACTION_FILE_NOT_JSON'
  | 'PACK_REDACTION_RESIDUE'
  | 'PACK_REDACTION_PROFILE_UNKNOWN'
  | 'PACK_REDACTION_COMMITMENT_INVALID';

/** A redaction failure: `path` is the pack file path (and JSON path, where there is one). */
export type RedactionRunError = WarrantError<RedactionRunErrorCode>;

/** Every error redaction functions return. */
export type RedactionError = RedactionRunError | RedactionProfileError;

/**
 * Builds a redaction error value.
 * @param code - the code
 * @param message - what was found and expected (never a redacted value)
 * @param path - the file path, optionally followed by a space and a JSON path
 * @returns the error
 * @internal
 */
export const redactionError = (
  code: RedactionRunErrorCode,
  message: string,
  path?: string,
): RedactionRunError => makeError(code, message, path);
