/**
 * The URL-free split of screened purls against packageurl-js's `PackageURL.parseString`, and the
 * ASCII fast path of `encodeComponent` against plain UTF-8 percent-encoding: where the fast code
 * answers, the answer is the library's (or the slow path's) exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PackageURL } from 'packageurl-js';
import { encodeComponent } from '../../src/purl/encode';
import { splitPurl } from '../../src/purl/split';

// Printable ASCII without '?' and '#' (parsePurl splits those off first), weighted towards the
// separators and escapes that matter.
const PIECES = [
  ...'abcXYZ019.-_~:!*()+,;&=$\'[]"<>`\\^{|}'.split(''),
  '/',
  '/',
  '@',
  '@',
  '%',
  '%2',
  '%20',
  '%40',
  '%2F',
  '%C3%A9',
  '%E4',
  '%zz',
  'npm',
  'maven',
];
const part = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((ps) => ps.join(''));
const fragment = fc.option(
  part.map((p) => `#${p}`),
  { freq: 3 },
);

const library = (main: string, frag: string | undefined): unknown => {
  try {
    return PackageURL.parseString(`pkg:${main}${frag ?? ''}`);
  } catch (e) {
    return { threw: e instanceof Error ? e.message : String(e) };
  }
};

describe('splitPurl (properties)', () => {
  it('splits exactly as PackageURL.parseString wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(part, fragment, (main, frag) => {
        const fast = splitPurl(main, frag ?? undefined);
        if (fast === undefined) return;
        answered++;
        expect([...fast]).toStrictEqual(library(main, frag ?? undefined));
      }),
      { numRuns: 5000 },
    );
    // The fast path must carry the common case, or it is not worth having.
    expect(answered).toBeGreaterThan(1000);
  });

  it('answers for ordinary purls', () => {
    expect(splitPurl('npm/%40angular/core@12.3.1', undefined)).toStrictEqual([
      'npm',
      '@angular',
      'core',
      '12.3.1',
      undefined,
      undefined,
    ]);
    expect(splitPurl('npm/@scope/name', '#lib/x')).toStrictEqual([
      'npm',
      '@scope',
      'name',
      undefined,
      undefined,
      'lib/x',
    ]);
    expect(splitPurl('//npm/x', undefined)).toBeUndefined();
  });
});

describe('encodeComponent (properties)', () => {
  it('equals UTF-8 percent-encoding of every octet but A-Z a-z 0-9 . - _ ~ :', () => {
    const slow = (s: string): string =>
      [...new TextEncoder().encode(s)]
        .map((b) =>
          /[A-Za-z0-9._~:-]/.test(String.fromCharCode(b))
            ? String.fromCharCode(b)
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join('');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(encodeComponent(s)).toBe(slow(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
        expect(encodeComponent(s)).toBe(slow(s));
      }),
    );
  });
});
