// Whether a system tool a test needs is present. Under CI=true a missing tool is a failure (the
// test runs and fails with this message); elsewhere the test is skipped with the same message.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const onPath = (tool: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** True when the test should run: the tool exists, or we are in CI (where absence must fail). */
export const requireTool = (present: boolean, what: string): boolean => {
  if (present) return true;
  if (process.env['CI'] === 'true') return true;
  console.warn(`skipping: ${what} is not installed (CI=true would fail instead)`);
  return false;
};

export const fileExists = existsSync;
