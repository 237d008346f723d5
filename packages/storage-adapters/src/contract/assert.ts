/**
 * A few assertions for the contract suite, so it runs under any test runner (vitest, node:test,
 * jest, mocha) without importing one: a failed check throws an `Error` naming what was expected.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, type StoreError } from '@warrant/core';

/** Throws unless `condition` holds. @internal */
export const check = (condition: boolean, message: string): void => {
  if (!condition) throw new Error(`storage contract: ${message}`);
};

/** Throws unless both values have the same canonical JSON (bytes as hex). @internal */
export const same = (actual: unknown, expected: unknown, what: string): void => {
  const a = show(actual);
  const b = show(expected);
  check(a === b, `${what}: expected ${b.slice(0, 400)}, got ${a.slice(0, 400)}`);
};

/** Returns the right value or throws with the store error. @internal */
export const right = <A>(r: E.Either<StoreError, A>, what: string): A => {
  if (E.isLeft(r)) {
    throw new Error(
      `storage contract: ${what}: expected success, got ${r.left.code}: ${r.left.message}`,
    );
  }
  return r.right;
};

/** Returns the left value or throws, checking its code. @internal */
export const left = <A>(r: E.Either<StoreError, A>, code: string, what: string): StoreError => {
  if (E.isRight(r)) throw new Error(`storage contract: ${what}: expected ${code}, got success`);
  check(r.left.code === code, `${what}: expected ${code}, got ${r.left.code}: ${r.left.message}`);
  return r.left;
};

const show = (v: unknown): string => {
  const r = canonicalize(v);
  return E.isRight(r) ? r.right : String(v);
};
