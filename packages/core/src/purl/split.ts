/**
 * The component split of packageurl-js's `PackageURL.parseString` without its WHATWG URL round
 * trip, for the purls parsePurl has already screened (printable ASCII, one `?` and one `#` at
 * most, no query passed here). On that input the URL parser changes nothing: the scheme is `pkg`,
 * there is no authority (no leading `/`), the opaque path is the text up to `#` (its
 * percent-encode set is only C0 controls and non-ASCII), and the fragment is the rest (its set
 * adds space, `"`, `<`, `>` and backquote, which are refused here). What remains is
 * packageurl-js 2.0.1's own split, repeated step by step below; the property tests compare the
 * two on generated purls.
 * @see https://url.spec.whatwg.org/#concept-basic-url-parser
 * @module
 */

/** `[type, namespace, name, version, qualifiers, subpath]`, as `PackageURL.parseString` returns. */
export type RawPurl = readonly [
  string,
  string | undefined,
  string | undefined,
  string | undefined,
  undefined,
  string | undefined,
];

/**
 * Splits `pkg:<main><fragment>` as `PackageURL.parseString` would.
 * @param main - type/namespace/name@version, no `?` and no `#`
 * @param fragment - `#` and the subpath, or undefined
 * @returns the raw components, or `undefined` when packageurl-js must decide (a leading `/`, a
 *   character the URL parser would encode, or a percent-escape that does not decode: it then
 *   throws its own error)
 * @internal
 */
export const splitPurl = (main: string, fragment: string | undefined): RawPurl | undefined => {
  if (main.charCodeAt(0) === 0x2f || URL_ENCODED.test(main)) return undefined;
  if (fragment !== undefined && URL_ENCODED.test(fragment)) return undefined;
  const slash = main.indexOf('/');
  const type = decode(slash === -1 ? main : main.slice(0, slash));
  if (type === undefined) return undefined;
  // A URL with an empty fragment has hash "": no subpath.
  let subpath: string | undefined;
  if (fragment !== undefined && fragment.length > 1) {
    subpath = decode(fragment.slice(1));
    if (subpath === undefined) return undefined;
  }
  if (slash < 1) return [type, undefined, undefined, undefined, undefined, undefined];
  let at = main.lastIndexOf('@');
  // packageurl-js: an '@' right after '/' starts a segment (an unencoded npm scope).
  if (at !== -1 && main.charCodeAt(at - 1) === 0x2f) at = -1;
  // packageurl-js slices by the decoded type's length; kept as it does.
  const beforeVersion = main.slice(type.length + 1, at === -1 ? main.length : at);
  let version: string | undefined;
  if (at !== -1) {
    version = decode(main.slice(at + 1));
    if (version === undefined) return undefined;
  }
  const last = beforeVersion.lastIndexOf('/');
  const name = decode(last === -1 ? beforeVersion : beforeVersion.slice(last + 1));
  if (name === undefined) return undefined;
  let namespace: string | undefined;
  if (last !== -1) {
    namespace = decode(beforeVersion.slice(0, last));
    if (namespace === undefined) return undefined;
  }
  return [type, namespace, name, version, undefined, subpath];
};

// --- internal --------------------------------------------------------------

// Characters the URL parser may percent-encode or treat specially in a path or fragment, plus
// backslash: where any appears, the URL-based split decides.
const URL_ENCODED = /["<>`\\^{|}]/;

const decode = (s: string): string | undefined => {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};
