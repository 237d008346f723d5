/**
 * `warrant pack sign <pack.tar.gz> --sign-key K... --out F [--add]`: signs or countersigns an
 * existing pack (docs/spec/pack-v1.md section 8.3). The pack is verified first and read as a
 * stream, twice; no listed byte and no pack id changes.
 * @module
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, formatError } from '@warrant/core';
import { resignPack } from '@warrant/pack';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { parseArgs } from './exception-args';
import { loadSigners, UsageError, withUsage, writeAtomically } from './pack-io';

export const PACK_SIGN_HELP = `usage: warrant pack sign <pack.tar.gz> --sign-key K... --out <signed.tar.gz> [--add] [--json]

Signs an existing pack: the manifest envelope and the verdict statement are made with the given
keys and the archive is rewritten with every other file unchanged (same pack id). The pack must
verify first (integrity). Without --add the old signatures are replaced; with --add they are
kept and the new ones appended (countersigning).

  --sign-key K   a PKCS #8 PEM private key (repeatable, at least one)
  --out F        where to write the signed pack (written to F.partial, then renamed; may be the input)
  --add          countersign: keep the existing signatures
  --json         print {"keyids":[…],"pack_id":…} as canonical JSON

Exit codes: 0 signed, 1 the pack does not verify or cannot be countersigned, 2 bad arguments.`;

/**
 * Runs `warrant pack sign`.
 * @param args - arguments after `pack sign`
 * @param io - standard streams and working directory
 * @returns 0 signed, 1 refused (the pack does not verify, or an envelope cannot be extended),
 *   2 bad arguments
 */
export const packSignCommand = (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> =>
  withUsage(io, 'pack sign', async (usage) => {
    const parsed = parseArgs(args, {
      values: ['out'],
      repeated: ['sign-key'],
      flags: ['add'],
      positionals: ['pack'],
    });
    if (typeof parsed === 'string') return usage(parsed);
    const out = parsed.values.get('out');
    if (out === undefined) return usage('--out is required');
    const keys = parsed.repeated.get('sign-key') ?? [];
    if (keys.length === 0) return usage('at least one --sign-key is required');
    const file = parsed.positionals.get('pack') as string;
    const path = resolve(io.cwd, file);
    const isFile = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) throw new UsageError(`cannot read ${file}: not a regular file`);
    const signers = await loadSigners(io, keys);
    const signed = await writeAtomically(
      io,
      out,
      (sink) =>
        resignPack(() => createReadStream(path, { highWaterMark: 256 * 1024 }), sink, signers, {
          mode: parsed.flags.has('add') ? 'add' : 'replace',
        }),
      E.isRight,
    );
    if (E.isLeft(signed)) {
      io.stderr(`warrant pack sign: ${formatError(signed.left)}\n`);
      return signed.left.code === 'PACK_INPUT_CHANGED' ? EXIT.USAGE : EXIT.FAILED;
    }
    const { manifest, keyids } = signed.right;
    if (parsed.flags.has('json')) {
      const text = canonicalize({ pack_id: manifest.pack_id, keyids: [...keyids] });
      io.stdout(`${E.isRight(text) ? text.right : ''}\n`);
    } else {
      io.stdout(
        [
          `signed ${out}`,
          `  pack id      ${manifest.pack_id}`,
          `  signed by    ${keyids.join(', ')}`,
          '',
        ].join('\n'),
      );
    }
    return EXIT.OK;
  });
