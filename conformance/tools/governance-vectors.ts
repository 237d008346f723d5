// Generates conformance/governance/*.json with the reference implementation in @warrant/policy,
// from hand-written cases plus fast-check runs with fixed seeds. Run:
//   npx tsx --conditions=@warrant/source conformance/tools/governance-vectors.ts
// Regeneration is byte-identical; never hand-edit the output.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeProposal,
  importPrivateKeyPem,
  type ExceptionRecord,
  type Timestamp,
} from '@warrant/core';
import {
  approvalStatement,
  decodeGovernance,
  executeExceptionCommand,
  GovernanceConfig,
  governanceDigest,
  requirementsFor,
  signApproval,
} from '@warrant/policy';
import { CONFIG, content, human } from '../../packages/policy/test/fixtures';
import { ED25519_PRIVATE_PEM, ED25519_PUBLIC_PEM, P256_PUBLIC_PEM } from './dsse-fixtures';
import { requirementsSummary } from './requirements-summary';
import { runAuditCase, type AuditInput } from './signature-audit-run';
import { runSweepCase, type SweepInput } from './sweep-run';
import {
  arbRun,
  commandFor,
  proposeFor,
  T0,
} from '../../packages/policy/test/lifecycle/command-gen';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'governance');
type Case = { name: string; input: unknown; expected?: unknown; error?: string };
const write = (file: string, description: string, source: string, cases: Case[]): void => {
  writeFileSync(join(OUT, file), `${JSON.stringify({ description, source, cases }, null, 2)}\n`);
};
const DEFAULT_JSON = GovernanceConfig.encode(CONFIG);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

// --- config ----------------------------------------------------------------

const configCase = (name: string, input: unknown): Case => {
  const r = decodeGovernance(input);
  return E.isLeft(r)
    ? { name: `${name} at ${r.left.path}`, input, error: r.left.code }
    : { name, input, expected: { digest: governanceDigest(r.right) } };
};
// Negative cases start from a small valid configuration, so each file stays readable.
const SMALL = {
  schema: 'warrant.governance/v1',
  roles: { approver: ['alice', 'bob'], cab: ['cab'] },
  rules: [
    {
      id: 'prod-two-person',
      when: { envs: ['prod'] },
      require: { approvals: 2, self_approval: 'forbidden' },
    },
  ],
  duration: { default_days: 90, max_days: 180 },
  renewal: { max_extension_days: 90 },
};
// The configuration of spec section 8.1, expressing every requirement of the issue: the default
// rules plus signed approvals outside dev (unsigned approvals only where the configuration says).
const ALL_REQUIREMENTS = {
  ...DEFAULT_JSON,
  rules: [
    ...DEFAULT_JSON.rules,
    {
      id: 'signed-approvals-outside-dev',
      description: 'Outside dev every approval carries a DSSE signature by the approver.',
      when: { envs_outside: ['dev'] },
      require: { signed_approvals: true },
    },
  ],
};
// Exercises what the default configuration does not: a rule without a condition, ties with the
// baseline (no rule named), two evidence requirements, a deployment intent, service approvals,
// amend_roles, a short maximum and extension.
const FEATURES = {
  schema: 'warrant.governance/v1',
  roles: { approver: ['alice', 'bob', 'carol'], cab: ['cab'], ops: ['olga', 'svc-deployer'] },
  rules: [
    {
      id: 'one-approval',
      description: 'A count of 1 is the baseline: no rule is named for it.',
      require: { approvals: 1 },
    },
    {
      id: 'dev-self',
      when: { envs: ['dev'] },
      require: { self_approval: 'allowed', max_duration_days: 60 },
    },
    {
      id: 'prod-deploy',
      when: { envs: ['prod'] },
      require: { approvals: 2, deployment_intent: true, max_duration_days: 30 },
    },
    {
      id: 'vex-for-vulnerabilities',
      when: { envs_outside: ['dev'], types: ['vulnerability'] },
      require: { evidence_kinds: ['vex'] },
    },
    {
      id: 'scan-outside-dev-and-prod',
      when: { envs_outside: ['dev', 'prod'] },
      require: { evidence_kinds: ['scan'] },
    },
    {
      id: 'cab-at-100',
      when: { risk_score_above: 99 },
      require: { approvals: 2, roles: { cab: 1 } },
    },
  ],
  duration: { default_days: 30, max_days: 60 },
  renewal: { max_extension_days: 15 },
  service_approvals: true,
  revoke_roles: ['ops'],
  amend_roles: ['ops'],
};
const NAMED_CONFIGS = {
  'all requirements (spec section 8.1)': ALL_REQUIREMENTS,
  features: FEATURES,
} as const;
type ConfigName = keyof typeof NAMED_CONFIGS;
const configNamed = (name: ConfigName | undefined): GovernanceConfig => {
  if (name === undefined) return CONFIG;
  const r = decodeGovernance(NAMED_CONFIGS[name]);
  if (E.isLeft(r)) throw new Error(`${name}: ${r.left.message}`);
  return r.right;
};
const edited = (f: (j: Record<string, unknown>) => void): Record<string, unknown> => {
  const j = clone(SMALL) as Record<string, unknown>;
  f(j);
  return j;
};
const rulesOf = (j: Record<string, unknown>) => j.rules as Array<Record<string, unknown>>;
write(
  'config.json',
  'Governance configuration decoding (docs/spec/governance-v1.md section 2): input is a configuration; expected.digest is the sha256 of its normalized RFC 8785 canonical JSON (section 2.3). The first case is the default configuration (section 8) with example members; requirements.json and commands.json use it.',
  'generated by conformance/tools/governance-vectors.ts (hand-written)',
  [
    configCase('default configuration', DEFAULT_JSON),
    configCase('role members in any order give the same digest', {
      ...DEFAULT_JSON,
      roles: {
        cab: ['cab'],
        'security-reviewer': ['sec2', 'sec'],
        approver: ['carol', 'bob', 'alice'],
      },
    }),
    configCase('small configuration', SMALL),
    ...Object.entries(NAMED_CONFIGS).map(([name, c]) => configCase(name, c)),
    configCase(
      'role named __proto__ is an ordinary role',
      JSON.parse(JSON.stringify(SMALL).replace('"roles":{', '"roles":{"__proto__":["mallory"],')),
    ),
    configCase(
      'wrong schema refused',
      edited((j) => {
        j.schema = 'warrant.governance/v2';
      }),
    ),
    configCase(
      'unknown member refused',
      edited((j) => {
        j.quorum = 2;
      }),
    ),
    configCase(
      'missing renewal refused',
      edited((j) => {
        delete j.renewal;
      }),
    ),
    configCase(
      'no rules refused',
      edited((j) => {
        j.rules = [];
      }),
    ),
    configCase(
      'no roles refused',
      edited((j) => {
        j.roles = {};
      }),
    ),
    configCase(
      'empty role refused',
      edited((j) => {
        (j.roles as Record<string, unknown>).cab = [];
      }),
    ),
    configCase(
      'default beyond maximum refused',
      edited((j) => {
        j.duration = { default_days: 200, max_days: 180 };
      }),
    ),
    configCase(
      'duplicate rule id refused',
      edited((j) => {
        rulesOf(j).push({ id: 'prod-two-person', require: { approvals: 1 } });
      }),
    ),
    configCase(
      'undefined role refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { roles: { ghosts: 1 } } });
      }),
    ),
    configCase(
      'role count beyond members refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { roles: { cab: 2 } } });
      }),
    ),
    configCase(
      'approvals beyond all members refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { approvals: 9 } });
      }),
    ),
    configCase(
      'empty condition refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', when: {}, require: { approvals: 1 } });
      }),
    ),
    configCase(
      'empty requirement refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: {} });
      }),
    ),
    configCase(
      'empty role counts refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { roles: {} } });
      }),
    ),
    configCase(
      'unknown requirement refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { quorum: 2 } });
      }),
    ),
    configCase(
      'risk_acceptance false refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { risk_acceptance: false } });
      }),
    ),
    configCase(
      'zero days refused',
      edited((j) => {
        j.renewal = { max_extension_days: 0 };
      }),
    ),
    configCase(
      'undefined revoke role refused',
      edited((j) => {
        j.revoke_roles = ['janitor'];
      }),
    ),
    configCase(
      'role counts are checked in code-unit order',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { roles: { '9': 1, '10': 1 } } });
      }),
    ),
    configCase(
      'undefined amend role refused',
      edited((j) => {
        j.amend_roles = ['janitor'];
      }),
    ),
    configCase(
      'approvals equal to all distinct members accepted',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { approvals: 3 } });
      }),
    ),
    configCase(
      'approvals one above all distinct members refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { approvals: 4 } });
      }),
    ),
    configCase(
      'default equal to maximum accepted',
      edited((j) => {
        j.duration = { default_days: 180, max_days: 180 };
      }),
    ),
    configCase(
      '3650 days accepted',
      edited((j) => {
        j.duration = { default_days: 3650, max_days: 3650 };
      }),
    ),
    configCase(
      '3651 days refused',
      edited((j) => {
        j.duration = { default_days: 90, max_days: 3651 };
      }),
    ),
    configCase(
      'count above 100 refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { compensating_controls: 101 } });
      }),
    ),
    configCase(
      'fractional count refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', require: { compensating_controls: 1.5 } });
      }),
    ),
    configCase(
      'risk_score_above 100 accepted',
      edited((j) => {
        rulesOf(j).push({ id: 'x', when: { risk_score_above: 100 }, require: { approvals: 1 } });
      }),
    ),
    configCase(
      'risk_score_above 101 refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', when: { risk_score_above: 101 }, require: { approvals: 1 } });
      }),
    ),
    configCase(
      'wildcard environment in a condition refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', when: { envs: ['prod-*'] }, require: { approvals: 1 } });
      }),
    ),
    configCase(
      'duplicate role member refused',
      edited((j) => {
        j.roles = { approver: ['alice', 'alice'], cab: ['cab'] };
      }),
    ),
    configCase(
      'null optional member refused',
      edited((j) => {
        j.service_approvals = null;
      }),
    ),
    configCase(
      'service_approvals false hashes differently from absent',
      edited((j) => {
        j.service_approvals = false;
      }),
    ),
    configCase(
      'unknown reason code in a condition refused',
      edited((j) => {
        rulesOf(j).push({ id: 'x', when: { reason_codes: ['OTHER'] }, require: { approvals: 1 } });
      }),
    ),
  ],
);

// --- requirements ----------------------------------------------------------

const reqCase = (
  name: string,
  proposal: Record<string, unknown>,
  configName?: ConfigName,
): Case => {
  const p = decodeProposal(proposal);
  if (E.isLeft(p)) throw new Error(`${name}: ${p.left.message}`);
  return {
    name,
    input: configName === undefined ? { proposal } : { config: configName, proposal },
    expected: requirementsSummary(requirementsFor(configNamed(configName), p.right)),
  };
};
const scopeWith = (env: string, extra: Record<string, unknown>) => ({
  ...(content(env).scope as object),
  ...extra,
});
const policyContent = (env: string, rules: string[], over: Record<string, unknown> = {}) =>
  content(env, {
    type: 'policy',
    reason_code: 'COMPENSATING_CONTROL',
    evidence_refs: [
      {
        kind: 'control',
        uri: 'https://x.example/c',
        media_type: 'application/json',
        digest: `sha256:${'c'.repeat(64)}`,
      },
    ],
    compensating_controls: [
      { control: 'Ring 1 only', measurement: 'Intent scope', enforcement: 'Control plane' },
    ],
    scope: {
      artifacts: [{ digest: `sha256:${'a'.repeat(64)}` }],
      policy_rules: rules,
      environment: { envs: [env] },
    },
    ...over,
  });
const generatedReq = fc
  .sample(
    fc.record({
      env: fc.constantFrom('dev', 'staging', 'prod', 'prod-*'),
      reason: fc.constantFrom(
        'FALSE_POSITIVE',
        'NOT_REACHABLE',
        'NOT_AFFECTED',
        'BACKPORT_FIXED',
        'RISK_ACCEPTED',
        'TEMPORARY_WORKAROUND',
        'VENDOR_PENDING',
        'BUSINESS_EXCEPTION',
      ),
      risk: fc.integer({ min: 0, max: 100 }),
      drop: fc.subarray(['artifacts', 'components', 'environment']),
    }),
    { seed: 91, numRuns: 12 },
  )
  .map((g, i) => {
    const scope: Record<string, unknown> = {
      ...(content('x').scope as object),
      environment: { envs: [g.env] },
    };
    for (const d of g.drop) delete scope[d];
    return reqCase(
      `generated ${i}`,
      content(g.env, { reason_code: g.reason, risk_score: g.risk, scope }),
    );
  });
write(
  'requirements.json',
  'Applicable rules and combined requirements (docs/spec/governance-v1.md sections 3-4) under a configuration of config.json (input.config names the case; absent: the default configuration): input.proposal is exception content; expected lists the matched rule ids in configuration order and each combined requirement with the id of the rule named for it (null: none)',
  'generated by conformance/tools/governance-vectors.ts (hand-written, then fast-check seed 91)',
  [
    reqCase('dev: self-approval allowed', content('dev')),
    reqCase('staging vulnerability: security reviewer, no self-approval', content('staging')),
    reqCase('prod vulnerability: two approvers, security reviewer, 90 days', content('prod')),
    reqCase(
      'no environment counts as any (prod rules apply)',
      content('dev', { scope: scopeWith('dev', { environment: undefined }) }),
    ),
    reqCase(
      'wildcard environment counts as any',
      content('dev', { scope: scopeWith('dev', { environment: { envs: ['d*'] } }) }),
    ),
    reqCase(
      'dev and prod together: strictest wins',
      content('dev', { scope: scopeWith('dev', { environment: { envs: ['dev', 'prod'] } }) }),
    ),
    reqCase(
      'broad scope in dev',
      content('dev', {
        scope: { vulnerabilities: ['CVE-2021-23337'], environment: { envs: ['dev'] } },
      }),
    ),
    reqCase('cross-boundary deployment', policyContent('staging', ['cross-boundary-deployment'])),
    reqCase('privileged tooling in dev', policyContent('dev', ['privileged-tooling'])),
    reqCase('risk score 50 is not above 50', content('staging', { risk_score: 50 })),
    reqCase('risk score 51 needs the CAB', content('staging', { risk_score: 51 })),
    reqCase(
      'business exception',
      content('staging', {
        reason_code: 'BUSINESS_EXCEPTION',
        risk_acceptance: { accepted: true, statement: 'Board decision.' },
      }),
    ),
    reqCase(
      'dev and staging together: self-approval forbidden',
      content('dev', { scope: scopeWith('dev', { environment: { envs: ['dev', 'staging'] } }) }),
    ),
    reqCase(
      'environment names are case-sensitive: Prod is not prod',
      content('Prod', { scope: scopeWith('Prod', { environment: { envs: ['Prod'] } }) }),
    ),
    reqCase(
      'environment without envs counts as any',
      content('dev', { scope: scopeWith('dev', { environment: { namespaces: ['payments'] } }) }),
    ),
    reqCase(
      'exactly * counts as any',
      content('dev', { scope: scopeWith('dev', { environment: { envs: ['*'] } }) }),
    ),
    reqCase(
      'two CAB rules: the first with the maximum is named',
      policyContent('staging', ['cross-boundary-deployment', 'privileged-tooling'], {
        risk_score: 80,
      }),
    ),
    reqCase('risk score 0', content('staging', { risk_score: 0 })),
    reqCase('risk score 100', content('staging', { risk_score: 100 })),
    reqCase(
      'policy type with an unlisted policy rule needs no CAB',
      policyContent('prod', ['unsigned-artifact']),
    ),
    reqCase(
      'features: a rule without condition applies; approvals 1 names no rule',
      content('staging'),
      'features',
    ),
    reqCase('features: a rule maximum equal to max_days names no rule', content('dev'), 'features'),
    reqCase(
      'features: no rule says anything about self-approval: forbidden, no rule',
      content('prod'),
      'features',
    ),
    reqCase(
      'features: risk score 99 is not above 99',
      content('staging', { risk_score: 99 }),
      'features',
    ),
    reqCase('features: risk score 100', content('staging', { risk_score: 100 }), 'features'),
    reqCase(
      'all requirements: signatures outside dev',
      content('staging'),
      'all requirements (spec section 8.1)',
    ),
    reqCase(
      'all requirements: no signatures in dev',
      content('dev'),
      'all requirements (spec section 8.1)',
    ),
    ...generatedReq,
  ],
);

// --- commands --------------------------------------------------------------

type Outcome =
  | { events: unknown[] }
  | { refused: Array<{ code: string; path: string; rule: string | null }> }
  | { invalid: string[] };

/** A command, or a function building it from the record so far (e.g. to sign an approval). */
type Step =
  | Record<string, unknown>
  | ((record: ExceptionRecord | undefined) => Promise<Record<string, unknown>>);

/** Runs commands in order; a command without exception_id gets the current one. */
const runCommands = async (
  steps: ReadonlyArray<Step>,
  config: GovernanceConfig = CONFIG,
): Promise<{ input: unknown[]; expected: Outcome[] }> => {
  let record: ExceptionRecord | undefined;
  const input: unknown[] = [];
  const expected: Outcome[] = [];
  for (const step of steps) {
    const c = typeof step === 'function' ? await step(record) : step;
    const cmd =
      typeof c === 'object' &&
      c !== null &&
      !Array.isArray(c) &&
      c.command !== 'propose' &&
      c.exception_id === undefined &&
      record !== undefined
        ? { ...c, exception_id: record.exception_id }
        : c;
    input.push(cmd);
    const r = executeExceptionCommand(record, cmd, config);
    if (E.isRight(r)) {
      record = r.right.record;
      expected.push({ events: clone(r.right.events) as unknown[] });
    } else if ('refusals' in r.left) {
      expected.push({
        refused: r.left.refusals.map((x) => ({ code: x.code, path: x.path, rule: x.rule ?? null })),
      });
    } else {
      expected.push({ invalid: r.left.issues.map((i) => i.path) });
    }
  }
  return { input, expected };
};
/** A case; `configName` names a case of config.json (absent: the default configuration). */
const cmdCase = async (
  name: string,
  steps: ReadonlyArray<Step>,
  configName?: ConfigName,
): Promise<Case> => {
  const { input, expected } = await runCommands(steps, configNamed(configName));
  return {
    name,
    input: configName === undefined ? { commands: input } : { config: configName, commands: input },
    expected,
  };
};
const propose = (env: string, over: Record<string, unknown> = {}, by = 'alice') => ({
  command: 'propose',
  actor: human(by),
  at: '2026-01-05T00:00:00Z',
  proposal: content(env, over),
});
const approve = (by: string, role: string, at = '2026-01-06T00:00:00Z', version = 1) => ({
  command: 'approve',
  actor: human(by),
  at,
  role,
  version,
});
const renew = (changes: Record<string, unknown>, at = '2026-02-20T00:00:00Z') => ({
  command: 'renew',
  actor: human('alice'),
  at,
  reason: 'The vendor fix slipped.',
  changes,
});

const generatedRuns = fc
  .sample(arbRun, { seed: 92, numRuns: 10 })
  .map(({ env, requester, steps }, i) => {
    const commands: Array<Record<string, unknown>> = [proposeFor(env, requester)];
    // Build each step against the record the previous commands produced.
    let record: ExceptionRecord | undefined;
    let t = T0;
    const first = executeExceptionCommand(undefined, commands[0], CONFIG);
    if (E.isRight(first)) record = first.right.record;
    for (const s of steps) {
      t += s.dt;
      if (record === undefined) break;
      const c = commandFor(s, record, t, env);
      commands.push(c);
      const r = executeExceptionCommand(record, c, CONFIG);
      if (E.isRight(r)) record = r.right.record;
    }

    return cmdCase(`generated ${i}`, commands);
  });

// Approvals signed with the Ed25519 test key of dsse-fixtures.ts (deterministic signatures). The
// synchronous command checks only the binding (section 7.2), which these vectors exercise.
const signingKey = await importPrivateKeyPem(ED25519_PRIVATE_PEM);
if (E.isLeft(signingKey)) throw new Error(signingKey.left.message);
const signedApprove =
  (by: string, role: string, at: string, signedRole = role, payloadType?: string): Step =>
  async (record) => {
    if (record === undefined) throw new Error('signedApprove needs a record');
    const latest = record.versions[record.versions.length - 1];
    if (latest === undefined) throw new Error('no version');
    const statement = approvalStatement({
      exception_id: record.exception_id,
      version: latest.version,
      content_digest: latest.content_digest,
      approver: by,
      role: signedRole,
      at: at as Timestamp,
    });
    const env = clone(await signApproval(statement, signingKey.right.signer));
    return {
      ...approve(by, role, at, latest.version),
      signature: payloadType === undefined ? env : { ...env, payloadType },
    };
  };
const STAGING_EVIDENCE = [
  {
    kind: 'scan',
    uri: 'https://scan.example.com/r.json',
    media_type: 'application/json',
    digest: `sha256:${'d'.repeat(64)}`,
  },
  {
    kind: 'vex',
    uri: 'https://vex.example.com/a.json',
    media_type: 'application/openvex+json',
    digest: `sha256:${'b'.repeat(64)}`,
  },
];
const act = (
  command: string,
  by: string,
  at: string,
  rest: Record<string, unknown> = {},
  kind: 'human' | 'service' = 'human',
): Record<string, unknown> => ({ command, actor: { id: by, kind }, at, ...rest });
const ALL = 'all requirements (spec section 8.1)' as const;
const T = '2026-01-05T00:00:00Z';
const T1 = '2026-01-06T00:00:00Z';

const boundaryCases = [
  cmdCase('prod: expiry exactly 90 days after at accepted, 1 ms later refused', [
    propose('prod', { expires_at: '2026-04-05T00:00:00.001Z' }),
    propose('prod', { expires_at: '2026-04-05T00:00:00Z' }),
  ]),
  cmdCase('staging: exactly duration.max_days accepted, 1 ms later refused naming no rule', [
    propose('staging', { expires_at: '2026-07-04T00:00:00.001Z' }),
    propose('staging', { expires_at: '2026-07-04T00:00:00Z' }),
  ]),
  cmdCase('valid_from later than at: the maximum counts from valid_from', [
    propose('prod', { valid_from: '2026-02-01T00:00:00Z', expires_at: '2026-05-02T00:00:00.001Z' }),
    propose('prod', { valid_from: '2026-02-01T00:00:00Z', expires_at: '2026-05-02T00:00:00Z' }),
  ]),
  cmdCase('valid_from earlier than at: the maximum counts from at', [
    propose('prod', { valid_from: '2026-01-01T00:00:00Z', expires_at: '2026-04-05T00:00:00.001Z' }),
    propose('prod', { valid_from: '2026-01-01T00:00:00Z', expires_at: '2026-04-05T00:00:00Z' }),
  ]),
  cmdCase('default expiry counts from a later valid_from', [
    propose('staging', { expires_at: undefined, valid_from: '2026-02-01T00:00:00Z' }),
  ]),
  cmdCase('default expiry keeps the milliseconds of at', [
    { ...propose('staging', { expires_at: undefined }), at: '2026-01-05T00:00:00.250Z' },
  ]),
  cmdCase('default expiry in prod is exactly the prod maximum, accepted', [
    propose('prod', { expires_at: undefined }),
  ]),
  cmdCase(
    'default expiry past year 9999 refused; an explicit expiry at the last instant accepted',
    [
      { ...propose('staging', { expires_at: undefined }), at: '9999-12-01T00:00:00Z' },
      {
        ...propose('staging', { expires_at: '9999-12-31T23:59:59.999Z' }),
        at: '9999-12-01T00:00:00Z',
      },
    ],
  ),
  cmdCase('expiry equal to at is not in the future', [propose('staging', { expires_at: T })]),
  cmdCase('risk score 50: a security reviewer alone completes the approval', [
    propose('staging', { risk_score: 50 }),
    approve('sec', 'security-reviewer'),
  ]),
  cmdCase('risk score 51: the CAB is needed too', [
    propose('staging', { risk_score: 51 }),
    approve('sec', 'security-reviewer'),
    approve('cab', 'cab', '2026-01-06T01:00:00Z'),
  ]),
  cmdCase('the owner is not a requester: an owner holding the role may approve', [
    propose('staging', { owner: 'sec' }),
    approve('sec', 'security-reviewer'),
  ]),
  cmdCase('an amendment makes its author a requester of the new version', [
    propose('prod', { owner: 'bob' }),
    act('request_changes', 'sec', T1, {
      role: 'security-reviewer',
      version: 1,
      reason: 'Narrow it.',
    }),
    act('amend', 'bob', '2026-01-07T00:00:00Z', {
      reason: 'Narrowed.',
      changes: { rationale: 'Only the payments namespace calls the template function.' },
    }),
    approve('bob', 'approver', '2026-01-08T00:00:00Z', 2),
    approve('alice', 'approver', '2026-01-08T00:00:00Z', 2),
    approve('carol', 'approver', '2026-01-08T00:00:00Z', 2),
    approve('sec', 'security-reviewer', '2026-01-08T01:00:00Z', 2),
  ]),
  cmdCase('an approver of a version may still reject it', [
    propose('prod'),
    approve('bob', 'approver'),
    act('reject', 'bob', '2026-01-06T01:00:00Z', {
      role: 'approver',
      version: 1,
      reason: 'Wrong CVE.',
    }),
  ]),
  cmdCase('after a request for changes, approval is refused', [
    propose('prod'),
    act('request_changes', 'sec', T1, {
      role: 'security-reviewer',
      version: 1,
      reason: 'Narrow it.',
    }),
    approve('bob', 'approver', '2026-01-06T01:00:00Z'),
  ]),
  cmdCase('approving a version that is not the latest is refused', [
    propose('prod'),
    act('request_changes', 'sec', T1, {
      role: 'security-reviewer',
      version: 1,
      reason: 'Narrow it.',
    }),
    act('amend', 'alice', '2026-01-07T00:00:00Z', {
      reason: 'Narrowed.',
      changes: { rationale: 'Only the payments namespace calls the template function.' },
    }),
    approve('bob', 'approver', '2026-01-08T00:00:00Z', 1),
  ]),
  cmdCase(
    'renewal: exactly max_extension_days past the approved expiry accepted, 1 ms later refused',
    [
      propose('staging'),
      approve('sec', 'security-reviewer'),
      renew({ expires_at: '2026-05-30T00:00:00.001Z', rationale: 'The fix slipped to June.' }),
      renew({ expires_at: '2026-05-30T00:00:00Z', rationale: 'The fix slipped to June.' }),
      act('amend', 'alice', '2026-02-21T00:00:00Z', {
        reason: 'One more day.',
        changes: { expires_at: '2026-05-31T00:00:00Z' },
      }),
    ],
  ),
  cmdCase('renewal after expiry; an expired exception cannot be revoked', [
    propose('staging'),
    approve('sec', 'security-reviewer'),
    act('revoke', 'alice', '2026-03-01T00:00:00Z', { reason: 'No longer needed.' }),
    renew(
      { expires_at: '2026-05-30T00:00:00Z', rationale: 'The fix slipped to June.' },
      '2026-03-10T00:00:00Z',
    ),
  ]),
  cmdCase('revoke: a role not held is refused even for the owner; the owner needs no role', [
    propose('prod', { owner: 'bob' }),
    act('revoke', 'bob', T1, { reason: 'Fixed.', role: 'cab' }),
    act('revoke', 'bob', T1, { reason: 'Fixed.' }),
  ]),
  cmdCase('commands that are not objects', [
    null,
    [],
    'approve',
    { command: 'approve' },
  ] as unknown as Step[]),
];

const featureCases = [
  cmdCase(
    'features: two evidence requirements reported in rule order; no rule allows self-approval; a service approves',
    [
      propose('staging', { evidence_refs: undefined }),
      propose('staging', { evidence_refs: STAGING_EVIDENCE }),
      approve('alice', 'approver'),
      act('approve', 'svc-deployer', T1, { role: 'ops', version: 1 }, 'service'),
    ],
    'features',
  ),
  cmdCase(
    'features: prod needs a deployment intent, at most 30 days, two approvers',
    [
      propose('prod', { expires_at: '2026-02-04T00:00:00.001Z' }),
      propose('prod', { expires_at: '2026-02-04T00:00:00Z', deployment_intent: 'CHG-1234' }),
      approve('bob', 'approver'),
      approve('carol', 'approver'),
    ],
    'features',
  ),
  cmdCase(
    'features: dev default of 30 days; the 60-day maximum is named by no rule; self-approval',
    [
      propose('dev', { expires_at: '2026-03-06T00:00:00.001Z' }),
      propose('dev', { expires_at: undefined }),
      approve('alice', 'approver'),
    ],
    'features',
  ),
  cmdCase(
    'features: amend_roles and revoke_roles; the amender becomes a requester',
    [
      propose('staging', { evidence_refs: STAGING_EVIDENCE }),
      act('amend', 'mallory', T1, { reason: 'x', changes: { rationale: 'Mine now.' } }),
      act('amend', 'olga', T1, {
        reason: 'Ops clarified the rationale.',
        changes: { rationale: 'The template function is unreachable from the request path.' },
      }),
      approve('olga', 'ops', '2026-01-06T01:00:00Z', 2),
      approve('bob', 'approver', '2026-01-06T01:00:00Z', 2),
      act('revoke', 'olga', '2026-01-07T00:00:00Z', { reason: 'Fixed upstream.', role: 'ops' }),
    ],
    'features',
  ),
  cmdCase(
    'features: renewal at most 15 days past the approved expiry',
    [
      propose('staging', { evidence_refs: STAGING_EVIDENCE, expires_at: '2026-02-01T00:00:00Z' }),
      approve('bob', 'approver'),
      renew(
        { expires_at: '2026-02-16T00:00:00.001Z', rationale: 'Two more weeks.' },
        '2026-01-25T00:00:00Z',
      ),
      renew(
        { expires_at: '2026-02-16T00:00:00Z', rationale: 'Two more weeks.' },
        '2026-01-25T00:00:00Z',
      ),
    ],
    'features',
  ),
  cmdCase(
    'features: risk score 100 needs two approvers including the CAB',
    [
      propose('staging', { evidence_refs: STAGING_EVIDENCE, risk_score: 100 }),
      approve('bob', 'approver'),
      approve('cab', 'cab', '2026-01-06T01:00:00Z'),
    ],
    'features',
  ),
];

const signatureCases = [
  cmdCase(
    'all requirements: outside dev an approval must be signed and bound to this approval',
    [
      propose('staging'),
      approve('sec', 'security-reviewer'),
      signedApprove('sec', 'security-reviewer', T1, 'approver'),
      signedApprove('sec', 'security-reviewer', T1, 'security-reviewer', 'application/json'),
      signedApprove('sec', 'security-reviewer', T1),
    ],
    ALL,
  ),
  cmdCase(
    'all requirements: in dev an unsigned self-approval is accepted',
    [propose('dev'), approve('alice', 'approver')],
    ALL,
  ),
  cmdCase(
    'all requirements: prod needs two signed approvals, neither by the requester',
    [
      propose('prod'),
      signedApprove('alice', 'approver', T1),
      signedApprove('bob', 'approver', T1),
      signedApprove('sec', 'security-reviewer', '2026-01-06T01:00:00Z'),
    ],
    ALL,
  ),
];

write(
  'commands.json',
  'Lifecycle commands (docs/spec/governance-v1.md sections 5-7) executed in order against a configuration of config.json (input.config names the case; absent: the default configuration), starting with no exception, each against the record the accepted ones before it produced: input.commands; expected has one entry per command: {events} (the EventDrafts to append), {refused: [{code, path, rule}]} or {invalid: [paths]} (POLICY_COMMAND_INVALID issues)',
  'generated by conformance/tools/governance-vectors.ts (hand-written scenarios, then fast-check seed 92)',
  await Promise.all([
    cmdCase('dev: the requester approves their own exception', [
      propose('dev'),
      approve('alice', 'approver'),
    ]),
    cmdCase('prod: self-approval refused; two approvers including a security reviewer', [
      propose('prod'),
      approve('alice', 'approver'),
      approve('bob', 'approver'),
      approve('carol', 'approver', '2026-01-06T01:00:00Z'),
      approve('sec', 'security-reviewer', '2026-01-06T02:00:00Z'),
    ]),
    cmdCase('prod: more than 90 days refused', [
      propose('prod', { expires_at: '2026-05-01T00:00:00Z' }),
    ]),
    cmdCase('default duration when expires_at is omitted', [
      propose('staging', { expires_at: undefined }),
    ]),
    cmdCase('reason codes require evidence and controls', [
      propose('prod', { reason_code: 'TEMPORARY_WORKAROUND', evidence_refs: undefined }),
    ]),
    cmdCase('role not held, service actor, duplicate approval', [
      propose('prod'),
      approve('bob', 'security-reviewer'),
      { ...approve('bob', 'approver'), actor: { id: 'bob', kind: 'service' } },
      approve('bob', 'approver'),
      approve('bob', 'approver', '2026-01-06T01:00:00Z'),
    ]),
    cmdCase('stale version and time going backwards', [
      propose('prod'),
      approve('bob', 'approver', '2026-01-06T00:00:00Z', 2),
      approve('bob', 'approver', '2026-01-04T00:00:00Z'),
    ]),
    cmdCase('reject; the requester cannot review', [
      propose('prod'),
      {
        command: 'reject',
        actor: human('alice'),
        at: '2026-01-06T00:00:00Z',
        role: 'approver',
        version: 1,
        reason: 'no',
      },
      {
        command: 'reject',
        actor: human('sec'),
        at: '2026-01-06T00:00:00Z',
        role: 'security-reviewer',
        version: 1,
        reason: 'VEX does not cover this path.',
      },
      approve('bob', 'approver', '2026-01-07T00:00:00Z'),
    ]),
    cmdCase('request changes, then amend; an unchanged amendment is refused', [
      propose('prod'),
      {
        command: 'request_changes',
        actor: human('sec'),
        at: '2026-01-06T00:00:00Z',
        role: 'security-reviewer',
        version: 1,
        reason: 'Narrow to the payments namespace.',
      },
      {
        command: 'amend',
        actor: human('alice'),
        at: '2026-01-07T00:00:00Z',
        reason: 'Narrowed as requested.',
        changes: {
          scope: scopeWith('prod', { environment: { envs: ['prod'], namespaces: ['payments'] } }),
        },
      },
      {
        command: 'amend',
        actor: human('alice'),
        at: '2026-01-07T01:00:00Z',
        reason: 'again',
        changes: {},
      },
    ]),
    cmdCase('renewal: fresh rationale, extension limit, full new approval', [
      propose('prod'),
      approve('bob', 'approver'),
      approve('sec', 'security-reviewer', '2026-01-06T01:00:00Z'),
      renew({ expires_at: '2026-03-01T00:00:00Z' }),
      renew({ expires_at: '2026-06-01T00:00:00Z', rationale: 'Fix slips to June.' }),
      { ...renew({ expires_at: '2026-04-01T00:00:00Z', rationale: 'x' }), actor: human('mallory') },
      renew({ expires_at: '2026-05-01T00:00:00Z', rationale: 'Fix slips to April.' }),
      approve('carol', 'approver', '2026-02-21T00:00:00Z', 2),
      approve('sec2', 'security-reviewer', '2026-02-21T01:00:00Z', 2),
    ]),
    cmdCase('revocation: authorization by role', [
      propose('prod'),
      { command: 'revoke', actor: human('bob'), at: '2026-01-06T00:00:00Z', reason: 'x' },
      {
        command: 'revoke',
        actor: human('bob'),
        at: '2026-01-06T00:00:00Z',
        reason: 'x',
        role: 'security-reviewer',
      },
      {
        command: 'revoke',
        actor: human('sec'),
        at: '2026-01-06T00:00:00Z',
        reason: 'Fixed upstream.',
        role: 'security-reviewer',
      },
      { command: 'revoke', actor: human('alice'), at: '2026-01-07T00:00:00Z', reason: 'again' },
    ]),
    cmdCase('malformed commands', [
      { command: 'waive', actor: human('alice'), at: '2026-01-05T00:00:00Z' },
      { command: 'approve', actor: { id: '' }, at: 'soon', version: 0 },
      propose('prod', { risk_score: 120, scope: { artifacts: [] } }),
    ]),
    ...boundaryCases,
    ...featureCases,
    ...signatureCases,
    ...generatedRuns,
  ]),
);

// --- sweep -----------------------------------------------------------------

/** Commands creating exception `id`: a proposal in staging, then the given commands. */
const exceptionWith = (
  id: string,
  over: Record<string, unknown>,
  more: Array<Record<string, unknown>> = [],
): Array<Record<string, unknown>> => [
  { ...propose('staging', over), exception_id: id },
  ...more.map((c) => ({ ...c, exception_id: id })),
];
const reviewed = (at = T1) => approve('sec', 'security-reviewer', at);
const sweepCase = (name: string, input: SweepInput): Case => ({
  name,
  input,
  expected: runSweepCase(input, CONFIG),
});
const SWEEPER = { id: 'svc:sweeper', kind: 'service' as const };
write(
  'sweep.json',
  'The sweep (docs/spec/governance-v1.md section 6.9) under the default configuration of config.json: input.exceptions holds one command sequence per exception (each command accepted), input.sweeps the sweeps run in order (now, within_days) by input.actor; the expiry events of each sweep are folded into the records before the next. expected has one entry per sweep: { events, expiring }.',
  'generated by conformance/tools/governance-vectors.ts (hand-written)',
  [
    sweepCase('expired versions get one expiry record; a second sweep adds none', {
      exceptions: [
        exceptionWith('exc-a', {}, [reviewed()]),
        exceptionWith('exc-b', { expires_at: '2026-02-01T00:00:00Z' }),
      ],
      actor: SWEEPER,
      sweeps: [
        { now: '2026-03-01T00:00:00Z', within_days: 7 },
        { now: '2026-03-01T00:00:00Z', within_days: 7 },
      ],
    }),
    sweepCase('expiring: exactly now + N days reported, 1 ms later not; a window of 0', {
      exceptions: [
        exceptionWith('exc-a', {}, [reviewed()]),
        exceptionWith('exc-b', { expires_at: '2026-03-01T00:00:00.001Z' }, [reviewed()]),
      ],
      actor: SWEEPER,
      sweeps: [
        { now: '2026-02-22T00:00:00Z', within_days: 7 },
        { now: '2026-02-22T00:00:00Z', within_days: 0 },
      ],
    }),
    sweepCase('soonest first, then by exception id, whatever the input order', {
      exceptions: [
        exceptionWith('exc-c', {}, [reviewed()]),
        exceptionWith('exc-b', { expires_at: '2026-02-25T00:00:00Z' }, [reviewed()]),
        exceptionWith('exc-a', {}, [reviewed()]),
      ],
      actor: SWEEPER,
      sweeps: [{ now: '2026-02-20T00:00:00Z', within_days: 30 }],
    }),
    sweepCase('a record with an event later than now is skipped', {
      exceptions: [
        exceptionWith('exc-a', {}, [
          reviewed(),
          {
            ...renew(
              { expires_at: '2026-05-30T00:00:00Z', rationale: 'The fix slipped to June.' },
              '2026-03-10T00:00:00Z',
            ),
          },
        ]),
      ],
      actor: SWEEPER,
      sweeps: [
        { now: '2026-03-05T00:00:00Z', within_days: 7 },
        { now: '2026-03-10T00:00:00Z', within_days: 7 },
      ],
    }),
    sweepCase('a pending renewal does not hide the version in force', {
      exceptions: [
        exceptionWith('exc-a', {}, [
          reviewed(),
          renew({ expires_at: '2026-05-30T00:00:00Z', rationale: 'The fix slipped to June.' }),
        ]),
      ],
      actor: SWEEPER,
      sweeps: [{ now: '2026-02-25T00:00:00Z', within_days: 7 }],
    }),
    sweepCase('approved but not yet active counts as expiring', {
      exceptions: [exceptionWith('exc-a', { valid_from: '2026-02-25T00:00:00Z' }, [reviewed()])],
      actor: SWEEPER,
      sweeps: [{ now: '2026-02-20T00:00:00Z', within_days: 10 }],
    }),
    sweepCase('revoked or rejected exceptions are neither expired nor expiring', {
      exceptions: [
        exceptionWith('exc-a', {}, [
          reviewed(),
          act('revoke', 'alice', '2026-01-07T00:00:00Z', { reason: 'Fixed upstream.' }),
        ]),
        exceptionWith('exc-b', {}, [
          act('reject', 'sec', T1, { role: 'security-reviewer', version: 1, reason: 'No VEX.' }),
        ]),
      ],
      actor: SWEEPER,
      sweeps: [
        { now: '2026-02-25T00:00:00Z', within_days: 7 },
        { now: '2026-03-02T00:00:00Z', within_days: 7 },
      ],
    }),
  ],
);

// --- signature audit -------------------------------------------------------

const resolved = async (steps: ReadonlyArray<Step>, configName?: ConfigName) => {
  const { input, expected } = await runCommands(steps, configNamed(configName));
  if (!expected.every((e) => 'events' in e)) throw new Error('every command must be accepted');
  return input;
};
const configByName = (name: string | undefined): GovernanceConfig =>
  configNamed(name as ConfigName | undefined);
const auditCase = async (name: string, input: AuditInput): Promise<Case> => ({
  name,
  input,
  expected: await runAuditCase(input, configByName),
});
const signedStaging = await resolved(
  [propose('staging'), signedApprove('sec', 'security-reviewer', T1)],
  ALL,
);
const unsignedStaging = await resolved([propose('staging'), approve('sec', 'security-reviewer')]);
const unsignedDev = await resolved([propose('dev'), approve('alice', 'approver')], ALL);
const signedProp = await resolved(
  [
    propose('prod'),
    signedApprove('bob', 'approver', T1),
    signedApprove('sec', 'security-reviewer', '2026-01-06T01:00:00Z'),
  ],
  ALL,
);
write(
  'signature-audit.json',
  'Auditing approval signatures (docs/spec/governance-v1.md section 7.3): input.commands (all accepted) build the record under input.config, then every approval is audited against input.audit_config (both name config.json cases; absent: the default configuration) with input.keys (actor id to trusted PEM public keys; absent: no trust map). expected lists one audit per approval in version order then recorded order: version, approver, role, status (unsigned, verified, invalid, unchecked), ok, keyids (verified only, else null), required_by (the first rule requiring signed approvals, else null). Signatures are made with the Ed25519 key of conformance/tools/dsse-fixtures.ts.',
  'generated by conformance/tools/governance-vectors.ts (hand-written)',
  await Promise.all([
    auditCase('no trust map: a bound signature is unchecked, ok when no rule requires signatures', {
      config: ALL,
      commands: signedStaging,
    }),
    auditCase('no trust map: unchecked is not ok where a rule requires signatures', {
      config: ALL,
      commands: signedStaging,
      audit_config: ALL,
    }),
    auditCase('a trusted key of the approver verifies: verified with its key id', {
      config: ALL,
      commands: signedStaging,
      audit_config: ALL,
      keys: { sec: [ED25519_PUBLIC_PEM] },
    }),
    auditCase('only another key is trusted for the approver: invalid', {
      config: ALL,
      commands: signedStaging,
      audit_config: ALL,
      keys: { sec: [P256_PUBLIC_PEM], bob: [ED25519_PUBLIC_PEM] },
    }),
    auditCase('a trust map without the approver: invalid, even where no rule requires signatures', {
      config: ALL,
      commands: signedStaging,
      keys: {},
    }),
    auditCase('unsigned where a rule requires signatures: not ok', {
      commands: unsignedStaging,
      audit_config: ALL,
    }),
    auditCase('unsigned where no rule requires signatures: ok, even with a trust map', {
      commands: unsignedStaging,
      keys: { sec: [ED25519_PUBLIC_PEM] },
    }),
    auditCase('unsigned in dev under the 8.1 configuration: ok', {
      config: ALL,
      commands: unsignedDev,
      audit_config: ALL,
    }),
    auditCase('two approvals in recorded order, both verified', {
      config: ALL,
      commands: signedProp,
      audit_config: ALL,
      keys: { bob: [ED25519_PUBLIC_PEM], sec: [P256_PUBLIC_PEM, ED25519_PUBLIC_PEM] },
    }),
  ]),
);
