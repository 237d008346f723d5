import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { checkpointLog, generateSigningKey, type LogId, type Timestamp } from '@warrant/core';
import { openFsStore } from '@warrant/storage-adapters/fs';
import { GOVERNANCE, json, workspace } from './exception-helpers';

const T = (d: string) => `2026-01-${d}T00:00:00Z`;

/** GOVERNANCE plus a rule requiring signed approvals in prod. */
const SIGNED = {
  ...GOVERNANCE,
  rules: [
    ...GOVERNANCE.rules,
    { id: 'prod-signed', when: { envs: ['prod'] }, require: { signed_approvals: true } },
  ],
};

const key = async () => {
  const k = await generateSigningKey('ed25519');
  if (E.isLeft(k)) throw new Error(k.left.message);
  return k.right;
};

/** A workspace with keys for bob and sec, and a trust map naming them. */
const signedWorkspace = async () => {
  const w = await workspace(SIGNED);
  const bob = await key();
  const sec = await key();
  await w.write('bob.key.pem', bob.privateKeyPem);
  await w.write('sec.key.pem', sec.privateKeyPem);
  await w.write('bob.pub.pem', bob.publicKeyPem);
  await w.write('trust.json', { bob: ['bob.pub.pem'], sec: [sec.publicKeyPem] });
  await w.write('wrong-trust.json', { bob: [sec.publicKeyPem], sec: [sec.publicKeyPem] });
  return w;
};

describe('warrant exception verify', () => {
  it('verifies a clean log: chain, fold and unsigned approvals allowed by the configuration', async () => {
    const w = await workspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    await w.exc('approve', T('06'), 'exc-1', '--actor', 'bob', '--role', 'approver');
    const r = await w.exc('verify', T('07'), '--json');
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.ok).toBe(true);
    expect(out.chain.count).toBe(2);
    expect(out.chain.root).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(out.approvals).toEqual([
      {
        exception_id: 'exc-1',
        version: 1,
        approver: 'bob',
        role: 'approver',
        status: 'unsigned',
        ok: true,
      },
    ]);
  });

  it('detects an edited stored event (exit 1) and names the record', async () => {
    const w = await workspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    await w.exc('approve', T('06'), 'exc-1', '--actor', 'bob', '--role', 'approver');
    const file = join(w.dir, 'st', 'logs', 'default', 'events.jsonl');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"id":"bob"', '"id":"eve"'));
    const r = await w.exc('verify', T('07'), '--json');
    expect(r.code).toBe(1);
    expect(json(r).error.code).toBe('STORE_RECORD_CORRUPT');
    expect(r.stderr).toContain('STORE_RECORD_CORRUPT');
  });

  it('reports a torn tail (a crash mid-append) as a failure, never dropping it', async () => {
    const w = await workspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    const file = join(w.dir, 'st', 'logs', 'default', 'events.jsonl');
    await writeFile(file, `${await readFile(file, 'utf8')}{"actor":{"id":"bo`);
    const r = await w.exc('verify', T('07'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/STORE_TORN_TAIL|CORE_LOG_TORN_TAIL/);
  });

  it('holds the log to stored checkpoints whose signatures verify with --checkpoint-key', async () => {
    const w = await workspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    const logKey = await key();
    const other = await key();
    await w.write('log.pub.pem', logKey.publicKeyPem);
    await w.write('other.pub.pem', other.publicKeyPem);
    const store = await openFsStore(join(w.dir, 'st'));
    if (E.isLeft(store)) throw new Error(store.left.message);
    const cp = await checkpointLog(store.right, 'default' as LogId, {
      time: T('05') as Timestamp,
      signers: [logKey.signer],
    });
    expect(E.isRight(cp)).toBe(true);
    await store.right.close();
    await w.exc('approve', T('06'), 'exc-1', '--actor', 'bob', '--role', 'approver');
    const ok = await w.exc('verify', T('07'), '--checkpoint-key', 'log.pub.pem', '--json');
    expect(ok.code).toBe(0);
    expect(json(ok).chain.checkpoints).toHaveLength(1);
    expect(json(ok).chain.checkpoint_signatures).toBe('verified');
    const bad = await w.exc('verify', T('07'), '--checkpoint-key', 'other.pub.pem');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('STORE_CHECKPOINT_INVALID');
  });
});

describe('signed approvals end to end (command -> event -> verification report)', () => {
  it('refuses an unsigned approval where the configuration requires signatures', async () => {
    const w = await signedWorkspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    const r = await w.exc('approve', T('06'), 'exc-1', '--actor', 'bob', '--role', 'approver');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('POLICY_SIGNATURE_REQUIRED at $.signature');
    expect(r.stderr).toContain('[rule prod-signed]');
  });

  it('signs with --sign-key, checks against --trust, records the envelope and verifies it later', async () => {
    const w = await signedWorkspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    // bob signing with sec's key: bound to the approval, but not by a key trusted for bob.
    const forged = await w.exc(
      'approve',
      T('06'),
      'exc-1',
      '--actor',
      'bob',
      '--role',
      'approver',
      '--sign-key',
      'sec.key.pem',
      '--trust',
      'trust.json',
    );
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('POLICY_SIGNATURE_INVALID');
    const a = await w.exc(
      'approve',
      T('06'),
      'exc-1',
      '--actor',
      'bob',
      '--role',
      'approver',
      '--sign-key',
      'bob.key.pem',
      '--trust',
      'trust.json',
      '--json',
    );
    expect(a.code).toBe(0);
    const event = json(a).events[0];
    expect(event.payload.signature.payloadType).toBe(
      'application/vnd.warrant.exception-approval+json',
    );
    const s = await w.exc(
      'approve',
      T('07'),
      'exc-1',
      '--actor',
      'sec',
      '--role',
      'security-reviewer',
      '--sign-key',
      'sec.key.pem',
      '--json',
    );
    expect(json(s).status).toBe('active');
    const v = await w.exc('verify', T('08'), '--trust', 'trust.json', '--json');
    expect(v.code).toBe(0);
    expect(
      json(v).approvals.map((x: { status: string; required_by: string }) => [
        x.status,
        x.required_by,
      ]),
    ).toEqual([
      ['verified', 'prod-signed'],
      ['verified', 'prod-signed'],
    ]);
    // Without keys the signatures cannot be attributed: required ones fail the audit.
    const unchecked = await w.exc('verify', T('08'), '--json');
    expect(unchecked.code).toBe(1);
    expect(json(unchecked).approvals[0]).toMatchObject({ status: 'unchecked', ok: false });
    // With a trust map naming other keys for bob, his signature is invalid.
    const wrong = await w.exc('verify', T('08'), '--trust', 'wrong-trust.json');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('exc-1 v1 approval by bob: invalid');
  });

  it('flags unsigned approvals once the configuration requires signatures', async () => {
    const w = await workspace();
    await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
    await w.exc('approve', T('06'), 'exc-1', '--actor', 'bob', '--role', 'approver');
    await w.write('gov.json', SIGNED);
    const r = await w.exc('verify', T('07'), '--json');
    expect(r.code).toBe(1);
    expect(json(r).approvals[0]).toMatchObject({
      status: 'unsigned',
      ok: false,
      required_by: 'prod-signed',
    });
  });

  it('refuses a malformed trust map with the path of the bad entry', async () => {
    const w = await signedWorkspace();
    await w.write('bad-trust.json', { bob: ['not a key file'] });
    const r = await w.exc('verify', T('07'), '--trust', 'bad-trust.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CLI_TRUST_MAP_INVALID at $["bob"][0]');
  });
});
