/**
 * The normalized vulnerability finding: one vulnerability in one component of one artifact, as
 * reported by one scanner run. Importers (`@warrant/formats`) produce it from Trivy, Grype,
 * SARIF and CycloneDX documents; policy evaluation consumes it. Every field and the key
 * derivation are specified in docs/spec/finding-v1.md.
 * @module
 */
import * as t from 'io-ts';
import { digestText, Sha256Digest } from './digest';
import { Timestamp } from './time';

// --- model -----------------------------------------------------------------

/** The closed severity scale, most severe first (finding-v1 section 4). */
export const SEVERITY_LEVELS = [
  'critical',
  'high',
  'medium',
  'low',
  'negligible',
  'unknown',
] as const;

/** A severity level: `critical`, `high`, `medium`, `low`, `negligible` or `unknown`. */
export const Severity = t.keyof(
  { critical: null, high: null, medium: null, low: null, negligible: null, unknown: null },
  'Severity',
);
/** A severity level: `critical`, `high`, `medium`, `low`, `negligible` or `unknown`. */
export type Severity = t.TypeOf<typeof Severity>;

/** A severity with where it came from: the rating party and the source's own spelling. */
export const SeverityRating = t.exact(
  t.intersection([
    t.type({ level: Severity }),
    t.partial({
      /** Who rated it, in the source's words (`nvd`, `debian`, `ghsa`, `redhat:distro:redhat:8`). */
      source: t.string,
      /** The value the level was mapped from, verbatim (`MEDIUM`, `Negligible`, `8.0`, `note`). */
      raw: t.string,
    }),
  ]),
  'SeverityRating',
);
/** A severity with where it came from. */
export type SeverityRating = t.TypeOf<typeof SeverityRating>;

/** CVSS versions Warrant records. */
export const CvssVersion = t.keyof(
  { '2.0': null, '3.0': null, '3.1': null, '4.0': null },
  'CvssVersion',
);
/** CVSS versions Warrant records. */
export type CvssVersion = t.TypeOf<typeof CvssVersion>;

/** One CVSS assessment: a vector, a base score, or both. */
export const CvssScore = t.exact(
  t.intersection([
    t.type({ version: CvssVersion }),
    t.partial({ source: t.string, vector: t.string, score: t.number }),
  ]),
  'CvssScore',
);
/** One CVSS assessment: a vector, a base score, or both. */
export type CvssScore = t.TypeOf<typeof CvssScore>;

/** Whether a fix exists (finding-v1 section 6). */
export const FixState = t.keyof(
  {
    fixed: null,
    not_fixed: null,
    wont_fix: null,
    deferred: null,
    end_of_life: null,
    unknown: null,
  },
  'FixState',
);
/** Whether a fix exists. */
export type FixState = t.TypeOf<typeof FixState>;

/** Fix state and the versions that fix the vulnerability (sorted, unique). */
export const FixInfo = t.strict({ state: FixState, versions: t.array(t.string) }, 'FixInfo');
/** Fix state and fixed versions. */
export type FixInfo = t.TypeOf<typeof FixInfo>;

/** Where the component was found: a file path, an image layer (diff id), or both. */
export const Location = t.exact(t.partial({ path: t.string, layer: t.string }), 'Location');
/** Where the component was found. */
export type Location = t.TypeOf<typeof Location>;

/** A vulnerability identifier and its known aliases (sorted, unique, never containing `id`). */
export const VulnerabilityRef = t.strict(
  { id: t.string, aliases: t.array(t.string) },
  'VulnerabilityRef',
);
/** A vulnerability identifier and its aliases. */
export type VulnerabilityRef = t.TypeOf<typeof VulnerabilityRef>;

/** The affected component: name and version, and its canonical purl when known or derivable. */
export const ComponentRef = t.exact(
  t.intersection([
    t.type({ name: t.string }),
    t.partial({
      version: t.string,
      /** Canonical package URL (finding-v1 section 5). */
      purl: t.string,
      /** `document` when the purl was in the input, `derived` when Warrant built it. */
      purlSource: t.keyof({ document: null, derived: null }),
    }),
  ]),
  'ComponentRef',
);
/** The affected component. */
export type ComponentRef = t.TypeOf<typeof ComponentRef>;

/** The scanned subject: its content digest (image manifest or config) and display name. */
export const ArtifactRef = t.exact(
  t.partial({ digest: Sha256Digest, name: t.string }),
  'ArtifactRef',
);
/** The scanned subject. */
export type ArtifactRef = t.TypeOf<typeof ArtifactRef>;

/** The tool that produced the finding. */
export const ScannerRef = t.exact(
  t.intersection([t.type({ name: t.string }), t.partial({ version: t.string })]),
  'ScannerRef',
);
/** The tool that produced the finding. */
export type ScannerRef = t.TypeOf<typeof ScannerRef>;

/** A normalized finding (finding-v1 section 3). */
export const Finding = t.exact(
  t.intersection([
    t.type({
      /** Stable key: {@link findingKey} of artifact, vulnerability and component. */
      key: Sha256Digest,
      vulnerability: VulnerabilityRef,
      component: ComponentRef,
      artifact: ArtifactRef,
      severity: SeverityRating,
      /** CVSS assessments, sorted (finding-v1 section 8). */
      cvss: t.array(CvssScore),
      fix: FixInfo,
      /** Locations, sorted and unique. */
      locations: t.array(Location),
      scanner: ScannerRef,
    }),
    t.partial({
      /** When the scan ran, normalized to UTC. */
      scanTime: Timestamp,
      /** A one-line title where the source has one. */
      title: t.string,
    }),
  ]),
  'Finding',
);
/** A normalized finding. */
export type Finding = t.TypeOf<typeof Finding>;

/** What the finding key is computed from (finding-v1 section 2). */
export interface FindingKeyInput {
  /** The artifact digest, or `undefined` when the subject is unknown. */
  readonly artifactDigest: Sha256Digest | undefined;
  /** The canonical vulnerability id ({@link canonicalVulnerabilityId}). */
  readonly vulnerabilityId: string;
  /**
   * The component: its canonical purl without qualifiers and subpath when it has a purl,
   * otherwise its name and version.
   */
  readonly component: string | { readonly name: string; readonly version: string | undefined };
}

// --- operations ------------------------------------------------------------

/** The schema tag hashed into every finding key, so a future v2 can never collide with v1. */
export const FINDING_KEY_SCHEMA = 'warrant.finding-key/v1';

/**
 * Computes the stable finding key: SHA-256 over the RFC 8785 canonical JSON of
 * `{ artifact, component, schema, vulnerability }`.
 * @param input - artifact digest, canonical vulnerability id and component identity
 * @returns `sha256:<hex>`
 * @see docs/spec/finding-v1.md section 2
 * @example
 * findingKey({ artifactDigest: undefined, vulnerabilityId: 'CVE-2023-0286', component: 'pkg:rpm/redhat/openssl@1.1.1k' })
 * // 'sha256:…' (the same for every input order and every scanner)
 */
export const findingKey = (input: FindingKeyInput): Sha256Digest => {
  const c = input.component;
  // RFC 8785: members in code-unit order (artifact < component < schema < vulnerability;
  // name < version); strings serialized as JSON.stringify does (section 3.2.2.2).
  const component =
    typeof c === 'string'
      ? JSON.stringify(c)
      : `{"name":${JSON.stringify(c.name)},"version":${c.version === undefined ? 'null' : JSON.stringify(c.version)}}`;
  const artifact =
    input.artifactDigest === undefined ? 'null' : JSON.stringify(input.artifactDigest);
  const text = `{"artifact":${artifact},"component":${component},"schema":"${FINDING_KEY_SCHEMA}","vulnerability":${JSON.stringify(input.vulnerabilityId)}}`;
  return digestText(text);
};

/**
 * Picks the identifier a finding is keyed and displayed by: the id itself when it is a CVE,
 * otherwise the smallest CVE alias (UTF-16 code-unit order), otherwise the id.
 * @param id - the scanner's identifier
 * @param aliases - identifiers the scanner or advisory names as the same vulnerability
 * @returns the canonical identifier
 * @see docs/spec/finding-v1.md section 2.2
 * @example
 * canonicalVulnerabilityId('GHSA-v6rh-hp5x-86rv', ['CVE-2021-44420']) // 'CVE-2021-44420'
 */
export const canonicalVulnerabilityId = (id: string, aliases: ReadonlyArray<string>): string => {
  if (id.startsWith('CVE-')) return id;
  let best: string | undefined;
  for (const a of aliases) if (a.startsWith('CVE-') && (best === undefined || a < best)) best = a;
  return best ?? id;
};

/**
 * Orders severities from most to least severe (`critical` first, `unknown` last).
 * @param a - first level
 * @param b - second level
 * @returns negative when `a` is more severe than `b`, zero when equal
 * @example
 * ['low', 'critical'].sort(compareSeverity) // ['critical', 'low']
 */
export const compareSeverity = (a: Severity, b: Severity): number =>
  SEVERITY_LEVELS.indexOf(a) - SEVERITY_LEVELS.indexOf(b);
