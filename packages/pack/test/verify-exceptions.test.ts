// exceptions/exceptions.jsonl against the fold of the pack's own event-log slice (pack-v1
// section 9 step 10): the file must be exactly the versions the slice folds to as of
// generated_at; any line removed, added, duplicated or altered is PACK_EXCEPTIONS_MISMATCH.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode, type SigningKey } from '@warrant/core';
import { buildPackBytes, readArchive, verifyPack, type PackInput } from '@warrant/pack';
import { artifactInput, loadKey, right } from './fixtures';
import { repack } from './repack';

let key: SigningKey;
let input: PackInput;
let pack: Uint8Array;
let lines: string[];
beforeAll(async () => {
  key = await loadKey();
  input = await artifactInput(key);
  pack = right(await buildPackBytes(input)).bytes;
  const file = right(readArchive(pack)).find((e) => e.path === 'exceptions/exceptions.jsonl');
  lines = (utf8Decode(file?.bytes ?? new Uint8Array()) ?? '').split('\n').slice(0, -1);
}, 60_000);

const withExceptions = (text: string): Uint8Array =>
  repack(pack, { files: { 'exceptions/exceptions.jsonl': utf8Encode(text) } });
const codes = async (bytes: Uint8Array): Promise<string[]> => {
  const r = await verifyPack(bytes);
  return E.isLeft(r) ? r.left.failures.map((f) => `${f.code} ${f.path ?? ''}`) : [];
};
const MISMATCH = ['PACK_EXCEPTIONS_MISMATCH exceptions/exceptions.jsonl'];

describe('exceptions.jsonl is the fold of the event-log slice', () => {
  it('the built pack passes, and the repacking helper alone changes nothing', async () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(await codes(pack)).toEqual([]);
    expect(await codes(withExceptions(lines.map((l) => `${l}\n`).join('')))).toEqual([]);
  });

  it('refuses an empty file when the slice holds exceptions', async () => {
    const r = await verifyPack(withExceptions(''));
    expect(E.isLeft(r) && r.left.failures.map((f) => f.code)).toEqual(['PACK_EXCEPTIONS_MISMATCH']);
    expect(E.isLeft(r) && r.left.message).toMatch(/line 1 should be exc-1 version 1/);
  });

  it('refuses an altered status', async () => {
    const altered = lines.map((l) => `${l.replace('"status":"active"', '"status":"expired"')}\n`);
    expect(altered.join('')).not.toBe(lines.map((l) => `${l}\n`).join(''));
    expect(await codes(withExceptions(altered.join('')))).toEqual(MISMATCH);
  });

  it('refuses any removal, duplication or reordering of lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(lines.length * 2), { minLength: 0, maxLength: lines.length + 2 }),
        async (picks) => {
          const chosen = picks.map((i) => lines[i % lines.length] as string);
          fc.pre(chosen.join('\n') !== lines.join('\n'));
          const text = chosen.map((l) => `${l}\n`).join('');
          expect(await codes(withExceptions(text))).toEqual(MISMATCH);
        },
      ),
      { seed: 5, numRuns: 25 },
    );
  });

  it('is not checked without an event-log slice (nothing to fold)', async () => {
    const { eventLog: _log, ...rest } = input;
    const noLog = right(await buildPackBytes({ ...rest, exceptions: [] })).bytes;
    expect(await codes(noLog)).toEqual([]);
    const partial = repack(noLog, {
      files: { 'exceptions/exceptions.jsonl': utf8Encode(`${lines[0] ?? ''}\n`) },
    });
    expect(await codes(partial)).toEqual([]);
  });
});
