import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '@warrant/core';
import { derToP1363, p1363ToDer } from '../../src/dsse/ecdsa-signature';

const hex = (h: string): Uint8Array => fromHex(h.replace(/\s/g, ''))!;
const r = '01'.repeat(32);
const s = 'ff'.repeat(32);

describe('ECDSA signature encodings', () => {
  it('writes minimal positive INTEGERs, adding 0x00 before a high bit', () => {
    expect(toHex(p1363ToDer(hex(r + s)))).toBe(`3045 0220${r} 022100${s}`.replace(/\s/g, ''));
  });
  it('strips leading zero bytes', () => {
    const small = '00'.repeat(31) + '05';
    expect(toHex(p1363ToDer(hex(small + small)))).toBe('3006020105020105');
  });
  it('reads DER back into 64 left-padded bytes', () => {
    expect(toHex(derToP1363(hex('3006020105020105'))!)).toBe(
      '00'.repeat(31) + '05' + '00'.repeat(31) + '05',
    );
  });
  it.each([
    ['trailing bytes', '300602010502010500'],
    ['a trailing byte after the SEQUENCE', '3006020105020105' + '00'],
    ['a negative INTEGER', '3006020185020105'],
    ['a non-minimal INTEGER', '300702020005020105'],
    ['a zero INTEGER', '3006020100020105'],
    ['an empty INTEGER', '30050200020105'],
    ['a 33-byte magnitude', `3026 0221 01${'00'.repeat(32)} 020105`],
    ['a wrong outer tag', '3106020105020105'],
    ['a wrong inner tag', '3006030105020105'],
    ['a long-form length that fits the short form', '308106020105020105'],
    ['a truncated value', '30060201050201'],
    ['nothing', ''],
  ])('refuses %s', (_, der) => {
    expect(derToP1363(hex(der))).toBeUndefined();
  });
  it('accepts a 0x00-prefixed 32-byte magnitude', () => {
    expect(derToP1363(hex(`3046 022100${s} 022100${s}`))).toEqual(hex(s + s));
  });
  it('throws RangeError for a P1363 input that is not 64 bytes', () => {
    expect(() => p1363ToDer(new Uint8Array(63))).toThrow(RangeError);
  });
});
