import { defineConfig } from 'tsup';

// The platform seam (#platform/file-digest) stays an import in dist so each runtime picks its
// file through package.json "imports" conditions at load time.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    'platform/file-digest.node': 'src/platform/file-digest.node.ts',
    'platform/file-digest.web': 'src/platform/file-digest.web.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
  clean: true,
  splitting: false,
  treeshake: true,
  target: 'es2022',
  // Sibling packages and dependencies stay imports; only this package's own code is bundled.
  external: [/^@warrant\//, /^#platform\//],
});
