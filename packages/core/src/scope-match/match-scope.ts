/**
 * Matching ONE exception scope against ONE subject (docs/spec/scope-matching.md section 9): the
 * result is an explanation with one entry per dimension (matched / not matched / not
 * constrained, with the values compared), so a user can always see why an exception applied or
 * why it did not. `countScopeFailures` is the allocation-free twin an evaluator uses to pick the
 * candidates worth explaining; the two agree on every input (property-tested).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { matchComponent } from '../purl/component';
import { envValueMatches } from '../exception/query';
import type { Scope } from '../exception/scope';
import { compareTimestamps, type Timestamp } from '../time';
import { compileScope, componentAdmits, type CompiledScope } from './compile';
import { absentReason, componentsMissReason, missReason } from './reasons';
import {
  ENVIRONMENT_FACT_OF,
  SCOPE_DIMENSIONS,
  subjectValue,
  type DimensionOutcome,
  type ScopeDimension,
  type ScopeSubject,
} from './subject';
import {
  describeHit,
  vulnerabilityHit,
  type AliasRoute,
  type SubjectIds,
  subjectIds,
} from './vulnerability';
import type { AliasMap } from '../advisory';

// --- model -----------------------------------------------------------------

/** The verdict on one dimension, with the values compared. */
export interface DimensionMatch {
  readonly dimension: ScopeDimension;
  readonly outcome: DimensionOutcome;
  /** What the scope states (empty when not constrained). */
  readonly scope: ReadonlyArray<string>;
  /** What the subject has for this dimension, or null when it has nothing. */
  readonly subject: string | null;
  /** The scope value that matched. */
  readonly matched?: string;
  /** For vulnerabilities: how the matched id was reached. */
  readonly via?: AliasRoute;
  /** One English sentence. */
  readonly reason: string;
}

/** The exception's time window judged at an instant: `[valid_from, expires_at)`. */
export interface WindowMatch {
  readonly outcome: 'matched' | 'not_matched';
  readonly valid_from: Timestamp | null;
  readonly expires_at: Timestamp;
  readonly now: Timestamp;
  readonly reason: string;
}

/** The explanation of matching one scope against one subject. */
export interface ScopeMatch {
  /** True when no dimension is `not_matched` (the window is not a scope dimension). */
  readonly matched: boolean;
  /** One entry per dimension, in the fixed order of `SCOPE_DIMENSIONS`. */
  readonly dimensions: ReadonlyArray<DimensionMatch>;
  /** The dimensions that did not match, in order. */
  readonly failed: ReadonlyArray<ScopeDimension>;
  /** Exactly one constrained dimension did not match. */
  readonly near_miss: boolean;
  /** The window, when one was given. */
  readonly window?: WindowMatch;
}

/** Knowledge and time for matching. */
export interface MatchOptions {
  /** The knowledge snapshot's alias map (default: none). */
  readonly aliases?: AliasMap;
  /** The exception's window and the instant to judge it at. */
  readonly window?: {
    readonly valid_from?: Timestamp;
    readonly expires_at: Timestamp;
    readonly now: Timestamp;
  };
}

// --- operations ------------------------------------------------------------

/**
 * Matches a scope against a subject and explains every dimension.
 * @param scope - a decoded scope, or one compiled by `compileScope`
 * @param subject - the finding or violation, reduced to its compared values
 * @param options - alias map and time window
 * @returns the explanation
 * @see docs/spec/scope-matching.md section 9
 * @example
 * matchScope({ vulnerabilities: ['GHSA-jfh8-c2jp-5v3q'] }, { vulnerability: { id: 'CVE-2021-44228', aliases: [] }, environment: {} }, { aliases })
 * // { matched: true, dimensions: [{ dimension: 'vulnerabilities', outcome: 'matched', via: 'alias_map',
 * //   reason: 'matched via alias GHSA-jfh8-c2jp-5v3q of CVE-2021-44228 (alias map)' }, …] }
 */
export const matchScope = (
  scope: Scope | CompiledScope,
  subject: ScopeSubject,
  options: MatchOptions = {},
): ScopeMatch => {
  const compiled = 'constrained' in scope ? scope : compileScope(scope as Scope);
  const ids =
    subject.vulnerability === undefined
      ? undefined
      : subjectIds(
          subject.vulnerability.id,
          subject.vulnerability.aliases,
          options.aliases ?? EMPTY,
        );
  const dimensions = SCOPE_DIMENSIONS.map((d) => explainDimension(compiled, d, subject, ids));
  const failed = dimensions.filter((d) => d.outcome === 'not_matched').map((d) => d.dimension);
  const w = options.window;
  return {
    matched: failed.length === 0,
    dimensions,
    failed,
    near_miss: failed.length === 1,
    ...(w === undefined ? {} : { window: matchWindow(w.valid_from, w.expires_at, w.now) }),
  };
};

/**
 * Counts the dimensions that do not match, stopping at `limit`: the cheap test an evaluator runs
 * on every candidate before explaining only matches and near misses.
 * @param compiled - a compiled scope
 * @param subject - the subject
 * @param ids - the subject's identifiers (`subjectIds`), or undefined when it has no vulnerability
 * @param limit - stop counting here (2 separates matches, near misses and the rest)
 * @param memos - per-component memos, indexed like `compiled.components` (optional)
 * @returns the number of failed dimensions, at most `limit`
 * @see docs/spec/scope-matching.md section 9
 * @example
 * countScopeFailures(compileScope(scope), subject, ids, 2) // 0: every dimension matched
 */
export const countScopeFailures = (
  compiled: CompiledScope,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
  limit: number,
  memos?: ReadonlyArray<Map<string, boolean>>,
): number => {
  let failures = 0;
  const v = compiled.values;
  for (const d of compiled.constrained) {
    let ok: boolean;
    if (d === 'vulnerabilities') {
      ok = ids !== undefined && vulnerabilityHit(v[d] as ReadonlyArray<string>, ids) !== undefined;
    } else if (d === 'components') {
      const p = subject.purl;
      ok = p !== undefined && compiled.components.some((c, i) => componentAdmits(c, p, memos?.[i]));
    } else if (d === 'artifacts') {
      ok =
        subject.artifact !== undefined &&
        (v[d] as ReadonlyArray<string>).includes(subject.artifact);
    } else if (d === 'policy_rules') {
      ok =
        subject.policyRule !== undefined &&
        (v[d] as ReadonlyArray<string>).includes(subject.policyRule);
    } else {
      const fact = subject.environment[ENVIRONMENT_FACT_OF[d]];
      ok =
        fact !== undefined && (v[d] as ReadonlyArray<string>).some((p) => envValueMatches(p, fact));
    }
    if (!ok && ++failures >= limit) return failures;
  }
  return failures;
};

/**
 * Judges an exception's time window at an instant: it applies from `valid_from` inclusive (no
 * lower bound when absent) until `expires_at` exclusive.
 * @param validFrom - the window start, or undefined
 * @param expiresAt - the window end (exclusive)
 * @param now - the instant
 * @returns matched when `valid_from <= now < expires_at`
 * @see docs/spec/scope-matching.md section 9.7
 * @example
 * matchWindow(undefined, '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z').outcome // 'not_matched'
 */
export const matchWindow = (
  validFrom: Timestamp | undefined,
  expiresAt: Timestamp,
  now: Timestamp,
): WindowMatch => {
  const early = validFrom !== undefined && compareTimestamps(now, validFrom) < 0;
  const late = compareTimestamps(now, expiresAt) >= 0;
  const reason = early
    ? `${now} is before valid_from ${validFrom as string}`
    : late
      ? `${now} is at or after expires_at ${expiresAt} (the window excludes its end)`
      : `${now} is within [${validFrom ?? 'approval'}, ${expiresAt})`;
  return {
    outcome: early || late ? 'not_matched' : 'matched',
    valid_from: validFrom ?? null,
    expires_at: expiresAt,
    now,
    reason,
  };
};

// --- internal --------------------------------------------------------------

const EMPTY: AliasMap = new Map();

/**
 * Explains one dimension, for an evaluator that already knows (from `countScopeFailures`) which
 * candidates deserve an explanation.
 * @param compiled - a compiled scope
 * @param d - the dimension
 * @param subject - the subject
 * @param ids - the subject's identifiers (`subjectIds`), or undefined without vulnerability
 * @returns the dimension's verdict, as in {@link matchScope}
 * @see docs/spec/scope-matching.md section 9
 * @example
 * explainScopeDimension(compiled, 'artifacts', subject, ids).outcome // 'not_matched'
 */
export const explainScopeDimension = (
  compiled: CompiledScope,
  d: ScopeDimension,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): DimensionMatch => explainDimension(compiled, d, subject, ids);

// --- internal (dimension explanations) ----------------------------------------

const explainDimension = (
  compiled: CompiledScope,
  d: ScopeDimension,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): DimensionMatch => {
  const scope = compiled.values[d];
  const value = subjectValue(d, subject);
  if (scope === undefined) {
    return {
      dimension: d,
      outcome: 'not_constrained',
      scope: [],
      subject: value,
      reason: `${d}: the scope does not constrain it (any value)`,
    };
  }
  const no = (reason: string): DimensionMatch => ({
    dimension: d,
    outcome: 'not_matched',
    scope,
    subject: value,
    reason,
  });
  if (value === null) return no(absentReason(d, scope.join(', ')));
  const yes = (matched: string, reason: string, via?: AliasRoute): DimensionMatch => ({
    dimension: d,
    outcome: 'matched',
    scope,
    subject: value,
    matched,
    ...(via === undefined ? {} : { via }),
    reason: `${d}: ${reason}`,
  });
  if (d === 'vulnerabilities') {
    const hit = vulnerabilityHit(scope, ids as SubjectIds);
    if (hit !== undefined) return yes(hit.value, describeHit(hit, value), hit.route);
    return no(missReason(d, value, scope.join(', '), (ids?.size ?? 1) - 1));
  }
  if (d === 'components') {
    const purl = subject.purl as NonNullable<ScopeSubject['purl']>;
    let best: { text: string; summary: string } | undefined;
    // The smallest matching component (code-unit order of its text) is reported, so the
    // explanation does not depend on the order of the set.
    for (const c of compiled.components) {
      const m = matchComponent(c.pattern, c.range, purl);
      if (E.isRight(m) && m.right.matched && (best === undefined || c.text < best.text)) {
        best = { text: c.text, summary: m.right.summary };
      }
    }
    if (best !== undefined) return yes(best.text, `${best.text} ${best.summary}`);
    return no(componentsMissReason(compiled.components, purl));
  }
  if (d === 'artifacts' || d === 'policy_rules') {
    return scope.includes(value)
      ? yes(value, `${value} is listed`)
      : no(missReason(d, value, scope.join(', '), 0));
  }
  let pattern: string | undefined;
  for (const p of scope) {
    if (envValueMatches(p, value) && (pattern === undefined || p < pattern)) pattern = p;
  }
  return pattern !== undefined
    ? yes(pattern, `${value} matches ${pattern}`)
    : no(missReason(d, value, scope.join(', '), 0));
};
