// One-off scaffolding helper kept for reference: writes a package.json with the house exports map.
// Usage: node scripts/gen-package-json.mjs <dir> <name> <description> [subpath ...]
import { writeFileSync } from 'node:fs';

const [dir, name, description, ...subpaths] = process.argv.slice(2);
const entry = (src, out) => ({
  '@warrant/source': `./src/${src}.ts`,
  import: { types: `./dist/${out}.d.ts`, default: `./dist/${out}.js` },
  require: { types: `./dist/${out}.d.cts`, default: `./dist/${out}.cjs` },
});
const exports = { '.': entry('index', 'index') };
for (const sp of subpaths) exports[`./${sp}`] = entry(`${sp}/index`, `${sp}/index`);
exports['./package.json'] = './package.json';
const pkg = {
  name,
  version: '0.1.0',
  description,
  license: 'Apache-2.0',
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.19' },
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  exports,
  files: ['dist', 'src', 'README.md'],
  scripts: { build: 'tsup' },
  publishConfig: { access: 'public', provenance: true },
};
writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + '\n');
