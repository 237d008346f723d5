/**
 * Runs every case of conformance/finding-merge/merge.json against mergeFindings (in the given
 * input order, reversed, and flattened into one input) and checks the committed vectors are
 * exactly what conformance/tools/finding-merge.ts generates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@warrant/core';
import { mergeFindings } from '@warrant/formats';
import { canonicalHex, findingMergeVectorFiles } from '../tools/finding-merge';
import { expectCommittedVectors } from '../../test-support/committed-vectors';

const DIR = 'conformance/finding-merge';

interface VectorFile {
  readonly cases: ReadonlyArray<{
    name: string;
    input: Finding[][];
    expected: {
      findings: Finding[];
      canonical: string;
      merged: Array<{ key: string; inputs: number[]; count: number }>;
    };
  }>;
}

describe('conformance/finding-merge vectors', () => {
  it('merge.json: findings, canonical bytes and merged keys, whatever the input order', () => {
    const { cases } = JSON.parse(readFileSync(join(DIR, 'merge.json'), 'utf8')) as VectorFile;
    expect(cases.length).toBeGreaterThan(30);
    for (const c of cases) {
      const r = mergeFindings(c.input);
      expect(r.findings, c.name).toEqual(c.expected.findings);
      expect(canonicalHex(r.findings), c.name).toBe(c.expected.canonical);
      expect(r.merged, c.name).toEqual(c.expected.merged);
      const reversed = mergeFindings([...c.input].reverse());
      expect(canonicalHex(reversed.findings), `${c.name} (reversed)`).toBe(c.expected.canonical);
      const flat = mergeFindings([c.input.flat()]);
      expect(canonicalHex(flat.findings), `${c.name} (one input)`).toBe(c.expected.canonical);
    }
  });

  it('the committed files are exactly what the generator writes', () => {
    expectCommittedVectors(DIR, findingMergeVectorFiles());
  });
});
