/**
 * A strict JSON parser for untrusted input (RFC 8259, I-JSON rules of RFC 7493 where they bite).
 *
 * Refused, each with its own code and the position and JSON path where it was found: a byte
 * order mark, malformed UTF-8, duplicate member names at any depth, lone surrogates (raw or
 * escaped), integer literals beyond ±(2^53-1) that would silently lose precision, anything
 * after the value, input over `maxBytes`, nesting over `maxDepth`, and any syntax error.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { utf8Decode } from './bytes';
import type { JsonValue } from './canonical-json';
import type { WarrantError } from './errors';
import { formatJsonPath, type PathSegment } from './json-path';

// --- model -----------------------------------------------------------------

/** Limits that keep hostile input from exhausting the stack or memory. */
export interface JsonParseLimits {
  /** Maximum nesting of arrays and objects (default 256). */
  readonly maxDepth?: number;
  /** Maximum input size in UTF-8 bytes, or UTF-16 code units for string input (default 256 MiB). */
  readonly maxBytes?: number;
}

/** The codes {@link parseJsonStrict} can return. */
export type JsonParseErrorCode =
  | 'CORE_JSON_SYNTAX'
  | 'CORE_JSON_BOM'
  | 'CORE_JSON_INVALID_UTF8'
  | 'CORE_JSON_DUPLICATE_KEY'
  | 'CORE_JSON_LONE_SURROGATE'
  | 'CORE_JSON_UNSAFE_INTEGER'
  | 'CORE_JSON_TRAILING_DATA'
  | 'CORE_JSON_TOO_DEEP'
  | 'CORE_JSON_TOO_LARGE';

/** Why input was refused: `path` is the JSON path, `position` the 0-based UTF-16 offset. */
export type JsonParseError = WarrantError<JsonParseErrorCode> & {
  readonly path: string;
  readonly position: number;
};

/** Default nesting limit. */
export const DEFAULT_MAX_DEPTH = 256;
/** Default size limit: 256 MiB. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

// --- operations ------------------------------------------------------------

/**
 * Parses untrusted JSON strictly.
 * @param input - JSON text, or its UTF-8 bytes
 * @param limits - optional depth and size limits
 * @returns the value, or an error with a stable code, the JSON path and the position
 * @example
 * parseJsonStrict('{"a":1,"a":2}') // left({ code: 'CORE_JSON_DUPLICATE_KEY', path: "$.a", … })
 * parseJsonStrict('[1, 2]')        // right([1, 2])
 */
export const parseJsonStrict = (
  input: string | Uint8Array,
  limits: JsonParseLimits = {},
): E.Either<JsonParseError, JsonValue> => {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  let text: string;
  if (typeof input === 'string') {
    if (input.length > maxBytes) return E.left(tooLarge(input.length, maxBytes));
    text = input;
  } else {
    if (input.length > maxBytes) return E.left(tooLarge(input.length, maxBytes));
    if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
      return E.left(fail('CORE_JSON_BOM', 'a UTF-8 byte order mark is not allowed', 0, []));
    }
    const decoded = utf8Decode(input);
    if (decoded === undefined) {
      return E.left(fail('CORE_JSON_INVALID_UTF8', 'the input is not well-formed UTF-8', 0, []));
    }
    text = decoded;
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return E.left(fail('CORE_JSON_BOM', 'a byte order mark is not allowed', 0, []));
  }
  const p = new Parser(text, maxDepth);
  try {
    p.skipWs();
    const value = p.value();
    p.skipWs();
    if (p.pos < text.length) {
      throw fail('CORE_JSON_TRAILING_DATA', 'unexpected data after the JSON value', p.pos, []);
    }
    return E.right(value);
  } catch (e) {
    if (isParseError(e)) return E.left(e);
    throw e;
  }
};

// --- internal --------------------------------------------------------------

const fail = (
  code: JsonParseErrorCode,
  message: string,
  position: number,
  path: ReadonlyArray<PathSegment>,
): JsonParseError => ({
  code,
  message: `${message} (at offset ${position})`,
  path: formatJsonPath(path),
  position,
});

const tooLarge = (size: number, max: number): JsonParseError =>
  fail('CORE_JSON_TOO_LARGE', `input of ${size} bytes exceeds the limit of ${max}`, 0, []);

const PARSE_ERROR = Symbol('JsonParseError');
const isParseError = (e: unknown): e is JsonParseError =>
  typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[PARSE_ERROR] === true;

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const MAX_SAFE = 2 ** 53 - 1;

class Parser {
  pos = 0;
  private readonly path: PathSegment[] = [];
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  error(code: JsonParseErrorCode, message: string, at = this.pos): JsonParseError {
    const e = fail(code, message, at, this.path);
    Object.defineProperty(e, PARSE_ERROR, { value: true, enumerable: false });
    return e;
  }

  skipWs(): void {
    const t = this.text;
    let c = t.charCodeAt(this.pos);
    // RFC 8259 section 2: space, tab, line feed, carriage return only.
    while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) c = t.charCodeAt(++this.pos);
  }

  value(): JsonValue {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: // {
        return this.object();
      case 0x5b: // [
        return this.array();
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.literal('true', true);
      case 0x66: // f
        return this.literal('false', false);
      case 0x6e: // n
        return this.literal('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        throw this.error(
          'CORE_JSON_SYNTAX',
          Number.isNaN(c)
            ? 'unexpected end of input'
            : `unexpected character ${JSON.stringify(this.text[this.pos])}`,
        );
    }
  }

  literal<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos))
      throw this.error('CORE_JSON_SYNTAX', `expected ${word}`);
    this.pos += word.length;
    return value;
  }

  number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) throw this.error('CORE_JSON_SYNTAX', 'malformed number');
    const token = m[0];
    const value = Number(token);
    if (m[1] === undefined && m[2] === undefined && Math.abs(value) > MAX_SAFE) {
      throw this.error(
        'CORE_JSON_UNSAFE_INTEGER',
        `the integer ${token} is beyond ±(2^53-1) and would lose precision`,
      );
    }
    this.pos += token.length;
    return value;
  }

  string(): string {
    const t = this.text;
    const start = ++this.pos; // after the opening quote
    // Fast path: no escapes.
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        const s = t.slice(start, i);
        this.pos = i + 1;
        this.checkSurrogates(s, start);
        return s;
      }
      if (c === 0x5c || c < 0x20 || Number.isNaN(c)) break;
      i++;
    }
    // Slow path with escapes.
    let out = t.slice(start, i);
    this.pos = i;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c)) throw this.error('CORE_JSON_SYNTAX', 'unterminated string');
      if (c === 0x22) {
        this.pos++;
        this.checkSurrogates(out, start);
        return out;
      }
      if (c < 0x20) throw this.error('CORE_JSON_SYNTAX', 'unescaped control character in string');
      if (c !== 0x5c) {
        out += t[this.pos];
        this.pos++;
        continue;
      }
      const e = t[this.pos + 1];
      this.pos += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = t.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex))
            throw this.error('CORE_JSON_SYNTAX', 'malformed \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          throw this.error('CORE_JSON_SYNTAX', 'invalid escape sequence', this.pos - 2);
      }
    }
  }

  checkSurrogates(s: string, at: number): void {
    if (LONE_SURROGATE.test(s)) {
      throw this.error('CORE_JSON_LONE_SURROGATE', 'string contains a lone surrogate', at);
    }
  }

  enter(): void {
    if (++this.depth > this.maxDepth) {
      throw this.error('CORE_JSON_TOO_DEEP', `nesting deeper than the limit of ${this.maxDepth}`);
    }
  }

  array(): JsonValue[] {
    this.enter();
    this.pos++;
    const out: JsonValue[] = [];
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.path.push(out.length);
      this.skipWs();
      out.push(this.value());
      this.path.pop();
      this.skipWs();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 0x5d) break;
      if (c !== 0x2c)
        throw this.error('CORE_JSON_SYNTAX', 'expected , or ] in array', this.pos - 1);
    }
    this.depth--;
    return out;
  }

  object(): Record<string, JsonValue> {
    this.enter();
    this.pos++;
    const out: Record<string, JsonValue> = {};
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 0x22)
        throw this.error('CORE_JSON_SYNTAX', 'expected a member name');
      const keyAt = this.pos;
      const key = this.string();
      this.path.push(key);
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        throw this.error(
          'CORE_JSON_DUPLICATE_KEY',
          `duplicate member name ${JSON.stringify(key)}`,
          keyAt,
        );
      }
      this.skipWs();
      if (this.text.charCodeAt(this.pos++) !== 0x3a)
        throw this.error('CORE_JSON_SYNTAX', 'expected :', this.pos - 1);
      this.skipWs();
      const v = this.value();
      // defineProperty, not assignment: a "__proto__" member must stay data, never a prototype.
      Object.defineProperty(out, key, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.path.pop();
      this.skipWs();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 0x7d) break;
      if (c !== 0x2c)
        throw this.error('CORE_JSON_SYNTAX', 'expected , or } in object', this.pos - 1);
    }
    this.depth--;
    return out;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
