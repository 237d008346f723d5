/**
 * The strict JSON scanner behind parseJsonStrict: RFC 8259 grammar, one pass, no recursion (an
 * explicit stack of open containers), so nesting is bounded by `maxDepth` and never by the
 * JavaScript stack. Failures are thrown as {@link ScanFailure} and turned into error values by
 * json-parse.ts.
 * @module
 */
import type { PathSegment } from './json-path';
import type { JsonValue } from './json-value';

/** The codes {@link parseJsonStrict} can return. */
export type JsonParseErrorCode =
  | 'CORE_JSON_SYNTAX'
  | 'CORE_JSON_BOM'
  | 'CORE_JSON_INVALID_UTF8'
  | 'CORE_JSON_DUPLICATE_KEY'
  | 'CORE_JSON_LONE_SURROGATE'
  | 'CORE_JSON_UNSAFE_INTEGER'
  | 'CORE_JSON_NUMBER_OUT_OF_RANGE'
  | 'CORE_JSON_TRAILING_DATA'
  | 'CORE_JSON_TOO_DEEP'
  | 'CORE_JSON_TOO_LARGE';

/** A refusal found while scanning; `levels` says how much of the open-container path applies. */
export class ScanFailure {
  constructor(
    readonly code: JsonParseErrorCode,
    readonly message: string,
    /** UTF-16 offset into the text. */
    readonly at: number,
    readonly path: ReadonlyArray<PathSegment>,
  ) {}
}

type Container = JsonValue[] | Record<string, JsonValue>;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Parses exactly one JSON value with optional surrounding whitespace.
 * @internal
 */
export class Scanner {
  private pos = 0;
  /** Open arrays and objects, outermost first. */
  private readonly open: Container[] = [];
  /** Per open container: the member name being read (objects) or null (arrays). */
  private readonly names: Array<string | null> = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parse(): JsonValue {
    const t = this.text;
    const open = this.open;
    const names = this.names;
    let value: JsonValue;
    let pos = this.ws(0);
    read: for (;;) {
      // 1. Read a value starting at pos (whitespace already skipped).
      const c = t.charCodeAt(pos);
      if (c === 0x22) {
        value = this.string(pos, 0);
        pos = this.pos;
      } else if (c === 0x7b || c === 0x5b) {
        if (open.length >= this.maxDepth) {
          this.fail('CORE_JSON_TOO_DEEP', `nesting deeper than the limit of ${this.maxDepth}`, pos);
        }
        pos = this.ws(pos + 1);
        const d = t.charCodeAt(pos);
        if (c === 0x5b) {
          if (d !== 0x5d) {
            open.push([]);
            names.push(null);
            continue read;
          }
          value = [];
        } else {
          if (d !== 0x7d) {
            open.push({});
            names.push(null);
            pos = this.memberName(pos);
            continue read;
          }
          value = {};
        }
        pos++;
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        value = this.number(pos);
        pos = this.pos;
      } else if (c === 0x74 && t.startsWith('true', pos)) {
        value = true;
        pos += 4;
      } else if (c === 0x66 && t.startsWith('false', pos)) {
        value = false;
        pos += 5;
      } else if (c === 0x6e && t.startsWith('null', pos)) {
        value = null;
        pos += 4;
      } else {
        return this.fail(
          'CORE_JSON_SYNTAX',
          `${this.describe(pos)} where a value was expected`,
          pos,
        );
      }
      // 2. Store it in its container, closing containers as far as the input says.
      for (;;) {
        pos = this.ws(pos);
        const depth = open.length;
        if (depth === 0) {
          this.pos = pos;
          return value;
        }
        const top = open[depth - 1] as Container;
        const name = names[depth - 1] as string | null;
        const d = t.charCodeAt(pos);
        if (name === null) {
          (top as JsonValue[]).push(value);
          if (d === 0x2c) {
            pos = this.ws(pos + 1);
            continue read;
          }
          if (d !== 0x5d) this.fail('CORE_JSON_SYNTAX', this.expected('"," or "]"', pos), pos, 1);
        } else {
          // A "__proto__" member must stay data, never become the prototype.
          if (name === '__proto__') defineMember(top, name, value);
          else (top as Record<string, JsonValue>)[name] = value;
          if (d === 0x2c) {
            pos = this.memberName(this.ws(pos + 1));
            continue read;
          }
          if (d !== 0x7d) this.fail('CORE_JSON_SYNTAX', this.expected('"," or "}"', pos), pos, 1);
        }
        pos++;
        value = top;
        open.pop();
        names.pop();
      }
    }
  }

  /** Offset just after the value and any whitespace that follows it. */
  get end(): number {
    return this.pos;
  }

  /** Reads `"name" :` at pos into the innermost open object; returns the offset after `:`. */
  private memberName(pos: number): number {
    const t = this.text;
    const depth = this.open.length;
    if (t.charCodeAt(pos) !== 0x22) {
      this.fail('CORE_JSON_SYNTAX', this.expected('a member name in double quotes', pos), pos, 1);
    }
    const name = this.string(pos, 1);
    const obj = this.open[depth - 1] as Record<string, JsonValue>;
    if (hasOwn.call(obj, name)) {
      this.names[depth - 1] = name;
      this.fail('CORE_JSON_DUPLICATE_KEY', `duplicate member name ${JSON.stringify(name)}`, pos);
    }
    this.names[depth - 1] = name;
    pos = this.ws(this.pos);
    if (t.charCodeAt(pos) !== 0x3a) {
      this.fail('CORE_JSON_SYNTAX', this.expected('":" after a member name', pos), pos, 1);
    }
    return this.ws(pos + 1);
  }

  /** Reads the string whose opening quote is at `pos`; sets this.pos after the closing quote. */
  private string(pos: number, skip: number): string {
    const t = this.text;
    const start = pos + 1;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      // Printable, not `"` or `\`, not a surrogate: the overwhelmingly common case.
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) i++;
      else if (c === 0x22) {
        this.pos = i + 1;
        return t.slice(start, i);
      } else if (c === 0x5c) return this.escapedString(start, i, skip);
      else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(t.charCodeAt(i + 1))) i += 2;
      else return this.badStringChar(c, i, skip);
    }
  }

  /** The rest of a string from its first backslash at `i`. */
  private escapedString(start: number, i: number, skip: number): string {
    const t = this.text;
    let out = '';
    let run = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) {
        i++;
        continue;
      }
      if (c === 0x22) {
        this.pos = i + 1;
        return out + t.slice(run, i);
      }
      if (c !== 0x5c) {
        if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(t.charCodeAt(i + 1))) i += 2;
        else this.badStringChar(c, i, skip);
        continue;
      }
      out += t.slice(run, i);
      const e = t.charCodeAt(i + 1);
      const short = e < 0x80 ? SHORT_ESCAPES[e] : undefined;
      if (short !== undefined && short !== '') {
        out += short;
        i += 2;
      } else if (e === 0x75) {
        // RFC 8259 section 7: \uXXXX; a surrogate pair is two such escapes, high then low.
        const u = this.hex4(i + 2, skip);
        if (u >= 0xd800 && u <= 0xdfff) {
          const low =
            u <= 0xdbff && t.charCodeAt(i + 6) === 0x5c && t.charCodeAt(i + 7) === 0x75
              ? this.hex4(i + 8, skip)
              : -1;
          if (!isLowSurrogate(low)) {
            this.fail(
              'CORE_JSON_LONE_SURROGATE',
              `the escape ${t.slice(i, i + 6)} is a lone surrogate (a high surrogate escape must be followed by a low surrogate escape)`,
              i,
              skip,
            );
          }
          out += String.fromCharCode(u, low);
          i += 12;
        } else {
          out += String.fromCharCode(u);
          i += 6;
        }
      } else {
        this.fail(
          'CORE_JSON_SYNTAX',
          `invalid escape sequence \\${Number.isNaN(e) ? '' : t[i + 1]} in a string`,
          i,
          skip,
        );
      }
      run = i;
    }
  }

  private hex4(at: number, skip: number): number {
    let v = 0;
    for (let k = at; k < at + 4; k++) {
      const c = this.text.charCodeAt(k) | 0x20; // fold A-F to a-f
      if (c >= 0x30 && c <= 0x39) v = v * 16 + c - 0x30;
      else if (c >= 0x61 && c <= 0x66) v = v * 16 + c - 0x57;
      else this.fail('CORE_JSON_SYNTAX', 'a \\u escape needs four hex digits', at - 2, skip);
    }
    return v;
  }

  private badStringChar(c: number, i: number, skip: number): never {
    if (Number.isNaN(c)) this.fail('CORE_JSON_SYNTAX', 'unterminated string', i, skip);
    if (c < 0x20) {
      this.fail(
        'CORE_JSON_SYNTAX',
        `unescaped control character ${codePoint(c)} in a string`,
        i,
        skip,
      );
    }
    return this.fail(
      'CORE_JSON_LONE_SURROGATE',
      `a lone surrogate ${codePoint(c)} in a string`,
      i,
      skip,
    );
  }

  /** Reads the number token at `start` (RFC 8259 section 6); sets this.pos after it. */
  private number(start: number): number {
    const t = this.text;
    let i = start;
    let c = t.charCodeAt(i);
    if (c === 0x2d) c = t.charCodeAt(++i);
    const intStart = i;
    if (c === 0x30) {
      c = t.charCodeAt(++i);
      if (c >= 0x30 && c <= 0x39) {
        this.fail('CORE_JSON_SYNTAX', 'a number cannot have a leading zero', intStart);
      }
    } else if (c >= 0x31 && c <= 0x39) {
      do c = t.charCodeAt(++i);
      while (c >= 0x30 && c <= 0x39);
    } else this.fail('CORE_JSON_SYNTAX', this.expected('a digit after "-"', i), i);
    const intEnd = i;
    let integer = true;
    if (c === 0x2e) {
      integer = false;
      c = t.charCodeAt(++i);
      if (!(c >= 0x30 && c <= 0x39))
        this.fail('CORE_JSON_SYNTAX', this.expected('a digit after "."', i), i);
      do c = t.charCodeAt(++i);
      while (c >= 0x30 && c <= 0x39);
    }
    if (c === 0x65 || c === 0x45) {
      integer = false;
      c = t.charCodeAt(++i);
      if (c === 0x2b || c === 0x2d) c = t.charCodeAt(++i);
      if (!(c >= 0x30 && c <= 0x39)) {
        this.fail('CORE_JSON_SYNTAX', this.expected('a digit in the exponent', i), i);
      }
      do c = t.charCodeAt(++i);
      while (c >= 0x30 && c <= 0x39);
    }
    this.pos = i;
    if (integer && intEnd - intStart < 16) {
      // Below 10^15: exact in binary64, no need to build a string.
      let v = 0;
      for (let k = intStart; k < intEnd; k++) v = v * 10 + t.charCodeAt(k) - 0x30;
      return intStart === start ? v : -v;
    }
    const v = Number(t.slice(start, i));
    if (integer) {
      // Any integer above 2^53 - 1 rounds to at least 2^53, so comparing the double is exact.
      if (v > MAX_SAFE || v < -MAX_SAFE) {
        this.fail(
          'CORE_JSON_UNSAFE_INTEGER',
          `the integer ${clip(t.slice(start, i))} is beyond ±(2^53-1) and would lose precision`,
          start,
        );
      }
    } else if (v === Infinity || v === -Infinity) {
      this.fail(
        'CORE_JSON_NUMBER_OUT_OF_RANGE',
        `the number ${clip(t.slice(start, i))} is beyond the range of a binary64 double`,
        start,
      );
    }
    return v;
  }

  private ws(pos: number): number {
    const t = this.text;
    let c = t.charCodeAt(pos);
    // RFC 8259 section 2: space, tab, line feed, carriage return only.
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++pos);
    return pos;
  }

  /** Throws a failure whose path is that of the value being read, less `skip` levels. */
  private fail(code: JsonParseErrorCode, message: string, at: number, skip = 0): never {
    const path: PathSegment[] = [];
    for (let i = 0; i < this.open.length - skip; i++) {
      const name = this.names[i];
      path.push(name ?? (this.open[i] as JsonValue[]).length);
    }
    throw new ScanFailure(code, message, at, path);
  }

  private describe(pos: number): string {
    return pos >= this.text.length
      ? 'unexpected end of input'
      : `unexpected ${codePoint(this.text.codePointAt(pos) as number)}`;
  }

  private expected(what: string, pos: number): string {
    return `expected ${what}, found ${this.describe(pos).replace('unexpected ', '')}`;
  }
}

// Indexed by the character after the backslash; '' marks "not a short escape".
const SHORT_ESCAPES: ReadonlyArray<string> = (() => {
  const table = new Array<string>(0x80).fill('');
  const pairs: ReadonlyArray<[string, string]> = [
    ['"', '"'],
    ['\\', '\\'],
    ['/', '/'],
    ['b', '\b'],
    ['f', '\f'],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
  ];
  for (const [k, v] of pairs) table[k.charCodeAt(0)] = v;
  return table;
})();

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

const defineMember = (obj: Container, name: string, value: JsonValue): void => {
  Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });
};

/** U+XXXX, with the character itself when it is printable ASCII. */
const codePoint = (c: number): string => {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return c > 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}' (${hex})` : hex;
};

const clip = (token: string): string => (token.length > 40 ? `${token.slice(0, 37)}...` : token);
