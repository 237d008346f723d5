/**
 * `warrant pack prove` and `warrant pack verify-proof`: an inclusion proof that one file belongs
 * to a signed pack, checked later with the file, the proof and the signed manifest only.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, formatError, utf8Decode } from '@warrant/core';
import { proofBytes, proveFile, verifyFileProof, verifyPack } from '@warrant/pack';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { parseArgs } from './exception-args';
import { loadVerifiers, packStream, readBytes, signatureThreshold, withUsage } from './pack-io';

export const PACK_PROVE_HELP = `usage: warrant pack prove <pack.tar.gz> <path> [--out proof.json] [--key K]...

Verifies the pack (with --key: its signatures too), then writes the inclusion proof of the file
at <path> (docs/spec/pack-v1.md section 10) to --out, or to standard output.
Exit codes: 0 proof written, 1 the pack failed verification, 2 unusable input or arguments
(including a path the manifest does not list).`;

export const PACK_VERIFY_PROOF_HELP = `usage: warrant pack verify-proof <file> <proof.json> <manifest> [--key K]... [--threshold N] [--json]

Checks that <file> is the file the proof names, in the pack whose signed manifest is given:
<manifest> is signatures/manifest.dsse.json from the pack (with --key), or manifest.json
(without --key: integrity only, authenticity not checked). The rest of the pack is not needed.
Exit codes: 0 proven, 1 the proof does not hold, 2 unusable input or arguments.`;

/**
 * Runs `warrant pack prove`.
 * @param args - arguments after `pack prove`
 * @param io - standard streams and working directory
 * @returns 0 written, 1 pack failed verification, 2 unusable input
 */
export const packProveCommand = (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> =>
  withUsage(io, 'pack prove', async (usage) => {
    const parsed = parseArgs(args, {
      values: ['out'],
      repeated: ['key'],
      positionals: ['pack', 'path'],
    });
    if (typeof parsed === 'string') return usage(parsed);
    const keys = await loadVerifiers(io, parsed.repeated.get('key') ?? []);
    const file = parsed.positionals.get('pack') as string;
    const verified = await verifyPack(
      await packStream(io, file),
      keys.length === 0 ? {} : { trust: { verifiers: keys } },
    );
    if (E.isLeft(verified)) {
      for (const f of verified.left.failures) io.stderr(`warrant pack prove: ${formatError(f)}\n`);
      return EXIT.FAILED;
    }
    const proof = proveFile(verified.right.manifest, parsed.positionals.get('path') as string);
    if (E.isLeft(proof)) return usage(formatError(proof.left));
    const bytes = proofBytes(proof.right);
    const out = parsed.values.get('out');
    if (out === undefined) io.stdout(`${utf8Decode(bytes) ?? ''}\n`);
    else await writeFile(resolve(io.cwd, out), bytes);
    return EXIT.OK;
  });

/**
 * Runs `warrant pack verify-proof`.
 * @param args - arguments after `pack verify-proof`
 * @param io - standard streams and working directory
 * @returns 0 proven, 1 not proven, 2 unusable input
 */
export const packVerifyProofCommand = (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> =>
  withUsage(io, 'pack verify-proof', async (usage) => {
    const parsed = parseArgs(args, {
      values: ['threshold'],
      repeated: ['key'],
      positionals: ['file', 'proof', 'manifest'],
    });
    if (typeof parsed === 'string') return usage(parsed);
    const keys = await loadVerifiers(io, parsed.repeated.get('key') ?? []);
    const threshold = signatureThreshold(parsed, keys.length);
    const r = await verifyFileProof(
      await readBytes(io, parsed.positionals.get('file') as string),
      await readBytes(io, parsed.positionals.get('proof') as string),
      await readBytes(io, parsed.positionals.get('manifest') as string),
      keys.length === 0 ? undefined : { verifiers: keys, threshold: threshold ?? 1 },
    );
    if (parsed.flags.has('json')) {
      const report = E.isRight(r)
        ? {
            proven: true,
            pack_id: r.right.packId,
            merkle_root: r.right.merkleRoot,
            entry: r.right.entry,
            authenticity: r.right.signature === undefined ? 'not checked (no --key)' : 'verified',
            ...(r.right.signature === undefined ? {} : { signer_keyids: r.right.signature.keyids }),
          }
        : {
            proven: false,
            failure: { code: r.left.code, path: r.left.path ?? '', message: r.left.message },
          };
      const text = canonicalize(report);
      io.stdout(`${E.isRight(text) ? text.right : '{}'}\n`);
    } else if (E.isRight(r)) {
      io.stdout(
        [
          `PROVEN ${r.right.entry.path} (${r.right.entry.size} bytes, sha256 ${r.right.entry.sha256})`,
          `  in pack      ${r.right.packId}`,
          `  merkle root  ${r.right.merkleRoot}`,
          `  authenticity ${r.right.signature === undefined ? 'not checked (no --key)' : `manifest signed by ${r.right.signature.keyids.join(', ')}`}`,
          '',
        ].join('\n'),
      );
    } else {
      io.stdout(`NOT PROVEN\n  ${formatError(r.left)}\n`);
    }
    return E.isRight(r) ? EXIT.OK : EXIT.FAILED;
  });
