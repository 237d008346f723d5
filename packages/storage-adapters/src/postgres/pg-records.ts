/**
 * Blobs, checkpoints and pack records over SQL. Blobs are `bytea` rows keyed by digest, with a
 * size limit (PostgreSQL caps a value at 1 GiB; the default limit is far below, since a blob is
 * read whole into memory); checkpoints and pack records are canonical JSON text, insert-only.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  decodePackRecord,
  digestBytes,
  storeError,
  type BlobStore,
  type CheckpointStore,
  type DsseEnvelope,
  type PackRecord,
  type PackRecordStore,
  type StoredCheckpoint,
} from '@warrant/core';
import { comparePackRecords, prepareCheckpoint, samePackRecord } from '../internal/checks';
import { inTenant, type PgContext } from './tenant-scope';

/**
 * Builds the blob store.
 * @internal
 */
export const createPgBlobs = (ctx: PgContext, maxBlobBytes: number): BlobStore => {
  const { s } = ctx;
  return {
    put: (logId, bytes, expected) => {
      if (!(bytes instanceof Uint8Array))
        throw new TypeError('blobs.put: bytes must be a Uint8Array');
      return inTenant(ctx, logId, async (tx, id) => {
        if (bytes.length > maxBlobBytes) {
          return E.left(
            storeError(
              'STORE_BLOB_TOO_LARGE',
              `the blob has ${bytes.length} bytes, the limit is ${maxBlobBytes}`,
              {
                logId: id,
              },
            ),
          );
        }
        const digest = digestBytes(bytes);
        if (expected !== undefined && expected !== digest) {
          return E.left(
            storeError(
              'STORE_BLOB_DIGEST_MISMATCH',
              `the bytes have digest ${digest}, not ${expected}`,
              { logId: id },
            ),
          );
        }
        await tx.query(
          `INSERT INTO ${s}.blobs (log_id, digest, size, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [id, digest, bytes.length, bytes],
        );
        return E.right(digest);
      });
    },
    get: (logId, digest) =>
      inTenant(ctx, logId, async (tx, id) => {
        const r = await tx.query<{ bytes: Uint8Array }>(
          `SELECT bytes FROM ${s}.blobs WHERE log_id = $1 AND digest = $2`,
          [id, digest],
        );
        const row = r.rows[0];
        if (row === undefined) {
          return E.left(
            storeError('STORE_BLOB_NOT_FOUND', `no blob ${digest} in log ${id}`, { logId: id }),
          );
        }
        // A fresh Uint8Array (not the driver's Buffer or view), re-hashed on the way out.
        const bytes = new Uint8Array(row.bytes);
        return digestBytes(bytes) === digest
          ? E.right(bytes)
          : E.left(
              storeError('STORE_BLOB_CORRUPT', `blob ${digest} changed at rest`, { logId: id }),
            );
      }),
    has: (logId, digest) =>
      inTenant(ctx, logId, async (tx, id) => {
        const r = await tx.query(`SELECT 1 FROM ${s}.blobs WHERE log_id = $1 AND digest = $2`, [
          id,
          digest,
        ]);
        return E.right(r.rows.length > 0);
      }),
  };
};

/**
 * Builds the pack record store.
 * @internal
 */
export const createPgPacks = (ctx: PgContext): PackRecordStore => {
  const { s } = ctx;
  const select = `SELECT record FROM ${s}.packs WHERE log_id = $1`;
  return {
    put: (logId, record) =>
      inTenant(ctx, logId, async (tx, id) => {
        const decoded = decodePackRecord(record);
        if (E.isLeft(decoded)) return E.left({ ...decoded.left, logId: id });
        const text = canonicalize(decoded.right);
        if (E.isLeft(text)) throw new TypeError('a decoded pack record is not JSON');
        const inserted = await tx.query(
          `INSERT INTO ${s}.packs (log_id, digest, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
          [id, decoded.right.digest, text.right],
        );
        if (inserted.rows.length > 0) return E.right(decoded.right);
        const existing = await tx.query<{ record: string }>(`${select} AND digest = $2`, [
          id,
          decoded.right.digest,
        ]);
        const prior = JSON.parse(existing.rows[0]?.record ?? 'null') as PackRecord;
        return samePackRecord(prior, decoded.right)
          ? E.right(prior)
          : E.left(
              storeError(
                'STORE_PACK_RECORD_CONFLICT',
                `another record for pack ${decoded.right.digest} exists`,
                {
                  logId: id,
                },
              ),
            );
      }),
    get: (logId, digest) =>
      inTenant(ctx, logId, async (tx, id) => {
        const r = await tx.query<{ record: string }>(`${select} AND digest = $2`, [id, digest]);
        const row = r.rows[0];
        return row === undefined
          ? E.left(
              storeError('STORE_PACK_RECORD_NOT_FOUND', `no record for pack ${digest}`, {
                logId: id,
              }),
            )
          : E.right(JSON.parse(row.record) as PackRecord);
      }),
    list: (logId) =>
      inTenant(ctx, logId, async (tx, id) => {
        const r = await tx.query<{ record: string }>(select, [id]);
        return E.right(
          r.rows.map((row) => JSON.parse(row.record) as PackRecord).sort(comparePackRecords),
        );
      }),
  };
};

/**
 * Builds the checkpoint store.
 * @internal
 */
export const createPgCheckpoints = (ctx: PgContext): CheckpointStore => {
  const { s } = ctx;
  const select = `SELECT envelope FROM ${s}.checkpoints WHERE log_id = $1`;
  const toStored = (logId: string, text: string): StoredCheckpoint => {
    const prepared = prepareCheckpoint(logId as never, JSON.parse(text) as DsseEnvelope);
    if (E.isLeft(prepared))
      throw new TypeError(`stored checkpoint unreadable: ${prepared.left.message}`);
    return prepared.right.stored;
  };
  return {
    put: (logId, envelope) =>
      inTenant(ctx, logId, async (tx, id) => {
        const prepared = prepareCheckpoint(id, envelope);
        if (E.isLeft(prepared)) return prepared;
        const size = prepared.right.stored.statement.size;
        const inserted = await tx.query(
          `INSERT INTO ${s}.checkpoints (log_id, size, envelope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
          [id, size, prepared.right.text],
        );
        if (inserted.rows.length > 0) return E.right(prepared.right.stored);
        const existing = await tx.query<{ envelope: string }>(`${select} AND size = $2`, [
          id,
          size,
        ]);
        const text = existing.rows[0]?.envelope;
        return text === prepared.right.text
          ? E.right(prepared.right.stored)
          : E.left(
              storeError(
                'STORE_CHECKPOINT_CONFLICT',
                `another checkpoint of size ${size} is stored for log ${id}`,
                {
                  logId: id,
                },
              ),
            );
      }),
    get: (logId, size) =>
      inTenant(ctx, logId, async (tx, id) => {
        const r = Number.isSafeInteger(size)
          ? await tx.query<{ envelope: string }>(`${select} AND size = $2`, [id, size])
          : { rows: [] };
        const row = r.rows[0];
        return row === undefined
          ? E.left(
              storeError('STORE_CHECKPOINT_NOT_FOUND', `no checkpoint of size ${size}`, {
                logId: id,
              }),
            )
          : E.right(toStored(id, row.envelope));
      }),
    latest: (logId) =>
      inTenant(ctx, logId, async (tx, id) => {
        const r = await tx.query<{ envelope: string }>(`${select} ORDER BY size DESC LIMIT 1`, [
          id,
        ]);
        const row = r.rows[0];
        return E.right(row === undefined ? undefined : toStored(id, row.envelope));
      }),
    list: (logId) =>
      inTenant(ctx, logId, async (tx, id) => {
        const r = await tx.query<{ envelope: string }>(`${select} ORDER BY size`, [id]);
        return E.right(r.rows.map((row) => toStored(id, row.envelope)));
      }),
  };
};
