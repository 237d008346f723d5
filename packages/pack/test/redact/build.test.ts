// Redaction inside a real build: the redacted pack verifies like any pack (signature included),
// its manifest names the profile, redaction/profile.json records the profile and its digest, the
// HTML summary is rendered from the redacted files, and no redacted value is anywhere in the
// decompressed archive.
import { gunzipSync } from 'node:zlib';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonStrict, utf8Decode, type SigningKey } from '@warrant/core';
import {
  buildPackBytes,
  diffExtension,
  EXTERNAL_AUDITOR_PROFILE,
  planFiles,
  readArchive,
  redactFiles,
  redactionProfileDigest,
  REDACTION_SWEEP_MIN_BYTES,
  verifyPack,
  type PackInput,
} from '@warrant/pack';
import { artifactInput, FINDINGS, loadKey, right } from '../fixtures';
import { COMMIT_KEY, KEY_A } from './fixtures';

let key: SigningKey;
let input: PackInput;
beforeAll(async () => {
  key = await loadKey();
  input = await artifactInput(key);
}, 60_000);

const keys = { pseudonymKey: KEY_A, commitmentKey: COMMIT_KEY };
const files = (bytes: Uint8Array) =>
  new Map(right(readArchive(bytes)).map((e) => [e.path, utf8Decode(e.bytes) ?? '']));

describe('build with redaction', () => {
  it('gives a verifiable pack without any redacted value, the profile recorded', async () => {
    const built = right(
      await buildPackBytes(input, {
        signers: [key.signer],
        redaction: { profile: EXTERNAL_AUDITOR_PROFILE, keys },
        summaryHtml: true,
      }),
    );
    const verified = await verifyPack(built.bytes, { trust: { verifiers: [key.verifier] } });
    expect(E.isRight(verified) ? 'verified' : verified.left).toBe('verified');
    expect(built.pack.manifest.profile).toBe('external-auditor');
    const out = files(built.bytes);
    expect(out.has('exceptions/events.jsonl')).toBe(false);
    expect(out.has('exceptions/checkpoint.dsse.json')).toBe(false);
    expect(out.has('report/summary.html')).toBe(true);
    const record = right(parseJsonStrict(out.get('redaction/profile.json') ?? '')) as Record<
      string,
      unknown
    >;
    expect(record['profile_digest']).toBe(redactionProfileDigest(EXTERNAL_AUDITOR_PROFILE));
    expect(record['commitments']).toBe('redaction/commitments.json');

    // The values the profile redacts, found by redacting the planned files on their own.
    const planned = right(planFiles(input)).flatMap((f) =>
      f.content instanceof Uint8Array ? [{ path: f.path, bytes: f.content }] : [],
    );
    const openings = right(redactFiles(planned, EXTERNAL_AUDITOR_PROFILE, keys)).openings;
    const secrets = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === 'string') secrets.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (const n of openings?.nodes ?? []) if (n.path !== null) collect(n.value);
    const long = [...secrets].filter(
      (s) =>
        new TextEncoder().encode(s).length >= REDACTION_SWEEP_MIN_BYTES && !s.startsWith('sha256:'),
    );
    expect(long.length).toBeGreaterThan(0);
    const tar = new TextDecoder().decode(gunzipSync(built.bytes));
    for (const s of long) expect(tar).not.toContain(s);
    expect(out.get('report/summary.html')).toContain('Redaction profile');
    expect(out.get('report/summary.html')).toContain('external-auditor');
  });

  it('is deterministic and leaves an internal build unchanged apart from the record', async () => {
    const a = right(
      await buildPackBytes(input, { redaction: { profile: EXTERNAL_AUDITOR_PROFILE, keys } }),
    );
    const b = right(
      await buildPackBytes(input, { redaction: { profile: EXTERNAL_AUDITOR_PROFILE, keys } }),
    );
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const plain = right(await buildPackBytes(input));
    expect(plain.pack.manifest.profile).toBe('internal');
    expect(files(plain.bytes).has('report/summary.html')).toBe(false);
  });

  it('refuses a profile that would leave a residue, with the redaction error as cause', async () => {
    const owner = 'alice.owner@corp.example';
    const leaky = {
      ...input,
      verdict: { outcome: 'pass', owner },
      explanation: `Accepted by ${owner}.\n`,
    };
    const r = await buildPackBytes(leaky, {
      redaction: {
        profile: {
          ...EXTERNAL_AUDITOR_PROFILE,
          name: 'leaky',
          rules: [{ files: ['verdict/verdict.json'], paths: ['$.owner'], action: 'mask' }],
        },
        keys,
      },
    });
    expect(E.isLeft(r) && [r.left.code, r.left.cause?.code]).toEqual([
      'PACK_INPUT_INVALID',
      'PACK_REDACTION_RESIDUE',
    ]);
  });

  it('writes diff/diff.json against a previous pack, and the summary shows it', async () => {
    const previous = right(await buildPackBytes({ ...input, findings: FINDINGS.slice(1) }));
    const built = right(
      await buildPackBytes(
        {
          ...input,
          previous: {
            pack_id: previous.pack.manifest.pack_id,
            merkle_root: previous.pack.manifest.merkle.root,
          },
        },
        {
          summaryHtml: true,
          extensions: [
            diffExtension({
              packId: previous.pack.manifest.pack_id,
              files: right(readArchive(previous.bytes)).map((e) => ({
                path: e.path,
                bytes: e.bytes,
              })),
            }),
          ],
        },
      ),
    );
    const out = files(built.bytes);
    const diff = right(parseJsonStrict(out.get('diff/diff.json') ?? '')) as {
      findings: { added: unknown[] };
    };
    expect(diff.findings.added).toHaveLength(1);
    expect(out.get('report/summary.html')).toContain('<h2>Changes since the previous pack</h2>');
    expect(E.isRight(await verifyPack(built.bytes))).toBe(true);
  });
});
