import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '@warrant/core';
import { EXTERNAL_AUDITOR_PROFILE, INTERNAL_PROFILE } from '../../src/redact/builtin';
import { redactFiles, type RedactionFile } from '../../src/redact/engine';
import { REDACTION_PROFILE_SCHEMA, type RedactionProfile } from '../../src/redact/profile';
import { APPROVER, file, KEY_A, lines, OWNER, samplePack, text } from './fixtures';

const profile = (rules: RedactionProfile['rules']): RedactionProfile => ({
  schema: REDACTION_PROFILE_SCHEMA,
  name: 'test',
  rules,
});
const run = (files: RedactionFile[], p: RedactionProfile) => {
  const r = redactFiles(files, p, { pseudonymKey: KEY_A });
  if (E.isLeft(r)) throw new Error(`${r.left.code} ${r.left.path}: ${r.left.message}`);
  return new Map(r.right.files.map((f) => [f.path, utf8Decode(f.bytes) ?? '']));
};
const error = (files: RedactionFile[], p: RedactionProfile) => {
  const r = redactFiles(files, p, { pseudonymKey: KEY_A });
  if (E.isRight(r)) throw new Error('expected an error');
  return r.left;
};

describe('redactFiles', () => {
  it('internal keeps every byte', () => {
    const files = samplePack();
    const r = redactFiles(files, INTERNAL_PROFILE, { pseudonymKey: KEY_A });
    expect(E.isRight(r) && r.right.files.map((f) => [f.path, utf8Decode(f.bytes)])).toEqual(
      [...files]
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map((f) => [f.path, utf8Decode(f.bytes)]),
    );
    expect(E.isRight(r) && r.right.record.profile).toBe('internal');
  });

  it('external-auditor pseudonymizes people everywhere, masks locations, drops raw documents', () => {
    const out = run(samplePack(), EXTERNAL_AUDITOR_PROFILE);
    expect([...out.keys()]).toEqual([
      'VERIFY.md',
      'exceptions/exceptions.jsonl',
      'findings/findings.jsonl',
      'verdict/verdict.json',
    ]);
    const all = [...out.values()].join('\n');
    for (const secret of [
      OWNER,
      APPROVER,
      's3cr3t-token-value',
      '/srv/internal',
      'jira.corp.example',
    ]) {
      expect(all).not.toContain(secret);
    }
    const exc = JSON.parse(out.get('exceptions/exceptions.jsonl') ?? '');
    const verdict = JSON.parse(out.get('verdict/verdict.json') ?? '');
    expect(exc.owner).toMatch(/^pseud:[0-9a-f]{32}$/);
    // One value, one pseudonym: the owner in the verdict and inside the rationale match.
    expect(verdict.applied[0].owner).toBe(exc.owner);
    expect(exc.requester).toBe(exc.owner);
    expect(exc.rationale).toBe(`Accepted by ${exc.owner} until the vendor ships a fix`);
    expect(exc.approvers[0].role).toBe('security');
    expect(exc.links[0].ref).toBe('[REDACTED]');
    expect(exc.expires_at).toBe('2026-06-01T00:00:00Z');
  });

  it('drops members, array elements, JSON Lines lines and whole files', () => {
    const out = run(
      [
        file('a.json', {
          keep: 1,
          gone: { x: 'inner-secret' },
          list: ['k', 'dropme-please', 'k2'],
        }),
        lines('b.jsonl', [{ n: 1 }, { n: 2 }, { n: 3 }]),
        file('c.json', { x: 1 }),
      ],
      profile([
        { files: ['a.json'], paths: ['$.gone', '$.list[1]'], action: 'drop' },
        { files: ['b.jsonl'], paths: ['$'], action: 'drop' },
        { files: ['c.json'], paths: ['$'], action: 'drop' },
      ]),
    );
    expect(out.get('a.json')).toBe('{"keep":1,"list":["k","k2"]}');
    expect(out.get('b.jsonl')).toBe('');
    expect(out.has('c.json')).toBe(false);
  });

  it('the most destructive action wins, and a selected node carries its descendants', () => {
    const out = run(
      [file('a.json', { o: { id: 'someone-x', note: 'n' }, v: 'value-one' })],
      profile([
        { files: ['a.json'], paths: ['$.o', '$.v'], action: 'pseudonymize' },
        { files: ['a.json'], paths: ['$.o.id', '$.v'], action: 'mask' },
      ]),
    );
    const a = JSON.parse(out.get('a.json') ?? '');
    expect(a.v).toBe('[REDACTED]');
    expect(a.o).toMatch(/^pseud:/);
  });

  it('a value masked anywhere is masked everywhere, also inside longer strings', () => {
    const out = run(
      [
        file('a.json', { host: 'db01.corp.example' }),
        file('b.json', { text: 'connect to db01.corp.example now', exact: 'db01.corp.example' }),
      ],
      profile([{ files: ['a.json'], paths: ['$.host'], action: 'mask' }]),
    );
    expect(out.get('b.json')).toBe('{"exact":"[REDACTED]","text":"connect to [REDACTED] now"}');
  });

  it('short values are replaced only where a whole string equals them', () => {
    const out = run(
      [file('a.json', { who: 'bob' }), file('b.json', { who: 'bob', t: 'bobby' })],
      profile([{ files: ['a.json'], paths: ['$.who'], action: 'mask' }]),
    );
    expect(out.get('b.json')).toBe('{"t":"bobby","who":"[REDACTED]"}');
  });

  it('refuses output where a redacted value survives (member name, signed payload, text file, path)', () => {
    const p = profile([{ files: ['a.json'], paths: ['$.v'], action: 'mask' }]);
    const v = 'very-secret-name';
    const cases: RedactionFile[][] = [
      [file('a.json', { v }), file('b.json', { [v]: 1 })],
      [file('a.json', { v }), file('b.json', { payloadType: 't', payload: btoa(`{"x":"${v}"}`) })],
      [file('a.json', { v }), text('notes.txt', `see ${v}`)],
      [file('a.json', { v }), text(`dir/${v}.txt`, 'x')],
      [file('a.json', { v }), text('bin.dat', `\u00ff\u00fe${v}`)],
    ];
    for (const files of cases) {
      const e = error(files, p);
      expect(e.code).toBe('PACK_REDACTION_RESIDUE');
      expect(e.message).toContain('a.json $.v');
      expect(`${e.message} ${e.path}`.includes(v) && !e.path?.startsWith('dir/')).toBe(false);
    }
  });

  it('refuses a .json file a rule with paths matches but that is not JSON', () => {
    const e = error(
      [text('a.json', '{"a":'), text('b.jsonl', '{"a":1}\n\n')],
      profile([{ files: ['*.json', '*.jsonl'], paths: ['$.a'], action: 'mask' }]),
    );
    expect(e).toMatchObject({ code: 'PACK_REDACTION_FILE_NOT_JSON', path: 'a.json' });
    const e2 = error(
      [text('b.jsonl', '{"a":1}\n\n{"a":2}\n')],
      profile([{ files: ['*.jsonl'], paths: ['$.a'], action: 'mask' }]),
    );
    expect(e2.code).toBe('PACK_REDACTION_FILE_NOT_JSON');
    expect(e2.message).toContain('line 2');
  });

  it('leaves non-JSON files and unparsable files no rule selects in alone', () => {
    const out = run(
      [text('a.json', 'not json'), text('b.md', '# hi')],
      profile([{ files: ['other.json'], paths: ['$.a'], action: 'mask' }]),
    );
    expect(out.get('a.json')).toBe('not json');
    expect(out.get('b.md')).toBe('# hi');
  });

  it('refuses duplicate paths and a reserved path', () => {
    expect(error([text('a', 'x'), text('a', 'y')], INTERNAL_PROFILE).code).toBe(
      'PACK_REDACTION_INPUT_INVALID',
    );
    const r = redactFiles([text('redaction/commitments.json', '{}')], INTERNAL_PROFILE, {
      pseudonymKey: KEY_A,
      commitmentKey: KEY_A,
    });
    expect(E.isLeft(r) && r.left.code).toBe('PACK_REDACTION_INPUT_INVALID');
  });

  it('keeps __proto__ members as data', () => {
    const out = run(
      [{ path: 'a.json', bytes: utf8Encode('{"__proto__":{"owner":"proto-owner-1"},"x":1}') }],
      profile([{ files: ['a.json'], paths: ['$..owner'], action: 'mask' }]),
    );
    expect(out.get('a.json')).toBe('{"__proto__":{"owner":"[REDACTED]"},"x":1}');
  });
});
