/**
 * HTML building blocks of the human summary: escaping (every piece of data is text, never
 * markup) and the fixed style sheet. No attribute ever carries data.
 * @module
 */

/**
 * Escapes text for HTML element content: `&`, `<`, `>`, `"` and `'` become character references,
 * and characters HTML forbids in text (C0 controls but tab, line feed and carriage return, DEL,
 * C1 controls, lone surrogates, noncharacters) become U+FFFD.
 * @param text - any string (scanner output is hostile)
 * @returns markup that displays exactly `text`
 * @see https://html.spec.whatwg.org/multipage/syntax.html#text
 * @example
 * escapeHtml('<img onerror=x>') // '&lt;img onerror=x&gt;'
 */
export const escapeHtml = (text: string): string =>
  text.replace(UNSAFE, (c) => ENTITIES[c] ?? '\uFFFD');

/**
 * An element with escaped text content.
 * @param tag - a fixed tag name from this module's callers (never data)
 * @param text - the text
 * @param cls - an optional fixed class name (never data)
 * @returns the markup
 * @example
 * el('td', 'a<b') // '<td>a&lt;b</td>'
 */
export const el = (tag: string, text: string, cls?: string): string =>
  `<${tag}${cls === undefined ? '' : ` class="${cls}"`}>${escapeHtml(text)}</${tag}>`;

/**
 * A table with a header row; cells are escaped text.
 * @param head - column titles
 * @param rows - cell texts
 * @returns the markup, or a "none" paragraph when there are no rows
 * @example
 * table(['id'], [['exc-1']]) // '<table><thead><tr><th>id</th></tr></thead><tbody><tr><td>exc-1</td></tr></tbody></table>'
 */
export const table = (
  head: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
): string =>
  rows.length === 0
    ? el('p', 'None.', 'none')
    : `<table><thead><tr>${head.map((h) => el('th', h)).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => el('td', c)).join('')}</tr>`)
        .join('')}</tbody></table>`;

/** The style sheet, inline (the page loads nothing). */
export const SUMMARY_CSS = [
  'body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#1b1f24}',
  'h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.8em}',
  'table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}',
  'th{background:#f6f8fa}.outcome{font-size:1.3em;font-weight:600}',
  '.pass{color:#1a7f37}.warn{color:#9a6700}.fail{color:#cf222e}.none,.note{color:#57606a}',
  'dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}',
  'pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;padding:.5em;margin:.2em 0}',
].join('\n');

// --- internal --------------------------------------------------------------

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Markup characters, controls HTML does not allow in text, lone surrogates, noncharacters.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  /[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
