/**
 * The candidate index (docs/spec/verdict-v1.md section 6.2): exceptions indexed by the keys of
 * their primary dimension (the one their type requires: vulnerability ids, component purl
 * identity keys, policy rule ids; artifact digests, else components, for unknown_state), plus a
 * bucket for scopes without one (none, for decoded exceptions). A subject is matched only
 * against the exceptions that share a key with it, so evaluation cost grows with findings, not
 * with findings x exceptions, and near misses are exceptions about the same thing.
 * @module
 */
import type { SubjectIds } from '@warrant/core';
import type { ExceptionEntry } from './exceptions';

// --- model -----------------------------------------------------------------

/** Which subjects an exception type applies to (section 6.2). */
export const FINDING_TYPES: ReadonlySet<string> = new Set([
  'vulnerability',
  'component',
  'unknown_state',
]);

/** An index over the exceptions that apply to one kind of subject. */
export interface CandidateIndex {
  readonly entries: ReadonlyArray<ExceptionEntry>;
  readonly byVulnerability: ReadonlyMap<string, ReadonlyArray<number>>;
  readonly byPurlKey: ReadonlyMap<string, ReadonlyArray<number>>;
  readonly byArtifact: ReadonlyMap<string, ReadonlyArray<number>>;
  readonly byRule: ReadonlyMap<string, ReadonlyArray<number>>;
  /** Exceptions constrained by none of the indexed dimensions: candidates for every subject. */
  readonly unkeyed: ReadonlyArray<number>;
  /** 1 for the entries of type `unknown_state` (they apply only to unknown severity), else 0. */
  readonly unknownState: Uint8Array;
  /** Per entry, the one-value dimensions as numbers, for a test that reads no scope object. */
  readonly codes: ScopeCodes;
}

/**
 * The vulnerabilities and artifacts dimensions of every entry as small integers: `vulnerability`
 * and `artifact` hold, per entry, {@link UNCONSTRAINED}, {@link SEVERAL} (a set of two or more
 * values, or none), or the number of its only value in `vulnerabilities` / `artifacts` (each
 * distinct string numbered once). `other` is 0, {@link OTHER_COMPONENTS} or {@link OTHER_MORE}.
 */
export interface ScopeCodes {
  readonly vulnerability: Int32Array;
  readonly artifact: Int32Array;
  readonly other: Uint8Array;
  readonly vulnerabilities: ReadonlyMap<string, number>;
  readonly artifacts: ReadonlyMap<string, number>;
}

/** `other` of an entry constraining components besides vulnerabilities and artifacts. */
export const OTHER_COMPONENTS = 1;
/** `other` of an entry constraining an environment dimension or policy rules. */
export const OTHER_MORE = 2;

/** A dimension the scope does not constrain. */
export const UNCONSTRAINED = -1;
/** A dimension with other than exactly one value: only the scope itself can answer. */
export const SEVERAL = -2;

/** The keys a subject is looked up by. */
export interface SubjectKeys {
  readonly ids?: SubjectIds;
  readonly purlKey?: string;
  readonly artifact?: string;
  readonly rule?: string;
}

// --- operations ------------------------------------------------------------

/**
 * Indexes the exceptions of the given types.
 * @param entries - every exception at `now`, in rank order
 * @param types - the exception types to keep (finding types or `policy`)
 * @returns the index; entry numbers are positions in `index.entries` (rank order)
 * @see docs/spec/verdict-v1.md section 6.2
 * @example
 * buildCandidateIndex(entries, FINDING_TYPES).byVulnerability.get('CVE-2021-44228')
 */
export const buildCandidateIndex = (
  entries: ReadonlyArray<ExceptionEntry>,
  types: ReadonlySet<string>,
): CandidateIndex => {
  const kept = entries.filter((e) => types.has(e.current.type));
  const byVulnerability = new Map<string, number[]>();
  const byPurlKey = new Map<string, number[]>();
  const byArtifact = new Map<string, number[]>();
  const byRule = new Map<string, number[]>();
  const unkeyed: number[] = [];
  for (let i = 0; i < kept.length; i++) {
    const e = kept[i] as ExceptionEntry;
    const s = e.current.scope;
    // Each exception is indexed under the keys of its primary dimension only (section 6.2).
    const type = e.current.type;
    let keyed = 0;
    if (type === 'vulnerability') keyed = addAll(byVulnerability, s.vulnerabilities, i);
    else if (type === 'policy') keyed = addAll(byRule, s.policy_rules, i);
    else if (type === 'unknown_state' && s.artifacts !== undefined) {
      for (const a of s.artifacts) keyed += add(byArtifact, a.digest, i);
    } else for (const c of e.compiled.components) keyed += add(byPurlKey, c.key, i);
    if (keyed === 0) unkeyed.push(i);
  }
  const unknownState = Uint8Array.from(kept, (e) => (e.current.type === 'unknown_state' ? 1 : 0));
  return {
    entries: kept,
    byVulnerability,
    byPurlKey,
    byArtifact,
    byRule,
    unkeyed,
    unknownState,
    codes: scopeCodes(kept),
  };
};

/**
 * The candidates of a subject: every indexed exception sharing a key with it, plus the unkeyed
 * bucket, each once, in rank order.
 * @param index - the index
 * @param keys - the subject's keys
 * @param stamp - scratch array, one slot per entry, holding the last `token` that visited it
 * @param token - a number unique to this subject (e.g. its position + 1)
 * @param out - where to put them (emptied first; a caller reuses one array for every subject)
 * @returns `out`: entry numbers, ascending (= rank order)
 * @see docs/spec/verdict-v1.md section 6.2
 * @example
 * candidatesOf(index, { ids, purlKey, artifact }, stamp, 1, []) // [0, 7]
 */
export const candidatesOf = (
  index: CandidateIndex,
  keys: SubjectKeys,
  stamp: Int32Array,
  token: number,
  out: number[] = [],
): number[] => {
  out.length = 0;
  // Each list is ascending: the result needs sorting only when two lists gave entries.
  let lists = 0;
  if (keys.ids !== undefined) {
    for (const id of keys.ids.keys())
      lists += take(out, index.byVulnerability.get(id), stamp, token);
  }
  if (keys.purlKey !== undefined)
    lists += take(out, index.byPurlKey.get(keys.purlKey), stamp, token);
  if (keys.artifact !== undefined)
    lists += take(out, index.byArtifact.get(keys.artifact), stamp, token);
  if (keys.rule !== undefined) lists += take(out, index.byRule.get(keys.rule), stamp, token);
  if (index.unkeyed.length > 0) lists += take(out, index.unkeyed, stamp, token);
  if (lists > 1) out.sort(ascending);
  return out;
};

// --- internal --------------------------------------------------------------

const ascending = (a: number, b: number): number => a - b;

// Files entry `i` under `k` (once); returns 1.
const add = (m: Map<string, number[]>, k: string, i: number): number => {
  const list = m.get(k);
  if (list === undefined) m.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
  return 1;
};

const addAll = (
  m: Map<string, number[]>,
  keys: ReadonlyArray<string> | undefined,
  i: number,
): number => {
  if (keys === undefined) return 0;
  for (let j = 0; j < keys.length; j++) add(m, keys[j] as string, i);
  return keys.length;
};

const scopeCodes = (entries: ReadonlyArray<ExceptionEntry>): ScopeCodes => {
  const n = entries.length;
  const vulnerability = new Int32Array(n);
  const artifact = new Int32Array(n);
  const other = new Uint8Array(n);
  const vulnerabilities = new Map<string, number>();
  const artifacts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = (entries[i] as ExceptionEntry).compiled;
    vulnerability[i] = code(vulnerabilities, c.values.vulnerabilities);
    artifact[i] = code(artifacts, c.values.artifacts);
    for (const d of c.constrained) {
      if (d === 'components') other[i] = Math.max(other[i] as number, OTHER_COMPONENTS);
      else if (d !== 'vulnerabilities' && d !== 'artifacts') other[i] = OTHER_MORE;
    }
  }
  return { vulnerability, artifact, other, vulnerabilities, artifacts };
};

const code = (numbers: Map<string, number>, values: ReadonlyArray<string> | undefined): number => {
  if (values === undefined) return UNCONSTRAINED;
  if (values.length !== 1) return SEVERAL;
  const v = values[0] as string;
  let k = numbers.get(v);
  if (k === undefined) {
    k = numbers.size;
    numbers.set(v, k);
  }
  return k;
};

// Appends the entries of `list` not yet taken for this subject (a module-level function: a
// closure made per subject costs an allocation per finding); 1 when it appended any, else 0.
const take = (
  out: number[],
  list: ReadonlyArray<number> | undefined,
  stamp: Int32Array,
  token: number,
): number => {
  if (list === undefined) return 0;
  const before = out.length;
  for (let j = 0; j < list.length; j++) {
    const i = list[j] as number;
    if (stamp[i] !== token) {
      stamp[i] = token;
      out.push(i);
    }
  }
  return out.length > before ? 1 : 0;
};
