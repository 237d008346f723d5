import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonStrict, utf8Encode } from '@warrant/core';
import { buildPackBytes, readArchive, writeArchive } from '@warrant/pack';
import { artifactInput, FINDINGS, loadKey } from '../../pack/test/fixtures';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'warrant-pack-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warrant = (args: string[]) => runCli(['pack', 'diff', ...args], dir);

beforeAll(async () => {
  const key = await loadKey();
  const input = await artifactInput(key);
  const older = await buildPackBytes({ ...input, findings: FINDINGS.slice(1) });
  const newer = await buildPackBytes({
    ...input,
    verdict: { outcome: 'fail', findings: [] },
    policy: { ...input.policy, settings: { changed: true } },
  });
  if (E.isLeft(older) || E.isLeft(newer)) throw new Error('build failed');
  writeFileSync(join(dir, 'old.tar.gz'), older.right.bytes);
  writeFileSync(join(dir, 'new.tar.gz'), newer.right.bytes);
  // A changed file inside an otherwise well-formed archive. (Flipping a compressed byte is not
  // always a change: some deflate bits do not affect the output.)
  const entries = readArchive(newer.right.bytes);
  if (E.isLeft(entries)) throw new Error('read failed');
  const tampered = writeArchive(
    entries.right.map((e) =>
      e.path === 'verdict/verdict.json'
        ? { path: e.path, bytes: utf8Encode('{"outcome":"pass"}') }
        : e,
    ),
  );
  if (E.isLeft(tampered)) throw new Error('write failed');
  writeFileSync(join(dir, 'tampered.tar.gz'), tampered.right);
}, 60_000);

describe('warrant pack diff', () => {
  it('prints the changes as text', async () => {
    const r = await warrant(['old.tar.gz', 'new.tar.gz']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('verdict: pass -> fail\n');
    expect(r.stdout).toContain('policy: changed\n  ~ policy/settings.json\n');
    expect(r.stdout).toMatch(/findings: 1 added, 0 removed, 0 changed status\n {2}\+ /);
  });

  it('prints the warrant.pack-diff/v1 document with --json', async () => {
    const r = await warrant(['--json', 'old.tar.gz', 'new.tar.gz']);
    expect(r.code).toBe(0);
    const doc = parseJsonStrict(utf8Encode(r.stdout.trimEnd()));
    expect(E.isRight(doc) && doc.right).toMatchObject({
      schema: 'warrant.pack-diff/v1',
      verdict: { old: 'pass', new: 'fail', changed: true },
    });
    const same = await warrant(['--json', 'new.tar.gz', 'new.tar.gz']);
    expect(same.stdout).toContain('"changed":false');
  });

  it('exits 1 when a pack does not verify, 2 on bad arguments or missing files', async () => {
    const t = await warrant(['old.tar.gz', 'tampered.tar.gz']);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/^warrant pack diff: tampered\.tar\.gz: does not verify: PACK_/);
    expect((await warrant(['old.tar.gz'])).code).toBe(2);
    expect((await warrant(['--color', 'a', 'b'])).code).toBe(2);
    expect((await warrant(['old.tar.gz', 'missing.tar.gz'])).code).toBe(2);
  });
});
