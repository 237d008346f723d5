/**
 * Merging findings across documents: several scanners' reports of one artifact (Trivy and
 * Grype, say) become one finding per key, by the same commutative and associative rule an
 * importer applies to equal keys inside one document (finding-v1 section 3.2).
 * @module
 */
import type { Finding } from '@warrant/core';
import { mergeFindingPair } from './internal/findings';
import { compareStrings } from './internal/sort';

// --- model -----------------------------------------------------------------

/** A key that more than one input finding held, and which inputs held it. */
export interface MergedKey {
  /** The finding key (finding-v1 section 2). */
  readonly key: Finding['key'];
  /** Positions in the `inputs` argument of the inputs holding this key: ascending, unique. */
  readonly inputs: ReadonlyArray<number>;
  /** How many input findings had this key (at least 2). */
  readonly count: number;
}

/** What {@link mergeFindings} returns. */
export interface MergedFindings {
  /** One finding per key, sorted by key (finding-v1 section 12). */
  readonly findings: ReadonlyArray<Finding>;
  /** Every key held by two or more input findings, sorted by key. */
  readonly merged: ReadonlyArray<MergedKey>;
}

// --- operations ------------------------------------------------------------

/**
 * Merges the findings of any number of documents into one finding per key.
 *
 * Findings with equal keys are merged by the rule of finding-v1 section 3.2 (the one importers
 * use within a document): unions of aliases, CVSS, fix versions and locations; the more severe
 * severity; the most definite fix state; the earliest scan time; for the other members the
 * smaller value. The rule is commutative, associative and idempotent, so the findings returned
 * (and their canonical JSON bytes) do not depend on the order of the inputs, the order within
 * an input, how findings are grouped into inputs, or on an input given twice.
 *
 * Findings are taken as valid, normalized findings (as `importDocument` returns them or the core
 * `Finding` codec accepts them, with sorted unique arrays); keys are not recomputed. A key held
 * by one finding only is returned as that same object.
 *
 * @param inputs - the findings of each document, in any order
 * @returns one finding per key in key order, and the keys that were merged with the inputs
 *   holding each (positions in `inputs`), for the caller's warnings
 * @throws TypeError if `inputs` or one of its elements is not an array
 * @see docs/spec/finding-v1.md section 3.2 (merge rule) and section 12 (order)
 * @example
 * const trivy = importDocument(trivyBytes);
 * const grype = importDocument(grypeBytes);
 * if (E.isRight(trivy) && E.isRight(grype)) {
 *   const { findings, merged } = mergeFindings([trivy.right.findings, grype.right.findings]);
 *   for (const m of merged) console.warn(`${m.key} reported by inputs ${m.inputs.join(', ')}`);
 * }
 */
export const mergeFindings = (inputs: ReadonlyArray<ReadonlyArray<Finding>>): MergedFindings => {
  if (!Array.isArray(inputs)) throw new TypeError('mergeFindings: inputs must be an array');
  const byKey = new Map<string, Slot>();
  for (let i = 0; i < inputs.length; i++) {
    const list = inputs[i];
    if (!Array.isArray(list)) {
      throw new TypeError(`mergeFindings: inputs[${i}] must be an array of findings`);
    }
    for (const f of list as ReadonlyArray<Finding>) {
      const slot = byKey.get(f.key);
      if (slot === undefined) {
        byKey.set(f.key, { finding: f, inputs: [i], count: 1 });
        continue;
      }
      slot.finding = mergeFindingPair(slot.finding, f);
      slot.count++;
      if (slot.inputs[slot.inputs.length - 1] !== i) slot.inputs.push(i);
    }
  }
  const keys = [...byKey.keys()].sort(compareStrings);
  const findings: Finding[] = [];
  const merged: MergedKey[] = [];
  for (const key of keys) {
    const slot = byKey.get(key) as Slot;
    findings.push(slot.finding);
    if (slot.count > 1)
      merged.push({ key: slot.finding.key, inputs: slot.inputs, count: slot.count });
  }
  return { findings, merged };
};

// --- internal --------------------------------------------------------------

interface Slot {
  finding: Finding;
  // Ascending because inputs are visited in order and each index is pushed at most once.
  readonly inputs: number[];
  count: number;
}
