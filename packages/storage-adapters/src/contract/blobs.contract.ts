/**
 * Contract cases for the blob store and the pack record store.
 * @module
 */
import {
  bytesEqual,
  digestBytes,
  utf8Encode,
  type PackRecord,
  type Timestamp,
  type WarrantStore,
} from '@warrant/core';
import { check, left, right, same } from './assert';
import { LOG_A, LOG_B } from './fixtures';
import type { ContractCase } from './harness';

/** @internal */
export const blobCases = <S extends WarrantStore>(): ReadonlyArray<
  readonly [string, ContractCase<S>]
> => [
  [
    'stores blobs under their SHA-256 and returns them intact',
    async ({ store }) => {
      const bytes = utf8Encode('evidence: scanner report \u20ac');
      const d = right(await store.blobs.put(LOG_A, bytes), 'put');
      check(d === digestBytes(bytes), 'the key is the SHA-256 of the bytes');
      check(right(await store.blobs.has(LOG_A, d), 'has'), 'has after put');
      check(
        bytesEqual(right(await store.blobs.get(LOG_A, d), 'get'), bytes),
        'get returns the bytes',
      );
      check(right(await store.blobs.put(LOG_A, bytes, d), 'put again') === d, 'put is idempotent');
    },
  ],
  [
    'refuses bytes whose digest is not the expected one, storing nothing',
    async ({ store }) => {
      const bytes = utf8Encode('real');
      const claimed = digestBytes(utf8Encode('claimed'));
      left(
        await store.blobs.put(LOG_A, bytes, claimed),
        'STORE_BLOB_DIGEST_MISMATCH',
        'wrong digest',
      );
      check(
        !right(await store.blobs.has(LOG_A, digestBytes(bytes)), 'has'),
        'the bytes were not stored',
      );
      check(
        !right(await store.blobs.has(LOG_A, claimed), 'has claimed'),
        'nothing under the claimed digest',
      );
    },
  ],
  [
    'reports unknown blobs and keeps blobs per log',
    async ({ store }) => {
      const bytes = utf8Encode('tenant A only');
      const d = right(await store.blobs.put(LOG_A, bytes), 'put');
      left(await store.blobs.get(LOG_B, d), 'STORE_BLOB_NOT_FOUND', 'other log');
      check(!right(await store.blobs.has(LOG_B, d), 'has B'), 'not visible in log B');
      left(
        await store.blobs.get(LOG_A, digestBytes(utf8Encode('never'))),
        'STORE_BLOB_NOT_FOUND',
        'never stored',
      );
    },
  ],
  [
    'stores the empty blob and a 1 MiB blob; returned bytes are copies',
    async ({ store }) => {
      const empty = new Uint8Array(0);
      const de = right(await store.blobs.put(LOG_A, empty), 'put empty');
      check(right(await store.blobs.get(LOG_A, de), 'get empty').length === 0, 'empty round trip');
      const big = new Uint8Array(1024 * 1024).map((_, i) => (i * 31) & 0xff);
      const db = right(await store.blobs.put(LOG_A, big), 'put big');
      const got = right(await store.blobs.get(LOG_A, db), 'get big');
      check(bytesEqual(got, big), '1 MiB round trip');
      got[0] = (got[0] as number) ^ 0xff;
      big[1] = (big[1] as number) ^ 0xff;
      check(
        digestBytes(right(await store.blobs.get(LOG_A, db), 'get again')) === db,
        'the store kept its copy',
      );
    },
  ],
  [
    'keeps pack records: idempotent put, conflicts, order, validation, tenancy',
    async ({ store }) => {
      const rec = (n: number, time: string): PackRecord => ({
        digest: digestBytes(utf8Encode(`pack ${n}`)),
        time: time as Timestamp,
        bytes: 1000 + n,
        meta: { release: `v1.${n}.0`, artifacts: [`sha256:${'a'.repeat(64)}`] },
      });
      const late = rec(1, '2026-03-01T00:00:00Z');
      const early = rec(2, '2026-02-01T00:00:00.500Z');
      same(right(await store.packs.put(LOG_A, late), 'put'), late, 'put returns the record');
      right(await store.packs.put(LOG_A, early), 'put early');
      right(await store.packs.put(LOG_A, late), 'put same again');
      left(
        await store.packs.put(LOG_A, { ...late, bytes: 1 }),
        'STORE_PACK_RECORD_CONFLICT',
        'same digest, other content',
      );
      same(right(await store.packs.get(LOG_A, late.digest), 'get'), late, 'get');
      same(right(await store.packs.list(LOG_A), 'list'), [early, late], 'listed by time');
      left(await store.packs.get(LOG_B, late.digest), 'STORE_PACK_RECORD_NOT_FOUND', 'other log');
      same(right(await store.packs.list(LOG_B), 'list B'), [], 'log B has none');
      left(
        await store.packs.put(LOG_A, { ...late, bytes: -1 }),
        'STORE_PACK_RECORD_INVALID',
        'negative size',
      );
      left(
        await store.packs.put(LOG_A, { ...late, time: 'soon' } as unknown as PackRecord),
        'STORE_PACK_RECORD_INVALID',
        'bad time',
      );
      left(
        await store.packs.put(LOG_A, { ...late, extra: 1 } as unknown as PackRecord),
        'STORE_PACK_RECORD_INVALID',
        'unknown member',
      );
    },
  ],
];
