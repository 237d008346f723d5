// The fast path of exception event decoding against the io-ts codecs: on valid events and on
// hostile mutations of them, both return the same value (members in the same order) or the same
// error, and folding a log through either gives the same records or the same refusal.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA as schema,
  type ExceptionRecord,
} from '@warrant/core';
import { decodeExceptionEventWithCodecs } from '../../src/exception/events';
import { applyDecodedEvent } from '../../src/exception/fold';
import { readExceptionEventFast } from '../../src/exception/event-fast';
import { arbDigest, arbName, arbProposalJson, arbTime, permuteArrays } from './arbitraries';
import { arbRun, build } from './lifecycle-gen';

type Json = unknown;

const arbActor = fc.record({ id: arbName, kind: fc.constantFrom('human', 'service') });
const arbEnvelope = (type: string, payload: fc.Arbitrary<Record<string, unknown>>) =>
  fc.record({
    type: fc.constant(type),
    time: arbTime,
    actor: arbActor,
    reason: fc.constantFrom('', 'because', ' ', 'why\u0000'),
    subject: fc.constantFrom('exc-1', 'exc-2'),
    payload,
  });
const arbVersion = fc.integer({ min: 1, max: 4 });
const arbSignature = fc.record(
  {
    payloadType: fc.constantFrom('application/vnd.warrant.exception-approval+json', ''),
    payload: fc.constantFrom('eyJhIjoxfQ==', 'eyJhIjoxfQ', 'e30='),
    signatures: fc.array(
      fc.record(
        { sig: fc.constantFrom('MEUCIQ==', 'bad!'), keyid: fc.constantFrom('k1', '') },
        {
          requiredKeys: ['sig'],
        },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['payloadType', 'payload', 'signatures'] },
);

/** Events of every type, mostly valid, with proposals whose sets are deliberately unsorted. */
const arbEvent: fc.Arbitrary<Json> = fc.oneof(
  arbEnvelope(
    'exception.proposed',
    arbProposalJson.map((proposal) => ({ schema, version: 1, proposal })),
  ),
  fc
    .tuple(fc.constantFrom('exception.amended', 'exception.renewed'), arbVersion, arbProposalJson)
    .chain(([type, v, proposal]) =>
      arbEnvelope(type, fc.constant({ schema, version: v + 1, previous_version: v, proposal })),
    ),
  arbEnvelope(
    'exception.approved',
    fc.record(
      {
        schema: fc.constant(schema),
        version: arbVersion,
        role: arbName,
        content_digest: arbDigest,
        final: fc.boolean(),
        governance_digest: arbDigest,
        signature: arbSignature,
      },
      { requiredKeys: ['schema', 'version', 'role', 'content_digest', 'final'] },
    ),
  ),
  fc
    .constantFrom('exception.rejected', 'exception.changes_requested')
    .chain((type) =>
      arbEnvelope(
        type,
        fc.record({ schema: fc.constant(schema), version: arbVersion, role: arbName }),
      ),
    ),
  fc
    .constantFrom('exception.revoked', 'exception.expired')
    .chain((type) =>
      arbEnvelope(type, fc.record({ schema: fc.constant(schema), version: arbVersion })),
    ),
);

// Values that some codec refuses, or accepts only after normalizing.
const HOSTILE: ReadonlyArray<unknown> = [
  null,
  undefined,
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  true,
  '',
  ' x',
  'x ',
  'a*b',
  'x\u0000',
  '\ud800',
  'x'.repeat(300),
  [],
  {},
  ['a', 'a'],
  ['b', 'a'],
  'pkg:NPM/lodash@1.0.0',
  'pkg:npm/lodash',
  'vers:npm/<2.0.0|>=1.0.0',
  'vers:pypi/<2',
  'CVE-2024-1',
  'cve-2024-12345',
  'GHSA-abcd-abcd-abcd',
  '2026-02-30T00:00:00Z',
  '2026-01-01T00:00:00.5Z',
  '2026-01-01T00:00:00+01:00',
  'sha256:' + 'A'.repeat(64),
  'exception.activated',
  'warrant.exception-event/v2',
  'https://x',
  'HTTP://x',
  'application/JSON',
  { accepted: true },
  { digest: `sha256:${'a'.repeat(64)}` },
  Object.create(null) as unknown,
];

const paths = (
  v: unknown,
  at: ReadonlyArray<string | number> = [],
): Array<Array<string | number>> => {
  const out: Array<Array<string | number>> = [[...at]];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  }
  return out;
};

const clone = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(clone)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]))
      : v;

type Mutation = (parent: Record<string | number, unknown>, key: string | number) => void;
const MUTATIONS: ReadonlyArray<(pick: number) => Mutation> = [
  (pick) => (p, k) => {
    p[k] = HOSTILE[pick % HOSTILE.length];
  },
  () => (p, k) => {
    if (Array.isArray(p)) p.splice(Number(k), 1);
    else delete p[k];
  },
  (pick) => (p, k) => {
    const v = p[k];
    if (Array.isArray(v) && v.length > 0) v.push(clone(v[pick % v.length]));
    else if (typeof v === 'object' && v !== null) {
      const extra = ['extra', 'constructor', 'toString', '__proto__', 'ref', 'range', 'statement'];
      Object.defineProperty(v, extra[pick % extra.length] as string, {
        value: HOSTILE[pick % HOSTILE.length],
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
  },
  (pick) => (p, k) => {
    p[k] = permuteArrays(p[k], pick);
  },
  () => (p, k) => {
    const v = p[k];
    if (typeof v === 'string') p[k] = v.toUpperCase();
    else if (typeof v === 'number') p[k] = v + 1;
    else if (typeof v === 'boolean') p[k] = !v;
  },
];

/** One mutation of one node of `event` (a fresh copy; the root itself may be replaced). */
const mutate = (event: unknown, where: number, how: number, pick: number): unknown => {
  const holder = { root: clone(event) } as Record<string | number, unknown>;
  const all = paths(holder.root);
  const path = all[where % all.length] as Array<string | number>;
  let parent = holder;
  let key: string | number = 'root';
  for (const seg of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = seg;
  }
  (MUTATIONS[how % MUTATIONS.length] as (p: number) => Mutation)(pick)(parent, key);
  return holder.root;
};

const arbMutation = fc.record({
  where: fc.nat(),
  how: fc.nat(),
  pick: fc.nat(),
});

const same = (a: unknown, b: unknown): void => {
  expect(a).toEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b)); // member order too
};

describe('exception event fast path (laws)', () => {
  it('decodes valid events exactly as the codecs do', () => {
    fc.assert(
      fc.property(arbEvent, (ev) => {
        same(decodeExceptionEvent(ev, [3]), decodeExceptionEventWithCodecs(ev, [3]));
      }),
      { seed: 41, numRuns: 600 },
    );
  });

  it('decodes mutated events exactly as the codecs do: same value or same error', () => {
    fc.assert(
      fc.property(arbEvent, fc.array(arbMutation, { minLength: 1, maxLength: 3 }), (ev, muts) => {
        let x = ev;
        for (const m of muts) x = mutate(x, m.where, m.how, m.pick);
        same(decodeExceptionEvent(x, [7]), decodeExceptionEventWithCodecs(x, [7]));
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('folds generated logs, valid or mutated, to the same records or the same refusal', () => {
    fc.assert(
      fc.property(
        arbRun,
        fc.array(fc.record({ at: fc.nat(), m: arbMutation }), { maxLength: 2 }),
        (intents, muts) => {
          const events: unknown[] = build(intents).drafts.map(clone);
          for (const { at, m } of muts) {
            const i = at % events.length;
            events[i] = mutate(events[i], m.where, m.how, m.pick);
          }
          const fold = (decode: typeof decodeExceptionEvent) => {
            let record: ExceptionRecord | undefined;
            const refusals: unknown[] = [];
            events.forEach((ev, i) => {
              const r = applyDecodedEvent(record, decode(ev, [i]), i);
              if (E.isRight(r)) record = r.right;
              else refusals.push(r.left);
            });
            return { record, refusals };
          };
          same(fold(decodeExceptionEvent), fold(decodeExceptionEventWithCodecs));
        },
      ),
      { seed: 43, numRuns: 300 },
    );
  });

  it('takes the fast path for every generated event the codecs accept (so the laws test it)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(arbEvent, (ev) => {
        if (E.isLeft(decodeExceptionEventWithCodecs(ev))) return;
        accepted++;
        expect(readExceptionEventFast(ev, schema)).toBeDefined();
      }),
      { seed: 44, numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
