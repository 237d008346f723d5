// Cross-check with another implementation, as nanotar does: GNU tar lists exactly our entries
// with our metadata and extracts the same content.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { compareArchivePaths, writeArchive } from '@warrant/pack';
import { onPath, requireTool } from '../../../../test-support/system-tool';

const hasTar = onPath('tar');
const work = mkdtempSync(join(tmpdir(), 'warrant-gnutar-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const entries = [
  { path: 'manifest.json', bytes: new TextEncoder().encode('{"version":1}\n') },
  {
    path: 'sboms/app.cdx.json',
    bytes: new TextEncoder().encode('{"bomFormat":"CycloneDX"}'.repeat(40)),
  },
  { path: 'sboms/ünïcødé.json', bytes: new TextEncoder().encode('{}') },
  { path: 'empty', bytes: new Uint8Array(0) },
  { path: `${'deep/'.repeat(25)}${'n'.repeat(90)}`, bytes: new Uint8Array(513).fill(7) },
];

describe.runIf(requireTool(hasTar, 'GNU tar'))('GNU tar reads our archives', () => {
  const built = writeArchive(entries);
  if (E.isLeft(built)) throw new Error(built.left.message);
  const file = join(work, 'pack.tar.gz');
  writeFileSync(file, built.right);

  it('tar -tzvf lists exactly our entries, sorted, with mode 0644, owner 0/0 and mtime 0', () => {
    if (!hasTar) throw new Error('GNU tar is required under CI=true but is not installed');
    const run = spawnSync('tar', ['--numeric-owner', '-tzvf', file], {
      env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' },
      encoding: 'utf8',
    });
    // No warnings either (a lone zero block, a short read, an unknown header type…).
    expect([run.status, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trimEnd().split('\n');
    const sorted = [...entries].sort((a, b) => compareArchivePaths(a.path, b.path));
    expect(lines).toHaveLength(entries.length);
    lines.forEach((line, i) => {
      const e = sorted[i] as (typeof sorted)[number];
      const [mode, owner, size, date, time, ...name] = line.split(/\s+/);
      expect([mode, owner, Number(size), date, time, name.join(' ')]).toEqual([
        '-rw-r--r--',
        '0/0',
        e.bytes.length,
        '1970-01-01',
        '00:00',
        e.path,
      ]);
    });
  });

  it('tar -xzf reproduces every file', () => {
    if (!hasTar) throw new Error('GNU tar is required under CI=true but is not installed');
    const out = join(work, 'x');
    execFileSync('mkdir', ['-p', out]);
    const run = spawnSync('tar', ['-xzf', file, '-C', out], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    for (const e of entries) {
      expect(Buffer.from(readFileSync(join(out, e.path))).equals(Buffer.from(e.bytes))).toBe(true);
    }
  });
});
