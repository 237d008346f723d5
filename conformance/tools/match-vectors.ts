/**
 * Shared helpers for the conformance generators: the one vector-file shape and a deterministic
 * writer (two-space JSON, trailing newline), so regeneration is byte-identical.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A case with either the required output or the required error code. */
export type VectorCase =
  | { readonly name: string; readonly input: unknown; readonly expected: unknown }
  | { readonly name: string; readonly input: unknown; readonly error: string };

/** A vector file: description, provenance, cases. */
export interface VectorFile {
  readonly description: string;
  readonly source: string;
  readonly cases: ReadonlyArray<VectorCase>;
}

/** The repository's `conformance/` folder. */
export const CONFORMANCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Reads a JSON file under `conformance/`. */
export const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(join(CONFORMANCE_DIR, relative), 'utf8'));

/** Writes a vector file under `conformance/` and reports it. */
export const writeVectors = (relative: string, file: VectorFile): void => {
  const names = new Set<string>();
  for (const c of file.cases) {
    if (names.has(c.name)) throw new Error(`${relative}: duplicate case name "${c.name}"`);
    names.add(c.name);
  }
  writeFileSync(join(CONFORMANCE_DIR, relative), `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${relative} (${file.cases.length} cases)`);
};
