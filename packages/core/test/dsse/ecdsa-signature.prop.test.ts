import { describe, it } from 'vitest';
import fc from 'fast-check';
import { toHex } from '@warrant/core';
import { derToP1363, p1363ToDer } from '../../src/dsse/ecdsa-signature';

// r and s in 1..2^256-1 (a zero scalar is refused by the DER reader, and by ECDSA).
const scalar = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((b) => b.some((x) => x !== 0));
const sig = fc.tuple(scalar, scalar).map(([r, s]) => {
  const out = new Uint8Array(64);
  out.set(r);
  out.set(s, 32);
  return out;
});

describe('ECDSA encoding laws', () => {
  it('derToP1363 . p1363ToDer = id', () => {
    fc.assert(fc.property(sig, (s) => toHex(derToP1363(p1363ToDer(s))!) === toHex(s)));
  });
  it('p1363ToDer . derToP1363 = id on everything the strict reader accepts', () => {
    fc.assert(
      fc.property(sig, fc.nat(71), fc.nat(255), (s, at, value) => {
        const der = p1363ToDer(s);
        der[at % der.length] = value;
        const back = derToP1363(der);
        return back === undefined || toHex(p1363ToDer(back)) === toHex(der);
      }),
    );
  });
  it('DER output is 8 to 72 bytes and starts with a SEQUENCE', () => {
    fc.assert(
      fc.property(sig, (s) => {
        const der = p1363ToDer(s);
        return der[0] === 0x30 && der.length >= 8 && der.length <= 72 && der[1] === der.length - 2;
      }),
    );
  });
});
