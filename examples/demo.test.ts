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
    expect(first).toMatch(
      /without exceptions or VEX: FAIL; 153 findings: 153 open.*prod-no-open-critical \(2\)/,
    );
    expect(first).toMatch(
      /with governed exceptions and trusted VEX: WARN; 153 findings: 150 open, 2 excepted, 1 not_affected/,
    );
    expect(first).toMatch(
      /near miss: exc-[0-9a-f]+ \(active\) did not apply: environment\.envs: prod matches none of dev/,
    );
    expect(first).toMatch(/listed but never applied: exc-[0-9a-f]+ is proposed/);
    expect(first).toContain('replay with inputs in another order: byte-identical verdict');
    expect(first).toContain('rebuilt from shuffled input: byte-identical');
    expect(first).toMatch(
      /verified: 1\d files, .* signed by [0-9a-f]{12}, event log 6 events under a signed checkpoint/,
    );
    expect(first).toMatch(
      /proof for verdict\/verdict\.json verified against the signed manifest alone/,
    );
    expect(first).toContain(
      'a copy with the verdict edited: caught: PACK_FILE_DIGEST_MISMATCH at verdict/verdict.json',
    );
    expect(first).toContain(
      'the human summary, derived from the machine files: examples/out/summary.html',
    );
    expect(first).toContain('profile external-auditor');
    expect(first).toContain(
      "people's ids anywhere in the decompressed pack: 0 of 3 (in the full pack: 3)",
    );
    expect(first).toContain('decrypts to identical bytes: true');
    expect(first).not.toMatch(/\?!|FAILED|DIFFERENT/);
    const digest = (out: string): string | undefined =>
      /release\.pack\.tar\.gz: \d+ bytes, \d+ files, (sha256:[0-9a-f]{64})/.exec(out)?.[1];
    expect(digest(first)).toBeDefined();
    expect(digest(runDemo())).toBe(digest(first));
  }, 120_000);
});
