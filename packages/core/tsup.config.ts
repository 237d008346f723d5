import { defineConfig } from 'tsup';

// The platform seam (#platform/sha256) stays an import in dist so each runtime picks its file
// through package.json "imports" conditions at load time.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'platform/sha256.node': 'src/platform/sha256.node.ts',
    'platform/sha256.web': 'src/platform/sha256.web.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: false,
  splitting: false,
  treeshake: true,
  target: 'es2022',
  external: [/^#platform\//],
});
