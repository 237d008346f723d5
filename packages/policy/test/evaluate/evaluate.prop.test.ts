/**
 * Laws of evaluate: permutation invariance (findings, histories, VEX statements, violations,
 * alias sources, gates, scope sets) down to the verdict bytes; every finding appears exactly
 * once; adding an expired or revoked exception changes no status; an exception whose every
 * dimension matches applies unless a better-ranked one does; excepted findings only shrink as
 * `now` passes expiries (no valid_from, no renewals).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { bytesEqual, type Finding, type Timestamp } from '@warrant/core';
import {
  evaluate,
  verdictBytes,
  type EvaluationInput,
  type PolicyViolation,
  type Verdict,
} from '@warrant/policy';
import { D, finding, history, POLICY, proposal, statement } from './fixtures';

const VULNS = ['CVE-2024-0001', 'CVE-2024-0002', 'GHSA-2222-3333-4444'];
const PURLS = ['pkg:npm/a@1.0.0', 'pkg:npm/a@2.0.0', 'pkg:npm/b@1.0.0'];
const ARTS = [D('a'), D('b'), D('c')];
const SEVS = ['critical', 'high', 'low', 'unknown'] as const;

const findingsArb = fc
  .uniqueArray(
    fc.record({
      v: fc.constantFrom(...VULNS),
      p: fc.constantFrom(...PURLS),
      a: fc.constantFrom(...ARTS),
      s: fc.constantFrom(...SEVS),
    }),
    { selector: (x) => `${x.v}|${x.p}|${x.a}`, maxLength: 12 },
  )
  .map((xs) => xs.map((x) => finding(x.v, x.p, x.a, x.s)));

const sub = <T>(xs: ReadonlyArray<T>) => fc.subarray([...xs], { minLength: 1 });
const scopeArb = fc.record(
  {
    vulnerabilities: sub(VULNS),
    components: sub([{ purl: 'pkg:npm/a' }, { purl: 'pkg:npm/a@1.0.0' }, { purl: 'pkg:npm/b' }]),
    artifacts: sub(ARTS).map((ds) => ds.map((digest) => ({ digest }))),
    environment: fc.constant({ envs: ['prod'] }),
  },
  { requiredKeys: ['vulnerabilities'] },
);
type Life = 'active' | 'revoked' | 'expired' | 'pending';
const exceptionsArb = fc.array(
  fc.record({
    scope: scopeArb,
    life: fc.constantFrom<Life>('active', 'active', 'revoked', 'expired', 'pending'),
  }),
  { maxLength: 6 },
);
const histories = (xs: ReadonlyArray<{ scope: Record<string, unknown>; life: Life }>, offset = 0) =>
  xs.map((x, i) => makeHistory(`exc-${i + offset}`, x.scope, x.life));
const makeHistory = (id: string, scope: Record<string, unknown>, life: Life) =>
  history(
    id,
    proposal(scope, life === 'expired' ? { expires_at: '2026-01-15T00:00:00Z' } : {}),
    life === 'revoked'
      ? { revoked: '2026-01-10T00:00:00Z' }
      : life === 'pending'
        ? { approved: null }
        : {},
  );

const vexArb = fc
  .array(
    fc.record({
      v: fc.constantFrom(...VULNS),
      s: fc.constantFrom('not_affected', 'affected', 'fixed') as fc.Arbitrary<
        'not_affected' | 'affected' | 'fixed'
      >,
      p: fc.constantFrom('pkg:npm/a', 'pkg:npm/b@1.0.0'),
      i: fc.constantFrom('Acme PSIRT', 'Other'),
      t: fc.constantFrom(undefined, '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'),
    }),
    { maxLength: 4 },
  )
  .map((xs) => xs.map((x) => statement(x.v, x.s, { purl: x.p }, x.i, x.t)));

const violationsArb = fc.array(
  fc
    .record({ a: fc.constantFrom(...ARTS) })
    .map(
      (x): PolicyViolation =>
        ({ rule_id: 'unsigned-artifact', artifact: x.a, detail: 'unsigned' }) as PolicyViolation,
    ),
  { maxLength: 3 },
);

const inputArb = fc
  .record({
    findings: findingsArb,
    exc: exceptionsArb,
    vex: vexArb,
    violations: violationsArb,
    env: fc.constantFrom(undefined, 'prod', 'dev'),
  })
  .map(({ findings, exc, vex, violations, env }) => ({
    exc,
    input: {
      findings,
      exceptions: histories(exc),
      vex,
      violations,
      policy: POLICY,
      knowledge: { aliases: [{ id: 'CVE-2024-0002', aliases: ['GHSA-2222-3333-4444'] }] },
      ...(env === undefined ? {} : { context: { env } }),
      now: '2026-02-01T00:00:00Z' as Timestamp,
    } as EvaluationInput,
  }));

const run = (i: EvaluationInput): Verdict => {
  const r = evaluate(i);
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};

const shuffle = <T>(xs: ReadonlyArray<T>, seed: number): T[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('evaluate laws', () => {
  it('is invariant under every permutation of its inputs, down to the bytes', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), ({ exc, input }, seed) => {
        const a = run(input);
        // Shuffle the sets inside each event's proposal scope as given (not re-normalized).
        const permuted = input.exceptions.map((h) =>
          h.map((ev) => {
            const e = ev as { payload: { proposal?: { scope: Record<string, unknown> } } };
            const p = e.payload.proposal;
            if (p === undefined) return ev;
            const scope = Object.fromEntries(
              Object.entries(p.scope).map(([k, v]) => [
                k,
                Array.isArray(v) ? shuffle(v as unknown[], seed) : v,
              ]),
            );
            return { ...e, payload: { ...e.payload, proposal: { ...p, scope } } };
          }),
        );
        void exc;
        const b = run({
          ...input,
          findings: shuffle(input.findings, seed),
          exceptions: shuffle(permuted, seed + 1),
          vex: shuffle(input.vex ?? [], seed + 2),
          violations: shuffle(input.violations ?? [], seed + 3),
          policy: { ...input.policy, gates: shuffle(input.policy.gates, seed + 4) },
        });
        expect(bytesEqual(verdictBytes(a), verdictBytes(b))).toBe(true);
      }),
      { seed: 20261, numRuns: 150 },
    );
  });

  it('lists every finding exactly once', () => {
    fc.assert(
      fc.property(inputArb, ({ input }) => {
        const v = run(input);
        expect(v.findings.map((f) => f.key).sort()).toEqual(
          input.findings.map((f: Finding) => f.key).sort(),
        );
        expect(v.counts.findings.total).toBe(input.findings.length);
      }),
      { seed: 20262, numRuns: 150 },
    );
  });

  it('adding an expired or revoked exception changes no status', () => {
    fc.assert(
      fc.property(
        inputArb,
        scopeArb,
        fc.constantFrom<Life>('expired', 'revoked'),
        ({ exc, input }, scope, life) => {
          const a = run(input);
          const b = run({
            ...input,
            exceptions: [...input.exceptions, makeHistory(`exc-${exc.length}`, scope, life)],
          });
          expect(
            b.findings.map((f) => [f.key, f.status, f.exception?.exception_id ?? null]),
          ).toEqual(a.findings.map((f) => [f.key, f.status, f.exception?.exception_id ?? null]));
          expect(b.outcome).toBe(a.outcome);
        },
      ),
      { seed: 20263, numRuns: 150 },
    );
  });

  it('applies a fully matching active exception unless a better-ranked one applies', () => {
    fc.assert(
      fc.property(inputArb, ({ input }) => {
        const v = run(input);
        for (const f of v.findings) {
          const active = (f.candidates ?? []).filter((c) => c.status === 'active');
          if (f.status === 'not_affected' || f.status === 'fixed') continue;
          expect(f.status === 'excepted').toBe(active.length > 0);
          if (active.length > 0) {
            expect(f.exception?.exception_id).toBe(active[0]?.exception_id);
            expect(active.slice(1).every((c) => c.result === 'outranked')).toBe(true);
          }
        }
      }),
      { seed: 20264, numRuns: 150 },
    );
  });

  it('excepted findings only shrink as now passes expiries', () => {
    const times = [
      '2026-01-05T00:00:00Z',
      '2026-01-20T00:00:00Z',
      '2026-03-01T00:00:00Z',
      '2026-07-01T00:00:00Z',
    ];
    fc.assert(
      fc.property(
        findingsArb,
        fc.array(fc.record({ scope: scopeArb, e: fc.constantFrom(...times.slice(1)) }), {
          maxLength: 5,
        }),
        (findings, xs) => {
          const exceptions = xs.map((x, i) =>
            history(`exc-${i}`, proposal(x.scope, { expires_at: x.e })),
          );
          let previous: Set<string> | undefined;
          for (const now of times) {
            const v = run({
              findings,
              exceptions,
              policy: POLICY,
              now: now as Timestamp,
            } as EvaluationInput);
            const excepted = new Set(
              v.findings.filter((f) => f.status === 'excepted').map((f) => f.key),
            );
            if (previous !== undefined)
              for (const k of excepted) expect(previous.has(k)).toBe(true);
            previous = excepted;
          }
        },
      ),
      { seed: 20265, numRuns: 80 },
    );
  });
});
