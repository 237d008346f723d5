import { describe, it } from 'vitest';
import fc from 'fast-check';
import { paeEncode, toHex, utf8Decode, utf8Encode } from '@warrant/core';

// Well-formed Unicode strings (no lone surrogates), including astral characters.
const payloadType = fc.string({ unit: 'grapheme', maxLength: 20 });
const payload = fc.uint8Array({ maxLength: 64 });

describe('PAE laws', () => {
  it('is injective: different (type, payload) pairs never share a PAE', () => {
    fc.assert(
      fc.property(payloadType, payload, payloadType, payload, (t1, p1, t2, p2) => {
        const same = t1 === t2 && toHex(p1) === toHex(p2);
        return same === (toHex(paeEncode(t1, p1)) === toHex(paeEncode(t2, p2)));
      }),
    );
  });
  it('is injective on near-collisions (shared prefixes, digits and spaces)', () => {
    const tricky = fc.string({ unit: fc.constantFrom('1', '0', ' ', 'a', 'é'), maxLength: 6 });
    const bytes = tricky.map(utf8Encode);
    fc.assert(
      fc.property(tricky, bytes, tricky, bytes, (t1, p1, t2, p2) => {
        const same = t1 === t2 && toHex(p1) === toHex(p2);
        return same === (toHex(paeEncode(t1, p1)) === toHex(paeEncode(t2, p2)));
      }),
      { numRuns: 2000 },
    );
  });
  it('parses back: the header states the byte lengths of type and payload', () => {
    fc.assert(
      fc.property(payloadType, payload, (t, p) => {
        const pae = paeEncode(t, p);
        const typeBytes = utf8Encode(t);
        const head = `DSSEv1 ${typeBytes.length} `;
        const tail = ` ${p.length} `;
        const text = utf8Decode(pae.subarray(0, head.length));
        const mid = utf8Decode(
          pae.subarray(
            head.length + typeBytes.length,
            head.length + typeBytes.length + tail.length,
          ),
        );
        return (
          text === head &&
          mid === tail &&
          toHex(pae.subarray(head.length, head.length + typeBytes.length)) === toHex(typeBytes) &&
          toHex(pae.subarray(pae.length - p.length)) === toHex(p) &&
          pae.length === head.length + typeBytes.length + tail.length + p.length
        );
      }),
    );
  });
});
