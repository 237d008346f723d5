/**
 * Evaluation at scale: 1,000,000 findings against 100,000 active exceptions (a realistic mix of
 * CVE+artifact, purl+range and digest-only scopes) produce a full verdict with explanations, in
 * at most 3x the time of a bare Map-index join of the same data and at most 4 s. Also measured:
 * folding the histories, the input digests, and canonical serialization of the verdict; and
 * linearity (half the findings should take about half the time).
 *
 *   NODE_OPTIONS=--max-old-space-size=12288 npm run bench -- evaluate
 * @module
 */
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeProposal,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA as schema,
  findingKey,
  proposalDigest,
  type EventDraft,
  type Finding,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';
import {
  evaluate,
  verdictText,
  type EvaluationInput,
  type EvaluationPolicy,
} from '@warrant/policy';
import { machine } from './harness';

const FINDINGS = Number(process.env['EVAL_FINDINGS'] ?? 1_000_000);
const EXCEPTIONS = Number(process.env['EVAL_EXCEPTIONS'] ?? 100_000);
const ARTIFACTS = 2_000;
const PACKAGES = 20_000;
const VULNS = 60_000;

let seed = 20261124;
const next = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const hex = (n: number, width = 64): string => n.toString(16).padStart(width, '0');
const artifact = (i: number) => `sha256:${hex(i + 1)}` as Sha256Digest;
const pkg = (i: number) => `pkg:npm/pkg-${i}`;
const cve = (i: number) => `CVE-2024-${String(10000 + i)}`;
const version = () => `${next(5)}.${next(10)}.${next(10)}`;

const findings: Finding[] = [];
const keys = new Set<string>();
while (findings.length < FINDINGS) {
  const a = artifact(next(ARTIFACTS));
  const p = `${pkg(next(PACKAGES))}@${version()}`;
  const v = cve(next(VULNS));
  const key = findingKey({ artifactDigest: a, vulnerabilityId: v, component: p });
  if (keys.has(key)) continue;
  keys.add(key);
  findings.push({
    key,
    vulnerability: { id: v, aliases: [] },
    component: { name: 'pkg', purl: p, purlSource: 'document' },
    artifact: { digest: a },
    severity: { level: (['critical', 'high', 'medium', 'low'] as const)[next(4)] },
    cvss: [],
    fix: { state: 'unknown', versions: [] },
    locations: [],
    scanner: { name: 'bench' },
  } as Finding);
}

const actor = { id: 'bench', kind: 'human' as const };
const t = (s: string) => s as Timestamp;
const scopeOf = (i: number): Record<string, unknown> => {
  const kind = i % 10;
  if (kind < 6)
    return {
      vulnerabilities: [cve(next(VULNS))],
      artifacts: [{ digest: artifact(next(ARTIFACTS)) }],
    };
  if (kind < 9) {
    return {
      vulnerabilities: [cve(next(VULNS))],
      components: [
        { purl: pkg(next(PACKAGES)), range: `vers:npm/>=${next(3)}.0.0|<${3 + next(3)}.0.0` },
      ],
    };
  }
  return {
    artifacts: [{ digest: artifact(next(ARTIFACTS)) }],
    components: [{ purl: pkg(next(PACKAGES)) }],
  };
};
const histories: EventDraft[][] = [];
for (let i = 0; i < EXCEPTIONS; i++) {
  const scope = scopeOf(i);
  const p = decodeProposal({
    type: scope['vulnerabilities'] === undefined ? 'component' : 'vulnerability',
    owner: 'team',
    scope,
    reason_code: 'RISK_ACCEPTED',
    rationale: 'bench',
    risk_acceptance: { accepted: true, statement: 'bench' },
    risk_score: 10,
    expires_at: '2026-06-01T00:00:00Z',
  });
  if (E.isLeft(p)) throw new Error(JSON.stringify(p.left.issues));
  const id = `exc-${hex(i, 8)}`;
  histories.push([
    encodeExceptionEvent({
      type: 'exception.proposed',
      time: t('2026-01-01T00:00:00Z'),
      actor,
      reason: '',
      subject: id,
      payload: { schema, version: 1, proposal: p.right },
    }),
    encodeExceptionEvent({
      type: 'exception.approved',
      time: t('2026-01-02T00:00:00Z'),
      actor,
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
  ]);
}

const policy = {
  schema: 'warrant.policy/v1',
  gates: [{ id: 'no-critical', kind: 'severity', at_or_above: 'critical', action: 'fail' }],
} as unknown as EvaluationPolicy;
const input = (fs: Finding[]): EvaluationInput =>
  ({
    findings: fs,
    exceptions: histories,
    policy,
    now: t('2026-02-01T00:00:00Z'),
  }) as EvaluationInput;

// Baseline: a bare Map-index join on the same data (vulnerability id -> scopes; equality on the
// artifact or a purl-name prefix), counting matches. No lifecycle, no ranges, no explanations.
const baseline = (fs: Finding[]): number => {
  const byVuln = new Map<string, Array<Record<string, unknown>>>();
  for (const h of histories) {
    const scope = (h[0]?.payload as { proposal: { scope: Record<string, unknown> } }).proposal
      .scope;
    const vs = (scope['vulnerabilities'] as string[] | undefined) ?? ['*'];
    for (const v of vs) {
      const list = byVuln.get(v);
      if (list === undefined) byVuln.set(v, [scope]);
      else list.push(scope);
    }
  }
  let matched = 0;
  for (const f of fs) {
    for (const s of byVuln.get(f.vulnerability.id) ?? []) {
      const arts = s['artifacts'] as Array<{ digest: string }> | undefined;
      if (arts !== undefined && arts[0]?.digest !== f.artifact.digest) continue;
      const comps = s['components'] as Array<{ purl: string }> | undefined;
      if (comps !== undefined && !(f.component.purl ?? '').startsWith(comps[0]?.purl ?? ''))
        continue;
      matched++;
    }
  }
  return matched;
};

const time = <A>(fn: () => A): { ms: number; value: A } => {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
};
const best = <A>(n: number, fn: () => A): { ms: number; value: A } => {
  let out = time(fn);
  for (let i = 1; i < n; i++) {
    const r = time(fn);
    if (r.ms < out.ms) out = r;
  }
  return out;
};

console.log(await machine());
console.log(`${FINDINGS} findings, ${EXCEPTIONS} exceptions (${histories.length * 2} events)`);
const base = best(3, () => baseline(findings));
console.log(`baseline Map-index join: ${base.ms.toFixed(0)} ms (${base.value} matches)`);
const full = best(2, () => evaluate(input(findings)));
if (E.isLeft(full.value)) throw new Error(full.value.left.message);
const v = full.value.right;
console.log(
  `evaluate (fold + index + match + explanations + VEX + gates + input digests): ${full.ms.toFixed(0)} ms = ${(full.ms / base.ms).toFixed(2)}x baseline (target <= 3x, <= 4000 ms)`,
);
console.log(`  counts ${JSON.stringify(v.counts)}`);
const half = best(2, () => evaluate(input(findings.slice(0, FINDINGS / 2))));
console.log(
  `half the findings: ${half.ms.toFixed(0)} ms (ratio ${(full.ms / half.ms).toFixed(2)}; linear in findings ~2)`,
);
const noFindings = best(2, () => evaluate(input([])));
console.log(
  `no findings (fold + index + digests of exceptions only): ${noFindings.ms.toFixed(0)} ms`,
);
const ser = time(() => verdictText(v).length);
console.log(
  `canonical JSON of the verdict: ${ser.ms.toFixed(0)} ms, ${(ser.value / 1e6).toFixed(0)} MB`,
);
