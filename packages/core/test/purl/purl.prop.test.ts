/**
 * Laws of purl parsing and matching: canonical text is a fixed point, every spelling of a purl
 * (scheme and type case, pkg://, qualifier order and key case, extra percent-encoding, hex
 * case) normalizes to the same text, a purl matches itself, and dropping the version or the
 * qualifiers from a pattern can only widen what it matches.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { matchPurl, parsePurl, purlMatchKey, type PackageUrl } from '@warrant/core';

const TYPES = [
  'generic',
  'npm',
  'pypi',
  'maven',
  'deb',
  'rpm',
  'apk',
  'golang',
  'cargo',
  'gem',
  'nuget',
  'github',
  'docker',
];
const CHARS = 'abcXYZ019.-_~:!*()+,;@?#%& /\u00e9\u4e2d';
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 10 })
  .map((cs) => cs.join('').replace(/\//g, 'x'))
  .filter((s) => s.trim() === s);

// Percent-encodes every character except unreserved ones, and randomly some unreserved ones too,
// with random hex case: all are legal spellings of the same component.
const spell = (s: string, salt: number): string =>
  [...new TextEncoder().encode(s)]
    .map((b, i) => {
      const c = String.fromCharCode(b);
      const keep = /[A-Za-z0-9._~-]/.test(c) && (salt + i) % 5 !== 0;
      if (keep) return c;
      const hex = b.toString(16).padStart(2, '0');
      return `%${(salt + i) % 2 === 0 ? hex.toUpperCase() : hex}`;
    })
    .join('');

const purlParts = fc.record({
  type: fc.constantFrom(...TYPES),
  namespace: fc.option(fc.array(text, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  name: text,
  version: fc.option(text, { nil: undefined }),
  qualifiers: fc.dictionary(
    fc.constantFrom('arch', 'distro', 'classifier', 'os', 'x.y', 'k_1'),
    text,
    { maxKeys: 3 },
  ),
  subpath: fc.option(
    fc.array(
      text.filter((s) => s !== '.' && s !== '..'),
      { minLength: 1, maxLength: 2 },
    ),
    { nil: undefined },
  ),
});

type Parts = typeof purlParts extends fc.Arbitrary<infer T> ? T : never;

const build = (p: Parts, salt: number, upper: boolean): string => {
  const keys = Object.keys(p.qualifiers);
  if (salt % 2 === 1) keys.reverse();
  return (
    (upper ? 'PKG://' : 'pkg:') +
    (upper ? p.type.toUpperCase() : p.type) +
    '/' +
    (p.namespace === undefined ? '' : `${p.namespace.map((s) => spell(s, salt)).join('/')}/`) +
    spell(p.name, salt) +
    (p.version === undefined ? '' : `@${spell(p.version, salt)}`) +
    (keys.length === 0
      ? ''
      : `?${keys.map((k) => `${upper ? k.toUpperCase() : k}=${spell(p.qualifiers[k] as string, salt)}`).join('&')}`) +
    (p.subpath === undefined ? '' : `#${p.subpath.map((s) => spell(s, salt)).join('/')}`)
  );
};

const parsed = (s: string): PackageUrl | undefined => {
  const r = parsePurl(s);
  return E.isRight(r) ? r.right : undefined;
};

describe('purl laws', () => {
  it('canonical text is a fixed point and independent of spelling', () => {
    fc.assert(
      fc.property(purlParts, fc.nat(), (parts, salt) => {
        const a = parsed(build(parts, 0, false));
        const b = parsed(build(parts, salt, true));
        if (a === undefined) return b === undefined; // type rules (e.g. maven needs a namespace) refuse both
        if (b === undefined) return false;
        const again = parsed(a.canonical);
        return (
          a.canonical === b.canonical && again !== undefined && again.canonical === a.canonical
        );
      }),
      { seed: 6601, numRuns: 400 },
    );
  });

  it('a purl matches itself; dropping version or qualifiers from the pattern keeps the match', () => {
    fc.assert(
      fc.property(purlParts, (parts) => {
        const full = parsed(build(parts, 0, false));
        if (full === undefined) return true;
        const bare = parsed(build({ ...parts, version: undefined, qualifiers: {} }, 0, false));
        expect(matchPurl(full, full).matched).toBe(true);
        return bare === undefined || matchPurl(bare, full).matched;
      }),
      { seed: 6602, numRuns: 300 },
    );
  });

  it('purls that match share a match key (so indexing by it loses nothing)', () => {
    fc.assert(
      fc.property(purlParts, purlParts, fc.boolean(), (x, y, caseOnly) => {
        const a = parsed(build(x, 0, false));
        const b = parsed(
          build(
            caseOnly ? { ...x, name: x.name.toUpperCase(), qualifiers: y.qualifiers } : y,
            0,
            false,
          ),
        );
        if (a === undefined || b === undefined) return true;
        return !matchPurl(a, b).matched || purlMatchKey(a) === purlMatchKey(b);
      }),
      { seed: 6604, numRuns: 300 },
    );
  });

  it('a different name or type never matches', () => {
    fc.assert(
      fc.property(purlParts, text, (parts, other) => {
        const a = parsed(build(parts, 0, false));
        const b = parsed(build({ ...parts, name: `${parts.name}${other}` }, 0, false));
        if (a === undefined || b === undefined || a.name === b.name) return true;
        return (
          !matchPurl(a, b).matched &&
          matchPurl(a, b).parts.some((x) => x.part === 'name' && x.outcome === 'not-matched')
        );
      }),
      { seed: 6603, numRuns: 200 },
    );
  });
});
