// `exception verify` and `exception sweep` read a filesystem log in one pass (verify and fold
// together). These tests run each command twice on the same store: as shipped, and with the
// store seen through the port only (the paged path every other adapter takes), and require the
// same exit code, standard output and standard error, byte for byte, for valid and failing logs.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { checkpointLog, generateSigningKey, type LogId, type Timestamp } from '@warrant/core';
import { openFsStore } from '@warrant/storage-adapters/fs';
import type * as FsAdapter from '@warrant/storage-adapters/fs';
import { workspace } from './exception-helpers';

const mode = vi.hoisted(() => ({ portOnly: false, opened: 0 }));
vi.mock('@warrant/storage-adapters/fs', async (importOriginal) => {
  const m = await importOriginal<typeof FsAdapter>();
  return {
    ...m,
    openFsStore: async (...args: Parameters<typeof m.openFsStore>) => {
      const r = await m.openFsStore(...args);
      if (!mode.portOnly || r._tag === 'Left') return r;
      mode.opened++;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- removed to force the port
      const { verifyAndFoldLog, ...port } = r.right;
      return { _tag: 'Right', right: port } as unknown as typeof r;
    },
  };
});

const T = (d: string) => `2026-01-${d}T00:00:00Z`;
type W = Awaited<ReturnType<typeof workspace>>;

/** Runs `exception <sub>` one pass and through the port; asserts equal output; returns it. */
const both = async (w: W, sub: string, now: string, ...rest: string[]) => {
  mode.portOnly = false;
  const one = await w.exc(sub, now, ...rest);
  mode.portOnly = true;
  const before = mode.opened;
  const port = await w.exc(sub, now, ...rest);
  mode.portOnly = false;
  expect(mode.opened).toBe(before + 1);
  expect(one).toEqual(port);
  return one;
};
const verifyBoth = async (w: W, ...rest: string[]) => {
  const text = await both(w, 'verify', T('20'), ...rest);
  const json = await both(w, 'verify', T('20'), ...rest, '--json');
  expect(json.code).toBe(text.code);
  return { text, json };
};

/** exc-1 proposed and approved twice in prod, exc-2 proposed: a valid log of 4 events. */
const populated = async (): Promise<W> => {
  const w = await workspace();
  await w.exc('propose', T('05'), '--actor', 'alice', '--file', 'prop.json', '--id', 'exc-1');
  await w.exc('approve', T('06'), 'exc-1', '--actor', 'bob', '--role', 'approver');
  await w.exc('approve', T('06'), 'exc-1', '--actor', 'sec', '--role', 'security-reviewer');
  await w.exc('propose', T('07'), '--actor', 'carol', '--file', 'prop.json', '--id', 'exc-2');
  return w;
};
const logFile = (w: W): string => join(w.dir, 'st', 'logs', 'default', 'events.jsonl');

describe('exception verify and sweep: the one pass prints what the paged path prints', () => {
  it('a valid log: the same report, text and --json', async () => {
    const w = await populated();
    const { text, json } = await verifyBoth(w);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^verified: log default, 4 events, head sha256:/);
    expect(JSON.parse(json.stdout).exceptions).toBe(2);
    const swept = await both(w, 'sweep', T('20'), '--within-days', '200', '--json');
    expect(swept.code).toBe(0);
    expect(JSON.parse(swept.stdout).expiring).toHaveLength(1);
  });

  it('a tampered line: the same STORE_RECORD_CORRUPT, exit 1 (sweep: exit 2)', async () => {
    const w = await populated();
    const text = await readFile(logFile(w), 'utf8');
    await writeFile(logFile(w), text.replace('"id":"bob"', '"id":"eve"'));
    const { text: t } = await verifyBoth(w);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('STORE_RECORD_CORRUPT');
    const swept = await both(w, 'sweep', T('20'));
    expect(swept.code).toBe(2);
    expect(swept.stderr).toContain('STORE_RECORD_CORRUPT');
  });

  it('a torn tail: the same STORE_TORN_TAIL', async () => {
    const w = await populated();
    await appendFile(logFile(w), '{"actor":{"id":"bo');
    const { text } = await verifyBoth(w);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('STORE_TORN_TAIL');
    expect((await both(w, 'sweep', T('20'))).stderr).toContain('STORE_TORN_TAIL');
  });

  it('an event the lifecycle refuses: the same fold error', async () => {
    const w = await populated();
    // exc-2's proposal again: a second exception.proposed for one exception, appended validly.
    const opened = await openFsStore(join(w.dir, 'st'));
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const events = await opened.right.events.read('default' as LogId, { from: 3, to: 4 });
    if (E.isLeft(events)) throw new Error(events.left.message);
    const [e] = events.right;
    if (e === undefined) throw new Error('no event');
    const { type, time, actor, reason, subject, payload } = e;
    const r = await opened.right.events.append('default' as LogId, 4, [
      { type, time, actor, reason, subject, payload },
    ]);
    expect(E.isRight(r)).toBe(true);
    await opened.right.close();
    const { text } = await verifyBoth(w);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/do not fold: .*\$\[4\]/);
    expect((await both(w, 'sweep', T('20'))).stderr).toContain('the log does not fold');
  });

  it('checkpoints: verified, a wrong key, and a rewritten history', async () => {
    const w = await populated();
    const logKey = await generateSigningKey('ed25519');
    const other = await generateSigningKey('ed25519');
    if (E.isLeft(logKey) || E.isLeft(other)) throw new Error('no key');
    await w.write('log.pub.pem', logKey.right.publicKeyPem);
    await w.write('other.pub.pem', other.right.publicKeyPem);
    const opened = await openFsStore(join(w.dir, 'st'));
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const cp = await checkpointLog(opened.right, 'default' as LogId, {
      time: T('08') as Timestamp,
      signers: [logKey.right.signer],
    });
    expect(E.isRight(cp)).toBe(true);
    await opened.right.close();
    await w.exc('approve', T('09'), 'exc-2', '--actor', 'bob', '--role', 'approver');
    const ok = await verifyBoth(w, '--checkpoint-key', 'log.pub.pem');
    expect(ok.text.code).toBe(0);
    expect(JSON.parse(ok.json.stdout).chain.checkpoints).toHaveLength(1);
    const wrong = await verifyBoth(w, '--checkpoint-key', 'other.pub.pem');
    expect(wrong.text.stderr).toContain('STORE_CHECKPOINT_INVALID');
    // Rewrite the checkpointed events (re-sealed, so the chain itself holds): the root differs.
    const lines = (await readFile(logFile(w), 'utf8')).split('\n');
    const sealed = await resealWith(lines, (l) => l.replace('"id":"carol"', '"id":"dave"'));
    await writeFile(logFile(w), sealed);
    for (const key of [[], ['--checkpoint-key', 'log.pub.pem']]) {
      const r = await verifyBoth(w, ...key);
      expect(r.text.code).toBe(1);
      expect(r.text.stderr).toContain('CORE_LOG_CHECKPOINT_MISMATCH');
    }
    // The wrong key is still reported first, before the chain.
    const first = await verifyBoth(w, '--checkpoint-key', 'other.pub.pem');
    expect(first.text.stderr).toContain('STORE_CHECKPOINT_INVALID');
  });
});

/** Edits lines of a log and re-seals the chain (hashes and links) so only checkpoints notice. */
const resealWith = async (lines: string[], edit: (l: string) => string): Promise<string> => {
  const { sealEvents, encodeEventLines, emptyHead } = await import('@warrant/core');
  const drafts = lines
    .filter((l) => l !== '')
    .map((l) => {
      const { type, time, actor, reason, subject, payload } = JSON.parse(edit(l));
      return { type, time, actor, reason, subject, payload };
    });
  const sealed = sealEvents(emptyHead('default' as LogId), drafts);
  if (E.isLeft(sealed)) throw new Error(sealed.left.message);
  const bytes = encodeEventLines(sealed.right.events);
  if (E.isLeft(bytes)) throw new Error(bytes.left.message);
  return new TextDecoder().decode(bytes.right);
};
