/**
 * VEX resolution (docs/spec/verdict-v1.md section 7): which statements apply to a finding
 * (same vulnerability, directly or through aliases; a product naming the finding's artifact
 * digest or component purl), which of them count (trusted issuers only), and which one wins
 * when they disagree (the latest, then the least favourable status, then the smallest digest).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  compareCodeUnits,
  compareTimestamps,
  digestCanonical,
  matchPurl,
  parsePurl,
  VexStatement,
  type PackageUrl,
  type Sha256Digest,
  type SubjectIds,
} from '@warrant/core';
import type { VexDecision, VexRef } from '../verdict';
import type { VexTrust } from './policy-config';

// --- model -----------------------------------------------------------------

/** A statement prepared for matching. */
export interface PreparedStatement {
  readonly statement: VexStatement;
  readonly digest: Sha256Digest;
  readonly ids: ReadonlyArray<string>;
  readonly trusted: boolean;
  readonly products: ReadonlyArray<{
    readonly digest?: string;
    readonly purl?: PackageUrl;
    readonly subcomponents: ReadonlyArray<PackageUrl>;
  }>;
}

/** The VEX part of a finding decision. */
export interface VexOutcome {
  readonly decision?: VexDecision;
  readonly untrusted?: ReadonlyArray<VexRef>;
}

// --- operations ------------------------------------------------------------

/**
 * Prepares statements: digest (SHA-256 of the canonical statement), identifiers, parsed purls
 * (a purl that does not parse names nothing) and trust.
 * @param statements - normalized VEX statements
 * @param trust - the policy's VEX trust (absent: nobody is trusted)
 * @returns prepared statements, in input order
 * @see docs/spec/verdict-v1.md section 7
 * @example
 * prepareStatements(statements, { trusted_issuers: ['Acme PSIRT'] })
 */
export const prepareStatements = (
  statements: ReadonlyArray<VexStatement>,
  trust: VexTrust | undefined,
): ReadonlyArray<PreparedStatement> => {
  const trusted = new Set(trust?.trusted_issuers ?? []);
  const purl = (text: string | undefined): PackageUrl | undefined => {
    if (text === undefined) return undefined;
    const p = parsePurl(text);
    return E.isRight(p) ? p.right : undefined;
  };
  return statements.map((s) => {
    const digest = digestCanonical(VexStatement.encode(s));
    if (E.isLeft(digest)) throw new TypeError(`VEX statement is not JSON: ${digest.left.message}`);
    return {
      statement: s,
      digest: digest.right,
      ids: [s.vulnerability.id, ...s.vulnerability.aliases],
      trusted: s.issuer !== undefined && trusted.has(s.issuer),
      products: s.products.map((p) => ({
        ...(p.digest === undefined ? {} : { digest: p.digest }),
        ...(purl(p.purl) === undefined ? {} : { purl: purl(p.purl) as PackageUrl }),
        subcomponents: p.subcomponents
          .map((c) => purl(c.purl))
          .filter((c): c is PackageUrl => c !== undefined),
      })),
    };
  });
};

/**
 * Whether a statement applies to a finding: a shared identifier, and a product that names the
 * finding (section 7.1).
 * @param s - a prepared statement
 * @param ids - the finding's identifiers (direct, source aliases, alias map)
 * @param artifact - the finding's artifact digest
 * @param purl - the finding's parsed purl
 * @returns true when it applies
 * @see docs/spec/verdict-v1.md section 7.1
 * @example
 * statementApplies(s, ids, 'sha256:…', purl) // true
 */
export const statementApplies = (
  s: PreparedStatement,
  ids: SubjectIds,
  artifact: string | undefined,
  purl: PackageUrl | undefined,
): boolean => {
  if (!s.ids.some((id) => ids.has(id))) return false;
  const admits = (pattern: PackageUrl): boolean =>
    purl !== undefined && matchPurl(pattern, purl).matched;
  return s.products.some((p) =>
    p.subcomponents.length > 0
      ? p.digest !== undefined && p.digest === artifact && p.subcomponents.some(admits)
      : (p.digest !== undefined && p.digest === artifact) ||
        (p.purl !== undefined && admits(p.purl)),
  );
};

/**
 * Resolves the applicable statements of one finding: untrusted ones are listed and ignored;
 * among trusted ones the winner is the latest (`timestamp`, absent is oldest), then the least
 * favourable status (affected, under_investigation, fixed, not_affected), then the smallest
 * digest; trusted statements with another status are reported as conflicts.
 * @param applicable - the statements that apply
 * @returns the decision and the untrusted references (each only when non-empty)
 * @see docs/spec/verdict-v1.md section 7.2
 * @example
 * resolveVex([notAffectedByVendor]).decision?.status // 'not_affected'
 */
export const resolveVex = (applicable: ReadonlyArray<PreparedStatement>): VexOutcome => {
  if (applicable.length === 0) return {};
  const trusted = applicable.filter((s) => s.trusted).sort(byPrecedence);
  const untrusted = applicable
    .filter((s) => !s.trusted)
    .map(ref)
    .sort((a, b) => compareCodeUnits(a.statement, b.statement));
  const winner = trusted[0];
  const out: { decision?: VexDecision; untrusted?: ReadonlyArray<VexRef> } = {};
  if (winner !== undefined) {
    const w = winner.statement;
    const conflicts = trusted
      .filter((s) => s.statement.status !== w.status)
      .map(ref)
      .sort((a, b) => compareCodeUnits(a.statement, b.statement));
    out.decision = {
      status: w.status,
      statement: winner.digest,
      ...(w.issuer === undefined ? {} : { issuer: w.issuer }),
      ...(w.timestamp === undefined ? {} : { timestamp: w.timestamp }),
      ...(w.justification === undefined ? {} : { justification: w.justification }),
      ...(conflicts.length === 0 ? {} : { conflicts }),
    };
  }
  if (untrusted.length > 0) out.untrusted = untrusted;
  return out;
};

// --- internal --------------------------------------------------------------

const STATUS_ORDER: Record<string, number> = {
  affected: 0,
  under_investigation: 1,
  fixed: 2,
  not_affected: 3,
};

const byPrecedence = (a: PreparedStatement, b: PreparedStatement): number => {
  const ta = a.statement.timestamp;
  const tb = b.statement.timestamp;
  const time =
    ta === undefined
      ? tb === undefined
        ? 0
        : 1
      : tb === undefined
        ? -1
        : compareTimestamps(tb, ta);
  return (
    time ||
    (STATUS_ORDER[a.statement.status] as number) - (STATUS_ORDER[b.statement.status] as number) ||
    compareCodeUnits(a.digest, b.digest)
  );
};

const ref = (s: PreparedStatement): VexRef => ({
  statement: s.digest,
  status: s.statement.status,
  ...(s.statement.issuer === undefined ? {} : { issuer: s.statement.issuer }),
  ...(s.statement.timestamp === undefined ? {} : { timestamp: s.statement.timestamp }),
});
