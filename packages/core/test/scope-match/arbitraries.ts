/**
 * Scopes and subjects for the scope-matching property tests: small value pools so that random
 * scopes and subjects often meet (matches, near misses and misses all occur), with purls that
 * carry versions, ranges, qualifiers and subpaths, and environment patterns with wildcards.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  aliasMapFrom,
  parsePurl,
  type PackageUrl,
  type Scope,
  type ScopeSubject,
} from '@warrant/core';

export const p = (text: string): PackageUrl => {
  const r = parsePurl(text);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const D = (c: string) => `sha256:${c.repeat(64)}`;
const VULNS = ['CVE-2024-0001', 'CVE-2024-0002', 'GHSA-2222-3333-4444', 'GO-2024-1'];
const PURLS = [
  'pkg:npm/a@1.0.0',
  'pkg:npm/a@2.0.0',
  'pkg:npm/b@1.0.0',
  'pkg:pypi/c@1.0',
  'pkg:npm/a@1.7.0?arch=x86#lib',
  'pkg:nuget/Foo.Bar@1.0.0',
  'pkg:deb/debian/curl@7.50.3-1?arch=arm64',
];
const PATTERNS = [
  { purl: 'pkg:npm/a' },
  { purl: 'pkg:npm/a@1.0.0' },
  { purl: 'pkg:npm/a', range: 'vers:npm/>=1.5.0' },
  { purl: 'pkg:npm/b' },
  { purl: 'pkg:pypi/c@1.0.0' },
  { purl: 'pkg:npm/a', range: 'vers:npm/<1.0.0|>=2.0.0' },
  { purl: 'pkg:nuget/foo.bar' },
  { purl: 'pkg:deb/debian/curl?arch=amd64' },
  { purl: 'pkg:npm/a#lib' },
];
export const ALIASES = aliasMapFrom([{ id: 'CVE-2024-0002', aliases: ['GHSA-2222-3333-4444'] }]);

const subset = <T>(xs: ReadonlyArray<T>) =>
  fc.subarray([...xs], { minLength: 1 }).map((a) => a as T[]);

export const scopeArb: fc.Arbitrary<Scope> = fc
  .record(
    {
      vulnerabilities: subset(VULNS),
      components: subset(PATTERNS),
      artifacts: subset([D('a'), D('b')]).map((ds) => ds.map((digest) => ({ digest }))),
      environment: fc.record(
        { envs: subset(['prod', 'pr*', 'dev']), clusters: subset(['eu-1', 'us-*']) },
        { requiredKeys: [] },
      ),
      policy_rules: subset(['unsigned-artifact', 'cross-boundary']),
    },
    { requiredKeys: [] },
  )
  .filter(
    (s) =>
      Object.keys(s).length > 0 &&
      (s.environment === undefined || Object.keys(s.environment).length > 0),
  ) as unknown as fc.Arbitrary<Scope>;

export const subjectArb: fc.Arbitrary<ScopeSubject> = fc.record({
  vulnerability: fc.option(
    fc.record({ id: fc.constantFrom(...VULNS), aliases: fc.subarray(VULNS) }),
    { nil: undefined },
  ),
  purl: fc.option(fc.constantFrom(...PURLS).map(p), { nil: undefined }),
  artifact: fc.option(fc.constantFrom(D('a'), D('b'), D('c')), { nil: undefined }),
  policyRule: fc.option(fc.constantFrom('unsigned-artifact', 'other'), { nil: undefined }),
  environment: fc.record(
    { env: fc.constantFrom('prod', 'dev', 'pre'), cluster: fc.constantFrom('eu-1', 'us-2') },
    { requiredKeys: [] },
  ),
}) as fc.Arbitrary<ScopeSubject>;

export const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
