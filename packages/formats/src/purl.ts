/**
 * Package URLs: a tolerant parser and the canonical form Warrant stores and hashes.
 *
 * Parsing follows the purl specification's "How to parse" steps (right to left); building
 * follows "How to build" with the character-encoding clause (everything but ASCII letters,
 * digits, `.-_~` and `:` is percent-encoded, UTF-8, uppercase hex). The type-specific case
 * rules of PURL-TYPES are applied; type-specific validation is not (importers keep what tools
 * emit). Rules: docs/spec/finding-v1.md section 5.
 * @module
 */

// --- model -----------------------------------------------------------------

/** A decoded, normalized package URL. */
export interface Purl {
  readonly type: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly version: string | undefined;
  /** Qualifiers sorted by key (UTF-16 code units), empty values dropped. */
  readonly qualifiers: ReadonlyArray<readonly [string, string]>;
  readonly subpath: string | undefined;
}

/** Why a string is not a purl. */
export interface PurlProblem {
  readonly problem: string;
}

// --- operations ------------------------------------------------------------

/**
 * Parses a package URL.
 * @param text - the candidate purl
 * @returns the decoded, normalized components, or the problem
 * @see https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst
 * @example
 * parsePurl('pkg:pypi/Django_Rest@3.2?b=2&a=1').name // 'django-rest'
 */
export const parsePurl = (text: string): Purl | PurlProblem => {
  if (text.length > MAX_PURL_LENGTH) return { problem: 'longer than 4096 characters' };
  let rest = text;
  // Subpath: after the rightmost '#'.
  let subpath: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    const segs: string[] = [];
    for (const raw of rest.slice(hash + 1).split('/')) {
      if (raw === '' || raw === '.' || raw === '..') continue;
      const seg = decode(raw);
      if (seg === undefined) return { problem: 'malformed percent-encoding in the subpath' };
      if (seg === '.' || seg === '..' || seg.includes('/'))
        return { problem: 'invalid subpath segment' };
      segs.push(seg);
    }
    subpath = segs.length > 0 ? segs.join('/') : undefined;
    rest = rest.slice(0, hash);
  }
  // Qualifiers: after the rightmost '?'.
  const qualifiers: Array<[string, string]> = [];
  const q = rest.lastIndexOf('?');
  if (q >= 0) {
    const seen = new Set<string>();
    for (const pair of rest.slice(q + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) return { problem: `qualifier ${JSON.stringify(pair)} is not key=value` };
      const key = pair.slice(0, eq).toLowerCase();
      if (!QUALIFIER_KEY.test(key))
        return { problem: `invalid qualifier key ${JSON.stringify(key)}` };
      if (seen.has(key)) return { problem: `duplicate qualifier key ${JSON.stringify(key)}` };
      seen.add(key);
      const value = decode(pair.slice(eq + 1));
      if (value === undefined) return { problem: 'malformed percent-encoding in a qualifier' };
      if (value !== '') qualifiers.push([key, value]);
    }
    qualifiers.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    rest = rest.slice(0, q);
  }
  // Scheme.
  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg')
    return { problem: 'the scheme is not "pkg:"' };
  rest = trimSlashes(rest.slice(colon + 1));
  // Type.
  const slash = rest.indexOf('/');
  if (slash < 0) return { problem: 'no "/" after the type: a name is required' };
  const type = rest.slice(0, slash).toLowerCase();
  if (!TYPE.test(type)) return { problem: `invalid type ${JSON.stringify(type)}` };
  rest = trimSlashes(rest.slice(slash + 1));
  // Version: after the rightmost '@' that follows the last '/', so an unencoded npm scope
  // ("pkg:npm/@angular/core") is not mistaken for a version separator.
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    const v = decode(rest.slice(at + 1));
    if (v === undefined) return { problem: 'malformed percent-encoding in the version' };
    version = v === '' ? undefined : v;
    rest = rest.slice(0, at);
  }
  // Name and namespace.
  const lastSlash = rest.lastIndexOf('/');
  const name = decode(rest.slice(lastSlash + 1));
  if (name === undefined) return { problem: 'malformed percent-encoding in the name' };
  if (name === '') return { problem: 'the name is empty' };
  let namespace: string | undefined;
  if (lastSlash > 0) {
    const segs: string[] = [];
    for (const raw of rest.slice(0, lastSlash).split('/')) {
      if (raw === '') continue;
      const seg = decode(raw);
      if (seg === undefined) return { problem: 'malformed percent-encoding in the namespace' };
      if (seg.includes('/')) return { problem: 'a namespace segment contains "/"' };
      segs.push(seg);
    }
    namespace = segs.length > 0 ? segs.join('/') : undefined;
  }
  return normalize({ type, namespace, name, version, qualifiers, subpath });
};

/** Whether {@link parsePurl} failed. */
export const isPurlProblem = (p: Purl | PurlProblem): p is PurlProblem => 'problem' in p;

/**
 * Builds a purl from components, applying the type-specific case rules.
 * @param parts - type, optional namespace, name, optional version and qualifiers
 * @returns the normalized purl
 * @example
 * formatPurl(makePurl({ type: 'maven', namespace: 'org.yaml', name: 'snakeyaml', version: '1.30' }))
 */
export const makePurl = (parts: {
  readonly type: string;
  readonly namespace?: string | undefined;
  readonly name: string;
  readonly version?: string | undefined;
  readonly qualifiers?: ReadonlyArray<readonly [string, string]>;
}): Purl =>
  normalize({
    type: parts.type.toLowerCase(),
    namespace: parts.namespace === '' ? undefined : parts.namespace,
    name: parts.name,
    version: parts.version === '' ? undefined : parts.version,
    qualifiers: [...(parts.qualifiers ?? [])]
      .filter((kv) => kv[1] !== '')
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    subpath: undefined,
  });

/**
 * The canonical purl string (finding-v1 section 5.2).
 * @param p - a parsed purl
 * @param options - `bare: true` leaves out qualifiers and subpath (the finding-key form)
 * @returns `pkg:type/namespace/name@version?k=v#subpath`
 * @example
 * formatPurl(parsePurl('pkg:deb/debian/tar@1.34+dfsg-1.2?arch=amd64') as Purl, { bare: true })
 * // 'pkg:deb/debian/tar@1.34%2Bdfsg-1.2'
 */
export const formatPurl = (p: Purl, options: { readonly bare?: boolean } = {}): string => {
  let s = `pkg:${p.type}/`;
  if (p.namespace !== undefined) s += `${p.namespace.split('/').map(encode).join('/')}/`;
  s += encode(p.name);
  if (p.version !== undefined) s += `@${encode(p.version)}`;
  if (options.bare === true) return s;
  if (p.qualifiers.length > 0)
    s += `?${p.qualifiers.map(([k, v]) => `${k}=${encode(v)}`).join('&')}`;
  if (p.subpath !== undefined) s += `#${p.subpath.split('/').map(encode).join('/')}`;
  return s;
};

/**
 * Canonicalizes a purl string.
 * @param text - a purl as a tool wrote it
 * @returns the canonical form, or `undefined` when it is not a purl
 * @example
 * canonicalizePurl('pkg:rpm/amazon/ca-certificates@2021?distro=amazon-2+%28Karoo%29&arch=noarch')
 * // 'pkg:rpm/amazon/ca-certificates@2021?arch=noarch&distro=amazon-2%2B%28Karoo%29'
 */
export const canonicalizePurl = (text: string): string | undefined => {
  const p = parsePurl(text);
  return isPurlProblem(p) ? undefined : formatPurl(p);
};

// --- internal --------------------------------------------------------------

const MAX_PURL_LENGTH = 4096;
const TYPE = /^[a-z][a-z0-9.-]*$/;
const QUALIFIER_KEY = /^[a-z][a-z0-9._-]*$/;
// Characters that stay literal in the canonical form (purl spec "Character encoding").
const SAFE = /^[A-Za-z0-9._~:-]*$/;

const trimSlashes = (s: string): string => {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 0x2f) a++;
  while (b > a && s.charCodeAt(b - 1) === 0x2f) b--;
  return s.slice(a, b);
};

const decode = (s: string): string | undefined => {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

const HEX = '0123456789ABCDEF';
const UTF8 = new TextEncoder();
const encode = (s: string): string => {
  if (SAFE.test(s)) return s;
  let out = '';
  for (const b of UTF8.encode(s)) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && SAFE.test(c) ? c : `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
};

type Rule = 'ns' | 'name' | 'version' | 'underscore-to-dash' | 'dash-to-underscore';
// PURL-TYPES case and spelling rules (lowercasing is String#toLowerCase: locale-independent).
const TYPE_RULES: Readonly<Record<string, ReadonlyArray<Rule>>> = {
  alpm: ['ns', 'name'],
  apk: ['ns', 'name'],
  bitbucket: ['ns', 'name'],
  bitnami: ['name'],
  composer: ['ns', 'name'],
  deb: ['ns', 'name'],
  github: ['ns', 'name'],
  gitlab: ['ns', 'name'],
  hex: ['ns', 'name'],
  huggingface: ['version'],
  luarocks: ['version'],
  npm: ['ns', 'name'],
  oci: ['name'],
  pub: ['name', 'dash-to-underscore'],
  pypi: ['ns', 'name', 'underscore-to-dash'],
  qpkg: ['ns'],
  rpm: ['ns'],
};

const normalize = (p: Purl): Purl => {
  const rules = Object.prototype.hasOwnProperty.call(TYPE_RULES, p.type)
    ? TYPE_RULES[p.type]
    : undefined;
  if (rules === undefined) return p;
  let { namespace, name, version } = p;
  for (const r of rules) {
    if (r === 'ns') namespace = namespace?.toLowerCase();
    else if (r === 'name') name = name.toLowerCase();
    else if (r === 'version') version = version?.toLowerCase();
    else if (r === 'underscore-to-dash') name = name.replaceAll('_', '-');
    else name = name.replaceAll('-', '_');
  }
  return { ...p, namespace, name, version };
};
