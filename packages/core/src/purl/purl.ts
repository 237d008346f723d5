/**
 * Package URLs: strict parsing into normalized components and the canonical string form.
 *
 * packageurl-js does the component split, the type-specific normalization (lowercasing per
 * PURL-TYPES, pypi `_` to `-`) and the type-specific validation; this module wraps it so that
 * nothing throws, and closes the gaps where packageurl-js 2.0.1 accepts or alters input silently:
 * control characters and spaces (WHATWG URL strips or keeps them), `+` in qualifier values
 * (read as a space), duplicate qualifier keys (last wins), encoded `/` inside a segment, stray
 * `@`, empty qualifier values and an empty version after `@`. Canonical text is written by
 * `encode.ts` per ECMA-427 rather than by packageurl-js's `toString`.
 * @see https://github.com/package-url/purl-spec/blob/main/docs/standard/specification.md
 * @see ../../../../docs/spec/scope-matching.md (section "purl parsing and normalization")
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { PackageURL } from 'packageurl-js';
import { makeError, type WarrantError } from '../errors';
import { versSchemesForPurlType } from '../version/scheme';
import { parseVers } from '../version/vers';
import { byCodeUnit, formatPurl, type PurlComponents } from './encode';
import { parseNormalPurl } from './fast';
import { splitPurl } from './split';

// --- model -----------------------------------------------------------------

/** Brand of {@link PackageUrl}: only {@link parsePurl} makes one, so every PackageUrl is normalized. */
export interface PackageUrlBrand {
  readonly PackageUrl: unique symbol;
}

/** A parsed, normalized package URL; `canonical` is its canonical string. */
export type PackageUrl = t.Branded<
  PurlComponents & { readonly canonical: string },
  PackageUrlBrand
>;

/** Why a purl was refused. */
export type PurlError = WarrantError<'CORE_PURL_INVALID'>;

/** Longest purl text accepted (hostile-input bound). */
export const MAX_PURL_LENGTH = 8_192;

// --- operations ------------------------------------------------------------

/**
 * Parses and normalizes a purl. Never throws on bad input.
 * @param text - a purl such as `pkg:npm/%40angular/core@12.3.1`
 * @param path - where the text came from (JSON path), for the error
 * @returns the normalized purl, or `CORE_PURL_INVALID` saying what is wrong
 * @see ../../../../docs/spec/scope-matching.md (section "purl parsing and normalization")
 * @example
 * parsePurl('pkg:PYPI/Django_Package@1.11.1') // right({ type: 'pypi', name: 'django-package', canonical: 'pkg:pypi/django-package@1.11.1', … })
 * parsePurl('pkg:npm/foo@1.0.0?arch=x&ARCH=y') // left({ code: 'CORE_PURL_INVALID', message: 'qualifier "arch" appears twice' })
 */
export const parsePurl = (text: string, path = '$'): E.Either<PurlError, PackageUrl> => {
  if (typeof text !== 'string') throw new TypeError('parsePurl expects a string');
  // Most purls are already in normal form: their components without packageurl-js.
  const normal = text.length <= MAX_PURL_LENGTH ? parseNormalPurl(text) : undefined;
  return normal !== undefined ? E.right(normal as PackageUrl) : parsePurlInFull(text, path);
};

/**
 * {@link parsePurl} without the shortcut for purls already in normal form (`fast.ts`): the
 * reference the shortcut is tested against.
 * @internal
 */
export const parsePurlInFull = (text: string, path = '$'): E.Either<PurlError, PackageUrl> => {
  const fail = (message: string): E.Either<PurlError, never> =>
    E.left(makeError('CORE_PURL_INVALID', message, path));
  if (text.length > MAX_PURL_LENGTH) return fail(`longer than ${MAX_PURL_LENGTH} characters`);
  if (NOT_PRINTABLE_ASCII.test(text)) {
    let i = 0;
    while (isPrintableAscii(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    return fail(
      `character U+${c.toString(16).toUpperCase().padStart(4, '0')} at offset ${i} is not ` +
        'allowed: a purl is printable ASCII; percent-encode spaces and other characters',
    );
  }
  // The scheme, case-insensitively (the text is printable ASCII here).
  if (
    text.charCodeAt(3) !== 0x3a ||
    (text.charCodeAt(0) | 0x20) !== 0x70 ||
    (text.charCodeAt(1) | 0x20) !== 0x6b ||
    (text.charCodeAt(2) | 0x20) !== 0x67
  ) {
    return fail('a purl starts with the scheme "pkg:"');
  }
  const split = splitSeparators(text.slice(4));
  if (typeof split === 'string') return fail(split);
  const qualifiers = parseQualifiers(split.query);
  if (typeof qualifiers === 'string') return fail(qualifiers);
  const raw = splitPurl(split.main, split.fragment) ?? parseWithUrl(split);
  if (typeof raw === 'string') return fail(raw);
  const [type, namespace, name, version, , subpath] = raw as ReadonlyArray<string | undefined>;
  const padded = hasPadding(namespace)
    ? 'namespace'
    : hasPadding(name)
      ? 'name'
      : hasPadding(version)
        ? 'version'
        : undefined;
  if (padded !== undefined) return fail(`the ${padded} starts or ends with whitespace`);
  const built = (() => {
    try {
      return new PackageURL(type ?? '', namespace, name ?? '', version, { ...qualifiers }, subpath);
    } catch (e) {
      return describe(e, version);
    }
  })();
  if (typeof built === 'string') return fail(built);
  if (!TYPE_SYNTAX.test(built.type)) {
    return fail(`type "${built.type}" must be an ASCII letter followed by letters, digits, . or -`);
  }
  const components: PurlComponents = {
    type: built.type,
    namespace: emptyToNull(built.namespace),
    name: built.type === 'pypi' ? normalizePypiName(built.name) : built.name,
    version: emptyToNull(built.version),
    qualifiers: sortKeys(qualifiers),
    subpath: emptyToNull(built.subpath),
  };
  const vers = components.qualifiers['vers'];
  if (vers !== undefined) {
    if (components.version !== null) {
      return fail('the vers qualifier and a version are mutually exclusive');
    }
    const range = parseVers(vers, path);
    if (E.isLeft(range)) return fail(`qualifier vers: ${range.left.message}`);
    const accepted = versSchemesForPurlType(components.type);
    const universal = range.right.scheme === 'all' || range.right.scheme === 'none';
    if (!universal && !accepted.includes(range.right.scheme)) {
      return fail(
        `qualifier vers uses scheme "${range.right.scheme}", but ${components.type} versions ` +
          `compare with ${accepted.join(' or ')}`,
      );
    }
  }
  const purl: PurlComponents & { canonical: string } = {
    type: components.type,
    namespace: components.namespace,
    name: components.name,
    version: components.version,
    qualifiers: components.qualifiers,
    subpath: components.subpath,
    canonical: formatPurl(components),
  };
  return E.right(purl as PackageUrl);
};

/**
 * Parses a purl and returns its canonical string: the same text for every spelling of the
 * same purl, and a fixed point (`normalizePurl(normalizePurl(x)) === normalizePurl(x)`).
 * @param text - a purl
 * @param path - where the text came from, for the error
 * @returns the canonical string, or `CORE_PURL_INVALID`
 * @see ../../../../docs/spec/scope-matching.md (section "Canonical form")
 * @example
 * normalizePurl('pkg://Maven/org.apache.xmlgraphics/batik-anim@1.9.1?repositorY_url=repo.spring.io/release')
 * // right('pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?repository_url=repo.spring.io%2Frelease')
 */
export const normalizePurl = (text: string, path = '$'): E.Either<PurlError, string> =>
  E.map((p: PackageUrl) => p.canonical)(parsePurl(text, path));

// --- internal --------------------------------------------------------------

const TYPE_SYNTAX = /^[a-z][a-z0-9.-]*$/;
// Anything but printable ASCII (0x21-0x7E).
const NOT_PRINTABLE_ASCII = /[^\x21-\x7e]/;
const isPrintableAscii = (c: number): boolean => c > 0x20 && c < 0x7f;

// packageurl-js's URL-based split, for what splitPurl leaves to it.
const parseWithUrl = (split: Separated): ReadonlyArray<unknown> | string => {
  try {
    return PackageURL.parseString(`pkg:${split.main}${split.fragment ?? ''}`);
  } catch (e) {
    return describe(e);
  }
};
const KEY_SYNTAX = /^[a-z][a-z0-9._-]*$/;
const ENCODED_SLASH = /%2f/i;

interface Separated {
  /** type/namespace/name@version, leading slashes kept (packageurl-js drops them). */
  readonly main: string;
  readonly query: string | undefined;
  /** `#` and the subpath, or undefined. */
  readonly fragment: string | undefined;
}

// One unencoded '#' and '?' at most, '?' before '#'; '@' only as the version separator or
// at the start of a namespace segment (the unencoded npm scope `pkg:npm/@scope/name`, which
// packageurl-js accepts on purpose); no encoded '/' inside a segment.
const splitSeparators = (rest: string): Separated | string => {
  const hash = rest.indexOf('#');
  if (hash !== -1 && rest.indexOf('#', hash + 1) !== -1) {
    return '"#" appears twice: encode it as %23 outside the subpath separator';
  }
  const beforeHash = hash === -1 ? rest : rest.slice(0, hash);
  const fragment = hash === -1 ? undefined : rest.slice(hash);
  if (fragment !== undefined && fragment.includes('?')) {
    return '"?" after "#": encode it as %3F inside the subpath';
  }
  const q = beforeHash.indexOf('?');
  if (q !== -1 && beforeHash.indexOf('?', q + 1) !== -1) {
    return '"?" appears twice: encode it as %3F outside the qualifiers separator';
  }
  const main = q === -1 ? beforeHash : beforeHash.slice(0, q);
  const query = q === -1 ? undefined : beforeHash.slice(q + 1);
  if (ENCODED_SLASH.test(main) || (fragment !== undefined && ENCODED_SLASH.test(fragment))) {
    return 'a percent-encoded "/" (%2F) cannot appear inside a namespace, name or subpath segment';
  }
  const path = main.replace(/^\/+/, '');
  const at = lastVersionSeparator(path);
  const beforeVersion = at === -1 ? path : path.slice(0, at);
  for (let i = beforeVersion.indexOf('@'); i !== -1; i = beforeVersion.indexOf('@', i + 1)) {
    if (beforeVersion[i - 1] !== '/')
      return 'an "@" that is not the version separator must be encoded as %40';
  }
  if (at !== -1 && at === path.length - 1) return '"@" must be followed by a version';
  return { main, query, fragment };
};

// The version separator is the last '@' that does not start a path segment (packageurl-js's
// rule, which keeps `pkg:npm/@scope/name` version-less).
const lastVersionSeparator = (path: string): number => {
  const at = path.lastIndexOf('@');
  return at > 0 && path[at - 1] !== '/' ? at : -1;
};

const parseQualifiers = (query: string | undefined): Record<string, string> | string => {
  const out: Record<string, string> = {};
  if (query === undefined || query === '') return out;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `qualifier "${pair}" is not key=value`;
    const key = pair.slice(0, eq).toLowerCase();
    if (!KEY_SYNTAX.test(key)) {
      return `qualifier key "${pair.slice(0, eq)}" must be an ASCII letter followed by letters, digits, . - or _`;
    }
    if (Object.prototype.hasOwnProperty.call(out, key)) return `qualifier "${key}" appears twice`;
    let value = pair.slice(eq + 1);
    if (value.indexOf('%') !== -1) {
      try {
        value = decodeURIComponent(value);
      } catch {
        return `qualifier "${key}" has an invalid percent-encoding`;
      }
    }
    if (value === '') return `qualifier "${key}" has an empty value; remove it or give a value`;
    out[key] = value;
  }
  return out;
};

// packageurl-js throws PurlError with an "Invalid purl: " prefix; its golang validator also
// throws a ReferenceError ("throws is not defined") for a "v" version that is not semver.
const describe = (e: unknown, version?: string): string => {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof ReferenceError) {
    return `golang version "${version ?? ''}" starts with "v" but is not a semantic version`;
  }
  return message.replace(/^Invalid purl: /, '');
};

const hasPadding = (value: string | undefined): boolean =>
  value !== undefined && value !== value.trim();

const emptyToNull = (s: string | undefined): string | null =>
  s === undefined || s === '' ? null : s;

const sortKeys = (q: Readonly<Record<string, string>>): Readonly<Record<string, string>> => {
  const keys = Object.keys(q);
  // parseQualifiers made `q` for this call alone: with fewer than two keys it is its own order.
  if (keys.length < 2) return q;
  const out: Record<string, string> = {};
  for (const k of keys.sort(byCodeUnit)) out[k] = q[k] as string;
  return out;
};

// PEP 503 (purl-spec pypi definition): runs of "-", "_" and "." become a single "-".
const normalizePypiName = (name: string): string => name.replace(/[-_.]+/g, '-');
