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
import { arbRun, build } from './lifecycle-gen';
import { arbEvent, arbMutation, clone, mutate } from './mutations';

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
