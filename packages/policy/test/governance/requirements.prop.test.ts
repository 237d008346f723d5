import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { decodeProposal, type ExceptionProposal } from '@warrant/core';
import { requirementsFor, type Requirements } from '@warrant/policy';
import { CONFIG, content } from '../fixtures';

const arbContent = fc
  .record({
    env: fc.constantFrom('dev', 'staging', 'prod'),
    type: fc.constantFrom('vulnerability', 'policy', 'component', 'unknown_state'),
    reason: fc.constantFrom(
      'FALSE_POSITIVE',
      'NOT_AFFECTED',
      'RISK_ACCEPTED',
      'BUSINESS_EXCEPTION',
      'VENDOR_PENDING',
    ),
    risk: fc.integer({ min: 0, max: 100 }),
    dropArtifacts: fc.boolean(),
    dropEnv: fc.boolean(),
    rules: fc.subarray(['cross-boundary-deployment', 'privileged-tooling', 'unsigned-artifact'], {
      minLength: 1,
    }),
  })
  .map((r): ExceptionProposal => {
    const base = content(r.env) as { scope: Record<string, unknown> };
    const scope: Record<string, unknown> = { ...base.scope, policy_rules: r.rules };
    if (r.dropArtifacts) delete scope.artifacts;
    if (r.dropEnv) delete scope.environment;
    const d = decodeProposal({
      ...base,
      type: r.type,
      reason_code: r.reason,
      risk_score: r.risk,
      scope,
    });
    if (E.isLeft(d)) throw new Error(d.left.message);
    return d.right;
  });

const summary = (r: Requirements) => ({
  approvals: r.approvals.value,
  roles: r.roles.map((x) => [x.role, x.value]),
  self: r.self_approval.value,
  days: r.max_duration_days.value,
  controls: r.compensating_controls.value,
  evidence: r.evidence.map((e) => e.kinds.join('|')).sort(),
  flags: [
    r.risk_acceptance !== undefined,
    r.deployment_intent !== undefined,
    r.signed_approvals !== undefined,
  ],
});

describe('requirement laws', () => {
  it('combined requirements do not depend on rule order', () => {
    fc.assert(
      fc.property(arbContent, fc.nat(), (p, seed) => {
        const rules = [...CONFIG.rules];
        let x = seed + 1;
        for (let i = rules.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) % 2147483648;
          const j = x % (i + 1);
          [rules[i], rules[j]] = [rules[j]!, rules[i]!];
        }
        expect(summary(requirementsFor({ ...CONFIG, rules }, p))).toEqual(
          summary(requirementsFor(CONFIG, p)),
        );
      }),
      { seed: 81, numRuns: 300 },
    );
  });

  it('removing a scope dimension never lowers what is required', () => {
    fc.assert(
      fc.property(
        arbContent,
        fc.constantFrom('artifacts', 'environment', 'components'),
        (p, dim) => {
          const { [dim]: _gone, ...scope } = p.scope;
          const wider = { ...p, scope } as ExceptionProposal;
          const [a, b] = [requirementsFor(CONFIG, p), requirementsFor(CONFIG, wider)];
          expect(b.approvals.value).toBeGreaterThanOrEqual(a.approvals.value);
          expect(b.max_duration_days.value).toBeLessThanOrEqual(a.max_duration_days.value);
          if (!a.self_approval.value) expect(b.self_approval.value).toBe(false);
          for (const r of a.roles)
            expect(b.roles.find((x) => x.role === r.role)?.value ?? 0).toBeGreaterThanOrEqual(
              r.value,
            );
        },
      ),
      { seed: 82, numRuns: 300 },
    );
  });
});
