/**
 * `warrant canonicalize`: JSON on stdin, RFC 8785 canonical UTF-8 bytes on stdout (no newline).
 * The input is read with the strict parser, so what is refused and why is exactly
 * docs/spec/canonical-json.md.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalizeToBytes,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  formatError,
  parseJsonStrict,
  type WarrantError,
} from '@warrant/core';
import { EXIT, type CliIo, type ExitCode } from '../io';

/** Help text of `warrant canonicalize` (also the reference for its options and exit codes). */
export const CANONICALIZE_HELP = `usage: warrant canonicalize [--max-bytes N] [--max-depth N] < input.json > output.json

Reads one JSON document on standard input and writes its RFC 8785 (JCS) canonical form as
UTF-8 to standard output, with no trailing newline.

The input is parsed strictly: UTF-8 without a byte order mark, no duplicate member names, no
lone surrogates, no integer literal beyond +/-(2^53-1), no number beyond the binary64 range,
nothing after the value (see docs/spec/canonical-json.md).

Options:
  --max-bytes N   refuse input larger than N bytes (default ${DEFAULT_MAX_BYTES})
  --max-depth N   refuse arrays/objects nested deeper than N (default ${DEFAULT_MAX_DEPTH})

Exit codes: 0 written; 2 bad input or arguments (one line on stderr: the error code, the JSON
path, what is wrong, and the line, column and byte offset).`;

/**
 * Runs `warrant canonicalize`.
 * @param args - arguments after the command name
 * @param io - standard streams
 * @returns 0 when the canonical bytes were written, 2 on bad input or arguments
 */
export const canonicalizeCommand = async (
  args: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const options = parseOptions(args);
  if (typeof options === 'string') {
    io.stderr(`warrant canonicalize: ${options}\n`);
    return EXIT.USAGE;
  }
  const input = await io.readStdin();
  const parsed = parseJsonStrict(input, options);
  if (E.isLeft(parsed)) return refuse(io, parsed.left);
  const bytes = canonicalizeToBytes(parsed.right, { maxDepth: options.maxDepth });
  if (E.isLeft(bytes)) return refuse(io, bytes.left);
  io.stdout(bytes.right);
  return EXIT.OK;
};

// --- internal --------------------------------------------------------------

interface Options {
  maxBytes: number;
  maxDepth: number;
}

const parseOptions = (args: ReadonlyArray<string>): Options | string => {
  const options: Options = { maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg];
    const key =
      flag === '--max-bytes' ? 'maxBytes' : flag === '--max-depth' ? 'maxDepth' : undefined;
    if (key === undefined) return `unexpected argument ${JSON.stringify(arg)}`;
    const value = inline ?? args[++i];
    if (value === undefined || !/^[0-9]{1,15}$/.test(value)) {
      return `${flag as string} needs a non-negative integer, got ${JSON.stringify(value ?? '')}`;
    }
    options[key] = Number(value);
  }
  return options;
};

const refuse = (io: CliIo, error: WarrantError): ExitCode => {
  const path = abbreviate(error.path);
  io.stderr(
    `warrant canonicalize: ${formatError(path === undefined ? error : { ...error, path })}\n`,
  );
  return EXIT.USAGE;
};

// A path 1000 levels deep is 4000 characters: keep the message one readable line.
const MAX_PATH = 120;
const abbreviate = (path: string | undefined): string | undefined =>
  path === undefined || path.length <= MAX_PATH
    ? path
    : `${path.slice(0, MAX_PATH / 2)}…${path.slice(-MAX_PATH / 2)}`;
