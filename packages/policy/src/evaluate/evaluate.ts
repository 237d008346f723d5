/**
 * `evaluate`: a pure function of (findings, exception histories, VEX statements, policy-rule
 * violations, policy, knowledge, environment facts, now) that returns a Verdict
 * (docs/spec/verdict-v1.md). Exceptions never delete findings: every finding appears once with
 * its effective status and the reasoning. No clock, no randomness, no environment is read, and
 * input order never shows in the output.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  aliasMapFrom,
  compareCodeUnits,
  subjectIds,
  type DecodeIssue,
  type EnvironmentFacts,
  type Finding,
  type PackageUrl,
  type ScopeSubject,
  type SubjectIds,
} from '@warrant/core';
import {
  VERDICT_SCHEMA,
  type FindingDecision,
  type FindingStatus,
  type GateResult,
  type Verdict,
  type ViolationDecision,
} from '../verdict';
import { buildCandidateIndex, FINDING_TYPES, type SubjectKeys } from './candidate-index';
import { appliedException, candidateList, decideExceptions, scratchFor } from './decide';
import { evaluationError, type EvaluationError } from './errors';
import { exceptionsAt } from './exceptions';
import { findingTriggers, gateApplies, outcomeOf, violationTriggers } from './gates';
import { inputDigests, normalizePolicy, violationKey } from './input-digests';
import type { EvaluationInput } from './input';
import { findingSubjects } from './subjects';
import { prepareStatements, resolveVex, statementApplies, type PreparedStatement } from './vex';

// --- operations ------------------------------------------------------------

/**
 * Evaluates findings and policy-rule violations against exceptions, VEX and gates.
 * @param input - every input (see `EvaluationInput`); typed, e.g. from `decodeEvaluationInput`
 * @returns the verdict, or `POLICY_EVALUATION_INPUT_INVALID` listing every inconsistency
 *   (duplicate finding keys, an invalid finding purl, a refused exception history)
 * @see docs/spec/verdict-v1.md
 * @example
 * const v = evaluate({ findings, exceptions: [history], policy, now: '2026-02-01T00:00:00Z' });
 * // right({ schema: 'warrant.verdict/v1', outcome: 'pass', findings: [{ key, status: 'excepted', exception: { exception_id, version: 1, matched: [...] } }], … })
 */
export const evaluate = (input: EvaluationInput): E.Either<EvaluationError, Verdict> => {
  const issues: DecodeIssue[] = [];
  const context: EnvironmentFacts = input.context ?? {};
  const policy = normalizePolicy(input.policy);
  const { order, purls, matchKeys } = findingSubjects(input.findings, issues);
  const folded = exceptionsAt(input.exceptions, input.now);
  if (E.isLeft(folded)) issues.push(...folded.left);
  if (issues.length > 0 || E.isLeft(folded)) return E.left(evaluationError(issues));
  const entries = folded.right.entries;
  const aliasMap = aliasMapFrom(input.knowledge?.aliases ?? []);
  const statements = prepareStatements(input.vex ?? [], policy.vex);
  const vexById = new Map<string, PreparedStatement[]>();
  for (const s of statements) for (const id of s.ids) push(vexById, id, s);
  const gates = policy.gates.map((g) => ({ g, applies: gateApplies(g, context), count: 0 }));
  const applied = new Map<string, number>();

  // Findings.
  const fIndex = buildCandidateIndex(entries, FINDING_TYPES);
  const fScratch = scratchFor(fIndex);
  const n = input.findings.length;
  const findings = new Array<FindingDecision>(n);
  const rank = new Int32Array(n);
  for (let j = 0; j < n; j++) rank[order[j] as number] = j;
  const counts = { open: 0, excepted: 0, not_affected: 0, fixed: 0 };
  let nearMisses = 0;
  let conflicts = 0;
  // Findings of one vulnerability without source aliases answer to the same ids: share them.
  const idsById = new Map<string, SubjectIds>();
  for (let i = 0; i < n; i++) {
    const f = input.findings[i] as Finding;
    const purl = purls[i];
    const artifact = f.artifact.digest;
    let ids: SubjectIds | undefined;
    if (f.vulnerability.aliases.length === 0) {
      ids = idsById.get(f.vulnerability.id);
      if (ids === undefined) {
        ids = subjectIds(f.vulnerability.id, [], aliasMap);
        idsById.set(f.vulnerability.id, ids);
      }
    } else ids = subjectIds(f.vulnerability.id, f.vulnerability.aliases, aliasMap);
    const subject: { -readonly [K in keyof ScopeSubject]: ScopeSubject[K] } = {
      vulnerability: f.vulnerability,
      environment: context,
    };
    const keys: { -readonly [K in keyof SubjectKeys]: SubjectKeys[K] } = { ids };
    if (purl !== undefined) {
      subject.purl = purl;
      keys.purlKey = matchKeys[i] as string;
    }
    if (artifact !== undefined) subject.artifact = keys.artifact = artifact;
    const severity = f.severity.level;
    const d = decideExceptions(fIndex, fScratch, subject, keys, severity === 'unknown');
    const vex =
      vexById.size === 0 ? NO_VEX : resolveVex(applicableStatements(vexById, ids, artifact, purl));
    const vexStatus = vex.decision?.status;
    const vexDecided = vexStatus === 'not_affected' || vexStatus === 'fixed';
    const status: FindingStatus = vexDecided
      ? (vexStatus as 'not_affected' | 'fixed')
      : d.applied !== undefined
        ? 'excepted'
        : 'open';
    counts[status]++;
    const decision: Record<string, unknown> = {
      key: f.key,
      vulnerability: f.vulnerability.id,
      severity,
      status,
    };
    if (status === 'excepted') {
      const c = d.applied as number;
      const e = fIndex.entries[c] as (typeof fIndex.entries)[number];
      decision.exception = appliedException(e, fScratch.explainers[c]!, subject, ids);
      applied.set(e.exception_id, (applied.get(e.exception_id) ?? 0) + 1);
    }
    if (vex.decision !== undefined) {
      decision.vex = vex.decision;
      if (vex.decision.conflicts !== undefined) conflicts++;
    }
    if (vex.untrusted !== undefined) decision.vex_untrusted = vex.untrusted;
    if (d.full.length > 0) decision.candidates = candidateList(fIndex, d, vexDecided);
    if (d.nearMisses.length > 0) {
      decision.near_misses = d.nearMisses;
      nearMisses += d.nearMisses.length;
    }
    let triggered: string[] | undefined;
    for (const gate of gates) {
      if (gate.applies && findingTriggers(gate.g, status, severity)) {
        gate.count++;
        (triggered ??= []).push(gate.g.id);
      }
    }
    if (triggered !== undefined) decision.gates = triggered;
    findings[rank[i] as number] = decision as FindingDecision;
  }

  // Policy-rule violations.
  const vIndex = buildCandidateIndex(entries, POLICY_TYPES);
  const vScratch = scratchFor(vIndex);
  const violations: ViolationDecision[] = [];
  let vExcepted = 0;
  const vOrder = (input.violations ?? [])
    .map((v) => ({ k: violationKey(v), v }))
    .sort((a, b) => compareCodeUnits(a.k, b.k));
  for (const { k, v } of vOrder) {
    const subject: ScopeSubject = {
      policyRule: v.rule_id,
      ...(v.artifact === undefined ? {} : { artifact: v.artifact }),
      environment: v.environment ?? context,
    };
    const d = decideExceptions(
      vIndex,
      vScratch,
      subject,
      { rule: v.rule_id, ...(v.artifact === undefined ? {} : { artifact: v.artifact }) },
      true,
    );
    const status = d.applied === undefined ? 'open' : 'excepted';
    const decision: Record<string, unknown> = { key: k, rule_id: v.rule_id, status };
    if (v.artifact !== undefined) decision.artifact = v.artifact;
    if (d.applied !== undefined) {
      vExcepted++;
      const e = vIndex.entries[d.applied] as (typeof vIndex.entries)[number];
      decision.exception = appliedException(e, vScratch.explainers[d.applied]!, subject, undefined);
      applied.set(e.exception_id, (applied.get(e.exception_id) ?? 0) + 1);
    }
    if (d.full.length > 0) decision.candidates = candidateList(vIndex, d, false);
    if (d.nearMisses.length > 0) {
      decision.near_misses = d.nearMisses;
      nearMisses += d.nearMisses.length;
    }
    const triggered: string[] = [];
    for (const gate of gates) {
      if (gate.applies && violationTriggers(gate.g, status, v.rule_id)) {
        gate.count++;
        triggered.push(gate.g.id);
      }
    }
    if (triggered.length > 0) decision.gates = triggered;
    violations.push(decision as ViolationDecision);
  }

  const gateResults: GateResult[] = gates.map(({ g, applies, count }) => ({
    id: g.id,
    kind: g.kind,
    action: g.action,
    applies,
    triggered: count > 0,
    count,
  }));
  const exceptions = [...entries]
    .sort((a, b) => compareCodeUnits(a.exception_id, b.exception_id))
    .map((e) => ({
      exception_id: e.exception_id,
      version: e.current.version,
      status: e.status,
      applied: applied.get(e.exception_id) ?? 0,
    }));
  return E.right({
    schema: VERDICT_SCHEMA,
    now: input.now,
    outcome: outcomeOf(gateResults),
    context,
    inputs: inputDigests(input, policy, folded.right.histories, order),
    gates: gateResults,
    counts: {
      findings: { total: findings.length, ...counts },
      violations: {
        total: violations.length,
        open: violations.length - vExcepted,
        excepted: vExcepted,
      },
      exceptions: {
        total: entries.length,
        active: entries.filter((e) => e.status === 'active').length,
        applied: applied.size,
      },
      near_misses: nearMisses,
      vex_conflicts: conflicts,
    },
    exceptions,
    findings,
    violations,
  });
};

// --- internal --------------------------------------------------------------

const POLICY_TYPES: ReadonlySet<string> = new Set(['policy']);

const NO_VEX: ReturnType<typeof resolveVex> = {};

const push = <K, V>(m: Map<K, V[]>, k: K, v: V): void => {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
};

const applicableStatements = (
  byId: ReadonlyMap<string, ReadonlyArray<PreparedStatement>>,
  ids: ReturnType<typeof subjectIds>,
  artifact: string | undefined,
  purl: PackageUrl | undefined,
): PreparedStatement[] => {
  if (byId.size === 0) return [];
  const seen = new Set<PreparedStatement>();
  const out: PreparedStatement[] = [];
  for (const id of ids.keys()) {
    for (const s of byId.get(id) ?? []) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (statementApplies(s, ids, artifact, purl)) out.push(s);
    }
  }
  return out;
};
