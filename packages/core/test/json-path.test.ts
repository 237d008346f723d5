import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '@warrant/core';

/** String#isWellFormed (ES2024, Node 20+), typed here because lib is ES2022. */
const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed();

describe('formatJsonPath', () => {
  it('uses the dot shorthand for identifiers and brackets for everything else', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['scope', 'purls', 0])).toBe('$.scope.purls[0]');
    expect(formatJsonPath(['_a1', '1a', '', 'a-b', 'é'])).toBe("$._a1['1a']['']['a-b']['é']");
  });

  it('escapes as an RFC 9535 normalized path does', () => {
    expect(formatJsonPath(["it's", 'back\\slash', '\b\t\n\f\r', '\u0000\u001f\u007f'])).toBe(
      "$['it\\'s']['back\\\\slash']['\\b\\t\\n\\f\\r']['\\u0000\\u001f\u007f']",
    );
  });

  it('escapes lone surrogates so the path is well-formed text, and keeps pairs', () => {
    expect(formatJsonPath(['a\ud800', '\udc00', '\u{1f600}'])).toBe(
      "$['a\\ud800']['\\udc00']['\u{1f600}']",
    );
  });

  it('always yields well-formed text starting with $', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string(), fc.nat())),
        (segments) => {
          const p = formatJsonPath(segments);
          expect(p.startsWith('$')).toBe(true);
          expect(isWellFormed(p)).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.string({
            unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
          }),
        ),
        (segments) => {
          expect(isWellFormed(formatJsonPath(segments))).toBe(true);
        },
      ),
    );
  });
});
