/**
 * Generates conformance/purl/parse.json and conformance/purl/match.json.
 *
 * parse.json: every `parse` and `roundtrip` test of the verbatim upstream files in
 * conformance/purl/upstream/ (purl-spec, MIT), then Warrant's own cases for type-specific
 * normalization, ECMA-427 canonical encoding and the inputs Warrant refuses. Upstream `build`
 * tests are skipped: Warrant has no build-from-components API.
 * match.json: pattern/candidate/range cases for matchPurl and matchComponent.
 *
 *   npx tsx --conditions=@warrant/source conformance/tools/purl.ts
 * @module
 */
import { MATCH_CASES } from './purl-match-cases';
import { readJson, writeVectors, type VectorCase } from './match-vectors';

interface UpstreamTest {
  readonly description: string;
  readonly test_type: 'parse' | 'roundtrip' | 'build' | 'validation';
  readonly input: unknown;
  readonly expected_output: unknown;
  readonly expected_failure?: boolean;
}

const UPSTREAM = [
  {
    file: 'purl/upstream/specification-test.json',
    source:
      'package-url/purl-spec tests/spec/specification-test.json @ b98304344704da0c3b1a974e9c84a1c66f4553ac',
  },
  {
    file: 'purl/upstream/pypi-test.json',
    source:
      'package-url/purl-spec tests/types/pypi-test.json @ 0495d512e1daceacaa1394d118aeb7b1a07c9cce',
  },
];

const upstreamCases = (): VectorCase[] => {
  const out: VectorCase[] = [];
  const seen = new Set<string>();
  for (const { file } of UPSTREAM) {
    const tests = (readJson(file) as { tests: UpstreamTest[] }).tests;
    for (const t of tests) {
      if (t.test_type !== 'parse' && t.test_type !== 'roundtrip') continue;
      const input = t.input as string;
      const key = `${t.test_type} ${input}`;
      if (seen.has(key)) continue; // upstream repeats a case for "canonical input"
      seen.add(key);
      const name = `${file.split('/').pop()}: ${t.description} (${t.test_type} ${input})`;
      if (t.expected_failure === true) {
        out.push({ name, input, error: 'CORE_PURL_INVALID' });
      } else if (t.test_type === 'roundtrip') {
        out.push({ name, input, expected: { canonical: t.expected_output } });
      } else {
        const o = t.expected_output as Record<string, unknown>;
        out.push({
          name,
          input,
          expected: {
            type: o['type'],
            namespace: o['namespace'],
            name: o['name'],
            version: o['version'],
            qualifiers: o['qualifiers'] ?? {},
            subpath: o['subpath'],
          },
        });
      }
    }
  }
  return out;
};

// Warrant's cases: [name, input, canonical] or [name, input, null] for CORE_PURL_INVALID.
const OWN: ReadonlyArray<readonly [string, string, string | null]> = [
  // type-specific normalization (PURL-TYPES via packageurl-js 2.0.1, plus PEP 503 for pypi)
  [
    'npm: namespace and name lowercased',
    'pkg:npm/%40Angular/Core@12.3.1',
    'pkg:npm/%40angular/core@12.3.1',
  ],
  [
    'npm: unencoded scope @ accepted, written %40',
    'pkg:npm/@angular/core@12.3.1',
    'pkg:npm/%40angular/core@12.3.1',
  ],
  ['npm: unencoded scope without version', 'pkg:npm/@angular/core', 'pkg:npm/%40angular/core'],
  [
    'github: namespace and name lowercased',
    'pkg:github/Package-url/purl-Spec@244fd47e',
    'pkg:github/package-url/purl-spec@244fd47e',
  ],
  [
    'golang: case kept (module paths are case-sensitive)',
    'pkg:golang/github.com/Azure/azure-sdk-for-go@v1.2.3',
    'pkg:golang/github.com/Azure/azure-sdk-for-go@v1.2.3',
  ],
  [
    'golang: subpath slashes trimmed',
    'pkg:GOLANG/google.golang.org/genproto#/googleapis/api/annotations/',
    'pkg:golang/google.golang.org/genproto#googleapis/api/annotations',
  ],
  [
    'rpm: namespace lowercased, name kept',
    'pkg:Rpm/Fedora/Curl@7.50.3-1.fc25?Arch=i386&Distro=fedora-25',
    'pkg:rpm/fedora/Curl@7.50.3-1.fc25?arch=i386&distro=fedora-25',
  ],
  [
    'deb: namespace and name lowercased, + in version encoded',
    'pkg:deb/Debian/Attr@1:2.4.47-2+b1?arch=amd64',
    'pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64',
  ],
  [
    'pypi: PEP 503 name (dots and underscores)',
    'pkg:pypi/Zope.Interface@5.4.0',
    'pkg:pypi/zope-interface@5.4.0',
  ],
  [
    'pypi: runs of separators collapse',
    'pkg:PYPI/Django_package@1.11.1.dev1',
    'pkg:pypi/django-package@1.11.1.dev1',
  ],
  [
    'maven: case kept',
    'pkg:maven/HTTPClient/HTTPClient@0.3-3',
    'pkg:maven/HTTPClient/HTTPClient@0.3-3',
  ],
  [
    'nuget: case kept',
    'pkg:Nuget/EnterpriseLibrary.Common@6.0.1304',
    'pkg:nuget/EnterpriseLibrary.Common@6.0.1304',
  ],
  [
    'huggingface: version lowercased',
    'pkg:huggingface/microsoft/deberta-v3-base@559062AD13D311B87B2C455E67DCD5F1C8F65111',
    'pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111',
  ],
  [
    'pub: name lowercased, dashes to underscores',
    'pkg:pub/Flutter-Test@1.0.0',
    'pkg:pub/flutter_test@1.0.0',
  ],
  [
    'composer: namespace and name lowercased',
    'pkg:composer/Laravel/Laravel@5.5.0',
    'pkg:composer/laravel/laravel@5.5.0',
  ],
  // canonical encoding (ECMA-427)
  [
    'qualifier keys lowercased and sorted',
    'pkg:maven/g/a@1?Type=pom&classifier=sources',
    'pkg:maven/g/a@1?classifier=sources&type=pom',
  ],
  [
    'slash in a qualifier value encoded, colon kept',
    'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?repository_url=https://repo.spring.io/release',
    'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?repository_url=https:%2F%2Frepo.spring.io%2Frelease',
  ],
  [
    'plus in a qualifier value is a plus, not a space',
    'pkg:generic/bitwarderl?vcs_url=git+https://git.fsfe.org/dxtr/bitwarderl%40cc55108da32',
    'pkg:generic/bitwarderl?vcs_url=git%2Bhttps:%2F%2Fgit.fsfe.org%2Fdxtr%2Fbitwarderl%40cc55108da32',
  ],
  [
    'encoded space in version and qualifier',
    'pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my%20value',
    'pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my%20value',
  ],
  ['lowercase escapes written uppercase', 'pkg:generic/caf%c3%a9@1.0', 'pkg:generic/caf%C3%A9@1.0'],
  ['tilde and colon never encoded', 'pkg:generic/a~b@1:2~rc1', 'pkg:generic/a~b@1:2~rc1'],
  [
    'unreserved-looking punctuation encoded',
    "pkg:generic/a!b*c'(d)@1",
    'pkg:generic/a%21b%2Ac%27%28d%29@1',
  ],
  [
    'pkg:// accepted, slashes dropped',
    'pkg://gem/ruby-advisory-db-check@0.12.4',
    'pkg:gem/ruby-advisory-db-check@0.12.4',
  ],
  ['uppercase scheme accepted', 'PKG:npm/foo@1.0.0', 'pkg:npm/foo@1.0.0'],
  ['dot segments dropped from subpath', 'pkg:github/a/b@1#/x/./y/../z/', 'pkg:github/a/b@1#x/y/z'],
  [
    'vers qualifier kept and encoded',
    'pkg:npm/lodash?vers=vers:npm/%3E%3D4.0.0%7C%21%3D4.1.0%7C%3C4.17.21',
    'pkg:npm/lodash?vers=vers:npm%2F%3E%3D4.0.0%7C%21%3D4.1.0%7C%3C4.17.21',
  ],
  [
    'vers qualifier example from the purl-spec known qualifiers',
    'pkg:pypi/django?vers=vers:pypi%2F%3E%3D1.11.0%7C%21%3D1.11.1%7C%3C2.0.0',
    'pkg:pypi/django?vers=vers:pypi%2F%3E%3D1.11.0%7C%21%3D1.11.1%7C%3C2.0.0',
  ],
  // refused
  ['space refused', 'pkg:npm/foo bar@1.0.0', null],
  ['control character refused', 'pkg:npm/foo\n@1.0.0', null],
  ['raw non-ASCII refused', 'pkg:generic/café@1.0', null],
  [
    'duplicate qualifier key refused (case-insensitive)',
    'pkg:deb/debian/curl@1?arch=amd64&ARCH=arm64',
    null,
  ],
  ['empty qualifier value refused', 'pkg:deb/debian/curl@1?arch=', null],
  ['qualifier without = refused', 'pkg:deb/debian/curl@1?arch', null],
  ['qualifier key starting with a digit refused', 'pkg:deb/debian/curl@1?1arch=x', null],
  ['plus in type refused (ECMA-427 type characters)', 'pkg:c++/foo@1', null],
  ['encoded slash in a name refused', 'pkg:npm/a%2Fb@1.0.0', null],
  ['encoded slash in a subpath segment refused', 'pkg:github/a/b@1#x%2Fy', null],
  ['stray @ refused', 'pkg:maven/org.apache.commons/io@1.4.0-$@', null],
  ['@ without version refused', 'pkg:npm/foo@', null],
  ['two # refused', 'pkg:github/a/b@1#x#y', null],
  ['? after # refused', 'pkg:github/a/b@1#x?y', null],
  ['two ? refused', 'pkg:npm/foo@1?a=1?b=2', null],
  ['invalid percent escape refused', 'pkg:npm/foo@1.0%zz', null],
  ['vers qualifier with a version refused', 'pkg:npm/foo@1.0.0?vers=vers:npm/1.0.0', null],
  ['vers qualifier with a foreign scheme refused', 'pkg:npm/foo?vers=vers:pypi/1.0', null],
  ['invalid vers qualifier refused', 'pkg:npm/foo?vers=vers:npm/%3C2.0.0%7C%3E%3D1.0.0', null],
  ['golang v-version that is not semver refused (packageurl-js rule)', 'pkg:golang/x/y@vfoo', null],
  [
    'conan namespace without qualifiers refused (packageurl-js rule)',
    'pkg:conan/bincrafters/cctz@2.3',
    null,
  ],
  ['cran requires a version (packageurl-js rule)', 'pkg:cran/A3', null],
  ['swift requires a namespace (packageurl-js rule)', 'pkg:swift/Alamofire@5.4.3', null],
  ['maven requires a namespace (packageurl-js rule)', 'pkg:maven/io@1.3.4', null],
  ['missing scheme refused', 'npm/foo@1.0.0', null],
  ['name required', 'pkg:npm', null],
];

const own = (): VectorCase[] =>
  OWN.map(([name, input, canonical]) =>
    canonical === null
      ? { name, input, error: 'CORE_PURL_INVALID' }
      : { name, input, expected: { canonical } },
  );

writeVectors('purl/parse.json', {
  description:
    'purl parsing and normalization: input is a purl string; expected holds the canonical string ' +
    'and/or the parsed components (qualifiers as an object, absent components null); error cases must be refused',
  source: `${UPSTREAM.map((u) => u.source).join('; ')} (parse and roundtrip tests, verbatim in upstream/); other cases written for Warrant (generated by conformance/tools/purl.ts)`,
  cases: [...upstreamCases(), ...own()],
});

writeVectors('purl/match.json', {
  description:
    'purl and component matching: input {pattern, candidate, range?}; expected {matched, parts: [[part, outcome]]} ' +
    'with parts in report order (type, namespace, name, version, qualifier:<key> by key, subpath); error cases name the code',
  source:
    'written for Warrant from docs/spec/scope-matching.md (generated by conformance/tools/purl.ts)',
  cases: MATCH_CASES,
});
