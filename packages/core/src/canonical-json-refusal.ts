/**
 * Why a value cannot be canonicalized: the slow, exact walk that runs only after the fast path in
 * canonical-json.ts refused. It visits the value in canonical order (members sorted by name,
 * elements by index, depth first) and reports the first offending value with its JSON path.
 * @module
 */
import { makeError, type WarrantError } from './errors';
import { formatJsonPath, type PathSegment } from './json-path';

/** The codes {@link canonicalize} can return. */
export type CanonicalJsonErrorCode =
  | 'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE'
  | 'CORE_CANONICAL_JSON_CYCLE'
  | 'CORE_CANONICAL_JSON_TOO_DEEP';

/** Why a value was refused by {@link canonicalize}: `path` is the JSON path of the value. */
export type CanonicalJsonError = WarrantError<CanonicalJsonErrorCode> & { readonly path: string };

/**
 * Finds the first value in canonical order that RFC 8785 cannot represent.
 * @param value - the value the fast path refused
 * @param maxDepth - the nesting limit in force
 * @returns the refusal, with the JSON path of the offending value
 * @internal
 */
export const findRefusal = (value: unknown, maxDepth: number): CanonicalJsonError => {
  const walk = new RefusalWalk(maxDepth);
  return (
    walk.visit(value) ??
    // Only reachable if getters or proxies answered differently on the second reading.
    walk.refuse('CORE_CANONICAL_JSON_UNSUPPORTED_VALUE', 'a value that changed while being read')
  );
};

// --- internal --------------------------------------------------------------

class RefusalWalk {
  private readonly path: PathSegment[] = [];
  private readonly ancestors: object[] = [];

  constructor(private readonly maxDepth: number) {}

  refuse(code: CanonicalJsonErrorCode, what: string): CanonicalJsonError {
    const message =
      code === 'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE'
        ? `${what} cannot be represented in canonical JSON (RFC 8785)`
        : what;
    return makeError(code, message, formatJsonPath(this.path)) as CanonicalJsonError;
  }

  visit(v: unknown): CanonicalJsonError | undefined {
    switch (typeof v) {
      case 'string': {
        const at = loneSurrogateAt(v);
        return at < 0 ? undefined : this.unsupported(describeLoneSurrogate('a string', v, at));
      }
      case 'number':
        return Number.isFinite(v) ? undefined : this.unsupported(`the number ${String(v)}`);
      case 'boolean':
        return undefined;
      case 'bigint':
        return this.unsupported(`a bigint (${String(v)}n)`);
      case 'object':
        return v === null ? undefined : this.visitContainer(v);
      default:
        return this.unsupported(typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`);
    }
  }

  private unsupported(what: string): CanonicalJsonError {
    return this.refuse('CORE_CANONICAL_JSON_UNSUPPORTED_VALUE', what);
  }

  private visitContainer(v: object): CanonicalJsonError | undefined {
    if (this.ancestors.includes(v)) {
      const first = this.ancestors.indexOf(v);
      const target = formatJsonPath(this.path.slice(0, first));
      return this.refuse('CORE_CANONICAL_JSON_CYCLE', `the value refers back to ${target}`);
    }
    if (this.ancestors.length >= this.maxDepth) {
      return this.refuse(
        'CORE_CANONICAL_JSON_TOO_DEEP',
        `arrays and objects nest deeper than the limit of ${this.maxDepth}`,
      );
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) return this.unsupported(`an array of class ${nameOf(v)}`);
    } else if (proto !== Object.prototype && proto !== null) {
      return this.unsupported(
        `an object of class ${nameOf(v)} (its prototype is neither Object.prototype nor null)`,
      );
    }
    this.ancestors.push(v);
    const error = Array.isArray(v) ? this.visitArray(v) : this.visitObject(v);
    this.ancestors.pop();
    return error;
  }

  private visitArray(v: ReadonlyArray<unknown>): CanonicalJsonError | undefined {
    for (let i = 0; i < v.length; i++) {
      this.path.push(i);
      const error = i in v ? this.visit(v[i]) : this.unsupported('a hole in a sparse array');
      if (error !== undefined) return error;
      this.path.pop();
    }
    return undefined;
  }

  private visitObject(v: object): CanonicalJsonError | undefined {
    for (const key of Object.keys(v).sort()) {
      this.path.push(key);
      const at = loneSurrogateAt(key);
      const error =
        at >= 0
          ? this.unsupported(describeLoneSurrogate('a member name', key, at))
          : this.visit((v as Record<string, unknown>)[key]);
      if (error !== undefined) return error;
      this.path.pop();
    }
    return undefined;
  }
}

/** Index of the first unpaired surrogate code unit, or -1. */
const loneSurrogateAt = (s: string): number => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
};

const describeLoneSurrogate = (what: string, s: string, at: number): string =>
  `${what} with a lone surrogate (U+${s.charCodeAt(at).toString(16).toUpperCase()} at index ${at})`;

const nameOf = (v: object): string => {
  const ctor = (v as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name !== ''
    ? ctor.name
    : Object.prototype.toString.call(v).slice(8, -1);
};
