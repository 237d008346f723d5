/**
 * The closed vocabularies of the exception model (docs/spec/exception-v1.md section 3): exception
 * types, reason codes, statuses, evidence and link kinds. Values are stable forever; a new value
 * is a new schema version.
 * @module
 */
import type * as t from 'io-ts';
import { literalUnion } from './codec-kit';

/** Exception types (seed 000 section 3.1): what the exception waives. */
export const EXCEPTION_TYPES = ['vulnerability', 'policy', 'unknown_state', 'component'] as const;
/**
 * What an exception waives: a vulnerability finding, a named policy rule (unsigned artifact,
 * cross-boundary deployment, promotion-gate override…), unresolved unknowns, or a component.
 */
export const ExceptionType = literalUnion('ExceptionType', EXCEPTION_TYPES);
/** What an exception waives. */
export type ExceptionType = t.TypeOf<typeof ExceptionType>;

/**
 * Reason codes (seed 000 section 3.3). There is deliberately no `OTHER`: every exception states
 * one of these, so reasons are reportable. What evidence each code expects is governance
 * configuration, not part of the model.
 */
export const REASON_CODES = [
  'FALSE_POSITIVE',
  'NOT_REACHABLE',
  'NOT_AFFECTED',
  'BACKPORT_FIXED',
  'COMPENSATING_CONTROL',
  'RISK_ACCEPTED',
  'TEMPORARY_WORKAROUND',
  'VENDOR_PENDING',
  'BUSINESS_EXCEPTION',
] as const;
/** Why the exception is justified: one of {@link REASON_CODES}. */
export const ReasonCode = literalUnion('ReasonCode', REASON_CODES);
/** Why the exception is justified. */
export type ReasonCode = t.TypeOf<typeof ReasonCode>;

/**
 * Statuses of an exception version at an instant: the five of seed 000 section 3.2 plus three
 * terminal refinements (`rejected`, `changes_requested`, `superseded`).
 */
export const EXCEPTION_STATUSES = [
  'proposed',
  'approved',
  'active',
  'expired',
  'revoked',
  'rejected',
  'changes_requested',
  'superseded',
] as const;
/** The status of an exception version at an instant. */
export const ExceptionStatus = literalUnion('ExceptionStatus', EXCEPTION_STATUSES);
/** The status of an exception version at an instant. */
export type ExceptionStatus = t.TypeOf<typeof ExceptionStatus>;

/** Kinds of evidence an exception can reference (seed 000 section 3.4). */
export const EVIDENCE_KINDS = [
  'vex',
  'reachability',
  'advisory',
  'patch',
  'scan',
  'ticket',
  'mitigation',
  'control',
  'attestation',
  'other',
] as const;
/** What a piece of evidence is; governance rules require kinds per reason code. */
export const EvidenceKind = literalUnion('EvidenceKind', EVIDENCE_KINDS);
/** What a piece of evidence is. */
export type EvidenceKind = t.TypeOf<typeof EvidenceKind>;

/** Kinds of links (seed 000 section 3.2): ticket, pull request, incident, advisory. */
export const LINK_KINDS = ['ticket', 'pull_request', 'incident', 'advisory'] as const;
/** What a link points at. */
export const LinkKind = literalUnion('LinkKind', LINK_KINDS);
/** What a link points at. */
export type LinkKind = t.TypeOf<typeof LinkKind>;

/** Residual risk levels a risk acceptance may state. */
export const RESIDUAL_RISKS = ['low', 'medium', 'high', 'critical'] as const;
/** The residual risk accepted. */
export const ResidualRisk = literalUnion('ResidualRisk', RESIDUAL_RISKS);
/** The residual risk accepted. */
export type ResidualRisk = t.TypeOf<typeof ResidualRisk>;

/** How a version came to be: the first proposal, an amendment or a renewal. */
export const VersionOrigin = literalUnion('VersionOrigin', ['propose', 'amend', 'renew'] as const);
/** How a version came to be. */
export type VersionOrigin = t.TypeOf<typeof VersionOrigin>;

/** Decisions by a person that end a version: rejection, a request for changes, revocation. */
export const DecisionAction = literalUnion('DecisionAction', [
  'rejected',
  'changes_requested',
  'revoked',
] as const);
/** A decision that ends a version. */
export type DecisionAction = t.TypeOf<typeof DecisionAction>;
