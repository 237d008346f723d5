// Generates lifecycle command sequences for property tests and conformance vectors: a proposal
// in some environment by some requester, then steps that are mostly well-formed commands (many
// are refused, as real users' would be).
import fc from 'fast-check';
import { fromEpochMillis, type ExceptionRecord } from '@warrant/core';
import { content, human } from '../fixtures';

export const T0 = Date.parse('2026-01-05T00:00:00Z');
export const DAY = 86_400_000;
export const ACTORS = ['alice', 'bob', 'carol', 'sec', 'sec2', 'cab', 'mallory'];
export const ROLES = ['approver', 'security-reviewer', 'cab'];

export const arbStep = fc.record({
  kind: fc.constantFrom(
    'approve',
    'approve',
    'approve',
    'reject',
    'request_changes',
    'revoke',
    'amend',
    'renew',
  ),
  actor: fc.nat(ACTORS.length - 1),
  role: fc.nat(ROLES.length - 1),
  dt: fc.constantFrom(0, 3_600_000, DAY, 15 * DAY, 60 * DAY),
  skew: fc.constantFrom(0, 0, 0, 0, -1),
  days: fc.integer({ min: 1, max: 200 }),
  variant: fc.nat(3),
});
export const arbRun = fc.record({
  env: fc.constantFrom('dev', 'staging', 'prod'),
  requester: fc.constantFrom('alice', 'bob', 'mallory'),
  steps: fc.array(arbStep, { maxLength: 20 }),
});

export type Step = typeof arbStep extends fc.Arbitrary<infer S> ? S : never;

export const commandFor = (
  s: Step,
  record: ExceptionRecord,
  t: number,
  env: string,
): Record<string, unknown> => {
  const latest = record.versions[record.versions.length - 1]!;
  // Revisions mostly come from the requester (others are refused), to reach accepted renewals.
  const reviser = s.actor === ACTORS.length - 1 ? 'mallory' : record.versions[0]!.requester;
  const who = s.kind === 'amend' || s.kind === 'renew' ? reviser : ACTORS[s.actor]!;
  const base = { exception_id: record.exception_id, actor: human(who), at: fromEpochMillis(t) };
  const version = Math.max(1, latest.version + s.skew);
  const role = ROLES[s.role]!;
  switch (s.kind) {
    case 'approve':
      return { command: 'approve', ...base, version, role };
    case 'reject':
    case 'request_changes':
      return { command: s.kind, ...base, version, role, reason: 'Reviewed.' };
    case 'revoke':
      return {
        command: 'revoke',
        ...base,
        reason: 'No longer needed.',
        ...(s.variant === 0 ? { role } : {}),
      };
    default: {
      const anchor = Math.max(
        t,
        ...record.versions
          .filter((v) => v.approved_at !== undefined)
          .map((v) => Date.parse(v.content.expires_at)),
      );
      const expires = fromEpochMillis(anchor + (s.days % 100) * DAY + DAY);
      const changes =
        s.variant === 0
          ? { rationale: `Renewed for reason ${s.days}.`, expires_at: expires }
          : s.variant === 1
            ? { expires_at: expires }
            : s.variant === 2
              ? {
                  scope: {
                    ...(content(env).scope as object),
                    environment: { envs: [env], namespaces: ['payments'] },
                  },
                }
              : { risk_score: s.days % 100 };
      return { command: s.kind, ...base, reason: 'Justified change.', changes };
    }
  }
};

/** The first command of a generated run. */
export const proposeFor = (env: string, requester: string): Record<string, unknown> => ({
  command: 'propose',
  actor: human(requester),
  at: fromEpochMillis(T0),
  proposal: content(env, { expires_at: fromEpochMillis(T0 + 60 * DAY) }),
});
