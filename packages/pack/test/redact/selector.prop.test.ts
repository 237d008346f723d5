import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonPath, type JsonValue } from '@warrant/core';
import { parseSelector, selectNodes } from '../../src/redact/selector';

const json = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue>;
const countNodes = (v: JsonValue): number =>
  1 +
  (Array.isArray(v)
    ? v.reduce((n: number, x: JsonValue) => n + countNodes(x), 0)
    : v !== null && typeof v === 'object'
      ? Object.values(v).reduce((n: number, x) => n + countNodes(x as JsonValue), 0)
      : 0);
const at = (v: JsonValue, loc: ReadonlyArray<string | number>): unknown =>
  loc.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v);

describe('selector laws', () => {
  it('$..* selects every node but the root, each once', () => {
    const all = parseSelector('$..*');
    fc.assert(
      fc.property(json, (doc) => {
        if (E.isLeft(all)) throw new Error('parse');
        const locs = selectNodes(doc, all.right);
        expect(locs.length).toBe(countNodes(doc) - 1);
        expect(new Set(locs.map((l) => JSON.stringify(l))).size).toBe(locs.length);
      }),
    );
  });

  it('the path of any selected node, as a selector, selects exactly that node', () => {
    const all = parseSelector('$..*');
    fc.assert(
      fc.property(json, (doc) => {
        if (E.isLeft(all)) throw new Error('parse');
        for (const loc of selectNodes(doc, all.right)) {
          // formatJsonPath (core) writes RFC 9535 singular queries; this grammar accepts them.
          const back = parseSelector(formatJsonPath(loc));
          expect(E.isRight(back)).toBe(true);
          if (E.isRight(back)) expect(selectNodes(doc, back.right)).toEqual([loc]);
          expect(at(doc, loc)).not.toBeUndefined();
        }
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseSelector(`$${s}`);
        if (E.isLeft(r)) expect(r.left.offset).toBeLessThanOrEqual(s.length + 1);
      }),
      { numRuns: 300 },
    );
  });
});
