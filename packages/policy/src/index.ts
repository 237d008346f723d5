/**
 * @warrant/policy: governance rules, exception lifecycle commands and pure policy evaluation.
 * @module
 */
export const POLICY_PACKAGE = '@warrant/policy' as const;

// --- governance and lifecycle ---
export {
  GovernanceConfig,
  ApprovalRule,
  RuleCondition,
  RuleRequirement,
  RoleCounts,
  Count,
  Days,
  decodeGovernance,
  governanceDigest,
  roleMembers,
  GOVERNANCE_SCHEMA,
} from './governance/config';
export type { GovernanceError } from './governance/config';
export { defaultGovernance, DEFAULT_RULES } from './governance/default';
export type { DefaultRoleMembers } from './governance/default';
export { describeCondition, describeRule } from './governance/describe';
export { proposalFacts, conditionHolds, requirementsFor } from './governance/requirements';
export type { ProposalFacts, Requirements, Sourced } from './governance/requirements';
export { approvalProgress } from './governance/approval-progress';
export type { ApprovalProgress, ApprovalShortfall } from './governance/approval-progress';
export {
  approvalStatement,
  signApproval,
  signatureBindingProblem,
  verifyApprovalSignature,
  verifyApprovalSignatures,
  APPROVAL_STATEMENT_SCHEMA,
} from './governance/signature';
export type {
  ApprovalStatement,
  ApprovalSignatureCheck,
  ApproverKeys,
} from './governance/signature';
export {
  ProposeCommand,
  ApproveCommand,
  RejectCommand,
  RequestChangesCommand,
  RevokeCommand,
  AmendCommand,
  RenewCommand,
  CommandActor,
  decodeExceptionCommand,
  COMMAND_NAMES,
} from './lifecycle/command';
export type { ExceptionCommand } from './lifecycle/command';
export type { CommandRefused, LifecycleError, Refusal, RefusalCode } from './lifecycle/errors';
export type { CommandOutcome } from './lifecycle/context';
export { contentRefusals } from './lifecycle/content-rules';
export {
  executeExceptionCommand,
  executeExceptionCommandWithSignatures,
} from './lifecycle/execute';
export { proposeException } from './lifecycle/propose';
export { approveException, reviewException } from './lifecycle/review';
export { reviseException } from './lifecycle/revise';
export { revokeException } from './lifecycle/revoke';
export { sweepExceptions } from './lifecycle/sweep';
export type { ExpiringException, SweepResult } from './lifecycle/sweep';

// --- signature audit ---
export { auditApprovalSignatures } from './governance/signature-audit';
export type { ApprovalAudit } from './governance/signature-audit';

// --- evaluation and verdicts ---
export {
  Verdict,
  FindingDecision,
  ViolationDecision,
  FindingStatus,
  AppliedException,
  MatchedDimension,
  Candidate,
  CandidateResult,
  NearMiss,
  VexDecision,
  VexRef,
  GateResult,
  ExceptionSummary,
  InputDigests,
  VerdictCounts,
  VERDICT_SCHEMA,
  decodeVerdict,
  verdictText,
} from './verdict';
export { verdictBytes, verdictDigest, writeVerdict } from './verdict-bytes';
export {
  EvaluationPolicy,
  SeverityGate,
  UnknownStateGate,
  PolicyRuleGate,
  GateAction,
  VexTrust,
  PolicyViolation,
  POLICY_SCHEMA,
  GATE_SEVERITIES,
  decodeEvaluationPolicy,
} from './evaluate/policy-config';
export type { Gate } from './evaluate/policy-config';
export { EvaluationInput, Knowledge, AliasSource, decodeEvaluationInput } from './evaluate/input';
export { evaluate } from './evaluate/evaluate';
export type { EvaluationError, EvaluationErrorCode } from './evaluate/errors';
export { comparePrecedence, precedenceKey } from './evaluate/precedence';
export type { PrecedenceKey } from './evaluate/precedence';
export { normalizePolicy, violationKey } from './evaluate/input-digests';
export { staleExceptions } from './evaluate/stale';
export type { StaleException, StaleQuery } from './evaluate/stale';
export { previewImpact, WIDE_IMPACT } from './evaluate/impact';
export type { ImpactPreview, ImpactQuery, ImpactWarning } from './evaluate/impact';
