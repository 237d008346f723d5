/**
 * What every `warrant exception` subcommand shares: opening the filesystem store, choosing the
 * log, loading the governance configuration, fixing `now`, folding one exception's events, and
 * printing results and errors (text, or RFC 8785 canonical JSON with `--json`). Exit codes:
 * 0 done, 1 refused by governance or failed verification, 2 unusable input, arguments or store.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  formatError,
  fromEpochMillis,
  foldExceptionEvents,
  LogId,
  parseJsonStrict,
  parseTimestamp,
  type ExceptionRecord,
  type Timestamp,
  type WarrantError,
} from '@warrant/core';
import { decodeGovernance, defaultGovernance, type GovernanceConfig } from '@warrant/policy';
import { openFsStore, type FsStore } from '@warrant/storage-adapters/fs';
import { EXIT, type CliIo, type ExitCode } from '../io';
import type { ParsedArgs } from './exception-args';

// --- model -----------------------------------------------------------------

/** The log used when `--log` is not given. */
export const DEFAULT_LOG_ID = 'default';

/** The file in the store directory read when `--config` is not given. */
export const STORE_GOVERNANCE_FILE = 'governance.json';

/** An open store and everything a subcommand needs to act on it. */
export interface Session {
  readonly io: CliIo;
  /** `exception <sub>`, for messages. */
  readonly name: string;
  readonly json: boolean;
  readonly store: FsStore;
  readonly logId: LogId;
  readonly governance: GovernanceConfig;
  /** Where the configuration came from: a file path, or `default`. */
  readonly governanceSource: string;
  /** The instant the subcommand acts or reads at. */
  readonly now: Timestamp;
  /** `option` when given with `--now`, `clock` when read from the wall clock. */
  readonly nowSource: 'option' | 'clock';
}

/** A subcommand's result: an exit code, after output was written. */
export type Outcome = Promise<ExitCode>;

// --- operations ------------------------------------------------------------

/**
 * Opens the store named by `--store` (read-only unless `write`), reads the governance
 * configuration and fixes `now`. Problems are printed; the exit code is returned instead.
 * @param name - `exception <sub>`
 * @param args - parsed arguments
 * @param io - streams
 * @param write - take the store's writer lock
 * @param usesNow - whether the subcommand reads `now` (only then is a wall-clock default printed)
 * @returns the session, or the exit code after printing why not
 * @example
 * const s = await openSession('exception list', args, io, false);
 * if (typeof s === 'number') return s;
 */
export const openSession = async (
  name: string,
  args: ParsedArgs,
  io: CliIo,
  write: boolean,
  usesNow = true,
): Promise<Session | ExitCode> => {
  const json = args.flags.has('json');
  const usage = (message: string): ExitCode =>
    printError(io, name, json, { code: 'CLI_USAGE', message });
  const dir = args.values.get('store');
  if (dir === undefined) return usage('--store <dir> is required');
  const logText = args.values.get('log') ?? DEFAULT_LOG_ID;
  if (!LogId.is(logText)) {
    return usage(
      `--log expects 1-64 characters of [a-z0-9._-], starting and ending with a letter or digit, got ${JSON.stringify(logText)}`,
    );
  }
  const nowText = args.values.get('now');
  let now: Timestamp;
  if (nowText !== undefined) {
    const t = parseTimestamp(nowText, '--now');
    if (E.isLeft(t)) return printError(io, name, json, t.left);
    now = t.right;
  } else {
    // eslint-disable-next-line no-restricted-syntax -- the CLI is the application edge: the wall clock is read here, once, and printed
    now = fromEpochMillis(Math.floor(Date.now() / 1000) * 1000);
  }
  const storeDir = resolve(io.cwd, dir);
  const governance = await loadGovernance(io, args.values.get('config'), storeDir);
  if ('code' in governance) return printError(io, name, json, governance);
  const opened = await openFsStore(storeDir, { readOnly: !write });
  if (E.isLeft(opened)) return printError(io, name, json, opened.left);
  if (nowText === undefined && usesNow)
    io.stderr(`warrant ${name}: now ${now} (wall clock; fix it with --now)\n`);
  return {
    io,
    name,
    json,
    store: opened.right,
    logId: logText,
    governance: governance.config,
    governanceSource: governance.source,
    now,
    nowSource: nowText === undefined ? 'clock' : 'option',
  };
};

/**
 * Folds one exception's events from the store.
 * @param s - the session
 * @param id - the exception id
 * @returns the record, `undefined` when the log has no such exception, or a store or fold error
 * @example
 * const record = await loadRecord(s, 'exc-1');
 */
export const loadRecord = async (
  s: Session,
  id: string,
): Promise<ExceptionRecord | undefined | WarrantError> => {
  const events = await s.store.events.readSubject(s.logId, id);
  if (E.isLeft(events)) return events.left;
  const exceptionEvents = events.right.filter((e) => e.type.startsWith('exception.'));
  if (exceptionEvents.length === 0) return undefined;
  const folded = foldExceptionEvents(exceptionEvents);
  if (E.isLeft(folded)) {
    return {
      code: 'STORE_RECORD_CORRUPT',
      message: `the stored events of ${id} do not fold: ${formatError(folded.left)}`,
    };
  }
  return folded.right;
};

/**
 * Prints a result: canonical JSON with `--json`, else the text.
 * @param s - the session (or just its streams and mode)
 * @param value - the JSON result
 * @param text - the human-readable result
 * @example
 * emit(s, { exception_id }, `proposed ${exception_id}`);
 */
export const emit = (
  s: Pick<Session, 'io' | 'json' | 'name'>,
  value: unknown,
  text: string,
): void => {
  if (!s.json) {
    s.io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const c = canonicalize(value);
  // Results are built from decoded values and strings only.
  if (E.isLeft(c)) throw new TypeError(`internal: result is not JSON: ${c.left.message}`);
  s.io.stdout(`${c.right}\n`);
};

/**
 * Prints an error (every issue or refusal on its own line; as `{"error": …}` with `--json`) and
 * returns its exit code: 1 for governance refusals, 2 for everything else.
 * @param io - streams
 * @param name - `exception <sub>`
 * @param json - whether `--json` was given
 * @param error - the error value
 * @returns the exit code
 * @example
 * return printError(io, 'exception approve', false, refusedError);
 */
export const printError = (
  io: CliIo,
  name: string,
  json: boolean,
  error: WarrantError & {
    readonly issues?: ReadonlyArray<WarrantError>;
    readonly refusals?: ReadonlyArray<WarrantError & { readonly rule?: string }>;
  },
): ExitCode => {
  const code = error.code === 'POLICY_COMMAND_REFUSED' ? EXIT.FAILED : EXIT.USAGE;
  if (json) {
    const c = canonicalize({ error: JSON.parse(JSON.stringify(error)) as unknown });
    io.stdout(`${E.isRight(c) ? c.right : JSON.stringify({ error: { code: error.code } })}\n`);
  }
  const lines = [`warrant ${name}: ${formatError(error)}`];
  for (const r of error.refusals ?? []) {
    lines.push(`  ${formatError(r)}${r.rule === undefined ? '' : ` [rule ${r.rule}]`}`);
  }
  const issues = error.issues ?? [];
  if (issues.length > 1) for (const i of issues) lines.push(`  ${formatError(i)}`);
  io.stderr(`${lines.join('\n')}\n`);
  return code;
};

/**
 * Reads and strictly parses a JSON file (`-` reads standard input).
 * @param io - streams and working directory
 * @param file - the path
 * @param what - what the file holds, for messages
 * @returns the parsed value, or an error naming the file
 * @example
 * const proposal = await readJsonFile(io, 'proposal.json', 'proposal');
 */
export const readJsonFile = async (
  io: CliIo,
  file: string,
  what: string,
): Promise<{ readonly value: unknown } | WarrantError> => {
  let bytes: Uint8Array;
  try {
    bytes =
      file === '-' ? await io.readStdin() : new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (e) {
    return {
      code: 'CLI_FILE_UNREADABLE',
      message: `cannot read ${what} ${file}: ${e instanceof Error ? e.message : String(e)}`,
      path: file,
    };
  }
  const parsed = parseJsonStrict(bytes);
  if (E.isLeft(parsed)) {
    return {
      code: parsed.left.code,
      message: `${what} ${file}: ${parsed.left.message}`,
      path: parsed.left.path ?? file,
    };
  }
  return { value: parsed.right };
};

// --- internal --------------------------------------------------------------

async function loadGovernance(
  io: CliIo,
  file: string | undefined,
  storeDir: string,
): Promise<{ readonly config: GovernanceConfig; readonly source: string } | WarrantError> {
  let path = file;
  if (path === undefined) {
    const inStore = join(storeDir, STORE_GOVERNANCE_FILE);
    try {
      await readFile(inStore);
      path = inStore;
    } catch {
      // No configuration anywhere: the default rules, with no role members (docs/guides/cli.md).
      return {
        config: defaultGovernance({ approver: [], 'security-reviewer': [], cab: [] }),
        source: 'default',
      };
    }
  }
  const read = await readJsonFile(io, path, 'governance configuration');
  if (!('value' in read)) return read;
  const decoded = decodeGovernance(read.value);
  return E.isLeft(decoded) ? decoded.left : { config: decoded.right, source: path };
}
