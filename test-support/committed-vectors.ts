/**
 * The check every generated conformance folder makes: the committed `.json` files are exactly
 * the generator's output (same names, same bytes), so a stale or hand-edited vector fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * Asserts that `dir` holds exactly the generated files.
 * @param dir - the vector folder, relative to the repository root
 * @param generated - file name to text, as the generator writes them
 */
export const expectCommittedVectors = (
  dir: string,
  generated: ReadonlyMap<string, string>,
): void => {
  const committed = readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect([...generated.keys()].sort()).toEqual(committed.sort());
  for (const [file, text] of generated) {
    expect(readFileSync(join(dir, file), 'utf8') === text, `${file} is stale or hand-edited`).toBe(
      true,
    );
  }
};
