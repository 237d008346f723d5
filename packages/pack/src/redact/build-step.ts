/**
 * Redaction as a build step (docs/spec/redaction-v1.md section 1, docs/spec/pack-v1.md section 6):
 * the planned files of a pack are redacted before anything is hashed, the redaction record
 * `redaction/profile.json` (the profile itself and its digest) is added, and the manifest's
 * subject is taken from the redacted `inputs/artifacts.json` so no redacted artifact name
 * reaches the manifest or the summaries.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalizeToBytes, parseJsonStrict } from '@warrant/core';
import type { PackStream, PlannedFile } from '../build-input';
import { packError, type PackError } from '../errors';
import { mediaTypeOf, PACK_PATHS } from '../layout';
import type { PackSubject } from '../manifest';
import { redactFiles, type RedactionKeys } from './engine';
import { RedactionProfile, redactionProfileDigest } from './profile';

// --- model -----------------------------------------------------------------

/** What a build redacts with (`BuildOptions.redaction`). */
export interface PackRedaction {
  readonly profile: RedactionProfile;
  /** Secret keys; never written into the pack. */
  readonly keys: RedactionKeys;
}

/** Path of the redaction record in a redacted pack. */
export const REDACTION_RECORD_PATH = 'redaction/profile.json';
/** Schema identifier of the redaction record. */
export const REDACTION_RECORD_SCHEMA = 'warrant.redaction-record/v1';

// --- operations ------------------------------------------------------------

/**
 * Redacts planned pack files.
 * @param files - the planned files (streams are read into memory: redaction needs every byte)
 * @param redaction - profile and keys
 * @param subject - the build input's subject
 * @returns the redacted files (with the record and, if any, the commitments file), the subject
 *   to write in the manifest, and the profile name; or `PACK_INPUT_INVALID` with the
 *   redaction error as `cause`
 * @see docs/spec/redaction-v1.md section 2.2
 * @example
 * await redactPlannedFiles(files, { profile: EXTERNAL_AUDITOR_PROFILE, keys }, input.subject)
 */
export const redactPlannedFiles = async (
  files: ReadonlyArray<PlannedFile>,
  redaction: PackRedaction,
  subject: PackSubject,
): Promise<
  E.Either<PackError, { files: PlannedFile[]; subject: PackSubject; profile: string }>
> => {
  const media = new Map(files.map((f) => [f.path, f.mediaType]));
  const input: Array<{ path: string; bytes: Uint8Array }> = [];
  for (const f of files) input.push({ path: f.path, bytes: await readAll(f.content) });
  const r = redactFiles(input, redaction.profile, redaction.keys);
  if (E.isLeft(r)) {
    return E.left(
      packError('PACK_INPUT_INVALID', `redaction: ${r.left.message}`, r.left.path, r.left),
    );
  }
  const record = canonicalizeToBytes({
    schema: REDACTION_RECORD_SCHEMA,
    profile: RedactionProfile.encode(redaction.profile),
    profile_digest: redactionProfileDigest(redaction.profile),
    ...(r.right.record.commitments === undefined
      ? {}
      : { commitments: r.right.record.commitments }),
  });
  if (E.isLeft(record)) throw new TypeError(record.left.message);
  const out: PlannedFile[] = r.right.files.map((f) => ({
    path: f.path,
    content: f.bytes,
    mediaType: media.get(f.path) ?? mediaTypeOf(f.path),
  }));
  out.push({ path: REDACTION_RECORD_PATH, content: record.right, mediaType: 'application/json' });
  return E.right({
    files: out,
    subject: redactedSubject(subject, r.right.files),
    profile: redaction.profile.name,
  });
};

// --- internal --------------------------------------------------------------

const readAll = async (content: Uint8Array | PackStream): Promise<Uint8Array> => {
  if (content instanceof Uint8Array) return content;
  const out = new Uint8Array(content.size);
  let o = 0;
  for await (const chunk of content.open()) {
    if (o + chunk.length > out.length) break;
    out.set(chunk, o);
    o += chunk.length;
  }
  return out.subarray(0, o);
};

// The manifest lists artifacts as inputs/artifacts.json does; after redaction that file is the
// source, so a masked artifact name is masked in the manifest too.
function redactedSubject(
  subject: PackSubject,
  files: ReadonlyArray<{ path: string; bytes: Uint8Array }>,
): PackSubject {
  const file = files.find((f) => f.path === PACK_PATHS.artifacts);
  const parsed = file === undefined ? undefined : parseJsonStrict(file.bytes);
  if (parsed === undefined || E.isLeft(parsed)) return { ...subject, artifacts: [] };
  const artifacts = (parsed.right as { artifacts?: unknown }).artifacts;
  return Array.isArray(artifacts)
    ? ({ ...subject, artifacts } as PackSubject)
    : { ...subject, artifacts: [] };
}
