/**
 * `report/summary.html`: the human summary of a pack (seed 000 section 4.3), one self-contained
 * page (inline style, no script, no external asset, a Content-Security-Policy that forbids both)
 * derived only from the machine files: the verdict and why, the exceptions applied with owner,
 * approvers, expiry, reason and rationale, findings by severity and status, and what changed
 * since the previous pack. Same source, same bytes. Every datum is escaped text.
 * @see docs/spec/pack-v1.md section 3.1
 * @module
 */
import { SEVERITY_LEVELS, utf8Encode, type JsonValue } from '@warrant/core';
import { el, escapeHtml, SUMMARY_CSS, table } from './html';
import { renderDiffSection } from './summary-diff';
import { list, member, text, type SummarySource } from './summary-source';

// --- model -----------------------------------------------------------------

/** At most this many finding rows are listed; the counts always cover every finding. */
export const SUMMARY_MAX_FINDING_ROWS = 1000;

/** The finding statuses of Verdict v1, in display order. */
export const FINDING_STATUSES = ['open', 'excepted', 'not_affected', 'fixed'] as const;

// --- operations ------------------------------------------------------------

/**
 * Renders the summary page.
 * @param source - the parsed machine files (see `summarySource`)
 * @returns the UTF-8 bytes of `report/summary.html`
 * @see docs/spec/pack-v1.md section 3.1
 * @example
 * utf8Decode(renderSummaryHtml(source)).startsWith('<!DOCTYPE html>') // true
 */
export const renderSummaryHtml = (source: SummarySource): Uint8Array => {
  const m = source.meta;
  const body = [
    el('h1', `Audit pack: ${m.title}`),
    '<dl>',
    ...dl([
      ['Kind', m.kind],
      ['Generated at', m.generatedAt],
      ['Redaction profile', m.profile],
      ...source.artifacts.map((a): [string, string] => [
        'Artifact',
        `${text(member(a, 'digest'))} ${text(member(a, 'name'))}`.trim(),
      ]),
    ]),
    '</dl>',
    verdictSection(source.verdict),
    exceptionsSection(source),
    findingsSection(source),
    renderDiffSection(source.diff),
    el(
      'p',
      'This page is derived from the machine-readable files of the pack, which are the evidence. See VERIFY.md to check the pack offline.',
      'note',
    ),
  ];
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    el('title', `Audit pack: ${m.title}`),
    `<style>\n${SUMMARY_CSS}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ];
  return utf8Encode(html.join('\n'));
};

// --- internal --------------------------------------------------------------

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const dl = (pairs: ReadonlyArray<readonly [string, string]>): string[] =>
  pairs.map(([k, v]) => `${el('dt', k)}${el('dd', v)}`);
const OUTCOMES = new Set(['pass', 'warn', 'fail']);

function verdictSection(verdict: JsonValue | undefined): string {
  if (verdict === undefined)
    return `${el('h2', 'Verdict')}${el('p', 'This pack holds no verdict.', 'none')}`;
  const outcome = text(member(verdict, 'outcome'));
  const gates = [...list(verdict, 'gates')].sort(
    (a, b) =>
      Number(member(b, 'triggered') === true) - Number(member(a, 'triggered') === true) ||
      cmp(text(member(a, 'id')), text(member(b, 'id'))),
  );
  const triggered = gates.filter((g) => member(g, 'triggered') === true);
  const why =
    triggered.length === 0
      ? 'No gate was triggered.'
      : `Triggered: ${triggered.map((g) => `${text(member(g, 'id'))} (${text(member(g, 'action'))}, ${text(member(g, 'count'))})`).join('; ')}.`;
  const counts = member(verdict, 'counts');
  const row = (name: string, keys: ReadonlyArray<string>): string[] => {
    const c = member(counts, name);
    return [name, keys.map((k) => `${k} ${text(member(c, k))}`).join(', ')];
  };
  return [
    el('h2', 'Verdict'),
    `<p class="outcome${OUTCOMES.has(outcome) ? ` ${outcome}` : ''}">${escapeHtml(`Outcome: ${outcome === '' ? 'unknown' : outcome}`)}</p>`,
    el('p', `Evaluated at ${text(member(verdict, 'now'))}. ${why}`),
    el('h3', 'Gates'),
    table(
      ['Gate', 'Kind', 'Action', 'Applies', 'Triggered', 'Count'],
      gates.map((g) =>
        ['id', 'kind', 'action', 'applies', 'triggered', 'count'].map((k) => text(member(g, k))),
      ),
    ),
    el('h3', 'Counts'),
    table(
      ['What', 'Counts'],
      counts === undefined
        ? []
        : [
            row('findings', ['total', 'open', 'excepted', 'not_affected', 'fixed']),
            row('violations', ['total', 'open', 'excepted']),
            row('exceptions', ['total', 'active', 'applied']),
          ],
    ),
  ].join('\n');
}

function exceptionsSection(source: SummarySource): string {
  const records = new Map<string, JsonValue>();
  for (const e of source.exceptions) {
    records.set(`${text(member(e, 'exception_id'))}#${text(member(e, 'version'))}`, e);
  }
  const applied =
    source.verdict === undefined
      ? source.exceptions.filter((e) => member(e, 'status') === 'active').map((e) => ({ e, n: '' }))
      : list(source.verdict, 'exceptions')
          .filter(
            (s) => typeof member(s, 'applied') === 'number' && (member(s, 'applied') as number) > 0,
          )
          .map((s) => ({
            e: records.get(`${text(member(s, 'exception_id'))}#${text(member(s, 'version'))}`) ?? s,
            n: text(member(s, 'applied')),
          }));
  applied.sort(
    (a, b) =>
      cmp(text(member(a.e, 'exception_id')), text(member(b.e, 'exception_id'))) ||
      Number(member(a.e, 'version')) - Number(member(b.e, 'version')),
  );
  const approvers = (e: JsonValue): string =>
    list(e, 'approvers')
      .map((a) => `${text(member(a, 'id'))} (${text(member(a, 'role'))}, ${text(member(a, 'at'))})`)
      .join('; ');
  return [
    el('h2', 'Exceptions applied'),
    table(
      ['Exception', 'Owner', 'Approvers', 'Expires', 'Reason', 'Rationale', 'Findings'],
      applied.map(({ e, n }) => [
        `${text(member(e, 'exception_id'))} v${text(member(e, 'version'))}`,
        text(member(e, 'owner')),
        approvers(e),
        text(member(e, 'expires_at')),
        text(member(e, 'reason_code')),
        text(member(e, 'rationale')),
        n,
      ]),
    ),
  ].join('\n');
}

function findingsSection(source: SummarySource): string {
  const byKey = new Map<string, JsonValue>();
  for (const f of source.findings) byKey.set(text(member(f, 'key')), f);
  const decisions =
    source.verdict === undefined
      ? source.findings.map((f) => ({
          key: text(member(f, 'key')),
          vulnerability: text(member(member(f, 'vulnerability'), 'id')),
          severity: text(member(member(f, 'severity'), 'level')),
          status: 'not evaluated',
          exception: '',
        }))
      : list(source.verdict, 'findings').map((d) => ({
          key: text(member(d, 'key')),
          vulnerability: text(member(d, 'vulnerability')),
          severity: text(member(d, 'severity')),
          status: text(member(d, 'status')),
          exception: text(member(member(d, 'exception'), 'exception_id')),
        }));
  const rank = (order: ReadonlyArray<string>, v: string): number => {
    const i = order.indexOf(v);
    return i < 0 ? order.length : i;
  };
  decisions.sort(
    (a, b) =>
      rank(SEVERITY_LEVELS, a.severity) - rank(SEVERITY_LEVELS, b.severity) ||
      rank(FINDING_STATUSES, a.status) - rank(FINDING_STATUSES, b.status) ||
      cmp(a.vulnerability, b.vulnerability) ||
      cmp(a.key, b.key),
  );
  const statuses = [...FINDING_STATUSES, ...new Set(decisions.map((d) => d.status))].filter(
    (s, i, all) => all.indexOf(s) === i && decisions.some((d) => d.status === s),
  );
  const severities = [...SEVERITY_LEVELS, ...new Set(decisions.map((d) => d.severity))].filter(
    (s, i, all) => all.indexOf(s) === i && decisions.some((d) => d.severity === s),
  );
  const matrix = severities.map((sev) => [
    sev,
    ...statuses.map((st) =>
      String(decisions.filter((d) => d.severity === sev && d.status === st).length),
    ),
    String(decisions.filter((d) => d.severity === sev).length),
  ]);
  const component = (key: string): string => {
    const c = member(byKey.get(key), 'component');
    const v = text(member(c, 'version'));
    return `${text(member(c, 'name'))}${v === '' ? '' : `@${v}`}`;
  };
  const shown = decisions.slice(0, SUMMARY_MAX_FINDING_ROWS);
  return [
    el('h2', 'Findings by severity and status'),
    table(['Severity', ...statuses, 'Total'], matrix),
    el('h3', 'Findings'),
    table(
      ['Severity', 'Status', 'Vulnerability', 'Component', 'Exception'],
      shown.map((d) => [d.severity, d.status, d.vulnerability, component(d.key), d.exception]),
    ),
    decisions.length > shown.length
      ? el(
          'p',
          `${decisions.length - shown.length} more findings are listed in findings/findings.jsonl.`,
          'note',
        )
      : '',
  ].join('\n');
}
