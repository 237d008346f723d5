import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeProposal,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA as schema,
  proposalDigest,
  type Timestamp,
} from '@warrant/core';
import { decodeVerdict } from '@warrant/policy';
import { runCli } from './run-cli';

const TRIVY = fileURLToPath(
  new URL(
    '../../formats/test/fixtures/trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json',
    import.meta.url,
  ),
);

const warrant = (argv: string[], cwd: string) => runCli(argv, cwd);

const setup = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-evaluate-'));
  writeFileSync(
    join(dir, 'policy.json'),
    JSON.stringify({
      schema: 'warrant.policy/v1',
      gates: [{ id: 'no-critical', kind: 'severity', at_or_above: 'critical', action: 'fail' }],
    }),
  );
  const histories = ['CVE-2022-25313', 'CVE-2022-23990'].map((cve, i) => {
    const p = decodeProposal({
      type: 'vulnerability',
      owner: 'team',
      scope: { vulnerabilities: [cve] },
      reason_code: 'RISK_ACCEPTED',
      rationale: 'accepted',
      risk_acceptance: { accepted: true, statement: 'accepted' },
      risk_score: 10,
      expires_at: '2026-06-01T00:00:00Z',
    });
    if (E.isLeft(p)) throw new Error(p.left.message);
    const actor = { id: 'a', kind: 'human' as const };
    const id = `exc-${i}`;
    return [
      encodeExceptionEvent({
        type: 'exception.proposed',
        time: '2026-01-01T00:00:00Z' as Timestamp,
        actor,
        reason: '',
        subject: id,
        payload: { schema, version: 1, proposal: p.right },
      }),
      encodeExceptionEvent({
        type: 'exception.approved',
        time: '2026-01-02T00:00:00Z' as Timestamp,
        actor,
        reason: '',
        subject: id,
        payload: {
          schema,
          version: 1,
          role: 'approver',
          content_digest: proposalDigest(p.right),
          final: true,
        },
      }),
    ];
  });
  writeFileSync(join(dir, 'exceptions.json'), JSON.stringify({ histories }));
  return dir;
};

describe('warrant evaluate', () => {
  it('fails on critical findings, exit 1', async () => {
    const dir = setup();
    const r = await warrant(
      ['evaluate', '--policy', 'policy.json', '--now', '2026-02-01T00:00:00Z', '--findings', TRIVY],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('outcome: FAIL');
    expect(r.stdout).toContain('findings: 149 (open 149');
  });

  it('passes when exceptions cover them, and prints a verdict that decodes with --json', async () => {
    const dir = setup();
    const r = await warrant(
      [
        'evaluate',
        '--policy',
        'policy.json',
        '--now',
        '2026-02-01T00:00:00Z',
        '--findings',
        TRIVY,
        '--exceptions',
        'exceptions.json',
        '--json',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = decodeVerdict(JSON.parse(r.stdout));
    expect(E.isRight(v) && v.right.counts.findings.excepted).toBe(2);
  });

  it('evaluates after expiry: exceptions no longer apply', async () => {
    const dir = setup();
    const r = await warrant(
      [
        'evaluate',
        '--policy',
        'policy.json',
        '--now',
        '2026-07-01T00:00:00Z',
        '--findings',
        TRIVY,
        '--exceptions',
        'exceptions.json',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('exceptions: 2 (active 0');
  });

  it('refuses missing --now and bad input with exit 2', async () => {
    const dir = setup();
    expect((await warrant(['evaluate', '--policy', 'policy.json'], dir)).code).toBe(2);
    writeFileSync(
      join(dir, 'bad.json'),
      '{"schema":"warrant.policy/v1","gates":[{"id":"x","kind":"nope"}]}',
    );
    const r = await warrant(
      ['evaluate', '--policy', 'bad.json', '--now', '2026-02-01T00:00:00Z'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('POLICY_EVALUATION_POLICY_INVALID');
  });
  it('refuses an exceptions file of Exception objects instead of evaluating without them', async () => {
    const dir = setup();
    const args = ['evaluate', '--policy', 'policy.json', '--now', '2026-02-01T00:00:00Z'];
    // An array of snapshots: each element has a string `type` ("vulnerability") but is no event.
    const snapshot = {
      schema: 'warrant.exception/v1',
      exception_id: 'exc-0',
      type: 'vulnerability',
    };
    writeFileSync(join(dir, 'snapshots.json'), JSON.stringify([snapshot]));
    const arr = await warrant([...args, '--exceptions', 'snapshots.json'], dir);
    expect(arr.code).toBe(2);
    expect(arr.stderr).toContain('$[0] is not an event envelope');
    expect(arr.stderr).toContain('Exception objects are snapshots');
    writeFileSync(join(dir, 'one.json'), JSON.stringify(snapshot));
    const one = await warrant([...args, '--exceptions', 'one.json'], dir);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('Exception objects are snapshots');
    // A log whose other events are not exception events still reads.
    const { histories } = JSON.parse(readFileSync(join(dir, 'exceptions.json'), 'utf8')) as {
      histories: unknown[][];
    };
    const log = [{ type: 'release.noted', subject: 'r1', payload: {} }, ...histories.flat()];
    writeFileSync(join(dir, 'log.json'), JSON.stringify(log));
    const ok = await warrant(
      [...args, '--exceptions', 'log.json', '--findings', TRIVY, '--json'],
      dir,
    );
    expect(ok.code).toBe(0);
  });

  it('merges one key from two files by the more severe rating, or refuses it with --no-merge', async () => {
    const dir = setup();
    const args = ['evaluate', '--policy', 'policy.json', '--now', '2026-02-01T00:00:00Z', '--json'];
    const alone = await warrant([...args, '--findings', TRIVY], dir);
    const report = JSON.parse(readFileSync(TRIVY, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'other.json'), JSON.stringify(setSeverity(report)));
    // Every finding of the copy is rated LOW and no Trivy rating is below LOW, so each merged
    // finding is the original one: the verdict is byte-identical to Trivy's alone.
    const merged = await warrant([...args, '--findings', TRIVY, '--findings', 'other.json'], dir);
    expect(merged.code).toBe(1);
    expect(merged.stdoutBytes).toEqual(alone.stdoutBytes);
    const v = decodeVerdict(JSON.parse(merged.stdout));
    expect(E.isRight(v) && v.right.counts.findings.total).toBe(149);
    const lines = merged.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(
      /^warrant evaluate: warning: finding sha256:[0-9a-f]{64} \(.+\) is in .+testapp-0\.0\.2\.json, other\.json: merged \(finding-v1 section 3\.2\)$/,
    );
    expect(lines[20]).toBe(
      'warrant evaluate: warning: … and 129 more findings merged across --findings files',
    );
    const refused = await warrant(
      [...args, '--no-merge', '--findings', TRIVY, '--findings', 'other.json'],
      dir,
    );
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^warrant evaluate: other\.json: finding sha256:[0-9a-f]{64} \(.+\) is also in .+ with different content .*--no-merge/,
    );
  });
});

// A copy of a Trivy report with every severity changed, so each finding keeps its key.
const setSeverity = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(setSeverity);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = k === 'Severity' ? 'LOW' : setSeverity(x);
  return out;
};
