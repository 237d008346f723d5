/**
 * `vers:` version range specifiers: strict parsing of the canonical form, validation (sorted,
 * unique versions, a valid comparator sequence), and building a canonical range from
 * constraints in any order. Containment lives in `vers-contains.ts`.
 * @see https://github.com/package-url/vers-spec/blob/main/docs/specification/standard/Clause-5-VERS-Specification.md
 * @see https://github.com/package-url/vers-spec/blob/main/docs/specification/how-to-parse.md
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { makeError, type WarrantError } from '../errors';
import {
  compareParsed,
  isVersScheme,
  parseSchemeVersion,
  type ParsedVersion,
  type VersScheme,
} from './scheme';

// --- model -----------------------------------------------------------------

/** A constraint comparator; `=` is written as a bare version in vers text. */
export type VersComparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One `<comparator><version>` of a range; `version` is percent-decoded. */
export interface VersConstraint {
  readonly comparator: VersComparator;
  readonly version: string;
}

/** Brand of {@link VersionRange}: only {@link parseVers} and {@link buildVers} make one. */
export interface VersionRangeBrand {
  readonly VersionRange: unique symbol;
}

/** A validated version range: sorted, unique versions, a valid comparator sequence. */
export type VersionRange = t.Branded<
  {
    /** A comparable scheme, or `all` / `none` (which only take `*`). */
    readonly scheme: VersScheme | 'all' | 'none';
    /** True for `vers:<scheme>/*`; then `constraints` is empty. */
    readonly star: boolean;
    /** Constraints in ascending version order. */
    readonly constraints: ReadonlyArray<VersConstraint>;
    /** The canonical text, e.g. `vers:npm/>=1.0.0|<2.0.0`. */
    readonly text: string;
  },
  VersionRangeBrand
>;

/** Why a range was refused. */
export type VersError = WarrantError<
  'CORE_VERS_INVALID' | 'CORE_VERS_UNSUPPORTED_SCHEME' | 'CORE_VERSION_INVALID'
>;

/** Longest `vers` text accepted (hostile-input bound). */
export const MAX_VERS_LENGTH = 16_384;

// --- operations ------------------------------------------------------------

/**
 * Parses a `vers:` string in canonical form. Whitespace, leading, trailing or doubled pipes,
 * a leading `=`, unsorted or duplicate versions and invalid comparator sequences are errors,
 * never silently corrected (vers how-to-parse: "Tools shall not correct or normalise invalid
 * input during parsing"). Percent-escapes are decoded once; hex digits may be either case.
 * @param text - the range, e.g. `vers:npm/>=1.0.0|<2.0.0`
 * @param path - where the text came from, for errors
 * @returns the range, or `CORE_VERS_INVALID`, `CORE_VERS_UNSUPPORTED_SCHEME` or `CORE_VERSION_INVALID`
 * @see ../../../../docs/spec/scope-matching.md (section "vers syntax")
 * @example
 * parseVers('vers:npm/>=1.0.0|<2.0.0') // right({ scheme: 'npm', constraints: [{ comparator: '>=', version: '1.0.0' }, …], … })
 * parseVers('vers:npm/<2.0.0|>=1.0.0') // left({ code: 'CORE_VERS_INVALID', message: '… not sorted …' })
 */
export const parseVers = (text: string, path = '$'): E.Either<VersError, VersionRange> => {
  if (typeof text !== 'string') throw new TypeError('parseVers expects a string');
  const known = PARSED_RANGES.get(text);
  if (known !== undefined) return known;
  const r = parseVersText(text, path);
  // Only accepted ranges are kept: an error names the caller's path.
  if (E.isRight(r)) {
    if (PARSED_RANGES.size >= PARSED_RANGES_SIZE) PARSED_RANGES.clear();
    PARSED_RANGES.set(text, r);
  }
  return r;
};

// Exception scopes repeat the same ranges, and one scope's range is parsed by several checks
// (syntax, scheme, breadth, compilation): accepted ranges are kept by text. A range is immutable
// and a pure function's cache can be dropped at any time, so it is cleared when full rather than
// evicted one by one.
const PARSED_RANGES = new Map<string, E.Right<VersionRange>>();
const PARSED_RANGES_SIZE = 4096;

const parseVersText = (text: string, path: string): E.Either<VersError, VersionRange> => {
  if (text.length > MAX_VERS_LENGTH) return fail(`longer than ${MAX_VERS_LENGTH} characters`, path);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) {
      return fail(
        `character at offset ${i} (U+${c.toString(16).toUpperCase().padStart(4, '0')}) is not ` +
          'allowed: whitespace is not permitted and a version must percent-encode it (%20)',
        path,
      );
    }
  }
  const colon = text.indexOf(':');
  if (colon === -1 || text.slice(0, colon) !== 'vers') {
    return fail('a range starts with the lowercase URI scheme "vers:"', path);
  }
  const spec = text.slice(colon + 1);
  const slash = spec.indexOf('/');
  if (slash === -1) return fail('expected "vers:<scheme>/<constraints>"', path);
  const scheme = checkScheme(spec.slice(0, slash), path);
  if (E.isLeft(scheme)) return scheme;
  const body = spec.slice(slash + 1);
  if (body === '*') return E.right(makeRange(scheme.right, true, []));
  if (scheme.right === 'all' || scheme.right === 'none') {
    return fail(`vers:${scheme.right} only takes "*"`, path);
  }
  if (body === '') return fail('the constraints are empty', path);
  if (body.includes('*')) return fail('"*" must be used alone, as in vers:npm/*', path);
  if (body.startsWith('|') || body.endsWith('|')) {
    return fail('a leading or trailing "|" is not permitted', path);
  }
  const constraints: VersConstraint[] = [];
  const parts = body.split('|');
  for (let i = 0; i < parts.length; i++) {
    const c = parseConstraint(parts[i] as string, i, path);
    if (E.isLeft(c)) return c;
    constraints.push(c.right);
  }
  return validate(scheme.right, constraints, false, path);
};

/**
 * Builds a canonical range from constraints in any order: sorts them by version and applies
 * the same validation as {@link parseVers} (an importer's entry point, e.g. from OSV events).
 * @param scheme - a scheme from `VERS_SCHEMES`
 * @param constraints - comparator/version pairs, versions not percent-encoded
 * @param path - where the constraints came from, for errors
 * @returns the range, or the first problem found
 * @example
 * buildVers('npm', [{ comparator: '<', version: '2.0.0' }, { comparator: '>=', version: '1.0.0' }])
 * // right({ text: 'vers:npm/>=1.0.0|<2.0.0', … })
 */
export const buildVers = (
  scheme: string,
  constraints: ReadonlyArray<VersConstraint>,
  path = '$',
): E.Either<VersError, VersionRange> => {
  if (!isVersScheme(scheme)) return E.left(unsupported(scheme, path));
  if (constraints.length === 0) return fail('the constraints are empty', path);
  return validate(scheme, constraints, true, path);
};

// --- internal --------------------------------------------------------------

const SCHEME_SYNTAX = /^[a-z][a-z0-9.-]*$/;
const MUST_ENCODE = /[%<>=!*|]/;

const checkScheme = (
  scheme: string,
  path: string,
): E.Either<VersError, VersScheme | 'all' | 'none'> => {
  if (!SCHEME_SYNTAX.test(scheme)) {
    return fail(`versioning scheme "${scheme}" must be lowercase [a-z][a-z0-9.-]*`, path);
  }
  if (scheme === 'invalid') return fail('"invalid" is the reserved always-invalid scheme', path);
  if (scheme === 'all' || scheme === 'none' || isVersScheme(scheme)) return E.right(scheme);
  return E.left(unsupported(scheme, path));
};

const parseConstraint = (
  raw: string,
  index: number,
  path: string,
): E.Either<VersError, VersConstraint> => {
  if (raw === '') return fail('consecutive "|" are not permitted', path);
  const two = raw.slice(0, 2);
  const comparator: VersComparator =
    two === '>=' || two === '<=' || two === '!='
      ? two
      : raw[0] === '<' || raw[0] === '>'
        ? (raw[0] as '<' | '>')
        : '=';
  if (comparator === '=' && raw[0] === '=') {
    return fail(`constraint ${index + 1} "${raw}": write equality as a bare version`, path);
  }
  const encoded = raw.slice(comparator === '=' ? 0 : comparator.length);
  if (encoded === '') return fail(`constraint ${index + 1} "${raw}" has no version`, path);
  const decoded = percentDecode(encoded);
  if (decoded === undefined) {
    return fail(
      `constraint ${index + 1} "${raw}": invalid percent-encoding or a literal character ` +
        'that must be percent-encoded (% < > = ! * |) or a non-ASCII escape',
      path,
    );
  }
  return E.right({ comparator, version: decoded });
};

// Decodes %XX escapes once; refuses literal characters that must be encoded, malformed
// escapes, and escapes outside ASCII (a vers version is an ASCII string).
const percentDecode = (s: string): string | undefined => {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch !== '%') {
      if (MUST_ENCODE.test(ch)) return undefined;
      out += ch;
      continue;
    }
    const hex = s.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code >= 0x80) return undefined;
    out += String.fromCharCode(code);
    i += 2;
  }
  return out;
};

const encodeVersion = (v: string): string => {
  let out = '';
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    out +=
      c <= 0x20 || c >= 0x7f || MUST_ENCODE.test(ch)
        ? `%${c.toString(16).toUpperCase().padStart(2, '0')}`
        : ch;
  }
  return out;
};

const formatConstraint = (c: VersConstraint): string =>
  (c.comparator === '=' ? '' : c.comparator) + encodeVersion(c.version);

// The versions parsed during validation ride along on the range under a non-enumerable symbol
// key, so versContains does not parse them again; JSON, spreads and equality never see them.
const PARSED = Symbol('warrant.vers.parsed');

const makeRange = (
  scheme: VersScheme | 'all' | 'none',
  star: boolean,
  constraints: ReadonlyArray<VersConstraint>,
  parsed: ReadonlyArray<ParsedVersion> = [],
): VersionRange => {
  const range = {
    scheme,
    star,
    constraints,
    text: `vers:${scheme}/${star ? '*' : constraints.map(formatConstraint).join('|')}`,
  };
  Object.defineProperty(range, PARSED, { value: parsed, enumerable: false });
  // parseVers hands the same range to every caller of the same text: nobody may change it.
  Object.freeze(constraints);
  return Object.freeze(range) as VersionRange;
};

/**
 * The constraint versions as parsed when the range was made (one per constraint), or
 * undefined for an object that did not come from parseVers or buildVers.
 * @internal
 */
export const parsedConstraints = (
  range: VersionRange,
): ReadonlyArray<ParsedVersion> | undefined => {
  const cached = (range as unknown as Record<symbol, ReadonlyArray<ParsedVersion> | undefined>)[
    PARSED
  ];
  return cached !== undefined && cached.length === range.constraints.length ? cached : undefined;
};

const validate = (
  scheme: VersScheme,
  input: ReadonlyArray<VersConstraint>,
  sort: boolean,
  path: string,
): E.Either<VersError, VersionRange> => {
  const parsed: Array<{ readonly c: VersConstraint; readonly v: ParsedVersion }> = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as VersConstraint;
    const v = parseSchemeVersion(scheme, c.version, path);
    if (E.isLeft(v)) {
      return E.left({ ...v.left, message: `constraint ${i + 1}: ${v.left.message}` });
    }
    parsed.push({ c, v: v.right });
  }
  if (sort) parsed.sort((x, y) => compareParsed(x.v, y.v));
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1] as (typeof parsed)[number];
    const cur = parsed[i] as (typeof parsed)[number];
    const order = compareParsed(prev.v, cur.v);
    if (order === 0) {
      return fail(
        `versions "${prev.c.version}" and "${cur.c.version}" are equal in ${scheme}; ` +
          'each version may appear once in a range',
        path,
      );
    }
    if (order > 0) {
      return fail(
        `constraints are not sorted by version: "${prev.c.version}" comes after ` +
          `"${cur.c.version}" in ${scheme} order`,
        path,
      );
    }
  }
  const sequence = checkSequence(parsed.map((p) => p.c));
  if (sequence !== undefined) return fail(sequence, path);
  return E.right(
    makeRange(
      scheme,
      false,
      parsed.map((p) => p.c),
      parsed.map((p) => p.v),
    ),
  );
};

// vers how-to-parse, "Simplifying constraints": ignoring "!=", a lower bound (> >=) must be
// followed by an upper bound (< <=), and "=" or an upper bound only by "=" or a lower bound.
// This rejects every redundant pair the spec lists, so a valid range is already simplified.
const checkSequence = (constraints: ReadonlyArray<VersConstraint>): string | undefined => {
  const relevant = constraints.filter((c) => c.comparator !== '!=');
  for (let i = 1; i < relevant.length; i++) {
    const prev = relevant[i - 1] as VersConstraint;
    const cur = relevant[i] as VersConstraint;
    const prevLower = prev.comparator === '>' || prev.comparator === '>=';
    const curUpper = cur.comparator === '<' || cur.comparator === '<=';
    if (prevLower !== curUpper) {
      return (
        `"${formatConstraint(prev)}" followed by "${formatConstraint(cur)}" is not a valid ` +
        (prevLower
          ? 'sequence: a lower bound must be followed by an upper bound (< or <=)'
          : 'sequence: after an upper bound or a version only a version or a lower bound (> or >=) may follow')
      );
    }
  }
  return undefined;
};

const fail = (message: string, path: string): E.Either<VersError, never> =>
  E.left(makeError('CORE_VERS_INVALID', message, path));

const unsupported = (scheme: string, path: string): VersError =>
  makeError(
    'CORE_VERS_UNSUPPORTED_SCHEME',
    `Warrant cannot compare versions of scheme "${scheme}"`,
    path,
  );
