/**
 * The Exception object (seed 000 section 3.2; docs/spec/exception-v1.md section 7): one version of
 * an exception as it stood at an instant `as_of`, with its lifecycle metadata and status. It is
 * what the fold produces, what audit packs export and what queries filter.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { digestCanonical, Sha256Digest } from '../digest';
import { compareTimestamps, Timestamp } from '../time';
import { Approval, Decision } from './approval';
import { closedObject, literalUnion, setOf, type ClosedType, type Violation } from './codec-kit';
import { decodeWith, type DecodeError } from './decode';
import { ExceptionId, Name, VersionNumber } from './fields';
import type { ExceptionProposal } from './proposal';
import {
  PROPOSAL_OPTIONAL,
  PROPOSAL_REQUIRED,
  proposalDigest,
  proposalViolations,
} from './proposal';
import { ExceptionStatus, VersionOrigin } from './vocabulary';

// --- model -----------------------------------------------------------------

/** Schema identifier of {@link Exception} records. */
export const EXCEPTION_SCHEMA = 'warrant.exception/v1';

const EXCEPTION_REQUIRED = {
  schema: literalUnion('ExceptionSchema', [EXCEPTION_SCHEMA] as const),
  exception_id: ExceptionId,
  version: VersionNumber,
  origin: VersionOrigin,
  status: ExceptionStatus,
  status_since: Timestamp,
  as_of: Timestamp,
  requester: Name,
  created_at: Timestamp,
  updated_at: Timestamp,
  content_digest: Sha256Digest,
  ...PROPOSAL_REQUIRED,
};
const EXCEPTION_OPTIONAL = {
  previous_version: VersionNumber,
  approvers: setOf(Approval, 'Approvals'),
  approved_at: Timestamp,
  decision: Decision,
  expiry_recorded_at: Timestamp,
  ...PROPOSAL_OPTIONAL,
};
type ExceptionShape = ClosedType<typeof EXCEPTION_REQUIRED, typeof EXCEPTION_OPTIONAL>;

/** One version of an exception as it stood at `as_of`. */
export const Exception = closedObject('Exception', EXCEPTION_REQUIRED, EXCEPTION_OPTIONAL, (e) =>
  checkException(e),
);
/** One version of an exception as it stood at `as_of`. */
export type Exception = t.TypeOf<typeof Exception>;

/** Why an exception record was refused. */
export type ExceptionError = DecodeError<'CORE_EXCEPTION_INVALID'>;

// --- operations ------------------------------------------------------------

/**
 * Decodes and normalizes an untrusted Exception record, checking every rule of the spec,
 * including that `content_digest` matches the content.
 * @param input - parsed JSON
 * @returns the exception, or `CORE_EXCEPTION_INVALID` listing every problem with its path
 * @see docs/spec/exception-v1.md section 7
 * @example
 * decodeException(JSON.parse(text)) // right(exception) | left({ code: 'CORE_EXCEPTION_INVALID', issues })
 */
export const decodeException = (input: unknown): E.Either<ExceptionError, Exception> =>
  decodeWith(Exception, input, 'CORE_EXCEPTION_INVALID', 'exception');

/**
 * The content of an exception version: the members a requester wrote.
 * @param exception - an exception version
 * @returns its proposal (the input of {@link proposalDigest})
 * @example
 * proposalDigest(exceptionContent(e)) === e.content_digest // true for every decoded e
 */
export const exceptionContent = (exception: ExceptionShape): ExceptionProposal => {
  const out: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS) {
    const v = (exception as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as ExceptionProposal;
};

/**
 * Derives an exception id deterministically (never at random): `exc-` and the first 32 hex digits
 * of the SHA-256 of the canonical JSON of `{ content_digest, requester, at }`.
 * @param contentDigest - the content digest of version 1
 * @param requester - the proposing actor's id
 * @param at - the proposal instant
 * @returns the id
 * @see docs/spec/exception-v1.md section 13
 * @example
 * deriveExceptionId(proposalDigest(p), 'alice@example.com', at) // 'exc-3f1c…' (36 characters)
 */
export const deriveExceptionId = (
  contentDigest: Sha256Digest,
  requester: string,
  at: Timestamp,
): ExceptionId => {
  const d = digestCanonical({ content_digest: contentDigest, requester, at });
  // Three strings always canonicalize (lone surrogates aside, which Name/Timestamp exclude).
  if (E.isLeft(d)) throw new TypeError(d.left.message);
  return `exc-${d.right.slice('sha256:'.length, 'sha256:'.length + 32)}`;
};

// --- internal --------------------------------------------------------------

const CONTENT_KEYS = [...Object.keys(PROPOSAL_REQUIRED), ...Object.keys(PROPOSAL_OPTIONAL)];

const TIMED_STATUSES = new Set(['approved', 'active']);

function checkException(e: ExceptionShape): ReadonlyArray<Violation> {
  const out: Violation[] = [];
  const content = exceptionContent(e);
  const contentProblems = proposalViolations(content);
  out.push(...contentProblems);
  if (contentProblems.length === 0 && proposalDigest(content) !== e.content_digest) {
    out.push({ path: ['content_digest'], message: 'expected the digest of the version content' });
  }
  if ((e.origin === 'propose') !== (e.previous_version === undefined)) {
    out.push({
      path: ['previous_version'],
      message: 'expected previous_version exactly when origin is amend or renew',
    });
  }
  if (e.origin === 'propose' && e.version !== 1) {
    out.push({ path: ['version'], message: 'expected version 1 for origin propose' });
  }
  if (e.previous_version !== undefined && e.previous_version >= e.version) {
    out.push({ path: ['previous_version'], message: 'expected previous_version < version' });
  }
  const order: ReadonlyArray<
    ['created_at' | 'updated_at' | 'status_since', 'updated_at' | 'as_of']
  > = [
    ['created_at', 'updated_at'],
    ['updated_at', 'as_of'],
    ['status_since', 'as_of'],
  ];
  for (const [a, b] of order) {
    if (compareTimestamps(e[a], e[b]) > 0) {
      out.push({ path: [a], message: `expected ${a} no later than ${b}` });
    }
  }
  if (TIMED_STATUSES.has(e.status) && e.approved_at === undefined) {
    out.push({ path: ['approved_at'], message: `expected approved_at for status ${e.status}` });
  }
  const decided =
    e.status === 'rejected' || e.status === 'changes_requested' || e.status === 'revoked';
  if (decided !== (e.decision !== undefined) || (decided && e.decision?.action !== e.status)) {
    out.push({
      path: ['decision'],
      message:
        'expected a decision exactly when status is rejected, changes_requested or revoked, with the same action',
    });
  }
  return out;
}
