/**
 * The shortcut for purls already in normal form against the full path (packageurl-js): wherever
 * the shortcut answers, the full path accepts the same text and gives the same components and
 * canonical text, property by property and in the same key order; on generated purls, mutated
 * ones and hostile strings. And the shortcut carries the common case.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { PackageURL } from 'packageurl-js';
import { parseNormalPurl, TYPES_WITH_RULES } from '../../src/purl/fast';
import { parsePurl, parsePurlInFull } from '../../src/purl/purl';

const TYPES = [
  ...TYPES_WITH_RULES,
  'generic',
  'cargo',
  'gem',
  'nuget',
  'docker',
  'Npm',
  'PYPI',
  'c++',
  '1x',
  'a.b-c',
  'x_y',
];
// Pieces of components: mostly ones already in normal form, some that normalization changes or
// the shortcut must leave alone.
const CLEAN = [...'abcxyz019.-~:'.split(''), 'lib', '1.2.3', 'v1.2.3'];
const ODD = [
  '_',
  'A',
  'Z',
  '--',
  '..',
  'v1.02.3',
  '1.0.0-rc.1+b.5',
  'v0.0.0-20210101000000-abcdef123456',
  '%40',
  '%2F',
  '%20',
  '%C3%89',
  '%C3%A9',
  '%E4',
  '+',
  ' ',
  '/',
  '@',
  'é',
];
const piece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...CLEAN) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
);
const component = fc.array(piece, { minLength: 0, maxLength: 5 }).map((ps) => ps.join(''));
const KEYS = ['arch', 'distro', 'epoch', 'os', 'x.y', 'k_1', 'k-2', 'Arch', 'vers', '1a', ''];
const VALUES = ['x86_64', 'debian-11', '1', 'a/b', 'a=b', '%2B', 'A~:', '"<>', '', 'é', 'a b'];
const qualifier = fc.tuple(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...KEYS.slice(0, 7)) },
    { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
  ),
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...VALUES.slice(0, 3)) },
    { weight: 1, arbitrary: fc.constantFrom(...VALUES) },
  ),
);

const purlText = fc
  .record({
    scheme: fc.constantFrom('pkg:', 'pkg:', 'pkg:', 'pkg:', 'pkg:', 'PKG:', 'pkg:/', 'pkg://'),
    type: fc.constantFrom(...TYPES),
    namespace: fc.option(fc.array(component, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    name: component,
    version: fc.option(component, { nil: undefined }),
    qualifiers: fc.array(qualifier, { maxLength: 3 }),
    trailingAmp: fc.constantFrom(false, false, false, false, false, true),
    subpath: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: component },
    ),
  })
  .map((p) => {
    let s = `${p.scheme}${p.type}/`;
    if (p.namespace !== undefined) s += `${p.namespace.join('/')}/`;
    s += p.name;
    if (p.version !== undefined) s += `@${p.version}`;
    if (p.qualifiers.length > 0) s += `?${p.qualifiers.map(([k, v]) => `${k}=${v}`).join('&')}`;
    if (p.trailingAmp) s += '&';
    if (p.subpath !== undefined) s += `#${p.subpath}`;
    return s;
  });

// A generated purl with one character inserted, replaced or deleted somewhere.
const HOSTILE = ['/', '@', '?', '#', '&', '=', '%', 'A', ' ', '\u0000', '\u007f', 'é', '\ud800'];
const mutated = fc
  .tuple(purlText, fc.nat(), fc.constantFrom(...HOSTILE), fc.constantFrom(0, 1, 2))
  .map(([s, at, c, op]) => {
    const i = at % (s.length + 1);
    if (op === 0) return s.slice(0, i) + c + s.slice(i);
    if (op === 1) return s.slice(0, i) + c + s.slice(i + 1);
    return s.slice(0, i) + s.slice(i + 1);
  });

const agrees = (text: string): boolean => {
  const fast = parseNormalPurl(text);
  if (fast === undefined) return false;
  const full = parsePurlInFull(text);
  expect(E.isRight(full), `${text}: the full path refuses it`).toBe(true);
  const right = (full as E.Right<unknown>).right as Record<string, unknown>;
  expect(fast).toStrictEqual(right);
  expect(Object.keys(fast)).toStrictEqual(Object.keys(right));
  expect(Object.keys(fast.qualifiers)).toStrictEqual(
    Object.keys(right['qualifiers'] as Record<string, string>),
  );
  return true;
};

describe('parseNormalPurl (properties)', () => {
  it('answers only what the full path answers, identically', () => {
    let answered = 0;
    fc.assert(
      fc.property(purlText, (text) => {
        if (agrees(text)) answered++;
      }),
      { numRuns: 20000 },
    );
    // It must carry a good share of generated purls, or it is not tested.
    expect(answered).toBeGreaterThan(1000);
  });

  it('on mutated purls and arbitrary strings', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        agrees(text);
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        agrees(`pkg:${s}`);
        agrees(s);
      }),
      { numRuns: 5000 },
    );
  });

  it('knows every type packageurl-js has a rule for', () => {
    expect([...TYPES_WITH_RULES].sort()).toStrictEqual(Object.keys(PackageURL.Type).sort());
  });
});

describe('parseNormalPurl (examples)', () => {
  it.each([
    'pkg:pypi/django@4.2.8',
    'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=3.18.4',
    'pkg:golang/github.com/aquasecurity/trivy',
    'pkg:golang/golang.org/x/net@v0.17.0',
    'pkg:maven/org.apache/commons-io@2.11.0',
    'pkg:deb/ubuntu/linux@3.13.0-206.257?arch=source&distro=esm-infra-legacy/trusty',
    'pkg:rpm/redhat/openssl@1.1.1k-7.el8_6?epoch=1&arch=x86_64',
    'pkg:npm/%40angular/core@12.3.1',
    'pkg:deb/debian/libgssapi-krb5-2@1.17-3+deb10u3?arch=amd64',
    'pkg:rpm/amazon/curl@8.0.1-1.amzn2.0.1?arch=x86_64&distro=amazon-2+%28Karoo%29',
  ])('takes %s without packageurl-js', (text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    'pkg:npm/a%2Fb@1.0',
    'pkg:npm/a@%20x',
    'pkg:npm/a@1?arch=%zz',
    'pkg:PyPI/Django@1.0',
    'pkg:pypi/django_package@1.0',
    'pkg:golang/x/y@v1.2',
    'pkg:maven/commons-io@2.11.0',
    'pkg:conan/openssl@3.0.0',
    'pkg:npm/a@1.0?vers=vers:npm/1.0',
    'pkg:npm/a@1.0#lib',
    'pkg:npm/a@1.0?arch=x&arch=y',
    'pkg:npm//a@1.0',
  ])('leaves %s to the full path', (text) => {
    expect(parseNormalPurl(text)).toBeUndefined();
    // And parsePurl still answers as the full path does.
    expect(parsePurl(text)).toStrictEqual(parsePurlInFull(text));
  });

  it('writes the canonical text when the qualifiers are out of order or need encoding', () => {
    const p = parseNormalPurl('pkg:deb/ubuntu/linux@1?distro=a/b&arch=x');
    expect(p?.canonical).toBe('pkg:deb/ubuntu/linux@1?arch=x&distro=a%2Fb');
    expect(Object.keys(p?.qualifiers ?? {})).toStrictEqual(['arch', 'distro']);
  });
});
