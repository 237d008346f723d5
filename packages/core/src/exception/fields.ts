/**
 * Scalar field codecs of the exception model (docs/spec/exception-v1.md section 2.2): names,
 * free text, identifiers, URIs, media types, risk scores and version numbers.
 * @module
 */
import * as t from 'io-ts';
import { checkedString, showValue } from './codec-kit';

// --- model -----------------------------------------------------------------

/** Longest {@link Name}, in UTF-16 code units. */
export const MAX_NAME_LENGTH = 256;
/** Longest {@link Text}, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 8192;
/** Longest {@link Uri} or link reference, in UTF-16 code units. */
export const MAX_URI_LENGTH = 2048;

/**
 * An identifier chosen by people: an actor id, owner, role, environment or rule name.
 * 1-256 code units, no leading or trailing whitespace, no control characters, no lone
 * surrogates and no `*` (reserved for environment wildcards).
 */
export const Name = checkedString('Name', (s) => nameProblem(s, false));
/** An identifier chosen by people (see the codec). */
export type Name = t.TypeOf<typeof Name>;

/** An environment value: a {@link Name} in which `*` is a wildcard for any run of characters. */
export const EnvValue = checkedString('EnvValue', (s) => nameProblem(s, true));
/** An environment value, `*` being a wildcard. */
export type EnvValue = t.TypeOf<typeof EnvValue>;

/**
 * Free text written for people (rationale, statements, decisions): 1-8192 code units with at
 * least one non-whitespace character, no control characters other than tab, line feed and
 * carriage return, no lone surrogates. Stored exactly as given.
 */
export const Text = checkedString('Text', (s) => {
  if (s.length > MAX_TEXT_LENGTH) return `expected at most ${MAX_TEXT_LENGTH} characters`;
  if (!/\S/.test(s)) return 'expected non-empty text (not only whitespace)';
  if (TEXT_CONTROL.test(s)) return 'expected text without control characters';
  if (LONE_SURROGATE.test(s)) return 'expected text without lone surrogates';
  return undefined;
});
/** Free text written for people. */
export type Text = t.TypeOf<typeof Text>;

/** Pattern of an exception id: 1-128 characters from `A-Z a-z 0-9 . _ : -`, alphanumeric first. */
export const EXCEPTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The stable identifier of an exception across all its versions. */
export const ExceptionId = checkedString('ExceptionId', (s) =>
  EXCEPTION_ID_PATTERN.test(s)
    ? undefined
    : 'expected an exception id: 1-128 characters from A-Z a-z 0-9 . _ : -, alphanumeric first',
);
/** The stable identifier of an exception across all its versions. */
export type ExceptionId = t.TypeOf<typeof ExceptionId>;

/**
 * An absolute URI (RFC 3986 section 4.3): a lowercase scheme (section 3.1), `:`, then at least one
 * character; no whitespace, control characters or lone surrogates (which have no RFC 8785 form);
 * at most 2048 code units.
 */
export const Uri = checkedString('Uri', (s) => {
  if (s.length > MAX_URI_LENGTH || !URI_PATTERN.test(s)) {
    return 'expected an absolute URI with a lowercase scheme (e.g. https://…), no whitespace';
  }
  return LONE_SURROGATE.test(s) ? 'expected no lone surrogates' : undefined;
});
/** An absolute URI with a lowercase scheme. */
export type Uri = t.TypeOf<typeof Uri>;

/**
 * A link reference: a ticket key, a URL or another identifier; the rules of {@link Name} with a
 * limit of 2048 code units, `*` allowed.
 */
export const LinkRef = checkedString('LinkRef', (s) => nameProblem(s, true, MAX_URI_LENGTH));
/** A link reference. */
export type LinkRef = t.TypeOf<typeof LinkRef>;

/**
 * A media type without parameters (RFC 6838 section 4.2 restricted names), in lowercase, e.g.
 * `application/openvex+json`.
 */
export const MediaType = checkedString('MediaType', (s) =>
  MEDIA_TYPE_PATTERN.test(s)
    ? undefined
    : 'expected a lowercase media type "type/subtype" without parameters (RFC 6838 section 4.2)',
);
/** A lowercase media type without parameters. */
export type MediaType = t.TypeOf<typeof MediaType>;

/** A risk score: an integer from 0 (none) to 100 (highest), computed by the host's risk model. */
export const RiskScore = new t.Type<number, number, unknown>(
  'RiskScore',
  (u): u is number => Number.isInteger(u) && (u as number) >= 0 && (u as number) <= 100,
  (u, c) =>
    Number.isInteger(u) && (u as number) >= 0 && (u as number) <= 100
      ? t.success(u as number)
      : t.failure(u, c, `expected an integer from 0 to 100, got ${showNumber(u)}`),
  (a) => a,
);
/** A risk score from 0 to 100. */
export type RiskScore = t.TypeOf<typeof RiskScore>;

/** A version number: a safe integer >= 1. */
export const VersionNumber = new t.Type<number, number, unknown>(
  'VersionNumber',
  (u): u is number => Number.isSafeInteger(u) && (u as number) >= 1,
  (u, c) =>
    Number.isSafeInteger(u) && (u as number) >= 1
      ? t.success(u as number)
      : t.failure(u, c, `expected an integer >= 1, got ${showNumber(u)}`),
  (a) => a,
);
/** A version number (>= 1). */
export type VersionNumber = t.TypeOf<typeof VersionNumber>;

/**
 * Whether a string holds an unpaired surrogate code unit (such a string has no RFC 8785 form).
 * @param s - any string
 * @returns true when a high surrogate is not followed by a low one, or a low one not preceded
 * @internal
 * @example
 * hasLoneSurrogate('a\ud800') // true
 */
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

// --- internal --------------------------------------------------------------

const STAR = 0x2a;

function isPlainAsciiName(s: string, wildcard: boolean): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      if (c === STAR && !wildcard) return false;
    } else if (c !== 0x20 || i === 0 || i === last) return false;
  }
  return true;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NAME_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const URI_PATTERN = /^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001f\u007f]+$/;
const RESTRICTED_NAME = '[a-z0-9][a-z0-9!#$&^_.+-]{0,126}';
const MEDIA_TYPE_PATTERN = new RegExp(`^${RESTRICTED_NAME}/${RESTRICTED_NAME}$`);

// String(u) as before for numbers and the like, but never throwing (String of an object without
// a prototype throws): hostile input gets an error value, not an exception.
const showNumber = (u: unknown): string =>
  typeof u === 'object' && u !== null ? showValue(u) : String(u);

function nameProblem(s: string, wildcard: boolean, max = MAX_NAME_LENGTH): string | undefined {
  if (s.length === 0) return 'expected a non-empty name';
  if (s.length > max) return `expected at most ${max} characters`;
  // Most names are printable ASCII with spaces inside at most: one pass over the code units
  // settles those (no whitespace at either end, no control character, no surrogate, no `*`
  // unless allowed); any other name goes through the patterns below.
  if (isPlainAsciiName(s, wildcard)) return undefined;
  if (/^\s|\s$/.test(s)) return 'expected no leading or trailing whitespace';
  if (NAME_CONTROL.test(s)) return 'expected no control characters';
  if (LONE_SURROGATE.test(s)) return 'expected no lone surrogates';
  if (!wildcard && s.includes('*'))
    return 'expected no "*" (wildcards are allowed only in environment values)';
  return undefined;
}
