/**
 * The reading subcommands of `warrant exception`: list (a query at `now`: filters, expiring
 * within N days, active for a release's artifacts), show (one exception at `now`, with what its
 * latest version still needs) and history (every event, and a field-level diff of each new
 * version against the version it derives from). They open the store read-only.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  analyzeBreadth,
  decodeExceptionFilter,
  diffJson,
  exceptionStateAt,
  ExceptionProposal,
  type FieldChange,
  type JsonValue,
} from '@warrant/core';
import { approvalProgress, requirementsFor } from '@warrant/policy';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { intOption, parseArgs, type ArgSpec, type ParsedArgs } from './exception-args';
import { emit, loadRecord, openSession, printError, type Session } from './exception-context';
import {
  breadthLines,
  encodeEvents,
  encodeState,
  progressLines,
  stateLines,
} from './exception-render';

// --- model -----------------------------------------------------------------

/** The reading subcommands and their options. */
export const READ_SPECS: Readonly<Record<ReadName, ArgSpec>> = {
  list: {
    values: ['expiring-within', 'expires-from', 'expires-before'],
    repeated: ['status', 'owner', 'reason-code', 'type', 'breadth', 'env', 'id', 'artifact'],
  },
  show: { positionals: ['exception-id'] },
  history: { positionals: ['exception-id'] },
};

/** A reading subcommand. */
export type ReadName = 'list' | 'show' | 'history';

// --- operations ------------------------------------------------------------

/**
 * Runs one reading subcommand.
 * @param sub - the subcommand
 * @param argv - its arguments
 * @param io - streams
 * @returns 0 printed, 2 bad arguments, unknown exception or unreadable store
 * @example
 * await readSubcommand('list', ['--store', 'st', '--status', 'active', '--json'], io)
 */
export const readSubcommand = async (
  sub: ReadName,
  argv: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const name = `exception ${sub}`;
  const args = parseArgs(argv, READ_SPECS[sub]);
  if (typeof args === 'string') {
    return printError(io, name, argv.includes('--json'), { code: 'CLI_USAGE', message: args });
  }
  const s = await openSession(name, args, io, false);
  if (typeof s === 'number') return s;
  try {
    if (sub === 'list') return await list(s, args);
    return await one(s, sub, args.positionals.get('exception-id') as string);
  } finally {
    await s.store.close();
  }
};

// --- internal --------------------------------------------------------------

const FILTERS: ReadonlyArray<readonly [string, string]> = [
  ['status', 'statuses'],
  ['owner', 'owners'],
  ['reason-code', 'reason_codes'],
  ['type', 'types'],
  ['breadth', 'breadths'],
  ['env', 'envs'],
  ['id', 'exception_ids'],
];

async function list(s: Session, args: ParsedArgs): Promise<ExitCode> {
  const filter: Record<string, unknown> = {};
  for (const [option, member] of FILTERS) {
    const values = args.repeated.get(option);
    if (values !== undefined) filter[member] = [...new Set(values)];
  }
  const from = args.values.get('expires-from');
  if (from !== undefined) filter.expires_from = from;
  const before = args.values.get('expires-before');
  if (before !== undefined) filter.expires_before = before;
  const days = intOption(args, 'expiring-within', 0);
  if (typeof days === 'object')
    return printError(s.io, s.name, s.json, { code: 'CLI_USAGE', message: days.problem });
  const checked = decodeExceptionFilter(filter);
  if (E.isLeft(checked)) {
    const option = (path: string): string =>
      FILTERS.find(([, m]) => path.startsWith(`$.${m}`))?.[0] ??
      (path.startsWith('$.expires_from') ? 'expires-from' : 'expires-before');
    return printError(s.io, s.name, s.json, {
      code: 'CLI_USAGE',
      message: checked.left.issues.map((i) => `--${option(i.path)}: ${i.message}`).join('; '),
    });
  }
  const artifacts = args.repeated.get('artifact');
  const query = {
    at: s.now,
    ...(Object.keys(filter).length === 0 ? {} : { filter }),
    ...(days === undefined ? {} : { expiring_within_days: days }),
    ...(artifacts === undefined ? {} : { active_for_artifacts: [...new Set(artifacts)] }),
  };
  const r = await s.store.exceptions.query(s.logId, query as never);
  if (E.isLeft(r)) return printError(s.io, s.name, s.json, r.left);
  const lines =
    r.right.length === 0
      ? ['no exceptions match']
      : r.right.map((st) => {
          const c = st.current;
          return `${st.exception_id}  ${st.status.padEnd(17)} v${c.version}  ${c.type}  ${c.reason_code}  owner ${c.owner}  expires ${c.expires_at}`;
        });
  emit(
    s,
    { log_id: s.logId, now: s.now, query, exceptions: r.right.map(encodeState) },
    lines.join('\n'),
  );
  return EXIT.OK;
}

async function one(s: Session, sub: 'show' | 'history', id: string): Promise<ExitCode> {
  const record = await loadRecord(s, id);
  if (record !== undefined && 'code' in record) return printError(s.io, s.name, s.json, record);
  const state = record === undefined ? undefined : exceptionStateAt(record, s.now);
  if (record === undefined || state === undefined) {
    return printError(s.io, s.name, s.json, {
      code: 'CLI_EXCEPTION_NOT_FOUND',
      message: `no exception ${id} in log ${s.logId}${record === undefined ? '' : ` at ${s.now}`}`,
    });
  }
  const latest = record.versions[record.versions.length - 1];
  if (latest === undefined) throw new TypeError('internal: a record has at least one version');
  if (sub === 'show') {
    const requirements = requirementsFor(s.governance, latest.content);
    const progress = approvalProgress(requirements, latest.approvals);
    const breadth = analyzeBreadth(latest.content.type, latest.content.scope);
    const lines = [
      ...stateLines(state),
      ...(state.versions[state.versions.length - 1]?.status === 'proposed'
        ? progressLines(progress).map((l) => `  pending     ${l}`)
        : []),
      ...breadthLines(breadth).map((l) => `  breadth     ${l}`),
    ];
    emit(
      s,
      { log_id: s.logId, now: s.now, state: encodeState(state), approval: progress, breadth },
      lines.join('\n'),
    );
    return EXIT.OK;
  }
  const events = await s.store.events.readSubject(s.logId, id);
  if (E.isLeft(events)) return printError(s.io, s.name, s.json, events.left);
  const diffs = record.versions.flatMap((v) => {
    const base =
      v.previous_version === undefined ? undefined : record.versions[v.previous_version - 1];
    if (base === undefined) return [];
    const changes = diffJson(
      ExceptionProposal.encode(base.content) as JsonValue,
      ExceptionProposal.encode(v.content) as JsonValue,
    );
    return [{ version: v.version, previous_version: base.version, origin: v.origin, changes }];
  });
  const lines = [`${id}: ${events.right.length} events, ${record.versions.length} versions`];
  for (const e of events.right) {
    const payload = e.payload as { version?: unknown; role?: unknown };
    lines.push(
      `  seq ${e.seq}  ${e.time}  ${e.type.replace(/^exception\./, '')} v${String(payload.version)}` +
        `  by ${e.actor.id}${typeof payload.role === 'string' ? ` as ${payload.role}` : ''}` +
        `${e.reason === '' ? '' : `: ${e.reason}`}`,
    );
  }
  for (const d of diffs) {
    lines.push(`  version ${d.version} (${d.origin} of version ${d.previous_version}):`);
    for (const c of d.changes) lines.push(`    ${describeChange(c)}`);
  }
  emit(
    s,
    { log_id: s.logId, now: s.now, exception_id: id, events: encodeEvents(events.right), diffs },
    lines.join('\n'),
  );
  return EXIT.OK;
}

const show = (v: JsonValue | undefined): string => {
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const describeChange = (c: FieldChange): string =>
  c.kind === 'changed'
    ? `changed ${c.path}: ${show(c.before)} -> ${show(c.after)}`
    : c.kind === 'added'
      ? `added ${c.path}: ${show(c.after)}`
      : `removed ${c.path}: ${show(c.before)}`;
