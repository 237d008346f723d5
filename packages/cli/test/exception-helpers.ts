// Shared helpers for the `warrant exception` tests: an in-process runner in a fresh directory,
// a governance configuration and proposal content.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { DIGEST_A, DIGEST_B, narrowProposal } from '../../../test-support/exception-fixtures';

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary working directory with a governance file, a proposal file and a runner. */
export const workspace = async (governance: unknown = GOVERNANCE) => {
  const dir = await mkdtemp(join(tmpdir(), 'warrant-cli-exc-'));
  await writeFile(join(dir, 'gov.json'), JSON.stringify(governance));
  await writeFile(join(dir, 'prop.json'), JSON.stringify(proposal('prod')));
  await writeFile(join(dir, 'prop-dev.json'), JSON.stringify(proposal('dev')));
  const warrant = (argv: ReadonlyArray<string>, stdin = ''): Promise<Result> =>
    runCli(argv, dir, stdin);
  /** `warrant exception <sub> … --store st --config gov.json --now <t>`. */
  const exc = (sub: string, now: string, ...rest: string[]) =>
    warrant(['exception', sub, ...rest, '--store', 'st', '--config', 'gov.json', '--now', now]);
  return {
    dir,
    warrant,
    exc,
    write: (name: string, v: unknown) =>
      writeFile(join(dir, name), typeof v === 'string' ? v : JSON.stringify(v)),
  };
};

export const A = DIGEST_A;
export const B = DIGEST_B;

/** Prod: two approvers, no self-approval, a security reviewer for vulnerabilities outside dev. */
export const GOVERNANCE = {
  schema: 'warrant.governance/v1',
  roles: {
    approver: ['alice', 'bob', 'carol'],
    'security-reviewer': ['sec'],
    cab: ['cab'],
  },
  rules: [
    { id: 'dev-self-approval', when: { envs: ['dev'] }, require: { self_approval: 'allowed' } },
    {
      id: 'prod-two-person',
      when: { envs: ['prod'] },
      require: { approvals: 2, self_approval: 'forbidden', max_duration_days: 90 },
    },
    {
      id: 'vuln-sec',
      when: { envs_outside: ['dev'], types: ['vulnerability'] },
      require: { roles: { 'security-reviewer': 1 } },
    },
  ],
  duration: { default_days: 90, max_days: 180 },
  renewal: { max_extension_days: 90 },
  revoke_roles: ['security-reviewer'],
};

/** A narrow NOT_AFFECTED vulnerability exception in one environment. */
export const proposal = narrowProposal;

/** Parses the single JSON document a `--json` run printed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk printed JSON freely
export const json = (r: Result): any => JSON.parse(r.stdout);
