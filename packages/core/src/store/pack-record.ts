/**
 * Pack records: the store's note that an audit pack was produced (its archive digest, when, how
 * large, and what it covered). The archive bytes themselves go to the blob store under the same
 * digest.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { canonicalize } from '../canonical-json';
import { Sha256Digest } from '../digest';
import { toDecodeIssues, unknownMembers } from '../event-log/decode-issues';
import { Timestamp } from '../time';
import { type StoreError, storeError } from './errors';

/** A note that an audit pack was built: archive digest, time, size and free-form metadata. */
export const PackRecord = t.strict(
  {
    /** Digest of the pack archive bytes (the blob key, if the archive is stored). */
    digest: Sha256Digest,
    /** When the pack was built (an input). */
    time: Timestamp,
    /** Archive size in bytes. */
    bytes: t.number,
    /** What the pack covered (release, environment, checkpoint size…): JSON, producer-defined. */
    meta: t.UnknownRecord,
  },
  'PackRecord',
);
/** A note that an audit pack was built: archive digest, time, size and free-form metadata. */
export type PackRecord = t.TypeOf<typeof PackRecord>;

/**
 * Checks a pack record as untrusted input: the codec, no unknown members, `bytes` a non-negative
 * safe integer, `meta` representable as canonical JSON. Adapters call it before storing.
 * @param value - the candidate record
 * @returns the record (a fresh copy, detached from the caller's objects), or
 *   `STORE_PACK_RECORD_INVALID` naming the first offending path
 * @example
 * decodePackRecord({ digest, time, bytes: 1024, meta: { release: 'v1.2.0' } }) // right(…)
 */
export const decodePackRecord = (value: unknown): E.Either<StoreError, PackRecord> => {
  const decoded = PackRecord.decode(value);
  if (E.isLeft(decoded)) {
    const issue = toDecodeIssues(decoded.left)[0];
    return E.left(
      storeError(
        'STORE_PACK_RECORD_INVALID',
        `expected ${issue?.expected ?? 'a PackRecord'}, found ${issue?.found ?? '?'}`,
        { path: issue?.path ?? '$' },
      ),
    );
  }
  const extra = unknownMembers(value, MEMBERS, [])[0];
  if (extra !== undefined) {
    return E.left(storeError('STORE_PACK_RECORD_INVALID', 'unknown member', { path: extra.path }));
  }
  const r = decoded.right;
  if (!Number.isSafeInteger(r.bytes) || r.bytes < 0) {
    return E.left(
      storeError('STORE_PACK_RECORD_INVALID', 'expected a non-negative integer', {
        path: '$.bytes',
      }),
    );
  }
  const meta = canonicalize(r.meta);
  if (E.isLeft(meta)) {
    return E.left(
      storeError('STORE_PACK_RECORD_INVALID', meta.left.message, {
        path: `$.meta${meta.left.path.slice(1)}`,
      }),
    );
  }
  return E.right({
    digest: r.digest,
    time: r.time,
    bytes: r.bytes,
    meta: JSON.parse(meta.right) as Record<string, unknown>,
  });
};

const MEMBERS: ReadonlySet<string> = new Set(['digest', 'time', 'bytes', 'meta']);
