/**
 * Finding subjects (docs/spec/verdict-v1.md section 4.1): every finding purl parsed once (scans
 * repeat the same packages across artifacts), its match key computed once, the findings put in
 * key order once (the verdict and the findings digest both use that order), and the input
 * checks shared by `evaluate`, the stale query and the impact preview.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  formatJsonPath,
  parsePurl,
  purlMatchKey,
  type DecodeIssue,
  type Finding,
  type PackageUrl,
} from '@warrant/core';
import { keyOrder } from './key-order';

// --- model -----------------------------------------------------------------

/** The parsed subjects of a list of findings. */
export interface FindingSubjects {
  /** Positions of the findings in key order (UTF-16 code units). */
  readonly order: ReadonlyArray<number>;
  /** The parsed purl of each finding, by position (undefined without one). */
  readonly purls: ReadonlyArray<PackageUrl | undefined>;
  /** The purl match key of each finding, by position (undefined without a purl). */
  readonly matchKeys: ReadonlyArray<string | undefined>;
}

// --- operations ------------------------------------------------------------

/**
 * Parses every finding purl (cached by text), orders the findings by key, and reports
 * duplicate keys and purls that do not parse, each with its path (`$.findings[i]…`), in input
 * order.
 * @param findings - the findings
 * @param issues - problems are appended here
 * @returns the order, parsed purls and match keys
 * @see docs/spec/verdict-v1.md section 4.1
 * @internal
 */
export const findingSubjects = (
  findings: ReadonlyArray<Finding>,
  issues: DecodeIssue[],
): FindingSubjects => {
  const n = findings.length;
  const cache = new Map<string, { purl: PackageUrl; key: string } | undefined>();
  const purls = new Array<PackageUrl | undefined>(n);
  const matchKeys = new Array<string | undefined>(n);
  const found: Array<{ at: number; issue: DecodeIssue }> = [];
  for (let i = 0; i < n; i++) {
    const text = (findings[i] as Finding).component.purl;
    if (text === undefined) continue;
    let hit = cache.get(text);
    if (hit === undefined && !cache.has(text)) {
      const p = parsePurl(text);
      if (E.isLeft(p)) {
        // The path is made only for a purl that fails (parsePurl reports paths under '$').
        const at = formatJsonPath(['findings', i, 'component', 'purl']);
        found.push({
          at: 2 * i + 1,
          issue: { ...p.left, path: at + (p.left.path ?? '$').slice(1) },
        });
      }
      hit = E.isLeft(p) ? undefined : { purl: p.right, key: purlMatchKey(p.right) };
      cache.set(text, hit);
    }
    if (hit !== undefined) {
      purls[i] = hit.purl;
      matchKeys[i] = hit.key;
    }
  }
  const keys = findings.map((f) => f.key as string);
  // The order is stable: equal keys stay in input order, so duplicates are adjacent
  // and the first of a run is the earliest.
  const order = keyOrder(keys);
  let runStart = order[0] as number;
  for (let j = 1; j < n; j++) {
    const i = order[j] as number;
    if (keys[i] !== keys[order[j - 1] as number]) {
      runStart = i;
      continue;
    }
    found.push({
      at: 2 * i,
      issue: {
        code: 'POLICY_EVALUATION_INPUT_INVALID',
        message: `finding key ${keys[i]} appears twice (also at $.findings[${runStart}]); merge the findings first`,
        path: formatJsonPath(['findings', i, 'key']),
      },
    });
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found) issues.push(f.issue);
  return { order, purls, matchKeys };
};

/**
 * The parsed purl of each finding (see {@link findingSubjects}).
 * @param findings - the findings
 * @param issues - problems are appended here
 * @returns the parsed purl of each finding, by position (undefined without one)
 * @see docs/spec/verdict-v1.md section 4.1
 * @internal
 */
export const findingPurls = (
  findings: ReadonlyArray<Finding>,
  issues: DecodeIssue[],
): ReadonlyArray<PackageUrl | undefined> => findingSubjects(findings, issues).purls;
