/**
 * Finding subjects (docs/spec/verdict-v1.md section 4.1): every finding purl parsed once (scans
 * repeat the same packages across artifacts) and the input checks shared by `evaluate`, the
 * stale query and the impact preview.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  formatJsonPath,
  parsePurl,
  type DecodeIssue,
  type Finding,
  type PackageUrl,
} from '@warrant/core';

/**
 * Parses every finding purl (cached by text) and reports duplicate keys and purls that do not
 * parse, each with its path (`$.findings[i]…`).
 * @param findings - the findings
 * @param issues - problems are appended here
 * @returns the parsed purl of each finding, by position (undefined without one)
 * @see docs/spec/verdict-v1.md section 4.1
 * @internal
 */
export const findingPurls = (
  findings: ReadonlyArray<Finding>,
  issues: DecodeIssue[],
): Array<PackageUrl | undefined> => {
  const cache = new Map<string, PackageUrl | undefined>();
  const keys = new Map<string, number>();
  return findings.map((f, i) => {
    const earlier = keys.get(f.key);
    if (earlier !== undefined) {
      issues.push({
        code: 'POLICY_EVALUATION_INPUT_INVALID',
        message: `finding key ${f.key} appears twice (also at $.findings[${earlier}]); merge the findings first`,
        path: formatJsonPath(['findings', i, 'key']),
      });
    } else keys.set(f.key, i);
    const text = f.component.purl;
    if (text === undefined) return undefined;
    if (cache.has(text)) return cache.get(text);
    const p = parsePurl(text, formatJsonPath(['findings', i, 'component', 'purl']));
    if (E.isLeft(p)) {
      issues.push({ ...p.left, path: p.left.path ?? '$' });
      cache.set(text, undefined);
      return undefined;
    }
    cache.set(text, p.right);
    return p.right;
  });
};
