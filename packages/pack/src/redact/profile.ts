/**
 * Redaction profiles as data (docs/spec/redaction-v1.md section 2): an io-ts codec that refuses
 * unknown members, bad file patterns and bad selectors with one issue per problem, each naming its
 * JSON path, and the profile digest the manifest records.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  checkedString,
  closedObject,
  decodeWith,
  digestCanonical,
  literalUnion,
  type DecodeError,
  type Sha256Digest,
} from '@warrant/core';
import { parseFilePattern } from './file-pattern';
import { parseSelector } from './selector';

// --- model -----------------------------------------------------------------

/** Schema identifier of redaction profiles. */
export const REDACTION_PROFILE_SCHEMA = 'warrant.redaction-profile/v1';

/** The redaction actions, least destructive last: drop, mask, pseudonymize (section 5). */
export const REDACTION_ACTIONS = ['drop', 'mask', 'pseudonymize'] as const;

/** What a rule does to what it selects. */
export const RedactionAction = literalUnion('RedactionAction', REDACTION_ACTIONS);
/** What a rule does to what it selects. */
export type RedactionAction = t.TypeOf<typeof RedactionAction>;

const PROFILE_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;
const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/** A profile name: 1-64 of `a-z 0-9 . _ -`, starting and ending with a letter or digit. */
export const ProfileName = checkedString('ProfileName', (s) =>
  PROFILE_NAME.test(s) ? undefined : 'expected 1-64 of a-z 0-9 . _ -, alphanumeric at both ends',
);

/** A file pattern (section 3). */
export const FilePatternText = checkedString('FilePattern', (s) => {
  if (!WELL_FORMED.test(s)) return 'expected well-formed Unicode';
  const p = parseFilePattern(s);
  return typeof p === 'string' ? p : undefined;
});

/** A selector path (section 4). */
export const SelectorText = checkedString('Selector', (s) => {
  if (!WELL_FORMED.test(s)) return 'expected well-formed Unicode';
  const r = parseSelector(s);
  return E.isLeft(r) ? `${r.left.message} at offset ${r.left.offset}` : undefined;
});

const nonEmpty = <C extends t.Mixed>(item: C, name: string) =>
  t.refinement(t.array(item), (a) => a.length > 0, name);

/** One rule: the files it applies to, optionally the values within them, and the action. */
export const RedactionRule = closedObject(
  'RedactionRule',
  { files: nonEmpty(FilePatternText, 'FilePatterns'), action: RedactionAction },
  { paths: nonEmpty(SelectorText, 'Selectors') },
  (r) =>
    r.paths === undefined && r.action !== 'drop'
      ? [{ path: ['action'], message: 'expected "drop" for a rule without paths (whole files)' }]
      : [],
);
/** One rule of a profile. */
export type RedactionRule = t.TypeOf<typeof RedactionRule>;

/** A redaction profile (section 2). */
export const RedactionProfile = closedObject(
  'RedactionProfile',
  {
    schema: literalUnion('RedactionProfileSchema', [REDACTION_PROFILE_SCHEMA] as const),
    name: ProfileName,
    rules: t.array(RedactionRule, 'RedactionRules'),
  },
  {
    description: checkedString('Description', (s) =>
      WELL_FORMED.test(s) && s.length <= 1024 ? undefined : 'expected at most 1024 code units',
    ),
  },
);
/** A redaction profile. */
export type RedactionProfile = t.TypeOf<typeof RedactionProfile>;

/** Why a profile was refused: every problem, each with its JSON path. */
export type RedactionProfileError = DecodeError<'PACK_REDACTION_PROFILE_INVALID'>;

// --- operations ------------------------------------------------------------

/**
 * Decodes a profile from parsed JSON, reporting every problem with its path.
 * @param input - untrusted JSON (e.g. from `parseJsonStrict`)
 * @returns the profile, or `PACK_REDACTION_PROFILE_INVALID` with one issue per problem
 * @see docs/spec/redaction-v1.md section 2
 * @example
 * decodeRedactionProfile({ schema: REDACTION_PROFILE_SCHEMA, name: 'x', rules: [] }) // right(…)
 * decodeRedactionProfile({ schema: REDACTION_PROFILE_SCHEMA, name: 'x',
 *   rules: [{ files: ['*.json'], paths: ['$.a[-1]'], action: 'mask' }] })
 * // left({ code: 'PACK_REDACTION_PROFILE_INVALID', path: '$.rules[0].paths[0]', … })
 */
export const decodeRedactionProfile = (
  input: unknown,
): E.Either<RedactionProfileError, RedactionProfile> =>
  decodeWith(RedactionProfile, input, 'PACK_REDACTION_PROFILE_INVALID', 'redaction profile');

/**
 * The digest a manifest records for a profile: SHA-256 of its RFC 8785 canonical JSON.
 * @param profile - a decoded profile
 * @returns `sha256:<hex>`
 * @see docs/spec/redaction-v1.md section 2.2
 * @example
 * redactionProfileDigest(EXTERNAL_AUDITOR_PROFILE) // 'sha256:…' (listed in the spec)
 */
export const redactionProfileDigest = (profile: RedactionProfile): Sha256Digest => {
  const d = digestCanonical(RedactionProfile.encode(profile));
  // A decoded profile holds only well-formed strings, arrays and plain objects.
  if (E.isLeft(d)) throw new TypeError(`not a decoded profile: ${d.left.message}`);
  return d.right;
};
