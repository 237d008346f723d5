/**
 * fast-check generators shared by the canonical JSON and strict parser property tests: JSON
 * values that stress RFC 8785 (surrogate pairs against U+E000..U+FFFF, controls, array-index
 * names, "__proto__", number edge cases), built with defineProperty so every name stays data.
 */
import fc from 'fast-check';

/** A JSON value as generated here: finite numbers, well-formed strings. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const char = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  fc.constantFrom(
    '\u0000',
    '\u001f',
    '\b',
    '\n',
    '"',
    '\\',
    '/',
    '\u007f',
    '\u0080',
    '\u2028',
    '\ud7ff',
    '\ue000',
    '\uffff',
    '\u{1f600}',
    '\u{10ffff}',
    'a',
    'B',
    '0',
  ),
);

/** Well-formed strings with the characters canonical JSON most often gets wrong. */
export const jsonString = fc.string({ unit: char, maxLength: 10 });

/** Member names: random strings plus names that collide, look like indices or are special. */
export const memberName = fc.oneof(
  jsonString,
  fc.constantFrom(
    '',
    'a',
    'b',
    'A',
    '0',
    '1',
    '9',
    '10',
    '01',
    '4294967295',
    '__proto__',
    'toJSON',
    'constructor',
  ),
);

/** Finite numbers, with the serialization edge cases over-represented. */
export const jsonNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1e21,
    1e-7,
    1e-6,
    5e-324,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 60,
    1e20,
    0.1,
    -1.5e300,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/**
 * Builds an object from members in the given order, keeping the first of duplicate names.
 * @param members - name/value pairs
 * @returns a plain object whose insertion order is the members' order
 */
export const objectOf = <V>(members: ReadonlyArray<readonly [string, V]>): { [key: string]: V } => {
  const out: { [key: string]: V } = {};
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

/** Arbitrary JSON values (depth-limited). */
export const jsonValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(null, true, false),
    jsonNumber,
    jsonString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.array(fc.tuple(memberName, tie('value')), { maxLength: 6 }).map((m) => objectOf(m)),
  ),
})).value;

/**
 * Whether canonical JSON of `v` holds an integer token beyond 2^53 - 1, which the strict parser
 * refuses by design (doubles in [2^53, 1e21) print as integers).
 * @param v - a value
 * @returns true if some number would print as an unsafe integer token
 */
export const printsUnsafeInteger = (v: Json): boolean => {
  if (typeof v === 'number')
    return Number.isInteger(v) && Math.abs(v) > Number.MAX_SAFE_INTEGER && Math.abs(v) < 1e21;
  if (v === null || typeof v !== 'object') return false;
  return Object.values(v).some(printsUnsafeInteger);
};

/**
 * The same value with every object's members inserted in a shuffled order.
 * @param v - a value
 * @param rnd - a source of numbers in [0, 1)
 * @returns a deep copy, members reordered
 */
export const shuffleMembers = (v: Json, rnd: () => number): Json => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((e) => shuffleMembers(e, rnd));
  const keys = Object.keys(v);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  return objectOf(keys.map((k) => [k, shuffleMembers(v[k] as Json, rnd)] as const));
};
