/**
 * The entry point: bytes or a parsed value in, a normalized, sorted {@link ImportResult} out, or
 * one error. Nothing is ever half-imported: any issue in the document fails the whole import.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  digestBytes,
  digestCanonical,
  parseDigest,
  parseJsonStrict,
  parseTimestamp,
  type JsonParseError,
  type Sha256Digest,
} from '@warrant/core';
import { detectFormat } from './detect';
import { formatsError, type FormatsError } from './errors';
import { importGrype } from './grype';
import {
  FORMAT_NAMES,
  type FormatName,
  type ImportOptions,
  type ImportResult,
  type SourceDigestKind,
} from './import-result';
import type { Importer } from './internal/env';
import { Ctx } from './internal/read';
import { sortOutput } from './internal/output';
import { importTrivy } from './trivy';
import { importSarif } from './sarif';
import { importCycloneDx } from './cyclonedx';
import { importSpdx } from './spdx';
import { importOpenVex } from './openvex';
import { importCsaf } from './csaf';
import { importOsv } from './osv';

/**
 * Imports one scanner, SBOM, VEX or advisory document.
 * @param input - the document's bytes (parsed strictly: duplicate keys, lone surrogates, BOMs
 *   and unsafe integers are refused), or an already parsed JSON value
 * @param options - a format to skip detection, and overrides for scan time and artifact digest
 * @returns the normalized result, or the first refusal: `CORE_JSON_*` for malformed bytes,
 *   `FORMATS_UNKNOWN_FORMAT`, `FORMATS_UNSUPPORTED_VERSION`, `FORMATS_FORMAT_MISMATCH`, or
 *   `FORMATS_INVALID_DOCUMENT` listing every issue with its JSON path
 * @throws TypeError when `options` holds an invalid format name, timestamp or digest
 * @see docs/spec/finding-v1.md
 * @example
 * const r = importDocument(await readFile('trivy.json'));
 * if (E.isRight(r)) console.log(r.right.findings.length);
 */
export const importDocument = (
  input: unknown,
  options: ImportOptions = {},
): E.Either<FormatsError, ImportResult> => {
  checkOptions(options);
  let doc: unknown;
  let digest: Sha256Digest;
  let digestOf: SourceDigestKind;
  if (input instanceof Uint8Array) {
    const limits: { maxBytes?: number; maxDepth?: number } = {};
    if (options.maxBytes !== undefined) limits.maxBytes = options.maxBytes;
    if (options.maxDepth !== undefined) limits.maxDepth = options.maxDepth;
    const parsed = parseStrict(input, limits);
    if (E.isLeft(parsed)) return parsed;
    doc = parsed.right;
    digest = options.sourceDigest ?? digestBytes(input);
    digestOf = options.sourceDigest === undefined ? 'bytes' : 'given';
  } else if (options.sourceDigest !== undefined) {
    doc = input;
    digest = options.sourceDigest;
    digestOf = 'given';
  } else {
    const d = digestCanonical(input);
    if (E.isLeft(d)) return d;
    doc = input;
    digest = d.right;
    digestOf = 'canonical-json';
  }
  const detected = detectFormat(doc);
  let format: FormatName;
  if (options.format !== undefined) {
    if (E.isRight(detected) && detected.right !== options.format) {
      return E.left(
        formatsError(
          'FORMATS_FORMAT_MISMATCH',
          `the document is ${detected.right}, not ${options.format}`,
          '$',
        ),
      );
    }
    format = options.format;
  } else {
    if (E.isLeft(detected)) return detected;
    format = detected.right;
  }
  const ctx = new Ctx();
  const out = IMPORTERS[format](doc, { ctx, sourceDigest: digest, options });
  if ('code' in out) return E.left(out);
  if (ctx.issues.length > 0) {
    const first = ctx.issues[0] as { path: string; message: string };
    return E.left({
      code: 'FORMATS_INVALID_DOCUMENT',
      message: `${first.message}${ctx.issues.length > 1 ? ` (and ${ctx.issues.length - 1} more issue${ctx.issues.length > 2 ? 's' : ''})` : ''}`,
      path: first.path,
      issues: ctx.issues,
    });
  }
  return E.right({
    format,
    ...sortOutput(out),
    source: { digest, digestOf },
    warnings: ctx.warnings,
  });
};

// --- internal --------------------------------------------------------------

// parseJsonStrict as of core 0.1.0 throws (instead of returning) its trailing-data refusal;
// a thrown CORE_JSON_* value is turned back into the Left it should have been.
const parseStrict = (
  input: Uint8Array,
  limits: { maxBytes?: number; maxDepth?: number },
): E.Either<JsonParseError, unknown> => {
  try {
    return parseJsonStrict(input, limits);
  } catch (e) {
    if (isJsonParseError(e)) return E.left(e);
    throw e;
  }
};

const isJsonParseError = (e: unknown): e is JsonParseError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { code?: unknown }).code === 'string' &&
  (e as { code: string }).code.startsWith('CORE_JSON_') &&
  typeof (e as { path?: unknown }).path === 'string';

const IMPORTERS: Readonly<Record<FormatName, Importer>> = {
  trivy: importTrivy,
  grype: importGrype,
  sarif: importSarif,
  cyclonedx: importCycloneDx,
  spdx: importSpdx,
  openvex: importOpenVex,
  csaf: importCsaf,
  osv: importOsv,
};

const checkOptions = (options: ImportOptions): void => {
  if (
    options.format !== undefined &&
    !(FORMAT_NAMES as ReadonlyArray<string>).includes(options.format)
  ) {
    throw new TypeError(
      `unknown format ${JSON.stringify(options.format)}; expected one of ${FORMAT_NAMES.join(', ')}`,
    );
  }
  if (options.scanTime !== undefined && E.isLeft(parseTimestamp(options.scanTime))) {
    throw new TypeError(
      `options.scanTime is not a UTC RFC 3339 timestamp: ${JSON.stringify(options.scanTime)}`,
    );
  }
  if (options.sourceDigest !== undefined && E.isLeft(parseDigest(options.sourceDigest))) {
    throw new TypeError(
      `options.sourceDigest is not sha256:<64 hex>: ${JSON.stringify(options.sourceDigest)}`,
    );
  }
  if (options.artifactDigest !== undefined && E.isLeft(parseDigest(options.artifactDigest))) {
    throw new TypeError(
      `options.artifactDigest is not sha256:<64 hex>: ${JSON.stringify(options.artifactDigest)}`,
    );
  }
};
