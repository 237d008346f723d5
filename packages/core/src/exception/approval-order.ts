/**
 * The order of a version's approvals in an Exception object: a set, so sorted by canonical text
 * (exception-v1 section 2.3), without canonicalizing every approval when a shorter key decides.
 * @module
 */
import { Approval } from './approval';
import { compareCodeUnits, setKey } from './codec-kit';

/**
 * Sorts approvals by their canonical JSON text (UTF-16 code units).
 *
 * An approval's canonical text is `{"at":"<at>","id":"<id>",…`. When `at` and `id` need no
 * escaping (no `"`, `\`, control character or surrogate), two such texts first differ inside
 * `<at>"` or, for equal `at`, inside `<id>"`, so the key `<at>"<id>"` orders them exactly as
 * their texts do, unless two approvals share `at` and `id` (the fold never records that: one
 * approval per approver and version). In every other case the canonical texts decide.
 * @param approvals - the approvals (not modified)
 * @returns a new array in canonical-text order
 * @internal
 * @example
 * sortApprovals([{ id: 'b', role: 'r', at: t }, { id: 'a', role: 'r', at: t }]) // a, then b
 */
export const sortApprovals = (approvals: ReadonlyArray<Approval>): Approval[] => {
  if (approvals.length < 2) return [...approvals];
  const keyed: Array<{ readonly key: string; readonly a: Approval }> = [];
  for (const a of approvals) {
    if (!isPlain(a.at) || !isPlain(a.id)) return byCanonicalText(approvals);
    keyed.push({ key: `${a.at}"${a.id}"`, a });
  }
  keyed.sort((x, y) => compareCodeUnits(x.key, y.key));
  for (let i = 1; i < keyed.length; i++) {
    if ((keyed[i] as { key: string }).key === (keyed[i - 1] as { key: string }).key) {
      return byCanonicalText(approvals);
    }
  }
  return keyed.map((x) => x.a);
};

// --- internal --------------------------------------------------------------

const byCanonicalText = (approvals: ReadonlyArray<Approval>): Approval[] =>
  approvals
    .map((a) => ({ key: setKey(Approval.encode(a)), a }))
    .sort((x, y) => compareCodeUnits(x.key, y.key))
    .map((x) => x.a);

// Whether RFC 8785 writes `s` between its quotes unchanged (and no surrogate is involved).
const isPlain = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
};
