/**
 * RFC 8785 canonical JSON of a codec's encoding, written straight from the codec's shape, for
 * the findings digest (a million findings per evaluation). `canonicalText(Finding.encode(f))`
 * costs about 15 µs a finding: io-ts rebuilds every object to drop undeclared members, then the
 * canonicalizer copies it again to sort the members. Here the member names of each exact codec
 * are sorted once (UTF-16 code units, RFC 8785 section 3.2.3), undeclared members are skipped
 * as `encode` drops them, and strings and numbers are serialized by `JSON.stringify`, which is
 * RFC 8785 section 3.2.2 for well-formed strings and finite numbers. Anything else (a codec
 * this does not know, a value of an unexpected kind, a lone surrogate, NaN) is handed to
 * `canonicalText(codec.encode(value))` for that subtree, so the text is always exactly the one
 * the generic path gives, refusals included (property-tested against it).
 * @module
 */
import { compareCodeUnits } from '@warrant/core';
import type * as t from 'io-ts';
import { canonicalText } from './digests';

// --- operations ------------------------------------------------------------

/**
 * Compiles a writer of `canonicalText(codec.encode(value))`.
 * @param codec - an io-ts codec
 * @returns a function from a value of the codec to its canonical JSON text
 * @throws TypeError (from the returned function) when the encoding is not JSON
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * const findingText = compileCanonical(Finding);
 * findingText(f) === canonicalText(Finding.encode(f)) // true
 * @internal
 */
export const compileCanonical = <A, O>(codec: t.Type<A, O, unknown>): ((value: A) => string) =>
  compile(codec as unknown as Tagged) as (value: A) => string;

// --- internal --------------------------------------------------------------

type Write = (value: unknown) => string;

/** The members of io-ts codecs read here. @internal */
export interface Tagged {
  readonly _tag?: string;
  readonly type?: Tagged;
  readonly types?: ReadonlyArray<Tagged>;
  readonly props?: Readonly<Record<string, Tagged>>;
  readonly encode: (value: unknown) => unknown;
}

const stringify = JSON.stringify;
const hasOwn = Object.prototype.hasOwnProperty;
const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;
// What JSON.stringify escapes in a string: `"`, `\`, controls and (lone) surrogates; a
// string with none of them is its own JSON text between quotes.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** `String.prototype.isWellFormed` where the engine has it. @internal */
export const isWellFormed: (s: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);

// The generic path, for whatever the compiled one does not handle.
const generic =
  (codec: Tagged): Write =>
  (v) =>
    canonicalText(codec.encode(v));

/** Tags of the codecs whose encode is the identity on JSON scalars. @internal */
export const SCALAR_TAGS: ReadonlySet<string> = new Set([
  'StringType',
  'NumberType',
  'BooleanType',
  'NullType',
  'LiteralType',
  'KeyofType',
]);

const compile = (codec: Tagged): Write => {
  const tag = codec._tag;
  if (tag !== undefined && SCALAR_TAGS.has(tag)) return scalar(codec);
  // A brand or refinement encodes with its inner codec (io-ts RefinementType.encode).
  if ((tag === 'RefinementType' || tag === 'ReadonlyType') && codec.type !== undefined) {
    return compile(codec.type);
  }
  if ((tag === 'ArrayType' || tag === 'ReadonlyArrayType') && codec.type !== undefined) {
    return array(compile(codec.type), codec);
  }
  if (tag === 'ExactType' && codec.type !== undefined) {
    const props = propsOf(codec.type);
    if (props !== undefined) return exact(props, codec);
  }
  return generic(codec);
};

const scalar = (codec: Tagged): Write => {
  const slow = generic(codec);
  return (v) => {
    switch (typeof v) {
      case 'string':
        // Most strings need no escape: quoting them is their JSON text (RFC 8785 section 3.2.2.2).
        if (!NEEDS_ESCAPE.test(v)) return `"${v}"`;
        return isWellFormed(v) ? stringify(v) : slow(v);
      case 'number':
        return v - v === 0 ? stringify(v) : slow(v);
      case 'boolean':
        return v ? 'true' : 'false';
      default:
        return v === null ? 'null' : slow(v);
    }
  };
};

const array = (item: Write, codec: Tagged): Write => {
  const slow = generic(codec);
  return (v) => {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== ARRAY_PROTOTYPE) return slow(v);
    let s = '[';
    for (let i = 0; i < v.length; i++) {
      // A hole is not JSON: the generic path refuses it.
      if (!(i in v)) return slow(v);
      s += i === 0 ? item(v[i]) : `,${item(v[i])}`;
    }
    return `${s}]`;
  };
};

/**
 * The members an exact codec keeps (io-ts getProps): interface, partial and intersections of
 * them; undefined for anything else.
 * @internal
 */
export const propsOf = (codec: Tagged): Record<string, Tagged> | undefined => {
  if ((codec._tag === 'InterfaceType' || codec._tag === 'PartialType') && codec.props) {
    return { ...codec.props };
  }
  if (codec._tag === 'IntersectionType' && codec.types !== undefined) {
    const out: Record<string, Tagged> = {};
    for (const member of codec.types) {
      const p = propsOf(member);
      if (p === undefined) return undefined;
      for (const k of Object.keys(p)) {
        // The same name declared twice: io-ts merges both encodings; leave that to io-ts.
        if (hasOwn.call(out, k)) return undefined;
        out[k] = p[k] as Tagged;
      }
    }
    return out;
  }
  return undefined;
};

const exact = (props: Record<string, Tagged>, codec: Tagged): Write => {
  const slow = generic(codec);
  const names = Object.keys(props).sort(compareCodeUnits);
  const labels = names.map((k) => `,${stringify(k)}:`);
  const firsts = names.map((k) => `{${stringify(k)}:`);
  const writers = names.map((k) => compile(props[k] as Tagged));
  return (v) => {
    if (typeof v !== 'object' || v === null) return slow(v);
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) return slow(v);
    const o = v as Record<string, unknown>;
    let s = '';
    for (let i = 0; i < names.length; i++) {
      const k = names[i] as string;
      if (!hasOwn.call(o, k)) continue;
      s += (s === '' ? (firsts[i] as string) : (labels[i] as string)) + (writers[i] as Write)(o[k]);
    }
    return s === '' ? '{}' : `${s}}`;
  };
};
