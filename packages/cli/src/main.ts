/**
 * The `warrant` command: argument dispatch over the packages. Each subcommand lives in
 * src/commands/<name>.ts and exports `<name>Command(args, io)` and its help text.
 * @module
 */
import { CANONICALIZE_HELP, canonicalizeCommand } from './commands/canonicalize';
import { EVALUATE_HELP, evaluateCommand } from './commands/evaluate';
import { EXCEPTION_HELP, exceptionCommand } from './commands/exception';
import { PACK_HELP, packCommand } from './commands/pack';
import { IMPORT_HELP, importCommand } from './commands/import';
import { EXIT, type CliIo, type ExitCode } from './io';

type Command = (args: ReadonlyArray<string>, io: CliIo) => Promise<ExitCode>;

const COMMANDS: ReadonlyMap<string, { run: Command; help: string; summary: string }> = new Map([
  [
    'canonicalize',
    {
      run: canonicalizeCommand,
      help: CANONICALIZE_HELP,
      summary: 'RFC 8785 canonical JSON of stdin',
    },
  ],
  [
    'import',
    {
      run: importCommand,
      help: IMPORT_HELP,
      summary: 'import a scanner, SBOM, VEX or OSV document and summarize it',
    },
  ],
  [
    'pack',
    {
      run: packCommand,
      help: PACK_HELP,
      summary: 'build, verify, inspect and prove audit packs',
    },
  ],
  [
    'evaluate',
    {
      run: evaluateCommand,
      help: EVALUATE_HELP,
      summary: 'evaluate findings against exceptions, VEX and gates; print the verdict',
    },
  ],
  [
    'exception',
    {
      run: exceptionCommand,
      help: EXCEPTION_HELP,
      summary: 'propose, approve, renew, list, verify… governed exceptions in a store',
    },
  ],
]);

const usage = (): string =>
  [
    'usage: warrant <command> [options]',
    '',
    'commands:',
    ...[...COMMANDS].map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`),
    '',
    "Run `warrant <command> --help` for a command's options.",
    'Exit codes: 0 success, 1 check failed, 2 bad input or arguments.',
  ].join('\n');

/**
 * Runs the CLI with explicit arguments and streams.
 * @param argv - arguments after the program name
 * @param io - standard streams
 * @returns the exit code
 */
export const run = async (argv: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  const command = COMMANDS.get(name);
  if (command === undefined) {
    io.stderr(`warrant: unknown command ${JSON.stringify(name)}\n\n${usage()}\n`);
    return EXIT.USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return EXIT.OK;
  }
  return command.run(rest, io);
};
