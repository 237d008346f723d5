/**
 * The built-in redaction profiles (docs/spec/redaction-v1.md section 11): `internal` keeps full
 * detail; `external-auditor` keeps what an auditor needs to follow a decision (findings,
 * components, verdict, exception reasons, rationales and expiries) and replaces identities of
 * people by pseudonyms, masks internal locations and links, and drops content that cannot be
 * redacted without breaking a signature or a hash chain.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { redactionError, type RedactionRunError } from './errors';
import { REDACTION_PROFILE_SCHEMA, type RedactionProfile } from './profile';

// --- model -----------------------------------------------------------------

/** Full detail: no rule, the output equals the input byte for byte. */
export const INTERNAL_PROFILE: RedactionProfile = {
  schema: REDACTION_PROFILE_SCHEMA,
  name: 'internal',
  description: 'Full detail, for audits inside the organization.',
  rules: [],
};

// Machine files whose identities the external profile rewrites (pack-v1 layout).
const MACHINE_FILES = [
  'exceptions/**',
  'findings/**',
  'verdict/**',
  'diff/**',
  'inputs/artifacts.json',
  'policy/settings.json',
];

/** Minimal identifiers, for auditors outside the organization. */
export const EXTERNAL_AUDITOR_PROFILE: RedactionProfile = {
  schema: REDACTION_PROFILE_SCHEMA,
  name: 'external-auditor',
  description:
    'Minimal identifiers: people pseudonymized, internal locations and links masked, raw scanner documents, signed approvals and the signed event log dropped.',
  rules: [
    // Hash-chained and signed: any edit would break verification, so both go (they come together).
    { files: ['exceptions/events.jsonl', 'exceptions/checkpoint.dsse.json'], action: 'drop' },
    // Raw scanner reports and other documents as given may hold anything (tokens, hostnames).
    { files: ['inputs/documents/**'], action: 'drop' },
    // Signed approval envelopes carry the approver identity inside a signed payload.
    { files: MACHINE_FILES, paths: ['$..approvers[*].signature'], action: 'drop' },
    {
      files: MACHINE_FILES,
      paths: [
        '$..owner',
        '$..requester',
        '$..approvers[*].id',
        '$..decision.actor',
        '$..actor.id',
        '$..approved_by',
      ],
      action: 'pseudonymize',
    },
    {
      files: MACHINE_FILES,
      paths: [
        '$..locations[*].path',
        '$..evidence_refs[*].uri',
        '$..links[*].ref',
        '$..deployment_intent',
        '$..artifact.name',
        '$..artifacts[*].name',
        '$..scope.artifacts[*].ref',
        '$..scope.environment',
      ],
      action: 'mask',
    },
  ],
};

/** Names of the built-in profiles. */
export const BUILTIN_PROFILE_NAMES = ['internal', 'external-auditor'] as const;

// --- operations ------------------------------------------------------------

/**
 * Looks up a built-in profile by name.
 * @param name - `internal` or `external-auditor`
 * @returns the profile, or `PACK_REDACTION_PROFILE_UNKNOWN`
 * @see docs/spec/redaction-v1.md section 11
 * @example
 * builtinProfile('external-auditor') // right(EXTERNAL_AUDITOR_PROFILE)
 * builtinProfile('public')           // left({ code: 'PACK_REDACTION_PROFILE_UNKNOWN', … })
 */
export const builtinProfile = (name: string): E.Either<RedactionRunError, RedactionProfile> =>
  name === 'internal'
    ? E.right(INTERNAL_PROFILE)
    : name === 'external-auditor'
      ? E.right(EXTERNAL_AUDITOR_PROFILE)
      : E.left(
          redactionError(
            'PACK_REDACTION_PROFILE_UNKNOWN',
            `expected one of ${BUILTIN_PROFILE_NAMES.join(', ')} (or a custom profile as data)`,
          ),
        );
