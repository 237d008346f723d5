/**
 * Checkpoints: a signed statement of how far a log had grown (its id, size, the RFC 9162 Merkle
 * root over its event hashes, and its head hash), carried in a DSSE envelope. A holder of an old
 * checkpoint checks a newer one with a consistency proof (the log only grew), without reading
 * the log. See docs/spec/event-log-v1.md section 8.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { bytesEqual } from '../bytes';
import { canonicalizeToBytes } from '../canonical-json';
import { digestFromRaw, digestToRaw, Sha256Digest } from '../digest';
import { decodeEnvelopeBytes, type DsseEnvelope } from '../dsse/envelope';
import type { Signer } from '../dsse/ports';
import { signEnvelope } from '../dsse/sign';
import { verifyEnvelope, type VerifyOptions } from '../dsse/verify';
import { makeError, type WarrantError } from '../errors';
import { EventSeq, LogId } from '../event';
import { parseJsonStrict } from '../json-parse';
import { hashLeaf, merkleRoot } from '../merkle';
import { verifyConsistency } from '../merkle-consistency';
import { Timestamp } from '../time';
import { genesisHash } from './chain';
import { toDecodeIssues, unknownMembers } from './decode-issues';

// --- model -----------------------------------------------------------------

/** The `schema` member of a checkpoint statement. */
export const CHECKPOINT_SCHEMA = 'warrant.checkpoint/v1' as const;

/** The DSSE payload type of a signed checkpoint. */
export const CHECKPOINT_PAYLOAD_TYPE = 'application/vnd.warrant.checkpoint+json' as const;

/** What a checkpoint states: log `log_id` held `size` events, with this Merkle root and head. */
export const CheckpointStatement = t.strict(
  {
    schema: t.literal(CHECKPOINT_SCHEMA),
    /** The log. */
    log_id: LogId,
    /** How many events the checkpoint covers (seq 0 to size - 1). */
    size: EventSeq,
    /** `sha256:` + hex of the RFC 9162 Merkle Tree Hash over the events' leaf hashes. */
    root: Sha256Digest,
    /** `hash` of the event at `size - 1`, or the log's genesis value when `size` is 0. */
    head: Sha256Digest,
    /** When the checkpoint was made (an input, never the wall clock inside the library). */
    time: Timestamp,
  },
  'CheckpointStatement',
);
/** What a checkpoint states. */
export type CheckpointStatement = t.TypeOf<typeof CheckpointStatement>;

/** A checkpoint whose signature verified, with the trusted keys that signed it. */
export interface VerifiedCheckpoint {
  readonly statement: CheckpointStatement;
  /** Distinct trusted key ids that verified, sorted. */
  readonly keyids: ReadonlyArray<string>;
}

/** Why a checkpoint, or the consistency of two, was refused. */
export type CheckpointError = WarrantError<
  | 'CORE_CHECKPOINT_INVALID'
  | 'CORE_CHECKPOINT_SIGNATURE_INVALID'
  | 'CORE_CHECKPOINT_LOG_MISMATCH'
  | 'CORE_CHECKPOINT_INCONSISTENT'
> & { readonly cause?: WarrantError };

// --- operations ------------------------------------------------------------

/**
 * The Merkle leaf hash of an event: SHA-256(0x00 || the 32 raw bytes of its `hash`).
 * @param hash - the event's `hash`
 * @returns 32 bytes
 * @see docs/spec/event-log-v1.md section 8.1
 * @example
 * eventLeafHash(event.hash) // Uint8Array(32)
 */
export const eventLeafHash = (hash: Sha256Digest): Uint8Array => hashLeaf(digestToRaw(hash));

/**
 * Builds the statement for the first `hashes.length` events of a log.
 * @param logId - the log
 * @param hashes - the `hash` of every event from seq 0, in order
 * @param time - when the checkpoint is made
 * @returns the statement (not signed yet: see {@link signCheckpoint})
 * @example
 * makeCheckpoint(logId, events.map((e) => e.hash), now) // { schema, log_id, size, root, head, time }
 */
export const makeCheckpoint = (
  logId: LogId,
  hashes: ReadonlyArray<Sha256Digest>,
  time: Timestamp,
): CheckpointStatement => ({
  schema: CHECKPOINT_SCHEMA,
  log_id: logId,
  size: hashes.length as EventSeq,
  root: digestFromRaw(merkleRoot(hashes.map(eventLeafHash))),
  head: hashes[hashes.length - 1] ?? genesisHash(logId),
  time,
});

/**
 * Signs a statement: a DSSE envelope over its RFC 8785 canonical bytes with payload type
 * {@link CHECKPOINT_PAYLOAD_TYPE}.
 * @param statement - from {@link makeCheckpoint}
 * @param signers - one or more signers (a key each)
 * @returns the envelope
 * @throws as `signEnvelope` (no signers)
 * @example
 * const envelope = await signCheckpoint(makeCheckpoint(logId, hashes, now), [key.signer]);
 */
export const signCheckpoint = async (
  statement: CheckpointStatement,
  signers: ReadonlyArray<Signer>,
): Promise<DsseEnvelope> => {
  const bytes = canonicalizeToBytes(statement);
  if (E.isLeft(bytes)) throw new TypeError(`not a checkpoint statement: ${bytes.left.message}`);
  return signEnvelope(CHECKPOINT_PAYLOAD_TYPE, bytes.right, signers);
};

/**
 * Reads the statement of a checkpoint envelope WITHOUT checking its signatures (stores use it to
 * index checkpoints; anyone relying on one calls {@link verifyCheckpoint}).
 * @param envelope - the untrusted envelope
 * @param logId - if given, the log the statement must be about
 * @returns the statement, or `CORE_CHECKPOINT_INVALID` / `CORE_CHECKPOINT_LOG_MISMATCH`
 * @example
 * readCheckpoint(envelope) // right({ schema, log_id, size, root, head, time })
 */
export const readCheckpoint = (
  envelope: unknown,
  logId?: LogId,
): E.Either<CheckpointError, CheckpointStatement> => {
  let decoded;
  try {
    decoded = decodeEnvelopeBytes(envelope);
  } catch {
    return E.left(invalid('the envelope could not be read', '$'));
  }
  if (E.isLeft(decoded)) {
    return E.left({
      ...invalid(decoded.left.message, decoded.left.path ?? '$'),
      cause: decoded.left,
    });
  }
  if (decoded.right.envelope.payloadType !== CHECKPOINT_PAYLOAD_TYPE) {
    return E.left(invalid(`expected payload type ${CHECKPOINT_PAYLOAD_TYPE}`, '$.payloadType'));
  }
  return decodeStatement(decoded.right.payload, logId);
};

/**
 * Verifies a checkpoint: the DSSE signatures against trusted keys, the payload type, then the
 * statement (canonical bytes, exact members, size-0 rules, and `logId` if given).
 * @param envelope - the untrusted envelope
 * @param options - trusted verifiers and threshold (as `verifyEnvelope`), and the expected log
 * @returns the statement and the keys that signed it, or `CORE_CHECKPOINT_SIGNATURE_INVALID`
 *   (with the DSSE error as `cause`), `CORE_CHECKPOINT_INVALID` or `CORE_CHECKPOINT_LOG_MISMATCH`
 * @throws RangeError as `verifyEnvelope` for a misconfigured threshold or verifier set
 * @see docs/spec/event-log-v1.md section 8.3
 * @example
 * const r = await verifyCheckpoint(envelope, { verifiers: [logKey.verifier], logId });
 */
export const verifyCheckpoint = async (
  envelope: unknown,
  options: Omit<VerifyOptions, 'payloadTypes'> & { readonly logId?: LogId },
): Promise<E.Either<CheckpointError, VerifiedCheckpoint>> => {
  const { logId, ...dsse } = options;
  const verified = await verifyEnvelope(envelope, {
    ...dsse,
    payloadTypes: [CHECKPOINT_PAYLOAD_TYPE],
  });
  if (E.isLeft(verified)) {
    return E.left({
      ...makeError(
        'CORE_CHECKPOINT_SIGNATURE_INVALID',
        `the checkpoint does not verify: ${verified.left.message}`,
        verified.left.path ?? '$',
      ),
      cause: verified.left,
    });
  }
  return E.map((statement: CheckpointStatement) => ({ statement, keyids: verified.right.keyids }))(
    decodeStatement(verified.right.payload, logId),
  );
};

/**
 * Checks that `newer` extends `older`: same log, not smaller, and the consistency proof links
 * their Merkle roots (RFC 9162 section 2.1.4). Both statements should come from
 * {@link verifyCheckpoint}; this function checks no signatures.
 * @param older - the checkpoint already held
 * @param newer - the checkpoint to accept
 * @param proof - the consistency proof from `older.size` to `newer.size` (deepest node first)
 * @returns the sizes proven, or `CORE_CHECKPOINT_LOG_MISMATCH` / `CORE_CHECKPOINT_INCONSISTENT`
 *   (the Merkle error as `cause`)
 * @see docs/spec/event-log-v1.md section 8.4
 * @example
 * verifyCheckpointConsistency(old, latest, proof) // right({ log_id, from: old.size, to: latest.size })
 */
export const verifyCheckpointConsistency = (
  older: CheckpointStatement,
  newer: CheckpointStatement,
  proof: ReadonlyArray<Uint8Array>,
): E.Either<
  CheckpointError,
  { readonly log_id: LogId; readonly from: number; readonly to: number }
> => {
  if (older.log_id !== newer.log_id) {
    return E.left(
      makeError(
        'CORE_CHECKPOINT_LOG_MISMATCH',
        `the checkpoints are of logs ${older.log_id} and ${newer.log_id}`,
        '$.log_id',
      ),
    );
  }
  const proven = { log_id: older.log_id, from: older.size, to: newer.size };
  const inconsistent = (message: string, cause?: WarrantError): E.Either<CheckpointError, never> =>
    E.left({
      ...makeError('CORE_CHECKPOINT_INCONSISTENT', message, '$.root'),
      ...(cause === undefined ? {} : { cause }),
    });
  if (newer.size < older.size) {
    return inconsistent(`the log shrank from ${older.size} to ${newer.size} events`);
  }
  if (newer.size === older.size) {
    return older.root === newer.root && older.head === newer.head && proof.length === 0
      ? E.right(proven)
      : inconsistent(`two checkpoints of size ${older.size} disagree: the log was rewritten`);
  }
  // The empty log is a prefix of every log: nothing to prove (RFC 9162 needs 0 < size1).
  if (older.size === 0) {
    return proof.length === 0 ? E.right(proven) : inconsistent('a proof from size 0 must be empty');
  }
  let r;
  try {
    r = verifyConsistency({
      size1: older.size,
      size2: newer.size,
      root1: digestToRaw(older.root),
      root2: digestToRaw(newer.root),
      proof,
    });
  } catch (e) {
    // Only wrong JavaScript types throw there (a proof node that is not a Uint8Array).
    return inconsistent(`the proof is not a list of 32-byte hashes: ${String(e)}`);
  }
  return E.isLeft(r)
    ? inconsistent(`the newer checkpoint does not extend the older one: ${r.left.message}`, r.left)
    : E.right(proven);
};

// --- internal --------------------------------------------------------------

const MEMBERS: ReadonlySet<string> = new Set(['schema', 'log_id', 'size', 'root', 'head', 'time']);
const EMPTY_ROOT = digestFromRaw(merkleRoot([]));

const invalid = (message: string, path: string): CheckpointError =>
  makeError('CORE_CHECKPOINT_INVALID', message, path) as CheckpointError;

const decodeStatement = (
  payload: Uint8Array,
  logId: LogId | undefined,
): E.Either<CheckpointError, CheckpointStatement> => {
  const parsed = parseJsonStrict(payload);
  if (E.isLeft(parsed))
    return E.left({
      ...invalid(`the payload is not JSON: ${parsed.left.message}`, parsed.left.path),
      cause: parsed.left,
    });
  const decoded = CheckpointStatement.decode(parsed.right);
  if (E.isLeft(decoded)) {
    const issue = toDecodeIssues(decoded.left)[0];
    return E.left(
      invalid(
        `expected ${issue?.expected ?? 'a checkpoint statement'}, found ${issue?.found ?? '?'}`,
        issue?.path ?? '$',
      ),
    );
  }
  const extra = unknownMembers(parsed.right, MEMBERS, [])[0];
  if (extra !== undefined) return E.left(invalid('unknown member', extra.path));
  const canonical = canonicalizeToBytes(decoded.right);
  if (E.isLeft(canonical) || !bytesEqual(canonical.right, payload)) {
    return E.left(invalid('the payload is not the RFC 8785 canonical form of the statement', '$'));
  }
  const s = decoded.right;
  if (s.size === 0 && (s.root !== EMPTY_ROOT || s.head !== genesisHash(s.log_id))) {
    return E.left(
      invalid('a checkpoint of size 0 must have the empty root and the genesis head', '$.root'),
    );
  }
  if (logId !== undefined && s.log_id !== logId) {
    return E.left(
      makeError(
        'CORE_CHECKPOINT_LOG_MISMATCH',
        `the checkpoint is of log ${s.log_id}, not ${logId}`,
        '$.log_id',
      ) as CheckpointError,
    );
  }
  return E.right(s);
};
