// The README's first command must keep working: run the demo as a user would and check that
// every step reports success and that its outputs are byte-identical across runs.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const runDemo = (): string =>
  execFileSync('npx', ['--no-install', 'tsx', '--conditions=@warrant/source', 'examples/demo.ts'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('npm run demo', () => {
  it('runs end to end, catches tampering, and is deterministic', () => {
    const first = runDemo();
    expect(first).toContain('a writer with a stale sequence gets STORE_SEQUENCE_CONFLICT');
    expect(first).toContain('an edited copy is caught: CORE_LOG_HASH_MISMATCH at seq 2');
    expect(first).toContain('dev: bob approves his own dev exception -> active');
    expect(first).toMatch(
      /prod: alice approves her own exception -> refused: requester cannot approve own exception/,
    );
    expect(first).toMatch(
      /prod: bob approves -> proposed; .*needs 1 more approval from role security-reviewer/,
    );
    expect(first).toContain('prod: sec approves as security-reviewer -> active');
    expect(first).toContain(
      'broadLogback: broad (warnings: no_artifact, no_component, no_environment)',
    );
    expect(first).toContain('inclusion proof for findings/findings.jsonl: verified');
    expect(first).toContain('rebuilt from shuffled input: byte-identical');
    expect(first).toContain('manifest intact: true');
    expect(first).toContain('decrypts to identical bytes: true');
    expect(first).not.toMatch(/\?!|FAILED|DIFFERENT/);
    const digest = (out: string): string | undefined =>
      /evidence\.tar\.gz: \d+ bytes, (sha256:[0-9a-f]{64})/.exec(out)?.[1];
    expect(digest(first)).toBeDefined();
    expect(digest(runDemo())).toBe(digest(first));
  }, 120_000);
});
