/**
 * Errors and warnings of `@warrant/formats`. An import either succeeds completely (possibly with
 * warnings about non-fatal oddities) or fails with one error value; nothing is half-imported.
 * Every code is listed in docs/errors.md.
 * @module
 */
import type { JsonParseError, WarrantError, CanonicalJsonError } from '@warrant/core';

// --- model -----------------------------------------------------------------

/** Codes `@warrant/formats` itself returns. */
export type FormatsErrorCode =
  | 'FORMATS_UNKNOWN_FORMAT'
  | 'FORMATS_UNSUPPORTED_VERSION'
  | 'FORMATS_FORMAT_MISMATCH'
  | 'FORMATS_INVALID_DOCUMENT';

/** One problem found in a document: where and what was expected there. */
export interface FormatsIssue {
  /** RFC 9535 normalized path of the offending value. */
  readonly path: string;
  /** What was found and what was expected. */
  readonly message: string;
}

/**
 * A refusal by an importer. For `FORMATS_INVALID_DOCUMENT`, `issues` lists every problem found
 * (up to {@link MAX_ISSUES}) in document order; `path` and `message` repeat the first.
 */
export type FormatsOwnError = WarrantError<FormatsErrorCode> & {
  readonly path: string;
  readonly issues?: ReadonlyArray<FormatsIssue>;
};

/**
 * Everything an import can return as an error: the importer's own codes, the strict JSON
 * parser's `CORE_JSON_*` codes (bytes input), or canonicalization codes (parsed input that is not
 * plain JSON data).
 */
export type FormatsError = FormatsOwnError | JsonParseError | CanonicalJsonError;

/** Codes of non-fatal warnings. */
export type FormatsWarningCode =
  | 'FORMATS_WARN_SEVERITY_MISSING'
  | 'FORMATS_WARN_SEVERITY_UNRECOGNIZED'
  | 'FORMATS_WARN_PURL_INVALID'
  | 'FORMATS_WARN_PURL_NOT_DERIVABLE'
  | 'FORMATS_WARN_DUPLICATE_MERGED'
  | 'FORMATS_WARN_TIMESTAMP_INVALID'
  | 'FORMATS_WARN_DIGEST_INVALID'
  | 'FORMATS_WARN_REFERENCE_UNRESOLVED'
  | 'FORMATS_WARN_VALUE_UNRECOGNIZED'
  | 'FORMATS_WARN_CONTENT_IGNORED';

/** A non-fatal oddity: the import went ahead, and this is what it did about it. */
export interface FormatsWarning {
  readonly code: FormatsWarningCode;
  readonly message: string;
  /** RFC 9535 normalized path in the input document. */
  readonly path: string;
}

/** At most this many issues are collected before an importer stops looking. */
export const MAX_ISSUES = 100;

// --- operations ------------------------------------------------------------

/**
 * Renders a formats error as text, one line per issue.
 * @param error - an error returned by {@link importDocument} or {@link detectFormat}
 * @returns `CODE at PATH: message`, then `  at PATH: message` for each further issue
 * @example
 * formatFormatsError(left.left) // 'FORMATS_INVALID_DOCUMENT at $.matches[3].vulnerability.id: expected a non-empty string, got 5'
 */
export const formatFormatsError = (error: FormatsError): string => {
  const head = `${error.code} at ${error.path}: ${error.message}`;
  const issues = 'issues' in error && error.issues !== undefined ? error.issues.slice(1) : [];
  return [head, ...issues.map((i) => `  at ${i.path}: ${i.message}`)].join('\n');
};

/** @internal */
export const formatsError = (
  code: FormatsErrorCode,
  message: string,
  path: string,
): FormatsOwnError => ({ code, message, path });
