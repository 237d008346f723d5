/**
 * Auditing approval signatures against governance (docs/spec/governance-v1.md section 7.3): for
 * every recorded approval, whether its signature verifies with a trusted key of the approver, and
 * whether the configuration allowed it to be unsigned. An unsigned approval of a version whose
 * rules require signed approvals is a finding, as is any signature that does not verify.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ExceptionRecord } from '@warrant/core';
import type { GovernanceConfig } from './config';
import { requirementsFor } from './requirements';
import {
  approvalStatement,
  signatureBindingProblem,
  verifyApprovalSignature,
  type ApproverKeys,
} from './signature';

// --- model -----------------------------------------------------------------

/** The audit of one recorded approval. */
export interface ApprovalAudit {
  readonly exception_id: string;
  readonly version: number;
  readonly approver: string;
  readonly role: string;
  /**
   * `verified` (a trusted key of the approver signed this very approval), `unsigned`, `invalid`
   * (bound to another approval, or no trusted key verifies it; see `reason`), or `unchecked`
   * (signed and bound, but no trust map was given).
   */
  readonly status: 'verified' | 'unsigned' | 'invalid' | 'unchecked';
  /** Key ids that verified, for `verified`. */
  readonly keyids?: ReadonlyArray<string>;
  /** Id of the rule requiring signed approvals for this version, if one does. */
  readonly required_by?: string;
  /** False for `invalid`, and for `unsigned` or `unchecked` when a rule requires signatures. */
  readonly ok: boolean;
  /** Why the approval is not ok, or why it is unchecked. */
  readonly reason?: string;
}

// --- operations ------------------------------------------------------------

/**
 * Audits every approval of an exception: signatures against trusted keys, and unsigned approvals
 * against the configuration's `signed_approvals` requirements.
 * @param record - the folded record
 * @param governance - the configuration to hold the approvals to
 * @param keys - trusted keys per approver; `undefined` checks bindings only (status `unchecked`)
 * @returns one audit per approval, in version order, then recorded order
 * @see docs/spec/governance-v1.md section 7.3
 * @example
 * (await auditApprovalSignatures(record, config, keys)).filter((a) => !a.ok)
 */
export const auditApprovalSignatures = async (
  record: ExceptionRecord,
  governance: GovernanceConfig,
  keys: ApproverKeys | undefined,
): Promise<ReadonlyArray<ApprovalAudit>> => {
  const out: ApprovalAudit[] = [];
  for (const v of record.versions) {
    const rule = requirementsFor(governance, v.content).signed_approvals;
    for (const a of v.approvals) {
      const base = {
        exception_id: record.exception_id,
        version: v.version,
        approver: a.id,
        role: a.role,
        ...(rule === undefined ? {} : { required_by: rule.id }),
      };
      if (a.signature === undefined) {
        out.push(
          rule === undefined
            ? { ...base, status: 'unsigned', ok: true }
            : {
                ...base,
                status: 'unsigned',
                ok: false,
                reason: `rule ${rule.id} requires signed approvals`,
              },
        );
        continue;
      }
      const statement = approvalStatement({
        exception_id: record.exception_id,
        version: v.version,
        content_digest: v.content_digest,
        approver: a.id,
        role: a.role,
        at: a.at,
      });
      if (keys === undefined) {
        const problem = signatureBindingProblem(a.signature, statement);
        out.push(
          problem === undefined
            ? {
                ...base,
                status: 'unchecked',
                ok: rule === undefined,
                reason:
                  rule === undefined
                    ? 'no trusted keys given'
                    : `rule ${rule.id} requires signed approvals and no trusted keys were given`,
              }
            : { ...base, status: 'invalid', ok: false, reason: problem },
        );
        continue;
      }
      const r = await verifyApprovalSignature(a.signature, statement, keys);
      out.push(
        E.isRight(r)
          ? { ...base, status: 'verified', keyids: r.right, ok: true }
          : { ...base, status: 'invalid', ok: false, reason: r.left },
      );
    }
  }
  return out;
};
