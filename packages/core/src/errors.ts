/**
 * The error model shared by every Warrant package.
 *
 * Errors that depend on input data are values (`Either` lefts), never exceptions. Each carries a
 * stable `code` (SCREAMING_SNAKE, prefixed by package, never renumbered or reused), the JSON path
 * or position of the offending input where there is one, and an English `message`. Text for
 * people is made only at the edge (CLI, host application) with {@link formatError}.
 * Every code is listed in docs/errors.md.
 * @module
 */

/** The shape every Warrant error value has; package unions narrow `code`. */
export interface WarrantError<C extends string = string> {
  /** Stable, greppable identifier, e.g. `CORE_CANONICAL_JSON_UNSUPPORTED_VALUE`. */
  readonly code: C;
  /** Human-readable detail: what was found and what was expected. */
  readonly message: string;
  /** JSON path (`$.scope.purls[0]`), file path or `line:column` of the offending input, if any. */
  readonly path?: string;
}

/**
 * Renders any Warrant error as one line of text: `CODE at PATH: message`.
 * @param error - an error value returned by any Warrant function
 * @returns a single line, suitable for a CLI or a log
 * @example
 * formatError({ code: 'CORE_DIGEST_INVALID', message: 'expected sha256:<64 hex>', path: '$.digest' })
 * // 'CORE_DIGEST_INVALID at $.digest: expected sha256:<64 hex>'
 */
export const formatError = (error: WarrantError): string =>
  error.path === undefined || error.path === ''
    ? `${error.code}: ${error.message}`
    : `${error.code} at ${error.path}: ${error.message}`;

/**
 * Builds an error value; `path` is omitted when undefined (exactOptionalPropertyTypes-safe).
 * @internal
 */
export const makeError = <C extends string>(
  code: C,
  message: string,
  path?: string,
): WarrantError<C> => (path === undefined ? { code, message } : { code, message, path });
