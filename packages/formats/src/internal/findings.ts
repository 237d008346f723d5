/**
 * Turns importer drafts into {@link Finding}s: computes keys, merges drafts that share a key
 * (commutatively, so input order never matters), and sorts every array (finding-v1 sections 2,
 * 3 and 12).
 * @module
 */
import {
  canonicalVulnerabilityId,
  compareSeverity,
  compareTimestamps,
  findingKey,
  type ArtifactRef,
  type ComponentRef,
  type CvssScore,
  type Finding,
  type FixState,
  type Location,
  type ScannerRef,
  type SeverityRating,
  type Timestamp,
} from '@warrant/core';
import { type Ctx, type Path } from './read';
import { compareStrings, uniqueSorted } from './sort';

// --- model -----------------------------------------------------------------

/** What an importer knows about one finding. */
export interface FindingDraft {
  readonly vulnerabilityId: string;
  readonly aliases: ReadonlyArray<string>;
  readonly component: ComponentRef;
  /** The bare canonical purl (no qualifiers, no subpath) when the component has a purl. */
  readonly purlBare: string | undefined;
  readonly severity: SeverityRating;
  readonly cvss: ReadonlyArray<CvssScore>;
  readonly fixState: FixState;
  readonly fixedVersions: ReadonlyArray<string>;
  readonly locations: ReadonlyArray<Location>;
  readonly title: string | undefined;
}

/** What every finding of one document shares. */
export interface FindingContext {
  readonly artifact: ArtifactRef;
  readonly scanner: ScannerRef;
  readonly scanTime: Timestamp | undefined;
}

// --- operations ------------------------------------------------------------

/** Collects drafts, merging those with equal keys; `findings()` returns them sorted by key. */
export class FindingCollector {
  private readonly byKey = new Map<string, Finding>();

  constructor(
    private readonly ctx: Ctx,
    private readonly common: FindingContext,
  ) {}

  /** Adds a draft; `context` overrides the collector's (SARIF: one tool per run). */
  add(draft: FindingDraft, path: Path, context: FindingContext = this.common): void {
    const f = this.build(draft, context);
    const prev = this.byKey.get(f.key);
    if (prev === undefined) {
      this.byKey.set(f.key, f);
      return;
    }
    this.byKey.set(f.key, mergeFindingPair(prev, f));
    this.ctx.warn(
      'FORMATS_WARN_DUPLICATE_MERGED',
      path,
      `same finding key as an earlier record (${f.vulnerability.id} in ${f.component.purl ?? f.component.name}): merged`,
    );
  }

  findings(): Finding[] {
    return [...this.byKey.values()].sort((a, b) => compareStrings(a.key, b.key));
  }

  private build(d: FindingDraft, common: FindingContext): Finding {
    const id = canonicalVulnerabilityId(d.vulnerabilityId, d.aliases);
    // Without aliases the id is the only name, and it is the canonical one.
    const aliases =
      d.aliases.length === 0
        ? []
        : uniqueSorted([d.vulnerabilityId, ...d.aliases]).filter((a) => a !== id);
    const key = findingKey({
      artifactDigest: common.artifact.digest,
      vulnerabilityId: id,
      component: d.purlBare ?? { name: d.component.name, version: d.component.version },
    });
    const f: { -readonly [K in keyof Finding]: Finding[K] } = {
      key,
      vulnerability: { id, aliases },
      component: d.component,
      artifact: common.artifact,
      severity: d.severity,
      cvss: sortCvss(d.cvss),
      fix: { state: d.fixState, versions: uniqueSorted(d.fixedVersions) },
      locations: sortLocations(d.locations),
      scanner: common.scanner,
    };
    if (common.scanTime !== undefined) f.scanTime = common.scanTime;
    if (d.title !== undefined) f.title = d.title;
    return f;
  }
}

/**
 * Merges two findings with the same key; commutative, associative and idempotent on normalized
 * findings, because every pick is the minimum of a total order (finding-v1 section 3.2).
 */
export const mergeFindingPair = (a: Finding, b: Finding): Finding => {
  const out: { -readonly [K in keyof Finding]: Finding[K] } = {
    key: a.key,
    vulnerability: {
      id: a.vulnerability.id,
      aliases: uniqueSorted([...a.vulnerability.aliases, ...b.vulnerability.aliases]),
    },
    component: compareComponents(a.component, b.component) <= 0 ? a.component : b.component,
    artifact: compareArtifacts(a.artifact, b.artifact) <= 0 ? a.artifact : b.artifact,
    severity: compareRatings(a.severity, b.severity) <= 0 ? a.severity : b.severity,
    cvss: sortCvss([...a.cvss, ...b.cvss]),
    fix: {
      state:
        FIX_PRECEDENCE.indexOf(a.fix.state) <= FIX_PRECEDENCE.indexOf(b.fix.state)
          ? a.fix.state
          : b.fix.state,
      versions: uniqueSorted([...a.fix.versions, ...b.fix.versions]),
    },
    locations: sortLocations([...a.locations, ...b.locations]),
    scanner: compareScanners(a.scanner, b.scanner) <= 0 ? a.scanner : b.scanner,
  };
  // The earliest scan time: findings from several runs merge to when the first one saw it.
  // One instant has two spellings (`…:00Z`, `…:00.000Z`): the smaller string breaks the tie.
  const scanTime =
    a.scanTime === undefined
      ? b.scanTime
      : b.scanTime === undefined ||
          (compareTimestamps(a.scanTime, b.scanTime) || compareStrings(a.scanTime, b.scanTime)) <= 0
        ? a.scanTime
        : b.scanTime;
  if (scanTime !== undefined) out.scanTime = scanTime;
  const title =
    a.title === undefined
      ? b.title
      : b.title === undefined || a.title <= b.title
        ? a.title
        : b.title;
  if (title !== undefined) out.title = title;
  return out;
};

/** When merged findings disagree on the fix state, the earlier state in this list wins. */
export const FIX_PRECEDENCE: ReadonlyArray<FixState> = [
  'fixed',
  'wont_fix',
  'deferred',
  'end_of_life',
  'not_fixed',
  'unknown',
];

// --- internal --------------------------------------------------------------

// Every comparator below is a total order on its (exact) type, optional members comparing with
// an absent one first (so before ""): a merge never depends on which finding came first.
const compareOptional = (a: string | undefined, b: string | undefined): number =>
  a === undefined ? (b === undefined ? 0 : -1) : b === undefined ? 1 : compareStrings(a, b);

const compareScanners = (a: ScannerRef, b: ScannerRef): number =>
  compareStrings(a.name, b.name) ||
  compareStrings(a.version ?? '', b.version ?? '') ||
  (a.version === undefined ? 0 : 1) - (b.version === undefined ? 0 : 1);

const compareComponents = (a: ComponentRef, b: ComponentRef): number =>
  compareOptional(a.purl, b.purl) ||
  compareStrings(a.name, b.name) ||
  compareOptional(a.version, b.version) ||
  compareOptional(a.purlSource, b.purlSource);

// Equal keys mean equal digests; the digest is compared too so that the order stays total.
const compareArtifacts = (a: ArtifactRef, b: ArtifactRef): number =>
  compareOptional(a.name, b.name) || compareOptional(a.digest, b.digest);

// More severe first; then source and raw value in code-unit order.
const compareRatings = (a: SeverityRating, b: SeverityRating): number =>
  compareSeverity(a.level, b.level) ||
  compareOptional(a.source, b.source) ||
  compareOptional(a.raw, b.raw);

const compareCvss = (a: CvssScore, b: CvssScore): number =>
  compareOptional(a.source, b.source) ||
  compareStrings(a.version, b.version) ||
  compareOptional(a.vector, b.vector) ||
  (a.score === undefined
    ? b.score === undefined
      ? 0
      : -1
    : b.score === undefined
      ? 1
      : a.score - b.score);

const sortCvss = (list: ReadonlyArray<CvssScore>): CvssScore[] => {
  if (list.length < 2) return list.slice();
  const sorted = [...list].sort(compareCvss);
  return sorted.filter((c, i) => i === 0 || compareCvss(sorted[i - 1] as CvssScore, c) !== 0);
};

const compareLocations = (a: Location, b: Location): number =>
  compareStrings(a.path ?? '', b.path ?? '') ||
  (a.path === undefined ? 0 : 1) - (b.path === undefined ? 0 : 1) ||
  compareStrings(a.layer ?? '', b.layer ?? '') ||
  (a.layer === undefined ? 0 : 1) - (b.layer === undefined ? 0 : 1);

const sortLocations = (list: ReadonlyArray<Location>): Location[] => {
  if (list.length < 2) return list.slice();
  const sorted = [...list].sort(compareLocations);
  return sorted.filter((l, i) => i === 0 || compareLocations(sorted[i - 1] as Location, l) !== 0);
};
