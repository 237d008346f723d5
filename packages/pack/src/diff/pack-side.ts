/**
 * One side of a pack diff: the machine files of a pack reduced to what the diff compares
 * (docs/spec/pack-diff-v1.md section 3).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { digestBytes, makeError, type JsonValue, type WarrantError } from '@warrant/core';
import { documentFormat, parseDocuments } from '../redact/document';
import { list, member, text } from '../report/summary-source';

// --- model -----------------------------------------------------------------

/** A finding as the diff lists it. */
export interface DiffFinding {
  readonly key: string;
  readonly vulnerability: string;
  readonly component: string;
  readonly severity: string;
  /** Verdict status (`open`, `excepted`, `not_affected`, `fixed`), or `unknown` without verdict. */
  readonly status: string;
}

/** A finding whose status changed. */
export interface DiffFindingChange extends DiffFinding {
  readonly old_status: string;
}

/** An exception (its highest version in the pack) as the diff lists it. */
export interface DiffException {
  readonly exception_id: string;
  readonly version: number;
  readonly status: string;
  readonly owner: string;
  readonly expires_at: string;
}

/** A pack's content as the diff reads it. */
export interface PackContents {
  /** The manifest's `pack_id`, when known. */
  readonly packId?: string;
  readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: Uint8Array }>;
}

/** Why a diff could not be made. */
export type DiffError = WarrantError<'PACK_DIFF_INPUT_INVALID'>;

/** A pack reduced for comparison. */
export interface PackSide {
  readonly packId: string | null;
  readonly outcome: string | null;
  readonly findings: ReadonlyMap<string, DiffFinding>;
  readonly exceptions: ReadonlyMap<string, DiffException>;
  /** Policy file path to its digest. */
  readonly policy: ReadonlyMap<string, string>;
}

// --- operations ------------------------------------------------------------

/**
 * Reads one side.
 * @param side - `old` or `new`, for error paths
 * @param pack - the pack's files
 * @returns the side, or `PACK_DIFF_INPUT_INVALID` at `<side>:<file path>`
 * @see docs/spec/pack-diff-v1.md section 3
 * @example
 * readPackSide('old', { files }) // right({ outcome: 'pass', findings: Map(…), … })
 */
export const readPackSide = (
  side: 'old' | 'new',
  pack: PackContents,
): E.Either<DiffError, PackSide> => {
  const byPath = new Map(pack.files.map((f) => [f.path, f.bytes]));
  const docs = (path: string): E.Either<DiffError, JsonValue[]> => {
    const bytes = byPath.get(path);
    const format = documentFormat(path);
    if (bytes === undefined || format === undefined) return E.right([]);
    const r = parseDocuments(format, bytes);
    return E.isLeft(r)
      ? E.left(
          makeError(
            'PACK_DIFF_INPUT_INVALID',
            `not ${format === 'json' ? 'JSON' : 'JSON Lines'}: ${r.left.error.code} ${r.left.error.message}`,
            `${side}:${path}`,
          ) as DiffError,
        )
      : E.right(r.right);
  };
  const verdictDocs = docs('verdict/verdict.json');
  if (E.isLeft(verdictDocs)) return verdictDocs;
  const findingDocs = docs('findings/findings.jsonl');
  if (E.isLeft(findingDocs)) return findingDocs;
  const exceptionDocs = docs('exceptions/exceptions.jsonl');
  if (E.isLeft(exceptionDocs)) return exceptionDocs;
  const verdict = verdictDocs.right[0];

  const status = new Map<string, string>();
  for (const d of list(verdict, 'findings'))
    status.set(text(member(d, 'key')), text(member(d, 'status')));
  const findings = new Map<string, DiffFinding>();
  for (const f of findingDocs.right) {
    const key = text(member(f, 'key'));
    const c = member(f, 'component');
    const version = text(member(c, 'version'));
    findings.set(key, {
      key,
      vulnerability: text(member(member(f, 'vulnerability'), 'id')),
      component: `${text(member(c, 'name'))}${version === '' ? '' : `@${version}`}`,
      severity: text(member(member(f, 'severity'), 'level')),
      status: status.get(key) ?? 'unknown',
    });
  }
  const exceptions = new Map<string, DiffException>();
  for (const x of exceptionDocs.right) {
    const id = text(member(x, 'exception_id'));
    const version = member(x, 'version');
    const v = typeof version === 'number' ? version : 0;
    const prev = exceptions.get(id);
    if (prev !== undefined && prev.version >= v) continue;
    exceptions.set(id, {
      exception_id: id,
      version: v,
      status: text(member(x, 'status')),
      owner: text(member(x, 'owner')),
      expires_at: text(member(x, 'expires_at')),
    });
  }
  const policy = new Map<string, string>();
  for (const [path, bytes] of byPath) {
    if (path.startsWith('policy/')) policy.set(path, digestBytes(bytes));
  }
  const outcome = member(verdict, 'outcome');
  return E.right({
    packId: pack.packId ?? null,
    outcome: typeof outcome === 'string' ? outcome : null,
    findings,
    exceptions,
    policy,
  });
};
