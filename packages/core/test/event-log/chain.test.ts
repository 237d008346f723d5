import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  computeEventHash,
  digestBytes,
  emptyHead,
  genesisHash,
  sealEvents,
  utf8Encode,
  type EventDraft,
  type LogId,
  type Timestamp,
} from '@warrant/core';

const logId = 'acme' as LogId;
const draft: EventDraft = {
  type: 'exception.proposed',
  time: '2026-01-02T03:04:05Z' as Timestamp,
  actor: { id: 'alice@example.com', kind: 'human' },
  reason: 'no fix available',
  subject: 'exc-1',
  payload: { b: 1, a: ['x'] },
};

describe('genesisHash', () => {
  it('is the digest of the canonical genesis object', () => {
    const expected = digestBytes(
      utf8Encode('{"log_id":"acme","schema":"warrant.event-genesis/v1"}'),
    );
    expect(genesisHash(logId)).toBe(expected);
    expect(genesisHash(logId)).toBe(
      E.getOrElseW(() => '')(
        E.map((s: string) => digestBytes(utf8Encode(s)))(
          canonicalize({ schema: 'warrant.event-genesis/v1', log_id: 'acme' }),
        ),
      ),
    );
  });
  it('differs per log', () => {
    expect(genesisHash('a' as LogId)).not.toBe(genesisHash('b' as LogId));
  });
});

describe('sealEvents', () => {
  it('assigns seq, links prev_hash and hashes the record without hash', () => {
    const r = sealEvents(emptyHead(logId), [draft, draft]);
    expect(E.isRight(r)).toBe(true);
    if (E.isLeft(r)) return;
    const [a, b] = r.right.events;
    expect(a).toMatchObject({ schema: 'warrant.event/v1', log_id: 'acme', seq: 0 });
    expect(a?.prev_hash).toBe(genesisHash(logId));
    expect(b?.seq).toBe(1);
    expect(b?.prev_hash).toBe(a?.hash);
    const { hash: _h, ...unhashed } = a as NonNullable<typeof a>;
    const text = E.getOrElse(() => '')(canonicalize(unhashed));
    expect(a?.hash).toBe(digestBytes(utf8Encode(text)));
    expect(computeEventHash(a as NonNullable<typeof a>)).toEqual(E.right(a?.hash));
    expect(r.right.head).toEqual({ log_id: 'acme', size: 2, hash: b?.hash });
  });
  it('continues after a head', () => {
    const first = sealEvents(emptyHead(logId), [draft]);
    if (E.isLeft(first)) throw new Error('seal');
    const next = sealEvents(first.right.head, [draft]);
    if (E.isLeft(next)) throw new Error('seal');
    expect(next.right.events[0]?.seq).toBe(1);
    expect(next.right.events[0]?.prev_hash).toBe(first.right.events[0]?.hash);
  });
  it('stores exactly the draft members (extra members are not carried)', () => {
    const r = sealEvents(emptyHead(logId), [{ ...draft, extra: 1 } as EventDraft]);
    if (E.isLeft(r)) throw new Error('seal');
    expect(Object.keys(r.right.events[0] as object).sort()).toEqual([
      'actor',
      'hash',
      'log_id',
      'payload',
      'prev_hash',
      'reason',
      'schema',
      'seq',
      'subject',
      'time',
      'type',
    ]);
  });
  it('refuses an invalid draft, naming the member', () => {
    const bad = { ...draft, actor: { id: 'x', kind: 'robot' } } as unknown as EventDraft;
    const r = sealEvents(emptyHead(logId), [draft, bad]);
    expect(r).toEqual(
      E.left(
        expect.objectContaining({ code: 'CORE_EVENT_DRAFT_INVALID', path: '$[1].actor.kind' }),
      ),
    );
  });
  it('refuses a payload canonical JSON cannot represent, naming the path', () => {
    const bad = { ...draft, payload: { n: Number.NaN } };
    const r = sealEvents(emptyHead(logId), [bad]);
    expect(r).toEqual(
      E.left(expect.objectContaining({ code: 'CORE_EVENT_DRAFT_INVALID', path: '$[0].payload.n' })),
    );
  });
  it('refuses a bad timestamp', () => {
    const bad = { ...draft, time: '2026-02-30T00:00:00Z' as Timestamp };
    expect(E.isLeft(sealEvents(emptyHead(logId), [bad]))).toBe(true);
  });
});
