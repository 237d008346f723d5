// The fast checks of the field codecs against their definitions: isSha256Digest against the
// Sha256Digest pattern, and Name / EnvValue (whose printable-ASCII shortcut must accept exactly
// what the patterns accept) against a reference written from the rules of the spec.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sha256Digest } from '@warrant/core';
import { isSha256Digest } from '../../src/exception/codec-kit';
import { EnvValue, Name } from '../../src/exception/fields';

const HEX = '0123456789abcdef';
const arbNearDigest = fc
  .tuple(
    fc.constantFrom('sha256:', 'SHA256:', 'sha256', 'sha512:', ''),
    fc.string({
      unit: fc.constantFrom(...HEX, 'A', 'g', ' ', '\u0660'),
      minLength: 62,
      maxLength: 66,
    }),
  )
  .map(([p, h]) => p + h);

// docs/spec/exception-v1.md section 2.2: 1-256 code units, no leading or trailing whitespace, no
// control characters, no lone surrogates, no `*` outside environment values.
const referenceName = (s: string, wildcard: boolean): boolean =>
  s.length >= 1 &&
  s.length <= 256 &&
  !/^\s|\s$/.test(s) &&
  // eslint-disable-next-line no-control-regex -- control characters are the point
  !/[\u0000-\u001f\u007f]/.test(s) &&
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s) &&
  (wildcard || !s.includes('*'));

const arbName = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '*', '\t', '\u00a0', '\u007f', '~', '\ud800'),
    maxLength: 6,
  }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

describe('fast field checks (laws)', () => {
  it('isSha256Digest is Sha256Digest.is', () => {
    fc.assert(
      fc.property(fc.oneof(arbNearDigest, fc.string(), fc.anything()), (u) => {
        expect(isSha256Digest(u)).toBe(Sha256Digest.is(u));
      }),
      { seed: 81, numRuns: 5000 },
    );
    expect(isSha256Digest(`sha256:${'0'.repeat(64)}`)).toBe(true);
  });

  it('Name and EnvValue accept exactly what the rules accept', () => {
    fc.assert(
      fc.property(arbName, (s) => {
        expect(Name.is(s)).toBe(referenceName(s, false));
        expect(EnvValue.is(s)).toBe(referenceName(s, true));
      }),
      { seed: 82, numRuns: 5000 },
    );
  });
});
