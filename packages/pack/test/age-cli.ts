// Drives Debian's `age` command for interop tests. age reads passphrases only from a terminal,
// so passphrase runs go through a pseudo-terminal made by python3's pty module.
import { execFileSync, spawnSync } from 'node:child_process';

/** Whether the `age` binary is on PATH; under CI=true its absence is a test failure. */
export const ageAvailable = (): boolean => spawnSync('age', ['--version']).status === 0;

export const requireAgeOrSkip = (): boolean => {
  if (ageAvailable()) return true;
  if (process.env['CI'] === 'true')
    throw new Error('age is not installed: .ci/run must install it (apt-get install age)');
  console.warn('age interop tests did not run: the `age` command is not installed');
  return false;
};

export const age = (args: string[], input?: Uint8Array): Uint8Array =>
  new Uint8Array(execFileSync('age', args, input === undefined ? {} : { input }));

// Runs `age args…` in a pty, answering every passphrase prompt with `passphrase`.
const PTY_DRIVER = `
import os, pty, sys
args, passphrase = sys.argv[2:], sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp('age', ['age'] + args)
buf = b''
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    buf += chunk
    if b'assphrase' in buf and buf.rstrip().endswith(b':'):
        os.write(fd, passphrase + b'\\n')
        buf = b''
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

export const ageWithPassphrase = (passphrase: string, args: string[]): void => {
  const r = spawnSync('python3', ['-c', PTY_DRIVER, passphrase, ...args], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`age ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
};
