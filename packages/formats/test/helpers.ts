/**
 * Shared test helpers: fixture loading and per-result tallies.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  formatFormatsError,
  importDocument,
  type ImportOptions,
  type ImportResult,
} from '@warrant/formats';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The bytes of a fixture, e.g. `fixture('trivy/alpine-310_trivy-integration-golden.json')`. */
export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES, name)));

/** The parsed JSON of a fixture. */
export const fixtureJson = (name: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;

/** Imports a fixture and fails the test with the formatted error if it is refused. */
export const importFixture = (name: string, options: ImportOptions = {}): ImportResult => {
  const r = importDocument(fixture(name), options);
  if (E.isLeft(r)) throw new Error(`${name}: ${formatFormatsError(r.left)}`);
  return r.right;
};

/** Counts of a string-valued projection, e.g. findings by severity level. */
export const tally = <A>(list: ReadonlyArray<A>, f: (a: A) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const a of list) out[f(a)] = (out[f(a)] ?? 0) + 1;
  return out;
};
