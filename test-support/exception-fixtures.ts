// Example exception content shared by the policy and CLI tests: one narrow NOT_AFFECTED
// vulnerability exception (one artifact, one exact purl, one CVE, one environment) with VEX
// evidence, so that both suites exercise the same governance decisions on the same input.

/** The artifact the example exception covers. */
export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
/** The digest of the example VEX evidence. */
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;

/** A narrow NOT_AFFECTED vulnerability exception in `env`, as proposal JSON; `over` replaces fields. */
export const narrowProposal = (
  env: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({
  type: 'vulnerability',
  owner: 'team-payments',
  scope: {
    artifacts: [{ digest: DIGEST_A }],
    components: [{ purl: 'pkg:npm/lodash@4.17.20' }],
    vulnerabilities: ['CVE-2021-23337'],
    environment: { envs: [env] },
  },
  reason_code: 'NOT_AFFECTED',
  rationale: 'The vulnerable template function is never called with user input.',
  evidence_refs: [
    {
      kind: 'vex',
      uri: 'https://vex.example.com/a.json',
      media_type: 'application/openvex+json',
      digest: DIGEST_B,
    },
  ],
  risk_acceptance: { accepted: false },
  risk_score: 20,
  expires_at: '2026-03-01T00:00:00Z',
  ...over,
});
