/**
 * The digest of each evaluation input (docs/spec/verdict-v1.md section 5) and the
 * normalizations that make them, and the verdict, independent of input order.
 * @module
 */
import {
  compareCodeUnits,
  digestBytes,
  Finding,
  utf8Encode,
  VexStatement,
  type Sha256Digest,
} from '@warrant/core';
import type { InputDigests } from '../verdict';
import { compileCanonicalBytes } from './codec-canonical-bytes';
import { arrayHasher, canonicalText, digestCanonicalArray, digestTextSet } from './digests';
import type { EvaluationInput } from './input';
import { EvaluationPolicy, PolicyViolation, type Gate } from './policy-config';
import { putJson, writeValue, type Put } from './value-bytes';

// --- operations ------------------------------------------------------------

/**
 * The policy in normal form: gates sorted by id, trusted issuers sorted and unique.
 * @param policy - a policy
 * @returns the same policy in normal form
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * normalizePolicy(policy).gates.map((g) => g.id) // sorted
 */
export const normalizePolicy = (policy: EvaluationPolicy): EvaluationPolicy => {
  const gates = [...policy.gates]
    .map((g) => ({ ...g, ...(g.envs === undefined ? {} : { envs: sortUnique(g.envs) }) }) as Gate)
    .map((g) => (g.kind === 'policy_rule' ? { ...g, rules: sortUnique(g.rules) } : g))
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  return {
    ...policy,
    gates,
    ...(policy.vex === undefined
      ? {}
      : { vex: { trusted_issuers: sortUnique(policy.vex.trusted_issuers) } }),
  };
};

/**
 * The key of a violation: SHA-256 of its canonical JSON.
 * @param v - a violation
 * @returns `sha256:<hex>`
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * violationKey({ rule_id: 'unsigned-artifact', detail: 'no signature' })
 */
export const violationKey = (v: PolicyViolation): Sha256Digest =>
  digestBytes(utf8Encode(canonicalText(PolicyViolation.encode(v))));

/**
 * Digests of every input.
 * @param input - the evaluation input
 * @param policy - the normalized policy
 * @param histories - the exception histories in normal form (from `exceptionsAt`)
 * @param findingOrder - positions of the findings in key order (from `findingSubjects`)
 * @returns the six digests
 * @see docs/spec/verdict-v1.md section 5
 * @internal
 */
export const inputDigests = (
  input: EvaluationInput,
  policy: EvaluationPolicy,
  histories: ReadonlyArray<{ readonly id: string; readonly events: ReadonlyArray<unknown> }>,
  findingOrder: ReadonlyArray<number>,
): InputDigests => ({
  policy: digestBytes(utf8Encode(canonicalText(EvaluationPolicy.encode(policy)))),
  findings: digestFindings(input.findings, findingOrder),
  exceptions: digestHistories(histories),
  vex: digestTextSet((input.vex ?? []).map((s) => VexStatement.encode(s))),
  violations: digestTextSet((input.violations ?? []).map((v) => PolicyViolation.encode(v))),
  knowledge: digestCanonicalArray(
    (input.knowledge?.aliases ?? [])
      .map((s) => canonicalText({ aliases: sortUnique(s.aliases), id: s.id }))
      .sort(compareCodeUnits),
  ),
});

/**
 * The exceptions digest: SHA-256 of the canonical JSON of the array of event lists (in normal
 * form), ordered by exception id (UTF-16 code units). Each event list is written as bytes by
 * the generic byte writer (value-bytes.ts) straight into the hashed buffer: exactly the bytes
 * of `canonicalize(sorted.map((h) => h.events))`, without that text.
 * @param histories - the exception histories in normal form (from `exceptionsAt`), ids unique
 * @returns `sha256:<hex>`
 * @throws TypeError when an event list is not JSON (the fold only lets JSON through)
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * digestHistories([{ id: 'exc-1', events: [proposed, approved] }]) // 'sha256:…'
 * @internal
 */
export const digestHistories = (
  histories: ReadonlyArray<{ readonly id: string; readonly events: ReadonlyArray<unknown> }>,
): Sha256Digest => {
  const sorted = [...histories].sort((a, b) => compareCodeUnits(a.id, b.id));
  const h = arrayHasher();
  for (const { events } of sorted) {
    // Refused: the canonicalizer says why, in the words the text path used.
    if (!writeValue(putElement, events, h.next())) {
      canonicalText([events]);
      throw new TypeError('evaluation input is not JSON: a value changed while it was read');
    }
  }
  return h.digest();
};

// --- internal --------------------------------------------------------------

// An element of the hashed array: one level down from its root (the nesting limit counts it).
const putElement: Put = (v, sink) => putJson(v, sink, 1);

const writeFinding = compileCanonicalBytes(Finding);

const digestFindings = (
  findings: ReadonlyArray<Finding>,
  order: ReadonlyArray<number>,
): Sha256Digest => {
  const h = arrayHasher();
  for (let j = 0; j < order.length; j++) {
    writeFinding(findings[order[j] as number] as Finding, h.next());
  }
  return h.digest();
};

const sortUnique = (xs: ReadonlyArray<string>): string[] => [...new Set(xs)].sort(compareCodeUnits);
