import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { MAX_PURL_LENGTH, normalizePurl, parsePurl } from '@warrant/core';

const ok = (text: string) => {
  const r = parsePurl(text);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const fail = (text: string, path?: string) => {
  const r = parsePurl(text, path);
  if (E.isRight(r)) throw new Error(`accepted ${text} as ${r.right.canonical}`);
  return r.left;
};

describe('parsePurl', () => {
  it('returns normalized components and the canonical string', () => {
    expect(ok('pkg:npm/%40Angular/Core@12.3.1?Arch=x86#lib/')).toEqual({
      type: 'npm',
      namespace: '@angular',
      name: 'core',
      version: '12.3.1',
      qualifiers: { arch: 'x86' },
      subpath: 'lib',
      canonical: 'pkg:npm/%40angular/core@12.3.1?arch=x86#lib',
    });
  });

  it('uses null for absent components and {} for no qualifiers', () => {
    const p = ok('pkg:generic/openssl');
    expect([p.namespace, p.version, p.subpath, p.qualifiers]).toEqual([null, null, null, {}]);
  });

  it('names the path and what is wrong', () => {
    const e = fail('pkg:npm/foo@1?arch=a&arch=b', '$.scope.purl');
    expect(e).toEqual({
      code: 'CORE_PURL_INVALID',
      message: 'qualifier "arch" appears twice',
      path: '$.scope.purl',
    });
    expect(fail('pkg:npm/foo\u0000').message).toContain('U+0000 at offset 11');
  });

  it('turns packageurl-js exceptions into values, including its golang ReferenceError', () => {
    expect(fail('pkg:cran/A3').message).toBe('cran requires a "version" component');
    expect(fail('pkg:golang/x/y@vfoo').message).toBe(
      'golang version "vfoo" starts with "v" but is not a semantic version',
    );
  });

  it('reads + in a qualifier value as a plus (packageurl-js would read a space)', () => {
    expect(ok('pkg:generic/x?vcs_url=git+https://h/r').qualifiers['vcs_url']).toBe(
      'git+https://h/r',
    );
  });

  it('refuses what packageurl-js would silently alter', () => {
    expect(fail('pkg:npm/fo\to@1').code).toBe('CORE_PURL_INVALID'); // WHATWG URL strips tabs
    expect(fail('pkg:npm/a%2Fb@1').code).toBe('CORE_PURL_INVALID'); // becomes namespace "a"
    expect(fail('pkg:npm/foo@').message).toBe('"@" must be followed by a version');
    expect(fail('pkg:npm/foo?arch=').message).toContain('empty value');
    expect(fail('pkg:npm/%20foo@1').message).toBe('the name starts or ends with whitespace');
  });

  it('bounds the input length', () => {
    expect(fail(`pkg:generic/${'a'.repeat(MAX_PURL_LENGTH)}`).message).toContain('longer than');
  });

  it('throws TypeError on a non-string (programmer error)', () => {
    expect(() => parsePurl(42 as unknown as string)).toThrow(TypeError);
  });

  it('checks the vers qualifier against the type', () => {
    expect(fail('pkg:pypi/django?vers=vers:npm/1.0.0').message).toContain('compare with pypi');
    expect(ok('pkg:pypi/django?vers=vers:all/*').qualifiers['vers']).toBe('vers:all/*');
  });
});

describe('normalizePurl', () => {
  it('gives one string for every spelling of a purl', () => {
    const spellings = [
      'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&type=pom',
      'PKG://Maven/org.apache.xmlgraphics/batik-anim@1.9.1?Type=pom&Classifier=sources',
      'pkg:maven/org%2Eapache.xmlgraphics/batik%2danim@1.9.1?type=p%6Fm&classifier=sources',
    ];
    const canonical = spellings.map((s) => normalizePurl(s));
    expect(new Set(canonical.map((c) => JSON.stringify(c))).size).toBe(1);
    expect(canonical[0]).toEqual(E.right(spellings[0]));
  });
});
