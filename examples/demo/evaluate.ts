/**
 * Demo step: evaluation as a pure function. The same call runs twice, without and with the
 * exception histories and the VEX document, so the effect of governance is visible: the prod
 * gates fail on the two critical expat findings until the approved exception covers them.
 */
import type { Finding, LogEvent, Timestamp, VexStatement } from '@warrant/core';
import { evaluate, POLICY_SCHEMA, type EvaluationPolicy, type Verdict } from '@warrant/policy';
import { ok, say } from './util';

/** The VEX issuer the demo trusts (the OpenVEX document's `author`). */
export const TRUSTED_VEX_ISSUER = 'Example Corp Product Security <psirt@example.com>';

/** Gates for prod: any open critical fails; open highs warn; unknown severities warn. */
export const POLICY: EvaluationPolicy = {
  schema: POLICY_SCHEMA,
  gates: [
    { id: 'prod-no-open-critical', kind: 'severity', at_or_above: 'critical', action: 'fail' },
    { id: 'prod-open-high', kind: 'severity', at_or_above: 'high', action: 'warn' },
    { id: 'unknown-severity', kind: 'unknown_state', action: 'warn' },
  ],
  vex: { trusted_issuers: [TRUSTED_VEX_ISSUER] },
} as EvaluationPolicy;

/** Everything one evaluation reads. */
export interface DemoEvaluation {
  readonly findings: ReadonlyArray<Finding>;
  readonly histories: ReadonlyArray<ReadonlyArray<LogEvent>>;
  readonly vex: ReadonlyArray<VexStatement>;
  readonly now: Timestamp;
}

/** Evaluates for env prod; throws (a demo bug) on invalid input. */
export const evaluateProd = (input: DemoEvaluation): Verdict =>
  ok(
    evaluate({
      findings: [...input.findings],
      exceptions: input.histories.map((h) => [...h]),
      vex: [...input.vex],
      policy: POLICY,
      context: { env: 'prod' },
      now: input.now,
    } as Parameters<typeof evaluate>[0]),
  );

/** Prints what a verdict says, in the words a reviewer would use. */
export const describeVerdict = (label: string, v: Verdict): void => {
  const c = v.counts.findings;
  const decided = v.gates.filter((g) => g.triggered).map((g) => `${g.id} (${g.count})`);
  say(
    `${label}: ${v.outcome.toUpperCase()}; ${c.total} findings: ${c.open} open, ${c.excepted} excepted, ${c.not_affected} not_affected, ${c.fixed} fixed; gates triggered: ${decided.join(', ') || 'none'}`,
  );
};

/** Prints the explanation of the first finding decided by an exception, and one near miss. */
export const explain = (v: Verdict): void => {
  const excepted = v.findings.find((f) => f.status === 'excepted');
  if (excepted?.exception !== undefined) {
    const dims = excepted.exception.matched.map((m) => `${m.dimension}=${m.value}`).join(', ');
    say(
      `${excepted.vulnerability} is excepted by ${excepted.exception.exception_id} v${excepted.exception.version}; matched ${dims}`,
    );
  }
  const vexed = v.findings.find((f) => f.status === 'not_affected');
  if (vexed?.vex !== undefined)
    say(
      `${vexed.vulnerability} is not_affected by VEX from ${vexed.vex.issuer} (${vexed.vex.justification})`,
    );
  const near = v.findings.find((f) => (f.near_misses?.length ?? 0) > 0)?.near_misses?.[0];
  if (near !== undefined)
    say(`near miss: ${near.exception_id} (${near.status}) did not apply: ${near.reason}`);
  const inactive = v.findings
    .flatMap((f) => f.candidates ?? [])
    .find((x) => x.result === 'inactive');
  if (inactive !== undefined)
    say(`listed but never applied: ${inactive.exception_id} is ${inactive.status}`);
  const open = v.findings.filter((f) => f.status === 'open').length;
  say(`no finding is hidden: all ${v.findings.length} are in the verdict (${open} still open)`);
};

/** Whether a verdict value is byte-identical to a replay with shuffled inputs. */
export const replayMatches = (
  input: DemoEvaluation,
  v: Verdict,
  bytes: (x: Verdict) => Uint8Array,
): boolean => {
  const shuffled = evaluateProd({
    ...input,
    findings: [...input.findings].reverse(),
    histories: [...input.histories].reverse(),
  });
  const a = bytes(v);
  const b = bytes(shuffled);
  return a.length === b.length && a.every((x, i) => x === b[i]);
};
