// Builders for evaluation tests: findings, exception histories (proposed + approved, optionally
// revoked), VEX statements and a policy.
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeProposal,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA as schema,
  findingKey,
  proposalDigest,
  type EventDraft,
  type ExceptionProposal,
  type Finding,
  type Severity,
  type Sha256Digest,
  type Timestamp,
  type VexStatement,
} from '@warrant/core';
import type { EvaluationInput, EvaluationPolicy } from '@warrant/policy';

export const ts = (s: string) => s as Timestamp;
export const D = (c: string) => `sha256:${c.repeat(64)}` as Sha256Digest;
export const NOW = ts('2026-02-01T00:00:00Z');

export const finding = (
  vuln: string,
  purl: string | undefined,
  artifact: string | undefined,
  severity: Severity = 'high',
  aliases: string[] = [],
): Finding => ({
  key: findingKey({
    artifactDigest: artifact as Sha256Digest | undefined,
    vulnerabilityId: vuln,
    component:
      purl === undefined ? { name: 'x', version: undefined } : (purl.split('?')[0] as string),
  }),
  vulnerability: { id: vuln, aliases },
  component: {
    name: 'x',
    ...(purl === undefined ? {} : { purl, purlSource: 'document' as const }),
  },
  artifact: artifact === undefined ? {} : { digest: artifact as Sha256Digest },
  severity: { level: severity },
  cvss: [],
  fix: { state: 'unknown', versions: [] },
  locations: [],
  scanner: { name: 'test' },
});

export const proposal = (
  scope: Record<string, unknown>,
  over: Record<string, unknown> = {},
): ExceptionProposal => {
  const p = decodeProposal({
    type: 'vulnerability',
    owner: 'team-a',
    scope,
    reason_code: 'RISK_ACCEPTED',
    rationale: 'accepted for the test',
    risk_acceptance: { accepted: true, statement: 'we accept it' },
    risk_score: 10,
    expires_at: '2026-06-01T00:00:00Z',
    ...over,
  });
  if (E.isLeft(p)) throw new Error(JSON.stringify(p.left.issues));
  return p.right;
};

const actor = (id: string) => ({ id, kind: 'human' as const });

/** proposed at t0, approved (final) at t1; optionally revoked at t2. */
export const history = (
  id: string,
  content: ExceptionProposal,
  opts: { approved?: string | null; revoked?: string; proposedAt?: string } = {},
): EventDraft[] => {
  const events: EventDraft[] = [
    encodeExceptionEvent({
      type: 'exception.proposed',
      time: ts(opts.proposedAt ?? '2026-01-01T00:00:00Z'),
      actor: actor('req'),
      reason: '',
      subject: id,
      payload: { schema, version: 1, proposal: content },
    }),
  ];
  if (opts.approved !== null) {
    events.push(
      encodeExceptionEvent({
        type: 'exception.approved',
        time: ts(opts.approved ?? '2026-01-02T00:00:00Z'),
        actor: actor('boss'),
        reason: '',
        subject: id,
        payload: {
          schema,
          version: 1,
          role: 'approver',
          content_digest: proposalDigest(content),
          final: true,
        },
      }),
    );
  }
  if (opts.revoked !== undefined) {
    events.push(
      encodeExceptionEvent({
        type: 'exception.revoked',
        time: ts(opts.revoked),
        actor: actor('boss'),
        reason: 'no longer needed',
        subject: id,
        payload: { schema, version: 1 },
      }),
    );
  }
  return events;
};

export const POLICY: EvaluationPolicy = {
  schema: 'warrant.policy/v1',
  gates: [
    { id: 'no-high', kind: 'severity', at_or_above: 'high', action: 'fail' },
    { id: 'unknowns', kind: 'unknown_state', action: 'warn' },
    { id: 'signed', kind: 'policy_rule', rules: ['unsigned-artifact'], action: 'fail' },
  ],
  vex: { trusted_issuers: ['Acme PSIRT'] },
} as unknown as EvaluationPolicy;

export const statement = (
  vuln: string,
  status: VexStatement['status'],
  product: { digest?: string; purl?: string; subcomponents?: Array<{ purl: string }> },
  issuer = 'Acme PSIRT',
  timestamp?: string,
): VexStatement =>
  ({
    vulnerability: { id: vuln, aliases: [] },
    products: [{ subcomponents: [], ...product }],
    status,
    document: { format: 'openvex', digest: D('f') },
    issuer,
    ...(timestamp === undefined ? {} : { timestamp }),
  }) as unknown as VexStatement;

export const input = (over: Partial<EvaluationInput>): EvaluationInput =>
  ({ findings: [], exceptions: [], policy: POLICY, now: NOW, ...over }) as EvaluationInput;
