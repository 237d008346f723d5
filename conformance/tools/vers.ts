/**
 * Generates conformance/vers/*.json: one ordering file per scheme (published examples plus
 * Warrant's own cases), parse.json (vers syntax and validation) and contains.json
 * (containment). Upstream vers-spec files are read verbatim from conformance/vers/upstream/.
 *
 *   npx tsx --conditions=@warrant/source conformance/tools/vers.ts
 * @module
 */
import { APK_VERSION_DATA } from './vers-data-apk';
import { CARGO, GOLANG, MAVEN, NPM, PYPI, SEMVER, type Link, type SchemeData } from './vers-data';
import { DEB, GEM, RPM } from './vers-data-os';
import { OWN_CONTAINS, OWN_GENERIC, OWN_ORDERING, OWN_PAIRS, OWN_PARSE } from './vers-own-cases';
import { readJson, writeVectors, type VectorCase } from './match-vectors';

const VERS_SPEC = 'package-url/vers-spec';

interface UpstreamTest {
  readonly description: string;
  readonly test_type: string;
  readonly input: unknown;
  readonly expected_output?: unknown;
  readonly expected_failure?: boolean;
}
const upstream = (file: string): ReadonlyArray<UpstreamTest> =>
  (readJson(`vers/upstream/${file}`) as { tests: UpstreamTest[] }).tests;

// --- ordering files ----------------------------------------------------------

const orderingCases = (scheme: string, data: SchemeData): VectorCase[] => {
  const out: VectorCase[] = [];
  for (const chain of data.chains) {
    out.push({
      name: chain.name,
      input: {
        scheme,
        versions: chain.links.map((l: Link) => (typeof l === 'string' ? l : (l[0] as string))),
      },
      expected: 'ascending',
    });
    for (const link of chain.links) {
      if (typeof link === 'string') continue;
      for (const other of link.slice(1)) {
        out.push({
          name: `${chain.name}: ${link[0]} = ${other}`,
          input: { scheme, a: link[0], b: other },
          expected: 0,
        });
      }
    }
  }
  const seen = new Set<string>();
  for (const [a, b, r] of data.pairs) {
    const key = `${a} ${b}`;
    if (seen.has(key)) continue; // the sources repeat some comparisons
    seen.add(key);
    out.push({ name: `compare(${a}, ${b}) = ${r}`, input: { scheme, a, b }, expected: r });
  }
  for (const v of data.invalid) {
    out.push({
      name: `invalid: ${JSON.stringify(v)}`,
      input: { scheme, version: v },
      error: 'CORE_VERSION_INVALID',
    });
  }
  return out;
};

const APK: SchemeData = {
  source:
    'alpinelinux/apk-tools test/version.data @ 50ab589e9a5a84592ee4c0ac5a49506bb6c552fc (every line on valid versions)',
  chains: [],
  pairs: APK_VERSION_DATA.split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [a, op, b] = l.trim().split(' ');
      return [a as string, b as string, op === '<' ? -1 : op === '>' ? 1 : 0] as const;
    }),
  invalid: ['1.0bc', '23_foo', '1.0-r', '1.0_rc1-r1-r2', 'v1.0', '1.0A', '.1', '1..2', '1.0~abc'],
};

const nuget = (): SchemeData => {
  const chains: Array<{ name: string; links: Link[] }> = [];
  const pairs: Array<readonly [string, string, -1 | 0 | 1]> = [];
  const unequal: Array<readonly [string, string]> = [];
  for (const t of upstream('nuget_version_cmp_test.json')) {
    const versions = (t.input as { versions: [string, string] }).versions;
    if (t.test_type === 'comparison') {
      chains.push({
        name: `vers-spec nuget comparison ${versions.join(' / ')}`,
        links: t.expected_output as string[],
      });
    } else if (t.expected_output === true) {
      pairs.push([versions[0], versions[1], 0]);
    } else {
      unequal.push([versions[0], versions[1]]);
    }
  }
  NUGET_UNEQUAL.push(...unequal);
  return {
    source: `${VERS_SPEC} tests/nuget_version_cmp_test.json @ 2b50a36fdeae3a14a63833cff4ad7607ec5ab47a (verbatim in upstream/; NuGet's VersionComparerTests data)`,
    chains,
    pairs,
    invalid: [
      '1.0.0.0.0',
      '1.0-',
      '1.0+',
      '1.0.0-beta..1',
      '2147483648.0.0',
      'a.b.c',
      '1.0.0-béta',
    ],
  };
};
const NUGET_UNEQUAL: Array<readonly [string, string]> = [];

const SCHEMES: ReadonlyArray<readonly [string, string, () => SchemeData]> = [
  ['semver', 'SemVer 2.0.0 precedence (scheme semver)', () => SEMVER],
  ['npm', 'npm (node-semver) ordering', () => NPM],
  ['cargo', 'cargo (SemVer 2.0.0) ordering', () => CARGO],
  ['golang', 'Go module version ordering (golang.org/x/mod/semver)', () => GOLANG],
  ['pypi', 'PEP 440 ordering', () => PYPI],
  ['maven', 'Maven ComparableVersion ordering', () => MAVEN],
  ['deb', 'Debian (dpkg) ordering', () => DEB],
  ['rpm', 'RPM (rpmvercmp, epoch:version-release) ordering', () => RPM],
  ['apk', 'Alpine apk ordering', () => APK],
  ['gem', 'RubyGems (Gem::Version) ordering', () => GEM],
  ['nuget', 'NuGet (NuGetVersion) ordering', nuget],
];

for (const [scheme, title, data] of SCHEMES) {
  const d = data();
  const own = OWN_ORDERING[scheme] ?? [];
  const ownPairs = OWN_PAIRS[scheme] ?? [];
  const cases = [
    ...orderingCases(scheme, d),
    ...orderingCases(scheme, { source: '', chains: own, pairs: ownPairs, invalid: [] }).map((c) =>
      c.name.startsWith('Warrant:') ? c : { ...c, name: `Warrant: ${c.name}` },
    ),
  ];
  if (scheme === 'nuget') {
    for (const [a, b] of NUGET_UNEQUAL) {
      cases.push({ name: `unequal(${a}, ${b})`, input: { scheme, a, b }, expected: 'unequal' });
    }
  }
  writeVectors(`vers/${scheme}.json`, {
    description:
      `${title}. input {scheme, versions} expects "ascending" (every element strictly below every later one); ` +
      'input {scheme, a, b} expects compareVersions(scheme, a, b) (-1, 0, 1, or "unequal" for any non-zero); ' +
      'input {scheme, version} with error expects CORE_VERSION_INVALID',
    source: `${d.source}${own.length + ownPairs.length > 0 ? '; cases named "Warrant: …" written for Warrant' : ''} (generated by conformance/tools/vers.ts)`,
    cases,
  });
}

writeVectors('vers/generic.json', {
  description:
    'The generic fallback scheme (docs/spec/scope-matching.md, "generic"): same shapes as the other ordering files',
  source: 'written for Warrant (generated by conformance/tools/vers.ts)',
  cases: orderingCases('generic', OWN_GENERIC),
});

// --- parse and contains --------------------------------------------------------

const SKIPPED_SCHEMES = ['lexicographic', 'datetime']; // no Warrant comparator: CORE_VERS_UNSUPPORTED_SCHEME

const parseCases = (): VectorCase[] => {
  const out: VectorCase[] = [];
  for (const t of upstream('vers_canonical_parse_test.json')) {
    if (t.test_type !== 'parse') continue;
    const input = t.input as string;
    if (SKIPPED_SCHEMES.some((s) => input.startsWith(`vers:${s}/`))) continue;
    const name = `vers-spec: ${t.description}`;
    if (input === 'vers:npm/1.0%252F0') {
      // Warrant checks every version against its scheme (the required sort order needs it):
      // "1.0%2F0" is not an npm version. The same decoding is pinned with vers:generic below.
      out.push({
        name: `${name} (1.0%2F0 is not an npm version)`,
        input,
        error: 'CORE_VERSION_INVALID',
      });
      continue;
    }
    if (t.expected_failure === true) {
      out.push({ name, input, error: 'CORE_VERS_INVALID' });
    } else {
      const o = t.expected_output as { type: string; constraints: Array<[string, string]> };
      out.push({ name, input, expected: { scheme: o.type, constraints: o.constraints } });
    }
  }
  return [...out, ...OWN_PARSE];
};

writeVectors('vers/parse.json', {
  description:
    'vers parsing and validation: input is the text; expected {scheme, constraints: [[comparator, version]], canonical?} ' +
    '("=" for a bare version, versions percent-decoded, "*" as []); error cases name the code',
  source:
    `${VERS_SPEC} tests/vers_canonical_parse_test.json @ 06e9225a8c45da7364e23f3405c3e6f3b4c59692 (verbatim in upstream/; ` +
    'its lexicographic and datetime cases are skipped: Warrant has no comparator for those schemes); ' +
    'other cases written for Warrant (generated by conformance/tools/vers.ts)',
  cases: parseCases(),
});

const containsCases = (): VectorCase[] => {
  const out: VectorCase[] = [];
  for (const file of ['npm_range_containment_test.json', 'pypi_range_containment_test.json']) {
    for (const t of upstream(file)) {
      const input = t.input as { vers: string; version: string };
      const unsorted = UNSORTED_UPSTREAM.includes(input.vers);
      out.push(
        unsorted
          ? {
              name: `vers-spec (not in canonical order): ${input.vers} ∋ ${input.version}`,
              input,
              error: 'CORE_VERS_INVALID',
            }
          : {
              name: `vers-spec: ${input.vers} ∋ ${input.version}`,
              input,
              expected: { contained: t.expected_output },
            },
      );
    }
  }
  return [...out, ...OWN_CONTAINS];
};
// vers-spec's older "recommended" containment tests list constraints out of version order,
// which its newer "required" canonical-parse tests reject; Warrant follows the latter.
const UNSORTED_UPSTREAM = [
  'vers:pypi/>=3.0.0|2.0.3',
  'vers:pypi/>=3.0.0|!=2.0.3',
  'vers:pypi/0.0.2|0.0.6|>=3.0.0|0.0.1|0.0.4|0.0.5|0.0.3',
];

writeVectors('vers/contains.json', {
  description:
    'vers containment: input {vers, version}; expected {contained, rule?} (rule as in VersContainment); ' +
    'error cases name the code (an invalid range or a version its scheme rejects)',
  source:
    `${VERS_SPEC} tests/npm_range_containment_test.json and tests/pypi_range_containment_test.json @ ` +
    '5434269580f4bc43e03167061bbf259e0bee5035 (verbatim in upstream/); other cases written for Warrant ' +
    '(generated by conformance/tools/vers.ts)',
  cases: containsCases(),
});
