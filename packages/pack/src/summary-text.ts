/**
 * `report/summary.md`: the plain human summary every pack carries (seed 000 section 4.3: human
 * docs are derived views; the machine files are the source of truth). Deterministic: it is built
 * from the manifest draft and the listed files only.
 * @see docs/spec/pack-v1.md section 3.1
 * @module
 */
import { utf8Encode, type JsonValue } from '@warrant/core';
import { compareArchivePaths } from './archive/path';
import type { PackKind } from './layout';
import type { PackSubject } from './manifest';

/** What the summary is written from. */
export interface SummaryFacts {
  readonly kind: PackKind;
  readonly generatedAt: string;
  readonly profile: string;
  readonly subject: PackSubject;
  readonly files: ReadonlyArray<{ readonly path: string; readonly size: number }>;
  readonly findings: number;
  readonly exceptions: number;
  readonly verdict?: JsonValue;
}

/**
 * Renders the Markdown summary.
 * @param facts - the pack's subject, counts and verdict
 * @returns UTF-8 bytes of `report/summary.md`
 * @example
 * utf8Decode(renderSummary(facts)).split('\n')[0] // '# Audit pack: release v1.2.0'
 */
export const renderSummary = (facts: SummaryFacts): Uint8Array => {
  const s = facts.subject;
  const title =
    facts.kind === 'release'
      ? `release ${s.release ?? ''}`
      : facts.kind === 'environment'
        ? `environment ${s.environment ?? ''}`
        : facts.kind === 'period' && s.period !== undefined
          ? `period ${s.period.from} to ${s.period.to}`
          : `artifact ${s.artifacts[0]?.digest ?? ''}`;
  const out = [
    `# Audit pack: ${title}`,
    '',
    `- Kind: ${facts.kind}`,
    `- Generated at: ${facts.generatedAt}`,
    `- Profile: ${facts.profile}`,
    `- Verdict: ${outcomeOf(facts.verdict)}`,
    `- Findings: ${facts.findings}`,
    `- Exception versions: ${facts.exceptions}`,
    '',
    '## Artifacts',
    '',
    ...(s.artifacts.length === 0
      ? ['(none)']
      : s.artifacts.map((a) => `- ${a.digest}${a.name === undefined ? '' : ` ${a.name}`}`)),
    '',
    '## Files',
    '',
    ...[...facts.files]
      .sort((a, b) => compareArchivePaths(a.path, b.path))
      .map((f) => `- ${f.path} (${f.size} bytes)`),
    '',
    'The machine-readable files are the evidence; this page is derived from them.',
    'See VERIFY.md to check the pack offline.',
    '',
  ];
  return utf8Encode(out.join('\n'));
};

// --- internal --------------------------------------------------------------

// The verdict is opaque to the pack format; show a top-level outcome when it has one.
const outcomeOf = (verdict: JsonValue | undefined): string => {
  if (typeof verdict !== 'object' || verdict === null || Array.isArray(verdict))
    return 'see verdict/';
  for (const key of ['outcome', 'decision', 'status', 'result']) {
    const v = (verdict as Record<string, JsonValue>)[key];
    if (typeof v === 'string') return v;
  }
  return 'see verdict/';
};
