/**
 * `warrant exception sweep`: appends `exception.expired` events for versions whose expiry has
 * passed (for the record: expiry takes effect at `now` without them) and reports approved or
 * active exceptions expiring within N days, for the notifications a host sends.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { formatError, type Actor } from '@warrant/core';
import { sweepExceptions } from '@warrant/policy';
import { foldStoredLog } from '@warrant/storage-adapters';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { intOption, parseArgs, type ArgSpec } from './exception-args';
import { emit, openSession, printError } from './exception-context';
import { appendedLines, encodeEvents } from './exception-render';

/** Options of `exception sweep`. */
export const SWEEP_SPEC: ArgSpec = { values: ['actor', 'actor-kind', 'within-days'] };

/** The actor recorded on `exception.expired` events when `--actor` is not given. */
export const DEFAULT_SWEEP_ACTOR: Actor = { id: 'warrant-sweep', kind: 'service' };

/** Days ahead reported as "expiring" when `--within-days` is not given. */
export const DEFAULT_WITHIN_DAYS = 14;

/**
 * Runs `exception sweep`.
 * @param argv - its arguments
 * @param io - streams
 * @returns 0 swept, 2 bad arguments or store
 * @example
 * await sweepSubcommand(['--store', 'st', '--now', '2026-05-01T00:00:00Z', '--within-days', '30'], io)
 */
export const sweepSubcommand = async (
  argv: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const name = 'exception sweep';
  const args = parseArgs(argv, SWEEP_SPEC);
  const json = argv.includes('--json');
  if (typeof args === 'string')
    return printError(io, name, json, { code: 'CLI_USAGE', message: args });
  const days = intOption(args, 'within-days', 0);
  if (typeof days === 'object')
    return printError(io, name, json, { code: 'CLI_USAGE', message: days.problem });
  const kind = args.values.get('actor-kind') ?? DEFAULT_SWEEP_ACTOR.kind;
  if (kind !== 'human' && kind !== 'service') {
    return printError(io, name, json, {
      code: 'CLI_USAGE',
      message: `--actor-kind expects human or service, got ${JSON.stringify(kind)}`,
    });
  }
  const actor: Actor = { id: args.values.get('actor') ?? DEFAULT_SWEEP_ACTOR.id, kind };
  const s = await openSession(name, args, io, true);
  if (typeof s === 'number') return s;
  try {
    // One pass over the file with the filesystem store; the same head, records and errors.
    const folded = await foldStoredLog(s.store, s.logId);
    if (E.isLeft(folded)) {
      const e = folded.left;
      return printError(
        io,
        name,
        s.json,
        e.code.startsWith('STORE_')
          ? e
          : { code: 'STORE_RECORD_CORRUPT', message: `the log does not fold: ${formatError(e)}` },
      );
    }
    const within = days ?? DEFAULT_WITHIN_DAYS;
    const swept = sweepExceptions(folded.right.records, s.now, {
      actor,
      expiringWithinDays: within,
    });
    const appended = await s.store.events.append(s.logId, folded.right.size, swept.events);
    if (E.isLeft(appended)) return printError(io, name, s.json, appended.left);
    const lines = [
      `recorded ${appended.right.events.length} expir${appended.right.events.length === 1 ? 'y' : 'ies'}`,
      ...appendedLines(appended.right.events).map((l) => `  ${l}`),
      `${swept.expiring.length} expiring within ${within} days`,
      ...swept.expiring.map(
        (x) => `  ${x.exception_id} v${x.version} expires ${x.expires_at} (owner ${x.owner})`,
      ),
    ];
    emit(
      s,
      {
        log_id: s.logId,
        now: s.now,
        within_days: within,
        events: encodeEvents(appended.right.events),
        expiring: swept.expiring,
      },
      lines.join('\n'),
    );
    return EXIT.OK;
  } finally {
    await s.store.close();
  }
};
