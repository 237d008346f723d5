/**
 * Severity and CVSS normalization shared by the importers (finding-v1 sections 4 and 8).
 * @module
 */
import type { CvssScore, CvssVersion, Severity, SeverityRating } from '@warrant/core';
import { at, type Ctx, type Path } from './read';

/**
 * Maps a textual severity, case-insensitively and ignoring surrounding spaces, to a level:
 * `critical`; `high`, `important`; `medium`, `moderate`; `low`; `negligible`, `info`,
 * `informational`, `none`; `unknown`. Anything else is unrecognized (`undefined`).
 */
export const severityFromText = (raw: string): Severity | undefined =>
  TEXT_LEVELS.get(raw.trim().toLowerCase());

const TEXT_LEVELS: ReadonlyMap<string, Severity> = new Map<string, Severity>([
  ['critical', 'critical'],
  ['high', 'high'],
  ['important', 'high'],
  ['medium', 'medium'],
  ['moderate', 'medium'],
  ['low', 'low'],
  ['negligible', 'negligible'],
  ['info', 'negligible'],
  ['informational', 'negligible'],
  ['none', 'negligible'],
  ['unknown', 'unknown'],
]);

/**
 * The rating of a scanner's textual severity member (Grype `severity`, Trivy `Severity`): its
 * level by {@link severityFromText}, the text as `raw`, and `source` when the report names one.
 * A missing member or an unrecognized text is rated `unknown`, with a warning at the member.
 * @param ctx - where warnings go
 * @param raw - the member's text, `undefined` when absent
 * @param source - who rated it (a namespace, a SeveritySource), when known
 * @param path - the path of the object holding the member
 * @param member - the member's name, for the warning's path and message
 * @returns the rating
 * @example
 * ratingFromText(ctx, 'Important', 'nvd', path, 'Severity') // { level: 'high', source: 'nvd', raw: 'Important' }
 */
export const ratingFromText = (
  ctx: Ctx,
  raw: string | undefined,
  source: string | undefined,
  path: Path,
  member: string,
): SeverityRating => {
  const rating: { level: SeverityRating['level']; source?: string; raw?: string } = {
    level: 'unknown',
  };
  if (source !== undefined) rating.source = source;
  if (raw === undefined) {
    ctx.warn(
      'FORMATS_WARN_SEVERITY_MISSING',
      at(path, member),
      `no ${member}: recorded as unknown`,
    );
    return rating;
  }
  rating.raw = raw;
  const level = severityFromText(raw);
  if (level === undefined) {
    ctx.warn(
      'FORMATS_WARN_SEVERITY_UNRECOGNIZED',
      at(path, member),
      `unrecognized severity ${JSON.stringify(raw)}: recorded as unknown`,
    );
  } else rating.level = level;
  return rating;
};

/**
 * Maps a CVSS base score to a level with the CVSS v3.1 qualitative rating scale (FIRST CVSS
 * v3.1 specification section 5): 0.0 `negligible` (None), 0.1-3.9 `low`, 4.0-6.9 `medium`,
 * 7.0-8.9 `high`, 9.0-10.0 `critical`. Scores outside 0-10 are unrecognized.
 */
export const severityFromScore = (score: number): Severity | undefined => {
  if (!(score >= 0 && score <= 10)) return undefined;
  if (score === 0) return 'negligible';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
};

/** The CVSS version named by a vector's prefix (`CVSS:3.1/…`); prefix-less vectors with `Au:` are 2.0. */
export const cvssVersionOfVector = (vector: string): CvssVersion | undefined => {
  if (vector.startsWith('CVSS:3.1/')) return '3.1';
  if (vector.startsWith('CVSS:3.0/')) return '3.0';
  if (vector.startsWith('CVSS:4.0/')) return '4.0';
  if (!vector.startsWith('CVSS:') && vector.includes('Au:')) return '2.0';
  return undefined;
};

/** Normalizes a declared CVSS version (`3.1`, `3`, `2.0`, `CVSSv31`…) to a {@link CvssVersion}. */
export const cvssVersionOf = (declared: string): CvssVersion | undefined =>
  DECLARED_VERSIONS.get(declared.trim().toLowerCase());

const DECLARED_VERSIONS: ReadonlyMap<string, CvssVersion> = new Map<string, CvssVersion>([
  ['2', '2.0'],
  ['2.0', '2.0'],
  ['cvssv2', '2.0'],
  ['3', '3.0'],
  ['3.0', '3.0'],
  ['cvssv3', '3.0'],
  ['3.1', '3.1'],
  ['cvssv31', '3.1'],
  ['4', '4.0'],
  ['4.0', '4.0'],
  ['cvssv4', '4.0'],
]);

/** Builds a CVSS entry, leaving out absent members; `undefined` when there is nothing to keep. */
export const makeCvss = (
  version: CvssVersion | undefined,
  source: string | undefined,
  vector: string | undefined,
  score: number | undefined,
): CvssScore | undefined => {
  const v = version ?? (vector === undefined ? undefined : cvssVersionOfVector(vector));
  if (v === undefined || (vector === undefined && score === undefined)) return undefined;
  const out: { -readonly [K in keyof CvssScore]: CvssScore[K] } = { version: v };
  if (source !== undefined) out.source = source;
  if (vector !== undefined) out.vector = vector;
  if (score !== undefined && Number.isFinite(score)) out.score = score;
  return out;
};
