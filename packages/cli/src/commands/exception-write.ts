/**
 * The writing subcommands of `warrant exception`: propose, approve, reject, request-changes,
 * revoke, renew and amend. Each builds a lifecycle command (docs/spec/governance-v1.md section
 * 6.1) from its options, runs it against the exception's folded record and the governance
 * configuration, and appends the events it produced with the log size it read as the expected
 * sequence (so nothing is written when the command is refused, and never half of it).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Actor, ExceptionRecord, LogEvent, WarrantError } from '@warrant/core';
import {
  executeExceptionCommand,
  executeExceptionCommandWithSignatures,
  type CommandOutcome,
} from '@warrant/policy';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { intOption, parseArgs, type ArgSpec, type ParsedArgs } from './exception-args';
import {
  emit,
  loadRecord,
  openSession,
  printError,
  readJsonFile,
  type Session,
} from './exception-context';
import { loadApproverKeys, signApprovalWith } from './exception-keys';
import {
  appendedLines,
  breadthLines,
  encodeEvents,
  encodeState,
  progressLines,
} from './exception-render';

// --- model -----------------------------------------------------------------

/** The writing subcommands and the options each accepts (besides the common ones). */
export const WRITE_SPECS: Readonly<Record<WriteName, ArgSpec>> = {
  propose: { values: ['actor', 'actor-kind', 'file', 'id', 'reason'] },
  approve: {
    values: ['actor', 'actor-kind', 'role', 'version', 'reason', 'sign-key', 'trust'],
    positionals: ['exception-id'],
  },
  reject: {
    values: ['actor', 'actor-kind', 'role', 'version', 'reason'],
    positionals: ['exception-id'],
  },
  'request-changes': {
    values: ['actor', 'actor-kind', 'role', 'version', 'reason'],
    positionals: ['exception-id'],
  },
  revoke: { values: ['actor', 'actor-kind', 'role', 'reason'], positionals: ['exception-id'] },
  renew: {
    values: ['actor', 'actor-kind', 'reason', 'changes', 'expires-at', 'rationale'],
    positionals: ['exception-id'],
  },
  amend: {
    values: ['actor', 'actor-kind', 'reason', 'changes', 'expires-at', 'rationale'],
    positionals: ['exception-id'],
  },
};

/** A writing subcommand. */
export type WriteName =
  'propose' | 'approve' | 'reject' | 'request-changes' | 'revoke' | 'renew' | 'amend';

// --- operations ------------------------------------------------------------

/**
 * Runs one writing subcommand.
 * @param sub - the subcommand
 * @param argv - its arguments
 * @param io - streams
 * @returns 0 appended, 1 refused by governance, 2 bad input, arguments or store
 * @example
 * await writeSubcommand('approve', ['exc-1', '--role', 'cab', '--actor', 'erin', '--store', 'st'], io)
 */
export const writeSubcommand = async (
  sub: WriteName,
  argv: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const name = `exception ${sub}`;
  const args = parseArgs(argv, WRITE_SPECS[sub]);
  if (typeof args === 'string') {
    return printError(io, name, argv.includes('--json'), { code: 'CLI_USAGE', message: args });
  }
  const actor = actorOf(args);
  if ('code' in actor) return printError(io, name, args.flags.has('json'), actor);
  // Arguments are checked before the store is opened.
  const version = intOption(args, 'version', 1);
  if (typeof version === 'object') {
    return printError(io, name, args.flags.has('json'), usage(version.problem));
  }
  const s = await openSession(name, args, io, true);
  if (typeof s === 'number') return s;
  try {
    return await act(s, sub, args, actor);
  } finally {
    await s.store.close();
  }
};

// --- internal --------------------------------------------------------------

const usage = (message: string): WarrantError => ({ code: 'CLI_USAGE', message });

// Every command names its actor; errors never do.
const isCommand = (x: Record<string, unknown> | WarrantError): x is Record<string, unknown> =>
  'actor' in x;

function actorOf(args: ParsedArgs): Actor | WarrantError {
  const id = args.values.get('actor');
  if (id === undefined) return usage('--actor <id> is required (who acts)');
  const kind = args.values.get('actor-kind') ?? 'human';
  if (kind !== 'human' && kind !== 'service') {
    return usage(`--actor-kind expects human or service, got ${JSON.stringify(kind)}`);
  }
  return { id, kind };
}

async function act(s: Session, sub: WriteName, args: ParsedArgs, actor: Actor): Promise<ExitCode> {
  const head = await s.store.events.head(s.logId);
  if (E.isLeft(head)) return printError(s.io, s.name, s.json, head.left);
  const id = args.positionals.get('exception-id') ?? args.values.get('id');
  let record: ExceptionRecord | undefined;
  if (id !== undefined) {
    const loaded = await loadRecord(s, id);
    if (loaded !== undefined && 'code' in loaded) return printError(s.io, s.name, s.json, loaded);
    record = loaded;
    if (record === undefined && sub !== 'propose') {
      return printError(s.io, s.name, s.json, {
        code: 'CLI_EXCEPTION_NOT_FOUND',
        message: `no exception ${id} in log ${s.logId}`,
      });
    }
  }
  const command = await buildCommand(s, sub, args, actor, record);
  if (!isCommand(command)) return printError(s.io, s.name, s.json, command);
  const trustFile = args.values.get('trust');
  let outcome: E.Either<WarrantError, CommandOutcome>;
  if (trustFile !== undefined) {
    const keys = await loadApproverKeys(s.io, trustFile);
    if ('code' in keys) return printError(s.io, s.name, s.json, keys);
    outcome = await executeExceptionCommandWithSignatures(record, command, s.governance, keys.keys);
  } else outcome = executeExceptionCommand(record, command, s.governance);
  if (E.isLeft(outcome)) return printError(s.io, s.name, s.json, outcome.left);
  const o = outcome.right;
  const appended = await s.store.events.append(s.logId, head.right.size, o.events);
  if (E.isLeft(appended)) return printError(s.io, s.name, s.json, appended.left);
  report(s, sub, o, appended.right.events);
  return EXIT.OK;
}

async function buildCommand(
  s: Session,
  sub: WriteName,
  args: ParsedArgs,
  actor: Actor,
  record: ExceptionRecord | undefined,
): Promise<Record<string, unknown> | WarrantError> {
  const base = { actor, at: s.now };
  const reason = args.values.get('reason');
  const withReason = reason === undefined ? {} : { reason };
  const role = args.values.get('role');
  const latest = record?.versions[record.versions.length - 1];
  switch (sub) {
    case 'propose': {
      const file = args.values.get('file');
      if (file === undefined) return usage('--file <proposal.json> is required ("-" reads stdin)');
      const read = await readJsonFile(s.io, file, 'proposal');
      if (!('value' in read)) return read;
      const id = args.values.get('id');
      return {
        command: 'propose',
        ...base,
        proposal: read.value,
        ...(id === undefined ? {} : { exception_id: id }),
        ...withReason,
      };
    }
    case 'approve':
    case 'reject':
    case 'request-changes': {
      if (role === undefined) return usage('--role <role> is required (the role acted with)');
      const v = intOption(args, 'version', 1);
      if (typeof v === 'object') return usage(v.problem);
      const version = v ?? latest?.version ?? 1;
      const exception_id = record?.exception_id ?? '';
      if (sub !== 'approve') {
        if (reason === undefined) return usage('--reason <text> is required');
        const command = sub === 'reject' ? 'reject' : 'request_changes';
        return { command, ...base, exception_id, version, role, reason };
      }
      const keyFile = args.values.get('sign-key');
      if (keyFile === undefined || latest === undefined || latest.version !== version) {
        return { command: 'approve', ...base, exception_id, version, role, ...withReason };
      }
      const signature = await signApprovalWith(s.io, keyFile, {
        exception_id,
        version,
        content_digest: latest.content_digest,
        approver: actor.id,
        role,
        at: s.now,
      });
      if ('code' in signature) return signature;
      return {
        command: 'approve',
        ...base,
        exception_id,
        version,
        role,
        ...withReason,
        signature: signature.envelope,
      };
    }
    case 'revoke':
      if (reason === undefined) return usage('--reason <text> is required');
      return {
        command: 'revoke',
        ...base,
        exception_id: record?.exception_id ?? '',
        reason,
        ...(role === undefined ? {} : { role }),
      };
    case 'renew':
    case 'amend': {
      if (reason === undefined) return usage('--reason <text> is required (why this new version)');
      let changes: Record<string, unknown> = {};
      const file = args.values.get('changes');
      if (file !== undefined) {
        const read = await readJsonFile(s.io, file, 'changes');
        if (!('value' in read)) return read;
        if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
          return {
            code: 'CLI_USAGE',
            message: `changes ${file}: expected a JSON object`,
            path: '$',
          };
        }
        changes = { ...(read.value as Record<string, unknown>) };
      }
      const expires = args.values.get('expires-at');
      if (expires !== undefined) changes.expires_at = expires;
      const rationale = args.values.get('rationale');
      if (rationale !== undefined) changes.rationale = rationale;
      if (Object.keys(changes).length === 0) {
        return usage('nothing to change: give --changes <file>, --expires-at or --rationale');
      }
      return { command: sub, ...base, exception_id: record?.exception_id ?? '', reason, changes };
    }
  }
}

const PAST: Record<WriteName, string> = {
  propose: 'proposed',
  approve: 'approved',
  reject: 'rejected',
  'request-changes': 'sent back for changes',
  revoke: 'revoked',
  renew: 'renewed',
  amend: 'amended',
};

function report(
  s: Session,
  sub: WriteName,
  o: CommandOutcome,
  appended: ReadonlyArray<LogEvent>,
): void {
  const latest = o.record.versions[o.record.versions.length - 1];
  const warnings = o.breadth.reasons.map((r) => ({
    code: r.code,
    path: r.path,
    message: r.message,
  }));
  const value = {
    command: sub,
    log_id: s.logId,
    now: s.now,
    governance: s.governanceSource,
    exception_id: o.exception_id,
    version: latest?.version ?? 1,
    status: o.state.status,
    state: encodeState(o.state),
    approval: o.progress,
    breadth: o.breadth.breadth,
    warnings,
    events: encodeEvents(appended),
  };
  const lines = [
    `${PAST[sub]} ${o.exception_id} version ${latest?.version ?? 1}: now ${o.state.status}`,
    ...progressLines(o.progress).map((l) => `  ${l}`),
    ...(o.breadth.reasons.length === 0 ? [] : breadthLines(o.breadth)).map(
      (l) => `  warning: ${l}`,
    ),
    ...appendedLines(appended).map((l) => `  ${l}`),
  ];
  emit(s, value, lines.join('\n'));
}
