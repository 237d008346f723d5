/**
 * Inclusion proofs: that one file (the verdict, say) belongs to a signed pack, checked with the
 * file, the proof and the signed manifest only, without the rest of the pack (RFC 9162 section
 * 2.1.3 over the manifest's file entries).
 * @see docs/spec/pack-v1.md section 10 (inclusion proofs)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  buildMerkleTree,
  canonicalizeToBytes,
  closedObject,
  decodeWith,
  digestToRaw,
  fromHex,
  hashLeaf,
  parseJsonStrict,
  sha256,
  Sha256Digest,
  toHex,
  verifyInclusion,
} from '@warrant/core';
import { packError, type PackError } from './errors';
import { fileLeaf, PackFileEntry, readManifest, type PackManifest } from './manifest';
import { verifyManifestSignatureValue, type PackTrust, type VerifiedSignature } from './sign';

// --- model -----------------------------------------------------------------

/** The `schema` of a proof document. */
export const PACK_PROOF_SCHEMA = 'warrant.pack-proof/v1' as const;

const Hash = t.refinement(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'Hash');
const Count = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'Count');

/** An inclusion proof for one file of a pack (section 10). */
export const PackFileProof = closedObject(
  'PackFileProof',
  {
    schema: t.literal(PACK_PROOF_SCHEMA),
    pack_id: Sha256Digest,
    merkle_root: Sha256Digest,
    tree_size: Count,
    leaf_index: Count,
    entry: PackFileEntry,
    audit_path: t.array(Hash),
  },
  {},
);
/** An inclusion proof for one file of a pack. */
export type PackFileProof = t.TypeOf<typeof PackFileProof>;

/** What a checked proof established. */
export interface VerifiedFileProof {
  readonly packId: string;
  readonly merkleRoot: string;
  readonly entry: PackFileEntry;
  /** The keys that signed the manifest (absent when a plain manifest was checked without keys). */
  readonly signature?: VerifiedSignature;
}

// --- operations ------------------------------------------------------------

/**
 * Makes the inclusion proof of one listed file.
 * @param manifest - a verified manifest
 * @param path - the file's path
 * @returns the proof, or `PACK_PROOF_PATH_NOT_FOUND`
 * @see docs/spec/pack-v1.md section 10
 * @example
 * proveFile(manifest, 'verdict/verdict.json') // right({ schema: 'warrant.pack-proof/v1', leaf_index: 13, … })
 */
export const proveFile = (
  manifest: PackManifest,
  path: string,
): E.Either<PackError, PackFileProof> => {
  const index = manifest.files.findIndex((f) => f.path === path);
  if (index < 0) {
    return E.left(
      packError('PACK_PROOF_PATH_NOT_FOUND', 'the manifest does not list this path', path),
    );
  }
  const tree = buildMerkleTree(manifest.files.map((f) => hashLeaf(fileLeaf(f))));
  const audit = tree.inclusionProof(index);
  // index is in range by construction
  const proof = E.isRight(audit) ? audit.right : [];
  return E.right({
    schema: PACK_PROOF_SCHEMA,
    pack_id: manifest.pack_id,
    merkle_root: manifest.merkle.root,
    tree_size: manifest.files.length,
    leaf_index: index,
    entry: manifest.files[index] as PackFileEntry,
    audit_path: proof.map(toHex),
  });
};

/**
 * The canonical bytes of a proof (what `warrant pack prove` writes).
 * @param proof - the proof
 * @returns RFC 8785 UTF-8 bytes
 * @example
 * proofBytes(proof) // Uint8Array […]
 */
export const proofBytes = (proof: PackFileProof): Uint8Array => {
  const bytes = canonicalizeToBytes(proof);
  if (E.isLeft(bytes)) throw new TypeError(bytes.left.message);
  return bytes.right;
};

/**
 * Checks a file against a proof and a signed manifest (section 10, steps 1-5).
 * @param file - the file's bytes
 * @param proof - the proof document's bytes
 * @param manifest - the bytes of `signatures/manifest.dsse.json` (with `trust`), or of
 *   `manifest.json` (without `trust`: integrity only)
 * @param trust - trusted keys; when given, `manifest` must be a verifying envelope
 * @returns what was proven, or `PACK_PROOF_INVALID`, `PACK_SIGNATURE_INVALID`, a manifest code,
 *   `PACK_PROOF_ROOT_MISMATCH` or `PACK_PROOF_FILE_MISMATCH`
 * @throws RangeError for a misconfigured trust threshold or verifier set
 * @see docs/spec/pack-v1.md section 10
 * @example
 * await verifyFileProof(verdictBytes, proofBytes, envelopeBytes, { verifiers: [key.verifier] })
 * // right({ packId, merkleRoot, entry: { path: 'verdict/verdict.json', … }, signature: { keyids } })
 */
export const verifyFileProof = async (
  file: Uint8Array,
  proof: Uint8Array,
  manifest: Uint8Array,
  trust?: PackTrust,
): Promise<E.Either<PackError, VerifiedFileProof>> => {
  const parsed = parseJsonStrict(proof);
  if (E.isLeft(parsed))
    return E.left(
      packError('PACK_PROOF_INVALID', parsed.left.message, parsed.left.path, parsed.left),
    );
  const decoded = decodeWith(PackFileProof, parsed.right, 'PACK_PROOF_INVALID', 'proof');
  if (E.isLeft(decoded))
    return E.left(packError('PACK_PROOF_INVALID', decoded.left.message, decoded.left.path));
  const p = decoded.right;
  let manifestBytes = manifest;
  let signature: VerifiedSignature | undefined;
  if (trust !== undefined) {
    const env = parseJsonStrict(manifest);
    if (E.isLeft(env))
      return E.left(packError('PACK_SIGNATURE_INVALID', env.left.message, env.left.path, env.left));
    const verified = await verifyManifestSignatureValue(env.right, trust);
    if (E.isLeft(verified)) return verified;
    manifestBytes = verified.right.payload;
    signature = verified.right.signature;
  }
  const m = readManifest(manifestBytes);
  if (E.isLeft(m)) return m;
  const mismatch = (
    message: string,
    cause?: { code: string; message: string },
  ): E.Either<PackError, never> =>
    E.left(packError('PACK_PROOF_ROOT_MISMATCH', message, p.entry.path, cause));
  if (
    p.pack_id !== m.right.pack_id ||
    p.merkle_root !== m.right.merkle.root ||
    p.tree_size !== m.right.merkle.size
  ) {
    return mismatch('the proof is about another pack (pack_id, merkle_root or tree_size differ)');
  }
  if (file.length !== p.entry.size || toHex(sha256(file)) !== p.entry.sha256) {
    return E.left(
      packError(
        'PACK_PROOF_FILE_MISMATCH',
        'the file is not the proven entry (size or SHA-256 differ)',
        p.entry.path,
      ),
    );
  }
  const included = verifyInclusion({
    leafHash: hashLeaf(fileLeaf(p.entry)),
    index: p.leaf_index,
    treeSize: p.tree_size,
    proof: p.audit_path.map((h) => fromHex(h) ?? new Uint8Array(0)),
    root: digestToRaw(m.right.merkle.root),
  });
  if (E.isLeft(included)) return mismatch(included.left.message, included.left);
  return E.right({
    packId: m.right.pack_id,
    merkleRoot: m.right.merkle.root,
    entry: p.entry,
    ...(signature === undefined ? {} : { signature }),
  });
};
