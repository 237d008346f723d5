import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchFilePattern,
  parseFilePattern,
  type FilePattern,
} from '../../src/redact/file-pattern';

const pat = (s: string): FilePattern => {
  const p = parseFilePattern(s);
  if (typeof p === 'string') throw new Error(p);
  return p;
};

describe('file patterns', () => {
  it.each([
    ['exceptions/*.jsonl', 'exceptions/exceptions.jsonl', true],
    ['exceptions/*.jsonl', 'exceptions/a/b.jsonl', false],
    ['*.json', 'exceptions/a.json', false],
    ['**/*.json', 'a.json', true],
    ['**/*.json', 'a/b/c.json', true],
    ['inputs/documents/**', 'inputs/documents/trivy.json', true],
    ['inputs/documents/**', 'inputs/documents', true],
    ['inputs/documents/**', 'inputs/sboms/x.json', false],
    ['**', 'anything/at/all', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/x/y/c', false],
    ['verdict/verdict.json', 'verdict/verdict.json', true],
    ['verdict/verdict.json', 'verdict/verdict.jsonl', false],
    ['a.b', 'axb', false],
    ['(x)+[y]', '(x)+[y]', true],
    ['*', '', true],
    ['Report/*', 'report/a', false],
  ])('%s ~ %s = %s', (p, path, expected) => {
    expect(matchFilePattern(pat(p), path)).toBe(expected);
  });

  it.each([
    ['', 'expected a non-empty pattern'],
    ['/abs', 'expected a relative pattern (no leading "/")'],
    ['a//b', 'expected no empty segment (no "//" and no trailing "/")'],
    ['a/', 'expected no empty segment (no "//" and no trailing "/")'],
    ['a/../b', 'expected no "." or ".." segment'],
    ['a**', 'expected "**" only as a whole segment'],
  ])('refuses %j', (p, message) => {
    expect(parseFilePattern(p)).toBe(message);
  });

  it('a literal pattern matches exactly itself', () => {
    const seg = fc.stringMatching(/^[a-z0-9._-]{1,8}$/).filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(
        fc.array(seg, { minLength: 1, maxLength: 4 }),
        fc.array(seg, { minLength: 1, maxLength: 4 }),
        (a, b) => {
          expect(matchFilePattern(pat(a.join('/')), b.join('/'))).toBe(a.join('/') === b.join('/'));
          expect(matchFilePattern(pat(['**', ...a].join('/')), [...b, ...a].join('/'))).toBe(true);
        },
      ),
    );
  });

  it('stays fast on many ** segments', () => {
    const p = pat(Array.from({ length: 30 }, () => '**').join('/') + '/x');
    expect(matchFilePattern(p, Array.from({ length: 60 }, () => 'a').join('/'))).toBe(false);
  });
});
