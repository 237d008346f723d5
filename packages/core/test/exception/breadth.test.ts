import { describe, expect, it } from 'vitest';
import { analyzeBreadth, compareBreadth, type Scope } from '@warrant/core';
import { DIGEST_A } from './fixtures';

const pinned: Scope = {
  artifacts: [{ digest: DIGEST_A }],
  components: [{ purl: 'pkg:npm/lodash@4.17.20' }],
  vulnerabilities: ['CVE-2021-23337'],
  environment: { envs: ['prod'] },
};

describe('analyzeBreadth', () => {
  it('calls a digest + pinned component + env scope narrow', () => {
    expect(analyzeBreadth('vulnerability', pinned)).toEqual({
      breadth: 'narrow',
      score: 0,
      levels: { artifacts: 0, environment: 0, components: 0 },
      reasons: [],
    });
  });

  it('calls a bare CVE broad, with the three reasons', () => {
    const a = analyzeBreadth('vulnerability', { vulnerabilities: ['CVE-2021-23337'] });
    expect(a.breadth).toBe('broad');
    expect(a.score).toBe(6);
    expect(a.reasons.map((r) => [r.code, r.path])).toEqual([
      ['no_artifact', '$.scope.artifacts'],
      ['no_component', '$.scope.components'],
      ['no_environment', '$.scope.environment.envs'],
    ]);
  });

  it('counts a version-less purl and a wildcard range as partial', () => {
    const a = analyzeBreadth('vulnerability', {
      ...pinned,
      components: [
        { purl: 'pkg:npm/a' },
        { purl: 'pkg:npm/b', range: 'vers:npm/*' },
        { purl: 'pkg:npm/c', range: 'vers:npm/<2.0.0' },
      ],
    });
    expect(a.breadth).toBe('moderate');
    expect(a.levels.components).toBe(1);
    expect(a.reasons.map((r) => [r.code, r.path])).toEqual([
      ['versionless_purl', '$.scope.components[0].purl'],
      ['wildcard', '$.scope.components[1].range'],
    ]);
  });

  it('treats envs "*" as no environment, other wildcards as partial, sub-dimension wildcards as warnings', () => {
    expect(
      analyzeBreadth('vulnerability', { ...pinned, environment: { envs: ['*'] } }).levels
        .environment,
    ).toBe(2);
    expect(
      analyzeBreadth('vulnerability', { ...pinned, environment: { envs: ['prod-*'] } }).levels
        .environment,
    ).toBe(1);
    const warn = analyzeBreadth('vulnerability', {
      ...pinned,
      environment: { envs: ['prod'], namespaces: ['team-*'] },
    });
    expect(warn.breadth).toBe('narrow');
    expect(warn.reasons.map((r) => r.path)).toEqual(['$.scope.environment.namespaces[0]']);
  });

  it('does not count components for policy exceptions', () => {
    const a = analyzeBreadth('policy', {
      policy_rules: ['unsigned-artifact'],
      environment: { envs: ['dev'] },
    });
    expect(a).toMatchObject({
      breadth: 'moderate',
      score: 2,
      levels: { artifacts: 2, environment: 0 },
    });
    expect(a.levels.components).toBeUndefined();
  });

  it('orders classes narrowest first', () => {
    expect(compareBreadth('narrow', 'moderate')).toBeLessThan(0);
    expect(compareBreadth('broad', 'moderate')).toBeGreaterThan(0);
    expect(compareBreadth('broad', 'broad')).toBe(0);
  });
});
