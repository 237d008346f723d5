// `warrant pack build --redact … --redaction-key … [--commitment-key …]` and `--previous PACK`:
// the redacted pack records its profile and digest and verifies; the pack built against a
// previous one names it in the manifest and carries diff/diff.json; bad uses exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '@warrant/core';
import { runCli } from './run-cli';
import type * as E from 'fp-ts/lib/Either.js';
import { EXTERNAL_AUDITOR_PROFILE, redactionProfileDigest } from '@warrant/pack';
import { ARTIFACT, AT, eventLog, FINDINGS, loadKey, SBOM } from '../../pack/test/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'warrant-cli-pack-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warrant = (argv: string[]) => runCli(argv, dir);
const write = (name: string, content: string | Uint8Array) =>
  writeFileSync(join(dir, name), content);
const jsonl = (values: unknown[]) =>
  values.map((v) => (canonicalize(v) as E.Right<string>).right).join('\n') + '\n';
const build = (out: string, ...more: string[]) =>
  warrant(['pack', 'build', 'spec.json', '--out', out, '--generated-at', AT, '--json', ...more]);

beforeAll(async () => {
  const log = await eventLog(await loadKey());
  write('app.cdx.json', SBOM);
  write('governance.json', '{"version":1}');
  write('settings.json', '{"environment":"prod"}');
  write('findings.jsonl', jsonl(FINDINGS));
  write('exceptions.jsonl', jsonl(log.exceptions));
  write('events.jsonl', log.events);
  write('checkpoint.dsse.json', JSON.stringify(log.checkpoint));
  write('verdict.json', '{"outcome":"pass"}');
  write('pseudonym.key', `${'07'.repeat(32)}\n`);
  write('commit.key', '03'.repeat(32));
  write('short.key', '07');
  write('profile.json', JSON.stringify({ ...EXTERNAL_AUDITOR_PROFILE, name: 'my-auditor' }));
  write(
    'spec.json',
    JSON.stringify({
      kind: 'artifact',
      subject: { artifacts: [{ digest: ARTIFACT, name: 'alpine' }] },
      sboms: ['app.cdx.json'],
      policy: { bundle: ['governance.json'], settings: 'settings.json' },
      findings: 'findings.jsonl',
      exceptions: 'exceptions.jsonl',
      event_log: { events: 'events.jsonl', checkpoint: 'checkpoint.dsse.json' },
      verdict: 'verdict.json',
    }),
  );
}, 60_000);

describe('warrant pack build --redact', () => {
  it('a built-in profile by name: the manifest records it and its digest; the pack verifies', async () => {
    const r = await build(
      'red.tar.gz',
      '--redact',
      'external-auditor',
      '--redaction-key',
      'pseudonym.key',
      '--commitment-key',
      'commit.key',
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    const m = JSON.parse(r.stdout);
    expect([m.profile, m.profile_digest]).toEqual([
      'external-auditor',
      redactionProfileDigest(EXTERNAL_AUDITOR_PROFILE),
    ]);
    expect(m.files.map((f: { path: string }) => f.path)).toContain('redaction/commitments.json');
    expect((await warrant(['pack', 'verify', 'red.tar.gz'])).code).toBe(0);
  });

  it('a profile file', async () => {
    const r = await build(
      'mine.tar.gz',
      '--redact',
      'profile.json',
      '--redaction-key',
      'pseudonym.key',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toBe('my-auditor');
  });

  it('exits 2 without a key, with a bad key, or with an unknown profile', async () => {
    expect((await build('x.tar.gz', '--redact', 'external-auditor')).code).toBe(2);
    const short = await build(
      'x.tar.gz',
      '--redact',
      'external-auditor',
      '--redaction-key',
      'short.key',
    );
    expect([short.code, short.stderr]).toEqual([2, expect.stringContaining('64 hex digits')]);
    expect(
      (await build('x.tar.gz', '--redact', 'public', '--redaction-key', 'pseudonym.key')).code,
    ).toBe(2);
    expect((await build('x.tar.gz', '--redaction-key', 'pseudonym.key')).code).toBe(2);
  });
});

describe('warrant pack build --previous', () => {
  it('names the previous pack in the manifest and adds diff/diff.json', async () => {
    const first = JSON.parse((await build('one.tar.gz')).stdout);
    const r = await build('two.tar.gz', '--previous', 'one.tar.gz');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.previous).toEqual({ pack_id: first.pack_id, merkle_root: first.merkle.root });
    expect(m.files.map((f: { path: string }) => f.path)).toContain('diff/diff.json');
    expect((await warrant(['pack', 'verify', 'two.tar.gz'])).code).toBe(0);
  });

  it('exits 2 when the previous pack is missing or does not verify', async () => {
    expect((await build('x.tar.gz', '--previous', 'none.tar.gz')).code).toBe(2);
    write('broken.tar.gz', 'not a pack');
    const r = await build('x.tar.gz', '--previous', 'broken.tar.gz');
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('does not verify')]);
  });
});
