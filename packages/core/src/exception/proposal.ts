/**
 * The content of one exception version, as a requester writes it (docs/spec/exception-v1.md
 * section 6): type, owner, scope, reason, rationale, evidence, risk, controls, links and the time
 * window. Lifecycle metadata (id, version, status, approvals) is added by the fold.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { CanonicalJsonError } from '../canonical-json';
import { utf8Encode } from '../bytes';
import { digestBytes, digestCanonical, type Sha256Digest } from '../digest';
import { compareTimestamps, Timestamp } from '../time';
import { CompensatingControl, EvidenceRef, Link, RiskAcceptance } from './attachments';
import { closedObject, setOf, type ClosedType, type Violation } from './codec-kit';
import { decodeWith, type DecodeError } from './decode';
import { writeCanonicalProposal } from './proposal-canonical';
import { LinkRef, Name, RiskScore, Text } from './fields';
import { Scope } from './scope';
import { ExceptionType, ReasonCode } from './vocabulary';

// --- model -----------------------------------------------------------------

/** Members of {@link ExceptionProposal} that must be present. */
export const PROPOSAL_REQUIRED = {
  type: ExceptionType,
  owner: Name,
  scope: Scope,
  reason_code: ReasonCode,
  rationale: Text,
  risk_acceptance: RiskAcceptance,
  risk_score: RiskScore,
  expires_at: Timestamp,
};

/** Members of {@link ExceptionProposal} that may be absent. */
export const PROPOSAL_OPTIONAL = {
  valid_from: Timestamp,
  evidence_refs: setOf(EvidenceRef, 'EvidenceRefs'),
  compensating_controls: setOf(CompensatingControl, 'CompensatingControls'),
  links: setOf(Link, 'Links'),
  deployment_intent: LinkRef,
};

/** The decoded shape of proposal content (the type of {@link ExceptionProposal}). */
export type ProposalShape = ClosedType<typeof PROPOSAL_REQUIRED, typeof PROPOSAL_OPTIONAL>;

/** The content of one exception version (what approvers approve, bound by its digest). */
export const ExceptionProposal = closedObject(
  'ExceptionProposal',
  PROPOSAL_REQUIRED,
  PROPOSAL_OPTIONAL,
  (p) => proposalViolations(p),
);
/** The content of one exception version. */
export type ExceptionProposal = t.TypeOf<typeof ExceptionProposal>;

/** Why a proposal was refused. */
export type ProposalError = DecodeError<'CORE_EXCEPTION_INVALID'>;

// --- operations ------------------------------------------------------------

/**
 * Decodes and normalizes untrusted proposal content.
 * @param input - parsed JSON
 * @returns the proposal, or `CORE_EXCEPTION_INVALID` with every problem and its path
 * @see docs/spec/exception-v1.md section 6
 * @example
 * decodeProposal({ type: 'vulnerability', … }) // right(proposal) with sets sorted
 */
export const decodeProposal = (input: unknown): E.Either<ProposalError, ExceptionProposal> =>
  decodeWith(ExceptionProposal, input, 'CORE_EXCEPTION_INVALID', 'exception proposal');

/**
 * The content digest of a proposal: SHA-256 of the RFC 8785 canonical JSON of its encoded form.
 * Approvals name this digest, binding each approval to the exact content approved.
 * @param proposal - a decoded proposal
 * @returns `sha256:<hex>`
 * @see docs/spec/exception-v1.md section 6.3
 * @example
 * proposalDigest(p) === proposalDigest(decodeProposal(ExceptionProposal.encode(p)).right) // true
 */
export const proposalDigest = (proposal: ExceptionProposal): Sha256Digest => {
  // The members are known, so the canonical text is written directly (same text; tested).
  const text = writeCanonicalProposal(proposal);
  if (text !== undefined) return digestBytes(utf8Encode(text));
  const d: E.Either<CanonicalJsonError, Sha256Digest> = digestCanonical(
    ExceptionProposal.encode(proposal),
  );
  // A decoded proposal holds only strings, booleans, integers, arrays and plain objects.
  if (E.isLeft(d)) throw new TypeError(`not a decoded proposal: ${d.left.message}`);
  return d.right;
};

/**
 * Which scope dimension each exception type requires (docs/spec/exception-v1.md section 6.2).
 * @param type - the exception type
 * @returns the scope members of which at least one must be present
 * @example
 * requiredScopeDimensions('policy') // ['policy_rules']
 */
export const requiredScopeDimensions = (
  type: ExceptionType,
): ReadonlyArray<'vulnerabilities' | 'policy_rules' | 'components' | 'artifacts'> =>
  REQUIRED_BY_TYPE[type];

/**
 * The cross-member rules of proposal content (section 6.2): valid_from before expires_at, and the
 * scope dimension the type requires.
 * @param p - proposal content whose members each decoded
 * @returns the violations, empty when the content is consistent
 * @internal
 * @example
 * proposalViolations({ ...p, type: 'policy' }) // [{ path: ['scope'], message: 'expected scope.policy_rules…' }]
 */
export function proposalViolations(p: ProposalShape): ReadonlyArray<Violation> {
  const out: Violation[] = [];
  if (p.valid_from !== undefined && compareTimestamps(p.valid_from, p.expires_at) >= 0) {
    out.push({ path: ['expires_at'], message: 'expected expires_at to be later than valid_from' });
  }
  const need = REQUIRED_BY_TYPE[p.type];
  if (!need.some((d) => p.scope[d] !== undefined)) {
    out.push({
      path: ['scope'],
      message: `expected scope.${need.join(' or scope.')} for a ${p.type} exception`,
    });
  }
  return out;
}

// --- internal --------------------------------------------------------------

const REQUIRED_BY_TYPE = {
  vulnerability: ['vulnerabilities'],
  policy: ['policy_rules'],
  component: ['components'],
  unknown_state: ['artifacts', 'components'],
} as const;
