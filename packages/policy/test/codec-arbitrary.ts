// Values shaped by an io-ts codec, for the laws of the compiled canonical writers: objects with
// the declared members (optional ones present or absent), sometimes an undeclared member, and
// scalars of any kind the writers must serialize or refuse as `canonicalize` does (strings with
// escapes, non-ASCII and lone surrogates; integers, -0, fractions, NaN and infinities). The
// refinements of the codec are not respected: the writers never validate.
import fc from 'fast-check';

interface Tagged {
  readonly _tag?: string;
  readonly type?: Tagged;
  readonly types?: ReadonlyArray<Tagged>;
  readonly props?: Readonly<Record<string, Tagged>>;
  readonly keys?: Readonly<Record<string, unknown>>;
  readonly value?: unknown;
}

/** Options of {@link arbitraryOf}. */
export interface ShapeOptions {
  /** Longest generated array. */
  readonly maxLength?: number;
  /** How often (1 in n) a scalar is replaced by a value of another kind; 0 never. */
  readonly oddScalars?: number;
  /** How often (1 in n) an object gets an undeclared member; 0 never. */
  readonly extras?: number;
  /** Only values canonicalize accepts: no lone surrogates, NaN or infinities (default false). */
  readonly wellFormed?: boolean;
}

const texts = (wellFormed: boolean) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(`sha256:${'ab'.repeat(32)}`, 'CVE-2024-1234', 'open') },
    { weight: 3, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.string({ unit: wellFormed ? 'grapheme' : 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom('é"\\\n\u2028😀', '\u007f\u0000', '\uD83D\uDE00') },
    { weight: wellFormed ? 0 : 1, arbitrary: fc.constantFrom('\uD800x', 'x\uDC00') },
  );

const numbers = (wellFormed: boolean) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.nat(5000) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.maxSafeInteger() },
    { weight: 1, arbitrary: fc.double({ noNaN: wellFormed, noDefaultInfinity: wellFormed }) },
    { weight: 1, arbitrary: fc.constantFrom(-0, 1e21, 2 ** 53, -(2 ** 53) + 1, 0.1, 5e-324) },
  );

const odd = (wellFormed: boolean) =>
  fc.oneof(
    fc.constant(wellFormed ? null : undefined),
    fc.constant(null),
    fc.boolean(),
    numbers(wellFormed),
    texts(wellFormed),
    fc.jsonValue({ maxDepth: 2 }),
  );

interface Shaping {
  readonly maxLength: number;
  readonly oddScalars: number;
  readonly extras: number;
  readonly text: fc.Arbitrary<unknown>;
  readonly number: fc.Arbitrary<unknown>;
  readonly odd: fc.Arbitrary<unknown>;
}

/**
 * An arbitrary of values shaped like the codec's.
 * @param codec - an io-ts codec
 * @param options - sizes and how often values stray from the shape
 * @returns the arbitrary
 */
export const arbitraryOf = (codec: unknown, options: ShapeOptions = {}): fc.Arbitrary<unknown> =>
  shape(codec as Tagged, {
    maxLength: options.maxLength ?? 3,
    oddScalars: options.oddScalars ?? 0,
    extras: options.extras ?? 0,
    text: texts(options.wellFormed ?? false),
    number: numbers(options.wellFormed ?? false),
    odd: odd(options.wellFormed ?? false),
  });

const stray = (a: fc.Arbitrary<unknown>, o: Shaping): fc.Arbitrary<unknown> =>
  o.oddScalars === 0
    ? a
    : fc.oneof({ weight: o.oddScalars - 1, arbitrary: a }, { weight: 1, arbitrary: o.odd });

const shape = (c: Tagged, o: Shaping): fc.Arbitrary<unknown> => {
  switch (c._tag) {
    case 'StringType':
      return stray(o.text, o);
    case 'NumberType':
      return stray(o.number, o);
    case 'BooleanType':
      return stray(fc.boolean(), o);
    case 'LiteralType':
      return stray(fc.constant(c.value), o);
    case 'KeyofType':
      return stray(fc.constantFrom(...Object.keys(c.keys ?? { x: null })), o);
    case 'RefinementType':
    case 'ReadonlyType':
    case 'ExactType':
      return shape(c.type as Tagged, o);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return fc.array(shape(c.type as Tagged, o), { maxLength: o.maxLength });
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType':
      return object(c, o);
    default:
      // A codec whose shape is not visible (a hand-written t.Type): a small JSON object.
      return fc.dictionary(fc.constantFrom('env', 'cluster', 'tenant'), o.text, { maxKeys: 2 });
  }
};

const object = (c: Tagged, o: Shaping): fc.Arbitrary<unknown> => {
  const required: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: Record<string, fc.Arbitrary<unknown>> = {};
  const collect = (x: Tagged): void => {
    if (x._tag === 'IntersectionType') for (const y of x.types ?? []) collect(y);
    const into = x._tag === 'PartialType' ? optional : required;
    for (const [k, v] of Object.entries(x.props ?? {})) into[k] = shape(v, o);
  };
  collect(c);
  const base = fc.record(
    { ...required, ...optional },
    { requiredKeys: Object.keys(required) as never[] },
  );
  if (o.extras === 0) return base;
  return fc
    .tuple(base, fc.nat(o.extras - 1), fc.jsonValue({ maxDepth: 1 }))
    .map(([v, n, extra]) => (n === 0 ? { ...(v as object), zz_extra: extra } : v));
};
