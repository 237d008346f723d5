import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  matchComponent,
  matchPurl,
  parsePurl,
  parseVers,
  type PackageUrl,
  type VersionRange,
} from '@warrant/core';

const p = (text: string): PackageUrl => {
  const r = parsePurl(text);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const r = (text: string): VersionRange => {
  const x = parseVers(text);
  if (E.isLeft(x)) throw new Error(x.left.message);
  return x.right;
};
const part = (
  m: { parts: ReadonlyArray<{ part: string; key?: string; reason: string }> },
  name: string,
) => m.parts.find((x) => (x.key === undefined ? x.part : `qualifier:${x.key}`) === name);

describe('matchPurl explains every verdict', () => {
  it('names the qualifier that differs, with both values', () => {
    const m = matchPurl(
      p('pkg:deb/debian/curl?arch=amd64'),
      p('pkg:deb/debian/curl@7.50.3-1?arch=arm64'),
    );
    expect(m.matched).toBe(false);
    expect(m.summary).toBe(
      'does not match: qualifier arch: the pattern requires amd64, the candidate has arm64',
    );
    expect(part(m, 'qualifier:arch')).toMatchObject({
      outcome: 'not-matched',
      pattern: 'amd64',
      candidate: 'arm64',
    });
  });

  it('says a version-less pattern matches every version, and how to narrow it', () => {
    const m = matchPurl(p('pkg:npm/lodash'), p('pkg:npm/lodash@4.17.20'));
    expect(m.matched).toBe(true);
    expect(part(m, 'version')?.reason).toBe(
      'version: the pattern has no version, so it matches every version of the package (add a version or a vers range to narrow it)',
    );
  });

  it('lists every failing part in the summary, in report order', () => {
    const m = matchPurl(p('pkg:npm/%40scope/a@1.0.0?arch=x'), p('pkg:npm/b@2.0.0'));
    expect(m.summary).toBe(
      'does not match: namespace: the pattern has @scope, the candidate has none; name: the pattern has a, the candidate has b; ' +
        'version: the pattern requires 1.0.0, the candidate has 2.0.0; qualifier arch: the pattern requires arch=x, the candidate has none',
    );
  });

  it('explains a default-repository decision', () => {
    const m = matchPurl(
      p('pkg:npm/lodash'),
      p('pkg:npm/lodash@4.17.20?repository_url=https://npm.evil.example'),
    );
    expect(part(m, 'qualifier:repository_url')?.reason).toBe(
      'qualifier repository_url: the candidate comes from https://npm.evil.example; a pattern without repository_url means the npm default repository https://registry.npmjs.org',
    );
  });

  it('hints that locator qualifiers are rarely reported', () => {
    const m = matchPurl(p('pkg:generic/x?checksum=sha256:ab'), p('pkg:generic/x@1'));
    expect(part(m, 'qualifier:checksum')?.reason).toContain('scanners rarely report it');
  });

  it('compares pattern versions in the type scheme when the strings differ', () => {
    const m = matchPurl(p('pkg:pypi/django@1.0'), p('pkg:pypi/django@1.0.0'));
    expect(part(m, 'version')?.reason).toBe(
      'version: 1.0 and 1.0.0 are the same version in pypi order',
    );
  });

  it('folds the rpm epoch qualifier into the version', () => {
    const m = matchPurl(
      p('pkg:rpm/fedora/curl@7.50.3-1.fc25?epoch=1'),
      p('pkg:rpm/fedora/curl@1:7.50.3-1.fc25'),
    );
    expect(part(m, 'version')).toMatchObject({
      outcome: 'matched',
      pattern: '1:7.50.3-1.fc25',
      candidate: '1:7.50.3-1.fc25',
    });
  });

  it('is symmetric in the qualifier order of its inputs', () => {
    const a = matchPurl(
      p('pkg:deb/debian/curl?distro=bookworm&arch=amd64'),
      p('pkg:deb/debian/curl@1?arch=amd64&distro=x'),
    );
    const b = matchPurl(
      p('pkg:deb/debian/curl?arch=amd64&distro=bookworm'),
      p('pkg:deb/debian/curl@1?distro=x&arch=amd64'),
    );
    expect(a).toEqual(b);
  });
});

describe('matchComponent', () => {
  it('combines purl parts and the range verdict', () => {
    const m = matchComponent(
      p('pkg:npm/lodash'),
      r('vers:npm/>=4.0.0|<4.17.21'),
      p('pkg:npm/lodash@4.17.20'),
    );
    expect(E.map((x: { summary: string }) => x.summary)(m)).toEqual(
      E.right(
        'matches: version: version 4.17.20 is within vers:npm/>=4.0.0|<4.17.21: it lies in the interval >=4.0.0 and <4.17.21',
      ),
    );
    if (E.isRight(m)) expect(m.right.containment?.rule).toBe('interval');
  });

  it('explains a candidate version the scheme cannot read', () => {
    const m = matchComponent(
      p('pkg:npm/lodash'),
      r('vers:npm/<4.17.21'),
      p('pkg:npm/lodash@latest'),
    );
    if (E.isLeft(m)) throw new Error(m.left.message);
    expect(part(m.right, 'version')?.reason).toBe(
      'version: "latest" is not a valid npm version: expected MAJOR.MINOR.PATCH; vers:npm/<4.17.21 cannot apply to it',
    );
  });

  it('refuses a scope that states its version twice or in a foreign scheme', () => {
    const twice = matchComponent(
      p('pkg:npm/lodash@1.0.0'),
      r('vers:npm/<2.0.0'),
      p('pkg:npm/lodash@1.0.0'),
      '$.scope',
    );
    expect(E.isLeft(twice) && twice.left).toMatchObject({
      code: 'CORE_COMPONENT_RANGE_CONFLICT',
      path: '$.scope',
    });
    const foreign = matchComponent(
      p('pkg:npm/lodash'),
      r('vers:pypi/<2.0'),
      p('pkg:npm/lodash@1.0.0'),
    );
    expect(E.isLeft(foreign) && foreign.left.message).toBe(
      'vers:pypi/<2.0 compares pypi versions, but npm versions compare with npm or semver',
    );
  });
});
