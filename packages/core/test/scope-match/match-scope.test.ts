import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  aliasMapFrom,
  compileScope,
  countScopeFailures,
  matchScope,
  matchWindow,
  parsePurl,
  subjectIds,
  type PackageUrl,
  type Scope,
  type ScopeSubject,
  type Timestamp,
} from '@warrant/core';

const p = (text: string): PackageUrl => {
  const r = parsePurl(text);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const ts = (s: string) => s as Timestamp;

const log4j: ScopeSubject = {
  vulnerability: { id: 'CVE-2021-44228', aliases: [] },
  purl: p('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'),
  artifact: A,
  environment: { env: 'prod', cluster: 'eu-1' },
};

const dim = (m: ReturnType<typeof matchScope>, d: string) =>
  m.dimensions.find((x) => x.dimension === d);

describe('matchScope explains every dimension', () => {
  it('matches through the alias map and says which alias of which id', () => {
    const aliases = aliasMapFrom([{ id: 'CVE-2021-44228', aliases: ['GHSA-jfh8-c2jp-5v3q'] }]);
    const m = matchScope({ vulnerabilities: ['GHSA-jfh8-c2jp-5v3q'] } as unknown as Scope, log4j, {
      aliases,
    });
    expect(m.matched).toBe(true);
    expect(dim(m, 'vulnerabilities')).toMatchObject({
      outcome: 'matched',
      via: 'alias_map',
      matched: 'GHSA-jfh8-c2jp-5v3q',
      reason:
        'vulnerabilities: matched via alias GHSA-jfh8-c2jp-5v3q of CVE-2021-44228 (alias map)',
    });
    expect(dim(m, 'components')?.outcome).toBe('not_constrained');
  });

  it('does not match an alias without the alias map', () => {
    const m = matchScope({ vulnerabilities: ['GHSA-jfh8-c2jp-5v3q'] } as unknown as Scope, log4j);
    expect(m.matched).toBe(false);
    expect(m.failed).toEqual(['vulnerabilities']);
    expect(m.near_miss).toBe(true);
  });

  it('prefers a direct id to an alias, and a source alias to the alias map', () => {
    const subject = {
      ...log4j,
      vulnerability: { id: 'CVE-2021-44228', aliases: ['GHSA-jfh8-c2jp-5v3q'] },
    };
    const aliases = aliasMapFrom([{ id: 'GHSA-jfh8-c2jp-5v3q', aliases: ['GO-1'] }]);
    const ids = subjectIds('CVE-2021-44228', ['GHSA-jfh8-c2jp-5v3q'], aliases);
    expect([...ids]).toEqual([
      ['CVE-2021-44228', 'direct'],
      ['GHSA-jfh8-c2jp-5v3q', 'source_alias'],
      ['GO-1', 'alias_map'],
    ]);
    const both = matchScope(
      { vulnerabilities: ['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'] } as unknown as Scope,
      subject,
      { aliases },
    );
    expect(dim(both, 'vulnerabilities')?.via).toBe('direct');
  });

  it('says why a purl qualifier makes a component miss (a near miss)', () => {
    const scope = {
      vulnerabilities: ['CVE-2021-44228'],
      components: [{ purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=war' }],
    } as unknown as Scope;
    const m = matchScope(scope, log4j);
    expect(m.matched).toBe(false);
    expect(m.near_miss).toBe(true);
    expect(dim(m, 'components')?.reason).toContain('qualifier type');
  });

  it('matches a range and names the component that matched', () => {
    const scope = {
      components: [
        {
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
          range: 'vers:maven/>=2.0.0|<2.15.0',
        },
      ],
    } as unknown as Scope;
    const m = matchScope(scope, log4j);
    expect(dim(m, 'components')).toMatchObject({
      outcome: 'matched',
      matched: 'pkg:maven/org.apache.logging.log4j/log4j-core vers:maven/>=2.0.0|<2.15.0',
    });
  });

  it('never lets a missing fact satisfy a constrained dimension', () => {
    const scope = {
      vulnerabilities: ['CVE-2021-44228'],
      environment: { namespaces: ['pay'] },
    } as unknown as Scope;
    const m = matchScope(scope, log4j);
    expect(dim(m, 'environment.namespaces')).toMatchObject({
      outcome: 'not_matched',
      subject: null,
    });
    const noPurl = matchScope({ components: [{ purl: 'pkg:npm/a' }] } as unknown as Scope, {
      environment: {},
    });
    expect(noPurl.failed).toEqual(['components']);
  });

  it('matches environment wildcards, artifacts and policy rules', () => {
    const scope = {
      artifacts: [{ digest: A }],
      environment: { envs: ['pr*'], clusters: ['us-*'] },
      policy_rules: ['unsigned-artifact'],
    } as unknown as Scope;
    const m = matchScope(scope, {
      artifact: A,
      policyRule: 'unsigned-artifact',
      environment: { env: 'prod', cluster: 'eu-1' },
    });
    expect(m.failed).toEqual(['environment.clusters']);
    expect(dim(m, 'environment.envs')).toMatchObject({ outcome: 'matched', matched: 'pr*' });
    const other = matchScope(scope, { artifact: B, environment: { env: 'dev' } });
    expect(other.failed).toEqual([
      'artifacts',
      'environment.envs',
      'environment.clusters',
      'policy_rules',
    ]);
    expect(other.near_miss).toBe(false);
  });

  it('agrees with the fast failure count', () => {
    const scope = compileScope({
      vulnerabilities: ['CVE-2021-44228'],
      artifacts: [{ digest: B }],
      environment: { envs: ['dev'] },
    } as unknown as Scope);
    const ids = subjectIds('CVE-2021-44228', [], new Map());
    expect(countScopeFailures(scope, log4j, ids, 10)).toBe(2);
    expect(countScopeFailures(scope, log4j, ids, 1)).toBe(1);
    expect(matchScope(scope, log4j).failed).toHaveLength(2);
  });
});

describe('matchWindow', () => {
  it('includes valid_from and excludes expires_at', () => {
    const from = ts('2026-01-01T00:00:00Z');
    const end = ts('2026-02-01T00:00:00Z');
    expect(matchWindow(from, end, from).outcome).toBe('matched');
    expect(matchWindow(from, end, end).outcome).toBe('not_matched');
    expect(matchWindow(from, end, ts('2025-12-31T23:59:59.999Z')).outcome).toBe('not_matched');
    expect(matchWindow(undefined, end, ts('2000-01-01T00:00:00Z')).outcome).toBe('matched');
  });
});

describe('compileScope components', () => {
  it('compiles a component once and hands out the same frozen result', () => {
    const scope = { components: [{ purl: 'pkg:npm/a', range: 'vers:npm/>=1.0.0' }] } as Scope;
    const a = compileScope(scope).components[0];
    const b = compileScope({ ...scope } as Scope).components[0];
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toMatchObject({ text: 'pkg:npm/a vers:npm/>=1.0.0', key: 'pkg:npm/a' });
    expect(a?.range?.text).toBe('vers:npm/>=1.0.0');
  });

  it('does not take a purl holding a space for a purl and a range', () => {
    compileScope({ components: [{ purl: 'pkg:npm/a', range: 'vers:npm/>=1.0.0' }] } as Scope);
    expect(() =>
      compileScope({ components: [{ purl: 'pkg:npm/a vers:npm/>=1.0.0' }] } as Scope),
    ).toThrow(RangeError);
  });
});
