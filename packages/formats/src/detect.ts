/**
 * Format detection from a parsed document's distinctive top-level members. The rules are
 * checked in the order below; the first that matches wins (docs/guides/importing.md
 * "Detection").
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { formatsError, type FormatsOwnError } from './errors';
import type { FormatName } from './import-result';
import { isObj, type Obj } from './internal/read';

/**
 * Recognizes a document's format.
 * @param json - a parsed JSON value
 * @returns the format name; `FORMATS_UNSUPPORTED_VERSION` for the pre-2021 Trivy array form;
 *   `FORMATS_UNKNOWN_FORMAT` when no rule matches
 * @see docs/guides/importing.md
 * @example
 * detectFormat({ SchemaVersion: 2, Results: [] })        // right('trivy')
 * detectFormat([{ Target: 'x', Vulnerabilities: [] }])   // left(FORMATS_UNSUPPORTED_VERSION)
 */
export const detectFormat = (json: unknown): E.Either<FormatsOwnError, FormatName> => {
  if (Array.isArray(json)) {
    const first: unknown = json[0];
    if (isObj(first) && 'Target' in first && !('SchemaVersion' in first)) {
      return E.left(
        formatsError(
          'FORMATS_UNSUPPORTED_VERSION',
          'a JSON array of { Target, Vulnerabilities } is the pre-2021 Trivy report format (no SchemaVersion): re-run Trivy 0.20 or later',
          '$',
        ),
      );
    }
    if (json.length > 0 && json.every((r) => isObj(r) && isOsvRecord(r))) return E.right('osv');
    return E.left(unknown('a JSON array that is not a list of OSV records'));
  }
  if (!isObj(json)) return E.left(unknown('not a JSON object'));
  for (const [format, test] of RULES) if (test(json)) return E.right(format);
  return E.left(unknown('no known format marker among the top-level members'));
};

// --- internal --------------------------------------------------------------

const str = (v: unknown): v is string => typeof v === 'string';

const isOsvRecord = (o: Obj): boolean =>
  str(o['id']) && (str(o['modified']) || Array.isArray(o['affected']) || str(o['schema_version']));

const RULES: ReadonlyArray<readonly [FormatName, (o: Obj) => boolean]> = [
  // Trivy: SchemaVersion plus any of its report members.
  [
    'trivy',
    (o) => 'SchemaVersion' in o && ('Results' in o || 'ArtifactName' in o || 'ArtifactType' in o),
  ],
  // Grype: a matches array next to its descriptor or source.
  ['grype', (o) => Array.isArray(o['matches']) && ('descriptor' in o || 'source' in o)],
  // SARIF 2.1.0 section 3.13: version and runs.
  [
    'sarif',
    (o) =>
      Array.isArray(o['runs']) &&
      (o['version'] === '2.1.0' ||
        (str(o['$schema']) && o['$schema'].includes('sarif')) ||
        str(o['version'])),
  ],
  // CycloneDX: bomFormat is the constant "CycloneDX".
  ['cyclonedx', (o) => o['bomFormat'] === 'CycloneDX'],
  // SPDX 2.x JSON: spdxVersion "SPDX-2.x".
  ['spdx', (o) => str(o['spdxVersion']) && o['spdxVersion'].startsWith('SPDX-')],
  // OpenVEX: a JSON-LD context under https://openvex.dev/ns.
  ['openvex', (o) => str(o['@context']) && o['@context'].startsWith('https://openvex.dev/ns')],
  // CSAF 2.0: document.csaf_version.
  ['csaf', (o) => isObj(o['document']) && 'csaf_version' in o['document']],
  // OSV: id plus modified, affected or schema_version.
  ['osv', isOsvRecord],
];

const unknown = (what: string): FormatsOwnError =>
  formatsError(
    'FORMATS_UNKNOWN_FORMAT',
    `unrecognized document (${what}); supported: Trivy JSON, Grype JSON, SARIF 2.1.0, CycloneDX JSON, SPDX JSON, OpenVEX, CSAF 2.0, OSV`,
    '$',
  );
