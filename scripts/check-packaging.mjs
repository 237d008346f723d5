// Packaging is tested, not assumed (zod-style). For every workspace package:
//   1. publint on the package folder (exports map, files, types order);
//   2. attw --pack (types resolve for node10/node16 CJS+ESM and bundlers);
// then, for every browser-safe package, an esbuild bundle for the browser platform that must not
// contain `node:` specifiers, Buffer, process or require (MUST_NOT_APPEAR).
// Run after `npm run build`. Exits non-zero on the first category of failure, after printing all.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const PACKAGES = ['core', 'policy', 'formats', 'storage-adapters', 'pack', 'cli'];
// Browser-safe entry points: [package name, subpath]. Node-only subpaths (./fs, ./postgres,
// ./node) and the CLI are deliberately absent.
const BROWSER_ENTRIES = [
  ['@warrant/core', ''],
  ['@warrant/policy', ''],
  ['@warrant/formats', ''],
  ['@warrant/pack', ''],
  ['@warrant/storage-adapters', ''],
  ['@warrant/storage-adapters', '/memory'],
];
// Ceilings on minified browser bundle bytes, so an accidental heavy import is noticed. The core
// ceiling covers @noble/hashes, fp-ts/io-ts runtime, packageurl-js and @peculiar/webcrypto's
// fallback is NOT bundled (core only references globalThis.crypto); raise deliberately.
const SIZE_CEILING = { '@warrant/core': 600_000 };

const MUST_NOT_APPEAR = [
  [/["'`]node:[a-z_/]+["'`]/, 'a node: import'],
  [/\bBuffer\s*\.\s*(from|alloc|isBuffer|concat|byteLength)\b/, 'Buffer'],
  [/\bprocess\s*\.\s*(env|argv|platform|versions|cwd|exit|stdout|stderr|nextTick)\b/, 'process'],
  [/(?<![.\w$])require\s*\(\s*["'`]/, 'require()'],
];

const failures = [];
const run = (cmd, args, cwd) => {
  try {
    return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    failures.push(`${cmd} ${args.join(' ')} in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    return '';
  }
};

for (const p of PACKAGES) {
  const dir = join('packages', p);
  process.stdout.write(`publint ${p} ... `);
  const out = run('npx', ['--no-install', 'publint', '--strict'], dir);
  console.log(out.includes('All good') || out.trim() === '' ? 'ok' : `\n${out}`);
  process.stdout.write(`attw ${p} ... `);
  // cli has no importable API (a bin only): attw checks its types are absent-but-harmless.
  // node16 profile: subpath exports cannot resolve under TypeScript's legacy node10 mode, and we
  // require Node >= 20.19 (and TypeScript moduleResolution node16/nodenext/bundler) anyway.
  const attwArgs = [
    '--no-install',
    'attw',
    '--pack',
    '.',
    '--format',
    'ascii',
    '--profile',
    'node16',
  ];
  if (p === 'cli') attwArgs.push('--entrypoints', '.');
  const attw = run('npx', attwArgs, dir);
  console.log(attw ? 'ok' : 'FAILED');
}

const work = mkdtempSync(join(tmpdir(), 'warrant-bundle-'));
try {
  for (const [name, sub] of BROWSER_ENTRIES) {
    const entry = join(work, 'entry.mjs');
    writeFileSync(entry, `export * from '${name}${sub}';\n`);
    const outfile = join(work, 'out.js');
    try {
      await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        minify: true,
        outfile,
        logLevel: 'silent',
        absWorkingDir: process.cwd(),
        nodePaths: [join(process.cwd(), 'node_modules')],
      });
    } catch (e) {
      failures.push(`browser bundle of ${name}${sub} failed: ${e.message}`);
      continue;
    }
    const text = readFileSync(outfile, 'utf8');
    const bad = MUST_NOT_APPEAR.filter(([re]) => re.test(text)).map(([, what]) => what);
    const ceiling = SIZE_CEILING[name];
    const size = Buffer.byteLength(text);
    if (bad.length > 0)
      failures.push(`browser bundle of ${name}${sub} contains: ${bad.join(', ')}`);
    if (ceiling !== undefined && size > ceiling) {
      failures.push(
        `browser bundle of ${name}${sub} is ${size} bytes, over its ceiling of ${ceiling}`,
      );
    }
    console.log(`browser bundle ${name}${sub}: ${size} bytes${bad.length ? ' (FAIL)' : ' ok'}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\npackaging checks failed:\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log('packaging checks passed');
