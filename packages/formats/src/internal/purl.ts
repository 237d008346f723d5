/**
 * Package URLs as importers use them: parsed and normalized by core's `parsePurl` (the single
 * canonical form of docs/spec/scope-matching.md section 1, shared with exception scopes), memoized
 * per import because scanners repeat the same purl on every vulnerability of a package.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { formatPurl, parsePurl, type PackageUrl } from '@warrant/core';

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
 * Writes purl text from decoded components with core's {@link formatPurl} (ECMA-427 encoding);
 * the result still goes through {@link PurlResolver}.
 */
export const purlText = (
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
): string =>
  formatPurl({
    type,
    namespace: namespace ?? null,
    name,
    version: version ?? null,
    qualifiers: NO_QUALIFIERS,
    subpath: null,
  });

const NO_QUALIFIERS: Readonly<Record<string, string>> = Object.freeze({});
