/**
 * Field-level diff between two versions of an exception, for audit-trail views
 * (docs/spec/exception-v1.md section 11). Arrays are sets, so elements are compared as wholes:
 * an element is added or removed, never "changed at index i".
 * @module
 */
import type { JsonValue } from '../canonical-json';
import { formatJsonPath, type PathSegment } from '../json-path';
import { compareCodeUnits, setKey } from './codec-kit';
import { Exception } from './exception';

// --- model -----------------------------------------------------------------

/** One difference between two versions. */
export interface FieldChange {
  /** RFC 9535 path of the member (for set elements, the path of the set). */
  readonly path: string;
  /** `added` (only in the newer), `removed` (only in the older) or `changed` (both, different). */
  readonly kind: 'added' | 'removed' | 'changed';
  /** The older value (absent for `added`). */
  readonly before?: JsonValue;
  /** The newer value (absent for `removed`). */
  readonly after?: JsonValue;
}

// --- operations ------------------------------------------------------------

/**
 * Differences between two Exception objects (usually two versions of one exception).
 * @param older - the earlier version
 * @param newer - the later version
 * @returns the changes, depth-first with members in code-unit order and set elements by their
 *   canonical JSON; empty when the objects are equal
 * @see docs/spec/exception-v1.md section 11
 * @example
 * diffExceptions(v1, v2)
 * // [{ path: '$.expires_at', kind: 'changed', before: '2026-04-01T00:00:00Z', after: '2026-06-01T00:00:00Z' }, …]
 */
export const diffExceptions = (older: Exception, newer: Exception): ReadonlyArray<FieldChange> => {
  const out: FieldChange[] = [];
  diffValues(Exception.encode(older) as JsonValue, Exception.encode(newer) as JsonValue, [], out);
  return out;
};

/**
 * The same diff over any two JSON values whose arrays are sets.
 * @param older - the earlier value
 * @param newer - the later value
 * @returns the changes, in the order of {@link diffExceptions}
 * @example
 * diffJson({ a: [1, 2] }, { a: [2, 3] }) // [removed $.a 1, added $.a 3]
 */
export const diffJson = (older: JsonValue, newer: JsonValue): ReadonlyArray<FieldChange> => {
  const out: FieldChange[] = [];
  diffValues(older, newer, [], out);
  return out;
};

// --- internal --------------------------------------------------------------

const isObject = (v: JsonValue): v is { readonly [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function diffValues(a: JsonValue, b: JsonValue, path: PathSegment[], out: FieldChange[]): void {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareCodeUnits);
    for (const k of keys) {
      const p = [...path, k];
      const [x, y] = [a[k], b[k]];
      if (y === undefined)
        out.push({ path: formatJsonPath(p), kind: 'removed', before: x as JsonValue });
      else if (x === undefined) out.push({ path: formatJsonPath(p), kind: 'added', after: y });
      else diffValues(x, y, p, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Map(a.map((x) => [setKey(x), x] as const));
    const right = new Map(b.map((x) => [setKey(x), x] as const));
    const keys = [...new Set([...left.keys(), ...right.keys()])].sort(compareCodeUnits);
    for (const k of keys) {
      if (!right.has(k))
        out.push({ path: formatJsonPath(path), kind: 'removed', before: left.get(k) as JsonValue });
      else if (!left.has(k))
        out.push({ path: formatJsonPath(path), kind: 'added', after: right.get(k) as JsonValue });
    }
    return;
  }
  if (setKey(a) !== setKey(b) || typeof a !== typeof b) {
    out.push({ path: formatJsonPath(path), kind: 'changed', before: a, after: b });
  }
}
