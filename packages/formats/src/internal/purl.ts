/**
 * Package URLs as importers use them: parsed and normalized by core's `parsePurl` (the single
 * canonical form of docs/spec/scope-matching.md section 1, shared with exception scopes), memoized
 * per import because scanners repeat the same purl on every vulnerability of a package.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { parsePurl, type PackageUrl } from '@warrant/core';

/** A purl as models store it: canonical text, bare (finding-key) form, and the components. */
export interface ResolvedPurl {
  readonly purl: string;
  readonly bare: string;
  readonly parsed: PackageUrl;
}

/** Parses and normalizes purls, remembering every answer for the life of one import. */
export class PurlResolver {
  private readonly memo = new Map<string, ResolvedPurl | { readonly problem: string }>();

  /** The resolved purl, or the reason it is not one. */
  resolve(text: string): ResolvedPurl | { readonly problem: string } {
    let r = this.memo.get(text);
    if (r === undefined) {
      const p = parsePurl(text);
      r = E.isLeft(p)
        ? { problem: p.left.message }
        : { purl: p.right.canonical, bare: bareForm(p.right.canonical), parsed: p.right };
      this.memo.set(text, r);
    }
    return r;
  }
}

/**
 * The bare form: the canonical purl without qualifiers and subpath. Canonical text encodes `?`
 * and `#` inside components, so the first of them is the separator.
 */
export const bareForm = (canonical: string): string => {
  const q = canonical.indexOf('?');
  const h = canonical.indexOf('#');
  const cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
  return cut < 0 ? canonical : canonical.slice(0, cut);
};

/**
 * Writes purl text from decoded components (ECMA-427 encoding: everything but ASCII letters,
 * digits, `.-_~` and `:` percent-encoded); the result still goes through {@link PurlResolver}.
 */
export const purlText = (
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
): string =>
  `pkg:${type}/${namespace === undefined ? '' : `${namespace.split('/').map(encode).join('/')}/`}${encode(name)}${version === undefined ? '' : `@${encode(version)}`}`;

const UTF8 = new TextEncoder();
const SAFE = /^[A-Za-z0-9._~:-]*$/;
const HEX = '0123456789ABCDEF';
const encode = (s: string): string => {
  if (SAFE.test(s)) return s;
  let out = '';
  for (const b of UTF8.encode(s)) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && SAFE.test(c) ? c : `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
};
