/**
 * Random JSON texts for conformance/canonical-json/generated.json, drawn by fast-check with a
 * fixed seed so regeneration is byte-identical. Each text spells its value in a non-canonical
 * way on purpose: random whitespace, member order, `\u` escapes (either hex case), and number
 * spellings (exponents, `E`, `+`, trailing zeros), so the vectors exercise parsing as much as
 * serialization.
 * @module
 */
import fc from 'fast-check';

/** A JSON value as drawn here (numbers finite; strings well-formed). */
export type Drawn = null | boolean | number | string | Drawn[] | { [key: string]: Drawn };

/** The seed of the draw; change it only deliberately (every generated vector changes). */
export const SEED = 8785;

/** Strings that stress RFC 8785: controls, escapes, surrogate pairs, U+E000 vs astral order. */
const interestingChar = fc.constantFrom(
  '\u0000',
  '\u001f',
  '\b',
  '\t',
  '\n',
  '\f',
  '\r',
  '"',
  '\\',
  '/',
  '\u007f',
  '\u0080',
  '\u00e9',
  '\u2028',
  '\u20ac',
  '\ud7ff',
  '\ue000',
  '\uffff',
  '\ud83d\ude00',
  '\udbff\udfff',
  'a',
  'Z',
);
const text = fc.string({
  unit: fc.oneof(interestingChar, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 8,
});
const name = fc.oneof(text, fc.constantFrom('', 'a', 'b', '1', '10', '9', '__proto__', 'A', 'é'));
const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  1e21,
  1e-7,
  1e-6,
  5e-324,
  -5e-324,
  2 ** 53 - 1,
  -(2 ** 53 - 1),
  2 ** 53,
  2 ** 60,
  1.7976931348623157e308,
  123456789.125,
  1e20,
  999999999999999900000,
];
const number = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

// The top level is always an array or an object, so every draw has some structure.
const { document } = fc.letrec<{ value: Drawn; array: Drawn; object: Drawn; document: Drawn }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom<Drawn>(null, true, false),
      number,
      text,
      tie('array'),
      tie('object'),
    ),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc
      .array(fc.tuple(name, tie('value')), { maxLength: 5 })
      .map((members) => toObject(members)),
    document: fc.oneof(tie('array'), tie('object')),
  }),
);

/**
 * Draws `count` JSON texts.
 * @param count - how many
 * @returns the texts, in draw order
 */
export const drawJsonTexts = (count: number): string[] =>
  fc
    .sample(fc.tuple(document, fc.integer({ min: 1, max: 0x7fffffff })), {
      seed: SEED,
      numRuns: count,
    })
    .map(([v, spellingSeed]) => spell(v, xorshift(spellingSeed)));

// --- internal --------------------------------------------------------------

// defineProperty, so a "__proto__" name stays a member; later duplicates are dropped.
const toObject = (members: ReadonlyArray<readonly [string, Drawn]>): { [key: string]: Drawn } => {
  const out: { [key: string]: Drawn } = {};
  for (const [k, v] of members) {
    if (Object.prototype.hasOwnProperty.call(out, k)) continue;
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
};

const WHITESPACE = ['', '', '', ' ', '\n', '\t', '\r\n', '  '];

const spell = (v: Drawn, rnd: () => number): string => {
  const ws = (): string => WHITESPACE[Math.floor(rnd() * WHITESPACE.length)] as string;
  const go = (x: Drawn): string => {
    if (x === null || typeof x === 'boolean') return String(x);
    if (typeof x === 'number') return spellNumber(x, rnd);
    if (typeof x === 'string') return spellString(x, rnd);
    if (Array.isArray(x)) return `[${x.map((e) => `${ws()}${go(e)}${ws()}`).join(',')}]`;
    const keys = Object.keys(x);
    // Shuffle member order: canonical order must not depend on it.
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
    }
    return `{${keys.map((k) => `${ws()}${spellString(k, rnd)}${ws()}:${ws()}${go(x[k] as Drawn)}${ws()}`).join(',')}}`;
  };
  return `${ws()}${go(v)}${ws()}`;
};

const spellNumber = (x: number, rnd: () => number): string => {
  if (Object.is(x, -0)) return ['-0', '-0.0', '-0e0', '-0E+00'][Math.floor(rnd() * 4)] as string;
  let s = String(x);
  // An integer token beyond 2^53 - 1 is refused by the strict parser: spell it with an exponent.
  if (/^-?\d+$/.test(s) && Math.abs(x) > Number.MAX_SAFE_INTEGER) s = x.toExponential();
  const r = rnd();
  if (r < 0.2 && /^-?\d+$/.test(s)) return `${s}.0`;
  if (r < 0.4 && s.includes('.') && !s.includes('e')) return `${s}000`;
  if (r < 0.6 && s.includes('e')) return s.replace('e+', 'E').replace('e-', 'E-');
  if (r < 0.7 && /^-?\d+$/.test(s)) return `${s}e0`;
  return s;
};

const spellString = (s: string, rnd: () => number): string => {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    const r = rnd();
    if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair is escaped as a whole or not at all (half escaped is a lone surrogate).
      out += r < 0.15 ? hexEscape(c, rnd) + hexEscape(s.charCodeAt(i + 1), rnd) : s.slice(i, i + 2);
      i++;
    } else if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20 || r < 0.15) out += hexEscape(c, rnd);
    else if (ch === '/' && r < 0.5) out += '\\/';
    else out += ch;
  }
  return `${out}"`;
};

const hexEscape = (c: number, rnd: () => number): string => {
  const hex = c.toString(16).padStart(4, '0');
  return `\\u${rnd() < 0.5 ? hex : hex.toUpperCase()}`;
};

const xorshift = (seed: number): (() => number) => {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
};
