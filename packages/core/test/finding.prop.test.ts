import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { aliasMapFrom, digestCanonical, findingKey, type Sha256Digest } from '@warrant/core';

// Strings without lone surrogates: what JSON documents can carry after strict parsing.
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const digest = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .map((b) => `sha256:${Buffer.from(b).toString('hex')}` as Sha256Digest);

describe('findingKey (properties)', () => {
  it('equals digestCanonical of the documented object for any input', () => {
    fc.assert(
      fc.property(
        fc.option(digest, { nil: undefined }),
        text,
        fc.oneof(text, fc.record({ name: text, version: fc.option(text, { nil: undefined }) })),
        (artifactDigest, vulnerabilityId, component) => {
          const expected = digestCanonical({
            schema: 'warrant.finding-key/v1',
            artifact: artifactDigest ?? null,
            vulnerability: vulnerabilityId,
            component:
              typeof component === 'string'
                ? component
                : { name: component.name, version: component.version ?? null },
          });
          expect(E.right(findingKey({ artifactDigest, vulnerabilityId, component }))).toEqual(
            expected,
          );
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('aliasMapFrom (properties)', () => {
  const id = fc.constantFrom('CVE-1', 'CVE-2', 'GHSA-a', 'GHSA-b', 'GO-1', 'OSV-1', 'X');
  const sources = fc.array(fc.record({ id, aliases: fc.array(id, { maxLength: 3 }) }), {
    maxLength: 8,
  });

  it('is symmetric, transitive and independent of input order', () => {
    fc.assert(
      fc.property(sources, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const m = aliasMapFrom(list);
        for (const [k, others] of m) {
          expect(others).not.toContain(k);
          expect([...others]).toEqual([...others].sort());
          for (const o of others) {
            expect(m.get(o)).toContain(k); // symmetric
            for (const p of m.get(o) ?? []) if (p !== k) expect(others).toContain(p); // transitive
          }
        }
        const it = seeds[Symbol.iterator]();
        const shuffled = [...list]
          .map((s) => ({
            s: { id: s.id, aliases: [...s.aliases].reverse() },
            r: it.next().value as number,
          }))
          .sort((a, b) => a.r - b.r)
          .map((x) => x.s);
        const m2 = aliasMapFrom(shuffled);
        expect([...m2.entries()]).toEqual([...m.entries()]);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('links the ids of an OSV record', () => {
    const m = aliasMapFrom([
      { id: 'GO-2023-2102', aliases: ['CVE-2023-39325', 'GHSA-4374-p667-p6c8'] },
    ]);
    expect(m.get('CVE-2023-39325')).toEqual(['GHSA-4374-p667-p6c8', 'GO-2023-2102']);
    expect(m.get('GO-2023-2102')).toEqual(['CVE-2023-39325', 'GHSA-4374-p667-p6c8']);
    expect(m.has('CVE-2023-44487')).toBe(false);
  });
});
