/**
 * JSON paths used in error values, in RFC 9535 JSONPath syntax: `$` for the root, `.name` for a
 * member whose name is an ASCII identifier, `['name']` for any other member, `[0]` for an array
 * element.
 * @module
 */

/** One step into a JSON value: an object member name or an array index. */
export type PathSegment = string | number;

/**
 * Renders path segments as an RFC 9535 singular query.
 *
 * Member names matching `[A-Za-z_][A-Za-z0-9_]*` use the dot shorthand (section 2.5.1.1);
 * every other name uses a single-quoted bracketed selector escaped as in a normalized path
 * (section 2.7): `\\`, `\'`, `\b \f \n \r \t`, other control characters as `\u00xx`. A lone
 * surrogate (only possible in a name that was refused for holding one) is written as a lowercase
 * `\udxxx` escape so the text stays well-formed Unicode. Array indices are decimal.
 * @param segments - member names and array indices from the root
 * @returns the path text, `$` for the root
 * @see https://www.rfc-editor.org/rfc/rfc9535#section-2.7
 * @example
 * formatJsonPath(['scope', 'purls', 0]) // "$.scope.purls[0]"
 * formatJsonPath(['a b', "it's"])        // "$['a b']['it\\'s']"
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

// --- internal --------------------------------------------------------------

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\\'\u0000-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const quote = (s: string): string =>
  `'${s.replace(
    NEEDS_ESCAPE,
    (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}'`;
