/**
 * The pack v1 layout (seed 000 section 4.2): where each kind of content lives inside the archive,
 * which files are outside the manifest, which are required, and the media type of each path.
 * @see docs/spec/pack-v1.md section 3 (layout)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { validateArchivePath } from './archive/path';
import { packError, type PackError } from './errors';

// --- model -----------------------------------------------------------------

/** Fixed paths of a v1 pack. */
export const PACK_PATHS = {
  /** The manifest (RFC 8785 canonical JSON); not listed in itself. */
  manifest: 'manifest.json',
  /** coreutils checksums of every listed file and of manifest.json; not listed. */
  sums: 'SHA256SUMS',
  /** Offline verification steps in plain text. */
  verifyMd: 'VERIFY.md',
  /** DSSE envelope over the manifest bytes; not listed. */
  manifestSignature: 'signatures/manifest.dsse.json',
  /** DSSE envelope of the in-toto Statement v1 about the verdict; not listed. */
  verdictStatement: 'signatures/verdict.intoto.dsse.json',
  /** Artifact identities (canonical JSON). */
  artifacts: 'inputs/artifacts.json',
  /** Knowledge snapshot ids (canonical JSON), when given. */
  knowledge: 'inputs/knowledge.json',
  /** Evaluation settings (canonical JSON). */
  settings: 'policy/settings.json',
  /** Every relevant exception version, one canonical JSON object per line. */
  exceptions: 'exceptions/exceptions.jsonl',
  /** The exception event-log slice (warrant.event/v1 JSON Lines, from seq 0). */
  events: 'exceptions/events.jsonl',
  /** The signed checkpoint covering exactly the slice. */
  checkpoint: 'exceptions/checkpoint.dsse.json',
  /** Normalized findings, one canonical JSON object per line, sorted. */
  findings: 'findings/findings.jsonl',
  /** The verdict (canonical JSON), for artifact, release and environment packs. */
  verdict: 'verdict/verdict.json',
  /** Every verdict of the period, one canonical JSON object per line (period packs). */
  verdicts: 'verdict/verdicts.jsonl',
  /** The explanation summary of the verdict (Markdown), when given. */
  explanation: 'verdict/explanation.md',
  /** The human summary (Markdown), always present. */
  summary: 'report/summary.md',
} as const;

/** Folders whose files carry caller-chosen names. */
export const PACK_FOLDERS = {
  sboms: 'inputs/sboms/',
  documents: 'inputs/documents/',
  vex: 'vex/',
  policy: 'policy/bundle/',
  report: 'report/',
  diff: 'diff/',
} as const;

/** Archive entries that are never listed in the manifest (section 3.2). */
export const UNLISTED_PATHS: ReadonlySet<string> = new Set([
  PACK_PATHS.manifest,
  PACK_PATHS.sums,
  PACK_PATHS.manifestSignature,
  PACK_PATHS.verdictStatement,
]);

/** The kinds of pack (seed 000 section 4.6). */
export type PackKind = 'artifact' | 'release' | 'environment' | 'period';

/** Every pack kind. */
export const PACK_KINDS: ReadonlyArray<PackKind> = ['artifact', 'release', 'environment', 'period'];

// --- operations ------------------------------------------------------------

/**
 * The files a listed-file set must contain for a pack of `kind` (seed 000 section 4.7).
 * @param kind - the manifest's `kind`
 * @param paths - the listed paths
 * @returns the first missing requirement as `PACK_LAYOUT_INCOMPLETE`, or right
 * @see docs/spec/pack-v1.md section 3.3 (required content)
 * @example
 * checkLayout('artifact', new Set(['VERIFY.md'])) // left({ code: 'PACK_LAYOUT_INCOMPLETE', path: 'inputs/artifacts.json', … })
 */
export const checkLayout = (
  kind: PackKind,
  paths: ReadonlySet<string>,
): E.Either<PackError, void> => {
  const fixed = [
    PACK_PATHS.verifyMd,
    PACK_PATHS.artifacts,
    PACK_PATHS.settings,
    PACK_PATHS.exceptions,
    PACK_PATHS.findings,
    kind === 'period' ? PACK_PATHS.verdicts : PACK_PATHS.verdict,
    PACK_PATHS.summary,
  ];
  for (const p of fixed) {
    if (!paths.has(p)) return E.left(incomplete(`${p} is required`, p));
  }
  const has = (folder: string): boolean => [...paths].some((p) => p.startsWith(folder));
  if (!has(PACK_FOLDERS.policy)) {
    return E.left(incomplete('at least one policy/bundle/ file is required', PACK_FOLDERS.policy));
  }
  if (kind !== 'period' && !has(PACK_FOLDERS.sboms)) {
    return E.left(
      incomplete(`a ${kind} pack needs at least one SBOM or inventory`, PACK_FOLDERS.sboms),
    );
  }
  if (paths.has(PACK_PATHS.events) !== paths.has(PACK_PATHS.checkpoint)) {
    return E.left(
      incomplete('the event-log slice and its checkpoint come together', PACK_PATHS.checkpoint),
    );
  }
  return E.right(undefined);
};

/**
 * Checks a caller-chosen file name (one path segment that is also a valid archive path).
 * @param name - the name, e.g. `app.cdx.json`
 * @param at - JSON path of the input, for the error
 * @returns the name, or `PACK_INPUT_INVALID`
 * @example
 * checkFileName('app.cdx.json', '$.sboms[0].name') // right('app.cdx.json')
 * checkFileName('../x', '$.sboms[0].name')        // left({ code: 'PACK_INPUT_INVALID', … })
 */
export const checkFileName = (name: string, at: string): E.Either<PackError, string> => {
  if (typeof name !== 'string' || name.includes('/')) {
    return E.left(packError('PACK_INPUT_INVALID', 'expected one path segment (no "/")', at));
  }
  const valid = validateArchivePath(name);
  return E.isLeft(valid)
    ? E.left(packError('PACK_INPUT_INVALID', valid.left.message, at, valid.left))
    : E.right(name);
};

/**
 * The default media type of a path, from its extension (section 3.4).
 * @param path - an archive path
 * @returns the media type (lowercase, no parameters)
 * @example
 * mediaTypeOf('findings/findings.jsonl') // 'application/jsonl'
 * mediaTypeOf('inputs/sboms/app.cdx.json') // 'application/vnd.cyclonedx+json'
 */
export const mediaTypeOf = (path: string): string => {
  const lower = path.toLowerCase();
  for (const [suffix, type] of MEDIA_TYPES) if (lower.endsWith(suffix)) return type;
  return 'application/octet-stream';
};

// --- internal --------------------------------------------------------------

const incomplete = (message: string, path: string): PackError =>
  packError('PACK_LAYOUT_INCOMPLETE', message, path);

// Longest suffixes first: the first match wins.
const MEDIA_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['.intoto.dsse.json', 'application/vnd.dsse.envelope.v1+json'],
  ['.dsse.json', 'application/vnd.dsse.envelope.v1+json'],
  ['.cdx.json', 'application/vnd.cyclonedx+json'],
  ['.spdx.json', 'application/spdx+json'],
  ['.openvex.json', 'application/openvex+json'],
  ['.sarif', 'application/sarif+json'],
  ['.sarif.json', 'application/sarif+json'],
  ['.jsonl', 'application/jsonl'],
  ['.json', 'application/json'],
  ['.md', 'text/markdown'],
  ['.html', 'text/html'],
  ['.txt', 'text/plain'],
  ['.xml', 'application/xml'],
  ['.yaml', 'application/yaml'],
  ['.yml', 'application/yaml'],
];
