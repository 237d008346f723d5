// Generates lifecycle event sequences for property tests and conformance vectors: intents become
// mostly well-formed events; the reference model and the fold must agree on each one.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  applyExceptionEvent,
  fromEpochMillis,
  proposalDigest,
  type EventDraft,
  type ExceptionProposal,
  type ExceptionRecord,
  type ExceptionStatus,
} from '@warrant/core';
import { approved, proposed, revised, reviewed, versionEvent } from './events';
import { proposal } from './fixtures';
import { LifecycleModel, type ModelEvent } from './model';

export const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z, seconds
export const DAY = 86_400;
export const iso = (s: number): string => fromEpochMillis(s * 1000);
const ID = 'exc-prop';
const ACTORS = ['alice', 'bob', 'carol', 'dave'];
const KINDS = [
  'proposed',
  'amended',
  'renewed',
  'approved',
  'approved',
  'approved',
  'rejected',
  'changes_requested',
  'revoked',
  'expired',
] as const;

const arbIntent = fc.record({
  kind: fc.constantFrom(...KINDS),
  dt: fc.constantFrom(0, 3600, DAY, 10 * DAY, 40 * DAY),
  actor: fc.nat(ACTORS.length - 1),
  final: fc.boolean(),
  days: fc.integer({ min: 1, max: 120 }),
  validFromDays: fc.option(fc.integer({ min: 0, max: 20 }), { freq: 3 }),
  skew: fc.constantFrom(0, 0, 0, 0, 1, -1),
  rationale: fc.nat(3),
});
type Intent = typeof arbIntent extends fc.Arbitrary<infer I> ? I : never;

export interface Built {
  readonly drafts: EventDraft[];
  readonly accepted: Array<{ draft: EventDraft; model: ModelEvent }>;
}

/** Turns intents into candidate events (mostly well-formed), checking model and fold agree on each. */
export const build = (
  intents: ReadonlyArray<Intent>,
): Built & { record: ExceptionRecord | undefined } => {
  const model = new LifecycleModel();
  const contents = new Map<number, ExceptionProposal>();
  let record: ExceptionRecord | undefined;
  let t = T0;
  const drafts: EventDraft[] = [];
  const accepted: Built['accepted'] = [];
  for (const it of intents) {
    t += it.dt;
    const latest = model.versions.length;
    const version = Math.max(1, latest + it.skew);
    const actor = ACTORS[it.actor] as string;
    const vf = it.validFromDays === null ? null : Math.min(it.validFromDays, it.days - 1);
    const content = (): ExceptionProposal => {
      const p: Record<string, unknown> = {
        ...proposal(),
        rationale: `Reason number ${it.rationale}`,
        expires_at: iso(t + it.days * DAY),
      };
      if (vf !== null) p.valid_from = iso(t + vf * DAY);
      return p as unknown as ExceptionProposal;
    };
    let draft: EventDraft;
    let m: ModelEvent;
    const time = iso(t);
    switch (it.kind) {
      case 'proposed':
      case 'amended':
      case 'renewed': {
        const p = content();
        const v = it.kind === 'proposed' ? 1 : latest + 1 + Math.max(0, it.skew);
        const prev = Math.max(1, latest - (it.skew < 0 ? 1 : 0));
        // For renewals prefer the latest approved version as the base, as a host would.
        const approvedBase = [...(record?.versions ?? [])]
          .reverse()
          .find((x) => x.approved_at !== undefined);
        const base =
          it.kind === 'renewed' && approvedBase !== undefined && it.skew === 0
            ? approvedBase.version
            : prev;
        draft =
          it.kind === 'proposed'
            ? proposed(time, actor, ID, p)
            : revised(it.kind, time, actor, ID, v, base, p);
        const mc = {
          digest: proposalDigest(p),
          expires: t + it.days * DAY,
          ...(vf === null ? {} : { validFrom: t + vf * DAY }),
        };
        m = { kind: it.kind, t, actor, version: v, previous: base, content: mc };
        contents.set(v, p);
        break;
      }
      case 'approved': {
        const p = contents.get(version) ?? proposal();
        draft = approved(time, actor, ID, version, p, it.final);
        m = { kind: 'approved', t, actor, version, final: it.final, digest: proposalDigest(p) };
        break;
      }
      case 'rejected':
      case 'changes_requested':
        draft = reviewed(it.kind, time, actor, ID, version);
        m = { kind: it.kind, t, actor, version };
        break;
      case 'revoked':
      case 'expired':
        draft = versionEvent(it.kind, time, actor, ID, version);
        m = { kind: it.kind, t, actor, version };
        break;
    }
    drafts.push(draft);
    const modelOk = model.apply(m);
    const r = applyExceptionEvent(record, draft);
    if (E.isRight(r) !== modelOk) {
      throw new Error(
        `model ${modelOk ? 'accepts' : 'refuses'} but fold ${E.isRight(r) ? 'accepts' : `refuses (${r.left.message})`}: ${JSON.stringify(m)}`,
      );
    }
    if (E.isRight(r)) {
      record = r.right;
      accepted.push({ draft, model: m });
    } else if (m.kind === 'proposed' || m.kind === 'amended' || m.kind === 'renewed')
      contents.delete(m.version);
  }
  return { drafts, accepted, record };
};

export const modelStatuses = (accepted: Built['accepted'], at: number): ExceptionStatus[] => {
  const model = new LifecycleModel();
  for (const a of accepted) if (a.model.t <= at) model.apply(a.model);
  model.advance(at);
  return model.versions.map((v) => v.status);
};

export const arbRun = fc
  .array(arbIntent, { minLength: 1, maxLength: 25 })
  .map((xs) => [{ ...xs[0]!, kind: 'proposed' as const }, ...xs.slice(1)]);
