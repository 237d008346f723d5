/**
 * The final, documented sort of every output array (finding-v1 section 12): the same document
 * gives the same arrays in the same order, whatever the order of its own arrays.
 * @module
 */
import type { Advisory, Component, VexStatement } from '@warrant/core';
import type { ImportOutput } from './env';
import { compareStrings, sortUnique } from './sort';

/** Sorts findings by key, components, VEX statements and advisories by their documented keys. */
export const sortOutput = (out: ImportOutput): ImportOutput => {
  const sorted: { -readonly [K in keyof ImportOutput]: ImportOutput[K] } = {
    artifact: out.artifact,
    findings: [...out.findings].sort((a, b) => compareStrings(a.key, b.key)),
    components: sortUnique(out.components, compareComponents),
    vexStatements: sortUnique(out.vexStatements, compareStatements),
    knowledge: sortUnique(out.knowledge, (a: Advisory, b: Advisory) => compareStrings(a.id, b.id)),
  };
  if (out.formatVersion !== undefined) sorted.formatVersion = out.formatVersion;
  if (out.scanner !== undefined) sorted.scanner = out.scanner;
  return sorted;
};

const compareComponents = (a: Component, b: Component): number =>
  compareStrings(a.purl ?? '', b.purl ?? '') ||
  compareStrings(a.name, b.name) ||
  compareStrings(a.version ?? '', b.version ?? '') ||
  compareStrings(a.bomRef ?? '', b.bomRef ?? '');

const compareStatements = (a: VexStatement, b: VexStatement): number =>
  compareStrings(a.vulnerability.id, b.vulnerability.id) || compareStrings(a.status, b.status);
