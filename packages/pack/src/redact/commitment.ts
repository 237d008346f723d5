/**
 * Salted commitments (docs/spec/redaction-v1.md section 10): a redacted pack may carry
 * `redaction/commitments.json`, binding it to the full pack it was derived from and to every value
 * it removed, without revealing either. The holder of the full pack and the commitment key can
 * later open one commitment (one value) or the source commitment (the whole full pack).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  concatBytes,
  digestBytes,
  digestCanonical,
  fromHex,
  parseJsonStrict,
  toHex,
  utf8Encode,
  type JsonValue,
  type PathSegment,
  type Sha256Digest,
} from '@warrant/core';
import { compareArchivePaths } from '../archive/path';
import { redactionError, type RedactionRunError } from './errors';
import { hmacSha256 } from './replacement';

// --- model -----------------------------------------------------------------

/** Path of the commitments file inside a redacted pack. */
export const COMMITMENTS_PATH = 'redaction/commitments.json';
/** Schema identifier of the commitments file. */
export const COMMITMENTS_SCHEMA = 'warrant.redaction-commitments/v1';
/** Domain tags (each followed by one 0x00 byte where hashed). */
export const COMMITMENT_DOMAIN = 'warrant.redaction-commitment/v1';
export const SALT_DOMAIN = 'warrant.redaction-salt/v1';
export const SOURCE_DOMAIN = 'warrant.redaction-source/v1';

/** What one node commitment binds: the file, the location (`null` for a whole file), the value. */
export interface CommittedNode {
  readonly file: string;
  readonly path: ReadonlyArray<PathSegment> | null;
  /** The original value; for a whole dropped file, the `sha256:` digest of its bytes. */
  readonly value: JsonValue;
}

/** An opening: a committed node and its salt (lowercase hex, 32 bytes). */
export interface NodeOpening extends CommittedNode {
  readonly salt: string;
}

/** The commitments file, decoded. */
export interface CommitmentsFile {
  readonly schema: typeof COMMITMENTS_SCHEMA;
  readonly source: Sha256Digest;
  readonly nodes: ReadonlyArray<Sha256Digest>;
}

/** A file of the full pack, as given to redaction. */
export interface SourceFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

// --- operations ------------------------------------------------------------

/**
 * The salt of one node: HMAC-SHA256(commitment key, UTF-8(`warrant.redaction-salt/v1`) || 0x00 ||
 * UTF-8(canonical JSON of `{file, path}`)).
 * @param key - the commitment key (32 bytes)
 * @param file - the pack file path
 * @param path - the node's location, `null` for a whole file
 * @returns 32 bytes
 * @see docs/spec/redaction-v1.md section 10.1
 * @example
 * toHex(nodeSalt(key, 'exceptions/a.json', ['owner'])) // 64 hex digits
 */
export const nodeSalt = (
  key: Uint8Array,
  file: string,
  path: ReadonlyArray<PathSegment> | null,
): Uint8Array => hmacSha256(key, tagged(SALT_DOMAIN, canonicalText({ file, path })));

/**
 * The commitment to one node: SHA-256(UTF-8(`warrant.redaction-commitment/v1`) || 0x00 || salt ||
 * UTF-8(canonical JSON of `{file, path, value}`)).
 * @param salt - 32 bytes from {@link nodeSalt}
 * @param node - what is committed
 * @returns `sha256:<hex>`
 * @see docs/spec/redaction-v1.md section 10.1
 * @example
 * commitNode(salt, { file: 'a.json', path: ['owner'], value: 'alice' }) // 'sha256:…'
 */
export const commitNode = (salt: Uint8Array, node: CommittedNode): Sha256Digest =>
  digestBytes(
    concatBytes(
      tagged(COMMITMENT_DOMAIN, new Uint8Array()),
      salt,
      canonicalText({ file: node.file, path: node.path, value: node.value }),
    ),
  );

/**
 * The digest of a file set: SHA-256 of the canonical JSON `{"files":[{"digest","path"}…]}` with
 * files in UTF-8 byte order of their paths.
 * @param files - the full pack's files as given to redaction
 * @returns `sha256:<hex>`
 * @see docs/spec/redaction-v1.md section 10.2
 * @example
 * sourceDigest([{ path: 'a.json', bytes }]) // 'sha256:…'
 */
export const sourceDigest = (files: ReadonlyArray<SourceFile>): Sha256Digest => {
  const listed = [...files]
    .sort((a, b) => compareArchivePaths(a.path, b.path))
    .map((f) => ({ digest: digestBytes(f.bytes), path: f.path }));
  const d = digestCanonical({ files: listed });
  if (E.isLeft(d)) throw new TypeError(`sourceDigest: ${d.left.message}`);
  return d.right;
};

/**
 * The source salt: HMAC-SHA256(commitment key, UTF-8(`warrant.redaction-source/v1`)).
 * @param key - the commitment key
 * @returns 32 bytes
 * @see docs/spec/redaction-v1.md section 10.2
 * @example
 * toHex(sourceSalt(key)) // reveal this, with the full pack, to prove the derivation
 */
export const sourceSalt = (key: Uint8Array): Uint8Array =>
  hmacSha256(key, utf8Encode(SOURCE_DOMAIN));

/**
 * The source commitment: SHA-256(UTF-8(`warrant.redaction-source/v1`) || 0x00 || salt ||
 * UTF-8(source digest text)).
 * @param salt - the source salt
 * @param digest - {@link sourceDigest} of the full pack's files
 * @returns `sha256:<hex>`
 * @see docs/spec/redaction-v1.md section 10.2
 * @example
 * commitSource(sourceSalt(key), sourceDigest(files)) // equals commitments.source
 */
export const commitSource = (salt: Uint8Array, digest: Sha256Digest): Sha256Digest =>
  digestBytes(concatBytes(tagged(SOURCE_DOMAIN, new Uint8Array()), salt, utf8Encode(digest)));

/**
 * Decodes a commitments file strictly.
 * @param bytes - the content of `redaction/commitments.json`
 * @returns the file, or `PACK_REDACTION_COMMITMENT_INVALID`
 * @example
 * readCommitments(bytes) // right({ schema, source, nodes })
 */
export const readCommitments = (
  bytes: Uint8Array,
): E.Either<RedactionRunError, CommitmentsFile> => {
  const bad = (m: string) =>
    E.left(redactionError('PACK_REDACTION_COMMITMENT_INVALID', m, COMMITMENTS_PATH));
  const r = parseJsonStrict(bytes);
  if (E.isLeft(r)) return bad(r.left.message);
  const v = r.right as Record<string, unknown>;
  const digest = /^sha256:[0-9a-f]{64}$/;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('expected an object');
  if (Object.keys(v).sort().join(',') !== 'nodes,schema,source') {
    return bad('expected exactly the members nodes, schema, source');
  }
  if (v['schema'] !== COMMITMENTS_SCHEMA) return bad(`expected schema ${COMMITMENTS_SCHEMA}`);
  if (typeof v['source'] !== 'string' || !digest.test(v['source'])) {
    return bad('expected source to be a sha256 digest');
  }
  const nodes = v['nodes'];
  if (!Array.isArray(nodes) || !nodes.every((n) => typeof n === 'string' && digest.test(n))) {
    return bad('expected nodes to be an array of sha256 digests');
  }
  return E.right(v as unknown as CommitmentsFile);
};

/**
 * Checks an opening against a commitments file: the revealed node, salted, must be listed.
 * @param commitments - the decoded commitments file
 * @param opening - the node and its salt
 * @returns the commitment found, or `PACK_REDACTION_COMMITMENT_INVALID`
 * @see docs/spec/redaction-v1.md section 10.3
 * @example
 * verifyNodeOpening(commitments, { file: 'a.json', path: ['owner'], value: 'alice', salt }) // right('sha256:…')
 */
export const verifyNodeOpening = (
  commitments: CommitmentsFile,
  opening: NodeOpening,
): E.Either<RedactionRunError, Sha256Digest> => {
  const salt = fromHex(opening.salt);
  if (salt === undefined || salt.length !== 32) {
    return E.left(
      redactionError('PACK_REDACTION_COMMITMENT_INVALID', 'expected a 32-byte hex salt'),
    );
  }
  const c = commitNode(salt, opening);
  return commitments.nodes.includes(c)
    ? E.right(c)
    : E.left(
        redactionError(
          'PACK_REDACTION_COMMITMENT_INVALID',
          'no listed commitment matches the opening',
        ),
      );
};

/**
 * Checks that a redacted pack derives from a full pack: the source commitment recomputed from
 * the full pack's files and the revealed source salt must equal the one in the commitments file.
 * @param commitments - the decoded commitments file of the redacted pack
 * @param files - the full pack's files as given to redaction
 * @param salt - the revealed source salt (hex)
 * @returns the source digest, or `PACK_REDACTION_COMMITMENT_INVALID`
 * @see docs/spec/redaction-v1.md section 10.3
 * @example
 * verifySourceOpening(commitments, fullPackFiles, toHex(sourceSalt(key))) // right('sha256:…')
 */
export const verifySourceOpening = (
  commitments: CommitmentsFile,
  files: ReadonlyArray<SourceFile>,
  salt: string,
): E.Either<RedactionRunError, Sha256Digest> => {
  const s = fromHex(salt);
  const digest = sourceDigest(files);
  return s !== undefined && s.length === 32 && commitSource(s, digest) === commitments.source
    ? E.right(digest)
    : E.left(
        redactionError(
          'PACK_REDACTION_COMMITMENT_INVALID',
          'the source commitment does not match these files and salt',
        ),
      );
};

/**
 * Hex of bytes (re-exported for openings).
 * @internal
 */
export const saltHex = (salt: Uint8Array): string => toHex(salt);

// --- internal --------------------------------------------------------------

const tagged = (domain: string, rest: Uint8Array): Uint8Array =>
  concatBytes(utf8Encode(domain), new Uint8Array([0]), rest);

function canonicalText(value: unknown): Uint8Array {
  const c = canonicalize(value);
  if (E.isLeft(c)) throw new TypeError(`commitment input: ${c.left.message}`);
  return utf8Encode(c.right);
}
