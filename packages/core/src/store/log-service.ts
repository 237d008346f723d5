/**
 * Log operations over any store: verify a stored log against its stored checkpoints, make and
 * store a new signed checkpoint, and prove that one checkpoint extends another. They read the log
 * through the port's `read` in pages, so they work with every adapter.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Sha256Digest } from '../digest';
import type { Signer, Verifier } from '../dsse/ports';
import type { LogId } from '../event';
import {
  type CheckpointStatement,
  CHECKPOINT_SCHEMA,
  eventLeafHash,
  signCheckpoint,
  verifyCheckpoint,
} from '../event-log/checkpoint';
import { createLogVerifier } from '../event-log/verify';
import type { LogVerifyReport } from '../event-log/verify.types';
import { consistencyProof } from '../merkle-tree';
import type { Timestamp } from '../time';
import { type StoreError, storeError } from './errors';
import type { StoredCheckpoint, WarrantStore } from './port';

// --- model -----------------------------------------------------------------

/** Which keys sign checkpoints, for reading them back. */
export interface CheckpointTrust {
  /** Trusted checkpoint keys. Without them, stored checkpoints are checked as statements only. */
  readonly verifiers?: ReadonlyArray<Verifier>;
  /** How many of them must have signed (default 1). */
  readonly threshold?: number;
}

/** What {@link verifyStoredLog} established. */
export interface StoredLogReport extends LogVerifyReport {
  /** The stored checkpoints the log was held to (signatures verified when keys were given). */
  readonly checkpoints: ReadonlyArray<CheckpointStatement>;
}

// --- operations ------------------------------------------------------------

/**
 * Verifies a stored log from seq 0: every record, hash and link, and the log against every stored
 * checkpoint (whose signatures are verified first when `trust.verifiers` is given).
 * @param store - any adapter
 * @param logId - the log
 * @param trust - checkpoint keys and threshold
 * @returns the report (with the Merkle root), or `STORE_CHECKPOINT_INVALID` (a stored checkpoint
 *   fails its signature; `cause`), `STORE_RECORD_CORRUPT` (verification failed; `issues` has every
 *   `CORE_LOG_*` finding), or the store's own error
 * @see docs/spec/event-log-v1.md sections 6 and 8.5
 * @example
 * const r = await verifyStoredLog(store, logId, { verifiers: [logKey.verifier] });
 */
export const verifyStoredLog = async (
  store: WarrantStore,
  logId: LogId,
  trust: CheckpointTrust = {},
): Promise<E.Either<StoreError, StoredLogReport>> => {
  const stored = await store.checkpoints.list(logId);
  if (E.isLeft(stored)) return stored;
  const checkpoints: CheckpointStatement[] = [];
  for (const c of stored.right) {
    const checked = await checkStored(c, logId, trust);
    if (E.isLeft(checked)) return checked;
    checkpoints.push(checked.right);
  }
  const r = await scan(store, logId, checkpoints);
  return E.map((report: LogVerifyReport) => ({ ...report, checkpoints }))(r);
};

/**
 * Makes, signs and stores a checkpoint of a log's current size, after verifying the whole log and
 * holding it to the checkpoints already stored (so a rewritten history is never signed).
 * @param store - any adapter
 * @param logId - the log
 * @param options - the time to state and the signers; `trust` to verify earlier checkpoints
 * @returns the stored checkpoint, or why not (as {@link verifyStoredLog}, or a store error)
 * @throws as `signEnvelope` when `signers` is empty
 * @see docs/spec/event-log-v1.md section 8
 * @example
 * await checkpointLog(store, logId, { time: clock.now(), signers: [logKey.signer] });
 */
export const checkpointLog = async (
  store: WarrantStore,
  logId: LogId,
  options: { readonly time: Timestamp; readonly signers: ReadonlyArray<Signer> } & CheckpointTrust,
): Promise<E.Either<StoreError, StoredCheckpoint>> => {
  const verified = await verifyStoredLog(store, logId, options);
  if (E.isLeft(verified)) return verified;
  const { head, root } = verified.right;
  const statement: CheckpointStatement = {
    schema: CHECKPOINT_SCHEMA,
    log_id: logId,
    size: head.size as CheckpointStatement['size'],
    root: root as Sha256Digest,
    head: head.hash,
    time: options.time,
  };
  return store.checkpoints.put(logId, await signCheckpoint(statement, options.signers));
};

/**
 * The consistency proof from a log's first `oldSize` events to its first `newSize` events
 * (RFC 9162 section 2.1.4), computed from the stored event hashes.
 * @param store - any adapter
 * @param logId - the log
 * @param oldSize - the older checkpoint's size
 * @param newSize - the newer checkpoint's size
 * @returns the proof nodes (deepest first; empty when `oldSize` is 0 or equals `newSize`), or
 *   `STORE_RANGE_INVALID` unless 0 <= oldSize <= newSize <= the log's size
 * @see docs/spec/event-log-v1.md section 8.4
 * @example
 * const proof = await proveLogConsistency(store, logId, old.size, latest.size);
 * verifyCheckpointConsistency(old, latest, proof.right) // right(…)
 */
export const proveLogConsistency = async (
  store: WarrantStore,
  logId: LogId,
  oldSize: number,
  newSize: number,
): Promise<E.Either<StoreError, ReadonlyArray<Uint8Array>>> => {
  if (
    !Number.isSafeInteger(oldSize) ||
    !Number.isSafeInteger(newSize) ||
    oldSize < 0 ||
    oldSize > newSize
  ) {
    return E.left(
      storeError(
        'STORE_RANGE_INVALID',
        `expected 0 <= oldSize <= newSize, got ${oldSize}, ${newSize}`,
        { logId },
      ),
    );
  }
  const leaves: Uint8Array[] = [];
  for (let from = 0; from < newSize; from += PAGE) {
    const page = await store.events.read(logId, { from, to: Math.min(newSize, from + PAGE) });
    if (E.isLeft(page)) return page;
    for (const e of page.right) leaves.push(eventLeafHash(e.hash));
    if (page.right.length === 0) break;
  }
  if (leaves.length < newSize) {
    return E.left(
      storeError('STORE_RANGE_INVALID', `the log holds ${leaves.length} events, not ${newSize}`, {
        logId,
      }),
    );
  }
  if (oldSize === 0 || oldSize === newSize) return E.right([]);
  const proof = consistencyProof(leaves, oldSize);
  return E.isLeft(proof)
    ? E.left(storeError('STORE_RANGE_INVALID', proof.left.message, { logId }))
    : E.right(proof.right);
};

// --- internal --------------------------------------------------------------

const PAGE = 10_000;

const checkStored = async (
  c: StoredCheckpoint,
  logId: LogId,
  trust: CheckpointTrust,
): Promise<E.Either<StoreError, CheckpointStatement>> => {
  if (trust.verifiers === undefined) return E.right(c.statement);
  const r = await verifyCheckpoint(c.envelope, {
    verifiers: trust.verifiers,
    ...(trust.threshold === undefined ? {} : { threshold: trust.threshold }),
    logId,
  });
  return E.isLeft(r)
    ? E.left(
        storeError(
          'STORE_CHECKPOINT_INVALID',
          `stored checkpoint of size ${c.statement.size}: ${r.left.message}`,
          {
            logId,
            cause: r.left,
          },
        ),
      )
    : E.right(r.right.statement);
};

const scan = async (
  store: WarrantStore,
  logId: LogId,
  checkpoints: ReadonlyArray<CheckpointStatement>,
): Promise<E.Either<StoreError, LogVerifyReport>> => {
  const head = await store.events.head(logId);
  if (E.isLeft(head)) return head;
  const v = createLogVerifier(logId, { checkpoints, root: true });
  for (let from = 0; from < head.right.size; from += PAGE) {
    const page = await store.events.read(logId, {
      from,
      to: Math.min(head.right.size, from + PAGE),
    });
    if (E.isLeft(page)) return page;
    v.pushRecords(page.right);
  }
  const r = v.finish();
  return E.isLeft(r)
    ? E.left(
        storeError(
          'STORE_RECORD_CORRUPT',
          `log ${logId} does not verify: ${r.left[0].code} at seq ${r.left[0].index}`,
          { logId, issues: r.left },
        ),
      )
    : E.right(r.right);
};
