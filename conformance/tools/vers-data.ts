/**
 * Published ordering examples per scheme, transcribed with their source. Chains are strictly
 * ascending; groups inside a chain (arrays) are versions the source declares equal. Pairs are
 * [a, b, expected compare(a, b)]. Only the facts (versions and their order) are kept.
 * @module
 */

/** One link of a chain: a version, or a group of equal versions. */
export type Link = string | ReadonlyArray<string>;
/** Published data for one scheme. */
export interface SchemeData {
  readonly source: string;
  readonly chains: ReadonlyArray<{ readonly name: string; readonly links: ReadonlyArray<Link> }>;
  readonly pairs: ReadonlyArray<readonly [string, string, -1 | 0 | 1]>;
  readonly invalid: ReadonlyArray<string>;
}

// semver.org 2.0.0, items 9-11 (precedence examples and build metadata), shared by npm/cargo/semver.
const SEMVER_ORG_CHAINS = [
  {
    name: 'semver.org item 11.4 pre-release precedence',
    links: [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ],
  },
  { name: 'semver.org item 11.2 numeric precedence', links: ['1.0.0', '2.0.0', '2.1.0', '2.1.1'] },
  { name: 'semver.org item 11.3 pre-release below release', links: ['1.0.0-alpha', '1.0.0'] },
];
const SEMVER_ORG_PAIRS: ReadonlyArray<readonly [string, string, -1 | 0 | 1]> = [
  ['1.0.0-alpha+001', '1.0.0-alpha', 0],
  ['1.0.0+20130313144700', '1.0.0', 0],
  ['1.0.0-beta+exp.sha.5114f85', '1.0.0-beta', 0],
  ['1.0.0+21AF26D3----117B344092BD', '1.0.0', 0],
];
const SEMVER_INVALID = [
  '01.0.0',
  '1.0',
  '1.0.0-01',
  '1.0.0-',
  '1.0.0+',
  '1.0.0-alpha..1',
  '1.2.3.4',
];

export const SEMVER: SchemeData = {
  source:
    'semver.org Semantic Versioning 2.0.0, items 9, 10, 11 (https://semver.org/spec/v2.0.0.html)',
  chains: SEMVER_ORG_CHAINS,
  pairs: SEMVER_ORG_PAIRS,
  invalid: [...SEMVER_INVALID, 'v1.0.0'],
};

export const NPM: SchemeData = {
  source:
    'semver.org 2.0.0 items 9-11; node-semver accepts a leading "v" (https://github.com/npm/node-semver#versions)',
  chains: SEMVER_ORG_CHAINS,
  pairs: [...SEMVER_ORG_PAIRS, ['v1.2.3', '1.2.3', 0]],
  invalid: SEMVER_INVALID,
};

export const CARGO: SchemeData = {
  source:
    'semver.org 2.0.0 items 9-11 (cargo uses SemVer 2.0.0: https://doc.rust-lang.org/cargo/reference/resolver.html#semver-compatibility)',
  chains: SEMVER_ORG_CHAINS,
  pairs: SEMVER_ORG_PAIRS,
  invalid: [...SEMVER_INVALID, 'v1.0.0'],
};

export const GOLANG: SchemeData = {
  source:
    'golang/mod semver/semver_test.go @ 8b446299501e373f4d7a7d8869d5646e9bfb2e96 (the "tests" table and TestCompare)',
  chains: [
    {
      name: 'x/mod/semver tests table order',
      links: [
        'v1.0.0-alpha',
        'v1.0.0-alpha.1',
        'v1.0.0-alpha.beta',
        'v1.0.0-beta',
        'v1.0.0-beta.2',
        'v1.0.0-beta.11',
        'v1.0.0-rc.1',
        ['v1', 'v1.0', 'v1.0.0'],
        ['v1.2', 'v1.2.0'],
        'v1.2.3-456',
        'v1.2.3-456.789',
        'v1.2.3-456-789',
        'v1.2.3-456a',
        ['v1.2.3-pre', 'v1.2.3-pre+meta'],
        'v1.2.3-pre.1',
        'v1.2.3-zzz',
        ['v1.2.3', 'v1.2.3+meta', 'v1.2.3+meta-pre', 'v1.2.3+meta-pre.sha.256a'],
      ],
    },
    {
      name: 'pseudo-version below its base; +incompatible is build metadata',
      links: ['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0', ['v2.0.0', 'v2.0.0+incompatible']],
    },
  ],
  // TestCompare's extra table also lists {"v1.19", "v1.2", -1} in the stored copy; that contradicts
  // x/mod's own compareInt (longer number is larger) and SemVer, so it is left out; Warrant's
  // chain "v1.2 < v1.19" pins the SemVer answer.
  pairs: [
    ['v1', 'v1', 0],
    ['v2', 'v1', 1],
    ['v1', 'v2', -1],
  ],
  invalid: [
    'bad',
    'v1-alpha.beta.gamma',
    'v1-pre',
    'v1+meta',
    'v1-pre+meta',
    'v1.2-pre',
    'v1.2+meta',
    'v1.2-pre+meta',
    '1.2.3',
    'v01.2.3',
  ],
};

export const PYPI: SchemeData = {
  source:
    'PEP 440 (https://peps.python.org/pep-0440/): "Summary of permitted suffixes and relative ordering" example list; ' +
    'equalities from the "Normalization" section; epochs from "Version epochs"',
  chains: [
    {
      name: 'PEP 440 summary example',
      links: [
        '1.dev0',
        '1.0.dev456',
        '1.0a1',
        '1.0a2.dev456',
        '1.0a12.dev456',
        '1.0a12',
        '1.0b1.dev456',
        '1.0b2',
        '1.0b2.post345.dev456',
        '1.0b2.post345',
        '1.0rc1.dev456',
        '1.0rc1',
        '1.0',
        '1.0+abc.5',
        '1.0+abc.7',
        '1.0+5',
        '1.0.post456.dev34',
        '1.0.post456',
        '1.0.15',
        '1.1.dev1',
      ],
    },
    { name: 'PEP 440 epochs', links: ['2013.10', '2014.04', '1!1.0', '1!1.1', '1!2.0'] },
  ],
  pairs: [
    ['1.0', '1.0.0', 0],
    ['1.1RC1', '1.1rc1', 0],
    ['1.0a', '1.0a0', 0],
    ['1.1.a1', '1.1a1', 0],
    ['1.0-a1', '1.0a1', 0],
    ['1.0alpha1', '1.0a1', 0],
    ['1.0beta2', '1.0b2', 0],
    ['1.0c1', '1.0rc1', 0],
    ['1.0pre1', '1.0rc1', 0],
    ['1.0preview1', '1.0rc1', 0],
    ['1.0-post1', '1.0.post1', 0],
    ['1.0.post.1', '1.0.post1', 0],
    ['1.0r1', '1.0.post1', 0],
    ['1.0rev1', '1.0.post1', 0],
    ['1.0-1', '1.0.post1', 0],
    ['1.0.post', '1.0.post0', 0],
    ['1.0-dev1', '1.0.dev1', 0],
    ['1.0dev', '1.0.dev0', 0],
    ['1.0+ubuntu-1', '1.0+ubuntu.1', 0],
    ['1.0+ABC', '1.0+abc', 0],
    ['v1.0', '1.0', 0],
    ['0!1.0', '1.0', 0],
    ['1.0+01', '1.0+1', 0],
  ],
  invalid: ['1.0+', '1.0a1a1', 'french toast', '1.0+abc_', '1.0.', 'a1.0', '1.0-'],
};

export const MAVEN: SchemeData = {
  source:
    'apache/maven maven-artifact/src/test/java/org/apache/maven/artifact/versioning/ComparableVersionTest.java @ ' +
    '5bc542fce94ec873f503e9e127fbfd9d46d3a11d (VERSIONS_QUALIFIER, VERSIONS_NUMBER, testVersionsEqual, testVersionComparing, ' +
    'testMng5568, testMng6572, testVersionEqualWithLeadingZeroes, testVersionZeroEqualWithLeadingZeroes, testMng6964, ' +
    'testLocaleIndependent); POM reference "Version Order Specification" examples (https://maven.apache.org/pom.html#version-order-specification)',
  chains: [
    {
      name: 'ComparableVersionTest VERSIONS_QUALIFIER',
      links: [
        '1-alpha2snapshot',
        '1-alpha2',
        '1-alpha-123',
        '1-beta-2',
        '1-beta123',
        '1-m2',
        '1-m11',
        '1-rc',
        '1-cr2',
        '1-rc123',
        '1-SNAPSHOT',
        '1',
        '1-sp',
        '1-sp2',
        '1-sp123',
        '1-abc',
        '1-def',
        '1-pom-1',
        '1-1-snapshot',
        '1-1',
        '1-2',
        '1-123',
      ],
    },
    {
      name: 'ComparableVersionTest VERSIONS_NUMBER',
      links: [
        '2.0',
        '2-1',
        '2.0.a',
        '2.0.0.a',
        '2.0.2',
        '2.0.123',
        '2.1.0',
        '2.1-a',
        '2.1b',
        '2.1-c',
        '2.1-1',
        '2.1.0.1',
        '2.2',
        '2.123',
        '11.a2',
        '11.a11',
        '11.b2',
        '11.b11',
        '11.m2',
        '11.m11',
        '11',
        '11.a',
        '11b',
        '11c',
        '11m',
      ],
    },
    { name: 'ComparableVersionTest testMng5568', links: ['6.1.0rc3', '6.1.0', '6.1H.5-beta'] },
    {
      name: 'ComparableVersionTest testMng6572',
      links: [
        '20190126.230843',
        '1234567890.12345',
        '123456789012345.1H.5-beta',
        '12345678901234567890.1H.5-beta',
      ],
    },
    {
      name: 'ComparableVersionTest leading zeroes',
      links: [
        [
          '0000000000000000000',
          '000000000000000000',
          '00000000000000000',
          '0000000000000000',
          '000000000000000',
          '00000000000000',
          '0000000000000',
          '000000000000',
          '00000000000',
          '0000000000',
          '000000000',
          '00000000',
          '0000000',
          '000000',
          '00000',
          '0000',
          '000',
          '00',
          '0',
        ],
        [
          '0000000000000000001',
          '000000000000000001',
          '00000000000000001',
          '0000000000000001',
          '000000000000001',
          '00000000000001',
          '0000000000001',
          '000000000001',
          '00000000001',
          '0000000001',
          '000000001',
          '00000001',
          '0000001',
          '000001',
          '00001',
          '0001',
          '001',
          '01',
          '1',
        ],
      ],
    },
    { name: 'ComparableVersionTest testMng6964', links: ['1-0.alpha', '1-0.beta', '1'] },
    { name: 'POM reference: number padding', links: ['1', '1.1'] },
    {
      name: 'POM reference: qualifier padding',
      links: ['1-snapshot', ['1', '1.ga', '1-ga', '1-0', '1.0'], '1-sp'],
    },
    { name: 'POM reference: numeric order inside qualifiers', links: ['1-foo2', '1-foo10'] },
    { name: 'POM reference: sp above ga', links: ['1-ga.1', '1-sp.1'] },
    { name: 'POM reference: 1-sp-1 below 1-ga-1', links: ['1-sp-1', '1-ga-1'] },
    { name: 'POM reference: letters below numbers', links: ['1.K', '1.7'] },
    { name: 'POM reference: unknown qualifiers alphabetical', links: ['5.aardvark', '5.zebra'] },
  ],
  pairs: [
    ...(
      [
        ['1', '1'],
        ['1', '1.0'],
        ['1', '1.0.0'],
        ['1.0', '1.0.0'],
        ['1', '1-0'],
        ['1', '1.0-0'],
        ['1.0', '1.0-0'],
        ['1a', '1-a'],
        ['1a', '1.0-a'],
        ['1a', '1.0.0-a'],
        ['1.0a', '1-a'],
        ['1.0.0a', '1-a'],
        ['1x', '1-x'],
        ['1x', '1.0-x'],
        ['1x', '1.0.0-x'],
        ['1.0x', '1-x'],
        ['1.0.0x', '1-x'],
        ['1ga', '1'],
        ['1release', '1'],
        ['1final', '1'],
        ['1cr', '1rc'],
        ['1a1', '1-alpha-1'],
        ['1b2', '1-beta-2'],
        ['1m3', '1-milestone-3'],
        ['1X', '1x'],
        ['1A', '1a'],
        ['1B', '1b'],
        ['1M', '1m'],
        ['1Ga', '1'],
        ['1GA', '1'],
        ['1RELEASE', '1'],
        ['1RELeaSE', '1'],
        ['1Final', '1'],
        ['1FinaL', '1'],
        ['1FINAL', '1'],
        ['1Cr', '1Rc'],
        ['1cR', '1rC'],
        ['1m3', '1Milestone3'],
        ['1m3', '1MileStone3'],
        ['1m3', '1MILESTONE3'],
        ['1-abcdefghijklmnopqrstuvwxyz', '1-ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
        ['1-a1', '1-alpha-1'],
        ['1.0-alpha1', '1.0-ALPHA1'],
      ] as const
    ).map(([a, b]) => [a, b, 0] as const),
    ...(
      [
        ['1', '2'],
        ['1.5', '2'],
        ['1', '2.5'],
        ['1.0', '1.1'],
        ['1.1', '1.2'],
        ['1.0.0', '1.1'],
        ['1.0.1', '1.1'],
        ['1.1', '1.2.0'],
        ['1.0-alpha-1', '1.0'],
        ['1.0-alpha-1', '1.0-alpha-2'],
        ['1.0-alpha-1', '1.0-beta-1'],
        ['1.0-beta-1', '1.0-SNAPSHOT'],
        ['1.0-SNAPSHOT', '1.0'],
        ['1.0-alpha-1-SNAPSHOT', '1.0-alpha-1'],
        ['1.0', '1.0-1'],
        ['1.0-1', '1.0-2'],
        ['1.0.0', '1.0-1'],
        ['2.0-1', '2.0.1'],
        ['2.0.1-klm', '2.0.1-lmn'],
        ['2.0.1', '2.0.1-xyz'],
        ['2.0.1', '2.0.1-123'],
        ['2.0.1-xyz', '2.0.1-123'],
      ] as const
    ).map(([a, b]) => [a, b, -1] as const),
  ],
  invalid: ['1.0\u00e9', '1.0\t1'],
};
