/**
 * @warrant/formats: importers from scanner, SBOM and VEX formats into Warrant's models.
 * @module
 */
export const FORMATS_PACKAGE = '@warrant/formats' as const;

// --- formats: importers ---
export { importDocument } from './import';
export { detectFormat } from './detect';
export { FORMAT_NAMES } from './import-result';
export type { FormatName, ImportOptions, ImportResult, SourceDigestKind } from './import-result';
export { formatFormatsError, MAX_ISSUES } from './errors';
export type {
  FormatsError,
  FormatsErrorCode,
  FormatsIssue,
  FormatsOwnError,
  FormatsWarning,
  FormatsWarningCode,
} from './errors';

// --- merge ---
export { mergeFindings } from './merge-findings';
export type { MergedFindings, MergedKey } from './merge-findings';
