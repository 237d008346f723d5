/**
 * `warrant exception <subcommand>`: governed exceptions over a filesystem store (the
 * `@warrant/storage-adapters/fs` adapter). Dispatches to the writing, reading, sweep and verify
 * subcommands; see docs/guides/cli.md.
 * @module
 */
import { EXIT, type CliIo, type ExitCode } from '../io';
import { printError } from './exception-context';
import { readSubcommand, type ReadName } from './exception-read';
import { sweepSubcommand } from './exception-sweep';
import { verifySubcommand } from './exception-verify';
import { writeSubcommand, type WriteName } from './exception-write';

export const EXCEPTION_HELP = `usage: warrant exception <subcommand> --store <dir> [options] [--json]

Governed security exceptions in a filesystem store (append-only, hash-chained JSON Lines).

Subcommands that write (need --actor; refused commands write nothing):
  propose          --file <proposal.json|-> [--id <exception-id>] [--reason <text>]
  approve <id>     --role <role> [--version <n>] [--reason <text>]
                   [--sign-key <private.pem>] [--trust <trust.json>]
  reject <id>      --role <role> --reason <text> [--version <n>]
  request-changes <id>  --role <role> --reason <text> [--version <n>]
  revoke <id>      --reason <text> [--role <role>]
  renew <id>       --reason <text> [--expires-at <t>] [--rationale <text>] [--changes <file>]
  amend <id>       --reason <text> [--changes <file>] [--expires-at <t>] [--rationale <text>]
  sweep            [--within-days <n> (default 14)] [--actor <id> (default warrant-sweep)]

Subcommands that read:
  list             [--status s]... [--owner o]... [--reason-code c]... [--type t]...
                   [--breadth b]... [--env e]... [--id x]... [--artifact sha256:…]...
                   [--expiring-within <days>] [--expires-from <t>] [--expires-before <t>]
  show <id>        the exception at --now: every version, approvals, what is still needed
  history <id>     every event, and a field-level diff of each new version
  verify           [--trust <trust.json>] [--checkpoint-key <public.pem>]...
                   hash chain, checkpoints, fold, approval signatures

Options for every subcommand:
  --store <dir>        the store directory (created by the first write)
  --log <id>           the log (one per tenant; default "default")
  --config <file>      governance configuration (warrant.governance/v1); default: <store>/
                       governance.json if present, else the default rules with no role members
  --now <t>            the instant to act or read at (RFC 3339 UTC); default: the wall clock,
                       printed on stderr
  --actor <id>         who acts; --actor-kind human|service (default human)
  --json               RFC 8785 canonical JSON on stdout (errors as {"error": …})

Exit codes: 0 done, 1 refused by governance or verification failed (every refusal on stderr
with its code, path and rule), 2 bad input, arguments or store.`;

/**
 * Runs `warrant exception`.
 * @param args - arguments after `exception`
 * @param io - streams
 * @returns the subcommand's exit code
 * @example
 * await exceptionCommand(['list', '--store', 'st', '--json'], io)
 */
export const exceptionCommand = async (
  args: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const [sub, ...rest] = args;
  if (sub === undefined) {
    io.stderr(`${EXCEPTION_HELP}\n`);
    return EXIT.USAGE;
  }
  if (WRITE.has(sub)) return writeSubcommand(sub as WriteName, rest, io);
  if (READ.has(sub)) return readSubcommand(sub as ReadName, rest, io);
  if (sub === 'sweep') return sweepSubcommand(rest, io);
  if (sub === 'verify') return verifySubcommand(rest, io);
  return printError(io, 'exception', rest.includes('--json'), {
    code: 'CLI_USAGE',
    message: `unknown subcommand ${JSON.stringify(sub)}; run warrant exception --help`,
  });
};

// --- internal --------------------------------------------------------------

const WRITE: ReadonlySet<string> = new Set([
  'propose',
  'approve',
  'reject',
  'request-changes',
  'revoke',
  'renew',
  'amend',
]);
const READ: ReadonlySet<string> = new Set(['list', 'show', 'history']);
