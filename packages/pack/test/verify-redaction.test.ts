// The redaction record check (pack-v1 section 9 step 9): the manifest's profile and
// profile_digest, and redaction/profile.json, agree; the record's digest re-derives.
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalizeToBytes, utf8Encode, type SigningKey } from '@warrant/core';
import {
  buildPackBytes,
  EXTERNAL_AUDITOR_PROFILE,
  readArchive,
  redactionProfileDigest,
  verifyPack,
  type PackInput,
} from '@warrant/pack';
import { artifactInput, loadKey, right } from './fixtures';
import { COMMIT_KEY, KEY_A } from './redact/fixtures';
import { repack } from './repack';

let key: SigningKey;
let input: PackInput;
let redacted: Uint8Array;
let record: Record<string, unknown>;
beforeAll(async () => {
  key = await loadKey();
  input = await artifactInput(key);
  redacted = right(
    await buildPackBytes(input, {
      redaction: {
        profile: EXTERNAL_AUDITOR_PROFILE,
        keys: { pseudonymKey: KEY_A, commitmentKey: COMMIT_KEY },
      },
    }),
  ).bytes;
  const bytes = right(readArchive(redacted)).find((e) => e.path === 'redaction/profile.json');
  record = JSON.parse(new TextDecoder().decode(bytes?.bytes)) as Record<string, unknown>;
}, 60_000);

const codes = async (bytes: Uint8Array): Promise<string[]> => {
  const r = await verifyPack(bytes);
  return E.isLeft(r) ? r.left.failures.map((f) => `${f.code} ${f.path ?? ''}`) : [];
};
const canon = (v: unknown): Uint8Array => right(canonicalizeToBytes(v as never));
const DIGEST = redactionProfileDigest(EXTERNAL_AUDITOR_PROFILE);
const OTHER = `sha256:${'00'.repeat(32)}`;

describe('the manifest records the redaction profile digest', () => {
  it('a redacted build writes profile_digest, which the record and the profile agree with', async () => {
    const r = await verifyPack(redacted);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left.failures));
    expect(r.right.manifest.profile).toBe('external-auditor');
    expect(r.right.manifest.profile_digest).toBe(DIGEST);
    expect(record['profile_digest']).toBe(DIGEST);
  });

  it('an unredacted build has no profile_digest and no record', async () => {
    const r = right(await buildPackBytes(input));
    expect(r.pack.manifest.profile_digest).toBeUndefined();
    expect(await codes(r.bytes)).toEqual([]);
  });

  it('a v1.0 redacted pack (record, no profile_digest) still verifies', async () => {
    const old = repack(redacted, {
      manifest: ({ profile_digest: _d, ...m }) => m,
    });
    expect(await codes(old)).toEqual([]);
  });

  it('refuses a manifest digest that is not the record’s', async () => {
    const bad = repack(redacted, { manifest: (m) => ({ ...m, profile_digest: OTHER }) });
    expect(await codes(bad)).toEqual(['PACK_REDACTION_RECORD_INVALID $.profile_digest']);
  });

  it('refuses profile_digest without a record', async () => {
    const bad = repack(redacted, {
      files: { 'redaction/profile.json': undefined },
    });
    expect(await codes(bad)).toEqual(['PACK_REDACTION_RECORD_INVALID $.profile_digest']);
  });

  it('refuses a record whose digest does not re-derive from its profile', async () => {
    const edited = { ...record, profile: { ...(record['profile'] as object), description: 'x' } };
    const bad = repack(redacted, { files: { 'redaction/profile.json': canon(edited) } });
    expect(await codes(bad)).toEqual(['PACK_REDACTION_RECORD_INVALID redaction/profile.json']);
  });

  it('refuses a profile named differently from the manifest', async () => {
    const bad = repack(redacted, { manifest: (m) => ({ ...m, profile: 'internal' }) });
    expect(await codes(bad)).toEqual(['PACK_REDACTION_RECORD_INVALID redaction/profile.json']);
  });

  it('refuses a record that is not a record, or names commitments the pack lacks', async () => {
    const notJson = repack(redacted, { files: { 'redaction/profile.json': utf8Encode('{') } });
    expect(await codes(notJson)).toEqual(['PACK_REDACTION_RECORD_INVALID redaction/profile.json']);
    const wrongSchema = repack(redacted, {
      files: { 'redaction/profile.json': canon({ ...record, schema: 'x' }) },
    });
    expect(await codes(wrongSchema)).toEqual([
      'PACK_REDACTION_RECORD_INVALID redaction/profile.json',
    ]);
    const noCommitments = repack(redacted, {
      files: { 'redaction/commitments.json': undefined },
    });
    expect(await codes(noCommitments)).toEqual([
      'PACK_REDACTION_RECORD_INVALID redaction/profile.json',
    ]);
  });
});
