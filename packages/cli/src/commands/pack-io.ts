/**
 * File and key handling shared by the `warrant pack` subcommands: reading files, streaming a
 * pack from disk, loading trusted public keys and signing keys, and the stderr progress bar.
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { importPrivateKeyPem, importPublicKeyPem, type Signer, type Verifier } from '@warrant/core';
import type { PackProgress, PackStream } from '@warrant/pack';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { intOption, type ParsedArgs } from './exception-args';

/** A problem that makes a command exit 2, as one line. */
export class UsageError extends Error {}

/**
 * Runs a `warrant pack` subcommand's body with one way out for bad input: the body calls
 * `usage(message)`, or throws a {@link UsageError} from a helper, and either prints
 * `warrant <command>: <message>` on stderr and gives exit 2. Other exceptions propagate.
 * @param io - standard streams and working directory
 * @param command - the command as the user typed it, e.g. `pack sign`
 * @param body - the subcommand, given `usage`
 * @returns the body's exit code, or 2 for a usage problem
 * @example
 * withUsage(io, 'pack sign', async (usage) => (out === undefined ? usage('--out is required') : EXIT.OK))
 */
export const withUsage = async (
  io: CliIo,
  command: string,
  body: (usage: (message: string) => ExitCode) => Promise<ExitCode>,
): Promise<ExitCode> => {
  const usage = (message: string): ExitCode => {
    io.stderr(`warrant ${command}: ${message}\n`);
    return EXIT.USAGE;
  };
  try {
    return await body(usage);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  }
};

/**
 * The `--threshold N` of a command that checks signatures: how many of the `--key` keys must
 * have signed. It cannot exceed the number of keys given.
 * @param args - the parsed arguments
 * @param keyCount - how many `--key` options were given
 * @returns the threshold, or undefined when `--threshold` is absent
 * @throws UsageError when the value is not a whole number >= 1 or exceeds `keyCount`
 * @example
 * signatureThreshold(parseArgs(['--threshold', '2', …], spec), 2) // 2
 */
export const signatureThreshold = (args: ParsedArgs, keyCount: number): number | undefined => {
  const threshold = intOption(args, 'threshold', 1);
  if (typeof threshold === 'object') throw new UsageError(threshold.problem);
  if (threshold !== undefined && threshold > keyCount) {
    throw new UsageError(`--threshold ${threshold} needs at least ${threshold} --key`);
  }
  return threshold;
};

/**
 * Reads a whole file relative to the working directory.
 * @param io - streams and working directory
 * @param file - the path
 * @returns the bytes
 * @throws UsageError when the file cannot be read
 */
export const readBytes = async (io: CliIo, file: string): Promise<Uint8Array> => {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
};

/**
 * Describes a file as streamed pack content (read twice by the build, never held whole), with a
 * cache key from its path, size and modification time.
 * @param io - streams and working directory
 * @param file - the path
 * @returns the stream description
 * @throws UsageError when the file cannot be examined
 */
export const fileStream = async (io: CliIo, file: string): Promise<PackStream> => {
  const path = resolve(io.cwd, file);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${file} is not a regular file`);
    return {
      size: info.size,
      open: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
      cacheKey: `${path}\u0000${info.size}\u0000${info.mtimeMs}`,
    };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
};

/**
 * Streams a pack file (for `verifyPack`) without reading it whole.
 * @param io - streams and working directory
 * @param file - the pack
 * @returns an async iterable of chunks
 * @throws UsageError when the file does not exist
 */
export const packStream = async (io: CliIo, file: string): Promise<AsyncIterable<Uint8Array>> => {
  const path = resolve(io.cwd, file);
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`${file} is not a regular file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return createReadStream(path, { highWaterMark: 256 * 1024 });
};

/**
 * Loads trusted public keys (SPKI PEM files).
 * @param io - streams and working directory
 * @param files - the key files
 * @returns one verifier per key
 * @throws UsageError for unreadable or unsupported keys, or two files holding the same key
 */
export const loadVerifiers = async (
  io: CliIo,
  files: ReadonlyArray<string>,
): Promise<Verifier[]> => {
  const out: Verifier[] = [];
  for (const file of files) {
    const text = new TextDecoder().decode(await readBytes(io, file));
    const key = await importPublicKeyPem(text);
    if (E.isLeft(key)) throw new UsageError(`${file}: ${key.left.message}`);
    if (out.some((v) => v.keyid === key.right.keyid))
      throw new UsageError(`${file}: the same key is given twice`);
    out.push(key.right.verifier);
  }
  return out;
};

/**
 * Loads signing keys (PKCS #8 PEM files).
 * @param io - streams and working directory
 * @param files - the key files
 * @returns one signer per key
 * @throws UsageError for unreadable or unsupported keys
 */
export const loadSigners = async (io: CliIo, files: ReadonlyArray<string>): Promise<Signer[]> => {
  const out: Signer[] = [];
  for (const file of files) {
    const text = new TextDecoder().decode(await readBytes(io, file));
    const key = await importPrivateKeyPem(text);
    if (E.isLeft(key)) throw new UsageError(`${file}: ${key.left.message}`);
    out.push(key.right.signer);
  }
  return out;
};

/**
 * Writes a file through `<file>.partial` and a rename, so a failed write leaves nothing behind.
 * @param io - streams and working directory
 * @param file - the destination
 * @param write - produces the content through the sink; a `false` result aborts
 * @returns what `write` returned
 */
export const writeAtomically = async <A>(
  io: CliIo,
  file: string,
  write: (sink: (chunk: Uint8Array) => Promise<void>) => Promise<A>,
  ok: (a: A) => boolean,
): Promise<A> => {
  const path = resolve(io.cwd, file);
  const partial = `${path}.partial`;
  const handle = await open(partial, 'w').catch((e: unknown) => {
    throw new UsageError(`cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  });
  try {
    const result = await write(async (chunk) => {
      await handle.write(chunk);
    });
    await handle.close();
    if (ok(result)) await rename(partial, path);
    else await rm(partial, { force: true });
    return result;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw e;
  }
};

/**
 * A progress bar on stderr, drawn only when stderr is a terminal, at most every 100 ms.
 * @param io - streams
 * @returns the progress callback and a function that clears the line
 */
export const progressBar = (
  io: CliIo,
): { readonly onProgress?: (p: PackProgress) => void; readonly done: () => void } => {
  if (!io.isTty) return { done: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    onProgress: (p) => {
      const now = performance.now();
      if (now - last < 100 && p.bytes < p.totalBytes) return;
      last = now;
      const ratio = p.totalBytes === 0 ? 1 : p.bytes / p.totalBytes;
      const width = 30;
      const full = Math.round(ratio * width);
      const mb = (n: number): string => (n / 2 ** 20).toFixed(1);
      io.stderr(
        `\r${p.phase === 'hash' ? 'hashing' : 'writing'} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${mb(p.bytes)}/${mb(p.totalBytes)} MiB, ${p.files}/${p.totalFiles} files`,
      );
      drawn = true;
    },
    done: () => {
      if (drawn) io.stderr('\r\u001b[2K');
    },
  };
};
