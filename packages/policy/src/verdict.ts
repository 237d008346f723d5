/**
 * Verdict v1 (docs/spec/verdict-v1.md): the canonical JSON record of one evaluation: digests of
 * every input, the `now` used, the outcome with the gates that decided it, counts, every
 * exception's status, and one decision per finding and per policy-rule violation with its
 * reasoning. The same inputs give the same bytes ({@link verdictBytes}).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  canonicalize,
  createSha256,
  decodeWith,
  digestFromRaw,
  EnvironmentFacts,
  ExceptionId,
  ExceptionStatus,
  Name,
  Severity,
  Sha256Digest,
  Timestamp,
  utf8Encode,
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
 * @throws TypeError when the value is not JSON (not a verdict `evaluate` made)
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * verdictText(v).startsWith('{"context":') // true
 */
export const verdictText = (verdict: Verdict): string => {
  const text = canonicalize(verdict);
  if (E.isLeft(text)) throw new TypeError(`not a JSON verdict: ${text.left.message}`);
  return text.right;
};

/**
 * The canonical UTF-8 bytes of a verdict: replay compares these byte for byte. The bytes are
 * those of {@link verdictText}, but written a slice of each array at a time, so a verdict of a
 * million findings (whose text can exceed the engine's maximum string length) still serializes.
 * @param verdict - a verdict
 * @returns RFC 8785 bytes
 * @throws TypeError as {@link verdictText}
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * bytesEqual(verdictBytes(evaluate(input)), storedBytes)
 */
export const verdictBytes = (verdict: Verdict): Uint8Array => {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const text of verdictPieces(verdict)) {
    const bytes = utf8Encode(text);
    parts.push(bytes);
    length += bytes.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * The digest of a verdict: SHA-256 of {@link verdictBytes}, hashed piece by piece.
 * @param verdict - a verdict
 * @returns `sha256:<hex>`
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * verdictDigest(v) // 'sha256:…'
 */
export const verdictDigest = (verdict: Verdict): Sha256Digest => {
  const h = createSha256();
  for (const text of verdictPieces(verdict)) h.update(utf8Encode(text));
  return digestFromRaw(h.digest());
};

// --- internal --------------------------------------------------------------

/** Array elements canonicalized per call. */
const SLICE = 2048;

// The canonical text of the verdict in pieces whose concatenation is canonicalize(verdict):
// RFC 8785 writes an object as its members sorted by name (UTF-16 code units) and an array as
// its elements' texts joined by `,`, with no whitespace (section 3.2), so the top-level members
// are written in that order and each array a slice at a time.
function* verdictPieces(verdict: Verdict): Generator<string> {
  const v = verdict as unknown as Record<string, unknown>;
  const names = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  yield '{';
  for (let n = 0; n < names.length; n++) {
    const name = names[n] as string;
    const value = v[name];
    yield `${n === 0 ? '' : ','}${JSON.stringify(name)}:`;
    if (!Array.isArray(value) || value.length <= SLICE) {
      yield text(value);
      continue;
    }
    yield '[';
    for (let i = 0; i < value.length; i += SLICE) {
      yield `${i === 0 ? '' : ','}${text(value.slice(i, i + SLICE)).slice(1, -1)}`;
    }
    yield ']';
  }
  yield '}';
}

const text = (value: unknown): string => {
  const c = canonicalize(value);
  if (E.isLeft(c)) throw new TypeError(`not a JSON verdict: ${c.left.message}`);
  return c.right;
};
