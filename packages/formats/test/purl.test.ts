import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { normalizePurl } from '@warrant/core';
import { bareForm, purlText, PurlResolver } from '../src/internal/purl';
import { derivePurl, splitName } from '../src/internal/derive';
import { Ctx } from '../src/internal/read';

const canonical = (text: string): string => {
  const r = normalizePurl(text);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('purls in importers', () => {
  it('uses core normalization and memoizes each text once per import', () => {
    const resolver = new PurlResolver();
    const a = resolver.resolve('pkg:deb/debian/tar@1.34+dfsg-1.2?arch=amd64');
    expect(a).toMatchObject({
      purl: 'pkg:deb/debian/tar@1.34%2Bdfsg-1.2?arch=amd64',
      bare: 'pkg:deb/debian/tar@1.34%2Bdfsg-1.2',
    });
    expect(resolver.resolve('pkg:deb/debian/tar@1.34+dfsg-1.2?arch=amd64')).toBe(a);
    expect('problem' in resolver.resolve('pkg:oci/x@1?repository_url=a%se')).toBe(true);
  });

  it('gives the bare form: canonical text up to the first ? or #', () => {
    expect(bareForm('pkg:rpm/rhel/nss@3.79?arch=x86_64&epoch=1')).toBe('pkg:rpm/rhel/nss@3.79');
    expect(bareForm('pkg:golang/x/y@v1#sub/dir')).toBe('pkg:golang/x/y@v1');
    expect(bareForm('pkg:npm/%40angular/core@1%23')).toBe('pkg:npm/%40angular/core@1%23');
  });

  it('writes purl text that core parses back to the same components (property)', () => {
    const seg = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })
      .filter((s) => !s.includes('/') && s.trim() === s && s !== '.' && s !== '..');
    fc.assert(
      fc.property(
        fc.option(seg, { nil: undefined }),
        seg,
        fc.option(seg, { nil: undefined }),
        (namespace, name, version) => {
          const r = new PurlResolver().resolve(purlText('generic', namespace, name, version));
          if ('problem' in r) return; // e.g. names core refuses; never a crash
          expect([
            r.parsed.namespace ?? undefined,
            r.parsed.name,
            r.parsed.version ?? undefined,
          ]).toEqual([namespace, name, version]);
        },
      ),
      { seed: 9, numRuns: 300 },
    );
  });

  it('splits ecosystem names and derives canonical purls', () => {
    const ctx = new Ctx();
    expect(splitName('maven', 'org.yaml:snakeyaml')).toEqual({
      namespace: 'org.yaml',
      name: 'snakeyaml',
    });
    expect(splitName('maven', 'snakeyaml')).toBeUndefined();
    expect(splitName('npm', '@babel/core')).toEqual({ namespace: '@babel', name: 'core' });
    expect(splitName('golang', 'github.com/x/y')).toEqual({ namespace: 'github.com/x', name: 'y' });
    expect(derivePurl(ctx, { type: 'deb', namespace: 'debian' }, 'apt', '1.8.2.3')?.purl).toBe(
      'pkg:deb/debian/apt@1.8.2.3',
    );
    expect(derivePurl(ctx, { type: 'pypi' }, 'Django_Rest', '3.2')?.purl).toBe(
      canonical('pkg:pypi/django-rest@3.2'),
    );
    expect(derivePurl(ctx, { type: 'npm' }, '@babel/core', '7.0.0')?.purl).toBe(
      'pkg:npm/%40babel/core@7.0.0',
    );
    expect(derivePurl(ctx, { type: 'golang' }, 'stdlib', undefined)?.bare).toBe(
      'pkg:golang/stdlib',
    );
  });
});
