/**
 * Package URLs and `vers:` ranges in exception scopes (docs/spec/exception-v1.md section 4.2),
 * through the purl and vers parsers of @warrant/core (docs/spec/scope-matching.md): a purl is
 * parsed and stored in its canonical form; a range must already be canonical; a component states
 * its version dimension once, with a range scheme that compares versions of the purl's type.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { parsePurl } from '../purl/purl';
import { versSchemesForPurlType } from '../version/scheme';
import { parseVers } from '../version/vers';

// --- operations ------------------------------------------------------------

/**
 * Parses a purl for an exception scope.
 * @param purl - the candidate purl
 * @returns the canonical purl text, or a message saying what is wrong
 * @see docs/spec/scope-matching.md section "purl parsing and normalization"
 * @example
 * canonicalPurl('pkg:NPM/lodash@4.17.21') // right('pkg:npm/lodash@4.17.21')
 * canonicalPurl('npm/lodash')             // left('a purl starts with the scheme "pkg:"')
 */
export const canonicalPurl = (purl: string): E.Either<string, string> => {
  const cached = PURL_CACHE.get(purl);
  if (cached !== undefined) return cached;
  const p = parsePurl(purl);
  const r: E.Either<string, string> = E.isLeft(p)
    ? E.left(p.left.message)
    : E.right(p.right.canonical);
  // Bounded: cleared when full rather than evicted one by one (simple, and a pure function's
  // cache can be dropped at any time).
  if (PURL_CACHE.size >= PURL_CACHE_SIZE) PURL_CACHE.clear();
  PURL_CACHE.set(purl, r);
  return r;
};

// Logs repeat the same few thousand purls endlessly, and parsing one costs far more than a
// lookup: the exception fold parses every component of every proposal it reads.
const PURL_CACHE = new Map<string, E.Either<string, string>>();
const PURL_CACHE_SIZE = 4096;

/**
 * Checks a version range for an exception scope: valid and canonical vers text.
 * @param range - the candidate range
 * @returns a message saying what is wrong, or `undefined`
 * @see docs/spec/scope-matching.md section "vers syntax"
 * @example
 * versSyntaxProblem('vers:npm/>=1.0.0|<2.0.0') // undefined
 * versSyntaxProblem('vers:npm/<2.0.0|>=1.0.0') // '… not sorted …'
 */
export const versSyntaxProblem = (range: string): string | undefined => {
  const r = parseVers(range);
  if (E.isLeft(r)) return r.left.message;
  return r.right.text === range ? undefined : `expected the canonical form ${r.right.text}`;
};

/**
 * Whether a (canonical) purl states its version: a version after `@` or a `vers` qualifier other
 * than the wildcard `vers:<scheme>/*`.
 * @param purl - a purl accepted by {@link canonicalPurl}
 * @returns true when the purl pins a version or a range
 * @example
 * purlHasVersion('pkg:npm/%40scope/a@1.0.0') // true
 * purlHasVersion('pkg:npm/lodash')           // false
 */
export const purlHasVersion = (purl: string): boolean => {
  const p = parsePurl(purl);
  if (E.isLeft(p)) return false;
  const vers = p.right.qualifiers['vers'];
  return p.right.version !== null || (vers !== undefined && !isVersWildcard(vers));
};

/**
 * Whether a purl carries any version dimension (a version or a `vers` qualifier, even `*`).
 * @param purl - a purl accepted by {@link canonicalPurl}
 * @returns true when a separate range would state the version twice
 * @example
 * purlStatesVersion('pkg:npm/a?vers=vers:npm/*') // true
 */
export const purlStatesVersion = (purl: string): boolean => {
  const p = parsePurl(purl);
  return E.isRight(p) && (p.right.version !== null || p.right.qualifiers['vers'] !== undefined);
};

/**
 * Whether a range covers every version: `vers:<scheme>/*` (including `vers:all/*`).
 * @param range - a range accepted by {@link versSyntaxProblem}
 * @returns true for a wildcard range
 * @example
 * isVersWildcard('vers:npm/*') // true
 */
export const isVersWildcard = (range: string): boolean => {
  const r = parseVers(range);
  return E.isRight(r) && r.right.star && r.right.scheme !== 'none';
};

/**
 * Checks that a range's scheme compares versions of a purl's type (`vers:all/*` and
 * `vers:none/*` fit every type).
 * @param purl - a canonical purl
 * @param range - a canonical range
 * @returns a message when they do not fit, or `undefined`
 * @example
 * rangeSchemeProblem('pkg:npm/a', 'vers:pypi/<2') // 'vers:pypi/<2 compares pypi versions, but npm …'
 */
export const rangeSchemeProblem = (purl: string, range: string): string | undefined => {
  const p = parsePurl(purl);
  const r = parseVers(range);
  if (E.isLeft(p) || E.isLeft(r)) return undefined;
  if (r.right.scheme === 'all' || r.right.scheme === 'none') return undefined;
  const accepted = versSchemesForPurlType(p.right.type);
  return accepted.includes(r.right.scheme)
    ? undefined
    : `${range} compares ${r.right.scheme} versions, but ${p.right.type} versions compare with ${accepted.join(' or ')}`;
};
