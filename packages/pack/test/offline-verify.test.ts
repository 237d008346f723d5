// A third party with no Warrant software: GNU tar extracts the pack, `sha256sum -c SHA256SUMS`
// passes, and the VERIFY.md shell steps (jq, coreutils, OpenSSL) accept it and reject tampering.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8Decode, type SigningKey } from '@warrant/core';
import { buildPackBytes, VERIFY_MD } from '@warrant/pack';
import { onPath, requireTool } from '../../../test-support/system-tool';
import { artifactInput, loadKey, right } from './fixtures';

const tools = ['tar', 'sha256sum', 'jq', 'openssl'].every(onPath);
const work = mkdtempSync(join(tmpdir(), 'warrant-offline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The fenced shell lines of a VERIFY.md section (indented by four spaces).
const section = (n: number): string => {
  const text = utf8Decode(VERIFY_MD) ?? '';
  const start = text.indexOf(`## ${n}.`);
  const end = text.indexOf('\n## ', start + 1);
  return text
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('    '))
    .map((l) => l.slice(4))
    .join('\n');
};

const sh = (script: string, cwd: string) =>
  spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });

describe.runIf(requireTool(tools, 'GNU tar, sha256sum, jq and openssl'))(
  'offline verification',
  () => {
    let key: SigningKey;
    let dir: string;
    beforeAll(async () => {
      key = await loadKey();
      const pack = right(
        await buildPackBytes(await artifactInput(key), { signers: [key.signer] }),
      ).bytes;
      dir = join(work, 'pack');
      mkdirSync(dir);
      writeFileSync(join(work, 'pack.tar.gz'), pack);
      writeFileSync(join(work, 'key.pub.pem'), key.publicKeyPem);
      execFileSync('tar', ['-xzf', join(work, 'pack.tar.gz'), '-C', dir]);
    });

    it('GNU tar extracts it and sha256sum -c SHA256SUMS passes for every file', () => {
      const r = sh('sha256sum -c --strict SHA256SUMS', dir);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout.trim().split('\n')).toHaveLength(15);
      expect(r.stdout).not.toMatch(/FAILED/);
    });

    it('the VERIFY.md steps 2-4 succeed as written', () => {
      for (const n of [2, 3]) {
        const r = sh(section(n), dir);
        expect([n, r.status, r.stdout, r.stderr]).toEqual([n, 0, expect.any(String), '']);
      }
      const r = sh(
        section(4)
          .split('\n')
          .filter((l) => !l.includes('openssl dgst'))
          .join('\n')
          .replace(/key\.pub\.pem/g, '../key.pub.pem'),
        dir,
      );
      expect([r.status, r.stdout.trim()]).toEqual([0, 'Signature Verified Successfully']);
    });

    it('sha256sum -c and the signature step fail on a tampered copy', () => {
      const copy = join(work, 'tampered');
      execFileSync('cp', ['-r', dir, copy]);
      writeFileSync(join(copy, 'verdict/verdict.json'), '{"outcome":"pass!"}');
      expect(sh('sha256sum -c --quiet SHA256SUMS', copy).status).not.toBe(0);
      writeFileSync(join(copy, 'manifest.json'), '{}');
      const r = sh(
        section(4)
          .split('\n')
          .filter((l) => !l.includes('openssl dgst'))
          .join('\n')
          .replace(/key\.pub\.pem/g, '../key.pub.pem'),
        copy,
      );
      expect(r.status).not.toBe(0);
    });
  },
);
