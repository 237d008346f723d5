/**
 * The "changes since the previous pack" section of the human summary, from `diff/diff.json`.
 * @module
 */
import type { JsonValue } from '@warrant/core';
import { el, table } from './html';
import { list, member, text } from './summary-source';

/**
 * Renders the changes section.
 * @param diff - the parsed `diff/diff.json`, or `undefined` when the pack has none
 * @returns the markup (every datum escaped)
 * @see docs/spec/pack-diff-v1.md
 * @example
 * renderDiffSection(undefined) // '<h2>Changes since the previous pack</h2>\n<p class="none">…</p>'
 */
export const renderDiffSection = (diff: JsonValue | undefined): string => {
  const head = el('h2', 'Changes since the previous pack');
  if (diff === undefined) return `${head}\n${el('p', 'No previous pack was compared.', 'none')}`;
  const v = member(diff, 'verdict');
  const p = member(diff, 'policy');
  const f = member(diff, 'findings');
  const e = member(diff, 'exceptions');
  const findingRows = (name: string, change: string): string[][] =>
    list(f, name).map((x) => [
      change,
      text(member(x, 'vulnerability')),
      text(member(x, 'component')),
      text(member(x, 'severity')),
      name === 'status_changed'
        ? `${text(member(x, 'old_status'))} → ${text(member(x, 'status'))}`
        : text(member(x, 'status')),
    ]);
  const exceptionRows = (name: string, change: string): string[][] =>
    list(e, name).map((x) => [
      change,
      `${text(member(x, 'exception_id'))} v${text(member(x, 'version'))}`,
      text(member(x, 'status')),
      text(member(x, 'owner')),
      text(member(x, 'expires_at')),
    ]);
  const policyPaths = ['added', 'removed', 'modified'].flatMap((k) =>
    list(p, k).map((x) => [k, text(x)]),
  );
  return [
    head,
    el(
      'p',
      member(v, 'changed') === true
        ? `Verdict: ${text(member(v, 'old'))} → ${text(member(v, 'new'))}.`
        : `Verdict unchanged: ${text(member(v, 'new'))}.`,
    ),
    el('p', member(p, 'changed') === true ? 'Policy files changed:' : 'Policy unchanged.'),
    policyPaths.length === 0 ? '' : table(['Change', 'File'], policyPaths),
    el('h3', 'Findings'),
    table(
      ['Change', 'Vulnerability', 'Component', 'Severity', 'Status'],
      [
        ...findingRows('added', 'added'),
        ...findingRows('removed', 'removed'),
        ...findingRows('status_changed', 'status'),
      ],
    ),
    el('h3', 'Exceptions'),
    table(
      ['Change', 'Exception', 'Status', 'Owner', 'Expires'],
      [
        ...exceptionRows('added', 'added'),
        ...exceptionRows('removed', 'removed'),
        ...exceptionRows('expired', 'expired'),
        ...exceptionRows('revoked', 'revoked'),
        ...exceptionRows('changed', 'changed'),
      ],
    ),
  ].join('\n');
};
