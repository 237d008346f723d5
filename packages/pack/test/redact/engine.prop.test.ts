// Laws of the redaction engine: no redacted value survives anywhere in the decompressed archive;
// pseudonyms are stable within a pack and differ across keys; the output does not depend on input
// order; redacting twice equals redacting once (for profiles without index selectors).
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toHex, utf8Encode, type JsonValue } from '@warrant/core';
import { writeArchive } from '../../src/archive/archive-writer';
import { redactFiles, type RedactionFile } from '../../src/redact/engine';
import { REDACTION_PROFILE_SCHEMA, type RedactionProfile } from '../../src/redact/profile';
import { parseSelector, selectNodes } from '../../src/redact/selector';
import { REDACTION_SWEEP_MIN_BYTES } from '../../src/redact/sweep';
import { KEY_A, KEY_B, COMMIT_KEY } from './fixtures';

// Secrets use letters g-o only: never hex, never a substring of "[REDACTED]" or "pseud:".
const secret = fc.stringMatching(/^[g-o]{8,12}$/);
const leaf = (pool: string[]): fc.Arbitrary<JsonValue> =>
  fc.oneof(
    fc.constantFrom(...pool),
    fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool)).map(([a, b]) => `${a} and ${b}`),
    fc.integer(),
    fc.constant('plain 123'),
  );
const KEYS = ['owner', 'note', 'data', 'list', 'Q'];
const doc = (pool: string[]): fc.Arbitrary<JsonValue> =>
  fc.letrec<{ v: JsonValue }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf(pool),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4 }),
    ),
  })).v;
const SELECTORS = ['$..owner', '$..note', '$.data', '$.list[*]', '$..Q[*]', '$..*', '$.owner'];
const rules = fc.array(
  fc.record({
    files: fc.constantFrom('**', 'a/*.json', '**/*.jsonl').map((f) => [f]),
    paths: fc.subarray(SELECTORS, { minLength: 1 }),
    action: fc.constantFrom('drop' as const, 'mask' as const, 'pseudonymize' as const),
  }),
  { minLength: 1, maxLength: 3 },
);
const pack = secret.chain((s0) =>
  fc.array(secret, { minLength: 2, maxLength: 6 }).chain((more) => {
    const pool = [s0, ...more];
    return fc.tuple(
      fc.array(doc(pool), { minLength: 1, maxLength: 4 }),
      fc.array(doc(pool), { maxLength: 3 }),
    );
  }),
);
const toFiles = ([jsons, jsonl]: [JsonValue[], JsonValue[]]): RedactionFile[] => [
  ...jsons.map((d, i) => ({ path: `a/f${i}.json`, bytes: utf8Encode(JSON.stringify(d)) })),
  { path: 'b/log.jsonl', bytes: utf8Encode(jsonl.map((d) => `${JSON.stringify(d)}\n`).join('')) },
];
const profileOf = (r: RedactionProfile['rules']): RedactionProfile => ({
  schema: REDACTION_PROFILE_SCHEMA,
  name: 'prop',
  rules: r,
});

// The redacted values, found independently: every string under a selected node.
const redactedValues = (files: RedactionFile[], p: RedactionProfile): Set<string> => {
  const out = new Set<string>();
  const strings = (v: JsonValue): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(strings);
    else if (v !== null && typeof v === 'object')
      Object.values(v).forEach((x) => strings(x as JsonValue));
  };
  for (const f of files) {
    const text = new TextDecoder().decode(f.bytes);
    const docs = f.path.endsWith('.jsonl')
      ? text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as JsonValue)
      : [JSON.parse(text) as JsonValue];
    for (const rule of p.rules) {
      const matches =
        rule.files.includes('**') ||
        (rule.files[0] === 'a/*.json' ? f.path.startsWith('a/') : f.path.endsWith('.jsonl'));
      if (!matches) continue;
      for (const s of rule.paths ?? []) {
        const sel = parseSelector(s);
        if (E.isLeft(sel)) throw new Error('selector');
        for (const d of docs) {
          for (const loc of selectNodes(d, sel.right)) {
            strings(
              loc.reduce<JsonValue>(
                (x, k) => (x as Record<string | number, JsonValue>)[k] as JsonValue,
                d,
              ),
            );
          }
        }
      }
    }
  }
  return out;
};

const archiveText = (files: ReadonlyArray<RedactionFile>): string => {
  const gz = writeArchive(files.map((f) => ({ path: f.path, bytes: f.bytes })));
  if (E.isLeft(gz)) throw new Error(gz.left.message);
  return new TextDecoder().decode(gunzipSync(gz.right));
};

describe('redaction laws', () => {
  it('no redacted value appears anywhere in the decompressed archive', () => {
    fc.assert(
      fc.property(pack, rules, (input, r) => {
        const files = toFiles(input);
        const p = profileOf(r);
        const result = redactFiles(files, p, { pseudonymKey: KEY_A, commitmentKey: COMMIT_KEY });
        if (E.isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
        const tar = archiveText(result.right.files);
        for (const v of redactedValues(files, p)) {
          if (utf8Encode(v).length >= REDACTION_SWEEP_MIN_BYTES) expect(tar).not.toContain(v);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('pseudonyms are stable within a pack and differ across keys', () => {
    fc.assert(
      fc.property(secret, secret, (s, t) => {
        fc.pre(s !== t);
        const files = [
          { path: 'a.json', bytes: utf8Encode(JSON.stringify({ owner: s, other: t })) },
          { path: 'b.json', bytes: utf8Encode(JSON.stringify({ owner: s, note: `by ${s}` })) },
        ];
        const p = profileOf([
          { files: ['**'], paths: ['$..owner', '$.other'], action: 'pseudonymize' },
        ]);
        const parse = (k: Uint8Array) => {
          const r = redactFiles(files, p, { pseudonymKey: k });
          if (E.isLeft(r)) throw new Error(r.left.message);
          return r.right.files.map((f) => JSON.parse(new TextDecoder().decode(f.bytes)));
        };
        const [a, b] = parse(KEY_A);
        const [a2] = parse(KEY_B);
        expect(a.owner).toBe(b.owner);
        expect(b.note).toBe(`by ${a.owner}`);
        expect(a.other).not.toBe(a.owner);
        expect(a2.owner).not.toBe(a.owner);
      }),
    );
  });

  it('same inputs in any order give the same bytes', () => {
    fc.assert(
      fc.property(pack, rules, fc.integer(), (input, r, seed) => {
        const files = toFiles(input);
        const k = Math.abs(seed) % files.length;
        const shuffled = [...files.slice(k), ...files.slice(0, k)].reverse();
        const keys = { pseudonymKey: KEY_A, commitmentKey: COMMIT_KEY };
        const x = redactFiles(files, profileOf(r), keys);
        const y = redactFiles(shuffled, profileOf(r), keys);
        const show = (e: typeof x) =>
          E.isLeft(e) ? e.left.code : e.right.files.map((f) => `${f.path}:${toHex(f.bytes)}`);
        expect(show(y)).toEqual(show(x));
      }),
      { numRuns: 60 },
    );
  });

  it('redacting a redacted pack again changes nothing (no index selectors)', () => {
    fc.assert(
      fc.property(pack, rules, (input, r) => {
        const p = profileOf(r);
        const once = redactFiles(toFiles(input), p, { pseudonymKey: KEY_A });
        if (E.isLeft(once)) throw new Error(once.left.message);
        const twice = redactFiles(once.right.files, p, { pseudonymKey: KEY_A });
        if (E.isLeft(twice)) throw new Error(twice.left.message);
        expect(twice.right.files.map((f) => [f.path, toHex(f.bytes)])).toEqual(
          once.right.files.map((f) => [f.path, toHex(f.bytes)]),
        );
      }),
      { numRuns: 100 },
    );
  });
});
