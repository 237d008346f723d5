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
  decodeProposal,
  ExceptionProposal,
  proposalDigest,
  toHex,
} from '@warrant/core';
import {
  arbProposalJson,
  arbScope,
  arbType,
  completeScope,
} from '../../packages/core/test/exception/arbitraries';

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
      components: [{ purl: 'pkg:npm/b' }, { purl: 'pkg:npm/a', range: 'vers:npm/<2' }],
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
    'purl with uppercase type refused',
    scoped({ vulnerabilities: ['CVE-2021-23337'], components: [{ purl: 'pkg:NPM/lodash' }] }),
  ],
  [
    'purl version and range together refused',
    scoped({
      vulnerabilities: ['CVE-2021-23337'],
      components: [{ purl: 'pkg:npm/a@1', range: 'vers:npm/<2' }],
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
