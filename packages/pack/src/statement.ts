/**
 * The verdict as an in-toto Statement v1: its subjects are the pack's artifact digests, its
 * predicate binds the verdict file's SHA-256 to the pack id and Merkle root. It travels in its
 * own DSSE envelope (payload type `application/vnd.in-toto+json`), outside the manifest.
 * @see https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md
 * @see docs/spec/pack-v1.md section 8.2 (verdict statement)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { bytesEqual, canonicalizeToBytes, parseJsonStrict } from '@warrant/core';
import { packError, type PackError } from './errors';
import { PACK_PATHS } from './layout';
import type { PackFileEntry, PackManifest } from './manifest';

// --- model -----------------------------------------------------------------

/** `_type` of an in-toto Statement v1. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1' as const;
/** DSSE payload type of in-toto statements. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json' as const;
/** `predicateType` of the verdict statement. */
export const VERDICT_PREDICATE_TYPE = 'https://warrant.dev/attestation/pack-verdict/v1' as const;

/** The statement's predicate. */
export interface VerdictPredicate {
  readonly pack_id: string;
  readonly merkle_root: string;
  readonly kind: PackManifest['kind'];
  readonly generated_at: string;
  /** `verdict/verdict.json`, or `verdict/verdicts.jsonl` for a period pack. */
  readonly verdict_path: string;
  /** SHA-256 (hex) of that file, as listed. */
  readonly verdict_sha256: string;
}

/** An in-toto Statement v1 about a pack's verdict. */
export interface VerdictStatement {
  readonly _type: typeof IN_TOTO_STATEMENT_TYPE;
  readonly subject: ReadonlyArray<{
    readonly name: string;
    readonly digest: { readonly sha256: string };
  }>;
  readonly predicateType: typeof VERDICT_PREDICATE_TYPE;
  readonly predicate: VerdictPredicate;
}

// --- operations ------------------------------------------------------------

/**
 * The verdict file entry of a manifest.
 * @param manifest - a manifest
 * @returns the entry of `verdict/verdict.json` or `verdict/verdicts.jsonl`, or undefined
 * @example
 * verdictEntry(manifest)?.path // 'verdict/verdict.json'
 */
export const verdictEntry = (manifest: PackManifest): PackFileEntry | undefined => {
  const path = manifest.kind === 'period' ? PACK_PATHS.verdicts : PACK_PATHS.verdict;
  return manifest.files.find((f) => f.path === path);
};

/**
 * Builds the statement for a manifest. Subjects are the artifacts (name = artifact name, or its
 * digest when it has none); a pack without artifacts names the verdict file as its only subject.
 * @param manifest - the completed manifest
 * @returns the statement, or `PACK_LAYOUT_INCOMPLETE` when the manifest lists no verdict
 * @see docs/spec/pack-v1.md section 8.2
 * @example
 * makeVerdictStatement(manifest) // right({ _type: 'https://in-toto.io/Statement/v1', subject: [...], … })
 */
export const makeVerdictStatement = (
  manifest: PackManifest,
): E.Either<PackError, VerdictStatement> => {
  const entry = verdictEntry(manifest);
  if (entry === undefined) {
    return E.left(packError('PACK_LAYOUT_INCOMPLETE', 'the manifest lists no verdict', '$.files'));
  }
  const subject =
    manifest.subject.artifacts.length > 0
      ? manifest.subject.artifacts.map((a) => ({
          name: a.name ?? a.digest,
          digest: { sha256: a.digest.slice('sha256:'.length) },
        }))
      : [{ name: entry.path, digest: { sha256: entry.sha256 } }];
  return E.right({
    _type: IN_TOTO_STATEMENT_TYPE,
    subject,
    predicateType: VERDICT_PREDICATE_TYPE,
    predicate: {
      pack_id: manifest.pack_id,
      merkle_root: manifest.merkle.root,
      kind: manifest.kind,
      generated_at: manifest.generated_at,
      verdict_path: entry.path,
      verdict_sha256: entry.sha256,
    },
  });
};

/**
 * The canonical bytes of a statement (the DSSE payload).
 * @param statement - the statement
 * @returns RFC 8785 UTF-8 bytes
 * @example
 * statementBytes(statement) // Uint8Array [123, 34, 95, …]
 */
export const statementBytes = (statement: VerdictStatement): Uint8Array => {
  const bytes = canonicalizeToBytes(statement);
  if (E.isLeft(bytes)) throw new TypeError(bytes.left.message);
  return bytes.right;
};

/**
 * Checks an authenticated statement payload against a verified manifest: it must be exactly the
 * statement {@link makeVerdictStatement} derives (canonical bytes, equal).
 * @param payload - the verified DSSE payload
 * @param manifest - the verified manifest
 * @returns right, or `PACK_STATEMENT_INVALID` (not JSON / not a statement) or
 *   `PACK_STATEMENT_MISMATCH` (about something else)
 * @see docs/spec/pack-v1.md section 8.2
 * @example
 * checkVerdictStatement(verified.payload, manifest) // right(undefined)
 */
export const checkVerdictStatement = (
  payload: Uint8Array,
  manifest: PackManifest,
): E.Either<PackError, VerdictStatement> => {
  const parsed = parseJsonStrict(payload);
  const value = E.isRight(parsed) ? (parsed.right as Partial<VerdictStatement> | null) : null;
  if (value === null || typeof value !== 'object' || value._type !== IN_TOTO_STATEMENT_TYPE) {
    return E.left(
      packError(
        'PACK_STATEMENT_INVALID',
        'the payload is not an in-toto Statement v1',
        PACK_PATHS.verdictStatement,
      ),
    );
  }
  const expected = makeVerdictStatement(manifest);
  if (E.isLeft(expected)) return expected;
  if (!bytesEqual(statementBytes(expected.right), payload)) {
    return E.left(
      packError(
        'PACK_STATEMENT_MISMATCH',
        'the statement is not the one this manifest implies (subjects, verdict digest, pack id or root differ)',
        PACK_PATHS.verdictStatement,
      ),
    );
  }
  return E.right(expected.right);
};
