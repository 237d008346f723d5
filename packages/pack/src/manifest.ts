/**
 * The pack manifest (`manifest.json`, schema `warrant.pack/v1`): what the pack is about, every
 * listed file with its size, SHA-256 and media type, and the RFC 9162 Merkle root over the file
 * entries. The manifest is stored as its RFC 8785 canonical bytes and nothing else, and its
 * `pack_id` is the digest of the manifest without `pack_id`, so the id is derived, never random.
 * @see docs/spec/pack-v1.md section 4 (manifest)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  bytesEqual,
  canonicalizeToBytes,
  closedObject,
  decodeWith,
  digestBytes,
  digestFromRaw,
  hashLeaf,
  MediaType,
  merkleRoot,
  Name,
  parseJsonStrict,
  Sha256Digest,
  Timestamp,
  toEpochMillis,
  type JsonValue,
} from '@warrant/core';
import { compareArchivePaths, validateArchivePath } from './archive/path';
import { packError, type PackError } from './errors';
import { PACK_KINDS, UNLISTED_PATHS, type PackKind } from './layout';

// --- model -----------------------------------------------------------------

/** The manifest `schema` of this format version. */
export const PACK_SCHEMA = 'warrant.pack/v1' as const;
/** The `merkle.algorithm` value: RFC 9162 Merkle Tree Hash with SHA-256. */
export const PACK_MERKLE_ALGORITHM = 'rfc9162-sha256' as const;
/** The `merkle.leaf` value: each leaf is the RFC 8785 canonical JSON of one file entry. */
export const PACK_MERKLE_LEAF = 'rfc8785-file-entry' as const;

const Hex64 = t.refinement(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'Sha256Hex');
const Size = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'Size');
const PathText = t.refinement(t.string, (s) => E.isRight(validateArchivePath(s)), 'ArchivePath');
const Kind = t.keyof({ artifact: null, release: null, environment: null, period: null }, 'Kind');

/** One listed file (section 4.3). */
export const PackFileEntry = closedObject(
  'PackFileEntry',
  { path: PathText, size: Size, sha256: Hex64, media_type: MediaType },
  {},
);
/** One listed file. */
export type PackFileEntry = t.TypeOf<typeof PackFileEntry>;

/** An artifact the pack is about: its digest and an optional display name. */
export const PackArtifact = closedObject('PackArtifact', { digest: Sha256Digest }, { name: Name });
/** An artifact the pack is about. */
export type PackArtifact = t.TypeOf<typeof PackArtifact>;

/** What the pack covers (section 4.2). */
export const PackSubject = closedObject(
  'PackSubject',
  { artifacts: t.array(PackArtifact) },
  {
    release: Name,
    environment: Name,
    period: closedObject('PackPeriod', { from: Timestamp, to: Timestamp }, {}),
  },
);
/** What the pack covers. */
export type PackSubject = t.TypeOf<typeof PackSubject>;

/** A previous pack this one is compared with (the `diff/` folder). */
export const PackPrevious = closedObject(
  'PackPrevious',
  { pack_id: Sha256Digest, merkle_root: Sha256Digest },
  {},
);
/** A previous pack this one is compared with. */
export type PackPrevious = t.TypeOf<typeof PackPrevious>;

/** The manifest (section 4). */
export const PackManifest = closedObject(
  'PackManifest',
  {
    schema: t.literal(PACK_SCHEMA),
    pack_id: Sha256Digest,
    kind: Kind,
    generated_at: Timestamp,
    generator: closedObject('PackGenerator', { name: Name, version: Name }, {}),
    subject: PackSubject,
    profile: Name,
    files: t.array(PackFileEntry),
    merkle: closedObject(
      'PackMerkle',
      {
        algorithm: t.literal(PACK_MERKLE_ALGORITHM),
        leaf: t.literal(PACK_MERKLE_LEAF),
        size: Size,
        root: Sha256Digest,
      },
      {},
    ),
  },
  // v1.1: the digest of the redaction profile a redacted pack was built with (section 4.2).
  { previous: PackPrevious, profile_digest: Sha256Digest },
);
/** The manifest. */
export type PackManifest = t.TypeOf<typeof PackManifest>;

/** A manifest before its id and root are derived. */
export type ManifestDraft = Omit<PackManifest, 'pack_id' | 'merkle'>;

// --- operations ------------------------------------------------------------

/**
 * The Merkle leaf bytes of a file entry: its RFC 8785 canonical JSON (UTF-8).
 * @param entry - a file entry
 * @returns `{"media_type":…,"path":…,"sha256":…,"size":…}` as bytes
 * @see docs/spec/pack-v1.md section 4.4 (Merkle root)
 * @example
 * utf8Decode(fileLeaf({ path: 'a', size: 0, sha256: 'e3b0…', media_type: 'text/plain' }))
 * // '{"media_type":"text/plain","path":"a","sha256":"e3b0…","size":0}'
 */
export const fileLeaf = (entry: PackFileEntry): Uint8Array => {
  const bytes = canonicalizeToBytes({
    path: entry.path,
    size: entry.size,
    sha256: entry.sha256,
    media_type: entry.media_type,
  });
  if (E.isLeft(bytes)) throw new TypeError(`not a file entry: ${bytes.left.message}`);
  return bytes.right;
};

/**
 * The Merkle root over file entries in manifest order (RFC 9162 section 2.1.1).
 * @param files - the entries, sorted by path
 * @returns `sha256:<hex>` of MTH(leaves); SHA-256 of nothing for no files
 * @see docs/spec/pack-v1.md section 4.4
 * @example
 * packMerkleRoot([]) // 'sha256:e3b0c442…b855'
 */
export const packMerkleRoot = (files: ReadonlyArray<PackFileEntry>): Sha256Digest =>
  digestFromRaw(merkleRoot(files.map((f) => hashLeaf(fileLeaf(f)))));

/**
 * Completes a draft: sorts the files, derives `merkle` and `pack_id`, and returns the manifest
 * with its canonical bytes (what `manifest.json` holds).
 * @param draft - everything but `pack_id` and `merkle`
 * @returns the manifest and its bytes, or `PACK_INPUT_INVALID` if the draft breaks a rule
 * @see docs/spec/pack-v1.md section 4.5 (pack id)
 * @example
 * const { manifest, bytes } = completeManifest(draft).right; // manifest.pack_id = 'sha256:…'
 */
export const completeManifest = (
  draft: ManifestDraft,
): E.Either<PackError, { readonly manifest: PackManifest; readonly bytes: Uint8Array }> => {
  const files = [...draft.files].sort((a, b) => compareArchivePaths(a.path, b.path));
  const merkle = {
    algorithm: PACK_MERKLE_ALGORITHM,
    leaf: PACK_MERKLE_LEAF,
    size: files.length,
    root: packMerkleRoot(files),
  };
  const withoutId = { ...draft, files, merkle };
  const idBytes = canonicalizeToBytes(withoutId);
  if (E.isLeft(idBytes)) return E.left(packError('PACK_INPUT_INVALID', idBytes.left.message, '$'));
  const manifest = { ...withoutId, pack_id: digestBytes(idBytes.right) } as PackManifest;
  const decoded = decodeWith(PackManifest, manifest, 'PACK_INPUT_INVALID', 'manifest');
  if (E.isLeft(decoded)) {
    return E.left(packError('PACK_INPUT_INVALID', decoded.left.message, decoded.left.path));
  }
  const checked = checkManifest(manifest, 'PACK_INPUT_INVALID');
  if (E.isLeft(checked)) return checked;
  const bytes = canonicalizeToBytes(manifest);
  return E.isLeft(bytes)
    ? E.left(packError('PACK_INPUT_INVALID', bytes.left.message, '$'))
    : E.right({ manifest, bytes: bytes.right });
};

/**
 * Reads untrusted `manifest.json` bytes: strict JSON, canonical bytes, schema, members, the
 * ordering and subject rules, `merkle` and `pack_id` (section 9, steps 2-4).
 * @param bytes - the file content
 * @returns the manifest, or the first failed rule: `PACK_MANIFEST_MALFORMED`,
 *   `PACK_MANIFEST_NOT_CANONICAL`, `PACK_SCHEMA_UNSUPPORTED`, `PACK_MANIFEST_INVALID`,
 *   `PACK_MERKLE_ROOT_MISMATCH`, `PACK_ID_MISMATCH`
 * @see docs/spec/pack-v1.md section 9
 * @example
 * readManifest(utf8Encode('{"schema":"warrant.pack/v2"}')) // left({ code: 'PACK_SCHEMA_UNSUPPORTED', … })
 */
export const readManifest = (bytes: Uint8Array): E.Either<PackError, PackManifest> => {
  const parsed = parseJsonStrict(bytes);
  if (E.isLeft(parsed)) {
    return E.left(
      packError('PACK_MANIFEST_MALFORMED', parsed.left.message, parsed.left.path, parsed.left),
    );
  }
  const canonical = canonicalizeToBytes(parsed.right);
  if (E.isLeft(canonical) || !bytesEqual(canonical.right, bytes)) {
    return E.left(
      packError(
        'PACK_MANIFEST_NOT_CANONICAL',
        'manifest.json must be exactly the RFC 8785 canonical form of its JSON value',
        'manifest.json',
      ),
    );
  }
  const value = parsed.right as JsonValue;
  const schema = isObject(value) ? value['schema'] : undefined;
  if (schema !== PACK_SCHEMA) {
    return E.left(
      packError(
        'PACK_SCHEMA_UNSUPPORTED',
        `expected schema ${JSON.stringify(PACK_SCHEMA)}, found ${JSON.stringify(schema ?? null)}`,
        '$.schema',
      ),
    );
  }
  const decoded = decodeWith(PackManifest, value, 'PACK_MANIFEST_INVALID', 'manifest');
  if (E.isLeft(decoded)) {
    return E.left(packError('PACK_MANIFEST_INVALID', decoded.left.message, decoded.left.path));
  }
  const manifest = decoded.right;
  const checked = checkManifest(manifest, 'PACK_MANIFEST_INVALID');
  if (E.isLeft(checked)) return checked;
  const root = packMerkleRoot(manifest.files);
  if (manifest.merkle.size !== manifest.files.length || manifest.merkle.root !== root) {
    return E.left(
      packError(
        'PACK_MERKLE_ROOT_MISMATCH',
        `the file entries give size ${manifest.files.length} and root ${root}; the manifest says ${manifest.merkle.size} and ${manifest.merkle.root}`,
        '$.merkle',
      ),
    );
  }
  const id = packIdOf(manifest);
  if (id !== manifest.pack_id) {
    return E.left(
      packError(
        'PACK_ID_MISMATCH',
        `pack_id should be ${id}, found ${manifest.pack_id}`,
        '$.pack_id',
      ),
    );
  }
  return E.right(manifest);
};

/**
 * The pack id a manifest must carry: `sha256:` + hex SHA-256 of the canonical JSON of the
 * manifest with the `pack_id` member removed.
 * @param manifest - a decoded manifest
 * @returns the derived id
 * @see docs/spec/pack-v1.md section 4.5
 * @example
 * packIdOf(manifest) === manifest.pack_id // true for every verified pack
 */
export const packIdOf = (manifest: PackManifest): Sha256Digest => {
  const { pack_id: _ignored, ...rest } = manifest;
  const bytes = canonicalizeToBytes(rest);
  // A decoded manifest holds only strings, safe integers, arrays and objects.
  if (E.isLeft(bytes)) throw new TypeError(bytes.left.message);
  return digestBytes(bytes.right);
};

// --- internal --------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Rules the codec cannot state: file order and uniqueness, reserved paths, subject per kind.
const checkManifest = (
  m: PackManifest,
  code: 'PACK_MANIFEST_INVALID' | 'PACK_INPUT_INVALID',
): E.Either<PackError, void> => {
  const fail = (message: string, path: string): E.Either<PackError, never> =>
    E.left(packError(code, message, path));
  for (let i = 0; i < m.files.length; i++) {
    const f = m.files[i] as PackFileEntry;
    if (UNLISTED_PATHS.has(f.path)) return fail(`${f.path} is never listed`, `$.files[${i}].path`);
    const prev = m.files[i - 1];
    if (prev !== undefined && compareArchivePaths(prev.path, f.path) >= 0) {
      return fail('files must be sorted by path (UTF-8 bytes) without duplicates', `$.files[${i}]`);
    }
  }
  for (let i = 1; i < m.subject.artifacts.length; i++) {
    const a = m.subject.artifacts[i - 1] as PackArtifact;
    const b = m.subject.artifacts[i] as PackArtifact;
    if (a.digest >= b.digest) {
      return fail(
        'artifacts must be sorted by digest without duplicates',
        `$.subject.artifacts[${i}]`,
      );
    }
  }
  return subjectProblem(m.kind, m.subject, fail);
};

const subjectProblem = (
  kind: PackKind,
  s: PackSubject,
  fail: (message: string, path: string) => E.Either<PackError, never>,
): E.Either<PackError, void> => {
  if (!PACK_KINDS.includes(kind)) return fail('unknown kind', '$.kind');
  const n = s.artifacts.length;
  if (kind === 'artifact' && n !== 1) {
    return fail(`an artifact pack has exactly one artifact, found ${n}`, '$.subject.artifacts');
  }
  if (kind === 'release' && (n === 0 || s.release === undefined)) {
    return fail('a release pack names the release and at least one artifact', '$.subject');
  }
  if (kind === 'environment' && s.environment === undefined) {
    return fail('an environment pack names the environment', '$.subject.environment');
  }
  if (kind === 'period') {
    if (s.period === undefined) return fail('a period pack gives its period', '$.subject.period');
    if (toEpochMillis(s.period.from) > toEpochMillis(s.period.to)) {
      return fail('period.from must not be after period.to', '$.subject.period');
    }
  }
  return E.right(undefined);
};
