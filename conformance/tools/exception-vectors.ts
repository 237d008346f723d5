// Generates conformance/exception/*.json from hand-written cases plus fast-check cases with fixed
// seeds, using the reference implementation in @warrant/core. Run:
//   npx tsx --conditions=@warrant/source conformance/tools/exception-vectors.ts
// Regeneration is byte-identical; never hand-edit the output.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  analyzeBreadth,
  canonicalizeToBytes,
  decodeExceptionFilter,
  decodeProposal,
  deriveExceptionId,
  diffExceptions,
  digestCanonical,
  Exception,
  ExceptionProposal,
  exceptionStateAt,
  foldExceptionEvents,
  foldExceptionLog,
  isActiveForArtifacts,
  isExpiringWithin,
  matchesExceptionFilter,
  proposalDigest,
  toHex,
  type ExceptionState,
  type Timestamp,
} from '@warrant/core';
import {
  arbProposalJson,
  arbScope,
  arbType,
  completeScope,
} from '../../packages/core/test/exception/arbitraries';
import {
  approved,
  proposed,
  revised,
  reviewed,
  versionEvent,
} from '../../packages/core/test/exception/events';
import { proposal } from '../../packages/core/test/exception/fixtures';
import { arbRun, build, DAY, iso, T0 } from '../../packages/core/test/exception/lifecycle-gen';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'exception');
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

type Case = { name: string; input: unknown; expected?: unknown; error?: string };

const write = (file: string, description: string, source: string, cases: Case[]): void => {
  const body = JSON.stringify({ description, source, cases }, null, 2);
  writeFileSync(join(OUT, file), `${body}\n`);
};

const base = (): Record<string, unknown> => ({
  type: 'vulnerability',
  owner: 'team-payments',
  scope: {
    artifacts: [{ digest: A, ref: 'ghcr.io/acme/pay:1.4.2' }],
    components: [{ purl: 'pkg:npm/lodash@4.17.20' }],
    vulnerabilities: ['CVE-2021-23337'],
    environment: { envs: ['prod'] },
  },
  reason_code: 'NOT_AFFECTED',
  rationale: 'The vulnerable template function is never called with user input.',
  evidence_refs: [
    {
      kind: 'vex',
      uri: 'https://vex.example.com/a.json',
      media_type: 'application/openvex+json',
      digest: B,
    },
  ],
  risk_acceptance: { accepted: false },
  risk_score: 20,
  expires_at: '2026-04-01T00:00:00Z',
});
const scoped = (scope: unknown) => ({ ...base(), scope });

// --- proposal codec --------------------------------------------------------

const proposalCase = (name: string, input: unknown): Case => {
  const r = decodeProposal(input);
  if (E.isLeft(r)) return { name: `${name} at ${r.left.path}`, input, error: r.left.code };
  const bytes = canonicalizeToBytes(ExceptionProposal.encode(r.right));
  if (E.isLeft(bytes)) throw new Error(bytes.left.message);
  return {
    name,
    input,
    expected: { canonical: toHex(bytes.right), content_digest: proposalDigest(r.right) },
  };
};

// Boundary cases whose refusal path the spec predicts: the generator stops if the reference
// implementation disagrees with the prediction (the name then carries the path).
const predicted = (path: string | undefined, c: Case): Case => {
  const got = c.error === undefined ? undefined : / at (\$.*)$/.exec(c.name)?.[1];
  if (got !== path) throw new Error(`${c.name}: expected ${path ?? 'acceptance'}, got ${got}`);
  return c;
};

const boundaryProposals: Array<[string, unknown, string | undefined]> = [
  [
    'evidence uri with a lone surrogate refused',
    {
      ...base(),
      evidence_refs: [
        { kind: 'vex', uri: 'https://x.example/\ud800', media_type: 'a/b', digest: B },
      ],
    },
    '$.evidence_refs[0].uri',
  ],
  ['DEL in rationale refused', { ...base(), rationale: 'a\u007fb' }, '$.rationale'],
  ['C1 control in rationale accepted', { ...base(), rationale: 'a\u0085b' }, undefined],
  [
    'no-break spaces only rationale refused',
    { ...base(), rationale: '\u00a0\ufeff' },
    '$.rationale',
  ],
  ['owner with a leading no-break space refused', { ...base(), owner: '\u00a0team' }, '$.owner'],
  [
    'duplicate reported at the later index',
    scoped({ vulnerabilities: ['CVE-2024-1234', 'CVE-2024-9999', 'CVE-2024-1234'] }),
    '$.scope.vulnerabilities[2]',
  ],
  [
    'duplicate purls after normalization refused',
    {
      ...base(),
      type: 'component',
      scope: { components: [{ purl: 'pkg:npm/a@1' }, { purl: 'pkg:NPM/a@1' }] },
    },
    '$.scope.components[1]',
  ],
  [
    'several problems: required members first, unknown members last',
    { ...base(), owner: 1, zeta: 1, alpha: 2, risk_score: 101 },
    '$.owner',
  ],
  ['unknown members in code-unit order', { ...base(), zeta: 1, Zeta: 2 }, '$.Zeta'],
  ['null optional member refused', { ...base(), valid_from: null }, '$.valid_from'],
  [
    'valid_from at expires_at spelled with milliseconds refused',
    { ...base(), valid_from: '2026-04-01T00:00:00.000Z' },
    '$.expires_at',
  ],
  [
    'valid_from 1 ms before expires_at accepted',
    { ...base(), valid_from: '2026-03-31T23:59:59.999Z' },
    undefined,
  ],
  ['leap second refused', { ...base(), expires_at: '2026-06-30T23:59:60Z' }, '$.expires_at'],
  ['hour 24 refused', { ...base(), expires_at: '2026-04-01T24:00:00Z' }, '$.expires_at'],
  ['29 February 2100 refused', { ...base(), expires_at: '2100-02-29T00:00:00Z' }, '$.expires_at'],
  ['29 February 2000 accepted', { ...base(), expires_at: '2000-02-29T00:00:00Z' }, undefined],
  ['lowercase t refused', { ...base(), expires_at: '2026-04-01t00:00:00Z' }, '$.expires_at'],
  [
    'two fraction digits refused',
    { ...base(), expires_at: '2026-04-01T00:00:00.00Z' },
    '$.expires_at',
  ],
  [
    'ghsa prefix in lowercase refused',
    scoped({ vulnerabilities: ['ghsa-35jh-r3h4-6jhm'] }),
    '$.scope.vulnerabilities[0]',
  ],
  [
    'CVE with a three-digit sequence refused',
    scoped({ vulnerabilities: ['CVE-2024-123'] }),
    '$.scope.vulnerabilities[0]',
  ],
  ['scope without a dimension refused', scoped({}), '$.scope'],
];

const handProposals: Array<[string, unknown]> = [
  ['reference example', base()],
  [
    'sets are sorted by code units',
    scoped({ vulnerabilities: ['GHSA-35jh-r3h4-6jhm', 'DSA-5678-1', 'CVE-2021-23337'] }),
  ],
  [
    'object sets are sorted by canonical JSON',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:npm/b' }, { purl: 'pkg:npm/a', range: 'vers:npm/<2.0.0' }],
    }),
  ],
  ['unknown member refused', { ...base(), severity: 'high' }],
  ['empty set refused', scoped({ vulnerabilities: ['CVE-2021-23337'], artifacts: [] })],
  [
    'duplicate set element refused',
    scoped({ vulnerabilities: ['CVE-2021-23337', 'CVE-2021-23337'] }),
  ],
  [
    'duplicate artifact digest refused',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      artifacts: [{ digest: A }, { digest: A, ref: 'x:1' }],
    }),
  ],
  ['lowercase cve prefix refused', scoped({ vulnerabilities: ['cve-2021-23337'] })],
  ['uppercase GHSA body refused', scoped({ vulnerabilities: ['GHSA-35JH-R3H4-6JHM'] })],
  ['distro advisory id accepted', scoped({ vulnerabilities: ['RHSA-2024:1234'] })],
  [
    'purl without pkg: refused',
    scoped({ vulnerabilities: ['CVE-2021-23337'], components: [{ purl: 'npm/lodash' }] }),
  ],
  [
    'purl type is normalized to lowercase',
    scoped({ vulnerabilities: ['CVE-2021-23337'], components: [{ purl: 'pkg:NPM/lodash' }] }),
  ],
  [
    'purl version and range together refused',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:npm/a@1.0.0', range: 'vers:npm/<2.0.0' }],
    }),
  ],
  [
    'pypi purl name is normalized',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:PYPI/Django_Package@1.11.1' }],
    }),
  ],
  [
    'purl with a vers qualifier and a range refused',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:npm/a?vers=vers:npm%2F%3C2.0.0', range: 'vers:npm/<3.0.0' }],
    }),
  ],
  [
    'range scheme that does not fit the purl type refused',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:npm/a', range: 'vers:pypi/<2' }],
    }),
  ],
  [
    'unsorted range refused',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:npm/a', range: 'vers:npm/<2.0.0|>=1.0.0' }],
    }),
  ],
  [
    'range without vers: refused',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:npm/a', range: '<2' }],
    }),
  ],
  ['empty environment refused', scoped({ vulnerabilities: ['CVE-2021-23337'], environment: {} })],
  ['wildcard in a non-environment name refused', { ...base(), owner: 'team-*' }],
  ['policy exception without policy_rules refused', { ...base(), type: 'policy' }],
  [
    'unknown_state with artifacts only accepted',
    { ...base(), type: 'unknown_state', scope: { artifacts: [{ digest: A }] } },
  ],
  ['valid_from not before expires_at refused', { ...base(), valid_from: '2026-04-01T00:00:00Z' }],
  ['timestamp with offset refused', { ...base(), expires_at: '2026-04-01T00:00:00+02:00' }],
  ['risk accepted without statement refused', { ...base(), risk_acceptance: { accepted: true } }],
  ['risk score above 100 refused', { ...base(), risk_score: 101 }],
  ['fractional risk score refused', { ...base(), risk_score: 20.5 }],
  ['whitespace-only rationale refused', { ...base(), rationale: ' \n ' }],
  ['control character in rationale refused', { ...base(), rationale: 'a\u0007b' }],
  ['tab and newline in rationale accepted', { ...base(), rationale: 'line one\n\tline two' }],
  [
    'uppercase media type refused',
    {
      ...base(),
      evidence_refs: [
        { kind: 'vex', uri: 'https://x.example/a', media_type: 'Application/JSON', digest: B },
      ],
    },
  ],
  [
    'evidence uri without scheme refused',
    {
      ...base(),
      evidence_refs: [{ kind: 'vex', uri: 'a.json', media_type: 'application/json', digest: B }],
    },
  ],
  [
    'unknown evidence kind refused',
    {
      ...base(),
      evidence_refs: [
        {
          kind: 'gut-feeling',
          uri: 'https://x.example/a',
          media_type: 'application/json',
          digest: B,
        },
      ],
    },
  ],
  ['reason code OTHER refused', { ...base(), reason_code: 'OTHER' }],
  [
    'missing expires_at refused',
    (() => {
      const b = base();
      delete b.expires_at;
      return b;
    })(),
  ],
  ['not an object refused', ['type', 'vulnerability']],
];

const generatedProposals = fc.sample(arbProposalJson, { seed: 42, numRuns: 12 });
write(
  'proposal-codec.json',
  'ExceptionProposal decoding (docs/spec/exception-v1.md sections 2-6): input is proposal JSON; expected.canonical is the hex of the RFC 8785 canonical UTF-8 bytes of the normalized proposal, expected.content_digest its sha256',
  'generated by conformance/tools/exception-vectors.ts (hand-written cases, then fast-check seed 42)',
  [
    ...handProposals.map(([n, i]) => proposalCase(n, i)),
    ...boundaryProposals.map(([n, i, path]) => predicted(path, proposalCase(n, i))),
    ...generatedProposals.map((p, i) => proposalCase(`generated ${i}`, p)),
  ],
);

// --- breadth ---------------------------------------------------------------

const breadthCase = (name: string, type: string, scope: Record<string, unknown>): Case => {
  const r = decodeProposal({ ...base(), type, scope });
  if (E.isLeft(r)) throw new Error(`${name}: ${r.left.message}`);
  const a = analyzeBreadth(r.right.type, r.right.scope);
  return {
    name,
    input: { type, scope },
    expected: {
      breadth: a.breadth,
      score: a.score,
      levels: a.levels,
      reasons: a.reasons.map((x) => ({ code: x.code, path: x.path })),
    },
  };
};

const handBreadth: Array<[string, string, Record<string, unknown>]> = [
  [
    'narrow: digest, pinned purl, env',
    'vulnerability',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a@1.0.0' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { envs: ['prod'] },
    },
  ],
  ['broad: CVE only', 'vulnerability', { vulnerabilities: ['CVE-2024-0001'] }],
  [
    'moderate: no artifact',
    'vulnerability',
    {
      components: [{ purl: 'pkg:npm/a@1.0.0' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { envs: ['prod'] },
    },
  ],
  [
    'moderate: version-less purl',
    'vulnerability',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { envs: ['prod'] },
    },
  ],
  [
    'broad: no artifact and version-less purl',
    'vulnerability',
    {
      components: [{ purl: 'pkg:npm/a' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { envs: ['prod'] },
    },
  ],
  [
    'wildcard range counts like version-less',
    'component',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a', range: 'vers:npm/*' }],
      environment: { envs: ['dev'] },
    },
  ],
  [
    'bounded range is exact',
    'component',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a', range: 'vers:npm/>=1.0.0|<1.5.0' }],
      environment: { envs: ['dev'] },
    },
  ],
  [
    'envs "*" is as open as none',
    'vulnerability',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a@1' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { envs: ['*'] },
    },
  ],
  [
    'envs pattern is partial',
    'vulnerability',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a@1' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { envs: ['prod-*'] },
    },
  ],
  [
    'namespace wildcard is a warning only',
    'vulnerability',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a@1' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { envs: ['prod'], namespaces: ['team-*'] },
    },
  ],
  [
    'environment without envs counts as no environment',
    'vulnerability',
    {
      artifacts: [{ digest: A }],
      components: [{ purl: 'pkg:npm/a@1' }],
      vulnerabilities: ['CVE-2024-0001'],
      environment: { clusters: ['eu-1'] },
    },
  ],
  [
    'policy exceptions do not count components',
    'policy',
    { policy_rules: ['unsigned-artifact'], environment: { envs: ['dev'] } },
  ],
  ['unknown_state with artifact only', 'unknown_state', { artifacts: [{ digest: A }] }],
];
const generatedBreadth = fc
  .sample(fc.tuple(arbType, arbScope), { seed: 43, numRuns: 16 })
  .map(([type, scope], i): [string, string, Record<string, unknown>] => [
    `generated ${i}`,
    type,
    completeScope(type, scope),
  ]);
write(
  'breadth.json',
  'Scope breadth (docs/spec/exception-v1.md section 8): input {type, scope}; expected class, score, per-dimension levels and reasons (code, path) in order',
  'generated by conformance/tools/exception-vectors.ts (hand-written cases, then fast-check seed 43)',
  [...handBreadth, ...generatedBreadth].map(([n, t, s]) => breadthCase(n, t, s)),
);

// --- fold ------------------------------------------------------------------

const P = proposal();
const withP = (over: Record<string, unknown>): ExceptionProposal =>
  ({ ...P, ...over }) as unknown as ExceptionProposal;
const X = 'exc-1';
const digestOf = (v: Exception): string => {
  const d = digestCanonical(Exception.encode(v));
  if (E.isLeft(d)) throw new Error(d.left.message);
  return d.right;
};

const foldCase = (
  name: string,
  events: ReadonlyArray<unknown>,
  at: ReadonlyArray<string>,
): Case => {
  const r = foldExceptionEvents(events);
  if (E.isLeft(r))
    return { name: `${name} at ${r.left.path}`, input: { events, at }, error: r.left.code };
  const expected = at.map((t) => {
    const s = exceptionStateAt(r.right, t as Timestamp);
    if (s === undefined) return null;
    return {
      at: t,
      status: s.status,
      current_version: s.current.version,
      versions: s.versions.map((v) => ({
        version: v.version,
        status: v.status,
        status_since: v.status_since,
        snapshot_digest: digestOf(v),
      })),
    };
  });
  return { name, input: { events, at }, expected };
};

const renewP = withP({
  rationale: 'Vendor fix slipped to Q2.',
  expires_at: '2026-06-01T00:00:00Z',
});
const lifecycle = [
  proposed('2026-01-05T00:00:00Z', 'alice', X, P),
  approved('2026-01-06T00:00:00Z', 'bob', X, 1, P, false, 'security-reviewer'),
  approved('2026-01-06T01:00:00Z', 'carol', X, 1, P, true),
];
const handFold: Array<[string, ReadonlyArray<unknown>, ReadonlyArray<string>]> = [
  [
    'proposed, approved by two, active, expired',
    lifecycle,
    [
      '2026-01-04T00:00:00Z',
      '2026-01-05T00:00:00Z',
      '2026-01-06T00:30:00Z',
      '2026-01-06T01:00:00Z',
      '2026-04-01T00:00:00Z',
    ],
  ],
  [
    'expiry recorded by a sweep',
    [...lifecycle, versionEvent('expired', '2026-04-02T00:00:00Z', 'svc:sweep', X, 1)],
    ['2026-04-01T12:00:00Z', '2026-04-02T00:00:00Z'],
  ],
  [
    'valid_from after approval',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, withP({ valid_from: '2026-02-01T00:00:00Z' })),
      approved(
        '2026-01-06T00:00:00Z',
        'bob',
        X,
        1,
        withP({ valid_from: '2026-02-01T00:00:00Z' }),
        true,
      ),
    ],
    ['2026-01-07T00:00:00Z', '2026-02-01T00:00:00Z'],
  ],
  [
    'rejected',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      reviewed('rejected', '2026-01-06T00:00:00Z', 'sec', X, 1),
    ],
    ['2026-01-07T00:00:00Z'],
  ],
  [
    'changes requested, then amended',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      reviewed('changes_requested', '2026-01-06T00:00:00Z', 'sec', X, 1),
      revised(
        'amended',
        '2026-01-07T00:00:00Z',
        'alice',
        X,
        2,
        1,
        withP({ rationale: 'Narrowed.' }),
      ),
    ],
    ['2026-01-06T12:00:00Z', '2026-01-07T00:00:00Z'],
  ],
  [
    'renewal takes over at its approval',
    [
      ...lifecycle,
      revised('renewed', '2026-03-20T00:00:00Z', 'alice', X, 2, 1, renewP),
      approved('2026-03-25T00:00:00Z', 'bob', X, 2, renewP, true),
    ],
    ['2026-03-21T00:00:00Z', '2026-03-25T00:00:00Z', '2026-07-01T00:00:00Z'],
  ],
  [
    'renewal of an expired version',
    [...lifecycle, revised('renewed', '2026-04-10T00:00:00Z', 'alice', X, 2, 1, renewP)],
    ['2026-04-10T00:00:00Z'],
  ],
  [
    'revocation ends every live version',
    [
      ...lifecycle,
      revised('renewed', '2026-03-20T00:00:00Z', 'alice', X, 2, 1, renewP),
      versionEvent('revoked', '2026-03-21T00:00:00Z', 'sec', X, 2),
    ],
    ['2026-03-20T12:00:00Z', '2026-03-22T00:00:00Z'],
  ],
  [
    'refused: approval after revocation',
    [
      ...lifecycle,
      versionEvent('revoked', '2026-03-21T00:00:00Z', 'sec', X, 1),
      approved('2026-03-22T00:00:00Z', 'dave', X, 1, P, true),
    ],
    [],
  ],
  [
    'refused: first event not a proposal',
    [approved('2026-01-06T00:00:00Z', 'bob', X, 1, P, true)],
    [],
  ],
  [
    'refused: time going backwards',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      approved('2026-01-04T00:00:00Z', 'bob', X, 1, P, true),
    ],
    [],
  ],
  [
    'refused: another subject',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      approved('2026-01-06T00:00:00Z', 'bob', 'exc-2', 1, P, true),
    ],
    [],
  ],
  [
    'refused: approval of other content',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      approved('2026-01-06T00:00:00Z', 'bob', X, 1, withP({ risk_score: 99 }), true),
    ],
    [],
  ],
  [
    'refused: approval after expiry',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      approved('2026-04-01T00:00:00Z', 'bob', X, 1, P, true),
    ],
    [],
  ],
  [
    'refused: same approver twice',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      approved('2026-01-06T00:00:00Z', 'bob', X, 1, P, false),
      approved('2026-01-06T00:00:00Z', 'bob', X, 1, P, true),
    ],
    [],
  ],
  [
    'refused: renewal not extending the expiry',
    [...lifecycle, revised('renewed', '2026-03-20T00:00:00Z', 'alice', X, 2, 1, P)],
    [],
  ],
  [
    'refused: renewal of a pending proposal',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      revised('renewed', '2026-01-06T00:00:00Z', 'alice', X, 2, 1, renewP),
    ],
    [],
  ],
  [
    'refused: expiry recorded early',
    [...lifecycle, versionEvent('expired', '2026-03-01T00:00:00Z', 'svc:sweep', X, 1)],
    [],
  ],
  [
    'refused: decision without a reason',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      { ...reviewed('rejected', '2026-01-06T00:00:00Z', 'sec', X, 1), reason: '' },
    ],
    [],
  ],
  [
    'refused: malformed payload',
    [
      {
        ...proposed('2026-01-05T00:00:00Z', 'alice', X, P),
        payload: {
          schema: 'warrant.exception-event/v1',
          version: 1,
          proposal: { ...P, risk_score: -1 },
        },
      },
    ],
    [],
  ],
];
const vf = withP({ valid_from: '2026-02-01T00:00:00Z' });
const takeover = withP({
  rationale: 'Fixed release scheduled.',
  valid_from: '2026-04-01T00:00:00Z',
  expires_at: '2026-06-01T00:00:00Z',
});
const narrowed = withP({ rationale: 'Narrowed.', valid_from: '2026-03-01T00:00:00Z' });
const boundaryFold: Array<[string, ReadonlyArray<unknown>, ReadonlyArray<string>, string?]> = [
  [
    'expiry boundary: active 1 ms before expires_at, expired at it (spelled with milliseconds)',
    lifecycle,
    ['2026-03-31T23:59:59.999Z', '2026-04-01T00:00:00.000Z'],
  ],
  [
    'valid_from boundary: approved 1 ms before, active at it',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, vf),
      approved('2026-01-06T00:00:00Z', 'bob', X, 1, vf, true),
    ],
    ['2026-01-31T23:59:59.999Z', '2026-02-01T00:00:00.000Z'],
  ],
  [
    'expiry recorded exactly at expires_at',
    [...lifecycle, versionEvent('expired', '2026-04-01T00:00:00Z', 'svc:sweep', X, 1)],
    ['2026-04-01T00:00:00Z'],
  ],
  [
    'refused: expiry recorded 1 ms before expires_at',
    [...lifecycle, versionEvent('expired', '2026-03-31T23:59:59.999Z', 'svc:sweep', X, 1)],
    [],
    '$[3].payload.version',
  ],
  [
    'refused: approval 1 ms after expiry',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      approved('2026-01-06T00:00:00Z', 'bob', X, 1, P, false),
      approved('2026-04-01T00:00:00.001Z', 'carol', X, 1, P, true),
    ],
    [],
    '$[2].payload.version',
  ],
  [
    'refused: approval after the final approval',
    [...lifecycle, approved('2026-01-07T00:00:00Z', 'dave', X, 1, P, false)],
    [],
    '$[3].payload.version',
  ],
  [
    'refused: revocation of an expired version',
    [...lifecycle, versionEvent('revoked', '2026-04-02T00:00:00Z', 'sec', X, 1)],
    [],
    '$[3].type',
  ],
  [
    'refused: revocation exactly at expires_at',
    [...lifecycle, versionEvent('revoked', '2026-04-01T00:00:00Z', 'sec', X, 1)],
    [],
    '$[3].type',
  ],
  [
    'revocation 1 ms before expires_at stays revoked',
    [...lifecycle, versionEvent('revoked', '2026-03-31T23:59:59.999Z', 'sec', X, 1)],
    ['2026-03-31T23:59:59.999Z', '2026-04-01T00:00:00Z'],
  ],
  [
    'revocation of a pending proposal',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      versionEvent('revoked', '2026-01-06T00:00:00Z', 'sec', X, 1),
    ],
    ['2026-01-06T00:00:00Z'],
  ],
  [
    'refused: revocation naming an older version',
    [
      ...lifecycle,
      revised('renewed', '2026-03-20T00:00:00Z', 'alice', X, 2, 1, renewP),
      versionEvent('revoked', '2026-03-21T00:00:00Z', 'sec', X, 1),
    ],
    [],
    '$[4].payload.version',
  ],
  [
    'renewal taking effect exactly at the old expiry: superseded wins the tie with expired',
    [
      ...lifecycle,
      revised('renewed', '2026-03-20T00:00:00Z', 'alice', X, 2, 1, takeover),
      approved('2026-03-25T00:00:00Z', 'bob', X, 2, takeover, true),
    ],
    ['2026-03-26T00:00:00Z', '2026-04-01T00:00:00Z'],
  ],
  [
    'an approved amendment with a later valid_from leaves the active version in force until then',
    [
      ...lifecycle,
      revised('amended', '2026-02-01T00:00:00Z', 'alice', X, 2, 1, narrowed),
      approved('2026-02-02T00:00:00Z', 'bob', X, 2, narrowed, true),
    ],
    ['2026-02-15T00:00:00Z', '2026-03-01T00:00:00Z'],
  ],
  [
    'refused: amendment of an expired version',
    [...lifecycle, revised('amended', '2026-04-02T00:00:00Z', 'alice', X, 2, 1, renewP)],
    [],
    '$[3].type',
  ],
  [
    'changes requested, then expired',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      reviewed('changes_requested', '2026-01-06T00:00:00Z', 'sec', X, 1),
    ],
    ['2026-03-31T00:00:00Z', '2026-04-01T00:00:00Z'],
  ],
  [
    'refused: a proposal expiring at its own time',
    [proposed('2026-04-01T00:00:00.000Z', 'alice', X, P)],
    [],
    '$[0].payload.proposal.expires_at',
  ],
  [
    'events at one instant in two spellings are in order',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      approved('2026-01-05T00:00:00.000Z', 'bob', X, 1, P, true),
    ],
    ['2026-01-05T00:00:00Z'],
  ],
  [
    'refused: time going backwards by 1 ms',
    [
      proposed('2026-01-05T00:00:00.001Z', 'alice', X, P),
      approved('2026-01-05T00:00:00Z', 'bob', X, 1, P, true),
    ],
    [],
    '$[1].time',
  ],
  [
    'refused: proposal with version 2',
    [
      {
        ...proposed('2026-01-05T00:00:00Z', 'alice', X, P),
        payload: { schema: 'warrant.exception-event/v1', version: 2, proposal: P },
      },
    ],
    [],
    '$[0].payload.version',
  ],
  [
    'refused: previous_version not below version',
    [...lifecycle, revised('amended', '2026-02-01T00:00:00Z', 'alice', X, 2, 2, narrowed)],
    [],
    '$[3].payload.previous_version',
  ],
  [
    'refused: unknown member in a payload',
    [
      proposed('2026-01-05T00:00:00Z', 'alice', X, P),
      (() => {
        const a = approved('2026-01-06T00:00:00Z', 'bob', X, 1, P, true);
        return { ...a, payload: { ...a.payload, note: 'x' } };
      })(),
    ],
    [],
    '$[1].payload.note',
  ],
  [
    'refused: the envelope is checked before the payload',
    [
      {
        ...proposed('2026-01-05T00:00:00Z', 'alice', X, P),
        time: 'soon',
        payload: { schema: 'x' },
      },
    ],
    [],
    '$[0].time',
  ],
  [
    'refused: the payload is checked before the reason',
    [
      ...lifecycle,
      {
        ...versionEvent('revoked', '2026-02-01T00:00:00Z', 'sec', X, 1),
        reason: '',
        payload: { schema: 'warrant.exception-event/v1', version: 0 },
      },
    ],
    [],
    '$[3].payload.version',
  ],
];
const generatedRuns = fc
  .sample(arbRun, { seed: 44, numRuns: 12 })
  .map((intents, i): [string, ReadonlyArray<unknown>, ReadonlyArray<string>] => {
    const { accepted } = build(intents);
    const probes = [0, 30, 60, 90, 150, 250, 400].map((d) => iso(T0 + d * DAY));
    return [`generated ${i}`, accepted.map((a) => a.draft), probes];
  });
write(
  'fold.json',
  'Fold and status at an instant (docs/spec/exception-v1.md sections 9-10): input {events, at[]}; expected per instant null (no exception yet) or {status, current_version, versions[{version, status, status_since, snapshot_digest}]} where snapshot_digest is the sha256 of the RFC 8785 canonical Exception object at that instant',
  'generated by conformance/tools/exception-vectors.ts (hand-written scenarios, then fast-check seed 44 through the reference model)',
  [
    ...handFold.map(([n, ev, at]) => foldCase(n, ev, at)),
    ...boundaryFold.map(([n, ev, at, path]) => predicted(path, foldCase(n, ev, at))),
    ...generatedRuns.map(([n, ev, at]) => foldCase(n, ev, at)),
  ],
);

// --- diff and queries ------------------------------------------------------

const stateOf = (events: ReadonlyArray<unknown>, at: string): ExceptionState => {
  const r = foldExceptionEvents(events);
  if (E.isLeft(r)) throw new Error(r.left.message);
  const s = exceptionStateAt(r.right, at as Timestamp);
  if (s === undefined) throw new Error('no state');
  return s;
};
const renewed = stateOf(
  [
    ...lifecycle,
    revised(
      'renewed',
      '2026-03-20T00:00:00Z',
      'alice',
      X,
      2,
      1,
      withP({
        ...renewP,
        scope: { ...P.scope, vulnerabilities: ['CVE-2021-23337', 'CVE-2022-0001'] },
      }),
    ),
  ],
  '2026-03-21T00:00:00Z',
);
const diffPairs: Array<[string, Exception, Exception]> = [
  [
    'renewal against the version it renews',
    renewed.versions[0] as Exception,
    renewed.versions[1] as Exception,
  ],
  ['a version against itself', renewed.versions[0] as Exception, renewed.versions[0] as Exception],
  [
    'the same version at two instants',
    stateOf(lifecycle, '2026-01-06T00:30:00Z').current,
    stateOf(lifecycle, '2026-02-01T00:00:00Z').current,
  ],
];
fc.sample(arbRun, { seed: 45, numRuns: 40 }).forEach((intents) => {
  const { accepted } = build(intents);
  if (diffPairs.length >= 8) return;
  const s = stateOf(
    accepted.map((a) => a.draft),
    iso(T0 + 200 * DAY),
  );
  if (s.versions.length >= 2)
    diffPairs.push([
      `generated ${diffPairs.length - 3}`,
      s.versions[0] as Exception,
      s.versions[s.versions.length - 1] as Exception,
    ]);
});
write(
  'diff.json',
  'Field-level diff (docs/spec/exception-v1.md section 11): input {older, newer} Exception objects; expected the ordered list of changes',
  'generated by conformance/tools/exception-vectors.ts (hand-written pairs, then versions from fast-check seed 45)',
  diffPairs.map(([name, a, b]) => ({
    name,
    input: { older: Exception.encode(a), newer: Exception.encode(b) },
    expected: diffExceptions(a, b),
  })),
);

const active = stateOf(lifecycle, '2026-03-18T00:00:00Z');
const expired = stateOf(lifecycle, '2026-04-02T00:00:00Z');
type Query =
  { filter: unknown } | { expiring_within_days: number } | { active_for_artifacts: string[] };
const queryCase = (name: string, state: ExceptionState, query: Query): Case => {
  let expected: boolean;
  if ('filter' in query) {
    const f = decodeExceptionFilter(query.filter);
    if (E.isLeft(f))
      return {
        name: `${name} at ${f.left.path}`,
        input: { exception: Exception.encode(state.current), query },
        error: f.left.code,
      };
    expected = matchesExceptionFilter(state, f.right);
  } else if ('expiring_within_days' in query)
    expected = isExpiringWithin(state, query.expiring_within_days);
  else expected = isActiveForArtifacts(state, query.active_for_artifacts);
  return { name, input: { exception: Exception.encode(state.current), query }, expected };
};
write(
  'queries.json',
  'Query predicates (docs/spec/exception-v1.md section 12) over one Exception object taken as the current version of its exception (exception status = its status, as_of = its as_of): input {exception, query} with query one of {filter}, {expiring_within_days}, {active_for_artifacts}; expected a boolean',
  'generated by conformance/tools/exception-vectors.ts (hand-written)',
  [
    queryCase('empty filter matches', active, { filter: {} }),
    queryCase('owner and status', active, {
      filter: { owners: ['team-payments'], statuses: ['active'] },
    }),
    queryCase('other owner', active, { filter: { owners: ['team-search'] } }),
    queryCase('reason codes any-of', active, {
      filter: { reason_codes: ['RISK_ACCEPTED', 'NOT_AFFECTED'] },
    }),
    queryCase('breadth narrow', active, { filter: { breadths: ['narrow'] } }),
    queryCase('breadth broad', active, { filter: { breadths: ['broad', 'moderate'] } }),
    queryCase('environment applies', active, { filter: { envs: ['prod'] } }),
    queryCase('environment does not apply', active, { filter: { envs: ['dev', 'staging'] } }),
    queryCase('expiry window includes expires_at', active, {
      filter: { expires_from: '2026-04-01T00:00:00Z', expires_before: '2026-04-01T00:00:01Z' },
    }),
    queryCase('expiry window end is exclusive', active, {
      filter: { expires_before: '2026-04-01T00:00:00Z' },
    }),
    queryCase('expired status', expired, { filter: { statuses: ['expired'] } }),
    queryCase('artifacts filter', active, { filter: { artifacts: [B] } }),
    queryCase('malformed filter', active, { filter: { statuses: ['alive'] } }),
    queryCase('empty set in filter', active, { filter: { envs: [] } }),
    queryCase('expiring within 14 days', active, { expiring_within_days: 14 }),
    queryCase('not expiring within 13 days', active, { expiring_within_days: 13 }),
    queryCase('expired is not expiring', expired, { expiring_within_days: 30 }),
    queryCase('active for its artifact', active, { active_for_artifacts: [A] }),
    queryCase('not active for another artifact', active, { active_for_artifacts: [B] }),
    queryCase('expired is not active', expired, { active_for_artifacts: [A] }),
    queryCase('expiring within 0 days never matches', active, { expiring_within_days: 0 }),
    queryCase('expiring within 13.5 days (a fraction counts)', active, {
      expiring_within_days: 13.5,
    }),
    queryCase('an expiry window reaching past year 9999', active, {
      expiring_within_days: 3000000,
    }),
    queryCase('expires_from at the same instant spelled with milliseconds', active, {
      filter: { expires_from: '2026-04-01T00:00:00.000Z' },
    }),
    queryCase('expires_before at the same instant spelled with milliseconds', active, {
      filter: { expires_before: '2026-04-01T00:00:00.000Z' },
    }),
    queryCase('unknown filter member', active, { filter: { owner: 'team-payments' } }),
  ],
);

// --- exception ids ---------------------------------------------------------

// The content digest of the reference example (section 6.4, proposal-codec.json).
const refDigest = (() => {
  const r = decodeProposal(base());
  if (E.isLeft(r)) throw new Error(r.left.message);
  return proposalDigest(r.right);
})();
const idCase = (name: string, requester: string, at: string): Case => {
  const input = { content_digest: refDigest, requester, at };
  const canonical = canonicalizeToBytes(input);
  if (E.isLeft(canonical)) throw new Error(canonical.left.message);
  return {
    name,
    input,
    expected: {
      canonical: toHex(canonical.right),
      exception_id: deriveExceptionId(input.content_digest, requester, at as Timestamp),
    },
  };
};
write(
  'ids.json',
  'Derived exception ids (docs/spec/exception-v1.md section 13): input {content_digest, requester, at}; expected.canonical is the hex of the RFC 8785 bytes hashed, expected.exception_id is exc- and the first 32 hex digits of their SHA-256',
  'generated by conformance/tools/exception-vectors.ts (hand-written)',
  [
    idCase('the reference proposal by alice', 'alice@example.com', '2026-01-05T00:00:00Z'),
    idCase(
      'the same instant spelled with milliseconds is another id',
      'alice@example.com',
      '2026-01-05T00:00:00.000Z',
    ),
    idCase('another requester', 'bob@example.com', '2026-01-05T00:00:00Z'),
    idCase('a requester outside ASCII', 'zo\u00eb \u{1f600}', '2026-01-05T00:00:00Z'),
  ],
);

// --- folding a shared log (section 10.3) -----------------------------------

const logFoldCase = (
  name: string,
  events: ReadonlyArray<unknown>,
  at: string,
  path?: string,
): Case => {
  const r = foldExceptionLog(events);
  const c: Case = E.isLeft(r)
    ? { name: `${name} at ${r.left.path}`, input: { events, at }, error: r.left.code }
    : {
        name,
        input: { events, at },
        expected: r.right.map((rec) => {
          const st = exceptionStateAt(rec, at as Timestamp);
          return {
            exception_id: rec.exception_id,
            status: st?.status ?? null,
            current_version: st?.current.version ?? null,
          };
        }),
      };
  return predicted(path, c);
};
const other = (time: string) => ({
  type: 'deployment.recorded',
  time,
  actor: { id: 'svc:cd', kind: 'service' },
  reason: '',
  subject: 'deploy-7',
  payload: { env: 'prod' },
});
write(
  'log-fold.json',
  'Folding a log shared with other producers (docs/spec/exception-v1.md section 10.3): input {events, at}: envelopes in log order and one instant; expected one entry per exception in exception-id code-unit order, {exception_id, status, current_version} at that instant (null, null when it did not exist yet); error cases end their name with the path of the first refused event',
  'generated by conformance/tools/exception-vectors.ts (hand-written)',
  [
    logFoldCase(
      'exceptions interleaved with other producers, sorted by id in code-unit order',
      [
        proposed('2026-01-05T00:00:00Z', 'alice', 'exc-b', P),
        other('2026-01-05T00:10:00Z'),
        proposed('2026-01-05T01:00:00Z', 'alice', 'exc-a', P),
        proposed('2026-01-05T02:00:00Z', 'alice', 'exc-A', P),
        approved('2026-01-06T00:00:00Z', 'bob', 'exc-a', 1, P, true),
        7,
        null,
        { type: 42, subject: 'exc-a' },
      ],
      '2026-02-01T00:00:00Z',
    ),
    logFoldCase(
      'an exception proposed after the instant has no state yet',
      [proposed('2026-03-05T00:00:00Z', 'alice', 'exc-1', P)],
      '2026-02-01T00:00:00Z',
    ),
    logFoldCase(
      'a log without exception events folds to no records',
      [other('2026-01-05T00:00:00Z')],
      '2026-02-01T00:00:00Z',
    ),
    logFoldCase('the empty log folds to no records', [], '2026-02-01T00:00:00Z'),
    logFoldCase(
      'refused: an exception. type that is not one of the eight',
      [
        proposed('2026-01-05T00:00:00Z', 'alice', 'exc-1', P),
        other('2026-01-05T00:10:00Z'),
        {
          ...approved('2026-01-06T00:00:00Z', 'bob', 'exc-1', 1, P, true),
          type: 'exception.activated',
        },
      ],
      '2026-02-01T00:00:00Z',
      '$[2].type',
    ),
    logFoldCase(
      'refused: the first refusal in log order, whatever exception it is about',
      [
        proposed('2026-01-05T00:00:00Z', 'alice', 'exc-b', P),
        approved('2026-01-06T00:00:00Z', 'bob', 'exc-a', 1, P, true),
        approved('2026-01-04T00:00:00Z', 'bob', 'exc-b', 1, P, true),
      ],
      '2026-02-01T00:00:00Z',
      '$[1].type',
    ),
    logFoldCase(
      'refused: time order is per exception, and checked',
      [
        proposed('2026-01-05T00:00:00Z', 'alice', 'exc-b', P),
        proposed('2026-01-03T00:00:00Z', 'alice', 'exc-a', P),
        approved('2026-01-04T00:00:00Z', 'bob', 'exc-b', 1, P, true),
      ],
      '2026-02-01T00:00:00Z',
      '$[2].time',
    ),
  ],
);
