// Inputs for conformance/tools/policy-eval-vectors.ts: hand-written scope-match cases and
// evaluation scenarios (plain JSON), and fast-check arbitraries for generated ones.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeProposal,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA as schema,
  findingKey,
  proposalDigest,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const ts = (s: string) => s as Timestamp;

export interface ScopeCase {
  readonly name: string;
  readonly scope: Record<string, unknown>;
  readonly subject: {
    readonly vulnerability?: { id: string; aliases: string[] };
    readonly purl?: string;
    readonly artifact?: string;
    readonly policy_rule?: string;
    readonly environment: Record<string, string>;
  };
  readonly aliases: Array<{ id: string; aliases: string[] }>;
}

const LOG4J = {
  vulnerability: { id: 'CVE-2021-44228', aliases: [] },
  purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
  artifact: D('a'),
  environment: { env: 'prod', cluster: 'eu-1' },
};

export const SCOPE_CASES: ScopeCase[] = [
  {
    name: 'alias map: GHSA scope matches a CVE finding',
    scope: { vulnerabilities: ['GHSA-jfh8-c2jp-5v3q'] },
    subject: LOG4J,
    aliases: [{ id: 'CVE-2021-44228', aliases: ['GHSA-jfh8-c2jp-5v3q'] }],
  },
  {
    name: 'no alias map: GHSA scope misses',
    scope: { vulnerabilities: ['GHSA-jfh8-c2jp-5v3q'] },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'source alias beats the alias map',
    scope: { vulnerabilities: ['GHSA-jfh8-c2jp-5v3q'] },
    subject: {
      ...LOG4J,
      vulnerability: { id: 'CVE-2021-44228', aliases: ['GHSA-jfh8-c2jp-5v3q'] },
    },
    aliases: [{ id: 'CVE-2021-44228', aliases: ['GHSA-jfh8-c2jp-5v3q'] }],
  },
  {
    name: 'pattern qualifier missing from the finding purl: near miss on components',
    scope: {
      vulnerabilities: ['CVE-2021-44228'],
      components: [{ purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=war' }],
    },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'version-less purl matches every version',
    scope: { components: [{ purl: 'pkg:maven/org.apache.logging.log4j/log4j-core' }] },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'vers range contains the version',
    scope: {
      components: [
        {
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
          range: 'vers:maven/>=2.0.0|<2.15.0',
        },
      ],
    },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'vers range excludes the version',
    scope: {
      components: [
        { purl: 'pkg:maven/org.apache.logging.log4j/log4j-core', range: 'vers:maven/>=2.15.0' },
      ],
    },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'missing environment fact never matches a constrained dimension',
    scope: { vulnerabilities: ['CVE-2021-44228'], environment: { namespaces: ['payments'] } },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'environment wildcard',
    scope: {
      vulnerabilities: ['CVE-2021-44228'],
      environment: { envs: ['pr*'], clusters: ['eu-*'] },
    },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'artifact digest differs',
    scope: { vulnerabilities: ['CVE-2021-44228'], artifacts: [{ digest: D('b') }] },
    subject: LOG4J,
    aliases: [],
  },
  {
    name: 'policy rule against a violation',
    scope: { policy_rules: ['unsigned-artifact'], artifacts: [{ digest: D('a') }] },
    subject: { policy_rule: 'unsigned-artifact', artifact: D('a'), environment: {} },
    aliases: [],
  },
  {
    name: 'policy rule against a finding (no rule): not matched',
    scope: { policy_rules: ['unsigned-artifact'] },
    subject: LOG4J,
    aliases: [],
  },
];

const VULNS = ['CVE-2024-0001', 'CVE-2024-0002', 'GHSA-2222-3333-4444'];
const PURLS = ['pkg:npm/a@1.0.0', 'pkg:npm/a@2.0.0', 'pkg:npm/b@1.0.0', 'pkg:pypi/c@1.0'];
const sub = <T>(xs: ReadonlyArray<T>) => fc.subarray([...xs], { minLength: 1 });
const scopeJson = fc
  .record(
    {
      vulnerabilities: sub(VULNS),
      components: sub([
        { purl: 'pkg:npm/a' },
        { purl: 'pkg:npm/a@1.0.0' },
        { purl: 'pkg:npm/a', range: 'vers:npm/>=1.5.0' },
        { purl: 'pkg:pypi/c@1.0.0' },
      ]),
      artifacts: sub([D('a'), D('b')]).map((ds) => ds.map((digest) => ({ digest }))),
      environment: fc.constantFrom({ envs: ['prod'] }, { envs: ['pr*'], clusters: ['us-*'] }),
      policy_rules: sub(['unsigned-artifact']),
    },
    { requiredKeys: [] },
  )
  .filter((s) => Object.keys(s).length > 0);

export const scopeCaseArb: fc.Arbitrary<ScopeCase> = fc.record({
  name: fc.constant(''),
  scope: scopeJson,
  subject: fc.record(
    {
      vulnerability: fc.record({ id: fc.constantFrom(...VULNS), aliases: fc.subarray(VULNS) }),
      purl: fc.constantFrom(...PURLS),
      artifact: fc.constantFrom(D('a'), D('b'), D('c')),
      policy_rule: fc.constantFrom('unsigned-artifact', 'other'),
      environment: fc.record(
        { env: fc.constantFrom('prod', 'dev'), cluster: fc.constantFrom('us-1', 'eu-1') },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['environment'] },
  ),
  aliases: fc.constantFrom([], [{ id: 'CVE-2024-0002', aliases: ['GHSA-2222-3333-4444'] }]),
}) as fc.Arbitrary<ScopeCase>;

// --- evaluation scenarios ------------------------------------------------------

const finding = (vuln: string, purl: string, artifact: string, severity: string) => ({
  key: findingKey({
    artifactDigest: artifact as Sha256Digest,
    vulnerabilityId: vuln,
    component: purl,
  }),
  vulnerability: { id: vuln, aliases: [] },
  component: { name: purl.split('/').pop()?.split('@')[0] ?? 'x', purl, purlSource: 'document' },
  artifact: { digest: artifact },
  severity: { level: severity },
  cvss: [],
  fix: { state: 'unknown', versions: [] },
  locations: [],
  scanner: { name: 'conformance' },
});

const actor = (id: string) => ({ id, kind: 'human' as const });
type Life = 'active' | 'revoked' | 'expired' | 'pending' | 'future';

const history = (id: string, type: string, scope: unknown, life: Life) => {
  const p = decodeProposal({
    type,
    owner: 'team-a',
    scope,
    reason_code: 'RISK_ACCEPTED',
    rationale: 'accepted for the conformance scenario',
    risk_acceptance: { accepted: true, statement: 'we accept it' },
    risk_score: 10,
    expires_at: life === 'expired' ? '2026-01-15T00:00:00Z' : '2026-06-01T00:00:00Z',
    ...(life === 'future' ? { valid_from: '2026-03-01T00:00:00Z' } : {}),
  });
  if (E.isLeft(p)) throw new Error(JSON.stringify(p.left.issues));
  const events = [
    encodeExceptionEvent({
      type: 'exception.proposed',
      time: ts('2026-01-01T00:00:00Z'),
      actor: actor('req'),
      reason: '',
      subject: id,
      payload: { schema, version: 1, proposal: p.right },
    }),
  ];
  if (life !== 'pending') {
    events.push(
      encodeExceptionEvent({
        type: 'exception.approved',
        time: ts('2026-01-02T00:00:00Z'),
        actor: actor('boss'),
        reason: '',
        subject: id,
        payload: {
          schema,
          version: 1,
          role: 'approver',
          content_digest: proposalDigest(p.right),
          final: true,
        },
      }),
    );
  }
  if (life === 'revoked') {
    events.push(
      encodeExceptionEvent({
        type: 'exception.revoked',
        time: ts('2026-01-10T00:00:00Z'),
        actor: actor('boss'),
        reason: 'no longer needed',
        subject: id,
        payload: { schema, version: 1 },
      }),
    );
  }
  return events;
};

const POLICY = {
  schema: 'warrant.policy/v1',
  gates: [
    { id: 'no-high', kind: 'severity', at_or_above: 'high', action: 'fail' },
    { id: 'prod-medium', kind: 'severity', at_or_above: 'medium', action: 'warn', envs: ['prod'] },
    { id: 'unknowns', kind: 'unknown_state', action: 'warn' },
    { id: 'signed', kind: 'policy_rule', rules: ['unsigned-artifact'], action: 'fail' },
  ],
  vex: { trusted_issuers: ['Acme PSIRT'] },
};

const statement = (
  vuln: string,
  status: string,
  product: Record<string, unknown>,
  issuer: string,
  timestamp?: string,
) => ({
  vulnerability: { id: vuln, aliases: [] },
  products: [{ subcomponents: [], ...product }],
  status,
  document: { format: 'openvex', digest: D('f') },
  issuer,
  ...(timestamp === undefined ? {} : { timestamp }),
});

const NOW = '2026-02-01T00:00:00Z';
const LODASH = 'pkg:npm/lodash@4.17.20';

export const SCENARIOS: Array<{ name: string; input: unknown }> = [
  {
    name: 'most specific exception applies, broad one outranked, near miss on another artifact',
    input: {
      findings: [
        finding('CVE-2021-23337', LODASH, D('a'), 'high'),
        finding('CVE-2021-23337', LODASH, D('b'), 'high'),
      ],
      exceptions: [
        history('exc-broad', 'vulnerability', { vulnerabilities: ['CVE-2021-23337'] }, 'active'),
        history(
          'exc-narrow',
          'vulnerability',
          { vulnerabilities: ['CVE-2021-23337'], artifacts: [{ digest: D('a') }] },
          'active',
        ),
      ],
      policy: POLICY,
      now: NOW,
    },
  },
  {
    name: 'revoked, expired, pending and not-yet-valid exceptions never apply',
    input: {
      findings: [finding('CVE-2021-23337', LODASH, D('a'), 'critical')],
      exceptions: (['revoked', 'expired', 'pending', 'future'] as const).map((l) =>
        history(`exc-${l}`, 'vulnerability', { vulnerabilities: ['CVE-2021-23337'] }, l),
      ),
      policy: POLICY,
      context: { env: 'prod' },
      now: NOW,
    },
  },
  {
    name: 'trusted VEX not_affected beats the exception; untrusted ignored; conflict reported',
    input: {
      findings: [finding('CVE-2021-23337', LODASH, D('a'), 'high')],
      exceptions: [
        history('exc-broad', 'vulnerability', { vulnerabilities: ['CVE-2021-23337'] }, 'active'),
      ],
      vex: [
        statement(
          'CVE-2021-23337',
          'not_affected',
          { digest: D('a'), subcomponents: [{ purl: 'pkg:npm/lodash' }] },
          'Acme PSIRT',
          '2026-01-05T00:00:00Z',
        ),
        statement(
          'CVE-2021-23337',
          'affected',
          { purl: 'pkg:npm/lodash' },
          'Acme PSIRT',
          '2026-01-04T00:00:00Z',
        ),
        statement('CVE-2021-23337', 'fixed', { purl: 'pkg:npm/lodash' }, 'Someone else'),
      ],
      policy: POLICY,
      now: NOW,
    },
  },
  {
    name: 'alias map lets a GHSA exception cover a CVE finding',
    input: {
      findings: [
        finding(
          'CVE-2021-44228',
          'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
          D('a'),
          'critical',
        ),
      ],
      exceptions: [
        history(
          'exc-ghsa',
          'vulnerability',
          { vulnerabilities: ['GHSA-jfh8-c2jp-5v3q'] },
          'active',
        ),
      ],
      knowledge: { aliases: [{ id: 'CVE-2021-44228', aliases: ['GHSA-jfh8-c2jp-5v3q'] }] },
      policy: POLICY,
      now: NOW,
    },
  },
  {
    name: 'policy exception covers one unsigned artifact, the other fails the gate',
    input: {
      findings: [],
      exceptions: [
        history(
          'exc-pol',
          'policy',
          { policy_rules: ['unsigned-artifact'], artifacts: [{ digest: D('a') }] },
          'active',
        ),
      ],
      violations: [
        { rule_id: 'unsigned-artifact', artifact: D('a'), detail: 'no signature' },
        { rule_id: 'unsigned-artifact', artifact: D('b'), detail: 'no signature' },
      ],
      policy: POLICY,
      now: NOW,
    },
  },
  {
    name: 'unknown severity: unknown_state exception applies only to unknown-severity findings',
    input: {
      findings: [
        finding('CVE-2024-0001', 'pkg:npm/a@1.0.0', D('a'), 'unknown'),
        finding('CVE-2024-0002', 'pkg:npm/a@1.0.0', D('a'), 'medium'),
      ],
      exceptions: [
        history('exc-unknown', 'unknown_state', { artifacts: [{ digest: D('a') }] }, 'active'),
      ],
      policy: POLICY,
      context: { env: 'prod' },
      now: NOW,
    },
  },
  {
    name: 'duplicate finding keys are refused',
    input: {
      findings: [
        finding('CVE-2021-23337', LODASH, D('a'), 'high'),
        finding('CVE-2021-23337', LODASH, D('a'), 'high'),
      ],
      exceptions: [],
      policy: POLICY,
      now: NOW,
    },
  },
];

const SEVS = ['critical', 'high', 'medium', 'low', 'unknown'];
export const scenarioArb: fc.Arbitrary<unknown> = fc
  .record({
    findings: fc.uniqueArray(
      fc.record({
        v: fc.constantFrom(...VULNS),
        p: fc.constantFrom(...PURLS),
        a: fc.constantFrom(D('a'), D('b')),
        s: fc.constantFrom(...SEVS),
      }),
      { selector: (x) => `${x.v}|${x.p}|${x.a}`, maxLength: 8 },
    ),
    exceptions: fc.array(
      fc.record({
        scope: scopeJson.filter((s) => s.policy_rules === undefined),
        life: fc.constantFrom<Life>('active', 'active', 'revoked', 'expired', 'pending', 'future'),
      }),
      { maxLength: 5 },
    ),
    vex: fc.array(
      fc.record({
        v: fc.constantFrom(...VULNS),
        s: fc.constantFrom('not_affected', 'affected', 'fixed'),
        p: fc.constantFrom('pkg:npm/a', 'pkg:npm/b'),
        i: fc.constantFrom('Acme PSIRT', 'Other'),
      }),
      { maxLength: 3 },
    ),
    env: fc.constantFrom(undefined, 'prod', 'dev'),
  })
  .map((x) => ({
    findings: x.findings.map((f) => finding(f.v, f.p, f.a, f.s)),
    exceptions: x.exceptions.map((e, i) =>
      history(
        `exc-${i}`,
        'vulnerability',
        { vulnerabilities: ['CVE-2024-0001'], ...e.scope },
        e.life,
      ),
    ),
    vex: x.vex.map((s) => statement(s.v, s.s, { purl: s.p }, s.i)),
    knowledge: { aliases: [{ id: 'CVE-2024-0002', aliases: ['GHSA-2222-3333-4444'] }] },
    policy: POLICY,
    ...(x.env === undefined ? {} : { context: { env: x.env } }),
    now: NOW,
  }));
