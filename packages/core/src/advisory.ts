/**
 * Vulnerability knowledge (from OSV records): identifiers, aliases and affected ranges, plus the
 * alias map matching uses to say "matched via alias GHSA-… of CVE-…". Specified in
 * docs/spec/finding-v1.md sections 13 and 14.
 * @module
 */
import * as t from 'io-ts';
import { Timestamp } from './time';

// --- model -----------------------------------------------------------------

/** One event of an OSV range: exactly one of the four members is set. */
export const RangeEvent = t.union(
  [
    t.strict({ introduced: t.string }),
    t.strict({ fixed: t.string }),
    t.strict({ last_affected: t.string }),
    t.strict({ limit: t.string }),
  ],
  'RangeEvent',
);
/** One event of an OSV range. */
export type RangeEvent = t.TypeOf<typeof RangeEvent>;

/** An OSV affected range: type (`SEMVER`, `ECOSYSTEM`, `GIT`) and events in document order. */
export const AffectedRange = t.exact(
  t.intersection([
    t.type({ type: t.string, events: t.array(RangeEvent) }),
    t.partial({ repo: t.string }),
  ]),
  'AffectedRange',
);
/** An OSV affected range. */
export type AffectedRange = t.TypeOf<typeof AffectedRange>;

/** One affected package of an advisory. */
export const AffectedPackage = t.exact(
  t.intersection([
    t.type({
      /** Ranges, sorted by canonical JSON. */
      ranges: t.array(AffectedRange),
      /** Explicitly enumerated affected versions, sorted and unique. */
      versions: t.array(t.string),
    }),
    t.partial({
      ecosystem: t.string,
      name: t.string,
      /** Canonical versionless purl: from the record or derived from ecosystem and name. */
      purl: t.string,
      purlSource: t.keyof({ document: null, derived: null }),
    }),
  ]),
  'AffectedPackage',
);
/** One affected package of an advisory. */
export type AffectedPackage = t.TypeOf<typeof AffectedPackage>;

/** Knowledge about one vulnerability. */
export const Advisory = t.exact(
  t.intersection([
    t.type({
      id: t.string,
      /** Identifiers for the same vulnerability (OSV `aliases`), sorted and unique. */
      aliases: t.array(t.string),
      /** Related but different vulnerabilities (OSV `related`), sorted and unique. */
      related: t.array(t.string),
      /** Upstream records this one derives from (OSV 1.7 `upstream`), sorted and unique. */
      upstream: t.array(t.string),
      /** Severity entries verbatim (`CVSS_V3` vector, `Ubuntu` label…), sorted. */
      severity: t.array(t.strict({ type: t.string, score: t.string })),
      affected: t.array(AffectedPackage),
    }),
    t.partial({
      summary: t.string,
      published: Timestamp,
      modified: Timestamp,
      withdrawn: Timestamp,
    }),
  ]),
  'Advisory',
);
/** Knowledge about one vulnerability. */
export type Advisory = t.TypeOf<typeof Advisory>;

/** Identifier to the other identifiers of its alias class, each list sorted. */
export type AliasMap = ReadonlyMap<string, ReadonlyArray<string>>;

// --- operations ------------------------------------------------------------

/**
 * Builds the alias map: identifiers that any source names as aliases of each other form one
 * class (transitively); each identifier maps to the rest of its class. Only `aliases` count,
 * never `related` or `upstream`.
 * @param sources - anything with an `id` and `aliases`: advisories, `finding.vulnerability`,
 *   `statement.vulnerability`
 * @returns the map; identifiers without aliases are absent
 * @see docs/spec/finding-v1.md section 14
 * @example
 * aliasMapFrom([{ id: 'GO-2023-2102', aliases: ['CVE-2023-39325', 'GHSA-4374-p667-p6c8'] }])
 *   .get('CVE-2023-39325') // ['GHSA-4374-p667-p6c8', 'GO-2023-2102']
 */
export const aliasMapFrom = (
  sources: Iterable<{ readonly id: string; readonly aliases: ReadonlyArray<string> }>,
): AliasMap => {
  const parent = new Map<string, string>();
  // Union-find; every id is its own parent before `find` sees it.
  const find = (x: string): string => {
    let root = x;
    for (let p = parent.get(root) as string; p !== root; p = parent.get(root) as string) root = p;
    for (let y = x; y !== root;) {
      const next = parent.get(y) as string;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const s of sources) {
    for (const a of s.aliases) {
      if (a === s.id) continue;
      if (!parent.has(s.id)) parent.set(s.id, s.id);
      if (!parent.has(a)) parent.set(a, a);
      const ra = find(s.id);
      const rb = find(a);
      // The smaller root wins, so the classes never depend on input order.
      if (ra < rb) parent.set(rb, ra);
      else if (rb < ra) parent.set(ra, rb);
    }
  }
  const ids = [...parent.keys()].sort(compareCodeUnits);
  const classes = new Map<string, string[]>();
  for (const id of ids) {
    const root = find(id);
    const members = classes.get(root);
    if (members === undefined) classes.set(root, [id]);
    else members.push(id);
  }
  // Insertion in sorted id order: iteration order is deterministic too.
  const out = new Map<string, ReadonlyArray<string>>();
  for (const id of ids) {
    out.set(
      id,
      (classes.get(find(id)) as string[]).filter((m) => m !== id),
    );
  }
  return out;
};

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
