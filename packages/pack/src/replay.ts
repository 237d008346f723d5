/**
 * Replaying the verdict from a pack's own files (docs/spec/pack-v1.md section 9 step 11): the
 * evaluation input is assembled from the packed findings, exception event histories, VEX
 * statements, policy and settings, `evaluate` (@warrant/policy) runs, and its canonical verdict
 * bytes must equal `verdict/verdict.json`.
 * @see docs/spec/pack-v1.md section 9.1 (replay input)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseJsonStrict, utf8Decode } from '@warrant/core';
import { decodeEvaluationInput, evaluate, verdictBytes } from '@warrant/policy';
import { packError, type PackError } from './errors';
import { PACK_PATHS } from './layout';
import type { PackReplay } from './verify';

/** Where the replay reads the evaluation policy. */
export const REPLAY_POLICY_PATH = 'policy/bundle/policy.json' as const;
/** Where the replay reads normalized VEX statements (JSON Lines), when present. */
export const REPLAY_VEX_PATH = 'vex/statements.jsonl' as const;

/**
 * Recomputes the verdict of an artifact, release or environment pack.
 * @param files - the pack's files by path (as `verifyPack` holds them when replaying)
 * @param manifest - the verified manifest
 * @returns the canonical verdict bytes, or `PACK_REPLAY_FAILED` naming the file or input at fault
 * @see docs/spec/pack-v1.md section 9.1
 * @example
 * await verifyPack(bytes, { replay: replayVerdict }) // right({ replayed: true, … })
 */
export const replayVerdict: PackReplay = async (files, manifest) => {
  await Promise.resolve();
  if (manifest.kind === 'period') {
    return E.left(
      fail(
        'period packs hold many verdicts; replay one artifact pack at a time',
        PACK_PATHS.verdicts,
      ),
    );
  }
  const settings = json(files, PACK_PATHS.settings);
  if (E.isLeft(settings)) return settings;
  const s = settings.right as Record<string, unknown>;
  const policy = json(files, REPLAY_POLICY_PATH);
  if (E.isLeft(policy)) return policy;
  const findings = lines(files, PACK_PATHS.findings);
  if (E.isLeft(findings)) return findings;
  const vex = files.has(REPLAY_VEX_PATH) ? lines(files, REPLAY_VEX_PATH) : E.right([]);
  if (E.isLeft(vex)) return vex;
  const events = files.has(PACK_PATHS.events) ? lines(files, PACK_PATHS.events) : E.right([]);
  if (E.isLeft(events)) return events;
  const input = decodeEvaluationInput({
    findings: findings.right,
    exceptions: histories(events.right),
    policy: policy.right,
    now: s['now'],
    ...(vex.right.length === 0 ? {} : { vex: vex.right }),
    ...pick(s, ['context', 'knowledge', 'violations']),
  });
  if (E.isLeft(input)) return E.left(fail(input.left.message, PACK_PATHS.settings, input.left));
  const verdict = evaluate(input.right);
  if (E.isLeft(verdict))
    return E.left(fail(verdict.left.message, PACK_PATHS.verdict, verdict.left));
  return E.right(verdictBytes(verdict.right));
};

// --- internal --------------------------------------------------------------

const fail = (
  message: string,
  path: string,
  cause?: { code: string; message: string },
): PackError => packError('PACK_REPLAY_FAILED', message, path, cause);

const json = (
  files: ReadonlyMap<string, Uint8Array>,
  path: string,
): E.Either<PackError, unknown> => {
  const bytes = files.get(path);
  if (bytes === undefined) return E.left(fail(`replay needs ${path}`, path));
  const r = parseJsonStrict(bytes);
  return E.isLeft(r) ? E.left(fail(r.left.message, path, r.left)) : E.right(r.right);
};

const lines = (
  files: ReadonlyMap<string, Uint8Array>,
  path: string,
): E.Either<PackError, unknown[]> => {
  const text = utf8Decode(files.get(path) ?? new Uint8Array()) ?? '';
  const out: unknown[] = [];
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i] as string;
    if (line === '') continue;
    const r = parseJsonStrict(line);
    if (E.isLeft(r)) return E.left(fail(`line ${i + 1}: ${r.left.message}`, path, r.left));
    out.push(r.right);
  }
  return E.right(out);
};

// Exception events grouped by subject in log order; groups ordered by subject (UTF-16 units).
const histories = (events: ReadonlyArray<unknown>): unknown[][] => {
  const by = new Map<string, unknown[]>();
  for (const e of events) {
    const ev = e as { type?: unknown; subject?: unknown };
    if (typeof ev.type !== 'string' || !ev.type.startsWith('exception.')) continue;
    const subject = typeof ev.subject === 'string' ? ev.subject : '';
    by.set(subject, [...(by.get(subject) ?? []), e]);
  }
  return [...by.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => by.get(k) as unknown[]);
};

const pick = (s: Record<string, unknown>, keys: ReadonlyArray<string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (s[k] !== undefined) out[k] = s[k];
  return out;
};
