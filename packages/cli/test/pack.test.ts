// `warrant pack build|verify|inspect|prove|verify-proof` in-process, over files in a temp folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize, type SigningKey } from '@warrant/core';
import { runCli } from './run-cli';
import * as E from 'fp-ts/lib/Either.js';
import {
  AT,
  eventLog,
  FINDINGS,
  ARTIFACT,
  KEY_B_PEM,
  KEY_PEM,
  loadKey,
  SBOM,
} from '../../pack/test/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'warrant-cli-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warrant = (argv: string[]) => runCli(argv, dir);

const write = (name: string, content: string | Uint8Array) =>
  writeFileSync(join(dir, name), content);
const jsonl = (values: unknown[]) =>
  values
    .map((v) => (E.isRight(canonicalize(v)) ? (canonicalize(v) as E.Right<string>).right : ''))
    .join('\n') + '\n';

let key: SigningKey;
beforeAll(async () => {
  key = await loadKey();
  const log = await eventLog(key);
  write('key.pem', KEY_PEM);
  write('other.pem', KEY_B_PEM);
  write('key.pub.pem', key.publicKeyPem);
  write('other.pub.pem', (await loadKey(KEY_B_PEM)).publicKeyPem);
  write('app.cdx.json', SBOM);
  write('governance.json', '{"version":1}');
  write('settings.json', '{"environment":"prod"}');
  write('findings.jsonl', jsonl(FINDINGS));
  write('exceptions.jsonl', jsonl(log.exceptions));
  write('events.jsonl', log.events);
  write('checkpoint.dsse.json', JSON.stringify(log.checkpoint));
  write('verdict.json', '{"outcome":"pass"}');
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
});

describe('warrant pack', () => {
  it('build writes a signed pack that verify accepts with the key (exit 0) and reports the signer', async () => {
    const b = await warrant([
      'pack',
      'build',
      'spec.json',
      '--out',
      'p.tar.gz',
      '--generated-at',
      AT,
      '--sign-key',
      'key.pem',
    ]);
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(b.stdout).toContain('signed       yes');
    const v = await warrant(['pack', 'verify', 'p.tar.gz', '--key', 'key.pub.pem', '--json']);
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report).toMatchObject({
      verified: true,
      authenticity: 'verified',
      signer_keyids: [key.keyid],
      failures: [],
    });
    expect(report.event_log).toMatchObject({ events: 3, checkpointKeyids: [key.keyid] });
    const plain = await warrant(['pack', 'verify', 'p.tar.gz']);
    expect([plain.code, plain.stdout]).toEqual([
      0,
      expect.stringContaining('not checked (no --key)'),
    ]);
  });

  it('build is byte-identical on a second run', async () => {
    await warrant([
      'pack',
      'build',
      'spec.json',
      '--out',
      'q.tar.gz',
      '--generated-at',
      AT,
      '--sign-key',
      'key.pem',
    ]);
    expect(readFileSync(join(dir, 'q.tar.gz')).equals(readFileSync(join(dir, 'p.tar.gz')))).toBe(
      true,
    );
  });

  it('verify exits 1 with codes for a wrong key or a tampered pack, 2 for unusable input', async () => {
    const wrong = await warrant(['pack', 'verify', 'p.tar.gz', '--key', 'other.pub.pem', '--json']);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).failures.map((f: { code: string }) => f.code)).toEqual([
      'PACK_SIGNATURE_INVALID',
      'PACK_STATEMENT_INVALID',
      'PACK_CHECKPOINT_INVALID',
    ]);
    const x = join(dir, 'x');
    mkdirSync(x);
    execFileSync('tar', ['-xzf', join(dir, 'p.tar.gz'), '-C', x]);
    writeFileSync(join(x, 'verdict/verdict.json'), '{"outcome":"fail"}');
    execFileSync('sh', [
      '-c',
      `cd ${x} && find . -type f | sed 's|^./||' | LC_ALL=C sort | tar --format=ustar -czf ../t.tar.gz -T -`,
    ]);
    const t = await warrant(['pack', 'verify', 't.tar.gz']);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/PACK_ARCHIVE_\w+/); // GNU tar's own headers are refused first
    expect((await warrant(['pack', 'verify', 'missing.tar.gz'])).code).toBe(2);
    const over = await warrant([
      'pack',
      'verify',
      'p.tar.gz',
      '--threshold',
      '2',
      '--key',
      'key.pub.pem',
    ]);
    expect([over.code, over.stderr]).toEqual([
      2,
      'warrant pack verify: --threshold 2 needs at least 2 --key\n',
    ]);
    const zero = await warrant(['pack', 'verify', 'p.tar.gz', '--threshold', '0']);
    expect([zero.code, zero.stderr]).toEqual([
      2,
      'warrant pack verify: --threshold expects a whole number >= 1, got "0"\n',
    ]);
    expect((await warrant(['pack', 'verify'])).code).toBe(2);
    const replay = await warrant(['pack', 'verify', 'p.tar.gz', '--replay']);
    expect([replay.code, replay.stdout]).toEqual([
      1,
      expect.stringContaining('PACK_REPLAY_FAILED'),
    ]);
  });

  it('inspect lists the files; prove + verify-proof check the verdict alone', async () => {
    const i = await warrant(['pack', 'inspect', 'p.tar.gz']);
    expect(i.code).toBe(0);
    expect(i.stdout).toContain('verdict/verdict.json');
    const p = await warrant([
      'pack',
      'prove',
      'p.tar.gz',
      'verdict/verdict.json',
      '--out',
      'proof.json',
      '--key',
      'key.pub.pem',
    ]);
    expect([p.code, p.stderr]).toEqual([0, '']);
    const y = join(dir, 'y');
    mkdirSync(y);
    execFileSync('tar', [
      '-xzf',
      join(dir, 'p.tar.gz'),
      '-C',
      y,
      'verdict/verdict.json',
      'signatures/manifest.dsse.json',
    ]);
    const ok = await warrant([
      'pack',
      'verify-proof',
      'y/verdict/verdict.json',
      'proof.json',
      'y/signatures/manifest.dsse.json',
      '--key',
      'key.pub.pem',
    ]);
    expect([ok.code, ok.stdout]).toEqual([
      0,
      expect.stringContaining('PROVEN verdict/verdict.json'),
    ]);
    write('forged.json', '{"outcome":"pass","forged":true}');
    const bad = await warrant([
      'pack',
      'verify-proof',
      'forged.json',
      'proof.json',
      'y/signatures/manifest.dsse.json',
      '--key',
      'key.pub.pem',
      '--json',
    ]);
    expect([bad.code, JSON.parse(bad.stdout).failure.code]).toEqual([
      1,
      'PACK_PROOF_FILE_MISMATCH',
    ]);
    const unlisted = await warrant(['pack', 'prove', 'p.tar.gz', 'nope.json']);
    expect([unlisted.code, unlisted.stderr]).toEqual([
      2,
      expect.stringMatching(/^warrant pack prove: PACK_\w+.*nope\.json/),
    ]);
    const over = await warrant([
      'pack',
      'verify-proof',
      'y/verdict/verdict.json',
      'proof.json',
      'y/signatures/manifest.dsse.json',
      '--key',
      'key.pub.pem',
      '--threshold',
      '3',
    ]);
    expect([over.code, over.stderr]).toEqual([
      2,
      'warrant pack verify-proof: --threshold 3 needs at least 3 --key\n',
    ]);
    const missing = await warrant(['pack', 'verify-proof', 'none.json', 'proof.json', 'm.json']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringMatching(/^warrant pack verify-proof: cannot read none\.json/),
    ]);
  });

  it('build refuses bad specs with exit 2 and a path', async () => {
    write(
      'bad.json',
      JSON.stringify({
        kind: 'artifact',
        subject: { artifacts: [] },
        policy: { bundle: [] },
        findings: 'findings.jsonl',
        verdict: 'verdict.json',
      }),
    );
    const r = await warrant([
      'pack',
      'build',
      'bad.json',
      '--out',
      'bad.tar.gz',
      '--generated-at',
      AT,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PACK_INPUT_INVALID/);
    const noTime = await warrant(['pack', 'build', 'spec.json', '--out', 'z.tar.gz']);
    expect([noTime.code, noTime.stderr]).toEqual([2, expect.stringContaining('generated_at')]);
  });
});
