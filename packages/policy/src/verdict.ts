/**
 * Verdict v1 (docs/spec/verdict-v1.md): the canonical JSON record of one evaluation: digests of
 * every input, the `now` used, the outcome with the gates that decided it, counts, every
 * exception's status, and one decision per finding and per policy-rule violation with its
 * reasoning. The same inputs give the same bytes (`verdictBytes`, in verdict-bytes.ts).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  canonicalize,
  decodeWith,
  EnvironmentFacts,
  ExceptionId,
  ExceptionStatus,
  Name,
  Severity,
  Sha256Digest,
  Timestamp,
  VersionNumber,
  type DecodeError,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** Schema identifier of verdicts. */
export const VERDICT_SCHEMA = 'warrant.verdict/v1';

const lit = <const V extends ReadonlyArray<string>>(name: string, values: V) =>
  t.keyof(Object.fromEntries(values.map((v) => [v, null])) as Record<V[number], null>, name);
const nat = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'Count');
const opt = <P extends t.Props, O extends t.Props>(name: string, req: P, optional: O) =>
  t.exact(t.intersection([t.type(req), t.partial(optional)]), name);

/** The effective status of a finding. */
export const FindingStatus = lit('FindingStatus', [
  'open',
  'excepted',
  'not_affected',
  'fixed',
] as const);
/** The effective status of a finding. */
export type FindingStatus = t.TypeOf<typeof FindingStatus>;

/** How a vulnerability scope value was reached. */
const AliasRoute = lit('AliasRoute', ['direct', 'source_alias', 'alias_map'] as const);

/** A matched dimension of the applied exception: the scope value that matched. */
export const MatchedDimension = opt(
  'MatchedDimension',
  { dimension: t.string, value: t.string },
  { via: AliasRoute },
);
/** A matched dimension of the applied exception. */
export type MatchedDimension = t.TypeOf<typeof MatchedDimension>;

/** The exception that applied, by id and version, with the value each constrained dimension matched. */
export const AppliedException = t.strict(
  { exception_id: ExceptionId, version: VersionNumber, matched: t.array(MatchedDimension) },
  'AppliedException',
);
/** The exception that applied. */
export type AppliedException = t.TypeOf<typeof AppliedException>;

/** What happened to an exception whose every scope dimension matched. */
export const CandidateResult = lit('CandidateResult', [
  'applied',
  'outranked',
  'inactive',
  'not_needed',
] as const);
/** What happened to a candidate. */
export type CandidateResult = t.TypeOf<typeof CandidateResult>;

/** An exception whose every scope dimension matched, with its status at `now` and what happened. */
export const Candidate = t.strict(
  {
    exception_id: ExceptionId,
    version: VersionNumber,
    status: ExceptionStatus,
    result: CandidateResult,
  },
  'Candidate',
);
/** A candidate exception. */
export type Candidate = t.TypeOf<typeof Candidate>;

/** An exception that matched every constrained dimension but one. */
export const NearMiss = t.strict(
  {
    exception_id: ExceptionId,
    version: VersionNumber,
    status: ExceptionStatus,
    dimension: t.string,
    reason: t.string,
  },
  'NearMiss',
);
/** A near miss. */
export type NearMiss = t.TypeOf<typeof NearMiss>;

/** A VEX statement, by digest, that took part in a decision. */
export const VexRef = opt(
  'VexRef',
  { statement: Sha256Digest, status: t.string },
  { issuer: t.string, timestamp: Timestamp },
);
/** A VEX statement reference. */
export type VexRef = t.TypeOf<typeof VexRef>;

/** The VEX resolution of a finding. */
export const VexDecision = opt(
  'VexDecision',
  { status: t.string, statement: Sha256Digest },
  {
    issuer: t.string,
    timestamp: Timestamp,
    justification: t.string,
    /** Trusted applicable statements with another status (the winner is not repeated). */
    conflicts: t.array(VexRef),
  },
);
/** The VEX resolution of a finding. */
export type VexDecision = t.TypeOf<typeof VexDecision>;

/** The decision on one finding. */
export const FindingDecision = opt(
  'FindingDecision',
  { key: Sha256Digest, vulnerability: t.string, severity: Severity, status: FindingStatus },
  {
    exception: AppliedException,
    vex: VexDecision,
    /** Applicable statements from untrusted issuers: never used. */
    vex_untrusted: t.array(VexRef),
    candidates: t.array(Candidate),
    near_misses: t.array(NearMiss),
    /** Ids of the gates this finding triggered. */
    gates: t.array(Name),
  },
);
/** The decision on one finding. */
export type FindingDecision = t.TypeOf<typeof FindingDecision>;

/** The decision on one policy-rule violation. */
export const ViolationDecision = opt(
  'ViolationDecision',
  {
    key: Sha256Digest,
    rule_id: Name,
    status: lit('ViolationStatus', ['open', 'excepted'] as const),
  },
  {
    artifact: Sha256Digest,
    exception: AppliedException,
    candidates: t.array(Candidate),
    near_misses: t.array(NearMiss),
    gates: t.array(Name),
  },
);
/** The decision on one policy-rule violation. */
export type ViolationDecision = t.TypeOf<typeof ViolationDecision>;

/** One gate's evaluation. */
export const GateResult = t.strict(
  {
    id: Name,
    kind: lit('GateKind', ['severity', 'unknown_state', 'policy_rule'] as const),
    action: lit('GateAction', ['fail', 'warn'] as const),
    applies: t.boolean,
    triggered: t.boolean,
    count: nat,
  },
  'GateResult',
);
/** One gate's evaluation. */
export type GateResult = t.TypeOf<typeof GateResult>;

/** An exception's status at `now` and how many subjects it was applied to. */
export const ExceptionSummary = t.strict(
  { exception_id: ExceptionId, version: VersionNumber, status: ExceptionStatus, applied: nat },
  'ExceptionSummary',
);
/** An exception summary. */
export type ExceptionSummary = t.TypeOf<typeof ExceptionSummary>;

/** Digests of every input (docs/spec/verdict-v1.md section 5). */
export const InputDigests = t.strict(
  {
    policy: Sha256Digest,
    findings: Sha256Digest,
    exceptions: Sha256Digest,
    vex: Sha256Digest,
    violations: Sha256Digest,
    knowledge: Sha256Digest,
  },
  'InputDigests',
);
/** Digests of every input. */
export type InputDigests = t.TypeOf<typeof InputDigests>;

/** Counts (docs/spec/verdict-v1.md section 8). */
export const VerdictCounts = t.strict(
  {
    findings: t.strict({ total: nat, open: nat, excepted: nat, not_affected: nat, fixed: nat }),
    violations: t.strict({ total: nat, open: nat, excepted: nat }),
    exceptions: t.strict({ total: nat, active: nat, applied: nat }),
    near_misses: nat,
    vex_conflicts: nat,
  },
  'VerdictCounts',
);
/** Counts. */
export type VerdictCounts = t.TypeOf<typeof VerdictCounts>;

/** A verdict. */
export const Verdict = t.strict(
  {
    schema: t.literal(VERDICT_SCHEMA),
    now: Timestamp,
    outcome: lit('Outcome', ['pass', 'warn', 'fail'] as const),
    context: EnvironmentFacts,
    inputs: InputDigests,
    gates: t.array(GateResult),
    counts: VerdictCounts,
    exceptions: t.array(ExceptionSummary),
    findings: t.array(FindingDecision),
    violations: t.array(ViolationDecision),
  },
  'Verdict',
);
/** A verdict. */
export type Verdict = t.TypeOf<typeof Verdict>;

// --- operations ------------------------------------------------------------

/**
 * Decodes an untrusted verdict (e.g. from an audit pack) for display or replay comparison.
 * @param input - parsed JSON
 * @returns the verdict, or `POLICY_VERDICT_INVALID` with every problem
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * decodeVerdict(JSON.parse(text)) // right(verdict)
 */
export const decodeVerdict = (
  input: unknown,
): E.Either<DecodeError<'POLICY_VERDICT_INVALID'>, Verdict> =>
  decodeWith(Verdict, input, 'POLICY_VERDICT_INVALID', 'verdict');

/**
 * The canonical text of a verdict (RFC 8785): what is stored, hashed and compared on replay.
 * @param verdict - a verdict made by `evaluate` (JSON values only)
 * @returns the canonical JSON text
 * @throws TypeError when the value is not JSON (not a verdict `evaluate` made); RangeError when
 *   the text would exceed the engine's maximum string length (use `verdictBytes` or
 *   `writeVerdict` for verdicts of hundreds of thousands of findings)
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * verdictText(v).startsWith('{"context":') // true
 */
export const verdictText = (verdict: Verdict): string => {
  const text = canonicalize(verdict);
  if (E.isLeft(text)) throw new TypeError(`not a JSON verdict: ${text.left.message}`);
  return text.right;
};
