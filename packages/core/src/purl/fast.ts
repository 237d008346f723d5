/**
 * The common purl without packageurl-js: text on which every normalization step of the full path
 * (`parsePurlInFull`) is the identity but percent-decoding and the qualifier sort, so the
 * components can be read off directly. Scanners write most purls this way
 * (`pkg:pypi/django@4.2.8`, `pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=3.18.4`).
 *
 * Accepted here, and nothing else (the caller then takes the full path):
 * - `pkg:` in lowercase, then `type/[namespace/]name[@version][?qualifiers]`, no subpath;
 * - the type matches `[a-z][a-z0-9.-]*`; namespace segments, name and version are non-empty,
 *   separated by single `/` and one `@`, made of printable ASCII except `"<>\`^{|}#?/@` (the
 *   characters the URL parser would treat specially); `%` escapes must decode (UTF-8), not to
 *   `/`, and the decoded parts must not start or end with whitespace;
 * - qualifiers `key=value` joined by `&`, keys `[a-z][a-z0-9._-]*` (already lowercase), no key
 *   twice, not `vers`, values non-empty printable ASCII without `&`, `#`, `?`, escapes decoding;
 * - the type-specific rules of packageurl-js 2.0.1 (PURL-TYPES) hold already: the parts a type
 *   lowercases are lowercase, pypi names have no `_`, `.` or `--`, pub names are `[a-z0-9_]+`,
 *   maven has a namespace, cran a version, swift both, oci no namespace, a golang version
 *   starting with `v` is semver after the `v`; conan and mlflow (rules that depend on
 *   qualifiers) always take the full path.
 * For that input the full path's separator checks pass, its split and decoding give the same
 * parts, and trimming, path collapsing and the type rules return their input. The canonical text
 * is the input itself when nothing needed decoding, encoding or sorting, else `formatPurl`'s.
 * The property tests compare the two paths on generated, mutated and arbitrary strings.
 * @see ./purl.ts (the full path)
 * @see https://github.com/package-url/purl-spec/blob/main/docs/standard/specification.md
 * @module
 */
import { byCodeUnit, formatPurl, type PurlComponents } from './encode';

/**
 * Components and canonical text of a purl already in normal form, or `undefined` when the full
 * path must decide (anything not described in the module comment, valid or not).
 * @param text - purl text, at most `MAX_PURL_LENGTH` characters
 * @returns the normalized components with `canonical`, or undefined
 * @internal
 */
export const parseNormalPurl = (
  text: string,
): (PurlComponents & { readonly canonical: string }) | undefined => {
  if (!text.startsWith('pkg:')) return undefined;
  const length = text.length;
  const query = text.indexOf('?', 4);
  const end = query === -1 ? length : query;
  // One pass over type/namespace/name@version: '/' between non-empty segments, one '@' after
  // the last '/', the other characters printable ASCII but those the URL parser would treat
  // specially (packageurl-js's split then decides).
  let firstSlash = -1;
  let lastSlash = -1;
  let at = -1;
  let plain = true;
  let escaped = false;
  for (let i = 4; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2f) {
      if (at !== -1 || i === 4 || text.charCodeAt(i - 1) === 0x2f) return undefined;
      if (firstSlash === -1) firstSlash = i;
      lastSlash = i;
    } else if (c === 0x40) {
      if (at !== -1 || firstSlash === -1 || text.charCodeAt(i - 1) === 0x2f) return undefined;
      at = i;
    } else if (UNRESERVED[c] !== 1) {
      if (c > 0x7e || MAIN_CHAR[c] !== 1) return undefined;
      plain = false;
      if (c === 0x25) escaped = true;
    }
  }
  if (firstSlash === -1) return undefined;
  const nameEnd = at === -1 ? end : at;
  if (lastSlash === nameEnd - 1 || at === end - 1) return undefined;
  const type = text.slice(4, firstSlash);
  if (!TYPE_SYNTAX.test(type)) return undefined;
  let namespace: string | null | undefined =
    lastSlash > firstSlash ? text.slice(firstSlash + 1, lastSlash) : null;
  let name: string | undefined = text.slice(lastSlash + 1, nameEnd);
  let version: string | null | undefined = at === -1 ? null : text.slice(at + 1, end);
  if (escaped) {
    // An encoded '/' inside a segment is refused by the full path.
    if (ENCODED_SLASH.test(text.slice(firstSlash, end))) return undefined;
    if (namespace !== null && (namespace = decode(namespace)) === undefined) return undefined;
    if ((name = decode(name)) === undefined) return undefined;
    if (version !== null && (version = decode(version)) === undefined) return undefined;
  }
  // Whitespace can only come from an escape; at either end, the full path refuses it.
  if (!plain && (padded(namespace) || padded(name) || padded(version))) return undefined;
  if (!followsTypeRules(type, namespace, name, version)) return undefined;
  let qualifiers: Record<string, string> = NO_QUALIFIERS;
  let canonical = true;
  if (query !== -1) {
    const q = readQualifiers(text, query + 1);
    if (q === undefined) return undefined;
    qualifiers = q.qualifiers;
    canonical = q.canonical;
  }
  const components: PurlComponents = {
    type,
    namespace,
    name,
    version,
    qualifiers,
    subpath: null,
  };
  return {
    type,
    namespace,
    name,
    version,
    qualifiers,
    subpath: null,
    canonical: canonical && plain ? text : formatPurl(components),
  };
};

/**
 * The types packageurl-js 2.0.1 has a normalizer or validator for (`PackageURL.Type`); a test
 * keeps this list equal to the library's, so a new rule cannot pass unnoticed.
 * @internal
 */
export const TYPES_WITH_RULES: ReadonlyArray<string> = [
  'alpm',
  'apk',
  'bitbucket',
  'bitnami',
  'composer',
  'conan',
  'cran',
  'deb',
  'gitlab',
  'github',
  'golang',
  'hex',
  'huggingface',
  'luarocks',
  'maven',
  'mlflow',
  'npm',
  'oci',
  'pub',
  'pypi',
  'qpkg',
  'rpm',
  'swift',
];

// --- internal --------------------------------------------------------------

const TYPE_SYNTAX = /^[a-z][a-z0-9.-]*$/;
const PUB_NAME = /^[a-z0-9_]+$/;
// semver.org's suggested expression for a SemVer 2.0.0 string (what packageurl-js tests a
// golang "v" version against).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const NO_QUALIFIERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

// toLowerCase, not /[A-Z]/: a decoded escape can be a non-ASCII capital.
const lower = (s: string | null): boolean => s === null || s.toLowerCase() === s;

const padded = (s: string | null): boolean => s !== null && s !== s.trim();

const decode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

const ENCODED_SLASH = /%2f/i;

// True when packageurl-js's rules for the type change nothing and accept the purl.
const followsTypeRules = (
  type: string,
  namespace: string | null,
  name: string,
  version: string | null,
): boolean => {
  switch (type) {
    case 'alpm':
    case 'apk':
    case 'bitbucket':
    case 'composer':
    case 'deb':
    case 'gitlab':
    case 'github':
    case 'hex':
    case 'npm':
      return lower(namespace) && lower(name);
    case 'bitnami':
      return lower(name);
    case 'huggingface':
    case 'luarocks':
      return lower(version);
    case 'qpkg':
    case 'rpm':
      return lower(namespace);
    case 'oci':
      return namespace === null && lower(name);
    case 'pub':
      return PUB_NAME.test(name);
    case 'pypi':
      // lowercase, '_' to '-', then runs of '-', '_', '.' to one '-' (PEP 503): all identities.
      return (
        lower(namespace) &&
        lower(name) &&
        name.indexOf('_') === -1 &&
        name.indexOf('.') === -1 &&
        name.indexOf('--') === -1
      );
    case 'maven':
      return namespace !== null;
    case 'cran':
      return version !== null;
    case 'swift':
      return namespace !== null && version !== null;
    case 'golang':
      return version === null || version.charCodeAt(0) !== 0x76 || SEMVER.test(version.slice(1));
    case 'conan':
    case 'mlflow':
      return false;
    default:
      return true;
  }
};

// `key=value&…` from `start` to the end of the text; `canonical` when the text is already the
// canonical query (keys in code unit order, values needing no percent-encoding).
const readQualifiers = (
  text: string,
  start: number,
): { qualifiers: Record<string, string>; canonical: boolean } | undefined => {
  const qualifiers: Record<string, string> = {};
  let canonical = true;
  let previous = '';
  let i = start;
  const length = text.length;
  if (i === length) return undefined;
  while (i < length) {
    // The key: a lowercase letter, then letters, digits, '.', '_' or '-', up to '='.
    const keyStart = i;
    let c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return undefined;
    for (i++; i < length; i++) {
      c = text.charCodeAt(i);
      if (c === 0x3d || KEY_CHAR[c] !== 1) break;
    }
    if (c !== 0x3d || i === length) return undefined;
    const key = text.slice(keyStart, i);
    // The value: non-empty, up to '&' or the end.
    const valueStart = ++i;
    for (; i < length; i++) {
      c = text.charCodeAt(i);
      if (c === 0x26) break;
      if (c > 0x7e || VALUE_CHAR[c] === 0) return undefined;
      if (VALUE_CHAR[c] !== 1) canonical = false;
    }
    if (i === valueStart || key === 'vers') return undefined;
    let value: string | undefined = text.slice(valueStart, i);
    if (!canonical && value.indexOf('%') !== -1 && (value = decode(value)) === undefined) {
      return undefined;
    }
    if (Object.prototype.hasOwnProperty.call(qualifiers, key)) return undefined;
    if (byCodeUnit(previous, key) >= 0) canonical = false;
    previous = key;
    qualifiers[key] = value;
    if (c === 0x26 && ++i === length) return undefined;
  }
  return { qualifiers: canonical ? qualifiers : sortedCopy(qualifiers), canonical };
};

const sortedCopy = (q: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const k of Object.keys(q).sort(byCodeUnit)) out[k] = q[k] as string;
  return out;
};

const table = (chars: string, value = 1): Uint8Array => {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = value;
  return t;
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// ECMA-427's characters that are never percent-encoded.
const UNRESERVED = table(`${ALNUM}.-_~:`);
const KEY_CHAR = table('abcdefghijklmnopqrstuvwxyz0123456789._-');
// Qualifier values: 1 written as itself in canonical text; 2 accepted, canonical text encodes
// it ('%' starts an escape); 0 the full path decides ('&' '#' '?' are separators, the rest is
// not printable ASCII).
const VALUE_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0x21; c < 0x7f; c++) t[c] = UNRESERVED[c] === 1 ? 1 : 2;
  for (const c of '&#?') t[c.charCodeAt(0)] = 0;
  return t;
})();
// Other characters of type/namespace/name@version that packageurl-js's split keeps as they are
// (1): printable ASCII but the separators and what the URL parser encodes or treats specially.
const MAIN_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0x21; c < 0x7f; c++) t[c] = 1;
  for (const c of '"<>`\\^{|}#?/@') t[c.charCodeAt(0)] = 0;
  return t;
})();
