/**
 * The evaluation input of evaluate.bench.ts as a function, for the benches that need a verdict
 * at scale (verdict-io.bench.ts): N findings (scans repeat the same component/vulnerability
 * pairs across artifacts) and M exception histories (proposed + approved) written about findings
 * that exist, in a mix of 60% CVE + artifact digest, 30% CVE + purl with a vers range, 10%
 * artifact digest + purl. Same generator and seed as evaluate.bench.ts, so the same sizes give
 * the same data.
 * @module
 */
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
import type { EvaluationInput, EvaluationPolicy } from '@warrant/policy';

const ARTIFACTS = 2_000;
const PACKAGES = 20_000;
const VULNS = 60_000;

/**
 * Builds the input.
 * @param findingCount - N
 * @param exceptionCount - M
 * @returns findings and histories as JSON.parse makes them (flat strings), a one-gate policy
 *   and `now`
 */
export const evaluationInput = (findingCount: number, exceptionCount: number): EvaluationInput => {
  // mulberry32 (32-bit integer arithmetic throughout).
  let seed = 20261124;
  const next = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let z = Math.imul(seed ^ (seed >>> 15), seed | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) % n;
  };
  const hex = (n: number, width = 64): string => n.toString(16).padStart(width, '0');
  const artifact = (i: number) => `sha256:${hex(i + 1)}` as Sha256Digest;
  const pkg = (i: number) => `pkg:npm/pkg-${i}`;
  const cve = (i: number) => `CVE-2024-${String(10000 + i)}`;
  const version = () => `${next(5)}.${next(10)}.${next(10)}`;

  const pairCount = Math.max(1, Math.floor(findingCount / 5));
  const pairs = Array.from({ length: pairCount }, () => ({
    p: pkg(next(PACKAGES)),
    ver: version(),
    v: cve(next(VULNS)),
  }));
  const made: Finding[] = [];
  const keys = new Set<string>();
  while (made.length < findingCount) {
    const a = artifact(next(ARTIFACTS));
    const pair = pairs[next(pairCount)]!;
    const p = `${pair.p}@${pair.ver}`;
    const key = findingKey({ artifactDigest: a, vulnerabilityId: pair.v, component: p });
    if (keys.has(key)) continue;
    keys.add(key);
    made.push({
      key,
      vulnerability: { id: pair.v, aliases: [] },
      component: { name: pair.p.slice(8), version: pair.ver, purl: p, purlSource: 'document' },
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
    const f = made[next(findingCount)]!;
    const kind = i % 10;
    const name = (f.component.purl ?? '').split('@')[0]!;
    if (kind < 6)
      return { vulnerabilities: [f.vulnerability.id], artifacts: [{ digest: f.artifact.digest }] };
    if (kind < 9) {
      const major = Number((f.component.version ?? '0').split('.')[0]);
      const lo = Math.max(0, major - next(2));
      return {
        vulnerabilities: [f.vulnerability.id],
        components: [{ purl: name, range: `vers:npm/>=${lo}.0.0|<${major + 1 + next(2)}.0.0` }],
      };
    }
    return { artifacts: [{ digest: f.artifact.digest }], components: [{ purl: name }] };
  };
  const histories: EventDraft[][] = [];
  for (let i = 0; i < exceptionCount; i++) {
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
  // Inputs arrive as JSON (scanner files, the exception store): parse them back so the strings
  // are flat, as JSON.parse makes them, not the concatenation ropes the generator built.
  const policy = {
    schema: 'warrant.policy/v1',
    gates: [{ id: 'no-critical', kind: 'severity', at_or_above: 'critical', action: 'fail' }],
  } as unknown as EvaluationPolicy;
  // One element at a time: the text of a million findings is longer than the engine's longest
  // string.
  const reparse = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    findings: made.map(reparse),
    exceptions: histories.map(reparse),
    policy,
    now: t('2026-02-01T00:00:00Z'),
  } as EvaluationInput;
};
