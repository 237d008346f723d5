import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptPack, encryptPack, generateAgeKeyPair, isAgeEncrypted } from '@warrant/pack';
import { age, ageWithPassphrase, requireAgeOrSkip } from './age-cli';

const PACK = new TextEncoder().encode('pretend this is a deterministic .tar.gz'.repeat(100));
// A low scrypt work factor keeps tests fast; production uses age's default of 18.
const FAST = { scryptWorkFactor: 10 } as const;

const rightOf = <A>(e: E.Either<{ code: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${e.left.code}`);
  return e.right;
};
const codeOf = (e: E.Either<{ code: string }, unknown>): string =>
  E.isLeft(e) ? e.left.code : 'RIGHT';

describe('encryptPack / decryptPack', () => {
  it('round-trips with a passphrase and leaves the pack byte-identical', async () => {
    const sealed = rightOf(
      await encryptPack(PACK, { kind: 'passphrase', passphrase: 'correct horse', ...FAST }),
    );
    expect(isAgeEncrypted(sealed)).toBe(true);
    expect(rightOf(await decryptPack(sealed, { passphrases: ['correct horse'] }))).toEqual(PACK);
  });

  it('round-trips for several recipients, each able to decrypt alone', async () => {
    const a = await generateAgeKeyPair();
    const b = await generateAgeKeyPair();
    const sealed = rightOf(
      await encryptPack(PACK, { kind: 'recipients', recipients: [a.recipient, b.recipient] }),
    );
    expect(rightOf(await decryptPack(sealed, { identities: [a.identity] }))).toEqual(PACK);
    expect(rightOf(await decryptPack(sealed, { identities: [b.identity] }))).toEqual(PACK);
  });

  it('refuses the wrong passphrase or identity with PACK_DECRYPTION_FAILED', async () => {
    const sealed = rightOf(
      await encryptPack(PACK, { kind: 'passphrase', passphrase: 'right', ...FAST }),
    );
    expect(codeOf(await decryptPack(sealed, { passphrases: ['wrong'] }))).toBe(
      'PACK_DECRYPTION_FAILED',
    );
    const other = await generateAgeKeyPair();
    expect(codeOf(await decryptPack(sealed, { identities: [other.identity] }))).toBe(
      'PACK_DECRYPTION_FAILED',
    );
  });

  it('detects tampering with the ciphertext', async () => {
    const k = await generateAgeKeyPair();
    const sealed = rightOf(
      await encryptPack(PACK, { kind: 'recipients', recipients: [k.recipient] }),
    );
    const tampered = sealed.slice();
    tampered[tampered.length - 20] = (tampered[tampered.length - 20] as number) ^ 1;
    expect(codeOf(await decryptPack(tampered, { identities: [k.identity] }))).toBe(
      'PACK_DECRYPTION_FAILED',
    );
  });

  it('rejects bad options with typed errors naming the field', async () => {
    const empty = await encryptPack(PACK, { kind: 'passphrase', passphrase: '' });
    expect(E.isLeft(empty) && empty.left).toMatchObject({
      code: 'PACK_ENCRYPTION_OPTIONS_INVALID',
      path: '$.passphrase',
    });
    const none = await encryptPack(PACK, { kind: 'recipients', recipients: [] });
    expect(codeOf(none)).toBe('PACK_ENCRYPTION_OPTIONS_INVALID');
    const bad = await encryptPack(PACK, { kind: 'recipients', recipients: ['ssh-ed25519 AAAA'] });
    expect(E.isLeft(bad) && bad.left).toMatchObject({
      code: 'PACK_ENCRYPTION_RECIPIENT_INVALID',
      path: '$.recipients[0]',
    });
    const checksum = await encryptPack(PACK, {
      kind: 'recipients',
      recipients: ['age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq'],
    });
    expect(codeOf(checksum)).toBe('PACK_ENCRYPTION_RECIPIENT_INVALID');
  });

  it('refuses input that is not an age file, and calls without identities', async () => {
    expect(codeOf(await decryptPack(PACK, { passphrases: ['x'] }))).toBe('PACK_DECRYPTION_NOT_AGE');
    const k = await generateAgeKeyPair();
    const sealed = rightOf(
      await encryptPack(PACK, { kind: 'recipients', recipients: [k.recipient] }),
    );
    expect(codeOf(await decryptPack(sealed, {}))).toBe('PACK_DECRYPTION_NO_IDENTITY');
  });

  it('round-trips arbitrary bytes (property)', async () => {
    const k = await generateAgeKeyPair();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200_000 }), async (bytes) => {
        const sealed = rightOf(
          await encryptPack(bytes, { kind: 'recipients', recipients: [k.recipient] }),
        );
        expect(rightOf(await decryptPack(sealed, { identities: [k.identity] }))).toEqual(bytes);
      }),
      { numRuns: 25 },
    );
  });
});

describe('interop with the age command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-age-'));

  it('age -d decrypts what Warrant encrypted for a recipient, and Warrant decrypts age -r', async () => {
    if (!requireAgeOrSkip()) return;
    const k = await generateAgeKeyPair();
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${k.identity}\n`);
    const sealed = rightOf(
      await encryptPack(PACK, { kind: 'recipients', recipients: [k.recipient] }),
    );
    expect(age(['-d', '-i', keyFile], sealed)).toEqual(PACK);

    const byAge = age(['-r', k.recipient], PACK);
    expect(rightOf(await decryptPack(byAge, { identities: [k.identity] }))).toEqual(PACK);
  });

  it('age -d decrypts what Warrant encrypted with a passphrase, and Warrant decrypts age -p', async () => {
    if (!requireAgeOrSkip()) return;
    const plainFile = join(dir, 'pack.tar.gz');
    writeFileSync(plainFile, PACK);
    const sealedFile = join(dir, 'ours.age');
    writeFileSync(
      sealedFile,
      rightOf(await encryptPack(PACK, { kind: 'passphrase', passphrase: 'interop pass', ...FAST })),
    );
    const outFile = join(dir, 'ours.out');
    ageWithPassphrase('interop pass', ['-d', '-o', outFile, sealedFile]);
    expect(new Uint8Array(readFileSync(outFile))).toEqual(PACK);

    const theirsFile = join(dir, 'theirs.age');
    ageWithPassphrase('interop pass', ['-p', '-o', theirsFile, plainFile]);
    const theirs = new Uint8Array(readFileSync(theirsFile));
    expect(rightOf(await decryptPack(theirs, { passphrases: ['interop pass'] }))).toEqual(PACK);
  });
});
