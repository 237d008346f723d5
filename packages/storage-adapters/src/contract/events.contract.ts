/**
 * Contract cases for the event store: sealing, optimistic concurrency, batches, ranges, subjects,
 * tenancy and immutability.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  emptyHead,
  verifyEvents,
  type EventDraft,
  type LogEvent,
  type LogId,
  type WarrantStore,
} from '@warrant/core';
import { check, left, right, same } from './assert';
import { draft, drafts, LOG_A, LOG_B } from './fixtures';
import type { ContractCase } from './harness';

/** @internal */
export const eventCases = <S extends WarrantStore>(): ReadonlyArray<
  readonly [string, ContractCase<S>]
> => [
  [
    'appends to a new log and seals a chain that verifies',
    async ({ store }) => {
      const r = right(await store.events.append(LOG_A, 0, drafts(3)), 'append');
      check(r.events.length === 3, 'three events returned');
      r.events.forEach((e, i) => {
        check(e.seq === i && e.log_id === LOG_A, `event ${i} has seq ${i} and the log id`);
        const { type, time, actor, reason, subject, payload } = e;
        same(
          { type, time, actor, reason, subject, payload },
          draft(i),
          `event ${i} carries its draft`,
        );
      });
      same(r.head, { log_id: LOG_A, size: 3, hash: r.events[2]?.hash }, 'head after append');
      const all = right(await store.events.read(LOG_A, { from: 0 }), 'read');
      same(all, r.events, 'read returns what append returned');
      check(E.isRight(verifyEvents(LOG_A, all)), 'the stored chain verifies');
    },
  ],
  [
    'gives the genesis head for a log never written',
    async ({ store }) => {
      same(right(await store.events.head(LOG_A), 'head'), emptyHead(LOG_A), 'empty head');
      same(right(await store.events.read(LOG_A, { from: 0 }), 'read'), [], 'empty read');
      same(right(await store.events.listLogs(), 'listLogs'), [], 'no logs yet');
    },
  ],
  [
    'refuses a stale expectedSeq with STORE_SEQUENCE_CONFLICT and writes nothing',
    async ({ store }) => {
      right(await store.events.append(LOG_A, 0, drafts(2)), 'first append');
      for (const stale of [0, 1, 3, -1, 2.5]) {
        const e = left(
          await store.events.append(LOG_A, stale, [draft(9)]),
          'STORE_SEQUENCE_CONFLICT',
          `append at ${stale}`,
        );
        check(
          e.expected === stale && e.actual === 2,
          'the conflict names expected and actual sizes',
        );
      }
      check(right(await store.events.head(LOG_A), 'head').size === 2, 'nothing was written');
    },
  ],
  [
    'lets exactly one of many concurrent appends at the same seq win (no fork)',
    async ({ store }) => {
      right(await store.events.append(LOG_A, 0, drafts(1)), 'seed');
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, k) =>
          store.events.append(LOG_A, 1, [draft(100 + k), draft(200 + k)]),
        ),
      );
      const wins = results.filter(E.isRight);
      check(wins.length === 1, `one append wins, got ${wins.length}`);
      for (const r of results.filter(E.isLeft))
        check(
          r.left.code === 'STORE_SEQUENCE_CONFLICT',
          `losers get a conflict, got ${r.left.code}`,
        );
      const all = right(await store.events.read(LOG_A, { from: 0 }), 'read');
      check(all.length === 3, `the log holds 3 events, got ${all.length}`);
      check(E.isRight(verifyEvents(LOG_A, all)), 'the chain verifies');
    },
  ],
  [
    'lands every append of concurrent writers that retry on conflict',
    async ({ store }) => {
      const writer = async (k: number): Promise<void> => {
        for (let attempt = 0; attempt < 200; attempt++) {
          const head = right(await store.events.head(LOG_A), 'head');
          const r = await store.events.append(LOG_A, head.size, [draft(k)]);
          if (E.isRight(r)) return;
          check(
            r.left.code === 'STORE_SEQUENCE_CONFLICT',
            `retry only on conflict, got ${r.left.code}`,
          );
        }
        throw new Error('storage contract: a writer never got its turn');
      };
      await Promise.all(Array.from({ length: 8 }, (_, k) => writer(k)));
      const all = right(await store.events.read(LOG_A, { from: 0 }), 'read');
      check(all.length === 8, `8 events, got ${all.length}`);
      check(E.isRight(verifyEvents(LOG_A, all)), 'the chain verifies');
      same(
        all.map((e) => e.payload.i).sort(),
        [0, 1, 2, 3, 4, 5, 6, 7],
        'every writer landed once',
      );
    },
  ],
  [
    'appends a batch all or nothing: one invalid draft refuses the batch',
    async ({ store }) => {
      const bad = { ...draft(1), time: 'yesterday' } as unknown as EventDraft;
      const e = left(
        await store.events.append(LOG_A, 0, [draft(0), bad, draft(2)]),
        'STORE_DRAFT_INVALID',
        'bad batch',
      );
      check(e.path === '$[1].time', `the error names $[1].time, got ${e.path}`);
      const nan = { ...draft(0), payload: { x: Number.NaN } };
      left(await store.events.append(LOG_A, 0, [nan]), 'STORE_DRAFT_INVALID', 'NaN payload');
      check(right(await store.events.head(LOG_A), 'head').size === 0, 'nothing was written');
      const big = right(await store.events.append(LOG_A, 0, drafts(250)), 'batch of 250');
      check(big.head.size === 250, 'the whole batch landed');
    },
  ],
  [
    'treats an empty append as a check of expectedSeq',
    async ({ store }) => {
      same(
        right(await store.events.append(LOG_A, 0, []), 'empty append'),
        { events: [], head: emptyHead(LOG_A) },
        'empty append result',
      );
      left(await store.events.append(LOG_A, 1, []), 'STORE_SEQUENCE_CONFLICT', 'empty append at 1');
    },
  ],
  [
    'reads half-open ranges clipped to the size, and refuses bad ranges',
    async ({ store }) => {
      const all = right(await store.events.append(LOG_A, 0, drafts(10)), 'append').events;
      same(
        right(await store.events.read(LOG_A, { from: 3, to: 6 }), 'read 3..6'),
        all.slice(3, 6),
        '[3, 6)',
      );
      same(
        right(await store.events.read(LOG_A, { from: 8, to: 100 }), 'read 8..100'),
        all.slice(8),
        'clipped',
      );
      same(
        right(await store.events.read(LOG_A, { from: 10 }), 'read at size'),
        [],
        'empty at size',
      );
      same(
        right(await store.events.read(LOG_A, { from: 4, to: 4 }), 'read 4..4'),
        [],
        'empty range',
      );
      for (const range of [
        { from: 11 },
        { from: -1 },
        { from: 5, to: 4 },
        { from: 0.5 },
        { from: 0, to: Number.NaN },
      ]) {
        left(
          await store.events.read(LOG_A, range),
          'STORE_RANGE_INVALID',
          `read ${JSON.stringify(range)}`,
        );
      }
    },
  ],
  [
    'reads by subject in seq order and lists subjects and logs sorted',
    async ({ store }) => {
      const all = right(
        await store.events.append(LOG_A, 0, [
          draft(0, 'b'),
          draft(1, 'a'),
          draft(2, 'b'),
          draft(3, 'c\u00e9'),
        ]),
        'append',
      ).events;
      same(
        right(await store.events.readSubject(LOG_A, 'b'), 'readSubject'),
        [all[0], all[2]],
        'subject b',
      );
      same(
        right(await store.events.readSubject(LOG_A, 'zz'), 'readSubject'),
        [],
        'unknown subject',
      );
      same(
        right(await store.events.listSubjects(LOG_A), 'listSubjects'),
        ['a', 'b', 'c\u00e9'],
        'subjects',
      );
      right(await store.events.append(LOG_B, 0, [draft(0)]), 'append B');
      same(right(await store.events.listLogs(), 'listLogs'), [LOG_A, LOG_B], 'logs');
    },
  ],
  [
    'keeps logs apart (one log per tenant)',
    async ({ store }) => {
      const a = right(await store.events.append(LOG_A, 0, drafts(2)), 'append A').events;
      const b = right(await store.events.append(LOG_B, 0, drafts(2)), 'append B').events;
      check(a[0]?.prev_hash !== b[0]?.prev_hash, 'each log has its own genesis');
      check(a[0]?.hash !== b[0]?.hash, 'the same draft hashes differently per log');
      same(
        right(await store.events.readSubject(LOG_B, 'exc-0'), 'readSubject B'),
        [b[0]],
        'subjects are per log',
      );
      check(right(await store.events.head(LOG_A), 'head A').size === 2, 'log A untouched by B');
    },
  ],
  [
    'refuses invalid log ids with STORE_LOG_ID_INVALID',
    async ({ store }) => {
      for (const id of ['', 'Upper', '../x', 'a/b', '-a', 'x'.repeat(65), 'a b']) {
        const logId = id as LogId;
        left(
          await store.events.append(logId, 0, [draft(0)]),
          'STORE_LOG_ID_INVALID',
          `append to ${JSON.stringify(id)}`,
        );
        left(
          await store.events.head(logId),
          'STORE_LOG_ID_INVALID',
          `head of ${JSON.stringify(id)}`,
        );
        left(
          await store.events.read(logId, { from: 0 }),
          'STORE_LOG_ID_INVALID',
          `read ${JSON.stringify(id)}`,
        );
        left(
          await store.blobs.put(logId, new Uint8Array([1])),
          'STORE_LOG_ID_INVALID',
          `blob put ${JSON.stringify(id)}`,
        );
      }
    },
  ],
  [
    'cannot be altered through returned events or drafts mutated after the append',
    async ({ store }) => {
      const d = draft(0);
      const r = right(await store.events.append(LOG_A, 0, [d]), 'append');
      const before = right(await store.events.read(LOG_A, { from: 0 }), 'read');
      (d.payload as Record<string, unknown>).i = 999;
      try {
        (r.events[0] as { payload: Record<string, unknown> }).payload.i = 998;
        (before[0] as { reason: string }).reason = 'changed';
      } catch {
        // frozen values are fine too
      }
      const after = right(await store.events.read(LOG_A, { from: 0 }), 'read again');
      check(
        after[0]?.payload.i === 0 && after[0]?.reason === draft(0).reason,
        'the store kept the original',
      );
      check(E.isRight(verifyEvents(LOG_A, after)), 'the chain verifies');
    },
  ],
  [
    'returns STORE_CLOSED after close',
    async ({ store }) => {
      await store.close();
      left(await store.events.head(LOG_A), 'STORE_CLOSED', 'head after close');
      left(await store.events.append(LOG_A, 0, [draft(0)]), 'STORE_CLOSED', 'append after close');
      left(
        await store.blobs.has(LOG_A, 'sha256:'.padEnd(71, '0') as never),
        'STORE_CLOSED',
        'blob after close',
      );
      await store.close(); // close is idempotent
    },
  ],
];

/** Every event in a store's log, for persistence checks. @internal */
export const readAll = async (
  store: WarrantStore,
  logId: LogId,
): Promise<ReadonlyArray<LogEvent>> =>
  right(await store.events.read(logId, { from: 0 }), 'read all');
