/**
 * Law of ByteSink: whatever is written (bytes, texts, room requests), through a buffer of any
 * size, the drained chunks concatenate to exactly the bytes written (texts as UTF-8); with
 * fresh chunks, no chunk is written to after it is handed over.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8Encode } from '@warrant/core';
import { ByteSink } from '../../src/evaluate/byte-sink';

type Op = { bytes: Uint8Array } | { text: string } | { room: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ bytes })),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => ({ text })),
  fc.nat(40).map((room) => ({ room })),
);

const concat = (chunks: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
};

describe('ByteSink', () => {
  it('drains exactly the bytes written, in order, whatever the buffer size', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (ops, size, fresh) => {
          const kept: Uint8Array[] = [];
          const copies: Uint8Array[] = [];
          const sink = new ByteSink(
            (b) => {
              kept.push(b);
              copies.push(b.slice());
            },
            size,
            fresh,
          );
          const expected: Uint8Array[] = [];
          for (const o of ops) {
            if ('bytes' in o) {
              sink.bytes(o.bytes);
              expected.push(o.bytes);
            } else if ('text' in o) {
              sink.text(o.text);
              expected.push(utf8Encode(o.text));
            } else sink.room(Math.min(o.room, size));
          }
          sink.end();
          expect(concat(copies)).toEqual(concat(expected));
          // Fresh chunks are handed over for good: they still hold what they held when drained.
          if (fresh) expect(concat(kept)).toEqual(concat(copies));
          for (const c of copies) expect(c.length).toBeGreaterThan(0);
        },
      ),
      { seed: 20, numRuns: 300 },
    );
  });

  it('gives away a text larger than its buffer as one chunk of its own', () => {
    const chunks: Uint8Array[] = [];
    const sink = new ByteSink((b) => chunks.push(b.slice()), 8, true);
    sink.text('ab');
    sink.text('é'.repeat(10));
    sink.end();
    expect(chunks.map((c) => c.length)).toEqual([2, 20]);
  });
});
