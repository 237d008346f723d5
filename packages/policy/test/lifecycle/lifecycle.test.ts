import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { foldExceptionEvents, type Timestamp } from '@warrant/core';
import { executeExceptionCommand, sweepExceptions } from '@warrant/policy';
import { content, human, Session } from '../fixtures';

const propose = (env: string, over: Record<string, unknown> = {}, by = 'alice') => ({
  command: 'propose',
  actor: human(by),
  at: '2026-01-05T00:00:00Z',
  proposal: content(env, over),
});
const approve = (by: string, role: string, atTime = '2026-01-06T00:00:00Z', version = 1) => ({
  command: 'approve',
  actor: human(by),
  at: atTime,
  role,
  version,
});

describe('dev: self-approval is allowed', () => {
  it('the requester approves their own dev exception, which becomes active', () => {
    const s = new Session();
    const p = s.run(propose('dev'));
    expect(p.progress.shortfalls.map((x) => x.message)).toEqual(['needs 1 more approval']);
    const a = s.run(approve('alice', 'approver'));
    expect(a.state.status).toBe('active');
    expect(a.events[0]).toMatchObject({
      type: 'exception.approved',
      payload: { final: true, role: 'approver' },
    });
  });
});

describe('prod: two approvers including a security reviewer, never the requester', () => {
  it('refuses self-approval and explains which rule refused', () => {
    const s = new Session();
    s.run(propose('prod'));
    const r = s.refusals(approve('alice', 'approver'));
    expect(r).toEqual([
      {
        code: 'POLICY_SELF_APPROVAL_FORBIDDEN',
        path: '$.actor.id',
        message:
          'requester cannot approve own exception (rule "no-self-approval-outside-dev" (outside env dev))',
        rule: 'no-self-approval-outside-dev',
      },
    ]);
  });

  it('says what is still missing after each approval and activates on the last', () => {
    const s = new Session();
    const p = s.run(propose('prod'));
    expect(p.progress.shortfalls.map((x) => x.message)).toEqual([
      'needs 2 more approvals (2 required by rule "prod-two-person": env prod)',
      'needs 1 more approval from role security-reviewer (1 required by rule "vulnerability-security-review": outside env dev, type vulnerability)',
    ]);
    const first = s.run(approve('bob', 'approver'));
    expect(first.state.status).toBe('proposed');
    expect(first.progress.shortfalls.map((x) => [x.kind, x.role, x.needed, x.rule])).toEqual([
      ['approvals', undefined, 1, 'prod-two-person'],
      ['role', 'security-reviewer', 1, 'vulnerability-security-review'],
    ]);
    const second = s.run(approve('sec', 'security-reviewer', '2026-01-06T01:00:00Z'));
    expect(second.progress.satisfied).toBe(true);
    expect(second.state.status).toBe('active');
    expect(second.state.current.approvers?.map((x) => x.id)).toEqual(['bob', 'sec']);
  });

  it('two plain approvers are not enough: the security reviewer is still needed', () => {
    const s = new Session();
    s.run(propose('prod'));
    s.run(approve('bob', 'approver'));
    const r = s.run(approve('carol', 'approver', '2026-01-06T01:00:00Z'));
    expect(r.state.status).toBe('proposed');
    expect(r.progress.shortfalls.map((x) => x.message)).toEqual([
      'needs 1 more approval from role security-reviewer (1 required by rule "vulnerability-security-review": outside env dev, type vulnerability)',
    ]);
  });

  it('refuses an expiry beyond 90 days in prod', () => {
    const s = new Session();
    const r = s.refusals(propose('prod', { expires_at: '2026-05-01T00:00:00Z' }));
    expect(r).toEqual([
      {
        code: 'POLICY_DURATION_EXCEEDED',
        path: '$.proposal.expires_at',
        message: 'expires_at exceeds maximum of 90 days for env prod (rule "prod-two-person")',
        rule: 'prod-two-person',
      },
    ]);
  });

  it('applies the default duration when expires_at is omitted', () => {
    const s = new Session();
    const { expires_at: _drop, ...rest } = content('prod');
    const p = s.run({
      command: 'propose',
      actor: human('alice'),
      at: '2026-01-05T00:00:00Z',
      proposal: rest,
    });
    expect(p.state.current.expires_at).toBe('2026-04-05T00:00:00Z');
  });
});

describe('governance rules by breadth, type, risk and reason', () => {
  it('broad scopes need two approvers even in dev, and no self-approval', () => {
    const s = new Session();
    s.run(
      propose('dev', {
        scope: { vulnerabilities: ['CVE-2021-23337'], environment: { envs: ['dev'] } },
      }),
    );
    expect(s.refusals(approve('alice', 'approver'))[0]?.rule).toBe('broad-two-person');
  });

  it('cross-boundary deployments and high risk need the CAB', () => {
    const s = new Session();
    const p = s.run(
      propose('staging', {
        type: 'policy',
        reason_code: 'RISK_ACCEPTED',
        risk_acceptance: { accepted: true, statement: 'Accepted for the migration window.' },
        risk_score: 70,
        evidence_refs: undefined,
        compensating_controls: [
          {
            control: 'Ring 1 only',
            measurement: 'Deployment intent scope',
            enforcement: 'Control plane policy',
          },
        ],
        scope: {
          artifacts: [{ digest: `sha256:${'c'.repeat(64)}` }],
          policy_rules: ['cross-boundary-deployment'],
          environment: { envs: ['staging'] },
        },
      }),
    );
    expect(p.requirements.roles.map((r) => [r.role, r.value, r.rule?.id])).toEqual([
      ['cab', 1, 'cab-cross-boundary'],
    ]);
    expect(p.requirements.matched.map((r) => r.id)).toEqual([
      'no-self-approval-outside-dev',
      'cab-cross-boundary',
      'cab-high-risk',
      'policy-compensating-controls',
      'risk-accepted-signoff',
    ]);
  });

  it('reason codes require their evidence, controls and sign-off, all reported at once', () => {
    const s = new Session();
    const r = s.refusals(
      propose('prod', { reason_code: 'TEMPORARY_WORKAROUND', evidence_refs: undefined }),
    );
    expect(r.map((x) => [x.code, x.path, x.rule])).toEqual([
      ['POLICY_EVIDENCE_REQUIRED', '$.proposal.evidence_refs', 'workaround-plan'],
      [
        'POLICY_COMPENSATING_CONTROLS_REQUIRED',
        '$.proposal.compensating_controls',
        'workaround-plan',
      ],
    ]);
    expect(r[0]?.message).toBe(
      'needs evidence of kind mitigation or ticket for reason TEMPORARY_WORKAROUND (rule "workaround-plan")',
    );
  });

  it('refuses approvers without the role, service actors and repeated approvals', () => {
    const s = new Session();
    s.run(propose('prod'));
    expect(s.refusals(approve('bob', 'security-reviewer')).map((x) => x.code)).toEqual([
      'POLICY_ROLE_NOT_HELD',
    ]);
    expect(
      s
        .refusals({ ...approve('bob', 'approver'), actor: { id: 'bob', kind: 'service' } })
        .map((x) => x.code),
    ).toEqual(['POLICY_SERVICE_ACTOR_FORBIDDEN']);
    s.run(approve('bob', 'approver'));
    expect(
      s.refusals(approve('bob', 'approver', '2026-01-06T02:00:00Z')).map((x) => x.code),
    ).toEqual(['POLICY_DUPLICATE_APPROVAL']);
  });
});

describe('approval under a changed configuration', () => {
  it('re-checks the content against the configuration in force at approval time', () => {
    const s = new Session();
    s.run(propose('staging', { expires_at: '2026-06-01T00:00:00Z' }));
    const stricter = { ...s.config, duration: { default_days: 30, max_days: 30 } };
    const r = executeExceptionCommand(
      s.record,
      { ...approve('sec', 'security-reviewer'), exception_id: s.record!.exception_id },
      stricter,
    );
    expect(E.isLeft(r) && 'refusals' in r.left && r.left.refusals).toEqual([
      {
        code: 'POLICY_DURATION_EXCEEDED',
        path: '$.version',
        message: "expires_at exceeds maximum of 30 days (the configuration's duration.max_days)",
      },
    ]);
  });
});

describe('review decisions', () => {
  it('rejection ends the version; the requester may not review their own', () => {
    const s = new Session();
    s.run(propose('prod'));
    expect(
      s
        .refusals({
          command: 'reject',
          actor: human('alice'),
          at: '2026-01-06T00:00:00Z',
          role: 'approver',
          version: 1,
          reason: 'no',
        })
        .map((x) => x.code),
    ).toEqual(['POLICY_SELF_REVIEW_FORBIDDEN']);
    const r = s.run({
      command: 'reject',
      actor: human('sec'),
      at: '2026-01-06T00:00:00Z',
      role: 'security-reviewer',
      version: 1,
      reason: 'VEX does not cover this path.',
    });
    expect(r.state.status).toBe('rejected');
    expect(s.refusals(approve('bob', 'approver', '2026-01-07T00:00:00Z'))[0]).toMatchObject({
      code: 'POLICY_STATE_CONFLICT',
      message: 'version 1 is rejected, not proposed',
    });
  });

  it('a request for changes is answered by an amendment that needs fresh approvals', () => {
    const s = new Session();
    s.run(propose('prod'));
    s.run(approve('bob', 'approver'));
    s.run({
      command: 'request_changes',
      actor: human('sec'),
      at: '2026-01-06T01:00:00Z',
      role: 'security-reviewer',
      version: 1,
      reason: 'Narrow to the payments namespace.',
    });
    const env = { envs: ['prod'], namespaces: ['payments'] };
    const a = s.run({
      command: 'amend',
      actor: human('alice'),
      at: '2026-01-07T00:00:00Z',
      reason: 'Narrowed as requested.',
      changes: { scope: { ...(content('prod').scope as object), environment: env } },
    });
    expect(a.state.versions.map((v) => v.status)).toEqual(['superseded', 'proposed']);
    expect(a.progress.approvers).toBe(0);
    expect(
      s
        .refusals({
          command: 'amend',
          actor: human('alice'),
          at: '2026-01-07T01:00:00Z',
          reason: 'again',
          changes: {},
        })
        .map((x) => x.code),
    ).toEqual(['POLICY_NO_CHANGE']);
  });
});

describe('renewal', () => {
  const active = () => {
    const s = new Session();
    s.run(propose('prod'));
    s.run(approve('bob', 'approver'));
    s.run(approve('sec', 'security-reviewer', '2026-01-06T01:00:00Z'));
    return s;
  };
  const renew = (changes: Record<string, unknown>, by = 'alice') => ({
    command: 'renew',
    actor: human(by),
    at: '2026-02-20T00:00:00Z',
    reason: 'The vendor fix slipped.',
    changes,
  });

  it('needs a fresh rationale, a later expiry within the maximum extension, and a full new approval', () => {
    const s = active();
    expect(s.refusals(renew({ expires_at: '2026-03-01T00:00:00Z' })).map((x) => x.code)).toEqual([
      'POLICY_NO_CHANGE',
      'POLICY_RENEWAL_NOT_EXTENDING',
      'POLICY_RATIONALE_NOT_FRESH',
    ]);
    const tooLong = s.refusals(
      renew({ expires_at: '2026-06-01T00:00:00Z', rationale: 'Fix slips to June.' }),
    );
    expect(tooLong[0]).toEqual({
      code: 'POLICY_EXTENSION_EXCEEDED',
      path: '$.changes.expires_at',
      message:
        'expires_at exceeds the maximum extension of 90 days past 2026-03-01T00:00:00Z (renewal.max_extension_days)',
    });
    expect(tooLong[1]?.message).toBe(
      'expires_at exceeds maximum of 90 days for env prod (rule "prod-two-person")',
    );
    const r = s.run(
      renew({ expires_at: '2026-05-01T00:00:00Z', rationale: 'Fix slips to April.' }),
    );
    expect(
      r.state.versions.map((v) => [v.version, v.status, v.origin, v.previous_version]),
    ).toEqual([
      [1, 'active', 'propose', undefined],
      [2, 'proposed', 'renew', 1],
    ]);
    expect(r.state.current.version).toBe(1);
    s.run(approve('carol', 'approver', '2026-02-21T00:00:00Z', 2));
    const done = s.run(approve('sec2', 'security-reviewer', '2026-02-21T01:00:00Z', 2));
    expect(done.state.versions.map((v) => v.status)).toEqual(['superseded', 'active']);
  });

  it('only the owner, a requester or amend_roles may renew', () => {
    expect(
      active().refusals(renew({ expires_at: '2026-04-01T00:00:00Z', rationale: 'x' }, 'mallory'))[0]
        ?.code,
    ).toBe('POLICY_NOT_AUTHORIZED');
  });
});

describe('revocation and sweep', () => {
  it('revocation by a security reviewer acting with the role; others refused', () => {
    const s = new Session();
    s.run(propose('prod'));
    expect(
      s.refusals({
        command: 'revoke',
        actor: human('bob'),
        at: '2026-01-06T00:00:00Z',
        reason: 'x',
      })[0]?.code,
    ).toBe('POLICY_NOT_AUTHORIZED');
    expect(
      s.refusals({
        command: 'revoke',
        actor: human('bob'),
        at: '2026-01-06T00:00:00Z',
        reason: 'x',
        role: 'security-reviewer',
      })[0]?.code,
    ).toBe('POLICY_ROLE_NOT_HELD');
    const r = s.run({
      command: 'revoke',
      actor: human('sec'),
      at: '2026-01-06T00:00:00Z',
      reason: 'Fixed upstream.',
      role: 'security-reviewer',
    });
    expect(r.state.status).toBe('revoked');
    expect(
      s.refusals({
        command: 'revoke',
        actor: human('alice'),
        at: '2026-01-07T00:00:00Z',
        reason: 'again',
      })[0]?.code,
    ).toBe('POLICY_STATE_CONFLICT');
  });

  it('records expiries for the record and reports what expires soon', () => {
    const s = new Session();
    s.run(propose('dev'));
    s.run(approve('alice', 'approver'));
    const soon = sweepExceptions([s.record!], '2026-02-20T00:00:00Z' as Timestamp, {
      actor: { id: 'svc:sweep', kind: 'service' },
      expiringWithinDays: 14,
    });
    expect(soon.events).toEqual([]);
    expect(soon.expiring).toEqual([
      {
        exception_id: s.record!.exception_id,
        version: 1,
        owner: 'team-payments',
        expires_at: '2026-03-01T00:00:00Z',
      },
    ]);
    const late = sweepExceptions([s.record!], '2026-03-02T00:00:00Z' as Timestamp, {
      actor: { id: 'svc:sweep', kind: 'service' },
      expiringWithinDays: 14,
    });
    expect(late.expiring).toEqual([]);
    expect(late.events).toHaveLength(1);
    const folded = foldExceptionEvents([...s.events, ...late.events]);
    expect(E.isRight(folded)).toBe(true);
  });
});

describe('malformed commands', () => {
  it('name every problem with its path', () => {
    const r = executeExceptionCommand(
      undefined,
      { command: 'approve', actor: { id: '' }, at: 'soon', version: 0 },
      new Session().config,
    );
    expect(E.isLeft(r) && r.left.code).toBe('POLICY_COMMAND_INVALID');
    expect(E.isLeft(r) && 'issues' in r.left && r.left.issues.map((i) => i.path)).toEqual([
      '$.actor.id',
      '$.actor.kind',
      '$.at',
      '$.exception_id',
      '$.version',
      '$.role',
    ]);
  });

  it('an unknown command name', () => {
    const r = executeExceptionCommand(undefined, { command: 'waive' }, new Session().config);
    expect(E.isLeft(r) && r.left.path).toBe('$.command');
  });

  it('proposal problems are reported under $.proposal', () => {
    const r = new Session().refusals(
      propose('prod', { risk_score: 120, scope: { artifacts: [] } }),
    );
    expect(r.map((x) => x.path)).toEqual(['$.proposal.scope.artifacts', '$.proposal.risk_score']);
  });
});
