/**
 * `warrant exception verify`: checks a stored log end to end and prints a report. The hash chain
 * (every record, hash and link; a torn tail), the stored checkpoints (signatures against
 * `--checkpoint-key` keys when given, and the log against each), the fold of every exception
 * (every event allowed by the lifecycle), and every approval signature (against the `--trust`
 * map of approver keys; unsigned approvals only where the governance configuration allows them).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { formatError, importPublicKeyPem, type Verifier, type WarrantError } from '@warrant/core';
import { auditApprovalSignatures, type ApprovalAudit, type ApproverKeys } from '@warrant/policy';
import { verifyAndFoldStoredLog } from '@warrant/storage-adapters';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { parseArgs, type ArgSpec } from './exception-args';
import { emit, openSession, printError, type Session } from './exception-context';
import { loadApproverKeys } from './exception-keys';

/** Options of `exception verify`. */
export const VERIFY_SPEC: ArgSpec = { values: ['trust'], repeated: ['checkpoint-key'] };

/** Store codes that mean "the stored log does not verify" (exit 1) rather than "unusable" (2). */
const FAILED_CODES: ReadonlySet<string> = new Set([
  'STORE_RECORD_CORRUPT',
  'STORE_CHECKPOINT_INVALID',
  'STORE_TORN_TAIL',
]);

/**
 * Runs `exception verify`.
 * @param argv - its arguments
 * @param io - streams
 * @returns 0 verified, 1 a check failed (the report says which), 2 bad arguments, keys or store
 * @example
 * await verifySubcommand(['--store', 'st', '--trust', 'trust.json', '--json'], io)
 */
export const verifySubcommand = async (
  argv: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const name = 'exception verify';
  const args = parseArgs(argv, VERIFY_SPEC);
  const json = argv.includes('--json');
  if (typeof args === 'string')
    return printError(io, name, json, { code: 'CLI_USAGE', message: args });
  let keys: ApproverKeys | undefined;
  const trust = args.values.get('trust');
  if (trust !== undefined) {
    const loaded = await loadApproverKeys(io, trust);
    if ('code' in loaded) return printError(io, name, json, loaded);
    keys = loaded.keys;
  }
  const verifiers: Verifier[] = [];
  for (const file of args.repeated.get('checkpoint-key') ?? []) {
    const v = await readPublicKey(io, file);
    if ('code' in v) return printError(io, name, json, v);
    verifiers.push(v.verifier);
  }
  const s = await openSession(name, args, io, false, false);
  if (typeof s === 'number') return s;
  try {
    return await verify(s, keys, verifiers.length === 0 ? undefined : verifiers);
  } finally {
    await s.store.close();
  }
};

// --- internal --------------------------------------------------------------

async function verify(
  s: Session,
  keys: ApproverKeys | undefined,
  verifiers: ReadonlyArray<Verifier> | undefined,
): Promise<ExitCode> {
  const fail = (error: WarrantError): ExitCode => {
    const code = printError(s.io, s.name, s.json, error);
    return FAILED_CODES.has(error.code) ? EXIT.FAILED : code;
  };
  const status = await s.store.inspect(s.logId);
  if (E.isLeft(status)) return fail(status.left);
  if (status.right.tornTail !== undefined) {
    const t = status.right.tornTail;
    return fail({
      code: 'STORE_TORN_TAIL',
      message: `log ${s.logId} ends with ${t.length} bytes of a partly written record at byte ${t.offset} (repair it explicitly)`,
    });
  }
  // One pass over the file (verify and fold together) when the log verifies; a failing log is
  // reported by the paged path, in its order: checkpoint signatures, chain, then the fold.
  const folded = await verifyAndFoldStoredLog(
    s.store,
    s.logId,
    verifiers === undefined ? {} : { verifiers },
  );
  if (E.isLeft(folded)) {
    const e = folded.left;
    return fail(
      e.code.startsWith('STORE_')
        ? e
        : {
            code: 'STORE_RECORD_CORRUPT',
            message: `the log's exception events do not fold: ${formatError(e)}`,
          },
    );
  }
  const records = folded.right.records;
  const approvals: ApprovalAudit[] = [];
  for (const r of records)
    approvals.push(...(await auditApprovalSignatures(r, s.governance, keys)));
  const bad = approvals.filter((a) => !a.ok);
  const c = folded.right.report;
  const count = (st: ApprovalAudit['status']): number =>
    approvals.filter((a) => a.status === st).length;
  const lines = [
    `${bad.length === 0 ? 'verified' : 'FAILED'}: log ${s.logId}, ${c.count} events, head ${c.head.hash}`,
    `  merkle root  ${c.root ?? '(empty log)'}`,
    `  checkpoints  ${c.checkpoints.length} (${verifiers === undefined ? 'signatures not checked: no --checkpoint-key' : 'signatures verified'})`,
    `  exceptions   ${records.length} fold without error`,
    `  approvals    ${approvals.length}: ${count('verified')} signed and verified, ${count('unsigned')} unsigned, ${count('unchecked')} signed but unchecked (no --trust), ${count('invalid')} invalid`,
    ...bad.map(
      (a) =>
        `  ${a.exception_id} v${a.version} approval by ${a.approver}: ${a.status}: ${a.reason ?? ''}`,
    ),
  ];
  emit(
    s,
    {
      ok: bad.length === 0,
      log_id: s.logId,
      governance: s.governanceSource,
      chain: {
        count: c.count,
        head: c.head,
        ...(c.root === undefined ? {} : { root: c.root }),
        checkpoints: c.checkpoints,
        checkpoint_signatures: verifiers === undefined ? 'not_checked' : 'verified',
      },
      exceptions: records.length,
      approvals,
    },
    lines.join('\n'),
  );
  return bad.length === 0 ? EXIT.OK : EXIT.FAILED;
}

async function readPublicKey(
  io: CliIo,
  file: string,
): Promise<{ verifier: Verifier } | WarrantError> {
  let pem: string;
  try {
    pem = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    return {
      code: 'CLI_FILE_UNREADABLE',
      message: `cannot read checkpoint key ${file}: ${e instanceof Error ? e.message : String(e)}`,
      path: file,
    };
  }
  const key = await importPublicKeyPem(pem);
  return E.isLeft(key) ? { ...key.left, path: file } : { verifier: key.right.verifier };
}
