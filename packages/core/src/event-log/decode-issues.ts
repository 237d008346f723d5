/**
 * Turns io-ts validation errors into path-addressed issues (RFC 9535 normalized paths), one per
 * offending location, so hostile records are reported precisely instead of as a dump.
 * @module
 */
import type * as t from 'io-ts';
import { formatJsonPath, type PathSegment } from '../json-path';

/** One problem found while decoding: where, what was expected, what was there. */
export interface DecodeIssue {
  /** RFC 9535 normalized path of the offending value. */
  readonly path: string;
  /** The name of the expected type, e.g. `Sha256Digest` or `("human" | "service")`. */
  readonly expected: string;
  /** A short JSON rendering of the value found (`undefined` when the member is missing). */
  readonly found: string;
}

/**
 * Lists the distinct paths at which a value failed to decode, in the order io-ts found them.
 * @param errors - the left side of an io-ts `decode`
 * @param prefix - path segments to prepend (e.g. the record's index in a log)
 * @returns one issue per path; union alternatives failing at the same path are merged
 * @internal
 */
export const toDecodeIssues = (
  errors: t.Errors,
  prefix: ReadonlyArray<PathSegment> = [],
): ReadonlyArray<DecodeIssue> => {
  const seen = new Set<string>();
  const out: DecodeIssue[] = [];
  for (const error of errors) {
    const segments: PathSegment[] = [...prefix];
    let expected = error.context[0]?.type.name ?? 'value';
    for (let i = 1; i < error.context.length; i++) {
      const entry = error.context[i];
      const parent = error.context[i - 1];
      if (entry === undefined || parent === undefined) continue;
      // Members of intersections, unions and refinements are not steps into the value.
      const tag = (parent.type as { _tag?: string })._tag;
      if (tag !== undefined && STEP_TAGS.has(tag)) {
        segments.push(ARRAY_TAGS.has(tag) ? Number(entry.key) : entry.key);
        expected = entry.type.name;
      }
    }
    const path = formatJsonPath(segments);
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, expected, found: preview(error.value) });
  }
  return out;
};

/**
 * Paths of members that are present in `value` but not in `known`, in code-unit order of their
 * names (exact-record check: io-ts `strict` strips unknown members silently, which would let an
 * edit hide in a stored record).
 * @internal
 */
export const unknownMembers = (
  value: unknown,
  known: ReadonlySet<string>,
  prefix: ReadonlyArray<PathSegment>,
): ReadonlyArray<DecodeIssue> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const out: DecodeIssue[] = [];
  // Sorted (UTF-16 code units), so the order of the errors does not depend on the order in
  // which a store or parser happens to hand out the members.
  for (const key of Object.keys(value).sort()) {
    if (!known.has(key)) {
      out.push({
        path: formatJsonPath([...prefix, key]),
        expected: 'no such member',
        found: preview((value as Record<string, unknown>)[key]),
      });
    }
  }
  return out;
};

// --- internal --------------------------------------------------------------

const ARRAY_TAGS = new Set(['ArrayType', 'ReadonlyArrayType', 'TupleType', 'ReadonlyTupleType']);
const STEP_TAGS = new Set([
  'InterfaceType',
  'ExactType',
  'StrictType',
  'PartialType',
  'DictionaryType',
  ...ARRAY_TAGS,
]);

const preview = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
