import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '@warrant/core';
import { compareArchivePaths, validateArchivePath } from '@warrant/pack';
import { parseArchivePath } from '../../src/archive/path';
import { archivePath } from './arbitraries';

describe('path laws', () => {
  it('never throws, and every refusal is a PACK_ARCHIVE_PATH_* code naming the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const r = validateArchivePath(s);
        if (E.isLeft(r)) {
          expect(r.left.code).toMatch(/^PACK_ARCHIVE_PATH_/);
          expect(r.left.path).toBe(s);
        }
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('accepted paths split into prefix/name that rebuild the UTF-8 path within field widths', () => {
    fc.assert(
      fc.property(archivePath, (p) => {
        const r = parseArchivePath(p);
        expect(E.isRight(r)).toBe(true);
        if (E.isLeft(r)) return;
        const { prefix, name, utf8 } = r.right;
        expect(prefix.length).toBeLessThanOrEqual(155);
        expect(name.length).toBeLessThanOrEqual(100);
        const rebuilt =
          prefix.length === 0 ? utf8Decode(name) : `${utf8Decode(prefix)}/${utf8Decode(name)}`;
        expect(rebuilt).toBe(p);
        expect(utf8.length).toBeLessThanOrEqual(255);
      }),
      { seed: 6, numRuns: 1000 },
    );
  });

  it('compareArchivePaths is code point order (a total order consistent with equality)', () => {
    const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const x = codePoints(a);
        const y = codePoints(b);
        let expected = 0;
        for (let i = 0; i < Math.min(x.length, y.length) && expected === 0; i++) {
          expected = (x[i] as number) - (y[i] as number);
        }
        if (expected === 0) expected = x.length - y.length;
        expect(Math.sign(compareArchivePaths(a, b))).toBe(Math.sign(expected));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
