/**
 * The JSON data model shared by the strict parser and the canonicalizer, and the nesting limit
 * they both apply.
 * @module
 */

/** A JSON value as RFC 8259 and RFC 8785 see it: finite numbers only, well-formed strings. */
export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;
/** A JSON array. */
export type JsonArray = ReadonlyArray<JsonValue>;
/** A JSON object with plain string keys. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * Default maximum nesting of arrays and objects, for both {@link parseJsonStrict} and
 * {@link canonicalize}: `[]` is nesting 1, `[[]]` nesting 2, a scalar nesting 0. The same value
 * for both so that everything the parser accepts can be canonicalized; 1000 as in Python's
 * `json` and Jackson, far above real documents, far below what exhausts the JavaScript stack.
 * @see docs/spec/canonical-json.md section "Limits"
 */
export const DEFAULT_MAX_DEPTH = 1000;

/**
 * Checks a `maxDepth` or `maxBytes` option: a non-negative integer (or +Infinity).
 * @throws RangeError on anything else (a programming error, not bad input)
 * @internal
 */
export const checkLimit = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !(value >= 0) ||
    !(Number.isInteger(value) || value === Infinity)
  )
    throw new RangeError(
      `${name} must be a non-negative integer or Infinity, got ${String(value)}`,
    );
  return value;
};
