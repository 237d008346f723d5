// `warrant pack sign`: signs an unsigned pack (the result equals the pack built signed),
// countersigns with --add (both keys verify, threshold 2), refuses a pack that does not verify
// (exit 1, nothing written) and bad arguments (exit 2).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SigningKey } from '@warrant/core';
import { runCli } from './run-cli';
import { buildPackBytes } from '@warrant/pack';
import { artifactInput, KEY_B_PEM, KEY_PEM, loadKey, right } from '../../pack/test/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'warrant-cli-pack-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warrant = (argv: string[]) => runCli(argv, dir);

let a: SigningKey;
let b: SigningKey;
let signedA: Uint8Array;
beforeAll(async () => {
  a = await loadKey();
  b = await loadKey(KEY_B_PEM);
  const input = await artifactInput(a);
  writeFileSync(join(dir, 'a.pem'), KEY_PEM);
  writeFileSync(join(dir, 'b.pem'), KEY_B_PEM);
  writeFileSync(join(dir, 'a.pub.pem'), a.publicKeyPem);
  writeFileSync(join(dir, 'b.pub.pem'), b.publicKeyPem);
  writeFileSync(join(dir, 'unsigned.tar.gz'), right(await buildPackBytes(input)).bytes);
  signedA = right(await buildPackBytes(input, { signers: [a.signer] })).bytes;
}, 60_000);

describe('warrant pack sign', () => {
  it('signs an unsigned pack: the same bytes as building it signed', async () => {
    const r = await warrant([
      'pack',
      'sign',
      'unsigned.tar.gz',
      '--sign-key',
      'a.pem',
      '--out',
      's.tar.gz',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`signed by    ${a.keyid}`);
    expect(readFileSync(join(dir, 's.tar.gz')).equals(Buffer.from(signedA))).toBe(true);
  });

  it('countersigns with --add, in place', async () => {
    writeFileSync(join(dir, 'c.tar.gz'), signedA);
    const r = await warrant([
      'pack',
      'sign',
      'c.tar.gz',
      '--sign-key',
      'b.pem',
      '--add',
      '--out',
      'c.tar.gz',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).keyids).toEqual([a.keyid, b.keyid].sort());
    const v = await warrant([
      'pack',
      'verify',
      'c.tar.gz',
      '--key',
      'a.pub.pem',
      '--key',
      'b.pub.pem',
      '--threshold',
      '2',
      '--json',
    ]);
    expect([v.code, JSON.parse(v.stdout).signer_keyids]).toEqual([0, [a.keyid, b.keyid].sort()]);
  });

  it('refuses a pack that does not verify (exit 1, nothing written) and bad arguments (exit 2)', async () => {
    const bad = signedA.slice();
    bad[bad.length - 5] = (bad[bad.length - 5] as number) ^ 1;
    writeFileSync(join(dir, 'bad.tar.gz'), bad);
    const r = await warrant([
      'pack',
      'sign',
      'bad.tar.gz',
      '--sign-key',
      'a.pem',
      '--out',
      'o.tar.gz',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PACK_ARCHIVE_GZIP_CHECKSUM');
    expect(existsSync(join(dir, 'o.tar.gz'))).toBe(false);
    expect(existsSync(join(dir, 'o.tar.gz.partial'))).toBe(false);
    expect((await warrant(['pack', 'sign', 'bad.tar.gz', '--out', 'o.tar.gz'])).code).toBe(2);
    expect(
      (await warrant(['pack', 'sign', 'none.tar.gz', '--sign-key', 'a.pem', '--out', 'o'])).code,
    ).toBe(2);
  });
});
