import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';

// The ./postgres entry must bundle for browsers (PGlite with IndexedDB) without carrying `pg`
// or any Node API: the driver is injected, never imported.
describe('the postgres entry in a browser bundle', () => {
  it('bundles for the browser with no pg, PGlite or node: imports', async () => {
    const out = await build({
      stdin: {
        contents: "export * from '@warrant/storage-adapters/postgres';",
        resolveDir: process.cwd(),
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      conditions: ['@warrant/source'],
    });
    const text = out.outputFiles[0]?.text ?? '';
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    expect(text).not.toMatch(/from\s*["'`](pg|@electric-sql\/pglite)["'`]/);
    expect(text).not.toMatch(/\bBuffer\s*\.\s*(from|alloc|isBuffer|concat)\b/);
  });
});
