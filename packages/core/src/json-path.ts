/**
 * JSON paths used in error values: RFC 9535 normalized paths (`$`, `$.a`, `$['a b']`, `$[0]`).
 * @module
 */

/** One step into a JSON value: an object member name or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Renders path segments as an RFC 9535 normalized path.
 * @param segments - member names and array indices from the root
 * @returns the path text, `$` for the root
 * @see https://www.rfc-editor.org/rfc/rfc9535#section-2.7
 * @example
 * formatJsonPath(['scope', 'purls', 0]) // "$.scope.purls[0]"
 */
export const formatJsonPath = (segments: ReadonlyArray<PathSegment>): string => {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += `.${s}`;
    else out += `[${quote(s)}]`;
  }
  return out;
};

// RFC 9535 section 2.7: member names in single quotes; \\, \' and control characters escaped,
// with the short forms \b \t \n \f \r where they exist.
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
};
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[\\'\u0000-\u001f]/g;
const quote = (s: string): string =>
  `'${s.replace(
    NEEDS_ESCAPE,
    (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}'`;
