/**
 * Published ordering examples for the distribution and language schemes not in vers-data.ts:
 * deb (apt's versions.lst, Debian Policy), rpm (rpm's rpmvercmp.at), gem (RubyGems'
 * test_gem_version.rb). NuGet's come from the verbatim upstream vers-spec file and apk's from
 * vers-data-apk.ts. Only the facts (versions and their order) are kept.
 * @module
 */
import type { SchemeData } from './vers-data';

/** apt test/libapt/versions.lst: "a b r" with r = compare(a, b). */
const APT_VERSIONS_LST = `
7.6p2-4 7.6-0 1
1.0.3-3 1.0-1 1
1.3 1.2.2-2 1
1.3 1.2.2 1
1:0.4 10.3 1
1:1.25-4 1:1.25-8 -1
0:1.18.36 1.18.36 0
1.18.36 1.18.35 1
0:1.18.36 1.18.35 1
9:1.18.36:5.4-20 10:0.5.1-22 -1
9:1.18.36:5.4-20 9:1.18.36:5.5-1 -1
9:1.18.36:5.4-20 9:1.18.37:4.3-22 -1
1.18.36-0.17.35-18 1.18.36-19 1
1:1.2.13-3 1:1.2.13-3.1 -1
2.0.7pre1-4 2.0.7r-1 -1
0-pre 0-pre 0
0-pre 0-pree -1
1.1.6r2-2 1.1.6r-1 1
2.6b2-1 2.6b-2 1
98.1p5-1 98.1-pre2-b6-2 -1
0.4a6-2 0.4-1 1
1:3.0.5-2 1:3.0.5.1 -1
3.0~rc1-1 3.0-1 -1
1.0 1.0-0 0
0.2 1.0-0 -1
1.0 1.0-0+b1 -1
1.0 1.0-0~ 1
0:0-0-0 0-0 1
0 0 0
0 00 0
1.2.3 1.2.3 0
4.4.3-2 4.4.3-2 0
1:2ab:5 1:2ab:5 0
7:1-a:b-5 7:1-a:b-5 0
57:1.2.3abYZ+~-4-5 57:1.2.3abYZ+~-4-5 0
1.2.3 0:1.2.3 0
1.2.3 1.2.3-0 0
009 9 0
009ab5 9ab5 0
1.2.3 1.2.3-1 -1
1.2.3 1.2.4 -1
1.2.4 1.2.3 1
1.2.24 1.2.3 1
0.10.0 0.8.7 1
3.2 2.3 1
1.3.2a 1.3.2 1
0.5.0~git 0.5.0~git2 -1
2a 21 -1
1.3.2a 1.3.2b -1
1:1.2.3 1.2.4 1
1:1.2.3 1:1.2.4 -1
1.2a+~bCd3 1.2a++ -1
1.2a+~bCd3 1.2a+~ 1
5:2 304-2 1
5:2 304:2 -1
25:2 3:2 1
1:2:123 1:12:3 -1
1.2-5 1.2-3-5 -1
5.10.0 5.005 1
3a9.8 3.10.2 -1
3a9.8 3~10 1
1.4+OOo3.0.0~ 1.4+OOo3.0.0-4 -1
2.4.7-1 2.4.7-z -1
1.002-1+b2 1.00 1
`;

/** rpm tests/rpmvercmp.at: RPMVERCMP(a, b, r). */
const RPMVERCMP_AT = `
1.0 1.0 0|1.0 2.0 -1|2.0 1.0 1|2.0.1 2.0.1 0|2.0 2.0.1 -1|2.0.1 2.0 1|2.0.1a 2.0.1a 0|2.0.1a 2.0.1 1|2.0.1 2.0.1a -1
5.5p1 5.5p1 0|5.5p1 5.5p2 -1|5.5p2 5.5p1 1|5.5p10 5.5p10 0|5.5p1 5.5p10 -1|5.5p10 5.5p1 1|10xyz 10.1xyz -1|10.1xyz 10xyz 1
xyz10 xyz10 0|xyz10 xyz10.1 -1|xyz10.1 xyz10 1|xyz.4 xyz.4 0|xyz.4 8 -1|8 xyz.4 1|xyz.4 2 -1|2 xyz.4 1|5.5p2 5.6p1 -1
5.6p1 5.5p2 1|5.6p1 6.5p1 -1|6.5p1 5.6p1 1|6.0.rc1 6.0 1|6.0 6.0.rc1 -1|10b2 10a1 1|10a2 10b2 -1|1.0aa 1.0aa 0|1.0a 1.0aa -1
1.0aa 1.0a 1|10.0001 10.0001 0|10.0001 10.1 0|10.1 10.0001 0|10.0001 10.0039 -1|10.0039 10.0001 1|4.999.9 5.0 -1|5.0 4.999.9 1
20101121 20101121 0|20101121 20101122 -1|20101122 20101121 1|2_0 2_0 0|2.0 2_0 0|2_0 2.0 0|a a 0|a+ a+ 0|a+ a_ 0|a_ a+ 0
+a +a 0|+a _a 0|_a +a 0|+_ +_ 0|_+ +_ 0|_+ _+ 0|+ _ 0|_ + 0|1.0~rc1 1.0~rc1 0|1.0~rc1 1.0 -1|1.0 1.0~rc1 1|1.0~rc1 1.0~rc2 -1
1.0~rc2 1.0~rc1 1|1.0~rc1~git123 1.0~rc1~git123 0|1.0~rc1~git123 1.0~rc1 -1|1.0~rc1 1.0~rc1~git123 1|1.0^ 1.0^ 0|1.0^ 1.0 1
1.0 1.0^ -1|1.0^git1 1.0^git1 0|1.0^git1 1.0 1|1.0 1.0^git1 -1|1.0^git1 1.0^git2 -1|1.0^git2 1.0^git1 1|1.0^git1 1.01 -1
1.01 1.0^git1 1|1.0^20160101 1.0^20160101 0|1.0^20160101 1.0.1 -1|1.0.1 1.0^20160101 1|1.0^20160101^git1 1.0^20160101^git1 0
1.0^20160102 1.0^20160101^git1 1|1.0^20160101^git1 1.0^20160102 -1|1.0~rc1^git1 1.0~rc1^git1 0|1.0~rc1^git1 1.0~rc1 1
1.0~rc1 1.0~rc1^git1 -1|1.0^git1~pre 1.0^git1~pre 0|1.0^git1 1.0^git1~pre 1|1.0^git1~pre 1.0^git1 -1
`;

const triples = (text: string, split: RegExp): Array<readonly [string, string, -1 | 0 | 1]> =>
  text
    .split(split)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [a, b, r] = l.split(' ');
      return [a as string, b as string, Number(r) as -1 | 0 | 1] as const;
    });

export const DEB: SchemeData = {
  source:
    'Debian/apt test/libapt/versions.lst @ 04b73012bd80884d26da7157ee0c37f70f2c0b9c (every comparison line); ' +
    'Debian Policy 5.6.12 (https://www.debian.org/doc/debian-policy/ch-controlfields.html#version): ' +
    '"~~, ~~a, ~, the empty part, a" and 1.0~rc1 < 1.0 < 1.0+b1',
  chains: [
    {
      name: 'Debian Policy 5.6.12 tilde ordering (as versions)',
      links: ['1~~', '1~~a', '1~', '1', '1a'],
    },
    { name: 'Warrant: pre-release, release, binNMU', links: ['1.0~rc1', '1.0', '1.0+b1'] },
    {
      name: 'Warrant: the epoch outranks the upstream version',
      links: ['2.0', '1:0.1', '1:1.0', '2:0.1'],
    },
  ],
  pairs: triples(APT_VERSIONS_LST, /\n/),
  invalid: ['a1.0', '1.0-', ':1.0', 'x:1.0', '1:', '1.0_1', '1.0-1_2', '2147483648:1.0', '1.0 2'],
};

export const RPM: SchemeData = {
  source:
    'rpm-software-management/rpm tests/rpmvercmp.at @ 7f3fdf6868d72fbdef3386345ff39b3744fa4b14 (every RPMVERCMP line); ' +
    'epoch:version-release ordering from the rpm dependencies manual (https://rpm-software-management.github.io/rpm/manual/dependencies.html)',
  chains: [
    {
      name: 'Warrant: tilde and caret around a release',
      links: ['1.0~rc1', '1.0', '1.0^git1', '1.0.1'],
    },
    { name: 'Warrant: release after version, epoch first', links: ['2.0-1', '2.0-2', '1:1.0-1'] },
  ],
  pairs: triples(RPMVERCMP_AT, /[|\n]/),
  invalid: ['1.0-', '-1', 'a:1.0', '1:2:3', '1.0-1-2', '1.0 2', '1.0#1'],
};

export const GEM: SchemeData = {
  source:
    'rubygems/rubygems test/rubygems/test_gem_version.rb @ f0d9440234a3a91bc0218242e8e2f9bf269c7d86 ' +
    '(test_spaceship, test_semver, test_equals2, test_canonical_segments, test_frozen_version, test_initialize_invalid)',
  chains: [
    {
      name: 'test_semver',
      links: ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1'],
    },
    { name: 'test_semver: rc1 below the release', links: ['1.0.0-rc1', '1.0.0'] },
    { name: 'test_semver: a hyphen makes a prerelease', links: ['1.0.0-1', '1'] },
    { name: 'test_frozen_version', links: ['1.freeze.test', '1'] },
  ],
  pairs: [
    ['1.0', '1.0.0', 0],
    ['1.0', '1.0.a', 1],
    ['1.8.2', '0.0.0', 1],
    ['1.8.2', '1.8.2.a', 1],
    ['1.8.2.b', '1.8.2.a', 1],
    ['1.8.2.a', '1.8.2', -1],
    ['1.8.2.a10', '1.8.2.a9', 1],
    ['0.beta.1', '0.0.beta.1', 0],
    ['0.0.beta', '0.0.beta.1', -1],
    ['0.0.beta', '0.beta.1', -1],
    ['5.a', '5.0.0.rc2', -1],
    ['5.x', '5.0.0.rc2', 1],
    ['1.2', '1.2', 0],
    ['1.2', '1.3', -1],
    ['1.2.b1', '1.2.b.1', 0],
    ['1.2.pre.1', '1.2.0.pre.1.0', 0],
    ['1.0.0.a.1.0', '1.a.1', 0],
  ],
  invalid: [
    'junk',
    '1..2',
    '1.2 3.4',
    '2.3422222.222.222222222.22222.ads0as.dasd0.ddd2222.2.qd3e.',
    'a1.0',
  ],
};
