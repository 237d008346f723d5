/**
 * The cases of conformance/purl/match.json, written from docs/spec/scope-matching.md: each one
 * pins one matching rule (identity parts, version dimension, every qualifier rule, subpath)
 * and the outcome of every reported part.
 * @module
 */
import type { VectorCase } from './match-vectors';

type Outcome = 'matched' | 'not-matched' | 'not-constrained' | 'ignored';
const m: Outcome = 'matched';
const nm: Outcome = 'not-matched';
const nc: Outcome = 'not-constrained';
const ig: Outcome = 'ignored';

const ok = (
  name: string,
  pattern: string,
  candidate: string,
  parts: ReadonlyArray<readonly [string, Outcome]>,
  range?: string,
): VectorCase => ({
  name,
  input: range === undefined ? { pattern, candidate } : { pattern, range, candidate },
  expected: { matched: parts.every(([, o]) => o !== nm), parts },
});

const err = (
  name: string,
  pattern: string,
  range: string,
  candidate: string,
  code: string,
): VectorCase => ({
  name,
  input: { pattern, range, candidate },
  error: code,
});

const ID: ReadonlyArray<readonly [string, Outcome]> = [
  ['type', m],
  ['namespace', m],
  ['name', m],
];

/** All match cases, in file order. */
export const MATCH_CASES: ReadonlyArray<VectorCase> = [
  // identity parts
  ok('identical purls', 'pkg:npm/lodash@4.17.20', 'pkg:npm/lodash@4.17.20', [
    ...ID,
    ['version', m],
    ['subpath', nc],
  ]),
  ok('version-less pattern matches every version', 'pkg:npm/lodash', 'pkg:npm/lodash@4.17.20', [
    ...ID,
    ['version', nc],
    ['subpath', nc],
  ]),
  ok('different name', 'pkg:npm/lodash', 'pkg:npm/lodash-es@4.17.20', [
    ['type', m],
    ['namespace', m],
    ['name', nm],
    ['version', nc],
    ['subpath', nc],
  ]),
  ok('missing namespace is not a wildcard', 'pkg:npm/core', 'pkg:npm/%40angular/core@12.0.0', [
    ['type', m],
    ['namespace', nm],
    ['name', m],
    ['version', nc],
    ['subpath', nc],
  ]),
  ok('different type', 'pkg:npm/six', 'pkg:pypi/six@1.16.0', [
    ['type', nm],
    ['namespace', m],
    ['name', m],
    ['version', nc],
    ['subpath', nc],
  ]),
  ok(
    'nuget ids compare case-insensitively',
    'pkg:nuget/Newtonsoft.Json@13.0.1',
    'pkg:nuget/newtonsoft.json@13.0.1',
    [...ID, ['version', m], ['subpath', nc]],
  ),
  ok(
    'npm names are normalized before comparing',
    'pkg:npm/%40Angular/Core@12.0.0',
    'pkg:npm/@angular/core@12.0.0',
    [...ID, ['version', m], ['subpath', nc]],
  ),
  // exact version in the pattern
  ok('different version', 'pkg:npm/foo@1.0.0', 'pkg:npm/foo@1.0.1', [
    ...ID,
    ['version', nm],
    ['subpath', nc],
  ]),
  ok('same version in the scheme order (npm v prefix)', 'pkg:npm/foo@1.0.0', 'pkg:npm/foo@v1.0.0', [
    ...ID,
    ['version', m],
    ['subpath', nc],
  ]),
  ok(
    'same version in the scheme order (PEP 440 trailing zero)',
    'pkg:pypi/django@1.0',
    'pkg:pypi/django@1.0.0',
    [...ID, ['version', m], ['subpath', nc]],
  ),
  ok(
    'pypi names are PEP 503-normalized before comparing',
    'pkg:pypi/Zope.Interface@5.4.0',
    'pkg:pypi/zope-interface@5.4.0',
    [...ID, ['version', m], ['subpath', nc]],
  ),
  ok('candidate without version', 'pkg:npm/foo@1.0.0', 'pkg:npm/foo', [
    ...ID,
    ['version', nm],
    ['subpath', nc],
  ]),
  // version range
  ok(
    'range admits',
    'pkg:npm/lodash',
    'pkg:npm/lodash@4.17.20',
    [...ID, ['version', m], ['subpath', nc]],
    'vers:npm/>=4.0.0|<4.17.21',
  ),
  ok(
    'range excludes the fixed version',
    'pkg:npm/lodash',
    'pkg:npm/lodash@4.17.21',
    [...ID, ['version', nm], ['subpath', nc]],
    'vers:npm/>=4.0.0|<4.17.21',
  ),
  ok(
    'range cannot apply to a version-less candidate',
    'pkg:npm/lodash',
    'pkg:npm/lodash',
    [...ID, ['version', nm], ['subpath', nc]],
    'vers:npm/>=4.0.0|<4.17.21',
  ),
  ok(
    'range cannot apply to an invalid candidate version',
    'pkg:npm/lodash',
    'pkg:npm/lodash@latest',
    [...ID, ['version', nm], ['subpath', nc]],
    'vers:npm/>=4.0.0|<4.17.21',
  ),
  ok(
    'semver range on an npm purl',
    'pkg:npm/lodash',
    'pkg:npm/lodash@4.17.20',
    [...ID, ['version', m], ['subpath', nc]],
    'vers:semver/>=4.0.0',
  ),
  ok(
    'star admits a version-less candidate',
    'pkg:npm/lodash',
    'pkg:npm/lodash',
    [...ID, ['version', m], ['subpath', nc]],
    'vers:npm/*',
  ),
  ok(
    'vers:all admits everything',
    'pkg:npm/lodash',
    'pkg:npm/lodash@1.0.0',
    [...ID, ['version', m], ['subpath', nc]],
    'vers:all/*',
  ),
  ok(
    'vers:none admits nothing',
    'pkg:npm/lodash',
    'pkg:npm/lodash@1.0.0',
    [...ID, ['version', nm], ['subpath', nc]],
    'vers:none/*',
  ),
  ok(
    'pattern vers qualifier is the range',
    'pkg:npm/lodash?vers=vers:npm/%3C4.17.21',
    'pkg:npm/lodash@4.17.20',
    [...ID, ['version', m], ['subpath', nc]],
  ),
  ok(
    'pattern vers qualifier excludes',
    'pkg:npm/lodash?vers=vers:npm/%3C4.17.21',
    'pkg:npm/lodash@4.17.21',
    [...ID, ['version', nm], ['subpath', nc]],
  ),
  ok(
    'candidate vers qualifier is ignored',
    'pkg:npm/lodash',
    'pkg:npm/lodash?vers=vers:npm/%3C2.0.0',
    [...ID, ['version', nc], ['qualifier:vers', ig], ['subpath', nc]],
  ),
  // qualifiers
  ok(
    'qualifier differs',
    'pkg:deb/debian/curl?arch=amd64',
    'pkg:deb/debian/curl@7.50.3-1?arch=arm64',
    [...ID, ['version', nc], ['qualifier:arch', nm], ['subpath', nc]],
  ),
  ok(
    'required qualifier absent',
    'pkg:deb/debian/curl?arch=amd64',
    'pkg:deb/debian/curl@7.50.3-1',
    [...ID, ['version', nc], ['qualifier:arch', nm], ['subpath', nc]],
  ),
  ok(
    'qualifier equal',
    'pkg:deb/debian/curl?arch=amd64',
    'pkg:deb/debian/curl@7.50.3-1?arch=amd64',
    [...ID, ['version', nc], ['qualifier:arch', m], ['subpath', nc]],
  ),
  ok(
    'candidate-only qualifiers are not constrained',
    'pkg:deb/debian/curl',
    'pkg:deb/debian/curl@7.50.3-1?arch=amd64&distro=bookworm',
    [...ID, ['version', nc], ['qualifier:arch', nc], ['qualifier:distro', nc], ['subpath', nc]],
  ),
  ok(
    'qualifier values are case-sensitive',
    'pkg:maven/g/a?classifier=Sources',
    'pkg:maven/g/a@1?classifier=sources',
    [...ID, ['version', nc], ['qualifier:classifier', nm], ['subpath', nc]],
  ),
  ok(
    'locator qualifier in the pattern is still required',
    'pkg:generic/openssl?download_url=https://openssl.org/source/openssl-1.1.0g.tar.gz',
    'pkg:generic/openssl@1.1.0g',
    [...ID, ['version', nc], ['qualifier:download_url', nm], ['subpath', nc]],
  ),
  // repository_url
  ok(
    'candidate from a non-default registry',
    'pkg:npm/lodash',
    'pkg:npm/lodash@4.17.20?repository_url=https://npm.evil.example',
    [...ID, ['version', nc], ['qualifier:repository_url', nm], ['subpath', nc]],
  ),
  ok(
    'candidate names the default registry',
    'pkg:npm/lodash',
    'pkg:npm/lodash@4.17.20?repository_url=https://registry.npmjs.org/',
    [...ID, ['version', nc], ['qualifier:repository_url', m], ['subpath', nc]],
  ),
  ok(
    'pattern names a default alias, candidate none',
    'pkg:maven/org.apache.commons/commons-text?repository_url=https://repo1.maven.org/maven2',
    'pkg:maven/org.apache.commons/commons-text@1.9',
    [...ID, ['version', nc], ['qualifier:repository_url', m], ['subpath', nc]],
  ),
  ok(
    'pattern names a private repository, candidate none',
    'pkg:maven/com.acme/lib?repository_url=https://maven.acme.example',
    'pkg:maven/com.acme/lib@1.0',
    [...ID, ['version', nc], ['qualifier:repository_url', nm], ['subpath', nc]],
  ),
  ok(
    'repository spelling: host case and trailing slash',
    'pkg:npm/x?repository_url=https://Npm.Acme.Example/registry/',
    'pkg:npm/x@1.0.0?repository_url=https://npm.acme.example/registry',
    [...ID, ['version', nc], ['qualifier:repository_url', m], ['subpath', nc]],
  ),
  ok(
    'type without default repository: candidate repository not constrained',
    'pkg:deb/debian/curl',
    'pkg:deb/debian/curl@7.50.3-1?repository_url=http://deb.debian.org/debian',
    [...ID, ['version', nc], ['qualifier:repository_url', nc], ['subpath', nc]],
  ),
  ok(
    'type without default repository: required repository absent',
    'pkg:deb/debian/curl?repository_url=http://deb.debian.org/debian',
    'pkg:deb/debian/curl@7.50.3-1',
    [...ID, ['version', nc], ['qualifier:repository_url', nm], ['subpath', nc]],
  ),
  // checksum
  ok(
    'checksum: pattern digest present in the candidate list',
    'pkg:generic/openssl?checksum=sha256:AB12',
    'pkg:generic/openssl@1.1.0g?checksum=sha1:cd34,sha256:ab12',
    [...ID, ['version', nc], ['qualifier:checksum', m], ['subpath', nc]],
  ),
  ok(
    'checksum: algorithm missing',
    'pkg:generic/openssl?checksum=sha256:ab12',
    'pkg:generic/openssl@1.1.0g?checksum=sha1:cd34',
    [...ID, ['version', nc], ['qualifier:checksum', nm], ['subpath', nc]],
  ),
  ok(
    'checksum: digests differ',
    'pkg:generic/openssl?checksum=sha256:ab12',
    'pkg:generic/openssl@1.1.0g?checksum=sha256:ab13',
    [...ID, ['version', nc], ['qualifier:checksum', nm], ['subpath', nc]],
  ),
  // rpm epoch
  ok(
    'rpm epoch qualifier folds into the version',
    'pkg:rpm/fedora/curl@7.50.3-1.fc25?epoch=1',
    'pkg:rpm/fedora/curl@1:7.50.3-1.fc25',
    [...ID, ['version', m], ['qualifier:epoch', ig], ['subpath', nc]],
  ),
  ok(
    'rpm epochs differ',
    'pkg:rpm/fedora/curl@7.50.3-1.fc25?epoch=1',
    'pkg:rpm/fedora/curl@7.50.3-1.fc25?epoch=2',
    [...ID, ['version', nm], ['qualifier:epoch', ig], ['subpath', nc]],
  ),
  ok(
    'rpm epoch without a pattern version is an ordinary qualifier',
    'pkg:rpm/fedora/curl?epoch=1',
    'pkg:rpm/fedora/curl@7.50.3-1.fc25?epoch=2',
    [...ID, ['version', nc], ['qualifier:epoch', nm], ['subpath', nc]],
  ),
  ok(
    'rpm candidate epoch is part of the version a range judges',
    'pkg:rpm/fedora/curl',
    'pkg:rpm/fedora/curl@7.50.3-1.fc25?epoch=1',
    [...ID, ['version', nm], ['qualifier:epoch', ig], ['subpath', nc]],
    'vers:rpm/<1:0',
  ),
  // subpath
  ok(
    'subpath required',
    'pkg:golang/google.golang.org/genproto#googleapis/api/annotations',
    'pkg:golang/google.golang.org/genproto@v0.0.0-20210101000000-abcdefabcdef',
    [...ID, ['version', nc], ['subpath', nm]],
  ),
  ok(
    'subpath equal',
    'pkg:golang/google.golang.org/genproto#googleapis/api',
    'pkg:golang/google.golang.org/genproto#googleapis/api',
    [...ID, ['version', nc], ['subpath', m]],
  ),
  ok(
    'subpath is not a prefix match',
    'pkg:golang/google.golang.org/genproto#googleapis',
    'pkg:golang/google.golang.org/genproto#googleapis/api',
    [...ID, ['version', nc], ['subpath', nm]],
  ),
  // scope errors
  err(
    'range and pattern version conflict',
    'pkg:npm/lodash@4.17.20',
    'vers:npm/<4.17.21',
    'pkg:npm/lodash@4.17.20',
    'CORE_COMPONENT_RANGE_CONFLICT',
  ),
  err(
    'range and pattern vers qualifier conflict',
    'pkg:npm/lodash?vers=vers:npm/%3C4.17.21',
    'vers:npm/<4.17.21',
    'pkg:npm/lodash@4.17.20',
    'CORE_COMPONENT_RANGE_CONFLICT',
  ),
  err(
    'range scheme foreign to the pattern type',
    'pkg:npm/lodash',
    'vers:golang/>=v1.0.0',
    'pkg:npm/lodash@4.17.20',
    'CORE_VERS_SCHEME_MISMATCH',
  ),
];
