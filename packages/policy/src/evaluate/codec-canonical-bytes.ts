/**
 * The UTF-8 bytes of `canonicalText(codec.encode(value))` written straight into a `ByteSink`,
 * for the findings digest: the text of a million findings is never built as strings (each
 * string piece, each concatenation and the final flattening are allocations the collector
 * pays for). The shape is the one `compileCanonical` compiles (member names of each exact codec
 * sorted once, undeclared members skipped, scalars as JSON), member labels are encoded once,
 * and a string without `"`, `\`, control or non-ASCII characters is copied code unit by code
 * unit between quotes (its JSON text, RFC 8785 section 3.2.2.2). Every other string, number and
 * every value of an unexpected kind is written as the text `compileCanonical` gives for it, so
 * the bytes are always exactly the UTF-8 of that text, refusals included (property-tested).
 * @module
 */
import { compareCodeUnits } from '@warrant/core';
import type * as t from 'io-ts';
import { compileCanonical, propsOf, SCALAR_TAGS, type Tagged } from './codec-canonical';
import type { ByteSink } from './digests';

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
  compile(codec as unknown as Tagged) as (value: A, sink: ByteSink) => void;

// --- internal --------------------------------------------------------------

type Put = (value: unknown, sink: ByteSink) => void;

const hasOwn = Object.prototype.hasOwnProperty;
const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;
const ENCODER = new TextEncoder();

// The text path for a codec, written as UTF-8.
const textOf = (codec: Tagged): Put => {
  const text = compileCanonical(codec as unknown as t.Type<unknown, unknown, unknown>);
  return (v, sink) => sink.text(text(v));
};

const compile = (codec: Tagged): Put => {
  const tag = codec._tag;
  if (tag !== undefined && SCALAR_TAGS.has(tag)) return scalar(codec);
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
  return textOf(codec);
};

const scalar = (codec: Tagged): Put => {
  const slow = textOf(codec);
  return (v, sink) => {
    if (typeof v !== 'string' || 3 * v.length + 2 > sink.buf.length) return slow(v, sink);
    const n = v.length;
    sink.room(n + 2);
    const buf = sink.buf;
    let at = sink.at;
    buf[at++] = 0x22; // "
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      // `"`, `\`, controls and anything beyond ASCII: the text path decides.
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return slow(v, sink);
      buf[at++] = c;
    }
    buf[at++] = 0x22;
    sink.at = at;
  };
};

// Bytes of a short ASCII text (brackets, labels) into the sink.
const put = (sink: ByteSink, bytes: Uint8Array): void => sink.bytes(bytes);

const OPEN_ARRAY = ENCODER.encode('[');
const CLOSE_ARRAY = ENCODER.encode(']');
const COMMA = ENCODER.encode(',');
const CLOSE_OBJECT = ENCODER.encode('}');
const EMPTY_OBJECT = ENCODER.encode('{}');

const array = (item: Put, codec: Tagged): Put => {
  const slow = textOf(codec);
  return (v, sink) => {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== ARRAY_PROTOTYPE) return slow(v, sink);
    // A hole is not JSON: the text path refuses it (checked before any byte is written).
    for (let i = 0; i < v.length; i++) if (!(i in v)) return slow(v, sink);
    put(sink, OPEN_ARRAY);
    for (let i = 0; i < v.length; i++) {
      if (i > 0) put(sink, COMMA);
      item(v[i], sink);
    }
    put(sink, CLOSE_ARRAY);
  };
};

const exact = (props: Record<string, Tagged>, codec: Tagged): Put => {
  const slow = textOf(codec);
  const names = Object.keys(props).sort(compareCodeUnits);
  const firsts = names.map((k) => ENCODER.encode(`{${JSON.stringify(k)}:`));
  const labels = names.map((k) => ENCODER.encode(`,${JSON.stringify(k)}:`));
  const puts = names.map((k) => compile(props[k] as Tagged));
  return (v, sink) => {
    if (typeof v !== 'object' || v === null) return slow(v, sink);
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) return slow(v, sink);
    const o = v as Record<string, unknown>;
    let first = true;
    for (let i = 0; i < names.length; i++) {
      const k = names[i] as string;
      if (!hasOwn.call(o, k)) continue;
      put(sink, (first ? firsts[i] : labels[i]) as Uint8Array);
      first = false;
      (puts[i] as Put)(o[k], sink);
    }
    put(sink, first ? EMPTY_OBJECT : CLOSE_OBJECT);
  };
};
