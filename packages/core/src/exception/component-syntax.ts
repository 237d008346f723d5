/**
 * Light syntactic checks of package URLs and `vers:` ranges in exception scopes
 * (docs/spec/exception-v1.md section 4.2).
 *
 * HOOK: this module is the one place the exception model looks at purl and vers text. Full
 * parsing, normalization and range comparison belong to the purl/vers module of @warrant/core
 * (branch `match`); when that lands, these functions delegate to it and the spec's section 4.2
 * tightens to "valid per the purl and vers specifications". Until then the checks are exactly
 * the ones listed here, so conforming tools agree on what is accepted.
 * @module
 */

// --- operations ------------------------------------------------------------

/**
 * Checks the shape of a package URL: `pkg:`, a lowercase type, `/`, a non-empty name; no
 * whitespace or control characters; at most 2048 code units.
 * @param purl - the candidate purl
 * @returns a message saying what is wrong, or `undefined` when the shape is acceptable
 * @see https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst
 * @example
 * purlSyntaxProblem('pkg:npm/lodash@4.17.21') // undefined
 * purlSyntaxProblem('npm/lodash')             // 'expected a package URL starting with "pkg:"…'
 */
export const purlSyntaxProblem = (purl: string): string | undefined => {
  if (purl.length > 2048) return 'expected a package URL of at most 2048 characters';
  if (!purl.startsWith('pkg:')) return 'expected a package URL starting with "pkg:"';
  if (FORBIDDEN.test(purl))
    return 'expected a package URL without whitespace or control characters';
  const m = PURL_HEAD.exec(purl);
  if (m === null) return 'expected "pkg:<type>/<name>" with a lowercase type (e.g. pkg:npm/lodash)';
  const { path } = splitPurl(purl);
  const lastSlash = path.lastIndexOf('/');
  const at = path.indexOf('@', lastSlash + 1);
  const name = at < 0 ? path.slice(lastSlash + 1) : path.slice(lastSlash + 1, at);
  if (name === '') return 'expected a package name after the last "/"';
  if (at >= 0 && at === path.length - 1) return 'expected a version after "@"';
  return undefined;
};

/**
 * Whether a (syntactically acceptable) purl pins a version: an `@` after the name's last `/`.
 * @param purl - a purl accepted by {@link purlSyntaxProblem}
 * @returns true when the purl carries a version
 * @example
 * purlHasVersion('pkg:npm/%40scope/a@1.0.0') // true
 * purlHasVersion('pkg:npm/lodash')           // false
 */
export const purlHasVersion = (purl: string): boolean => {
  const { path } = splitPurl(purl);
  return path.indexOf('@', path.lastIndexOf('/') + 1) >= 0;
};

/**
 * Checks the shape of a version range: `vers:`, a lowercase versioning scheme, `/`, and at least
 * one constraint character; no whitespace; at most 2048 code units.
 * @param range - the candidate range
 * @returns a message saying what is wrong, or `undefined`
 * @see https://github.com/package-url/vers-spec/blob/main/VERSION-RANGE-SPEC.rst
 * @example
 * versSyntaxProblem('vers:npm/>=1.0.0|<2.0.0') // undefined
 * versSyntaxProblem('>=1.0.0')                 // 'expected a version range starting with "vers:"…'
 */
export const versSyntaxProblem = (range: string): string | undefined => {
  if (range.length > 2048) return 'expected a version range of at most 2048 characters';
  if (!range.startsWith('vers:')) return 'expected a version range starting with "vers:"';
  if (!VERS_PATTERN.test(range)) {
    return 'expected "vers:<scheme>/<constraints>" with a lowercase scheme and no whitespace';
  }
  return undefined;
};

/**
 * Whether a range is the vers "all versions" range `vers:<scheme>/*`.
 * @param range - a range accepted by {@link versSyntaxProblem}
 * @returns true for the wildcard range
 * @example
 * isVersWildcard('vers:npm/*') // true
 */
export const isVersWildcard = (range: string): boolean =>
  range.slice(range.indexOf('/') + 1) === '*';

// --- internal --------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\s\u0000-\u001f\u007f]/;
const PURL_HEAD = /^pkg:[a-z][a-z0-9.+-]*\/[^/]/;
const VERS_PATTERN = /^vers:[a-z][a-z0-9.+-]*\/\S+$/;

// purl spec "How to parse": the subpath follows '#', qualifiers follow '?'; what remains before
// them is type/namespace/name@version.
function splitPurl(purl: string): { path: string } {
  let rest = purl.slice('pkg:'.length);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  return { path: rest };
}
