/**
 * Cases written for Warrant (not transcribed from a published source): extra ordering chains
 * that pin documented choices, the generic scheme, vers parsing and containment.
 * @module
 */
import type { VectorCase } from './match-vectors';
import type { SchemeData } from './vers-data';

type Chain = SchemeData['chains'][number];

/** Extra chains per scheme; each name starts with "Warrant:". */
export const OWN_ORDERING: Readonly<Record<string, ReadonlyArray<Chain>>> = {
  semver: [
    {
      name: 'Warrant: numbers beyond 2^53 compare exactly',
      links: ['9007199254740993.0.0', '99999999999999999999.0.0'],
    },
  ],
  npm: [
    {
      name: 'Warrant: numbers beyond 2^53 compare exactly',
      links: ['9007199254740992.0.0', '9007199254740993.0.0'],
    },
  ],
  golang: [{ name: 'Warrant: minor numbers compare by value', links: ['v1.2', 'v1.19'] }],
  pypi: [
    {
      name: 'Warrant: suffix ranks around one release',
      links: [
        '1.0.dev0',
        '1.0a0',
        '1.0b0',
        '1.0rc0',
        '1.0',
        '1.0+local',
        '1.0.post0.dev0',
        '1.0.post0',
        '1.0.1',
      ],
    },
  ],
  maven: [
    {
      name: 'Warrant: release is an alias of the empty qualifier',
      links: [['1', '1-release', '1.RELEASE']],
    },
    {
      name: 'Warrant: MNG-6964, a sub-list against padding looks at every item',
      links: ['1-0.alpha', '1', '1-0.a', '1-0.b'],
    },
  ],
  rpm: [{ name: 'Warrant: a missing release sorts first', links: ['1.0', '1.0-0', '1.0-1'] }],
  apk: [
    {
      name: 'Warrant: suffix ranks',
      links: [
        '1.0_alpha',
        '1.0_beta',
        '1.0_pre',
        '1.0_rc',
        '1.0',
        '1.0_cvs',
        '1.0_svn',
        '1.0_git',
        '1.0_hg',
        '1.0_p',
      ],
    },
    {
      name: 'Warrant: PMS 3.3 leading zeros compare as strings',
      links: [['1.0', '1.00'], ['1.01', '1.010'], '1.1', '1.10'],
    },
    {
      name: 'Warrant: numbers, letter, suffix, revision',
      links: ['1.0', '1.0-r1', '1.0a', '1.0a_p1', '1.0.1'],
    },
  ],
};

/** Extra pairwise facts per scheme, [a, b, compare(a, b)]. */
export const OWN_PAIRS: Readonly<
  Record<string, ReadonlyArray<readonly [string, string, -1 | 0 | 1]>>
> = {
  // ComparableVersion is not transitive here (1.0.alpha < 1 < 1.b < 1.0.alpha); Warrant answers
  // exactly as Maven 3.8 does, and documents the cycle instead of hiding it.
  maven: [
    ['1.0.alpha', '1', -1],
    ['1', '1.b', -1],
    ['1.0.alpha', '1.b', 1],
  ],
  rpm: [
    ['1:1.0-1', '2.0-1', 1],
    ['0:1.0-1', '1.0-1', 0],
  ],
};

/** The generic scheme's cases (all Warrant's). */
export const OWN_GENERIC: SchemeData = {
  source: 'written for Warrant',
  chains: [
    { name: 'numbers compare by value', links: ['1.2', '1.10', '1.10.1', '2', '10'] },
    { name: 'separators only separate', links: [['1.0', '1-0', '1_0', '1:0'], '1.0.1'] },
    {
      name: 'a prefix sorts first, a word before a number',
      links: ['1.0', '1.0a', '1.0b', '1.0.1'],
    },
    { name: 'words compare case-insensitively', links: [['1.0A', '1.0a'], '1.0B'] },
    { name: 'leading zeros do not count', links: [['2024.01.01', '2024.1.1'], '2024.1.2'] },
    { name: 'no pre-release semantics', links: ['1.0', '1.0rc1'] },
  ],
  pairs: [['1.0.0 Final', '1.0.0.final', 0]],
  invalid: ['...', '-', '\t1', 'caf\u00e9'],
};

const parseOk = (
  input: string,
  scheme: string,
  constraints: ReadonlyArray<readonly [string, string]>,
  canonical = input,
): VectorCase => ({
  name: `accepts ${input}`,
  input,
  expected: { scheme, constraints, canonical },
});
const parseErr = (why: string, input: string, code = 'CORE_VERS_INVALID'): VectorCase => ({
  name: `${why}: ${input}`,
  input,
  error: code,
});

/** vers parsing cases. */
export const OWN_PARSE: ReadonlyArray<VectorCase> = [
  {
    name: 'star',
    input: 'vers:npm/*',
    expected: { scheme: 'npm', star: true, constraints: [], canonical: 'vers:npm/*' },
  },
  {
    name: 'all',
    input: 'vers:all/*',
    expected: { scheme: 'all', star: true, constraints: [], canonical: 'vers:all/*' },
  },
  {
    name: 'none',
    input: 'vers:none/*',
    expected: { scheme: 'none', star: true, constraints: [], canonical: 'vers:none/*' },
  },
  parseOk('vers:npm/1.2.3', 'npm', [['=', '1.2.3']]),
  parseOk('vers:npm/1.2.3|>=2.0.0|<5.0.0', 'npm', [
    ['=', '1.2.3'],
    ['>=', '2.0.0'],
    ['<', '5.0.0'],
  ]),
  parseOk('vers:gem/>=2.2.0|!=2.2.1|<2.3.0', 'gem', [
    ['>=', '2.2.0'],
    ['!=', '2.2.1'],
    ['<', '2.3.0'],
  ]),
  parseOk(
    'vers:maven/>=1.0.0-beta1|<=1.7.5|>=7.0.0-M1|<=7.0.7|>=7.1.0|<=7.1.2|>=8.0.0-M1|<=8.0.1',
    'maven',
    [
      ['>=', '1.0.0-beta1'],
      ['<=', '1.7.5'],
      ['>=', '7.0.0-M1'],
      ['<=', '7.0.7'],
      ['>=', '7.1.0'],
      ['<=', '7.1.2'],
      ['>=', '8.0.0-M1'],
      ['<=', '8.0.1'],
    ],
  ),
  parseOk('vers:pypi/0.0.0|0.0.1|0.0.2|0.0.3|1.0|2.0pre1', 'pypi', [
    ['=', '0.0.0'],
    ['=', '0.0.1'],
    ['=', '0.0.2'],
    ['=', '0.0.3'],
    ['=', '1.0'],
    ['=', '2.0pre1'],
  ]),
  parseOk('vers:deb/>=1:1.0~rc1|<1:1.0', 'deb', [
    ['>=', '1:1.0~rc1'],
    ['<', '1:1.0'],
  ]),
  parseOk('vers:rpm/>=7.50.3-1.fc25|<7.61.1-1.fc29', 'rpm', [
    ['>=', '7.50.3-1.fc25'],
    ['<', '7.61.1-1.fc29'],
  ]),
  parseOk('vers:apk/>=1.0_rc1-r0|<1.0-r0', 'apk', [
    ['>=', '1.0_rc1-r0'],
    ['<', '1.0-r0'],
  ]),
  parseOk('vers:alpine/>=2.12.9-r3', 'alpine', [['>=', '2.12.9-r3']]),
  parseOk('vers:golang/>=v1.2.0|<v1.3.0', 'golang', [
    ['>=', 'v1.2.0'],
    ['<', 'v1.3.0'],
  ]),
  parseOk('vers:nuget/>=1.0.0-beta|<1.0.0', 'nuget', [
    ['>=', '1.0.0-beta'],
    ['<', '1.0.0'],
  ]),
  parseOk('vers:cargo/>=0.3.11|<0.4.0', 'cargo', [
    ['>=', '0.3.11'],
    ['<', '0.4.0'],
  ]),
  parseOk('vers:semver/>=1.0.0', 'semver', [['>=', '1.0.0']]),
  parseOk('vers:npm/!=1.0.0', 'npm', [['!=', '1.0.0']]),
  parseOk('vers:npm/<1.0.0|2.0.0|>=3.0.0', 'npm', [
    ['<', '1.0.0'],
    ['=', '2.0.0'],
    ['>=', '3.0.0'],
  ]),
  parseOk('vers:npm/!=0.5.0|>=1.0.0|!=1.5.0|<2.0.0', 'npm', [
    ['!=', '0.5.0'],
    ['>=', '1.0.0'],
    ['!=', '1.5.0'],
    ['<', '2.0.0'],
  ]),
  parseOk('vers:generic/1.0%252F0', 'generic', [['=', '1.0%2F0']]),
  parseOk('vers:generic/1.0%7C2', 'generic', [['=', '1.0|2']]),
  parseOk('vers:generic/1.0%202', 'generic', [['=', '1.0 2']]),
  parseOk('vers:generic/a%7cb', 'generic', [['=', 'a|b']], 'vers:generic/a%7Cb'),
  parseOk(
    'vers:npm/>=1.0.0%2Bbuild.1',
    'npm',
    [['>=', '1.0.0+build.1']],
    'vers:npm/>=1.0.0+build.1',
  ),
  parseErr('URI scheme must be lowercase vers', 'VERS:npm/1.0.0'),
  parseErr('versioning scheme must be lowercase', 'vers:NPM/1.0.0'),
  parseErr('versioning scheme must start with a letter', 'vers:1npm/1.0.0'),
  parseErr('missing slash', 'vers:npm'),
  parseErr('missing URI scheme', 'npm/1.0.0'),
  parseErr('empty constraints', 'vers:npm/'),
  parseErr('star not alone', 'vers:npm/*|1.0.0'),
  parseErr('star not alone', 'vers:npm/1.0.0|*'),
  parseErr('all only takes star', 'vers:all/1.0.0'),
  parseErr('none only takes star', 'vers:none/>=1.0.0'),
  parseErr('equality is a bare version', 'vers:npm/=1.0.0'),
  parseErr('empty version', 'vers:npm/>='),
  parseErr('duplicate version', 'vers:npm/1.0.0|1.0.0'),
  parseErr('versions equal in the scheme are duplicates', 'vers:pypi/1.0|1.0.0'),
  parseErr('a lower bound must be followed by an upper bound', 'vers:npm/>1.0.0|2.0.0'),
  parseErr('two lower bounds in a row', 'vers:npm/>=1.0.0|>=2.0.0'),
  parseErr('two upper bounds in a row', 'vers:npm/<1.0.0|<2.0.0'),
  parseErr('a version followed by an upper bound', 'vers:npm/1.0.0|<2.0.0'),
  parseErr('a redundant upper bound', 'vers:npm/>=1.0.0|<2.0.0|<3.0.0'),
  parseErr('constraints out of version order', 'vers:npm/<2.0.0|>=1.0.0'),
  parseErr('a non-ASCII escape', 'vers:generic/1.0%C3%A9'),
  parseErr('a truncated escape', 'vers:npm/1.0.0%'),
  parseErr('a literal comparator character in a version', 'vers:generic/1.0<2'),
  parseErr('a literal percent that is not an escape', 'vers:generic/1.0%zz'),
  parseErr('a tab', 'vers:npm/1.0.0\t'),
  parseErr('the reserved invalid scheme', 'vers:invalid/1.0.0'),
  parseErr(
    'the reserved test scheme has no order',
    'vers:test/1.0.0',
    'CORE_VERS_UNSUPPORTED_SCHEME',
  ),
  parseErr('an unknown scheme', 'vers:conan/1.0.0', 'CORE_VERS_UNSUPPORTED_SCHEME'),
  parseErr('a version the scheme rejects', 'vers:npm/>=01.0.0', 'CORE_VERSION_INVALID'),
  parseErr('golang versions need the v prefix', 'vers:golang/>=1.0.0', 'CORE_VERSION_INVALID'),
];

const contains = (vers: string, version: string, contained: boolean, rule: string): VectorCase => ({
  name: `${vers} ${contained ? '∋' : '∌'} ${version} (${rule})`,
  input: { vers, version },
  expected: { contained, rule },
});

/** Containment cases, each pinning the rule that decides. */
export const OWN_CONTAINS: ReadonlyArray<VectorCase> = [
  contains('vers:npm/>=1.0.0|<2.0.0', '1.2.3', true, 'interval'),
  contains('vers:npm/>=1.0.0|<2.0.0', '1.0.0', true, 'equal'),
  contains('vers:npm/>=1.0.0|<2.0.0', '2.0.0', false, 'outside'),
  contains('vers:npm/>=1.0.0|<2.0.0', '0.9.0', false, 'outside'),
  contains('vers:npm/>=1.0.0|<2.0.0', '2.0.0-rc.1', true, 'interval'),
  contains('vers:npm/<=1.0.0|>=2.0.0', '1.5.0', false, 'outside'),
  contains('vers:npm/<=1.0.0|>=2.0.0', '3.0.0', true, 'interval'),
  contains('vers:npm/<=1.0.0|>=2.0.0', '0.1.0', true, 'interval'),
  contains('vers:npm/<1.0.0', '1.0.0', false, 'outside'),
  contains('vers:npm/>1.0.0', '1.0.0', false, 'outside'),
  contains('vers:npm/>1.0.0', '1.0.1', true, 'interval'),
  contains('vers:npm/!=1.0.0', '1.0.0', false, 'excluded'),
  contains('vers:npm/!=1.0.0', '1.0.1', true, 'not-excluded'),
  contains('vers:npm/1.0.0|2.0.0', '1.5.0', false, 'outside'),
  contains('vers:npm/1.0.0|2.0.0', '2.0.0', true, 'equal'),
  contains('vers:npm/>=1.0.0|!=1.5.0|<2.0.0', '1.5.0', false, 'excluded'),
  contains('vers:npm/>=1.0.0|!=1.5.0|<2.0.0', '1.6.0', true, 'interval'),
  contains('vers:npm/*', '0.0.1', true, 'star'),
  contains('vers:all/*', '1.0.0', true, 'all'),
  contains('vers:none/*', '1.0.0', false, 'none'),
  contains('vers:pypi/>=1.0|<2.0', '1.0.0', true, 'equal'),
  contains('vers:pypi/<2.0', '2.0.dev1', true, 'interval'),
  contains('vers:maven/>=1.0|<2.0', '2.0-SNAPSHOT', true, 'interval'),
  contains('vers:deb/<1:1.0', '2.0', true, 'interval'),
  contains('vers:rpm/<1.0-1', '1.0', true, 'interval'),
  contains('vers:golang/>=v1.2.0|<v1.3.0', 'v1.2.3+incompatible', true, 'interval'),
  contains('vers:gem/>=2.2.0|!=2.2.1|<2.3.0', '2.2.1', false, 'excluded'),
  contains('vers:gem/>=2.2.0|!=2.2.1|<2.3.0', '2.2.5', true, 'interval'),
  contains('vers:apk/<1.0-r0', '1.0_rc1-r0', true, 'interval'),
  contains('vers:alpine/>=1.2', '1.2.1', true, 'interval'),
  contains('vers:nuget/>=1.0.0', '1.0.0-BETA', false, 'outside'),
  {
    name: 'a version the scheme rejects',
    input: { vers: 'vers:npm/>=1.0.0', version: 'latest' },
    error: 'CORE_VERSION_INVALID',
  },
];
