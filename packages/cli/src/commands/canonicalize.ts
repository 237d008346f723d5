/**
 * `warrant canonicalize`: JSON on stdin, RFC 8785 canonical UTF-8 bytes on stdout (no newline).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalizeToBytes, formatError, parseJsonStrict } from '@warrant/core';
import { EXIT, type CliIo, type ExitCode } from '../io';

export const CANONICALIZE_HELP = `usage: warrant canonicalize < input.json > output.json

Reads one JSON document on standard input (strict: no duplicate keys, no BOM, no lone
surrogates, no integers beyond 2^53, nothing after the value) and writes its RFC 8785
canonical form as UTF-8 to standard output, with no trailing newline.
Exit codes: 0 written, 2 bad input (one line on stderr names the problem and where).`;

export const canonicalizeCommand = async (
  args: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  if (args.length > 0) {
    io.stderr(`warrant canonicalize: unexpected argument ${JSON.stringify(args[0])}\n`);
    return EXIT.USAGE;
  }
  const input = await io.readStdin();
  const parsed = parseJsonStrict(input);
  if (E.isLeft(parsed)) {
    io.stderr(`warrant canonicalize: ${formatError(parsed.left)}\n`);
    return EXIT.USAGE;
  }
  const bytes = canonicalizeToBytes(parsed.right);
  if (E.isLeft(bytes)) {
    io.stderr(`warrant canonicalize: ${formatError(bytes.left)}\n`);
    return EXIT.USAGE;
  }
  io.stdout(bytes.right);
  return EXIT.OK;
};
