/**
 * Verification of the redaction record (pack-v1 section 9 step 9, redaction-v1 section 2.2): a
 * redacted pack names its profile in the manifest (`profile`, and from v1.1 `profile_digest`) and
 * carries the profile itself in `redaction/profile.json`; the three must agree and the record's
 * digest must re-derive from the profile it holds.
 * @see docs/spec/pack-v1.md section 9
 * @see docs/spec/redaction-v1.md section 2.2
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { closedObject, decodeWith, parseJsonStrict, Sha256Digest } from '@warrant/core';
import { packError, type PackError } from './errors';
import type { PackManifest } from './manifest';
import { REDACTION_RECORD_PATH, REDACTION_RECORD_SCHEMA } from './redact/build-step';
import { COMMITMENTS_PATH } from './redact/commitment';
import { RedactionProfile, redactionProfileDigest } from './redact/profile';

// --- operations ------------------------------------------------------------

/**
 * Checks the redaction record of a pack whose files were already checked against its manifest.
 * @param manifest - the verified manifest
 * @param record - the bytes of `redaction/profile.json`, if the archive has that entry
 * @returns every failure (`PACK_REDACTION_RECORD_INVALID`, path `redaction/profile.json` or
 *   `$.profile_digest`); none when the pack is not redacted
 * @see docs/spec/pack-v1.md section 9 step 9
 * @example
 * checkRedactionRecord(manifest, kept.get('redaction/profile.json')) // []
 */
export const checkRedactionRecord = (
  manifest: PackManifest,
  record: Uint8Array | undefined,
): PackError[] => {
  const listed = manifest.files.some((f) => f.path === REDACTION_RECORD_PATH);
  if (!listed) {
    return manifest.profile_digest === undefined
      ? []
      : [
          invalid(
            `the manifest records profile_digest but does not list ${REDACTION_RECORD_PATH}`,
            '$.profile_digest',
          ),
        ];
  }
  // Listed but absent or altered is already a step 4 failure; nothing more to say about it.
  if (record === undefined) return [];
  const parsed = parseJsonStrict(record);
  if (E.isLeft(parsed)) return [invalid(parsed.left.message, REDACTION_RECORD_PATH, parsed.left)];
  const decoded = decodeWith(
    RedactionRecord,
    parsed.right,
    'PACK_REDACTION_RECORD_INVALID',
    'record',
  );
  if (E.isLeft(decoded)) {
    return [invalid(decoded.left.message, REDACTION_RECORD_PATH, decoded.left)];
  }
  const r = decoded.right;
  const out: PackError[] = [];
  const derived = redactionProfileDigest(r.profile);
  if (r.profile_digest !== derived) {
    out.push(invalid(`profile_digest is ${r.profile_digest}; the profile's is ${derived}`));
  }
  if (r.profile.name !== manifest.profile) {
    out.push(
      invalid(
        `the profile is named ${r.profile.name}; the manifest's profile is ${manifest.profile}`,
      ),
    );
  }
  if (manifest.profile_digest !== undefined && manifest.profile_digest !== r.profile_digest) {
    out.push(
      invalid(
        `the manifest's profile_digest ${manifest.profile_digest} is not the record's ${r.profile_digest}`,
        '$.profile_digest',
      ),
    );
  }
  const hasCommitments = manifest.files.some((f) => f.path === COMMITMENTS_PATH);
  if ((r.commitments !== undefined) !== hasCommitments) {
    out.push(
      invalid(
        hasCommitments
          ? `${COMMITMENTS_PATH} is listed but the record does not name it`
          : `the record names ${COMMITMENTS_PATH}, which the manifest does not list`,
      ),
    );
  }
  return out;
};

// --- internal --------------------------------------------------------------

const RedactionRecord = closedObject(
  'RedactionRecord',
  {
    schema: t.literal(REDACTION_RECORD_SCHEMA),
    profile: RedactionProfile,
    profile_digest: Sha256Digest,
  },
  { commitments: t.literal(COMMITMENTS_PATH) },
);

const invalid = (
  message: string,
  path: string = REDACTION_RECORD_PATH,
  cause?: { code: string; message: string },
): PackError => packError('PACK_REDACTION_RECORD_INVALID', message, path, cause);
