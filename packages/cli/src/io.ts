/**
 * The CLI's view of the outside world, injected so every command runs in-process in tests.
 * @module
 */

/** Standard streams and environment a command may use. */
export interface CliIo {
  /** Reads all of standard input as bytes. */
  readStdin(): Promise<Uint8Array>;
  /** Writes to standard output (bytes are written as-is, strings as UTF-8). */
  stdout(chunk: string | Uint8Array): void;
  /** Writes to standard error. */
  stderr(chunk: string): void;
  /** Whether standard error is a terminal (progress bars only there). */
  readonly isTty: boolean;
  /** The working directory relative paths resolve against. */
  readonly cwd: string;
}

/** Process exit codes used by every command. */
export const EXIT = {
  /** Success, verified, or policy passed. */
  OK: 0,
  /** The check ran and said no: policy failed, verification failed. */
  FAILED: 1,
  /** Unusable input or arguments. */
  USAGE: 2,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
