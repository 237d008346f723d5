/**
 * The fast path of parseJsonStrict: the engine's `JSON.parse` builds the value, then cheap checks
 * confirm that the strict scanner (json-scanner.ts) would have accepted the same text and built
 * the same value. Whenever a check cannot confirm it, the answer is "ask the scanner", which then
 * produces the value or the precise error (code, path, position); so results never depend on
 * which path ran.
 *
 * Why this is sound. `JSON.parse` accepts exactly the RFC 8259 grammar (ECMA-262
 * section 25.5.1: same whitespace, literals, number and string syntax) and builds the same value
 * the scanner builds: numbers by round-to-nearest, member names as own data properties
 * (`"__proto__"` included, ECMA-262 CreateDataProperty), the last of duplicate names kept. What
 * it does not refuse, and what is checked here instead:
 * - duplicate member names: the member names counted in the text (each string token followed by
 *   `:`) equal the own keys counted in the value exactly when no object repeats a name;
 * - lone surrogates: escaped ones by reading every `\u` escape of D800..DFFF in the text; raw
 *   ones cannot come out of well-formed UTF-8, and string input is checked by the caller;
 * - unsafe integers and out-of-range numbers: any number in the value beyond ±(2^53-1) or
 *   infinite sends the text to the scanner, which applies the textual rules of
 *   docs/spec/canonical-json.md section 2.5 (an integer literal beyond 2^53-1 always parses to a
 *   double of at least 2^53, so none can slip through);
 * - nesting deeper than `maxDepth`: measured on the value, with an explicit stack.
 * @module
 */
import type { JsonValue } from './json-value';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Parses text that needs no position-exact error: the value when every strict rule is confirmed,
 * `undefined` when the full scanner must decide (it may still accept, e.g. `1e300`).
 * @param text - the decoded input (no BOM: the caller refuses it first)
 * @param maxDepth - the nesting limit
 * @returns the value, or `undefined` to ask the scanner
 * @internal
 */
export const parseEngineChecked = (text: string, maxDepth: number): JsonValue | undefined => {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined; // any refusal (or a stack overflow on deep input): the scanner says why
  }
  if (!surrogateEscapesPaired(text)) return undefined;
  const keys = countKeys(value, maxDepth);
  if (keys < 0) return undefined;
  // The colon count settles almost every text; when colons inside strings made it larger, the
  // exact count decides.
  return keys === countColonNames(text) || keys === countMemberNames(text) ? value : undefined;
};

/**
 * Whether a string is well-formed UTF-16 (every surrogate in a high-low pair).
 * @param text - any string
 * @returns false if it holds a lone surrogate
 * @internal
 */
export const isWellFormedUtf16 = (text: string): boolean => {
  if (!ANY_SURROGATE.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || !isLow(text.charCodeAt(i + 1))) return false;
    i++;
  }
  return true;
};

// --- internal --------------------------------------------------------------

const ANY_SURROGATE = /[\ud800-\udfff]/;

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * An upper bound of the member names of valid JSON text, read from its colons. Outside strings
 * a colon only ever follows a member name, after optional whitespace; so counting every colon
 * whose nearest non-whitespace character before it is a `"` counts each member name once
 * (colons inside strings may add to the count, never take from it). A count equal to the own
 * keys of the parsed value therefore proves that no object repeated a name. One search for `:`
 * per colon: much cheaper than reading every string (countMemberNames), which decides when
 * colons inside strings made this count too large.
 * @internal
 */
export const countColonNames = (t: string): number => {
  let n = 0;
  for (let i = t.indexOf(':'); i !== -1; i = t.indexOf(':', i + 1)) {
    let k = i - 1;
    let c = t.charCodeAt(k);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(--k);
    if (c === 0x22) n++;
  }
  return n;
};

/**
 * Member names of valid JSON text, exactly. In valid JSON every unescaped `"` outside a string
 * opens one, and the first unescaped `"` after it closes it; a string is a member name exactly
 * when the next non-whitespace is `:`.
 * @internal
 */
export const countMemberNames = (t: string): number => {
  let names = 0;
  let open = t.indexOf('"');
  while (open !== -1) {
    let close = t.indexOf('"', open + 1);
    while (t.charCodeAt(close - 1) === 0x5c && escapedAt(t, close))
      close = t.indexOf('"', close + 1);
    let k = close + 1;
    let c = t.charCodeAt(k);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++k);
    if (c === 0x3a) names++;
    open = t.indexOf('"', k);
  }
  return names;
};

/** Whether the character at `i` is escaped: an odd run of backslashes right before it. */
const escapedAt = (t: string, i: number): boolean => {
  let k = i - 1;
  while (t.charCodeAt(k) === 0x5c) k--;
  return (i - 1 - k) % 2 === 1;
};

// RFC 8259 section 7: a high surrogate escape must be followed at once by a low surrogate
// escape; a low surrogate escape must not appear alone. Only `\u` escapes can make them here.
const surrogateEscapesPaired = (t: string): boolean => {
  for (let i = t.indexOf('\\u'); i !== -1;) {
    if (escapedAt(t, i) || !isSurrogateEscape(t, i)) {
      i = t.indexOf('\\u', i + 2);
      continue;
    }
    if (!isHighEscape(t, i) || t.charCodeAt(i + 6) !== 0x5c || t.charCodeAt(i + 7) !== 0x75) {
      return false;
    }
    if (!isSurrogateEscape(t, i + 6) || isHighEscape(t, i + 6)) return false;
    i = t.indexOf('\\u', i + 12);
  }
  return true;
};

// `\uDxxx` with x in 8..F: D800..DFFF (JSON.parse has already checked the four hex digits).
const isSurrogateEscape = (t: string, i: number): boolean => {
  if ((t.charCodeAt(i + 2) | 0x20) !== 0x64) return false;
  const c = t.charCodeAt(i + 3) | 0x20;
  return c === 0x38 || c === 0x39 || (c >= 0x61 && c <= 0x66);
};

// D800..DBFF: third hex digit 8, 9, a or b.
const isHighEscape = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i + 3) | 0x20;
  return c === 0x38 || c === 0x39 || c === 0x61 || c === 0x62;
};

/**
 * Own keys of every object in the value, or -1 when the value nests deeper than `maxDepth` or
 * holds a number the scanner must judge (beyond ±(2^53-1), or infinite).
 */
const countKeys = (root: JsonValue, maxDepth: number): number => {
  if (typeof root !== 'object' || root === null) return typeof root === 'number' ? num(root) : 0;
  let keys = 0;
  const stack: Array<JsonValue[] | Record<string, JsonValue>> = [
    root as JsonValue[] | Record<string, JsonValue>,
  ];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop() as JsonValue[] | Record<string, JsonValue>;
    const d = depths.pop() as number;
    if (d > maxDepth) return -1;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const e = v[i] as JsonValue;
        if (typeof e === 'object') {
          if (e !== null) {
            stack.push(e as JsonValue[] | Record<string, JsonValue>);
            depths.push(d + 1);
          }
        } else if (typeof e === 'number' && num(e) < 0) return -1;
      }
    } else {
      for (const k in v) {
        keys++;
        const e = v[k] as JsonValue;
        if (typeof e === 'object') {
          if (e !== null) {
            stack.push(e as JsonValue[] | Record<string, JsonValue>);
            depths.push(d + 1);
          }
        } else if (typeof e === 'number' && num(e) < 0) return -1;
      }
    }
  }
  return keys;
};

// 0 for a number the fast path may keep, -1 for one the scanner must judge (NaN cannot occur).
const num = (n: number): number => (n <= MAX_SAFE && n >= -MAX_SAFE ? 0 : -1);
