/**
 * What the human summary is rendered from: the pack's machine files, read leniently (the summary
 * must render whatever the verdict or an exception holds, and show hostile text as text).
 * @see docs/spec/pack-v1.md section 3 (layout)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { JsonValue } from '@warrant/core';
import { documentFormat, parseDocuments } from '../redact/document';

// --- model -----------------------------------------------------------------

/** Facts about the pack that are not in its content files (they are in the manifest). */
export interface SummaryMeta {
  readonly kind: string;
  readonly generatedAt: string;
  readonly profile: string;
  /** Subject label: the release, environment, period or first artifact. */
  readonly title: string;
}

/** The parsed machine files the summary shows. */
export interface SummarySource {
  readonly meta: SummaryMeta;
  readonly artifacts: ReadonlyArray<JsonValue>;
  readonly verdict: JsonValue | undefined;
  readonly exceptions: ReadonlyArray<JsonValue>;
  readonly findings: ReadonlyArray<JsonValue>;
  readonly diff: JsonValue | undefined;
}

/** Paths the summary reads (pack-v1 layout). */
export const SUMMARY_INPUTS = {
  artifacts: 'inputs/artifacts.json',
  verdict: 'verdict/verdict.json',
  exceptions: 'exceptions/exceptions.jsonl',
  findings: 'findings/findings.jsonl',
  diff: 'diff/diff.json',
} as const;

// --- operations ------------------------------------------------------------

/**
 * Collects the summary's source from a pack's files. Missing files are empty; a file that does
 * not parse is refused (the summary never guesses).
 * @param files - the pack's content files (already redacted, for a redacted pack)
 * @param meta - kind, generation time, profile and title (from the manifest or build input)
 * @returns the source, or the path and parse error of the first unreadable file
 * @example
 * summarySource(files, { kind: 'artifact', generatedAt, profile: 'internal', title: 'sha256:…' })
 */
export const summarySource = (
  files: ReadonlyArray<{ readonly path: string; readonly bytes: Uint8Array }>,
  meta: SummaryMeta,
): E.Either<{ readonly path: string; readonly message: string }, SummarySource> => {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const read = (path: string): E.Either<{ path: string; message: string }, JsonValue[]> => {
    const bytes = byPath.get(path);
    const format = documentFormat(path);
    if (bytes === undefined || format === undefined) return E.right([]);
    const r = parseDocuments(format, bytes);
    return E.isLeft(r)
      ? E.left({ path, message: `${r.left.error.code}: ${r.left.error.message}` })
      : E.right(r.right);
  };
  const parts = {
    artifacts: read(SUMMARY_INPUTS.artifacts),
    verdict: read(SUMMARY_INPUTS.verdict),
    exceptions: read(SUMMARY_INPUTS.exceptions),
    findings: read(SUMMARY_INPUTS.findings),
    diff: read(SUMMARY_INPUTS.diff),
  };
  for (const p of Object.values(parts)) if (E.isLeft(p)) return p;
  const get = (e: E.Either<unknown, JsonValue[]>): JsonValue[] => (E.isRight(e) ? e.right : []);
  const artifactsDoc = get(parts.artifacts)[0];
  const artifacts = member(artifactsDoc, 'artifacts');
  return E.right({
    meta,
    artifacts: Array.isArray(artifacts) ? artifacts : [],
    verdict: get(parts.verdict)[0],
    exceptions: get(parts.exceptions),
    findings: get(parts.findings),
    diff: get(parts.diff)[0],
  });
};

/**
 * A member of a JSON object, or `undefined` (for any other value).
 * @param v - a JSON value
 * @param name - the member name
 * @returns the member's value
 * @internal
 */
export const member = (v: JsonValue | undefined, name: string): JsonValue | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, name)
    ? (v as Record<string, JsonValue>)[name]
    : undefined;

/**
 * A JSON value shown as text: strings as they are, other scalars as JSON, `''` when absent.
 * @param v - a JSON value
 * @returns display text
 * @internal
 */
export const text = (v: JsonValue | undefined): string =>
  v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * An array member as a list (empty for anything else).
 * @param v - a JSON value
 * @param name - the member name
 * @returns the elements
 * @internal
 */
export const list = (v: JsonValue | undefined, name: string): ReadonlyArray<JsonValue> => {
  const m = member(v, name);
  return Array.isArray(m) ? m : [];
};
