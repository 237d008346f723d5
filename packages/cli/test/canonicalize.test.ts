import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8Encode } from '@warrant/core';
import { runCli } from './run-cli';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VECTORS = new URL('../../../conformance/canonical-json/', import.meta.url);

interface Vector {
  name: string;
  input: string;
  expected?: string;
  error?: string;
}
const load = (file: string): Vector[] =>
  (JSON.parse(readFileSync(new URL(file, VECTORS), 'utf8')) as { cases: Vector[] }).cases;

/** Runs `warrant <argv>` in-process with `stdin` as standard input. */
const warrant = async (argv: string[], stdin: Uint8Array | string) => {
  const r = await runCli(argv, ROOT, stdin);
  return { code: r.code, stdout: toHex(r.stdoutBytes), stderr: r.stderr };
};

describe('warrant canonicalize (in-process)', () => {
  it('writes the RFC 8785 bytes, and nothing else, for every accept vector', async () => {
    for (const file of ['rfc8785.json', 'generated.json']) {
      for (const v of load(file)) {
        const r = await warrant(['canonicalize'], v.input);
        expect({ name: v.name, ...r }).toEqual({
          name: v.name,
          code: 0,
          stdout: v.expected,
          stderr: '',
        });
      }
    }
  });

  it('exits 2 with one line naming the code for every reject vector', async () => {
    for (const [file, decode] of [
      ['rejects.json', utf8Encode],
      ['rejects-bytes.json', (hex: string) => fromHex(hex) as Uint8Array],
    ] as const) {
      for (const v of load(file)) {
        const r = await warrant(['canonicalize'], decode(v.input));
        expect(r.code, v.name).toBe(2);
        expect(r.stdout, v.name).toBe('');
        expect(r.stderr, v.name).toMatch(new RegExp(`^warrant canonicalize: ${v.error} at \\$`));
        expect(r.stderr.indexOf('\n'), v.name).toBe(r.stderr.length - 1);
      }
    }
  });

  it('names the path, line and column of the problem', async () => {
    const r = await warrant(['canonicalize'], '{\n  "a": {"b": 1, "b": 2}\n}');
    expect(r.stderr).toBe(
      'warrant canonicalize: CORE_JSON_DUPLICATE_KEY at $.a.b: duplicate member name "b" (line 2, column 17, offset 18)\n',
    );
  });

  it('keeps the line short for very deep paths', async () => {
    const r = await warrant(['canonicalize'], '['.repeat(5000));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^warrant canonicalize: CORE_JSON_TOO_DEEP at \$\[0\]\[0\].*…/);
    expect(r.stderr.length).toBeLessThan(300);
  });

  it('honours --max-bytes and --max-depth, and refuses bad arguments', async () => {
    expect((await warrant(['canonicalize', '--max-depth', '1'], '[[1]]')).stderr).toMatch(
      /CORE_JSON_TOO_DEEP/,
    );
    expect((await warrant(['canonicalize', '--max-depth=2'], '[[1]]')).stdout).toBe(
      toHex(utf8Encode('[[1]]')),
    );
    expect((await warrant(['canonicalize', '--max-bytes', '4'], '[1,2]')).stderr).toMatch(
      /CORE_JSON_TOO_LARGE/,
    );
    for (const args of [['--max-depth'], ['--max-depth', '-1'], ['--max-bytes=x'], ['extra']]) {
      const r = await warrant(['canonicalize', ...args], '1');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^warrant canonicalize: /);
    }
  });

  it('prints help with exit 0', async () => {
    const r = await warrant(['canonicalize', '--help'], '');
    expect(r.code).toBe(0);
    expect(Buffer.from(fromHex(r.stdout) as Uint8Array).toString()).toMatch(/RFC 8785/);
  });
});

describe('warrant canonicalize (real process)', () => {
  const spawn = (stdin: Uint8Array) =>
    spawnSync(
      process.execPath,
      [
        '--conditions=@warrant/source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'canonicalize',
      ],
      { cwd: ROOT, input: stdin, timeout: 60_000 },
    );

  it('writes exact bytes with no trailing newline and exits 0', () => {
    const input = readFileSync(
      new URL('upstream/cyberphone-json-canonicalization/testdata/input/weird.json', VECTORS),
    );
    const expected = readFileSync(
      new URL('upstream/cyberphone-json-canonicalization/testdata/output/weird.json', VECTORS),
    );
    const r = spawn(input);
    expect(r.status).toBe(0);
    expect(r.stderr.toString()).toBe('');
    expect(toHex(r.stdout)).toBe(toHex(expected));
  });

  it('exits 2 with a one-line message on bad input', () => {
    const r = spawn(utf8Encode('{"a":1,"a":2}'));
    expect(r.status).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr.toString()).toMatch(
      /^warrant canonicalize: CORE_JSON_DUPLICATE_KEY at \$\.a: [^\n]*\n$/,
    );
  });
});
