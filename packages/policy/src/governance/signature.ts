/**
 * Signed approvals (docs/spec/governance-v1.md section 7): the approval statement an approver
 * signs with DSSE, the binding check that a signature is over this very approval, and
 * cryptographic verification against the host's trusted keys per approver.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  APPROVAL_PAYLOAD_TYPE,
  bytesEqual,
  canonicalizeToBytes,
  decodeBase64,
  signJson,
  verifyEnvelope,
  type DsseEnvelope,
  type DsseEnvelopeJson,
  type ExceptionRecord,
  type Sha256Digest,
  type Signer,
  type Timestamp,
  type Verifier,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** Schema identifier of approval statements. */
export const APPROVAL_STATEMENT_SCHEMA = 'warrant.exception-approval/v1';

/** What an approver signs: this approval of this content of this version, with this role, now. */
export interface ApprovalStatement {
  readonly schema: typeof APPROVAL_STATEMENT_SCHEMA;
  readonly exception_id: string;
  readonly version: number;
  readonly content_digest: Sha256Digest;
  readonly approver: string;
  readonly role: string;
  readonly at: Timestamp;
}

/** Trusted keys per approver id (the host's key registry). */
export type ApproverKeys = ReadonlyMap<string, ReadonlyArray<Verifier>>;

/** The outcome of verifying one recorded approval's signature. */
export interface ApprovalSignatureCheck {
  readonly version: number;
  readonly approver: string;
  /** `verified`, `unsigned`, or `invalid` (with `reason`). */
  readonly status: 'verified' | 'unsigned' | 'invalid';
  /** Key ids that verified, for `verified`. */
  readonly keyids?: ReadonlyArray<string>;
  readonly reason?: string;
}

// --- operations ------------------------------------------------------------

/**
 * The approval statement for one approval.
 * @param fields - exception id, version, content digest, approver id, role and time
 * @returns the statement (sign its canonical JSON)
 * @see docs/spec/governance-v1.md section 7
 * @example
 * approvalStatement({ exception_id: 'exc-1', version: 1, content_digest, approver: 'bob', role: 'cab', at })
 */
export const approvalStatement = (
  fields: Omit<ApprovalStatement, 'schema'>,
): ApprovalStatement => ({
  schema: APPROVAL_STATEMENT_SCHEMA,
  exception_id: fields.exception_id,
  version: fields.version,
  content_digest: fields.content_digest,
  approver: fields.approver,
  role: fields.role,
  at: fields.at,
});

/**
 * Signs an approval statement as a DSSE envelope (payload: its RFC 8785 canonical JSON).
 * @param statement - the statement
 * @param signer - the approver's signer
 * @returns the envelope to put in the approve command's `signature`
 * @example
 * const signature = await signApproval(approvalStatement({ … }), key.signer);
 */
export const signApproval = async (
  statement: ApprovalStatement,
  signer: Signer,
): Promise<DsseEnvelope> => {
  const env = await signJson(APPROVAL_PAYLOAD_TYPE, statement, [signer]);
  // A statement holds only strings and integers.
  if (E.isLeft(env)) throw new TypeError(env.left.message);
  return env.right;
};

/**
 * Checks that a signature envelope is about this approval: the payload type is the approval type
 * and the payload is exactly the statement's canonical JSON (no cryptography).
 * @param envelope - the envelope from the command or event
 * @param statement - the statement it must carry
 * @returns a message saying what does not match, or `undefined`
 * @example
 * signatureBindingProblem(envelope, statement) // undefined when bound
 */
export const signatureBindingProblem = (
  envelope: DsseEnvelopeJson,
  statement: ApprovalStatement,
): string | undefined => {
  if (envelope.payloadType !== APPROVAL_PAYLOAD_TYPE) {
    return `expected payloadType ${APPROVAL_PAYLOAD_TYPE}, got ${JSON.stringify(envelope.payloadType)}`;
  }
  const payload = decodeBase64(envelope.payload);
  const expected = canonicalizeToBytes(statement);
  if (payload === undefined || E.isLeft(expected) || !bytesEqual(payload, expected.right)) {
    return 'the signed payload is not the statement of this approval (exception, version, content, approver, role, time)';
  }
  return undefined;
};

/**
 * Verifies one signature cryptographically against the approver's trusted keys, after the binding check.
 * @param envelope - the envelope
 * @param statement - the statement it must carry
 * @param keys - trusted keys per approver
 * @returns the verified key ids, or why not
 * @example
 * await verifyApprovalSignature(envelope, statement, keys) // right(['3f…'])
 */
export const verifyApprovalSignature = async (
  envelope: DsseEnvelopeJson,
  statement: ApprovalStatement,
  keys: ApproverKeys,
): Promise<E.Either<string, ReadonlyArray<string>>> => {
  const binding = signatureBindingProblem(envelope, statement);
  if (binding !== undefined) return E.left(binding);
  const verifiers = keys.get(statement.approver) ?? [];
  if (verifiers.length === 0) return E.left(`no trusted key for approver ${statement.approver}`);
  const r = await verifyEnvelope(envelope, {
    verifiers,
    threshold: 1,
    payloadTypes: [APPROVAL_PAYLOAD_TYPE],
  });
  return E.isLeft(r) ? E.left(`${r.left.code}: ${r.left.message}`) : E.right(r.right.keyids);
};

/**
 * Verifies every recorded approval signature of an exception (for audits and packs).
 * @param record - the folded record
 * @param keys - trusted keys per approver
 * @returns one check per approval, in version order then recorded order
 * @see docs/spec/governance-v1.md section 7.3
 * @example
 * (await verifyApprovalSignatures(record, keys)).filter((c) => c.status === 'invalid')
 */
export const verifyApprovalSignatures = async (
  record: ExceptionRecord,
  keys: ApproverKeys,
): Promise<ReadonlyArray<ApprovalSignatureCheck>> => {
  const out: ApprovalSignatureCheck[] = [];
  for (const v of record.versions) {
    for (const a of v.approvals) {
      if (a.signature === undefined) {
        out.push({ version: v.version, approver: a.id, status: 'unsigned' });
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
      const r = await verifyApprovalSignature(a.signature, statement, keys);
      out.push(
        E.isRight(r)
          ? { version: v.version, approver: a.id, status: 'verified', keyids: r.right }
          : { version: v.version, approver: a.id, status: 'invalid', reason: r.left },
      );
    }
  }
  return out;
};
