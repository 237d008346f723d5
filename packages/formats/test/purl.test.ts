import { describe, expect, it } from 'vitest';
import { PackageURL } from 'packageurl-js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  canonicalizePurl,
  formatPurl,
  isPurlProblem,
  parsePurl,
  type Purl,
} from '@warrant/formats';

const ok = (text: string): Purl => {
  const p = parsePurl(text);
  if (isPurlProblem(p)) throw new Error(`${text}: ${p.problem}`);
  return p;
};

describe('purl', () => {
  it('parses the specification examples', () => {
    expect(ok('pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie')).toEqual({
      type: 'deb',
      namespace: 'debian',
      name: 'curl',
      version: '7.50.3-1',
      qualifiers: [
        ['arch', 'i386'],
        ['distro', 'jessie'],
      ],
      subpath: undefined,
    });
    expect(
      canonicalizePurl('pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?packaging=sources'),
    ).toBe('pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?packaging=sources');
  });

  it('sorts qualifiers, drops empty values, lowercases keys and the type', () => {
    expect(canonicalizePurl('PKG:NPM/foo@1?b=2&A=1&c=')).toBe('pkg:npm/foo@1?a=1&b=2');
  });

  it('percent-encodes everything outside letters, digits, .-_~ and colon', () => {
    expect(canonicalizePurl('pkg:deb/debian/tar@1.34+dfsg-1.2')).toBe(
      'pkg:deb/debian/tar@1.34%2Bdfsg-1.2',
    );
    expect(canonicalizePurl('pkg:deb/debian/bsdutils@1:2.38.1')).toBe(
      'pkg:deb/debian/bsdutils@1:2.38.1',
    );
    expect(canonicalizePurl('pkg:generic/a%20b@%E2%82%AC')).toBe('pkg:generic/a%20b@%E2%82%AC');
  });

  it('applies the PURL-TYPES case rules', () => {
    expect(canonicalizePurl('pkg:pypi/Django_Rest@3.2')).toBe('pkg:pypi/django-rest@3.2');
    expect(canonicalizePurl('pkg:github/Package-URL/Purl-Spec@V1')).toBe(
      'pkg:github/package-url/purl-spec@V1',
    );
    expect(canonicalizePurl('pkg:golang/github.com/Sirupsen/logrus@v1')).toBe(
      'pkg:golang/github.com/Sirupsen/logrus@v1',
    );
    expect(canonicalizePurl('pkg:rpm/RedHat/OpenSSL@1')).toBe('pkg:rpm/redhat/OpenSSL@1');
  });

  it('accepts an unencoded npm scope and pkg:// with slashes', () => {
    expect(canonicalizePurl('pkg:npm/@angular/core')).toBe('pkg:npm/%40angular/core');
    expect(canonicalizePurl('pkg://npm/@angular/core@1.0.0')).toBe('pkg:npm/%40angular/core@1.0.0');
  });

  it('gives the bare key form without qualifiers and subpath', () => {
    expect(formatPurl(ok('pkg:rpm/rhel/nss@3.79?arch=x86_64&epoch=1#a/b'), { bare: true })).toBe(
      'pkg:rpm/rhel/nss@3.79',
    );
    expect(formatPurl(ok('pkg:golang/x/y#sub/../dir/./z'))).toBe('pkg:golang/x/y#sub/dir/z');
  });

  it('refuses what is not a purl', () => {
    for (const bad of [
      'EnterpriseLibrary.Common@6.0.1304',
      'pkg:EnterpriseLibrary.Common@6.0.1304',
      'pkg:n&g?inx/nginx@0.8.9',
      'pkg:3nginx/nginx@0.8.9',
      'pkg:nginx:a/nginx@0.8.9',
      'pkg:npm/myartifact@1.0.0?in%20production=true',
      'pkg:maven/@1.3.4',
      'pkg%3Amaven/org.apache.commons/io',
      'pkg:oci/x@1?repository_url=a%se',
      'pkg:npm/a@1?k=1&k=2',
    ]) {
      expect(isPurlProblem(parsePurl(bad)), bad).toBe(true);
    }
  });

  it('agrees with packageurl-js on every corpus purl it accepts (decoded components)', () => {
    const root = join(import.meta.dirname, 'fixtures');
    const purls = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (v.startsWith('pkg:')) purls.add(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const dir of readdirSync(root, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of readdirSync(join(root, dir.name)))
        walk(JSON.parse(readFileSync(join(root, dir.name, f), 'utf8')));
    }
    expect(purls.size).toBeGreaterThan(400);
    let compared = 0;
    for (const text of purls) {
      let oracle: PackageURL;
      try {
        oracle = PackageURL.fromString(text);
      } catch {
        expect(isPurlProblem(parsePurl(text)), text).toBe(true);
        continue;
      }
      const ours = ok(text);
      expect([ours.type, ours.namespace, ours.name, ours.version, ours.subpath], text).toEqual([
        oracle.type,
        oracle.namespace ?? undefined,
        oracle.name,
        oracle.version ?? undefined,
        oracle.subpath ?? undefined,
      ]);
      // packageurl-js form-decodes qualifier values ("+" becomes a space, as Go's url.Values
      // writes it); the purl spec percent-decodes only, so "+" stays "+" here.
      const formDecoded = ours.qualifiers.map(([k, v]) => [k, v.replaceAll('+', ' ')]);
      expect(Object.fromEntries(formDecoded), text).toEqual(oracle.qualifiers ?? {});
      compared++;
    }
    expect(compared).toBe(purls.size - 1);
  });
});
