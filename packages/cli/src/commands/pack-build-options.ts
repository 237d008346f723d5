/**
 * The optional parts of `warrant pack build`: `--redact` (a built-in profile name or a profile
 * file, with the secret keys from files) and `--previous` (a previous pack to compare with in
 * `diff/diff.json`, named in the manifest's `previous`).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { formatError, fromHex, parseJsonStrict } from '@warrant/core';
import {
  BUILTIN_PROFILE_NAMES,
  builtinProfile,
  decodeRedactionProfile,
  diffExtension,
  readArchive,
  verifyPack,
  type PackExtension,
  type PackInput,
  type PackRedaction,
} from '@warrant/pack';
import type { CliIo } from '../io';
import { readBytes, UsageError } from './pack-io';

/**
 * The redaction of `--redact P --redaction-key F [--commitment-key G]`.
 * @param io - streams and working directory
 * @param profile - a built-in profile name (`internal`, `external-auditor`) or a profile file
 * @param keyFile - file holding the 32-byte pseudonym key as 64 hex digits
 * @param commitmentKeyFile - optional file holding the 32-byte commitment key likewise
 * @returns the redaction for `BuildOptions.redaction`
 * @throws UsageError for an unknown profile, an invalid profile file or a bad key
 */
export const loadRedaction = async (
  io: CliIo,
  profile: string,
  keyFile: string | undefined,
  commitmentKeyFile: string | undefined,
): Promise<PackRedaction> => {
  if (keyFile === undefined) {
    throw new UsageError('--redact needs --redaction-key (a file with 64 hex digits)');
  }
  const builtin = (BUILTIN_PROFILE_NAMES as ReadonlyArray<string>).includes(profile)
    ? builtinProfile(profile)
    : undefined;
  let decoded;
  if (builtin !== undefined) {
    if (E.isLeft(builtin)) throw new UsageError(formatError(builtin.left));
    decoded = builtin.right;
  } else {
    const parsed = parseJsonStrict(await readBytes(io, profile));
    if (E.isLeft(parsed)) throw new UsageError(`${profile}: ${formatError(parsed.left)}`);
    const p = decodeRedactionProfile(parsed.right);
    if (E.isLeft(p)) throw new UsageError(`${profile}: ${formatError(p.left)}`);
    decoded = p.right;
  }
  const pseudonymKey = await readKey(io, keyFile);
  return {
    profile: decoded,
    keys:
      commitmentKeyFile === undefined
        ? { pseudonymKey }
        : { pseudonymKey, commitmentKey: await readKey(io, commitmentKeyFile) },
  };
};

/**
 * The previous pack of `--previous F`: verified (integrity), named in the manifest and compared
 * with in `diff/diff.json`.
 * @param io - streams and working directory
 * @param file - the previous pack
 * @returns the manifest member and the build extension
 * @throws UsageError when the file cannot be read or does not verify
 */
export const loadPrevious = async (
  io: CliIo,
  file: string,
): Promise<{ previous: NonNullable<PackInput['previous']>; extension: PackExtension }> => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const verified = await verifyPack(bytes);
  if (E.isLeft(verified)) {
    throw new UsageError(`${file} does not verify: ${formatError(verified.left)}`);
  }
  const entries = readArchive(bytes);
  if (E.isLeft(entries)) throw new UsageError(`${file}: ${formatError(entries.left)}`);
  const m = verified.right.manifest;
  return {
    previous: { pack_id: m.pack_id, merkle_root: m.merkle.root },
    extension: diffExtension({
      packId: m.pack_id,
      files: entries.right.map((e) => ({ path: e.path, bytes: e.bytes })),
    }),
  };
};

// --- internal --------------------------------------------------------------

const readKey = async (io: CliIo, file: string): Promise<Uint8Array> => {
  const text = new TextDecoder().decode(await readBytes(io, file)).trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? fromHex(text.toLowerCase()) : undefined;
  if (key === undefined) throw new UsageError(`${file}: expected 64 hex digits (a 32-byte key)`);
  return key;
};
