/**
 * Builds the static verifier page: bundles verifier.ts (and the parts of @warrant/core and
 * @warrant/pack it uses) for the browser with esbuild and inlines the bundle into template.html.
 * Run: npx tsx docs/verify/build.ts [out.html]   (default: docs/verify/dist/verify.html)
 *
 * The page is built, not committed: nothing generated is kept in git, so it cannot drift from the
 * code; the Chromium tests (packages/pack/test/report/verify-page.test.ts) build it the same way.
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the page.
 * @returns the HTML text
 */
export const buildVerifyPage = async (): Promise<string> => {
  const out = await build({
    entryPoints: [join(here, 'verifier.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    conditions: ['@warrant/source'],
    write: false,
    logLevel: 'silent',
  });
  const js = out.outputFiles[0]?.text ?? '';
  // A literal "</script" inside the bundle would end the element early.
  const safe = js.replace(/<\/(script)/gi, '<\\/$1');
  const template = readFileSync(join(here, 'template.html'), 'utf8');
  return template.replace('/*BUNDLE*/', () => safe);
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2] ?? join(here, 'dist', 'verify.html');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await buildVerifyPage());
  process.stdout.write(`${target}\n`);
}
