// Hand-written example exceptions shared by the example-based tests.
import type { ExceptionProposal, Sha256Digest } from '@warrant/core';

export const DIGEST_A = `sha256:${'a'.repeat(64)}` as Sha256Digest;
export const DIGEST_B = `sha256:${'b'.repeat(64)}` as Sha256Digest;

/** A narrow vulnerability exception in prod, as JSON. */
export const proposalJson = (): Record<string, unknown> => ({
  type: 'vulnerability',
  owner: 'team-payments',
  scope: {
    artifacts: [{ digest: DIGEST_A, ref: 'ghcr.io/acme/pay:1.4.2' }],
    components: [{ purl: 'pkg:npm/lodash@4.17.20' }],
    vulnerabilities: ['CVE-2021-23337'],
    environment: { envs: ['prod'] },
  },
  reason_code: 'NOT_AFFECTED',
  rationale: 'The vulnerable template function is never called with user input.',
  evidence_refs: [
    {
      kind: 'vex',
      uri: 'https://vex.example.com/pay/lodash.json',
      media_type: 'application/openvex+json',
      digest: DIGEST_B,
    },
  ],
  risk_acceptance: { accepted: false },
  risk_score: 20,
  expires_at: '2026-04-01T00:00:00Z',
});

export const proposal = (): ExceptionProposal => proposalJson() as unknown as ExceptionProposal;
