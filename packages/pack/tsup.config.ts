import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  splitting: false,
  treeshake: true,
  target: 'es2022',
  // Sibling packages and dependencies stay imports; only this package's own code is bundled.
  external: [/^@warrant\//],
});
