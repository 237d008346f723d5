// Shared fast-check generators for exception proposals (JSON form, sets deliberately unsorted).
import fc from 'fast-check';
import { fromEpochMillis, toHex, type ExceptionType } from '@warrant/core';

const BASE_S = 1_767_225_600; // 2026-01-01T00:00:00Z

export const arbDigest = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((b) => `sha256:${toHex(b)}`);
export const arbName = fc.stringMatching(/^[a-z][a-z0-9.@-]{0,12}$/);
export const arbText = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,40}$/);
/** Whole seconds within 2026-2027. */
export const arbTime = fc
  .integer({ min: 0, max: 2 * 365 * 86_400 })
  .map((s) => fromEpochMillis((BASE_S + s) * 1000));

const GHSA_CHARS = '23456789cfghjmpqrvwx';
const arbGhsaPart = fc.string({ unit: fc.constantFrom(...GHSA_CHARS), minLength: 4, maxLength: 4 });
export const arbVulnId = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1999, max: 2030 }), fc.integer({ min: 1000, max: 999_999 }))
    .map(([y, n]) => `CVE-${y}-${String(n).padStart(4, '0')}`),
  fc.tuple(arbGhsaPart, arbGhsaPart, arbGhsaPart).map((p) => `GHSA-${p.join('-')}`),
  fc.integer({ min: 1000, max: 9999 }).map((n) => `DSA-${n}-1`),
);

const arbPkg = fc.constantFrom('lodash', 'express', 'left-pad', '%40angular/core', 'openssl');
export const arbComponent = fc.oneof(
  fc
    .tuple(arbPkg, fc.constantFrom('1.0.0', '4.17.20', '3.0.11-1'))
    .map(([n, v]) => ({ purl: `pkg:npm/${n}@${v}` })),
  arbPkg.map((n) => ({ purl: `pkg:npm/${n}` })),
  fc
    .tuple(arbPkg, fc.constantFrom('vers:npm/<2.0.0', 'vers:npm/*', 'vers:npm/>=1.0.0|<1.5.0'))
    .map(([n, range]) => ({ purl: `pkg:npm/${n}`, range })),
);

const arbEnvValue = fc.constantFrom('dev', 'staging', 'prod', 'prod-*', '*', 'eu-west', 'team-*');
const arbEnvSet = fc.uniqueArray(arbEnvValue, { minLength: 1, maxLength: 3 });

export const arbEnvironment = fc
  .record(
    {
      envs: arbEnvSet,
      clusters: arbEnvSet,
      namespaces: arbEnvSet,
      repositories: arbEnvSet,
      projects: arbEnvSet,
      tenants: arbEnvSet,
    },
    { requiredKeys: [] },
  )
  .filter((e) => Object.keys(e).length > 0);

export const arbScope = fc.record(
  {
    artifacts: fc
      .uniqueArray(arbDigest, { minLength: 1, maxLength: 3 })
      .map((ds) => ds.map((digest) => ({ digest }))),
    components: fc.uniqueArray(arbComponent, {
      minLength: 1,
      maxLength: 3,
      selector: (c) => JSON.stringify(c),
    }),
    vulnerabilities: fc.uniqueArray(arbVulnId, { minLength: 1, maxLength: 3 }),
    environment: arbEnvironment,
    policy_rules: fc.uniqueArray(
      fc.constantFrom('unsigned-artifact', 'cross-boundary-deployment', 'privileged-tooling'),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  },
  { requiredKeys: [] },
);

export const arbType = fc.constantFrom<ExceptionType>(
  'vulnerability',
  'policy',
  'unknown_state',
  'component',
);

/** Fills the dimension a type requires, if the generated scope lacks it. */
export const completeScope = (
  type: ExceptionType,
  scope: Record<string, unknown>,
): Record<string, unknown> => {
  const need: Record<ExceptionType, [string, unknown]> = {
    vulnerability: ['vulnerabilities', ['CVE-2024-0001']],
    policy: ['policy_rules', ['unsigned-artifact']],
    component: ['components', [{ purl: 'pkg:npm/lodash@1.0.0' }]],
    unknown_state: ['components', [{ purl: 'pkg:npm/lodash@1.0.0' }]],
  };
  const [key, value] = need[type];
  if (type === 'unknown_state' && scope.artifacts !== undefined) return scope;
  return scope[key] === undefined ? { ...scope, [key]: value } : scope;
};

const arbEvidence = fc.record({
  kind: fc.constantFrom('vex', 'reachability', 'advisory', 'patch', 'scan', 'control'),
  uri: arbName.map((n) => `https://evidence.example.com/${n}`),
  media_type: fc.constantFrom('application/json', 'application/openvex+json', 'text/plain'),
  digest: arbDigest,
});
const arbControl = fc.record({ control: arbText, measurement: arbText, enforcement: arbText });
const arbLink = fc.record({
  kind: fc.constantFrom('ticket', 'pull_request', 'incident', 'advisory'),
  ref: fc.stringMatching(/^[A-Z]{2,5}-[0-9]{1,5}$/),
});

/** A valid proposal as raw JSON (sets unsorted); `start` bounds valid_from / expires_at. */
export const arbProposalJson = fc
  .record(
    {
      type: arbType,
      owner: arbName,
      scope: arbScope,
      reason_code: fc.constantFrom(
        'FALSE_POSITIVE',
        'NOT_AFFECTED',
        'RISK_ACCEPTED',
        'VENDOR_PENDING',
      ),
      rationale: arbText,
      accepted: fc.boolean(),
      risk_score: fc.integer({ min: 0, max: 100 }),
      start: arbTime,
      days: fc.integer({ min: 1, max: 200 }),
      withValidFrom: fc.boolean(),
      evidence_refs: fc.option(
        fc.uniqueArray(arbEvidence, { minLength: 1, maxLength: 2, selector: (e) => e.digest }),
      ),
      compensating_controls: fc.option(
        fc.uniqueArray(arbControl, {
          minLength: 1,
          maxLength: 2,
          selector: (c) => JSON.stringify(c),
        }),
      ),
      links: fc.option(
        fc.uniqueArray(arbLink, { minLength: 1, maxLength: 2, selector: (l) => JSON.stringify(l) }),
      ),
    },
    { noNullPrototype: true },
  )
  .map((r) => {
    const out: Record<string, unknown> = {
      type: r.type,
      owner: r.owner,
      scope: completeScope(r.type, r.scope),
      reason_code: r.reason_code,
      rationale: r.rationale,
      risk_acceptance: r.accepted ? { accepted: true, statement: 'accepted' } : { accepted: false },
      risk_score: r.risk_score,
      expires_at: fromEpochMillis(Date.parse(r.start) + r.days * 86_400_000),
    };
    if (r.withValidFrom) out.valid_from = r.start;
    if (r.evidence_refs !== null) out.evidence_refs = r.evidence_refs;
    if (r.compensating_controls !== null) out.compensating_controls = r.compensating_controls;
    if (r.links !== null) out.links = r.links;
    return out;
  });

/** Reverses and rotates every array in a JSON value (a permutation that keeps set contents). */
export const permuteArrays = (v: unknown, shift: number): unknown => {
  if (Array.isArray(v)) {
    const items = v.map((x) => permuteArrays(x, shift)).reverse();
    const k = items.length === 0 ? 0 : shift % items.length;
    return [...items.slice(k), ...items.slice(0, k)];
  }
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, permuteArrays(x, shift)]));
  }
  return v;
};
