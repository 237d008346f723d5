/**
 * RFC 8785 canonical JSON written as UTF-8 straight into a {@link ByteSink}, compiled once from
 * an io-ts codec's shape, for the outputs that are hundreds of megabytes (the findings digest,
 * the verdict, the exceptions digest). The generic canonicalizer copies every object to sort
 * its members and builds strings; here the member names of each exact codec are sorted once
 * (UTF-16 code units, RFC 8785 section 3.2.3) and encoded once as labels, and a string without
 * `"`, `\`, control or non-ASCII characters is copied code unit by code unit between quotes
 * (its JSON text, section 3.2.2.2). Anything else is written as the generic path writes it, so
 * the bytes are always exactly the UTF-8 of the canonical text, refusals included.
 *
 * Two readings of a value, one compiler:
 * - {@link compileCanonicalBytes}: the bytes of `canonicalize(codec.encode(value))`; members
 *   the codec does not declare are dropped, as `encode` drops them (inputs that are hashed);
 * - {@link compileCanonicalValueBytes}: the bytes of `canonicalize(value)`; every own
 *   enumerable member is written, so an object with a member the codec does not declare, a
 *   value of an unexpected kind, or a codec whose shape is not visible is written by the
 *   generic byte writer (value-bytes.ts) (verdicts).
 * @module
 */
import type * as t from 'io-ts';
import { compareCodeUnits } from '@warrant/core';
import type { ByteSink } from './byte-sink';
import { canonicalText } from './digests';
import { inheritsEnumerable, putJson, scalar, TOKENS, writeValue, type Put } from './value-bytes';

// --- operations ------------------------------------------------------------

/**
 * Compiles a writer of the UTF-8 bytes of `canonicalText(codec.encode(value))`.
 * @param codec - an io-ts codec
 * @returns a function writing a value of the codec into a sink
 * @throws TypeError (from the returned function) when the encoding is not JSON; bytes of the
 *   value may then already be in the sink
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * const writeFinding = compileCanonicalBytes(Finding);
 * writeFinding(f, sink) // sink receives utf8Encode(canonicalText(Finding.encode(f)))
 * @internal
 */
export const compileCanonicalBytes = <A, O>(
  codec: t.Type<A, O, unknown>,
): ((value: A, sink: ByteSink) => void) =>
  compile(codec as unknown as Tagged, 0, false) as (value: A, sink: ByteSink) => void;

/**
 * Compiles a writer of the UTF-8 bytes of `canonicalize(value)` for values of a codec: the
 * codec only says which shape to expect, and the bytes are those of the value as it is.
 * @param codec - an io-ts codec
 * @returns a function writing a value into a sink; it returns false when `canonicalize(value)`
 *   refuses the value (the sink then holds part of it)
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * const writeVerdict = compileCanonicalValueBytes(Verdict);
 * writeVerdict(v, sink) // true; sink receives utf8Encode(canonicalize(v).right)
 * @internal
 */
export const compileCanonicalValueBytes = <A, O>(
  codec: t.Type<A, O, unknown>,
): ((value: A, sink: ByteSink) => boolean) => {
  const put = compile(codec as unknown as Tagged, 0, true);
  return (value, sink) => writeValue(put, value, sink);
};

// --- internal --------------------------------------------------------------

/** The members of io-ts codecs read here. */
interface Tagged {
  readonly _tag?: string;
  readonly type?: Tagged;
  readonly types?: ReadonlyArray<Tagged>;
  readonly props?: Readonly<Record<string, Tagged>>;
  readonly encode: (value: unknown) => unknown;
}

const stringify = JSON.stringify;
const hasOwn = Object.prototype.hasOwnProperty;
const getPrototypeOf = Object.getPrototypeOf;
const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;
const ENCODER = new TextEncoder();

/** Tags of the codecs whose encode is the identity on JSON scalars. */
const SCALAR_TAGS: ReadonlySet<string> = new Set([
  'StringType',
  'NumberType',
  'BooleanType',
  'NullType',
  'LiteralType',
  'KeyofType',
]);

// The generic path for a codec at a nesting depth: the canonical text of its encoding, or the
// bytes of the value itself.
const generic = (codec: Tagged, depth: number, value: boolean): Put =>
  value
    ? (v, sink) => putJson(v, sink, depth)
    : (v, sink) => sink.text(canonicalText(codec.encode(v)));

const compile = (codec: Tagged, depth: number, value: boolean): Put => {
  const tag = codec._tag;
  const slow = generic(codec, depth, value);
  if (tag !== undefined && SCALAR_TAGS.has(tag)) return scalar(slow);
  // A brand or refinement encodes with its inner codec (io-ts RefinementType.encode).
  if ((tag === 'RefinementType' || tag === 'ReadonlyType') && codec.type !== undefined) {
    return compile(codec.type, depth, value);
  }
  if ((tag === 'ArrayType' || tag === 'ReadonlyArrayType') && codec.type !== undefined) {
    return array(compile(codec.type, depth + 1, value), slow, value);
  }
  if (tag === 'ExactType' && codec.type !== undefined) {
    const props = propsOf(codec.type);
    if (props !== undefined) return exact(props, depth, value, slow);
  }
  // A codec whose shape is not visible (a hand-written t.Type, a union): its encoding is its
  // own business, but the bytes of a value are the value's (`slow` is then the byte writer).
  return slow;
};

// The members an exact codec keeps (io-ts getProps): interface, partial and intersections of
// them; undefined for anything else.
const propsOf = (codec: Tagged): Record<string, Tagged> | undefined => {
  if ((codec._tag === 'InterfaceType' || codec._tag === 'PartialType') && codec.props) {
    return { ...codec.props };
  }
  if (codec._tag !== 'IntersectionType' || codec.types === undefined) return undefined;
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
};

const array = (item: Put, slow: Put, value: boolean): Put => {
  return (v, sink) => {
    if (!Array.isArray(v) || getPrototypeOf(v) !== ARRAY_PROTOTYPE) return slow(v, sink);
    // A hole is not JSON: the generic path refuses it. (A value write refuses it when it gets
    // there: every writer refuses undefined.)
    if (!value) for (let i = 0; i < v.length; i++) if (!(i in v)) return slow(v, sink);
    sink.bytes(TOKENS.openArray);
    for (let i = 0; i < v.length; i++) {
      if (i > 0) sink.bytes(TOKENS.comma);
      item(v[i], sink);
    }
    sink.bytes(TOKENS.closeArray);
  };
};

const exact = (props: Record<string, Tagged>, depth: number, value: boolean, slow: Put): Put => {
  const names = Object.keys(props).sort(compareCodeUnits);
  const firsts = names.map((k) => ENCODER.encode(`{${stringify(k)}:`));
  const labels = names.map((k) => ENCODER.encode(`,${stringify(k)}:`));
  const puts = names.map((k) => compile(props[k] as Tagged, depth + 1, value));
  if (value) return exactValue(names, firsts, labels, puts, slow);
  const n = names.length;
  return (v, sink) => {
    if (typeof v !== 'object' || v === null) return slow(v, sink);
    const proto: unknown = getPrototypeOf(v);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) return slow(v, sink);
    const o = v as Record<string, unknown>;
    let first = true;
    for (let i = 0; i < n; i++) {
      const k = names[i] as string;
      if (!hasOwn.call(o, k)) continue;
      sink.bytes((first ? firsts[i] : labels[i]) as Uint8Array);
      first = false;
      (puts[i] as Put)(o[k], sink);
    }
    sink.bytes(first ? TOKENS.emptyObject : TOKENS.closeObject);
  };
};

/** One member order of objects of a codec: the for-in key sequence and the writing order. */
interface Shape {
  readonly keys: ReadonlyArray<string>;
  /** Positions in `keys`, in canonical order. */
  readonly order: ReadonlyArray<number>;
  /** The declared member (index into the sorted names) of each position of `order`. */
  readonly member: ReadonlyArray<number>;
}
const SHAPES = 16;

// An exact codec's objects written as `canonicalize` writes them: their own enumerable
// members, read once each by a for-in loop (which lists exactly those when Object.prototype
// has no enumerable member), sorted by name. The sorted order of each key sequence is kept
// (objects built by one piece of code share it), so an object costs one walk over its members.
// A member the codec does not declare, or one that is undefined, sends the object to the
// generic byte writer, which writes it or refuses it.
const exactValue = (
  names: ReadonlyArray<string>,
  firsts: ReadonlyArray<Uint8Array>,
  labels: ReadonlyArray<Uint8Array>,
  puts: ReadonlyArray<Put>,
  slow: Put,
): Put => {
  const index = new Map(names.map((k, i) => [k, i]));
  const shapes: Shape[] = [];
  // Reused for every object: a writer is never active twice at once (codecs are trees, and
  // writeValue does not let a getter start another write).
  const keys: string[] = [];
  const values: unknown[] = [];
  const shapeOf = (m: number): Shape | undefined => {
    for (let s = 0; s < shapes.length; s++) {
      const shape = shapes[s] as Shape;
      const known = shape.keys;
      if (known.length !== m) continue;
      let i = 0;
      while (i < m && known[i] === keys[i]) i++;
      if (i === m) return shape;
    }
    const member: number[] = [];
    for (let i = 0; i < m; i++) {
      const at = index.get(keys[i] as string);
      if (at === undefined) return undefined;
      member.push(at);
    }
    const order = member
      .map((_, i) => i)
      .sort((a, b) => (member[a] as number) - (member[b] as number));
    const shape = { keys: keys.slice(0, m), order, member: order.map((i) => member[i] as number) };
    if (shapes.length < SHAPES) shapes.push(shape);
    return shape;
  };
  return (v, sink) => {
    if (typeof v !== 'object' || v === null || inheritsEnumerable()) return slow(v, sink);
    const proto: unknown = getPrototypeOf(v);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) return slow(v, sink);
    const o = v as Record<string, unknown>;
    let m = 0;
    for (const k in o) {
      keys[m] = k;
      values[m++] = o[k];
    }
    const shape = shapeOf(m);
    if (shape === undefined) return slow(v, sink);
    const order = shape.order;
    for (let i = 0; i < m; i++) if (values[order[i] as number] === undefined) return slow(v, sink);
    if (m === 0) return sink.bytes(TOKENS.emptyObject);
    const member = shape.member;
    for (let i = 0; i < m; i++) {
      const d = member[i] as number;
      sink.bytes((i === 0 ? firsts[d] : labels[d]) as Uint8Array);
      (puts[d] as Put)(values[order[i] as number], sink);
    }
    sink.bytes(TOKENS.closeObject);
  };
};
