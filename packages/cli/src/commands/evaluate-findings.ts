/**
 * Findings inputs of `warrant evaluate`: the findings of every `--findings` file become one
 * finding per key (artifact digest, vulnerability, component; finding-v1 section 2). By default
 * equal keys from several files (two scanners' reports of one image) are merged by the rule of
 * finding-v1 section 3.2 and each merged key is named in a warning; with `--no-merge` a key two
 * files report with different content is refused instead.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, type Finding } from '@warrant/core';
import { mergeFindings } from '@warrant/formats';

/** The findings one `--findings` file imported to, with the file name as the user gave it. */
export interface FindingsFile {
  readonly file: string;
  readonly findings: ReadonlyArray<Finding>;
}

/** One finding per key, and the warning lines to print (without the command prefix). */
export interface CombinedFindings {
  readonly findings: Finding[];
  readonly warnings: ReadonlyArray<string>;
}

/** How many merged keys are named one per line before the rest are counted in one line. */
export const MERGE_WARNINGS_SHOWN = 20;

/**
 * Combines the findings of several files into one finding per key.
 * @param files - the imported files, in command-line order
 * @param merge - true to merge equal keys (finding-v1 section 3.2), false to take identical
 *   findings once and refuse a key two files report with different content
 * @returns the findings (key order when merging, else first-seen order) and warnings, or the
 *   refusal message naming the key and both files
 * @example
 * combineFindings([{ file: 'trivy.json', findings: t }, { file: 'grype.json', findings: g }], true)
 * // right({ findings, warnings: ['finding sha256:… (CVE-… in pkg:…) is in trivy.json, grype.json: merged …'] })
 */
export const combineFindings = (
  files: ReadonlyArray<FindingsFile>,
  merge: boolean,
): E.Either<string, CombinedFindings> => {
  if (!merge) return refuseDifferent(files);
  const { findings, merged } = mergeFindings(files.map((f) => f.findings));
  const byKey = new Map(findings.map((f) => [f.key, f]));
  const warnings = merged.slice(0, MERGE_WARNINGS_SHOWN).map((m) => {
    const f = byKey.get(m.key) as Finding;
    const names = m.inputs.map((i) => (files[i] as FindingsFile).file).join(', ');
    return `finding ${describe(f)} is in ${names}: merged (finding-v1 section 3.2)`;
  });
  if (merged.length > MERGE_WARNINGS_SHOWN) {
    warnings.push(
      `… and ${merged.length - MERGE_WARNINGS_SHOWN} more findings merged across --findings files`,
    );
  }
  return E.right({ findings: [...findings], warnings });
};

// --- internal --------------------------------------------------------------

const describe = (f: Finding): string =>
  `${f.key} (${f.vulnerability.id} in ${f.component.purl ?? f.component.name})`;

const canonicalText = (v: unknown): string => {
  const c = canonicalize(v);
  return E.isRight(c) ? c.right : '';
};

// `--no-merge`: one scanner's truth. An identical finding (same canonical JSON) is taken once;
// the same key with other content is refused, naming both files.
const refuseDifferent = (
  files: ReadonlyArray<FindingsFile>,
): E.Either<string, CombinedFindings> => {
  const findings: Finding[] = [];
  const seen = new Map<string, { text: string; file: string }>();
  for (const { file, findings: list } of files) {
    for (const f of list) {
      const text = canonicalText(f);
      const earlier = seen.get(f.key);
      if (earlier === undefined) {
        seen.set(f.key, { text, file });
        findings.push(f);
      } else if (earlier.text !== text) {
        return E.left(
          `${file}: finding ${describe(f)} is also in ${earlier.file} with different content (scanner, severity, fix…); with --no-merge a verdict takes one scan per artifact (drop --no-merge to merge them)`,
        );
      }
    }
  }
  return E.right({ findings, warnings: [] });
};
