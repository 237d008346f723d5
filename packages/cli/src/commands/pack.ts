/**
 * `warrant pack <subcommand>`: build, verify, sign, inspect, prove and verify-proof audit packs
 * (docs/spec/pack-v1.md). Other engineers' pack subcommands (diff) register here too.
 * @module
 */
import { EXIT, type CliIo, type ExitCode } from '../io';
import { PACK_BUILD_HELP, packBuildCommand } from './pack-build';
import { PACK_DIFF_HELP, packDiffCommand } from './pack-diff';
import {
  PACK_PROVE_HELP,
  PACK_VERIFY_PROOF_HELP,
  packProveCommand,
  packVerifyProofCommand,
} from './pack-prove';
import { PACK_SIGN_HELP, packSignCommand } from './pack-sign';
import {
  PACK_INSPECT_HELP,
  PACK_VERIFY_HELP,
  packInspectCommand,
  packVerifyCommand,
} from './pack-verify';

type Sub = (args: ReadonlyArray<string>, io: CliIo) => Promise<ExitCode>;

const SUBCOMMANDS: ReadonlyMap<string, { run: Sub; help: string; summary: string }> = new Map([
  [
    'build',
    {
      run: packBuildCommand,
      help: PACK_BUILD_HELP,
      summary: 'build an audit pack from a build spec',
    },
  ],
  [
    'verify',
    {
      run: packVerifyCommand,
      help: PACK_VERIFY_HELP,
      summary: 'verify a pack (integrity, signatures, event log)',
    },
  ],
  [
    'sign',
    {
      run: packSignCommand,
      help: PACK_SIGN_HELP,
      summary: 'sign or countersign an existing pack (same pack id)',
    },
  ],
  [
    'inspect',
    { run: packInspectCommand, help: PACK_INSPECT_HELP, summary: 'show what a pack holds' },
  ],
  [
    'prove',
    {
      run: packProveCommand,
      help: PACK_PROVE_HELP,
      summary: 'write the inclusion proof of one file',
    },
  ],
  [
    'diff',
    { run: packDiffCommand, help: PACK_DIFF_HELP, summary: 'what changed between two packs' },
  ],
  [
    'verify-proof',
    {
      run: packVerifyProofCommand,
      help: PACK_VERIFY_PROOF_HELP,
      summary: 'check a file + proof + signed manifest',
    },
  ],
]);

export const PACK_HELP = [
  'usage: warrant pack <subcommand> [options]',
  '',
  'subcommands:',
  ...[...SUBCOMMANDS].map(([name, s]) => `  ${name.padEnd(14)} ${s.summary}`),
  '',
  'Exit codes: 0 success, 1 verification failed, 2 bad input or arguments.',
  ...[...SUBCOMMANDS.values()].flatMap((s) => ['', s.help]),
].join('\n');

/**
 * Runs `warrant pack`.
 * @param args - arguments after `pack`
 * @param io - standard streams and working directory
 * @returns the subcommand's exit code
 */
export const packCommand = async (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> => {
  const [name, ...rest] = args;
  const sub = name === undefined ? undefined : SUBCOMMANDS.get(name);
  if (sub === undefined) {
    io.stderr(
      `${name === undefined ? '' : `warrant pack: unknown subcommand ${JSON.stringify(name)}\n\n`}${PACK_HELP}\n`,
    );
    return EXIT.USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${sub.help}\n`);
    return EXIT.OK;
  }
  return sub.run(rest, io);
};
