import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, proposal, workspace } from './exception-helpers';

const T = (d: string) => `2026-01-${d}T00:00:00Z`;

/** Proposes exc-1 in prod as alice and gets it approved by bob and sec. */
const approvedInProd = async () => {
  const w = await workspace();
  expect(
    (await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1'))
      .code,
  ).toBe(0);
  expect(
    (await w.exc('approve', T('06'), 'exc-1', '--actor', 'bob', '--role', 'approver')).code,
  ).toBe(0);
  const r = await w.exc(
    'approve',
    T('07'),
    'exc-1',
    '--actor',
    'sec',
    '--role',
    'security-reviewer',
    '--json',
  );
  expect(r.code).toBe(0);
  expect(json(r).status).toBe('active');
  return w;
};

const logBytes = (dir: string) =>
  readFile(join(dir, 'st', 'logs', 'default', 'events.jsonl'), 'utf8');

describe('warrant exception: lifecycle over the filesystem store', () => {
  it('proposes, explains what is missing, and activates after the required approvals', async () => {
    const w = await workspace();
    const p = await w.exc(
      'propose',
      T('05'),
      '--actor',
      'alice',
      '--file',
      'prop.json',
      '--id',
      'exc-1',
    );
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('proposed exc-1 version 1: now proposed');
    expect(p.stdout).toContain(
      'needs 2 more approvals (2 required by rule "prod-two-person": env prod)',
    );
    expect(p.stdout).toContain('needs 1 more approval from role security-reviewer');
    const a = await w.exc(
      'approve',
      T('06'),
      'exc-1',
      '--actor',
      'bob',
      '--role',
      'approver',
      '--json',
    );
    expect(a.code).toBe(0);
    const out = json(a);
    expect(out.status).toBe('proposed');
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({ seq: 1, type: 'exception.approved', subject: 'exc-1' });
    expect(out.approval.satisfied).toBe(false);
    const s = await w.exc(
      'approve',
      T('07'),
      'exc-1',
      '--actor',
      'sec',
      '--role',
      'security-reviewer',
      '--json',
    );
    expect(json(s).state.current).toMatchObject({
      schema: 'warrant.exception/v1',
      status: 'active',
      version: 1,
    });
  });

  it('refuses self-approval outside dev with exit 1 and writes nothing', async () => {
    const w = await workspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    const before = await logBytes(w.dir);
    const r = await w.exc('approve', T('06'), 'exc-1', '--actor', 'alice', '--role', 'approver');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'POLICY_SELF_APPROVAL_FORBIDDEN at $.actor.id: requester cannot approve own exception',
    );
    expect(r.stderr).toContain('[rule prod-two-person]');
    expect(await logBytes(w.dir)).toBe(before);
    const j = await w.exc(
      'approve',
      T('06'),
      'exc-1',
      '--actor',
      'alice',
      '--role',
      'approver',
      '--json',
    );
    expect(j.code).toBe(1);
    expect(json(j).error.refusals[0]).toMatchObject({
      code: 'POLICY_SELF_APPROVAL_FORBIDDEN',
      rule: 'prod-two-person',
    });
  });

  it('allows self-approval in dev', async () => {
    const w = await workspace();
    await w.exc(
      'propose',
      T('05'),
      '--actor',
      'alice',
      '--file',
      'prop-dev.json',
      '--id',
      'exc-dev',
    );
    const r = await w.exc(
      'approve',
      T('05'),
      'exc-dev',
      '--actor',
      'alice',
      '--role',
      'approver',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(json(r).status).toBe('active');
  });

  it('derives an id when none is given, and reads a proposal from stdin', async () => {
    const w = await workspace();
    const r = await w.warrant(
      [
        'exception',
        'propose',
        '--store',
        'st',
        '--config',
        'gov.json',
        '--now',
        T('05'),
        '--actor',
        'alice',
        '--file',
        '-',
        '--json',
      ],
      JSON.stringify(proposal('prod')),
    );
    expect(r.code).toBe(0);
    expect(json(r).exception_id).toMatch(/^exc-[0-9a-f]{32}$/);
  });

  it('renews with a fresh rationale as a new version, refuses an extension past the maximum, and shows the diff', async () => {
    const w = await approvedInProd();
    const tooFar = await w.exc(
      'renew',
      '2026-02-20T00:00:00Z',
      'exc-1',
      '--actor',
      'alice',
      '--reason',
      'vendor slipped',
      '--expires-at',
      '2026-07-01T00:00:00Z',
      '--rationale',
      'Vendor fix now expected in June.',
    );
    expect(tooFar.code).toBe(1);
    expect(tooFar.stderr).toContain('POLICY_EXTENSION_EXCEEDED');
    const stale = await w.exc(
      'renew',
      '2026-02-20T00:00:00Z',
      'exc-1',
      '--actor',
      'alice',
      '--reason',
      'again',
      '--expires-at',
      '2026-04-01T00:00:00Z',
    );
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('POLICY_RATIONALE_NOT_FRESH');
    const ok = await w.exc(
      'renew',
      '2026-02-20T00:00:00Z',
      'exc-1',
      '--actor',
      'alice',
      '--reason',
      'vendor slipped',
      '--expires-at',
      '2026-04-01T00:00:00Z',
      '--rationale',
      'Vendor fix now expected in March.',
      '--json',
    );
    expect(ok.code).toBe(0);
    expect(json(ok).version).toBe(2);
    const h = await w.exc('history', '2026-02-21T00:00:00Z', 'exc-1', '--json');
    const hist = json(h);
    expect(hist.events.map((e: { type: string }) => e.type)).toEqual([
      'exception.proposed',
      'exception.approved',
      'exception.approved',
      'exception.renewed',
    ]);
    expect(hist.diffs[0].changes).toEqual([
      {
        path: '$.expires_at',
        kind: 'changed',
        before: '2026-03-01T00:00:00Z',
        after: '2026-04-01T00:00:00Z',
      },
      {
        path: '$.rationale',
        kind: 'changed',
        before: proposal('prod').rationale,
        after: 'Vendor fix now expected in March.',
      },
    ]);
    // Version 1 is untouched: still active until the renewal is approved.
    const show = await w.exc('show', '2026-02-21T00:00:00Z', 'exc-1', '--json');
    expect(json(show).state.versions.map((v: { status: string }) => v.status)).toEqual([
      'active',
      'proposed',
    ]);
  });

  it('amends from a changes file, rejects and requests changes with reasons', async () => {
    const w = await workspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    const rc = await w.exc(
      'request-changes',
      T('06'),
      'exc-1',
      '--actor',
      'sec',
      '--role',
      'security-reviewer',
      '--reason',
      'name the call site',
    );
    expect(rc.code).toBe(0);
    await w.write('changes.json', {
      rationale: 'template() is only called from render.ts with constants.',
    });
    const am = await w.exc(
      'amend',
      T('07'),
      'exc-1',
      '--actor',
      'alice',
      '--reason',
      'named the call site',
      '--changes',
      'changes.json',
      '--json',
    );
    expect(am.code).toBe(0);
    expect(json(am).version).toBe(2);
    const rj = await w.exc(
      'reject',
      T('08'),
      'exc-1',
      '--actor',
      'sec',
      '--role',
      'security-reviewer',
      '--reason',
      'not convincing',
    );
    expect(rj.code).toBe(0);
    const show = await w.exc('show', T('09'), 'exc-1', '--json');
    expect(json(show).state.versions.map((v: { status: string }) => v.status)).toEqual([
      'superseded',
      'rejected',
    ]);
    expect(json(show).state.current.decision).toMatchObject({
      action: 'rejected',
      actor: 'sec',
      reason: 'not convincing',
    });
  });

  it('revokes (requester or a revoke role), and a revoked exception is no longer active', async () => {
    const w = await approvedInProd();
    const other = await w.exc('revoke', T('10'), 'exc-1', '--actor', 'carol', '--reason', 'no');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('POLICY_NOT_AUTHORIZED');
    const r = await w.exc(
      'revoke',
      T('10'),
      'exc-1',
      '--actor',
      'sec',
      '--role',
      'security-reviewer',
      '--reason',
      'fixed upstream',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(json(r).status).toBe('revoked');
    const list = await w.exc('list', T('11'), '--status', 'active', '--json');
    expect(json(list).exceptions).toEqual([]);
  });

  it('lists with filters, expiring windows and release artifacts', async () => {
    const w = await approvedInProd();
    await w.exc('propose', T('08'), '--actor', 'bob', '--file', 'prop-dev.json', '--id', 'exc-dev');
    const all = json(await w.exc('list', T('09'), '--json'));
    expect(all.exceptions.map((e: { exception_id: string }) => e.exception_id)).toEqual([
      'exc-1',
      'exc-dev',
    ]);
    const active = json(
      await w.exc('list', T('09'), '--status', 'active', '--env', 'prod', '--json'),
    );
    expect(active.exceptions.map((e: { exception_id: string }) => e.exception_id)).toEqual([
      'exc-1',
    ]);
    const release = json(
      await w.exc('list', T('09'), '--artifact', `sha256:${'a'.repeat(64)}`, '--json'),
    );
    expect(release.exceptions.map((e: { exception_id: string }) => e.exception_id)).toEqual([
      'exc-1',
    ]);
    const expiring = json(
      await w.exc('list', '2026-02-20T00:00:00Z', '--expiring-within', '10', '--json'),
    );
    expect(expiring.exceptions.map((e: { exception_id: string }) => e.exception_id)).toEqual([
      'exc-1',
    ]);
    const text = await w.exc('list', T('09'), '--owner', 'nobody');
    expect(text.stdout).toBe('no exceptions match\n');
  });

  it('sweeps: records expiries once and reports what expires soon', async () => {
    const w = await approvedInProd();
    const soon = await w.exc('sweep', '2026-02-20T00:00:00Z', '--within-days', '14', '--json');
    expect(soon.code).toBe(0);
    expect(json(soon).events).toEqual([]);
    expect(json(soon).expiring).toEqual([
      {
        exception_id: 'exc-1',
        version: 1,
        owner: 'team-payments',
        expires_at: '2026-03-01T00:00:00Z',
      },
    ]);
    const after = await w.exc('sweep', '2026-03-02T00:00:00Z', '--json');
    expect(json(after).events.map((e: { type: string }) => e.type)).toEqual(['exception.expired']);
    expect(json(after).events[0].actor).toEqual({ id: 'warrant-sweep', kind: 'service' });
    const again = await w.exc('sweep', '2026-03-03T00:00:00Z', '--json');
    expect(json(again).events).toEqual([]);
  });
});

describe('warrant exception: bad input is exit 2 with the path', () => {
  it('refuses a malformed proposal naming every path, and writes nothing', async () => {
    const w = await workspace();
    await w.write('bad.json', proposal('prod', { rationale: '', risk_score: 'high' }));
    const r = await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('POLICY_COMMAND_INVALID');
    expect(r.stderr).toContain('$.proposal.rationale');
    expect(r.stderr).toContain('$.proposal.risk_score');
    const list = await w.exc('list', T('06'), '--json');
    expect(json(list).exceptions).toEqual([]);
  });

  it('refuses invalid JSON, unknown options, missing values and bad times', async () => {
    const w = await workspace();
    await w.write('broken.json', '{"type": ');
    const cases: Array<[string[], string]> = [
      [['propose', '--actor', 'a', '--file', 'broken.json'], 'CORE_JSON'],
      [['propose', '--actor', 'a', '--file', 'missing.json'], 'CLI_FILE_UNREADABLE'],
      [['propose', '--file', 'prop.json'], '--actor <id> is required'],
      [['approve', 'exc-1', '--actor', 'bob', '--bogus', 'x'], 'unknown option "--bogus"'],
      [['approve', 'exc-1', '--actor', 'bob', '--role'], '--role expects a value'],
      [
        ['approve', 'exc-1', '--actor', 'bob', '--role', 'approver', '--version', 'two'],
        '--version expects a whole number',
      ],
      [['approve', 'exc-9', '--actor', 'bob', '--role', 'approver'], 'CLI_EXCEPTION_NOT_FOUND'],
      [['show'], 'missing argument <exception-id>'],
      [['frobnicate'], 'unknown subcommand'],
    ];
    for (const [argv, expected] of cases) {
      const r = await w.exc(argv[0] as string, T('05'), ...argv.slice(1));
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(expected);
    }
    const badNow = await w.warrant([
      'exception',
      'list',
      '--store',
      'st',
      '--now',
      '2026-02-30T00:00:00Z',
    ]);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('CORE_TIMESTAMP_INVALID at --now');
    const noStore = await w.warrant(['exception', 'list', '--json']);
    expect(noStore.code).toBe(2);
    expect(json(noStore).error.code).toBe('CLI_USAGE');
  });

  it('refuses an invalid governance configuration with every path', async () => {
    const w = await workspace({ schema: 'warrant.governance/v1', roles: {}, rules: [] });
    const r = await w.exc('list', T('05'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('POLICY_GOVERNANCE_INVALID');
  });

  it('without --config uses <store>/governance.json, else the default rules with no members', async () => {
    const w = await workspace();
    const run = (...a: string[]) =>
      w.warrant(['exception', ...a, '--store', 'st', '--now', T('05')]);
    expect(
      (await run('propose', '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1')).code,
    ).toBe(0);
    const refused = await run('approve', 'exc-1', '--actor', 'bob', '--role', 'approver');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('POLICY_ROLE_NOT_HELD');
    await writeFile(join(w.dir, 'st', 'governance.json'), await readFile(join(w.dir, 'gov.json')));
    const ok = await run('approve', 'exc-1', '--actor', 'bob', '--role', 'approver', '--json');
    expect(ok.code).toBe(0);
    expect(json(ok).governance).toBe(join(w.dir, 'st', 'governance.json'));
  });

  it('prints the wall-clock default of now when --now is absent', async () => {
    const w = await workspace();
    const r = await w.warrant(['exception', 'list', '--store', 'st', '--config', 'gov.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /now \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(wall clock; fix it with --now\)/,
    );
  });
});
