/**
 * The readable text form of a pack diff (what `warrant pack diff` prints without `--json`).
 * @module
 */
import type { PackDiff } from './pack-diff';
import type { DiffException, DiffFinding } from './pack-side';

/**
 * Renders a diff as plain text, one change per line, sections in a fixed order.
 * @param diff - a diff
 * @returns lines separated by `\n`, ending with `\n`
 * @see docs/spec/pack-diff-v1.md section 4
 * @example
 * formatPackDiff(diff).split('\n')[0] // 'verdict: pass -> fail'
 */
export const formatPackDiff = (diff: PackDiff): string => {
  const out: string[] = [];
  const v = diff.verdict;
  out.push(
    v.changed
      ? `verdict: ${v.old ?? 'none'} -> ${v.new ?? 'none'}`
      : `verdict: ${v.new ?? 'none'} (unchanged)`,
  );
  const p = diff.policy;
  out.push(p.changed ? 'policy: changed' : 'policy: unchanged');
  for (const path of p.added) out.push(`  + ${path}`);
  for (const path of p.removed) out.push(`  - ${path}`);
  for (const path of p.modified) out.push(`  ~ ${path}`);
  const f = diff.findings;
  out.push(
    `findings: ${f.added.length} added, ${f.removed.length} removed, ${f.status_changed.length} changed status`,
  );
  for (const x of f.added) out.push(`  + ${finding(x)} [${x.status}]`);
  for (const x of f.removed) out.push(`  - ${finding(x)} [${x.status}]`);
  for (const x of f.status_changed) out.push(`  ~ ${finding(x)} [${x.old_status} -> ${x.status}]`);
  const e = diff.exceptions;
  out.push(
    `exceptions: ${e.added.length} added, ${e.removed.length} removed, ${e.expired.length} expired, ${e.revoked.length} revoked, ${e.changed.length} changed`,
  );
  for (const x of e.added) out.push(`  + ${exception(x)}`);
  for (const x of e.removed) out.push(`  - ${exception(x)}`);
  for (const x of e.expired) out.push(`  expired ${exception(x)}`);
  for (const x of e.revoked) out.push(`  revoked ${exception(x)}`);
  for (const x of e.changed)
    out.push(`  ~ ${exception(x)} (was v${x.old_version} ${x.old_status})`);
  return `${out.map(printable).join('\n')}\n`;
};

// --- internal --------------------------------------------------------------

const finding = (x: DiffFinding): string => `${x.vulnerability} ${x.component} (${x.severity})`;
const exception = (x: DiffException): string =>
  `${x.exception_id} v${x.version} ${x.status}, owner ${x.owner}, expires ${x.expires_at}`;

// Values come from packs: control characters (terminal escapes) are shown as \u escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const printable = (line: string): string =>
  line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
