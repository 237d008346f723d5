import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  builtinProfile,
  EXTERNAL_AUDITOR_PROFILE,
  INTERNAL_PROFILE,
} from '../../src/redact/builtin';
import {
  decodeRedactionProfile,
  redactionProfileDigest,
  REDACTION_PROFILE_SCHEMA,
} from '../../src/redact/profile';

const base = { schema: REDACTION_PROFILE_SCHEMA, name: 'custom' };
const issues = (input: unknown) => {
  const r = decodeRedactionProfile(input);
  if (E.isRight(r)) throw new Error('expected a refusal');
  expect(r.left.code).toBe('PACK_REDACTION_PROFILE_INVALID');
  return r.left.issues.map((i) => [i.path, i.message]);
};

describe('decodeRedactionProfile', () => {
  it('accepts the built-in profiles as data (they round-trip)', () => {
    for (const p of [INTERNAL_PROFILE, EXTERNAL_AUDITOR_PROFILE]) {
      const json = JSON.parse(JSON.stringify(p));
      expect(decodeRedactionProfile(json)).toEqual(E.right(p));
    }
  });

  it('names the path of every problem in a hostile profile', () => {
    const found = issues({
      ...base,
      name: 'Bad Name',
      extra: 1,
      rules: [
        { files: ['a//b'], paths: ['$.a[-1]'], action: 'mask' },
        { files: [], action: 'explode' },
        { files: ['x'], action: 'mask' },
        { files: ['x'], paths: [], action: 'drop', more: true },
        'not a rule',
      ],
    });
    const paths = found.map(([p]) => p);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.name',
        '$.extra',
        '$.rules[0].files[0]',
        '$.rules[0].paths[0]',
        '$.rules[1].files',
        '$.rules[1].action',
        '$.rules[2].action',
        '$.rules[3].paths',
        '$.rules[3].more',
        '$.rules[4]',
      ]),
    );
    expect(found.find(([p]) => p === '$.rules[0].paths[0]')?.[1]).toMatch(/offset 4/);
  });

  it('refuses a wrong schema, non-objects and lone surrogates', () => {
    expect(issues({ ...base, schema: 'x', rules: [] })[0]?.[0]).toBe('$.schema');
    expect(issues(null)[0]?.[0]).toBe('$');
    expect(issues({ ...base, rules: [{ files: ['\ud800'], action: 'drop' }] })[0]?.[0]).toBe(
      '$.rules[0].files[0]',
    );
    expect(
      issues({
        ...base,
        rules: [{ files: ['x'], paths: ["$['\ud800']"], action: 'drop' }],
      })[0]?.[0],
    ).toBe('$.rules[0].paths[0]');
  });

  it('digests profiles by canonical JSON', () => {
    const a = redactionProfileDigest(EXTERNAL_AUDITOR_PROFILE);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(redactionProfileDigest(INTERNAL_PROFILE)).not.toBe(a);
    const { rules, ...rest } = EXTERNAL_AUDITOR_PROFILE;
    const reordered = JSON.parse(JSON.stringify({ rules, ...rest }));
    const decoded = decodeRedactionProfile(reordered);
    expect(E.isRight(decoded) && redactionProfileDigest(decoded.right)).toBe(a);
  });

  it('looks up built-in profiles by name', () => {
    expect(builtinProfile('internal')).toEqual(E.right(INTERNAL_PROFILE));
    expect(builtinProfile('external-auditor')).toEqual(E.right(EXTERNAL_AUDITOR_PROFILE));
    const r = builtinProfile('nope');
    expect(E.isLeft(r) && r.left.code).toBe('PACK_REDACTION_PROFILE_UNKNOWN');
  });
});
