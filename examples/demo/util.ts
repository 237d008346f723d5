/** Small helpers shared by the demo steps: unwrap results, print steps, write outputs. */
import * as E from 'fp-ts/lib/Either.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatError, type WarrantError } from '@warrant/core';

/** Where the demo writes (gitignored). */
export const OUT = fileURLToPath(new URL('../out/', import.meta.url));
/** Where the demo's inputs live (copies of shared corpus files, plus demo-only files). */
export const INPUTS = new URL('../inputs/', import.meta.url);

/** Unwraps a result; a left is a bug in the demo, so it stops with every error formatted. */
export const ok = <A>(e: E.Either<WarrantError | ReadonlyArray<WarrantError>, A>): A => {
  if (E.isRight(e)) return e.right;
  const errs = Array.isArray(e.left) ? e.left : [e.left];
  throw new Error(errs.map((x: WarrantError) => formatError(x)).join('\n'));
};

/** Prints a step heading. */
export const step = (n: number, title: string): void => console.log(`\n[${n}] ${title}`);

/** Prints one indented line of a step's output. */
export const say = (line: string): void => console.log(`    ${line}`);

/** Writes an output file and returns its path relative to the repository root. */
export const write = (name: string, bytes: Uint8Array | string): string => {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}${name}`, bytes);
  return `examples/out/${name}`;
};
