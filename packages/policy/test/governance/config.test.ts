import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { decodeGovernance, GovernanceConfig, governanceDigest } from '@warrant/policy';
import { CONFIG } from '../fixtures';

const json = () =>
  JSON.parse(JSON.stringify(GovernanceConfig.encode(CONFIG))) as Record<string, unknown>;
const paths = (input: unknown) => {
  const r = decodeGovernance(input);
  if (E.isRight(r)) throw new Error('expected a refusal');
  return r.left.issues.map((i) => i.path);
};

describe('governance configuration', () => {
  it('the default configuration decodes to itself', () => {
    expect(decodeGovernance(json())).toEqual(E.right(CONFIG));
  });

  it('has a stable digest independent of member order', () => {
    const shuffled = {
      ...json(),
      roles: {
        cab: ['cab'],
        'security-reviewer': ['sec2', 'sec'],
        approver: ['carol', 'bob', 'alice'],
      },
    };
    const r = decodeGovernance(shuffled);
    expect(E.isRight(r) && governanceDigest(r.right)).toBe(governanceDigest(CONFIG));
  });

  it('refuses undefined roles, duplicate ids, infeasible counts and bad durations, with paths', () => {
    const j = json();
    const rules = j.rules as Array<Record<string, unknown>>;
    rules.push({ id: 'prod-two-person', require: { approvals: 1 } });
    rules.push({ id: 'two-cab', require: { roles: { cab: 2, ghosts: 1 } } });
    rules.push({ id: 'many', require: { approvals: 9 } });
    j.duration = { default_days: 200, max_days: 180 };
    j.revoke_roles = ['security-reviewer', 'janitor'];
    expect(paths(j)).toEqual([
      '$.duration.default_days',
      '$.rules[18].id',
      '$.rules[19].require.roles.cab',
      '$.rules[19].require.roles.ghosts',
      '$.rules[20].require.approvals',
      '$.revoke_roles',
    ]);
  });

  it('refuses empty conditions, empty requirements and unknown members', () => {
    const j = json();
    j.rules = [
      { id: 'x', when: {}, require: {} },
      { id: 'y', require: { approvals: 1, quorum: 2 } },
    ];
    expect(paths(j)).toEqual([
      '$.rules[0].require',
      '$.rules[0].when',
      '$.rules[1].require.quorum',
    ]);
  });

  it('keeps a role named __proto__ as a plain member', () => {
    const j = { ...json(), roles: { ...(json().roles as object), ['__proto__']: ['mallory'] } };
    const r = decodeGovernance(
      JSON.parse(JSON.stringify(j).replace('"roles":{', '"roles":{"__proto__":["mallory"],')),
    );
    expect(E.isRight(r) && Object.keys(r.right.roles)).toContain('__proto__');
    expect(E.isRight(r) && Object.getPrototypeOf(r.right.roles)).toBe(Object.prototype);
  });
});

describe('governance configuration: role checks in code-unit order', () => {
  it('reports the roles of require.roles in code-unit order, integer-like names included', () => {
    const j = json();
    j.rules = [{ id: 'x', require: { roles: { b: 1, '9': 1, '10': 1 } } }];
    expect(paths(j)).toEqual([
      "$.rules[0].require.roles['10']",
      "$.rules[0].require.roles['9']",
      '$.rules[0].require.roles.b',
    ]);
  });
});
