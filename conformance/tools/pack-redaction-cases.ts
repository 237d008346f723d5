/**
 * Hand-written inputs for conformance/pack/redaction (used by pack-redaction.ts): hostile profiles
 * and pack-shaped file sets with the profile to apply.
 * @module
 */
import { EXTERNAL_AUDITOR_PROFILE } from '@warrant/pack';

const S = 'warrant.redaction-profile/v1';
const profile = (rules: unknown[]): unknown => ({ schema: S, name: 'vector', rules });
const json = (path: string, value: unknown) => ({ path, text: JSON.stringify(value) });
const jsonl = (path: string, values: unknown[]) => ({
  path,
  text: values.map((v) => `${JSON.stringify(v)}\n`).join(''),
});

const OWNER = 'alice.owner@corp.example';

/** The cases. */
export const REDACTION_CASES = {
  badProfiles: [
    ['wrong schema', { schema: 'x', name: 'a', rules: [] }],
    ['unknown member', { schema: S, name: 'a', rules: [], extra: true }],
    ['bad name', { schema: S, name: 'A B', rules: [] }],
    ['mask without paths', profile([{ files: ['a.json'], action: 'mask' }])],
    ['empty files', profile([{ files: [], action: 'drop' }])],
    ['empty paths', profile([{ files: ['a'], paths: [], action: 'drop' }])],
    ['bad selector', profile([{ files: ['a'], paths: ['$.a[-1]'], action: 'mask' }])],
    ['bad pattern', profile([{ files: ['a//b'], action: 'drop' }])],
    ['unknown action', profile([{ files: ['a'], action: 'shred' }])],
    ['rule not an object', profile(['drop everything'])],
  ] as ReadonlyArray<[string, unknown]>,
  runs: [
    {
      name: 'external-auditor on a small pack',
      profile: EXTERNAL_AUDITOR_PROFILE,
      commit: true,
      files: [
        jsonl('exceptions/exceptions.jsonl', [
          {
            exception_id: 'exc-1',
            owner: OWNER,
            rationale: `Accepted by ${OWNER} until the vendor fix`,
            approvers: [
              { id: 'bob.approver@corp.example', role: 'security', at: '2026-01-02T00:00:00Z' },
            ],
            links: [{ kind: 'ticket', ref: 'SEC-1234' }],
          },
        ]),
        jsonl('exceptions/events.jsonl', [{ actor: { id: OWNER, kind: 'human' } }]),
        json('verdict/verdict.json', {
          outcome: 'pass',
          applied: [{ exception_id: 'exc-1', owner: OWNER }],
        }),
        jsonl('findings/findings.jsonl', [
          { locations: [{ path: '/srv/app/lib.so' }], artifact: { name: 'registry.corp/app' } },
        ]),
        { path: 'inputs/documents/scan.txt', text: 'token=abcdef123456' },
        { path: 'VERIFY.md', text: 'sha256sum -c SHA256SUMS\n' },
      ],
    },
    {
      name: 'internal keeps bytes (pretty JSON stays pretty)',
      profile: { schema: S, name: 'internal', rules: [] },
      commit: false,
      files: [{ path: 'a.json', text: '{ "b": 1,\n  "a": 2 }' }],
    },
    {
      name: 'drops members, elements and lines; masks a number',
      profile: profile([
        { files: ['a.json'], paths: ['$.gone', '$.list[1]', '$.n'], action: 'drop' },
        { files: ['a.json'], paths: ['$.n'], action: 'mask' },
        { files: ['b.jsonl'], paths: ['$'], action: 'drop' },
      ]),
      commit: false,
      files: [
        json('a.json', { keep: 1, gone: { x: 'y' }, list: [1, 2, 3], n: 5 }),
        jsonl('b.jsonl', [{ a: 1 }]),
      ],
    },
    {
      name: 'value propagation into other files and longer strings',
      profile: profile([{ files: ['a.json'], paths: ['$.host'], action: 'pseudonymize' }]),
      commit: false,
      files: [
        json('a.json', { host: 'db01.corp.example' }),
        json('b.json', { note: 'see db01.corp.example', h: 'db01.corp.example' }),
      ],
    },
    {
      name: 'residue in a member name is refused',
      profile: profile([{ files: ['a.json'], paths: ['$.host'], action: 'mask' }]),
      commit: false,
      files: [
        json('a.json', { host: 'db01.corp.example' }),
        json('b.json', { 'db01.corp.example': 1 }),
      ],
    },
    {
      name: 'residue in a signed payload is refused',
      profile: profile([{ files: ['a.json'], paths: ['$.host'], action: 'mask' }]),
      commit: false,
      files: [
        json('a.json', { host: 'db01.corp.example' }),
        json('b.dsse.json', {
          payloadType: 'x',
          payload: Buffer.from('{"h":"db01.corp.example"}').toString('base64'),
          signatures: [],
        }),
      ],
    },
    {
      name: 'a rule with paths on a .json file that is not JSON',
      profile: profile([{ files: ['*.json'], paths: ['$.a'], action: 'mask' }]),
      commit: false,
      files: [{ path: 'a.json', text: '{"a":' }],
    },
    {
      name: 'duplicate input paths',
      profile: profile([]),
      commit: false,
      files: [
        { path: 'a', text: '1' },
        { path: 'a', text: '2' },
      ],
    },
  ],
};
