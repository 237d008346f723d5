// The content digest read from a canonical line against proposalDigest of the decoded proposal:
// whenever the fast reader reports no normalization, hashing the span of the line gives the same
// digest; and it reports normalization exactly when the decoded proposal's canonical JSON differs
// from the stored one (a set reordered, a purl rewritten), where the span must not be used.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  decodeProposal,
  encodeEventLines,
  ExceptionProposal,
  EXCEPTION_EVENT_SCHEMA as schema,
  proposalDigest,
  type EventDraft,
} from '@warrant/core';
import { readExceptionEventFast } from '../../src/exception/event-fast';
import type { ReadNote } from '../../src/exception/proposal-fast';
import { proposalSpan, proposalSpanInText, spanDigest } from '../../src/exception/proposal-span';
import { seal } from '../event-log/arbitraries';
import { arbProposalJson } from './arbitraries';
import { arbMutation, mutate } from './mutations';

// Free text that is hard on a scanner: quotes, backslashes, member-like text, non-ASCII.
const TRICKY = [
  'say "payload":{"proposal":{ and }} twice',
  'a \\ backslash and a \\"quote\\"',
  'ends with a backslash \\',
  'caf\u00e9 \u00fcber \u{1f600} \u4e2d\u6587',
  '{"proposal":{"scope":{}}}',
];

const arbDraft = fc
  .record({
    proposal: arbProposalJson,
    revised: fc.boolean(),
    rationale: fc.option(fc.constantFrom(...TRICKY)),
    actor: fc.constantFrom('alice', 'r\u00e9viewer', 'bob"payload":{'),
    presorted: fc.boolean(),
    mutations: fc.array(arbMutation, { maxLength: 2 }),
  })
  .map(({ proposal, revised, rationale, actor, presorted, mutations }) => {
    let p: unknown = rationale === null ? proposal : { ...proposal, rationale };
    // Half the proposals are stored as the codec would write them (sets sorted).
    const decoded = decodeProposal(p);
    if (presorted && E.isRight(decoded)) p = ExceptionProposal.encode(decoded.right);
    for (const m of mutations) p = mutate(p, m.where, m.how, m.pick);
    const draft = {
      type: revised ? 'exception.renewed' : 'exception.proposed',
      time: '2026-01-01T00:00:00Z',
      actor: { id: actor, kind: 'human' },
      reason: revised ? 'renewed: "proposal":{' : '',
      subject: 'exc-1',
      payload: revised
        ? { schema, version: 2, previous_version: 1, proposal: p }
        : { schema, version: 1, proposal: p },
    };
    return draft as unknown as EventDraft;
  });

/** The stored line of a draft (sealed, canonical), or undefined when it cannot be stored. */
const lineOf = (draft: EventDraft): Uint8Array | undefined => {
  try {
    const bytes = encodeEventLines(seal([draft]));
    return E.isRight(bytes) ? bytes.right.subarray(0, bytes.right.length - 1) : undefined;
  } catch {
    return undefined; // not a storable draft (seal refuses it)
  }
};

describe('proposal span digest (laws)', () => {
  it('equals proposalDigest of the decoded proposal whenever the reader did not normalize', () => {
    let exact = 0;
    let normalized = 0;
    let escaped = 0;
    let ascii = 0;
    fc.assert(
      fc.property(arbDraft, (draft) => {
        const line = lineOf(draft);
        if (line === undefined) return;
        const event = JSON.parse(new TextDecoder().decode(line)) as Record<string, unknown>;
        const note: ReadNote = { normalized: false };
        const fast = readExceptionEventFast(event, schema, note);
        if (fast === undefined) return;
        const decoded = (fast.payload as { proposal: ExceptionProposal }).proposal;
        const stored = canonicalize((event.payload as { proposal: unknown }).proposal);
        const reencoded = canonicalize(ExceptionProposal.encode(decoded));
        expect(note.normalized).toBe(
          E.isRight(stored) && E.isRight(reencoded) && stored.right !== reencoded.right,
        );
        if (note.normalized) {
          normalized++;
          return;
        }
        exact++;
        if (line.includes(0x5c) || line.some((b) => b >= 0x80)) escaped++;
        const span = proposalSpan(line, 0, line.length);
        expect(span).toBeDefined();
        expect(spanDigest(line, span as [number, number])).toBe(proposalDigest(decoded));
        // The text search agrees wherever the line is ASCII (where it is used).
        const text = new TextDecoder().decode(line);
        if (text.length === line.length) {
          ascii++;
          expect(proposalSpanInText(text, 0)).toEqual(span);
        }
      }),
      { seed: 61, numRuns: 1500 },
    );
    // Both branches are exercised.
    expect(exact).toBeGreaterThan(200);
    expect(normalized).toBeGreaterThan(50);
    expect(escaped).toBeGreaterThan(50);
    expect(ascii).toBeGreaterThan(100);
  });

  it('finds the span inside a larger buffer and nothing in events without a proposal', () => {
    const text = '{"a":"\\"payload\\":{","payload":{"proposal":{"x":["}"]}},"z":1}';
    const bytes = new TextEncoder().encode(`garbage${text}tail`);
    const span = proposalSpan(bytes, 7, 7 + text.length);
    expect(span).toBeDefined();
    const [from, to] = span as [number, number];
    expect(new TextDecoder().decode(bytes.subarray(from, to))).toBe('{"x":["}"]}');
    const none = new TextEncoder().encode('{"payload":{"schema":"s","version":1},"proposal":{}}');
    expect(proposalSpan(none, 0, none.length)).toBeUndefined();
    const nested = new TextEncoder().encode('{"payload":{"p":{"proposal":{}}}}');
    expect(proposalSpan(nested, 0, nested.length)).toBeUndefined();
  });
});
