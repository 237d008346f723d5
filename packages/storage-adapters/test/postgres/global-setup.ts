/**
 * vitest globalSetup: a throwaway PostgreSQL cluster for the real-server storage tests
 * (`WARRANT_TEST_PG_URL`, a superuser URL, selects an existing server instead). Under CI=true a
 * missing server fails the run here; on a developer machine the real-server tests report that
 * they did not run. The URLs reach the tests through `provide`.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './cluster';

/** What the tests receive through `inject('warrantPg')`. */
export interface PgTestEnv {
  readonly status: 'running' | 'not-run';
  /** Why the server is not running (when `status` is `not-run`). */
  readonly reason?: string;
  readonly superUrl?: string;
  readonly ownerUrl?: string;
  readonly appUrl?: string;
  readonly appRole?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    warrantPg: PgTestEnv;
  }
}

const NOT_SELECTED = 'no real-server test file was selected in this run';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!selected()) {
    project.provide('warrantPg', { status: 'not-run', reason: NOT_SELECTED });
    return async () => undefined;
  }
  const c = await startCluster(process.env['WARRANT_TEST_PG_URL']);
  if ('reason' in c) {
    const msg = `real PostgreSQL server tests did NOT run: ${c.reason}`;
    if (process.env['CI'] === 'true') throw new Error(`CI=true: ${msg}`);
    console.warn(`\n[warrant] ${msg}\n`);
    project.provide('warrantPg', { status: 'not-run', reason: c.reason });
    return async () => undefined;
  }
  const { stop, ...urls } = c;
  project.provide('warrantPg', { status: 'running', ...urls });
  return stop;
}

// Focused runs (`vitest run packages/core`) do not pay for a cluster they do not use.
const selected = (): boolean => {
  const i = process.argv.findIndex((a) => a === 'run' || a.endsWith('vitest.mjs'));
  const filters = process.argv.slice(i + 1).filter((a) => !a.startsWith('-') && a !== 'run');
  if (filters.length === 0) return true;
  const here = 'packages/storage-adapters/test/postgres/';
  return filters.some((f) => here.includes(f) || f.includes('test/postgres') || f.includes(here));
};
