/**
 * Hand-picked cases for conformance/canonical-json: accepted inputs whose canonical form is
 * fixed by RFC 8785 (numbers, member order, string escapes), and inputs the strict parser must
 * refuse, each with its code. Used by canonical-json.ts; the expected bytes of accepted cases are
 * computed there and cross-checked against the `canonicalize` package.
 * @module
 */

/** An accepted input: its name and JSON text. */
export interface AcceptCase {
  readonly name: string;
  readonly input: string;
}

/** A refused input: its name, JSON text (or hex bytes) and the code it must produce. */
export interface RejectCase {
  readonly name: string;
  readonly input: string;
  readonly error: string;
}

/** RFC 8785 section 3.2.2.3 (ECMAScript Number::toString) edge cases, as JSON texts. */
export const NUMBER_CASES: ReadonlyArray<AcceptCase> = [
  ['zero', '0'],
  ['minus zero becomes 0', '-0'],
  ['minus zero with fraction and exponent', '-0.0e-0'],
  ['largest safe integer', '9007199254740991'],
  ['smallest safe integer', '-9007199254740991'],
  ['2^53 written with an exponent is accepted', '9.007199254740992E15'],
  ['2^53+2 written with a fraction prints as an integer', '9007199254740994.0'],
  ['1e20 prints in full', '1e20'],
  ['1e21 switches to exponent form', '1e21'],
  ['just below 1e21', '999999999999999900000.0'],
  ['1e-6 prints in full', '1e-6'],
  ['1e-7 switches to exponent form', '0.0000001'],
  ['smallest subnormal', '5e-324'],
  ['smallest subnormal, long spelling', '4.9406564584124654e-324'],
  ['rounds up to the smallest subnormal', '2.4703282292062328e-324'],
  ['underflows to zero', '1e-400'],
  ['negative underflow becomes 0', '-1e-400'],
  ['largest double', '1.7976931348623157e308'],
  ['most negative double', '-1.7976931348623157E+308'],
  ['trailing zeros dropped', '12.50000'],
  ['integer with fraction zero', '-1.0'],
  ['uppercase exponent with plus', '1.5E+2'],
  ['shortest round-trip digits', '0.1'],
  ['sum that is not 0.3', '0.30000000000000004'],
  ['17 significant digits collapse', '333333333.33333329'],
  ['ties to even', '1424953923781206.25'],
  ['large exponent', '1.5e300'],
  ['small exponent', '-2.5e-300'],
  ['many digits', '3.141592653589793238462643383279'],
].map(([name, input]) => ({ name: `number: ${name as string}`, input: input as string }));

/** RFC 8785 section 3.2.3 member order and section 3.2.2.2 string escapes. */
export const STRUCTURE_CASES: ReadonlyArray<AcceptCase> = [
  [
    'order: UTF-16 code units, so U+1F600 (D83D DE00) sorts before U+E000',
    '{"\\ue000":1,"\\ud83d\\ude00":2}',
  ],
  ['order: U+FFFF after a surrogate pair', '{"\\uffff":1,"\\ud800\\udc00":2,"\\ud7ff":3}'],
  ['order: empty name first, then by code unit', '{"b":1,"":2,"a":3,"\\u0080":4,"A":5,"aa":6}'],
  ['order: array-index names sort as text, not numbers', '{"10":1,"9":2,"1":3,"a":4,"01":5}'],
  [
    'order: nested objects sorted, arrays kept in order',
    '{"z":[{"b":1,"a":2},3],"a":{"d":4,"c":5}}',
  ],
  ['order: a "__proto__" member is an ordinary member', '{"z":1,"__proto__":{"b":2,"a":1},"a":0}'],
  ['order: names that differ only after a prefix', '{"ab":1,"a":2,"abc":3,"a\\u0000":4}'],
  ['escape: short forms', '"\\b\\t\\n\\f\\r\\"\\\\"'],
  ['escape: other controls as lowercase \\u00xx', '"\\u0000\\u0001\\u000B\\u001F\\u000e"'],
  ['escape: solidus and DEL are not escaped', '"\\/\\u007F/"'],
  ['escape: U+2028 and U+2029 are written raw', '"\\u2028\\u2029"'],
  ['escape: non-ASCII written raw as UTF-8', '"\\u00e9\\u20AC\\ud83d\\ude00"'],
  ['escape: a surrogate pair from escapes', '"\\uD834\\uDD1E"'],
  ['whitespace: all four kinds around every token', ' \t\r\n{ \t"a" \r\n: \n[ 1 ,\t2 ] }\r\n '],
  ['literals', '[true,false,null]'],
  ['empty containers', '{"a":{},"b":[],"c":[{}],"d":[[]]}'],
  ['top-level string', '"x"'],
  ['deep nesting at the default limit (1000)', `${'['.repeat(1000)}${']'.repeat(1000)}`],
].map(([name, input]) => ({ name: name as string, input: input as string }));

/** Texts the strict parser refuses (RFC 8259 grammar plus Warrant's rules). */
export const TEXT_REJECTS: ReadonlyArray<RejectCase> = [
  ['duplicate name', '{"a":1,"a":2}', 'CORE_JSON_DUPLICATE_KEY'],
  ['duplicate name, nested', '{"x":[{"b":{"c":1,"c":1}}]}', 'CORE_JSON_DUPLICATE_KEY'],
  ['duplicate name spelled with an escape', '{"a":1,"\\u0061":2}', 'CORE_JSON_DUPLICATE_KEY'],
  ['duplicate "__proto__"', '{"__proto__":1,"__proto__":2}', 'CORE_JSON_DUPLICATE_KEY'],
  ['lone high surrogate escape', '"\\ud800"', 'CORE_JSON_LONE_SURROGATE'],
  ['lone low surrogate escape', '"\\udc00"', 'CORE_JSON_LONE_SURROGATE'],
  ['high surrogate escape before a non-surrogate', '"\\ud800\\u0041"', 'CORE_JSON_LONE_SURROGATE'],
  ['two high surrogate escapes', '"\\ud800\\ud800"', 'CORE_JSON_LONE_SURROGATE'],
  ['pair in the wrong order', '"\\udc00\\ud800"', 'CORE_JSON_LONE_SURROGATE'],
  ['lone surrogate in a member name', '{"\\udfff":1}', 'CORE_JSON_LONE_SURROGATE'],
  ['2^53 as an integer', '9007199254740992', 'CORE_JSON_UNSAFE_INTEGER'],
  ['-2^53 as an integer', '-9007199254740992', 'CORE_JSON_UNSAFE_INTEGER'],
  ['2^53+1 as an integer', '[9007199254740993]', 'CORE_JSON_UNSAFE_INTEGER'],
  ['uint64 max', '{"id":18446744073709551615}', 'CORE_JSON_UNSAFE_INTEGER'],
  [
    'canonical form of 2^60 is not accepted back',
    '1152921504606847000',
    'CORE_JSON_UNSAFE_INTEGER',
  ],
  ['overflow to infinity', '1e400', 'CORE_JSON_NUMBER_OUT_OF_RANGE'],
  ['negative overflow', '-1.8e308', 'CORE_JSON_NUMBER_OUT_OF_RANGE'],
  ['value then another value', '{} {}', 'CORE_JSON_TRAILING_DATA'],
  ['two numbers', '1 2', 'CORE_JSON_TRAILING_DATA'],
  ['extra closing bracket', '[1]]', 'CORE_JSON_TRAILING_DATA'],
  ['NUL after the value', 'null\u0000', 'CORE_JSON_TRAILING_DATA'],
  ['byte order mark', '\ufeff{}', 'CORE_JSON_BOM'],
  [
    'nesting beyond the default limit (1001)',
    `${'['.repeat(1001)}${']'.repeat(1001)}`,
    'CORE_JSON_TOO_DEEP',
  ],
  ['empty input', '', 'CORE_JSON_SYNTAX'],
  ['whitespace only', ' \n', 'CORE_JSON_SYNTAX'],
  ['trailing comma in array', '[1,]', 'CORE_JSON_SYNTAX'],
  ['trailing comma in object', '{"a":1,}', 'CORE_JSON_SYNTAX'],
  ['missing comma', '[1 2]', 'CORE_JSON_SYNTAX'],
  ['leading zero', '[01]', 'CORE_JSON_SYNTAX'],
  ['leading zero at top level', '-01', 'CORE_JSON_SYNTAX'],
  ['plus sign', '+1', 'CORE_JSON_SYNTAX'],
  ['no integer part', '.5', 'CORE_JSON_SYNTAX'],
  ['no fraction digits', '1.', 'CORE_JSON_SYNTAX'],
  ['no exponent digits', '1e+', 'CORE_JSON_SYNTAX'],
  ['minus alone', '-', 'CORE_JSON_SYNTAX'],
  ['NaN', 'NaN', 'CORE_JSON_SYNTAX'],
  ['Infinity', '[Infinity]', 'CORE_JSON_SYNTAX'],
  ['single quotes', "['a']", 'CORE_JSON_SYNTAX'],
  ['unquoted name', '{a:1}', 'CORE_JSON_SYNTAX'],
  ['raw tab in a string', '"a\tb"', 'CORE_JSON_SYNTAX'],
  ['raw newline in a name', '{"a\nb":1}', 'CORE_JSON_SYNTAX'],
  ['unknown escape', '"\\x41"', 'CORE_JSON_SYNTAX'],
  ['short \\u escape', '"\\u12"', 'CORE_JSON_SYNTAX'],
  ['uppercase \\U escape', '"\\U0041"', 'CORE_JSON_SYNTAX'],
  ['unterminated string', '"abc', 'CORE_JSON_SYNTAX'],
  ['unterminated array', '[1,[2]', 'CORE_JSON_SYNTAX'],
  ['unterminated object', '{"a":1', 'CORE_JSON_SYNTAX'],
  ['truncated literal', 'tru', 'CORE_JSON_SYNTAX'],
  ['capitalized literal', 'True', 'CORE_JSON_SYNTAX'],
  ['comment', '/* c */ 1', 'CORE_JSON_SYNTAX'],
  ['no-break space is not whitespace', '\u00a01', 'CORE_JSON_SYNTAX'],
  ['colon missing', '{"a" 1}', 'CORE_JSON_SYNTAX'],
  ['number as a name', '{1:1}', 'CORE_JSON_SYNTAX'],
].map(([name, input, error]) => ({
  name: name as string,
  input: input as string,
  error: error as string,
}));

/** Byte sequences the strict parser refuses before parsing: BOM and ill-formed UTF-8. */
export const BYTE_REJECTS: ReadonlyArray<RejectCase> = [
  ['UTF-8 byte order mark', 'efbbbf7b7d', 'CORE_JSON_BOM'],
  ['UTF-16BE byte order mark', 'feff007b007d', 'CORE_JSON_INVALID_UTF8'],
  ['UTF-16LE byte order mark', 'fffe7b007d00', 'CORE_JSON_INVALID_UTF8'],
  ['overlong "/" (C0 AF)', '22c0af22', 'CORE_JSON_INVALID_UTF8'],
  ['overlong 3-byte form (E0 80 AF)', '22e080af22', 'CORE_JSON_INVALID_UTF8'],
  ['encoded surrogate U+D800 (ED A0 80)', '22eda08022', 'CORE_JSON_INVALID_UTF8'],
  ['beyond U+10FFFF (F4 90 80 80)', '22f490808022', 'CORE_JSON_INVALID_UTF8'],
  ['lone continuation byte', '2280', 'CORE_JSON_INVALID_UTF8'],
  ['truncated sequence at the end', '22e282', 'CORE_JSON_INVALID_UTF8'],
  ['sequence cut by an ASCII byte', '22c32822', 'CORE_JSON_INVALID_UTF8'],
  ['byte FF', '5b31ff5d', 'CORE_JSON_INVALID_UTF8'],
].map(([name, input, error]) => ({
  name: name as string,
  input: input as string,
  error: error as string,
}));
