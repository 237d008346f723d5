import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  parseJsonStrict,
  utf8Encode,
  type JsonParseError,
} from '@warrant/core';

const fail = (input: string | Uint8Array, limits?: Parameters<typeof parseJsonStrict>[1]) => {
  const r = parseJsonStrict(input, limits);
  if (E.isRight(r)) throw new Error(`unexpected success: ${JSON.stringify(r.right)}`);
  return r.left;
};
const where = (e: JsonParseError) => ({
  code: e.code,
  path: e.path,
  position: e.position,
  line: e.line,
  column: e.column,
});

describe('parseJsonStrict: accepted input', () => {
  it('parses every kind of value, from text and from UTF-8 bytes', () => {
    const text = ' {"a": [1, -2.5e3, "x\\u00e9\\ud83d\\ude00", true, false, null], "b": {}} ';
    const expected = { a: [1, -2500, 'xé\u{1f600}', true, false, null], b: {} };
    expect(parseJsonStrict(text)).toEqual(E.right(expected));
    expect(parseJsonStrict(utf8Encode(text))).toEqual(E.right(expected));
  });

  it('keeps a "__proto__" member as an own data member, never as the prototype', () => {
    const r = parseJsonStrict('{"__proto__": {"polluted": true}, "a": 1}');
    if (E.isLeft(r)) throw new Error(r.left.message);
    const o = r.right as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts the safe integer range exactly and floats beyond it', () => {
    expect(parseJsonStrict('[9007199254740991,-9007199254740991,-0]')).toEqual(
      E.right([9007199254740991, -9007199254740991, -0]),
    );
    expect(parseJsonStrict('[9007199254740993.0, 1e300, 1e-400]')).toEqual(
      E.right([9007199254740992, 1e300, 0]),
    );
  });

  it('accepts raw surrogate pairs in string input and U+FEFF after the start', () => {
    expect(parseJsonStrict('["\u{1f600}", "\ufeff"]')).toEqual(E.right(['\u{1f600}', '\ufeff']));
  });

  it('parses nesting of any depth when the limit allows, without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(E.isRight(parseJsonStrict(deep, { maxDepth: Infinity }))).toBe(true);
  });
});

describe('parseJsonStrict: refusals name the problem and where it is', () => {
  it.each([
    ['duplicate name', '{"a":1,"b":{"c":2,"c":3}}', 'CORE_JSON_DUPLICATE_KEY', '$.b.c', 18],
    ['duplicate via escape', '{"a":1,"\\u0061":2}', 'CORE_JSON_DUPLICATE_KEY', '$.a', 7],
    ['lone escaped surrogate', '["ok","\\ud800x"]', 'CORE_JSON_LONE_SURROGATE', '$[1]', 7],
    ['lone surrogate in a name', '{"\\udc00":1}', 'CORE_JSON_LONE_SURROGATE', '$', 2],
    ['raw lone surrogate (string input)', '["\ud800"]', 'CORE_JSON_LONE_SURROGATE', '$[0]', 2],
    ['unsafe integer', '{"id": 9007199254740992}', 'CORE_JSON_UNSAFE_INTEGER', '$.id', 7],
    ['negative unsafe integer', '[-12345678901234567890]', 'CORE_JSON_UNSAFE_INTEGER', '$[0]', 1],
    ['overflow', '[1, 1e309]', 'CORE_JSON_NUMBER_OUT_OF_RANGE', '$[1]', 4],
    ['trailing data', '{} x', 'CORE_JSON_TRAILING_DATA', '$', 3],
    ['BOM', '\ufeff[]', 'CORE_JSON_BOM', '$', 0],
    ['missing comma', '[1 2]', 'CORE_JSON_SYNTAX', '$', 3],
    ['bad value in an object', '{"a": {"b": tru}}', 'CORE_JSON_SYNTAX', '$.a.b', 12],
    ['control character in a string', '{"k": "a\u0001"}', 'CORE_JSON_SYNTAX', '$.k', 8],
    ['unterminated string', '["abc', 'CORE_JSON_SYNTAX', '$[0]', 5],
    ['leading zero', '[00]', 'CORE_JSON_SYNTAX', '$[0]', 1],
    ['empty input', '', 'CORE_JSON_SYNTAX', '$', 0],
  ])('%s', (_label, input, code, path, position) => {
    const e = fail(input);
    expect(e).toMatchObject({ code, path, position });
    expect(e.message).toMatch(/\(line \d+, column \d+, offset \d+\)$/);
  });

  it('gives line and column (LF ends a line; columns count code points)', () => {
    const e = fail('{\n  "a": 1,\n  "\u{1f600}": [1,\n  2,, 3]\n}');
    expect(where(e)).toEqual({
      code: 'CORE_JSON_SYNTAX',
      path: "$['\u{1f600}'][2]",
      position: 28,
      line: 4,
      column: 5,
    });
    const crlf = fail('[\r\n1,\r\n]');
    expect([crlf.line, crlf.column]).toEqual([3, 1]);
  });

  it('counts position in bytes for byte input and in code units for text', () => {
    const text = '["é€\u{1f600}", x]';
    expect(fail(text).position).toBe(9);
    expect(fail(utf8Encode(text)).position).toBe(14);
    expect(fail(utf8Encode(text)).column).toBe(9);
    expect(fail(text).column).toBe(9);
  });

  it('reports the first ill-formed UTF-8 byte', () => {
    const bytes = new Uint8Array([0x5b, 0x0a, 0x22, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0x22, 0x5d]);
    expect(where(fail(bytes))).toEqual({
      code: 'CORE_JSON_INVALID_UTF8',
      path: '$',
      position: 5,
      line: 2,
      column: 3,
    });
    expect(fail(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])).code).toBe('CORE_JSON_BOM');
  });

  it('stops 100,000-deep nesting at the default limit instead of overflowing the stack', () => {
    for (const open of ['[', '{"a":']) {
      const input = open.repeat(100_000);
      const e = fail(input);
      expect(e.code).toBe('CORE_JSON_TOO_DEEP');
      expect(e.message).toMatch(`limit of ${DEFAULT_MAX_DEPTH}`);
    }
    expect(fail('[[[1]]]', { maxDepth: 2 })).toMatchObject({
      code: 'CORE_JSON_TOO_DEEP',
      path: '$[0][0]',
      position: 2,
    });
    expect(parseJsonStrict('[[1]]', { maxDepth: 2 })).toEqual(E.right([[1]]));
  });

  it('measures maxBytes in UTF-8 bytes for text and bytes alike', () => {
    expect(DEFAULT_MAX_BYTES).toBe(64 * 1024 * 1024);
    expect(parseJsonStrict('"é"', { maxBytes: 4 })).toEqual(E.right('é'));
    expect(fail('"é"', { maxBytes: 3 }).code).toBe('CORE_JSON_TOO_LARGE');
    expect(fail(utf8Encode('"é"'), { maxBytes: 3 }).code).toBe('CORE_JSON_TOO_LARGE');
    expect(fail('[1,2]', { maxBytes: 4 }).code).toBe('CORE_JSON_TOO_LARGE');
  });

  it('throws for programming errors: bad limits, wrong input type', () => {
    expect(() => parseJsonStrict('1', { maxDepth: -1 })).toThrow(RangeError);
    expect(() => parseJsonStrict('1', { maxBytes: 0.5 })).toThrow(RangeError);
    expect(() => parseJsonStrict(42 as unknown as string)).toThrow(TypeError);
  });
});
