import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  createLogVerifier,
  encodeEventLines,
  genesisHash,
  utf8Encode,
  verifyEventLines,
  verifyEvents,
  type LogEvent,
  type LogVerifyError,
  type Sha256Digest,
} from '@warrant/core';
import { copy, LOG, seal } from './arbitraries';
import type { EventDraft, Timestamp } from '@warrant/core';

const draft = (i: number): EventDraft => ({
  type: 'exception.approved',
  time: `2026-01-0${1 + (i % 9)}T00:00:00Z` as Timestamp,
  actor: { id: `user${i}`, kind: i % 2 === 0 ? 'human' : 'service' },
  reason: 'ok',
  subject: `exc-${i % 3}`,
  payload: { n: i, tags: ['a', 'b'], nested: { z: null, a: true } },
});
const events: LogEvent[] = seal([0, 1, 2, 3, 4].map(draft));
const lines = (es: ReadonlyArray<unknown>): Uint8Array =>
  E.getOrElseW(() => {
    throw new Error('encode');
  })(encodeEventLines(es as LogEvent[]));
const errorsOf = (r: E.Either<ReadonlyArray<LogVerifyError>, unknown>) =>
  E.isLeft(r) ? r.left.map((e) => [e.code, e.index, e.path]) : [];

describe('verifyEvents', () => {
  it('reports unknown members in code-unit order, whatever order the record has them in', () => {
    // Before: in the record's own member order (Object.keys), so two stores of one record
    // could name different first errors.
    const { reason: _r, ...rest } = copy(events)[1] as LogEvent;
    const r = verifyEvents(LOG, [copy(events)[0], { zz: 1, ...rest, Ab: 2, aa: 3, '1': 4 }]);
    expect(errorsOf(r).map((e) => e[2])).toEqual([
      '$[1].reason',
      "$[1]['1']",
      '$[1].Ab',
      '$[1].aa',
      '$[1].zz',
    ]);
  });

  it('verifies an intact log and reports its head', () => {
    const r = verifyEvents(LOG, copy(events));
    expect(r).toEqual(
      E.right({
        log_id: LOG,
        from: 0,
        count: 5,
        head: { log_id: LOG, size: 5, hash: events[4]?.hash },
      }),
    );
  });
  it('verifies the empty log', () => {
    expect(verifyEvents(LOG, [])).toEqual(
      E.right({
        log_id: LOG,
        from: 0,
        count: 0,
        head: { log_id: LOG, size: 0, hash: genesisHash(LOG) },
      }),
    );
  });
  it('verifies a suffix from a head', () => {
    const from = { log_id: LOG, size: 2, hash: events[1]?.hash as Sha256Digest };
    const r = verifyEvents(LOG, events.slice(2), { from });
    expect(E.isRight(r) && r.right.count).toBe(3);
  });
  it('locates an edited payload', () => {
    const es = copy(events);
    (es[2] as { payload: Record<string, unknown> }).payload.n = 99;
    expect(errorsOf(verifyEvents(LOG, es))).toEqual([['CORE_LOG_HASH_MISMATCH', 2, '$[2].hash']]);
  });
  it('locates a deletion', () => {
    const es = copy(events);
    es.splice(1, 1);
    expect(errorsOf(verifyEvents(LOG, es))).toEqual([
      ['CORE_LOG_SEQ_MISMATCH', 1, '$[1].seq'],
      ['CORE_LOG_PREV_HASH_MISMATCH', 1, '$[1].prev_hash'],
    ]);
  });
  it('locates a swap', () => {
    const es = copy(events);
    [es[1], es[2]] = [es[2] as LogEvent, es[1] as LogEvent];
    const errs = errorsOf(verifyEvents(LOG, es));
    expect(errs[0]).toEqual(['CORE_LOG_SEQ_MISMATCH', 1, '$[1].seq']);
    expect(errs.every(([, i]) => (i as number) >= 1 && (i as number) <= 3)).toBe(true);
  });
  it('locates a record of another log', () => {
    const other = seal([draft(0)], 'tenant-b' as never);
    const r = verifyEvents(LOG, other);
    expect(errorsOf(r)).toEqual([
      ['CORE_LOG_ID_MISMATCH', 0, '$[0].log_id'],
      ['CORE_LOG_PREV_HASH_MISMATCH', 0, '$[0].prev_hash'],
    ]);
  });
  it('detects truncation against an expected head', () => {
    const expectHead = { size: 5, hash: events[4]?.hash as Sha256Digest };
    expect(errorsOf(verifyEvents(LOG, events.slice(0, 3), { expectHead }))).toEqual([
      ['CORE_LOG_TRUNCATED', 3, '$[3]'],
    ]);
    expect(E.isRight(verifyEvents(LOG, events, { expectHead }))).toBe(true);
  });
  it('detects a rewritten history against an expected head', () => {
    const rewritten = seal([0, 1, 2, 3, 4].map((i) => draft(i + 10)));
    const expectHead = { size: 3, hash: events[2]?.hash as Sha256Digest };
    expect(errorsOf(verifyEvents(LOG, rewritten, { expectHead }))).toEqual([
      ['CORE_LOG_HEAD_MISMATCH', 2, '$[2]'],
    ]);
  });
  it('reports every problem of a hostile record with its path, without throwing', () => {
    const hostile = [
      null,
      'text',
      { ...copy(events[1]), actor: { id: 7, kind: 'robot', extra: 1 }, seq: -1, extra: true },
    ];
    const errs = errorsOf(verifyEvents(LOG, hostile));
    expect(errs).toEqual(
      expect.arrayContaining([
        ['CORE_LOG_RECORD_INVALID', 0, '$[0]'],
        ['CORE_LOG_RECORD_INVALID', 1, '$[1]'],
        ['CORE_LOG_RECORD_INVALID', 2, '$[2].actor.id'],
        ['CORE_LOG_RECORD_INVALID', 2, '$[2].actor.kind'],
        ['CORE_LOG_RECORD_INVALID', 2, '$[2].seq'],
        ['CORE_LOG_RECORD_INVALID', 2, '$[2].extra'],
        ['CORE_LOG_RECORD_INVALID', 2, '$[2].actor.extra'],
      ]),
    );
  });
  it('reports an unknown member even when everything else is intact', () => {
    const es = copy(events);
    (es[3] as unknown as Record<string, unknown>).note = 'added later';
    expect(errorsOf(verifyEvents(LOG, es))).toEqual([['CORE_LOG_RECORD_INVALID', 3, '$[3].note']]);
  });
  it('survives throwing getters', () => {
    const evil = Object.defineProperty({}, 'actor', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(errorsOf(verifyEvents(LOG, [evil]))[0]?.[0]).toBe('CORE_LOG_RECORD_INVALID');
  });
  it('stops after maxErrors', () => {
    const r = verifyEvents(LOG, [1, 2, 3, 4], { maxErrors: 2 });
    expect(errorsOf(r).map(([c]) => c)).toEqual([
      'CORE_LOG_RECORD_INVALID',
      'CORE_LOG_RECORD_INVALID',
      'CORE_LOG_TOO_MANY_ERRORS',
    ]);
  });
  it('calls onEvent for each record in order', () => {
    const seen: number[] = [];
    verifyEvents(LOG, events, { onEvent: (e, i) => seen.push(e.seq * 10 + i) });
    expect(seen).toEqual([0, 11, 22, 33, 44]);
  });
  it('refuses a from head of another log', () => {
    expect(() =>
      createLogVerifier(LOG, { from: { log_id: 'x' as never, size: 0, hash: genesisHash(LOG) } }),
    ).toThrow(RangeError);
  });
});

describe('verifyEventLines', () => {
  it('verifies the JSON Lines form', () => {
    const r = verifyEventLines(LOG, lines(events));
    expect(E.isRight(r) && r.right.head.hash).toBe(events[4]?.hash);
  });
  it('reports a torn last line', () => {
    const bytes = lines(events);
    const torn = bytes.subarray(0, bytes.length - 10);
    const errs = errorsOf(verifyEventLines(LOG, torn));
    expect(errs).toEqual([['CORE_LOG_TORN_TAIL', 4, '$[4]']]);
  });
  it('reports a line that is not JSON, with the inner path', () => {
    const bytes = utf8Encode(
      new TextDecoder().decode(lines(events.slice(0, 1))) + '{"a":1,"a":2}\n',
    );
    expect(errorsOf(verifyEventLines(LOG, bytes))).toEqual([
      ['CORE_LOG_RECORD_MALFORMED', 1, '$[1].a'],
    ]);
  });
  it('reports a line with data after the record', () => {
    const text = new TextDecoder().decode(lines(events.slice(0, 1))).replace('\n', 'x\n');
    expect(errorsOf(verifyEventLines(LOG, utf8Encode(text)))).toEqual([
      ['CORE_LOG_RECORD_MALFORMED', 0, '$[0]'],
    ]);
  });
  it('reports a line that is valid but not canonical', () => {
    const text = JSON.stringify(events[0], null, 1).replace(/\n/g, '') + '\n';
    expect(errorsOf(verifyEventLines(LOG, utf8Encode(text)))).toEqual([
      ['CORE_LOG_RECORD_NOT_CANONICAL', 0, '$[0]'],
    ]);
  });
  it('reports malformed UTF-8 in one line only', () => {
    const bytes = lines(events);
    const bad = bytes.slice();
    const at = bad.indexOf(0x0a) + 5; // inside line 1
    bad[at] = 0xff;
    expect(errorsOf(verifyEventLines(LOG, bad))).toEqual([
      ['CORE_LOG_RECORD_MALFORMED', 1, '$[1]'],
    ]);
  });
  it('gives the same result whatever the chunking', () => {
    const bytes = lines(events);
    for (const size of [1, 7, 64, 1000]) {
      const v = createLogVerifier(LOG);
      for (let i = 0; i < bytes.length; i += size) v.pushBytes(bytes.subarray(i, i + size));
      expect(v.finish()).toEqual(verifyEventLines(LOG, bytes));
    }
  });
  it('reports an empty line', () => {
    const bytes = lines(events.slice(0, 1));
    const withBlank = new Uint8Array([...bytes, 0x0a]);
    expect(errorsOf(verifyEventLines(LOG, withBlank))[0]?.slice(0, 2)).toEqual([
      'CORE_LOG_RECORD_MALFORMED',
      1,
    ]);
  });
});
