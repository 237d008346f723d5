/**
 * Tolerant, path-aware reading of untrusted JSON documents. Importers read every field through
 * these helpers: a value of the wrong type is recorded as an issue naming its JSON path and the
 * expectation (the import then fails as a whole); an absent or `null` value, or an empty string,
 * reads as `undefined`. Paths are linked lists built only when descending, and rendered as RFC
 * 9535 normalized paths only when something is reported.
 * @module
 */
import { formatJsonPath, type PathSegment } from '@warrant/core';
import { PurlResolver } from './purl';
import {
  MAX_ISSUES,
  type FormatsIssue,
  type FormatsWarning,
  type FormatsWarningCode,
} from '../errors';

// --- model -----------------------------------------------------------------

/** A position in the document: `undefined` is the root. */
export type Path = { readonly up: Path; readonly seg: PathSegment } | undefined;

/** A JSON object as the importers see it (only own members are ever read). */
export type Obj = Readonly<Record<string, unknown>>;

/** Collects the issues (fatal) and warnings (non-fatal) of one import. */
export class Ctx {
  readonly issues: FormatsIssue[] = [];
  readonly warnings: FormatsWarning[] = [];
  /** Purls seen in this import, resolved once each. */
  readonly purls = new PurlResolver();

  /** Records a fatal issue; returns `undefined` so callers can `return ctx.fail(…)`. */
  fail(path: Path, message: string): undefined {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path: renderPath(path), message });
    return undefined;
  }

  /** Records a warning. */
  warn(code: FormatsWarningCode, path: Path, message: string): void {
    this.warnings.push({ code, message, path: renderPath(path) });
  }

  /** Whether enough issues were seen that reading further is pointless. */
  get full(): boolean {
    return this.issues.length >= MAX_ISSUES;
  }
}

// --- operations ------------------------------------------------------------

/** One step down. */
export const at = (path: Path, seg: PathSegment): Path => ({ up: path, seg });

/** Renders a path as an RFC 9535 normalized path (`$.a[0]`). */
export const renderPath = (path: Path): string => {
  const segs: PathSegment[] = [];
  for (let p = path; p !== undefined; p = p.up) segs.push(p.seg);
  return formatJsonPath(segs.reverse());
};

/** Whether a value is a JSON object (not an array, not null). */
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether the document root is an object, recording `expected <what> object, got …` at `$` when
 * it is not (every importer but OSV's, which also takes an array, starts here).
 */
export const isRootObject = (ctx: Ctx, doc: unknown, what: string): doc is Obj => {
  if (isObj(doc)) return true;
  ctx.fail(undefined, `expected ${what} object, got ${describe(doc)}`);
  return false;
};

/** A short description of a value for messages: `5`, `"x"`, `an array`, `an object`. */
export const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'object':
      return 'an object';
    case 'string':
      return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    case 'number':
    case 'boolean':
      return String(v);
    default:
      return typeof v;
  }
};

// The members importers read are fixed names, none of which is on Object.prototype, so plain
// property access cannot reach inherited members; dynamic keys are only ever enumerated.
const get = (o: Obj, key: string): unknown => o[key];

/** An optional string member; empty strings read as absent. */
export const optStr = (ctx: Ctx, o: Obj, key: string, path: Path): string | undefined => {
  const v = get(o, key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  return ctx.fail(at(path, key), `expected a string, got ${describe(v)}`);
};

/** A required non-empty string member. */
export const reqStr = (ctx: Ctx, o: Obj, key: string, path: Path): string | undefined => {
  const v = get(o, key);
  if (typeof v === 'string' && v !== '') return v;
  return ctx.fail(at(path, key), `expected a non-empty string, got ${describe(v)}`);
};

/** An optional number member (numbers in strings are not accepted here). */
export const optNum = (ctx: Ctx, o: Obj, key: string, path: Path): number | undefined => {
  const v = get(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  return ctx.fail(at(path, key), `expected a number, got ${describe(v)}`);
};

/** An optional object member. */
export const optObj = (ctx: Ctx, o: Obj, key: string, path: Path): Obj | undefined => {
  const v = get(o, key);
  if (v === undefined || v === null) return undefined;
  if (isObj(v)) return v;
  return ctx.fail(at(path, key), `expected an object, got ${describe(v)}`);
};

/** A required object member. */
export const reqObj = (ctx: Ctx, o: Obj, key: string, path: Path): Obj | undefined => {
  const v = get(o, key);
  if (isObj(v)) return v;
  return ctx.fail(at(path, key), `expected an object, got ${describe(v)}`);
};

/** An optional array member; absent or `null` reads as an empty array. */
export const optArr = (
  ctx: Ctx,
  o: Obj,
  key: string,
  path: Path,
): ReadonlyArray<unknown> | undefined => {
  const v = get(o, key);
  if (v === undefined || v === null) return EMPTY;
  if (Array.isArray(v)) return v;
  return ctx.fail(at(path, key), `expected an array, got ${describe(v)}`);
};

/** A required array member. */
export const reqArr = (
  ctx: Ctx,
  o: Obj,
  key: string,
  path: Path,
): ReadonlyArray<unknown> | undefined => {
  const v = get(o, key);
  if (Array.isArray(v)) return v;
  return ctx.fail(at(path, key), `expected an array, got ${describe(v)}`);
};

/** An optional array of strings; empty strings are dropped. */
export const optStrArr = (ctx: Ctx, o: Obj, key: string, path: Path): ReadonlyArray<string> => {
  const arr = optArr(ctx, o, key, path);
  if (arr === undefined || arr.length === 0) return EMPTY_STRINGS;
  const out: string[] = [];
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v === 'string') {
      if (v !== '') out.push(v);
    } else ctx.fail(at(at(path, key), i), `expected a string, got ${describe(v)}`);
  }
  return out;
};

/** Each element of an array that is an object, with its path; other elements are issues. */
export const objects = (
  ctx: Ctx,
  arr: ReadonlyArray<unknown>,
  path: Path,
): Array<{ readonly o: Obj; readonly path: Path }> => {
  const out: Array<{ o: Obj; path: Path }> = [];
  for (let i = 0; i < arr.length && !ctx.full; i++) {
    const v = arr[i];
    const p = at(path, i);
    if (isObj(v)) out.push({ o: v, path: p });
    else ctx.fail(p, `expected an object, got ${describe(v)}`);
  }
  return out;
};

const EMPTY: ReadonlyArray<unknown> = Object.freeze([]);
const EMPTY_STRINGS: ReadonlyArray<string> = Object.freeze([]);
