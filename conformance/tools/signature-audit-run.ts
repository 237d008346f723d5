// Runs one case of conformance/governance/signature-audit.json: builds the record from its
// commands (every one accepted) under one configuration, then audits its approval signatures
// against another (section 7.3) with the trusted keys given, if any. Shared by the generator and
// the runner, so that what is written is what is checked. Reasons are messages for people and
// are left out; status, ok, keyids and required_by are the contract.
import * as E from 'fp-ts/lib/Either.js';
import { importPublicKeyPem, type ExceptionRecord, type Verifier } from '@warrant/core';
import {
  auditApprovalSignatures,
  executeExceptionCommand,
  type GovernanceConfig,
} from '@warrant/policy';

/** The input of a signature audit case (`config` and `audit_config` name config.json cases). */
export interface AuditInput {
  readonly config?: string;
  readonly commands: ReadonlyArray<unknown>;
  readonly audit_config?: string;
  /** Actor id to the PEM public keys trusted for it; absent: no trust map (bindings only). */
  readonly keys?: Readonly<Record<string, ReadonlyArray<string>>>;
}

/** The audits of the case, projected to their contract members. */
export const runAuditCase = async (
  input: AuditInput,
  configNamed: (name: string | undefined) => GovernanceConfig,
): Promise<unknown[]> => {
  const config = configNamed(input.config);
  let record: ExceptionRecord | undefined;
  for (const c of input.commands) {
    const r = executeExceptionCommand(record, c, config);
    if (E.isLeft(r)) throw new Error(r.left.message);
    record = r.right.record;
  }
  if (record === undefined) throw new Error('no commands');
  let keys: Map<string, Verifier[]> | undefined;
  if (input.keys !== undefined) {
    keys = new Map();
    for (const [actor, pems] of Object.entries(input.keys)) {
      const verifiers: Verifier[] = [];
      for (const pem of pems) {
        const k = await importPublicKeyPem(pem);
        if (E.isLeft(k)) throw new Error(k.left.message);
        verifiers.push(k.right.verifier);
      }
      keys.set(actor, verifiers);
    }
  }
  const audits = await auditApprovalSignatures(record, configNamed(input.audit_config), keys);
  return audits.map((a) => ({
    version: a.version,
    approver: a.approver,
    role: a.role,
    status: a.status,
    ok: a.ok,
    keyids: a.keyids ?? null,
    required_by: a.required_by ?? null,
  }));
};
