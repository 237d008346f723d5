/**
 * A strict JSON parser for untrusted input: RFC 8259, plus the I-JSON rules of RFC 7493 that
 * matter for hashing and signing.
 *
 * Refused, each with its own code, the JSON path, the offset and the line and column where it
 * was found: input over `maxBytes`, a byte order mark, ill-formed UTF-8, any syntax error,
 * duplicate member names at any depth, lone surrogates (raw or escaped), integer literals beyond
 * ±(2^53-1), numbers beyond the binary64 range, nesting over `maxDepth`, and anything after the
 * value. The scanner keeps its own stack, so no input can exhaust the JavaScript stack. Input that
 * passes every rule is parsed by the engine's JSON.parse and confirmed by cheap checks
 * (json-fast-parse.ts); anything those checks cannot confirm goes to the scanner, so values and
 * errors are the scanner's either way.
 * docs/spec/canonical-json.md states every rule.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { utf8Decode } from './bytes';
import type { WarrantError } from './errors';
import { formatJsonPath, type PathSegment } from './json-path';
import { isWellFormedUtf16, parseEngineChecked } from './json-fast-parse';
import { invalidUtf8At, lineColumnAt, utf8Length } from './json-position';
import { ScanFailure, Scanner, type JsonParseErrorCode } from './json-scanner';
import { checkLimit, DEFAULT_MAX_DEPTH, type JsonValue } from './json-value';

export { DEFAULT_MAX_DEPTH } from './json-value';
export type { JsonParseErrorCode } from './json-scanner';

// --- model -----------------------------------------------------------------

/** Limits that keep hostile input from exhausting the stack or memory. */
export interface JsonParseLimits {
  /** Maximum nesting of arrays and objects (default {@link DEFAULT_MAX_DEPTH}). */
  readonly maxDepth?: number;
  /** Maximum input size in UTF-8 bytes, for string input too (default {@link DEFAULT_MAX_BYTES}). */
  readonly maxBytes?: number;
}

/**
 * Why input was refused. `path` is the JSON path of the value being read (or of the container,
 * for errors between members); `position` the 0-based offset in the input's own units (UTF-16
 * code units for a string, bytes for a `Uint8Array`); `line` and `column` are 1-based, lines end
 * at LF and columns count code points.
 */
export type JsonParseError = WarrantError<JsonParseErrorCode> & {
  readonly path: string;
  readonly position: number;
  readonly line: number;
  readonly column: number;
};

/**
 * Default size limit: 64 MiB. A parsed value takes up to about 23 times its input size in memory
 * (an array of empty objects; measured by bench/json-parse.bench.ts), so the default keeps the
 * worst hostile input near 1.5 GiB. Raise it deliberately for larger documents.
 */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

// --- operations ------------------------------------------------------------

/**
 * Parses untrusted JSON strictly.
 * @param input - JSON text, or its UTF-8 bytes
 * @param limits - optional depth and size limits
 * @returns the value (objects have `Object.prototype`, a `"__proto__"` member stays an ordinary
 *   member), or an error with a stable code, the JSON path, the position, line and column
 * @throws RangeError if a limit is not a non-negative integer; TypeError if `input` is neither
 *   a string nor a Uint8Array
 * @see https://www.rfc-editor.org/rfc/rfc8259
 * @see https://www.rfc-editor.org/rfc/rfc7493#section-2
 * @example
 * parseJsonStrict('{"a":1,"a":2}') // left({ code: 'CORE_JSON_DUPLICATE_KEY', path: '$.a', … })
 * parseJsonStrict('[1, 2]')        // right([1, 2])
 */
export const parseJsonStrict = (
  input: string | Uint8Array,
  limits: JsonParseLimits = {},
): E.Either<JsonParseError, JsonValue> => {
  const maxBytes = checkLimit('maxBytes', limits.maxBytes, DEFAULT_MAX_BYTES);
  const maxDepth = checkLimit('maxDepth', limits.maxDepth, DEFAULT_MAX_DEPTH);
  if (typeof input === 'string') {
    // Each UTF-16 code unit is 1 to 3 UTF-8 bytes: count exactly only when it can matter.
    if (input.length > maxBytes || (input.length * 3 > maxBytes && utf8Length(input) > maxBytes)) {
      return E.left(tooLarge(maxBytes));
    }
    if (input.charCodeAt(0) === 0xfeff) return E.left(bom());
    // Raw lone surrogates can only come in through string input; the scanner locates them.
    const fast = isWellFormedUtf16(input) ? parseEngineChecked(input, maxDepth) : undefined;
    return fast === undefined ? scanStrict(input, maxDepth, undefined) : E.right(fast);
  }
  if (!(input instanceof Uint8Array)) {
    throw new TypeError('parseJsonStrict expects a string or a Uint8Array');
  }
  if (input.length > maxBytes) return E.left(tooLarge(maxBytes));
  // RFC 8259 section 8.1: no byte order mark.
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) return E.left(bom());
  const text = utf8Decode(input);
  if (text === undefined) {
    const at = Math.max(invalidUtf8At(input), 0);
    const prefix = utf8Decode(input.subarray(0, at)) ?? '';
    return E.left(
      makeParseError(
        'CORE_JSON_INVALID_UTF8',
        `ill-formed UTF-8 (byte 0x${(input[at] ?? 0).toString(16).padStart(2, '0')})`,
        [],
        at,
        lineColumnAt(prefix, prefix.length),
      ),
    );
  }
  // Well-formed UTF-8 decodes to well-formed UTF-16, so only escapes can make lone surrogates.
  const fast = parseEngineChecked(text, maxDepth);
  return fast === undefined ? scanStrict(text, maxDepth, input) : E.right(fast);
};

/**
 * parseJsonStrict without its fast path: the scanner alone reads the text. The fast path must
 * give exactly what this gives (the property tests compare them); exported for those tests.
 * @param text - decoded input, BOM already refused
 * @param maxDepth - the nesting limit
 * @param bytes - the original bytes for byte input (positions are then byte offsets)
 * @returns what parseJsonStrict returns for the same input
 * @internal
 */
export const scanStrict = (
  text: string,
  maxDepth: number,
  bytes: Uint8Array | undefined,
): E.Either<JsonParseError, JsonValue> => {
  const scanner = new Scanner(text, maxDepth);
  let failure: ScanFailure;
  try {
    const value = scanner.parse();
    if (scanner.end === text.length) return E.right(value);
    failure = new ScanFailure(
      'CORE_JSON_TRAILING_DATA',
      'unexpected data after the JSON value',
      scanner.end,
      [],
    );
  } catch (e) {
    if (!(e instanceof ScanFailure)) throw e;
    failure = e;
  }
  const at = Math.min(failure.at, text.length);
  return E.left(
    makeParseError(
      failure.code,
      failure.message,
      failure.path,
      bytes === undefined ? at : utf8Length(text, at),
      lineColumnAt(text, at),
    ),
  );
};

// --- internal --------------------------------------------------------------

const makeParseError = (
  code: JsonParseErrorCode,
  message: string,
  path: ReadonlyArray<PathSegment>,
  position: number,
  { line, column }: { line: number; column: number },
): JsonParseError => ({
  code,
  message: `${message} (line ${line}, column ${column}, offset ${position})`,
  path: formatJsonPath(path),
  position,
  line,
  column,
});

const tooLarge = (max: number): JsonParseError =>
  makeParseError('CORE_JSON_TOO_LARGE', `the input exceeds the limit of ${max} bytes`, [], 0, {
    line: 1,
    column: 1,
  });

const bom = (): JsonParseError =>
  makeParseError('CORE_JSON_BOM', 'a byte order mark (U+FEFF) is not allowed', [], 0, {
    line: 1,
    column: 1,
  });
