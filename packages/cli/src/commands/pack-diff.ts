/**
 * `warrant pack diff <old> <new>`: what changed between two audit packs (findings, exceptions,
 * verdict, policy), as text or as the `warrant.pack-diff/v1` JSON document. Both packs are
 * verified for integrity first (manifest, file digests); a pack that does not verify is not
 * compared. docs/spec/pack-diff-v1.md states the rules.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, formatError } from '@warrant/core';
import {
  diffPacks,
  formatPackDiff,
  readArchive,
  verifyPack,
  type PackContents,
} from '@warrant/pack';
import { EXIT, type CliIo, type ExitCode } from '../io';

/** Help text of `warrant pack diff`. */
export const PACK_DIFF_HELP = `usage: warrant pack diff [--json] <old.tar.gz> <new.tar.gz>

Compares two audit packs and prints what changed from <old> to <new>: the verdict outcome,
policy files added, removed or modified, findings added, removed or with another status, and
exceptions added, removed, expired, revoked or otherwise changed (new version or status).
Both packs are verified for integrity first (manifest, file digests, layout; signatures are
not checked here, use \`warrant pack verify\` with trusted keys for that).

Options:
  --json   print the warrant.pack-diff/v1 document (RFC 8785 canonical JSON and a newline)

Exit codes: 0 compared (whether or not anything changed); 1 a pack failed verification;
2 bad arguments or an unreadable file.`;

/**
 * Runs `warrant pack diff`.
 * @param args - arguments after `pack diff`
 * @param io - standard streams
 * @returns 0 compared, 1 a pack did not verify, 2 bad input or arguments
 */
export const packDiffCommand = async (
  args: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown !== undefined || rest.length !== 2) {
    io.stderr(
      `warrant pack diff: ${unknown === undefined ? 'expected two pack files' : `unknown option ${unknown}`}\n\n${PACK_DIFF_HELP}\n`,
    );
    return EXIT.USAGE;
  }
  const sides: PackContents[] = [];
  for (const file of rest as [string, string]) {
    const r = await loadPack(resolve(io.cwd, file));
    if (E.isLeft(r)) {
      io.stderr(`warrant pack diff: ${file}: ${r.left.text}\n`);
      return r.left.exit;
    }
    sides.push(r.right);
  }
  const diff = diffPacks(sides[0] as PackContents, sides[1] as PackContents);
  if (E.isLeft(diff)) {
    io.stderr(`warrant pack diff: ${formatError(diff.left)}\n`);
    return EXIT.USAGE;
  }
  if (!json) {
    io.stdout(formatPackDiff(diff.right));
    return EXIT.OK;
  }
  const text = canonicalize(diff.right);
  if (E.isLeft(text)) throw new TypeError(text.left.message);
  io.stdout(`${text.right}\n`);
  return EXIT.OK;
};

// --- internal --------------------------------------------------------------

const loadPack = async (
  path: string,
): Promise<E.Either<{ text: string; exit: ExitCode }, PackContents>> => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return E.left({ text: (error as Error).message, exit: EXIT.USAGE });
  }
  const verified = await verifyPack(bytes);
  if (E.isLeft(verified)) {
    return E.left({ text: `does not verify: ${formatError(verified.left)}`, exit: EXIT.FAILED });
  }
  const entries = readArchive(bytes);
  if (E.isLeft(entries)) return E.left({ text: formatError(entries.left), exit: EXIT.FAILED });
  return E.right({
    packId: verified.right.packId,
    files: entries.right.map((e) => ({ path: e.path, bytes: e.bytes })),
  });
};
