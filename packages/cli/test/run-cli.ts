// One in-process `warrant` runner for the CLI tests: argv in, exit code and captured output out,
// with a chosen working directory and standard input, and nothing touching the real process.
import { utf8Decode, utf8Encode } from '@warrant/core';
import { run, type CliIo } from '@warrant/cli';

/** What one in-process run printed and returned. */
export interface CliRun {
  readonly code: number;
  /** Standard output as text (invalid UTF-8 chunks decode to ''). */
  readonly stdout: string;
  /** Standard output exactly as written, for byte-level assertions. */
  readonly stdoutBytes: Uint8Array;
  readonly stderr: string;
}

/** Runs `warrant <argv>` in `cwd` with `stdin` as standard input (empty by default). */
export const runCli = async (
  argv: ReadonlyArray<string>,
  cwd: string,
  stdin: string | Uint8Array = '',
): Promise<CliRun> => {
  const chunks: Uint8Array[] = [];
  let text = '';
  let err = '';
  const io: CliIo = {
    readStdin: () => Promise.resolve(typeof stdin === 'string' ? utf8Encode(stdin) : stdin),
    stdout: (chunk) => {
      const bytes = typeof chunk === 'string' ? utf8Encode(chunk) : chunk;
      chunks.push(bytes);
      text += typeof chunk === 'string' ? chunk : (utf8Decode(chunk) ?? '');
    },
    stderr: (chunk) => {
      err += chunk;
    },
    isTty: false,
    cwd,
  };
  const code = await run(argv, io);
  const stdoutBytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (stdoutBytes.set(c, at), at + c.length), 0);
  return { code, stdout: text, stdoutBytes, stderr: err };
};
