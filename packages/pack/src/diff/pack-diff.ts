/**
 * Pack diff (docs/spec/pack-diff-v1.md): what changed between two packs, from their machine files
 * only: findings added, removed or with another status; exceptions added, removed, expired,
 * revoked or otherwise changed; the verdict outcome; the policy files. Pure and deterministic:
 * the same two packs give the same JSON bytes, whatever order their files are listed in.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  readPackSide,
  type DiffError,
  type DiffException,
  type DiffFinding,
  type DiffFindingChange,
  type PackContents,
  type PackSide,
} from './pack-side';

export type { DiffException, DiffFinding, DiffFindingChange } from './pack-side';

// --- model -----------------------------------------------------------------

/** Schema identifier of the diff document. */
export const PACK_DIFF_SCHEMA = 'warrant.pack-diff/v1';

/** An exception whose latest version or status changed. */
export interface DiffExceptionChange extends DiffException {
  readonly old_version: number;
  readonly old_status: string;
}

/** The diff document (`diff/diff.json`, `warrant pack diff --json`). */
export interface PackDiff {
  readonly schema: typeof PACK_DIFF_SCHEMA;
  readonly old: { readonly pack_id: string | null };
  readonly new: { readonly pack_id: string | null };
  readonly verdict: {
    readonly old: string | null;
    readonly new: string | null;
    readonly changed: boolean;
  };
  readonly policy: {
    readonly changed: boolean;
    readonly added: ReadonlyArray<string>;
    readonly removed: ReadonlyArray<string>;
    readonly modified: ReadonlyArray<string>;
  };
  readonly findings: {
    readonly added: ReadonlyArray<DiffFinding>;
    readonly removed: ReadonlyArray<DiffFinding>;
    readonly status_changed: ReadonlyArray<DiffFindingChange>;
  };
  readonly exceptions: {
    readonly added: ReadonlyArray<DiffException>;
    readonly removed: ReadonlyArray<DiffException>;
    readonly expired: ReadonlyArray<DiffExceptionChange>;
    readonly revoked: ReadonlyArray<DiffExceptionChange>;
    readonly changed: ReadonlyArray<DiffExceptionChange>;
  };
}

// --- operations ------------------------------------------------------------

/**
 * Compares two packs.
 * @param older - the earlier pack's files (and pack id, if known)
 * @param newer - the later pack's files
 * @returns the diff, or `PACK_DIFF_INPUT_INVALID` naming `old:<path>` or `new:<path>` of a machine
 *   file that does not parse
 * @see docs/spec/pack-diff-v1.md section 2
 * @example
 * diffPacks({ files: oldFiles }, { files: newFiles })
 * // right({ schema: 'warrant.pack-diff/v1', verdict: { old: 'pass', new: 'fail', changed: true }, … })
 */
export const diffPacks = (
  older: PackContents,
  newer: PackContents,
): E.Either<DiffError, PackDiff> => {
  const a = readPackSide('old', older);
  if (E.isLeft(a)) return a;
  const b = readPackSide('new', newer);
  if (E.isLeft(b)) return b;
  return E.right(compare(a.right, b.right));
};

/**
 * Whether a diff records any change.
 * @param diff - a diff
 * @returns false when verdict, policy, findings and exceptions are all unchanged
 * @example
 * isEmptyDiff(diffOf(pack, pack)) // true
 */
export const isEmptyDiff = (diff: PackDiff): boolean =>
  !diff.verdict.changed &&
  !diff.policy.changed &&
  Object.values(diff.findings).every((l) => l.length === 0) &&
  Object.values(diff.exceptions).every((l) => l.length === 0);

// --- internal --------------------------------------------------------------

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byFinding = (x: DiffFinding, y: DiffFinding): number =>
  cmp(x.vulnerability, y.vulnerability) || cmp(x.key, y.key);
const byException = (x: DiffException, y: DiffException): number =>
  cmp(x.exception_id, y.exception_id);

function compare(a: PackSide, b: PackSide): PackDiff {
  const added: DiffFinding[] = [];
  const removed: DiffFinding[] = [];
  const statusChanged: DiffFindingChange[] = [];
  for (const [key, f] of b.findings) {
    const old = a.findings.get(key);
    if (old === undefined) added.push(f);
    else if (old.status !== f.status) statusChanged.push({ ...f, old_status: old.status });
  }
  for (const [key, f] of a.findings) if (!b.findings.has(key)) removed.push(f);

  const exAdded: DiffException[] = [];
  const exRemoved: DiffException[] = [];
  const expired: DiffExceptionChange[] = [];
  const revoked: DiffExceptionChange[] = [];
  const changed: DiffExceptionChange[] = [];
  for (const [id, x] of b.exceptions) {
    const old = a.exceptions.get(id);
    if (old === undefined) {
      exAdded.push(x);
      continue;
    }
    const change = { ...x, old_version: old.version, old_status: old.status };
    if (x.status === 'expired' && old.status !== 'expired') expired.push(change);
    else if (x.status === 'revoked' && old.status !== 'revoked') revoked.push(change);
    else if (x.status !== old.status || x.version !== old.version) changed.push(change);
  }
  for (const [id, x] of a.exceptions) if (!b.exceptions.has(id)) exRemoved.push(x);

  const paths = [...new Set([...a.policy.keys(), ...b.policy.keys()])].sort(cmp);
  const pAdded = paths.filter((p) => !a.policy.has(p));
  const pRemoved = paths.filter((p) => !b.policy.has(p));
  const pModified = paths.filter(
    (p) => a.policy.has(p) && b.policy.has(p) && a.policy.get(p) !== b.policy.get(p),
  );
  return {
    schema: PACK_DIFF_SCHEMA,
    old: { pack_id: a.packId },
    new: { pack_id: b.packId },
    verdict: { old: a.outcome, new: b.outcome, changed: a.outcome !== b.outcome },
    policy: {
      changed: pAdded.length + pRemoved.length + pModified.length > 0,
      added: pAdded,
      removed: pRemoved,
      modified: pModified,
    },
    findings: {
      added: added.sort(byFinding),
      removed: removed.sort(byFinding),
      status_changed: statusChanged.sort(byFinding),
    },
    exceptions: {
      added: exAdded.sort(byException),
      removed: exRemoved.sort(byException),
      expired: expired.sort(byException),
      revoked: revoked.sort(byException),
      changed: changed.sort(byException),
    },
  };
}
