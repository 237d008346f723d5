import { defineConfig } from 'vitest/config';

// '@warrant/source' makes sibling packages resolve to src/ (no build step), zod-style.
// Vite's own defaults for server-side resolution, with our source condition first.
const conditions = ['@warrant/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@warrant/source'] } },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'conformance/**/*.test.ts',
      'examples/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A throwaway PostgreSQL cluster for the real-server storage tests (docs/guides/postgres.md).
    globalSetup: ['packages/storage-adapters/test/postgres/global-setup.ts'],
  },
});
