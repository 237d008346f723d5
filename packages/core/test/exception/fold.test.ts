import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeException,
  Exception,
  exceptionStateAt,
  foldExceptionEvents,
  foldExceptionLog,
  type EventDraft,
  type ExceptionProposal,
  type ExceptionRecord,
  type Timestamp,
} from '@warrant/core';
import { approved, proposed, revised, reviewed, versionEvent } from './events';
import { proposal } from './fixtures';

const ID = 'exc-1';
const P = proposal(); // expires 2026-04-01
const fold = (events: EventDraft[]): ExceptionRecord => {
  const r = foldExceptionEvents(events);
  if (E.isLeft(r)) throw new Error(`${r.left.code} ${r.left.path}: ${r.left.message}`);
  return r.right;
};
const refusal = (events: EventDraft[]) => {
  const r = foldExceptionEvents(events);
  if (E.isRight(r)) throw new Error('expected a refusal');
  return { code: r.left.code, path: r.left.path };
};
const statusAt = (rec: ExceptionRecord, at: string) =>
  exceptionStateAt(rec, at as Timestamp)?.versions.map((v) => v.status);
const withP = (over: Partial<ExceptionProposal>): ExceptionProposal =>
  ({ ...P, ...over }) as ExceptionProposal;

describe('fold: the basic lifecycle', () => {
  const events = [
    proposed('2026-01-05T00:00:00Z', 'alice', ID, P),
    approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, false, 'security-reviewer'),
    approved('2026-01-06T01:00:00Z', 'carol', ID, 1, P, true),
  ];
  const rec = fold(events);

  it('is proposed, then active at the final approval, then expired at expires_at', () => {
    expect(exceptionStateAt(rec, '2026-01-04T00:00:00Z' as Timestamp)).toBeUndefined();
    expect(statusAt(rec, '2026-01-05T00:00:00Z')).toEqual(['proposed']);
    expect(statusAt(rec, '2026-01-06T00:30:00Z')).toEqual(['proposed']);
    expect(statusAt(rec, '2026-01-06T01:00:00Z')).toEqual(['active']);
    expect(statusAt(rec, '2026-03-31T23:59:59Z')).toEqual(['active']);
    expect(statusAt(rec, '2026-04-01T00:00:00Z')).toEqual(['expired']);
  });

  it('snapshots are valid Exception objects with normalized approvers', () => {
    const s = exceptionStateAt(rec, '2026-02-01T00:00:00Z' as Timestamp);
    const v = s?.current as Exception;
    expect(v).toMatchObject({
      status: 'active',
      status_since: '2026-01-06T01:00:00Z',
      approved_at: '2026-01-06T01:00:00Z',
      updated_at: '2026-01-06T01:00:00Z',
      requester: 'alice',
    });
    expect(v.approvers?.map((a) => a.id)).toEqual(['bob', 'carol']);
    expect(decodeException(Exception.encode(v))).toEqual(E.right(v));
  });

  it('ignores facts recorded after the instant asked about', () => {
    const s = exceptionStateAt(rec, '2026-01-06T00:30:00Z' as Timestamp);
    expect(s?.current.approvers?.map((a) => a.id)).toEqual(['bob']);
    expect(s?.current.approved_at).toBeUndefined();
  });

  it('accepts an expired record only once the version has expired', () => {
    expect(
      refusal([...events, versionEvent('expired', '2026-03-01T00:00:00Z', 'svc', ID, 1)]),
    ).toEqual({
      code: 'CORE_EXCEPTION_EVENT_UNEXPECTED',
      path: '$[3].payload.version',
    });
    const done = fold([...events, versionEvent('expired', '2026-04-02T00:00:00Z', 'svc', ID, 1)]);
    expect(exceptionStateAt(done, '2026-04-03T00:00:00Z' as Timestamp)?.current).toMatchObject({
      status: 'expired',
      status_since: '2026-04-01T00:00:00Z',
      expiry_recorded_at: '2026-04-02T00:00:00Z',
    });
    expect(
      refusal([
        ...events,
        versionEvent('expired', '2026-04-02T00:00:00Z', 'svc', ID, 1),
        versionEvent('expired', '2026-04-03T00:00:00Z', 'svc', ID, 1),
      ]).path,
    ).toBe('$[4].payload.version');
  });
});

describe('fold: transitions', () => {
  it('waits for valid_from after approval', () => {
    const p = withP({ valid_from: '2026-02-01T00:00:00Z' as Timestamp });
    const rec = fold([
      proposed('2026-01-05T00:00:00Z', 'alice', ID, p),
      approved('2026-01-06T00:00:00Z', 'bob', ID, 1, p, true),
    ]);
    expect(statusAt(rec, '2026-01-07T00:00:00Z')).toEqual(['approved']);
    expect(statusAt(rec, '2026-02-01T00:00:00Z')).toEqual(['active']);
  });

  it('rejection is final for the version', () => {
    const base = [
      proposed('2026-01-05T00:00:00Z', 'alice', ID, P),
      reviewed('rejected', '2026-01-06T00:00:00Z', 'sec', ID, 1),
    ];
    expect(statusAt(fold(base), '2026-01-07T00:00:00Z')).toEqual(['rejected']);
    expect(refusal([...base, approved('2026-01-07T00:00:00Z', 'bob', ID, 1, P, true)]).path).toBe(
      '$[2].payload.version',
    );
    expect(
      refusal([...base, revised('amended', '2026-01-07T00:00:00Z', 'alice', ID, 2, 1, P)]).path,
    ).toBe('$[2].type');
  });

  it('a request for changes blocks approval until an amendment supersedes the version', () => {
    const p2 = withP({ rationale: 'Narrowed to the payments namespace.' });
    const events = [
      proposed('2026-01-05T00:00:00Z', 'alice', ID, P),
      approved('2026-01-05T12:00:00Z', 'bob', ID, 1, P, false),
      reviewed('changes_requested', '2026-01-06T00:00:00Z', 'sec', ID, 1),
    ];
    expect(
      refusal([...events, approved('2026-01-06T01:00:00Z', 'carol', ID, 1, P, true)]).code,
    ).toBe('CORE_EXCEPTION_EVENT_UNEXPECTED');
    const rec = fold([
      ...events,
      revised('amended', '2026-01-07T00:00:00Z', 'alice', ID, 2, 1, p2),
    ]);
    expect(statusAt(rec, '2026-01-06T12:00:00Z')).toEqual(['changes_requested']);
    expect(statusAt(rec, '2026-01-07T00:00:00Z')).toEqual(['superseded', 'proposed']);
    const s = exceptionStateAt(rec, '2026-01-07T00:00:00Z' as Timestamp);
    expect(s?.current).toMatchObject({ version: 2, origin: 'amend', previous_version: 1 });
    expect(s?.current.approvers).toBeUndefined();
  });

  it('a renewal leaves the active version in force until it takes effect', () => {
    const p2 = withP({
      rationale: 'Vendor fix slipped to Q2.',
      expires_at: '2026-06-01T00:00:00Z' as Timestamp,
    });
    const rec = fold([
      proposed('2026-01-05T00:00:00Z', 'alice', ID, P),
      approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, true),
      revised('renewed', '2026-03-20T00:00:00Z', 'alice', ID, 2, 1, p2),
      approved('2026-03-25T00:00:00Z', 'bob', ID, 2, p2, true),
    ]);
    expect(statusAt(rec, '2026-03-21T00:00:00Z')).toEqual(['active', 'proposed']);
    expect(exceptionStateAt(rec, '2026-03-21T00:00:00Z' as Timestamp)?.current.version).toBe(1);
    expect(statusAt(rec, '2026-03-25T00:00:00Z')).toEqual(['superseded', 'active']);
    expect(statusAt(rec, '2026-07-01T00:00:00Z')).toEqual(['superseded', 'expired']);
  });

  it('a renewal must extend the expiry and may follow an expired version', () => {
    const base = [
      proposed('2026-01-05T00:00:00Z', 'alice', ID, P),
      approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, true),
    ];
    expect(
      refusal([...base, revised('renewed', '2026-03-20T00:00:00Z', 'alice', ID, 2, 1, P)]).path,
    ).toBe('$[2].payload.proposal.expires_at');
    const later = withP({ expires_at: '2026-06-01T00:00:00Z' as Timestamp });
    expect(
      statusAt(
        fold([...base, revised('renewed', '2026-04-10T00:00:00Z', 'alice', ID, 2, 1, later)]),
        '2026-04-10T00:00:00Z',
      ),
    ).toEqual(['expired', 'proposed']);
    expect(
      refusal([...base, revised('amended', '2026-04-10T00:00:00Z', 'alice', ID, 2, 1, later)]).path,
    ).toBe('$[2].type');
  });

  it('revocation ends every live version and the exception', () => {
    const p2 = withP({ expires_at: '2026-06-01T00:00:00Z' as Timestamp });
    const events = [
      proposed('2026-01-05T00:00:00Z', 'alice', ID, P),
      approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, true),
      revised('renewed', '2026-03-20T00:00:00Z', 'alice', ID, 2, 1, p2),
      versionEvent('revoked', '2026-03-21T00:00:00Z', 'sec', ID, 2),
    ];
    const rec = fold(events);
    const s = exceptionStateAt(rec, '2026-03-22T00:00:00Z' as Timestamp);
    expect(s?.versions.map((v) => v.status)).toEqual(['revoked', 'revoked']);
    expect(s?.status).toBe('revoked');
    expect(s?.current.decision).toMatchObject({
      action: 'revoked',
      actor: 'sec',
      reason: 'no longer needed',
    });
    expect(
      refusal([...events, versionEvent('revoked', '2026-03-22T00:00:00Z', 'sec', ID, 2)]).path,
    ).toBe('$[4].type');
    expect(
      refusal([...events, approved('2026-03-22T00:00:00Z', 'bob', ID, 2, p2, true)]).path,
    ).toBe('$[4].payload.version');
  });
});

describe('fold: refusals', () => {
  const start = proposed('2026-01-05T00:00:00Z', 'alice', ID, P);
  it.each([
    [
      'first event not a proposal',
      [approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, true)],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[0].type',
    ],
    ['second proposal', [start, start], 'CORE_EXCEPTION_EVENT_UNEXPECTED', '$[1].type'],
    [
      'time going backwards',
      [start, approved('2026-01-04T00:00:00Z', 'bob', ID, 1, P, true)],
      'CORE_EXCEPTION_EVENT_OUT_OF_ORDER',
      '$[1].time',
    ],
    [
      'another subject',
      [start, approved('2026-01-06T00:00:00Z', 'bob', 'exc-2', 1, P, true)],
      'CORE_EXCEPTION_SUBJECT_MISMATCH',
      '$[1].subject',
    ],
    [
      'approval of other content',
      [start, approved('2026-01-06T00:00:00Z', 'bob', ID, 1, withP({ risk_score: 99 }), true)],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[1].payload.content_digest',
    ],
    [
      'approval of a missing version',
      [start, approved('2026-01-06T00:00:00Z', 'bob', ID, 2, P, true)],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[1].payload.version',
    ],
    [
      'approval after expiry',
      [start, approved('2026-04-01T00:00:00Z', 'bob', ID, 1, P, true)],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[1].payload.version',
    ],
    [
      'same approver twice',
      [
        start,
        approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, false),
        approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, true),
      ],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[2].actor.id',
    ],
    [
      'proposal already expired',
      [proposed('2026-04-01T00:00:00Z', 'alice', ID, P)],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[0].payload.proposal.expires_at',
    ],
    [
      'amendment skipping a version number',
      [start, revised('amended', '2026-01-06T00:00:00Z', 'alice', ID, 3, 1, P)],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[1].payload.version',
    ],
    [
      'renewal of a pending proposal',
      [start, revised('renewed', '2026-01-06T00:00:00Z', 'alice', ID, 2, 1, P)],
      'CORE_EXCEPTION_EVENT_UNEXPECTED',
      '$[1].type',
    ],
  ] as const)('%s', (_name, events, code, path) => {
    expect(refusal([...events])).toEqual({ code, path });
  });

  it('names the path of a malformed payload inside the log', () => {
    const bad = { ...start, payload: { ...start.payload, proposal: { ...P, risk_score: -1 } } };
    const r = foldExceptionEvents([bad]);
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'CORE_EXCEPTION_EVENT_INVALID',
      path: '$[0].payload.proposal.risk_score',
    });
  });

  it('requires a reason for decisions', () => {
    const bad = { ...reviewed('rejected', '2026-01-06T00:00:00Z', 'sec', ID, 1), reason: '' };
    const r = foldExceptionEvents([start, bad]);
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'CORE_EXCEPTION_EVENT_INVALID',
      path: '$[1].reason',
    });
  });

  it('refuses a signature envelope whose strings hold lone surrogates, without throwing', () => {
    const sig = {
      payloadType: 'x',
      payload: 'YQ==',
      signatures: [{ sig: 'YQ==', keyid: 'k\udc00' }],
    };
    const ok = approved('2026-01-06T00:00:00Z', 'bob', ID, 1, P, true);
    const bad = { ...ok, payload: { ...ok.payload, signature: sig } };
    // Before: accepted, and the snapshot's canonical JSON (approvers) could not be written.
    expect(refusal([start, bad])).toEqual({
      code: 'CORE_EXCEPTION_EVENT_INVALID',
      path: '$[1].payload.signature.signatures[0].keyid',
    });
    const typ = { ...sig, payloadType: 'application/\ud800', signatures: [{ sig: 'YQ==' }] };
    expect(refusal([start, { ...ok, payload: { ...ok.payload, signature: typ } }])).toEqual({
      code: 'CORE_EXCEPTION_EVENT_INVALID',
      path: '$[1].payload.signature.payloadType',
    });
  });

  it('refuses an empty list', () => {
    expect(E.isLeft(foldExceptionEvents([]))).toBe(true);
  });
});

describe('foldExceptionLog', () => {
  it('groups by subject, skips other event types, sorts by id and names log positions', () => {
    const other = {
      type: 'pack.built',
      time: '2026-01-05T00:00:00Z',
      actor: { id: 'ci', kind: 'service' },
      reason: '',
      subject: 'p',
      payload: {},
    };
    const log = [
      proposed('2026-01-05T00:00:00Z', 'alice', 'exc-b', P),
      other,
      proposed('2026-01-05T00:00:00Z', 'alice', 'exc-a', P),
      approved('2026-01-06T00:00:00Z', 'bob', 'exc-b', 1, P, true),
    ];
    const r = foldExceptionLog(log);
    expect(E.isRight(r) && r.right.map((x) => [x.exception_id, x.event_count])).toEqual([
      ['exc-a', 1],
      ['exc-b', 2],
    ]);
    const bad = foldExceptionLog([
      ...log,
      approved('2026-01-07T00:00:00Z', 'bob', 'exc-c', 1, P, true),
    ]);
    expect(E.isLeft(bad) && bad.left.path).toBe('$[4].type');
  });
});
