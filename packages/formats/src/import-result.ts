/**
 * The import API's types: format names, options and the result every importer produces.
 * @module
 */
import type {
  Advisory,
  ArtifactRef,
  Component,
  Finding,
  ScannerRef,
  Sha256Digest,
  Timestamp,
  VexStatement,
} from '@warrant/core';
import type { FormatsWarning } from './errors';

// --- model -----------------------------------------------------------------

/** Every format `@warrant/formats` reads. */
export const FORMAT_NAMES = [
  'trivy',
  'grype',
  'sarif',
  'cyclonedx',
  'spdx',
  'openvex',
  'csaf',
  'osv',
] as const;

/** A format `@warrant/formats` reads. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Options of {@link importDocument}. */
export interface ImportOptions {
  /** Skip detection and import as this format (refused if the document clearly is another). */
  readonly format?: FormatName;
  /** Scan time to record on findings, overriding the document's own. */
  readonly scanTime?: Timestamp;
  /** Digest of the scanned artifact, overriding what the document says (finding-v1 section 3.1). */
  readonly artifactDigest?: Sha256Digest;
  /**
   * The document's digest as the caller already computed it (e.g. the content address it is
   * stored under); skips hashing. Taken on trust: it is what `source.digest` will say.
   */
  readonly sourceDigest?: Sha256Digest;
  /** Parse limits for byte input (defaults of `parseJsonStrict`). */
  readonly maxBytes?: number;
  readonly maxDepth?: number;
}

/** How {@link ImportResult.source}'s digest was computed. */
export type SourceDigestKind = 'bytes' | 'canonical-json' | 'given';

/** Everything one document yields. Every array is sorted (finding-v1 section 12). */
export interface ImportResult {
  readonly format: FormatName;
  /** The document's own format version (`2`, `1.5`, `2.1.0`, `SPDX-2.3`, `0.2.0`, `2.0`, `1.4.0`). */
  readonly formatVersion?: string;
  /** The imported document: SHA-256 of the input bytes, or of the canonical JSON of a parsed value. */
  readonly source: { readonly digest: Sha256Digest; readonly digestOf: SourceDigestKind };
  /** The document's subject, when it names one. */
  readonly artifact: ArtifactRef;
  /** The producing tool, when the document names one. */
  readonly scanner?: ScannerRef;
  readonly findings: ReadonlyArray<Finding>;
  readonly components: ReadonlyArray<Component>;
  readonly vexStatements: ReadonlyArray<VexStatement>;
  /** Vulnerability knowledge (OSV records). */
  readonly knowledge: ReadonlyArray<Advisory>;
  /** Non-fatal oddities, in document order. */
  readonly warnings: ReadonlyArray<FormatsWarning>;
}
