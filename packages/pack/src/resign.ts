/**
 * Signing or countersigning an existing pack (docs/spec/pack-v1.md section 8.3): the pack is
 * verified (integrity), the two unlisted envelope files are made afresh (`replace`) or extended
 * with further signatures (`add`), and the archive is rewritten with every other entry copied
 * byte for byte. `manifest.json`, `SHA256SUMS` and so `pack_id` never change. Memory stays
 * bounded: the archive is read twice as a stream (verify, then copy) and re-hashed on the copy.
 * @see docs/spec/pack-v1.md section 8.3
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  bytesEqual,
  canonicalizeToBytes,
  createSha256,
  decodeBase64,
  parseEnvelope,
  sha256,
  signEnvelope,
  toHex,
  utf8Encode,
  type DsseEnvelope,
  type Signer,
} from '@warrant/core';
import { createArchiveReader } from './archive/archive-reader';
import type { ArchiveSink } from './archive/archive-writer';
import type { ArchiveLimits } from './archive/limits';
import { compareBytes } from './archive/path';
import { createArchiveWriter, type ArchiveWriteSummary } from './archive/tar-writer';
import { packError, type PackError } from './errors';
import { PACK_PATHS } from './layout';
import type { PackManifest } from './manifest';
import { MANIFEST_PAYLOAD_TYPE } from './sign';
import { IN_TOTO_PAYLOAD_TYPE, makeVerdictStatement, statementBytes } from './statement';
import { verifyKeeping } from './verify';

// --- model -----------------------------------------------------------------

/** `replace`: the envelopes hold only the new signatures; `add`: countersign, keeping the old ones. */
export type ResignMode = 'replace' | 'add';

/** The pack to re-sign: its bytes, or an opener called twice (verify pass, copy pass). */
export type PackSource = Uint8Array | (() => AsyncIterable<Uint8Array> | Iterable<Uint8Array>);

/** Options of {@link resignPack}. */
export interface ResignOptions {
  /** Default `replace`. */
  readonly mode?: ResignMode;
  /** Archive reader limits for both passes. */
  readonly limits?: Partial<ArchiveLimits>;
}

/** A re-signed pack. */
export interface ResignedPack {
  /** The manifest, unchanged. */
  readonly manifest: PackManifest;
  /** Key ids named by the signatures of the manifest envelope now in the pack, sorted. */
  readonly keyids: ReadonlyArray<string>;
  readonly archive: ArchiveWriteSummary;
}

// --- operations ------------------------------------------------------------

/**
 * Signs or countersigns an existing pack and streams the rewritten archive to a sink.
 * @param source - the pack's bytes, or an opener of a stream of them (called twice)
 * @param sink - receives the new .tar.gz bytes in order (a returned promise is awaited)
 * @param signers - at least one signer
 * @param options - `mode` (`replace` or `add`) and archive limits
 * @returns the unchanged manifest and the signing key ids; or the verification failure of the
 *   input (nothing is written then), `PACK_SIGNATURE_INVALID` / `PACK_STATEMENT_INVALID` for an
 *   existing envelope that `add` cannot extend, `PACK_INPUT_CHANGED` if the second read differs
 *   from the first (discard the output then)
 * @throws RangeError with no signers; a signer's own failure rejects
 * @see docs/spec/pack-v1.md section 8.3
 * @example
 * const out: Uint8Array[] = [];
 * const r = await resignPack(packBytes, (c) => void out.push(c), [auditor.signer], { mode: 'add' });
 * // right({ manifest, keyids: [producer, auditor], … }); out holds the countersigned pack
 */
export const resignPack = async (
  source: PackSource,
  sink: ArchiveSink,
  signers: ReadonlyArray<Signer>,
  options: ResignOptions = {},
): Promise<E.Either<PackError, ResignedPack>> => {
  if (signers.length === 0) throw new RangeError('resignPack needs at least one signer');
  const open = typeof source === 'function' ? source : () => [source];
  const kept = new Map<string, Uint8Array>();
  const limits = options.limits ?? {};
  const verified = await verifyKeeping(toAsync(open()), { limits }, kept);
  if (E.isLeft(verified)) return verified;
  const manifest = verified.right.manifest;
  const manifestBytes = kept.get(PACK_PATHS.manifest) as Uint8Array;
  const statement = makeVerdictStatement(manifest);
  if (E.isLeft(statement)) return statement;
  const envelopes: Array<{ path: string; bytes: Uint8Array }> = [];
  let keyids: ReadonlyArray<string> = [];
  for (const [path, type, payload, code] of [
    [PACK_PATHS.manifestSignature, MANIFEST_PAYLOAD_TYPE, manifestBytes, 'PACK_SIGNATURE_INVALID'],
    [
      PACK_PATHS.verdictStatement,
      IN_TOTO_PAYLOAD_TYPE,
      statementBytes(statement.right),
      'PACK_STATEMENT_INVALID',
    ],
  ] as const) {
    const fresh = await signEnvelope(type, payload, signers);
    const existing = options.mode === 'add' ? kept.get(path) : undefined;
    const envelope = existing === undefined ? E.right(fresh) : extend(existing, fresh, path, code);
    if (E.isLeft(envelope)) return envelope;
    if (path === PACK_PATHS.manifestSignature) keyids = keyidsOf(envelope.right);
    const bytes = canonicalizeToBytes(envelope.right as never);
    if (E.isLeft(bytes)) throw new TypeError(bytes.left.message);
    envelopes.push({ path, bytes: bytes.right });
  }
  const copied = await copyWith(open, sink, manifest, kept, envelopes, limits);
  return E.map((archive: ArchiveWriteSummary) => ({ manifest, keyids, archive }))(copied);
};

// --- internal --------------------------------------------------------------

async function* toAsync(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  for await (const c of chunks) yield c;
}

// Countersigning: the old envelope must sign exactly what the new one signs; its signatures are
// kept as they are (unverified: their keys are the verifier's business) and the new ones
// appended, except for a key id that already signed.
const extend = (
  existing: Uint8Array,
  fresh: DsseEnvelope,
  path: string,
  code: 'PACK_SIGNATURE_INVALID' | 'PACK_STATEMENT_INVALID',
): E.Either<PackError, DsseEnvelope> => {
  const old = parseEnvelope(existing);
  if (E.isLeft(old)) return E.left(packError(code, old.left.message, path, old.left));
  const same =
    old.right.payloadType === fresh.payloadType &&
    bytesEqual(
      decodeBase64(old.right.payload) ?? new Uint8Array(),
      decodeBase64(fresh.payload) ?? new Uint8Array(1),
    );
  if (!same) {
    return E.left(
      packError(code, 'the existing envelope signs other content than this pack implies', path),
    );
  }
  const have = new Set(
    old.right.signatures.flatMap((s) => (s.keyid === undefined ? [] : [s.keyid])),
  );
  const added = fresh.signatures.filter((s) => s.keyid === undefined || !have.has(s.keyid));
  return E.right({ ...fresh, signatures: [...old.right.signatures, ...added] });
};

const keyidsOf = (envelope: DsseEnvelope): string[] =>
  [...new Set(envelope.signatures.flatMap((s) => (s.keyid === undefined ? [] : [s.keyid])))].sort();

const SIGNATURE_PATHS: ReadonlySet<string> = new Set([
  PACK_PATHS.manifestSignature,
  PACK_PATHS.verdictStatement,
]);

// The copy pass: every entry but the envelopes goes through unchanged and is hashed against what
// the verify pass established; the new envelopes are inserted at their place in path order.
const copyWith = async (
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  sink: ArchiveSink,
  manifest: PackManifest,
  kept: ReadonlyMap<string, Uint8Array>,
  envelopes: ReadonlyArray<{ path: string; bytes: Uint8Array }>,
  limits: Partial<ArchiveLimits>,
): Promise<E.Either<PackError, ArchiveWriteSummary>> => {
  const expected = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  for (const p of [PACK_PATHS.manifest, PACK_PATHS.sums]) {
    expected.set(p, toHex(sha256(kept.get(p) ?? new Uint8Array())));
  }
  const pending: Uint8Array[] = [];
  const writer = createArchiveWriter((c) => void pending.push(c));
  const toInsert = [...envelopes].sort((a, b) => compareBytes(utf8(a.path), utf8(b.path)));
  let failure: PackError | undefined;
  let copiedEntries = 0;
  const fail = (error: PackError): void => {
    failure ??= error;
  };
  const insertBefore = (path: string | undefined): void => {
    while (toInsert.length > 0) {
      const next = toInsert[0] as { path: string; bytes: Uint8Array };
      if (path !== undefined && compareBytes(utf8(next.path), utf8(path)) > 0) return;
      toInsert.shift();
      const begun = writer.begin(next.path, next.bytes.length);
      if (E.isLeft(begun)) return fail(begun.left);
      const written = writer.write(next.bytes);
      if (E.isLeft(written)) return fail(written.left);
    }
  };
  const changed = (path: string, what: string): PackError =>
    packError(
      'PACK_INPUT_CHANGED',
      `the pack changed between verifying and copying: ${what}`,
      path,
    );
  const reader = createArchiveReader(({ path, size }) => {
    if (failure !== undefined || SIGNATURE_PATHS.has(path)) return undefined;
    const want = expected.get(path);
    if (want === undefined) {
      fail(changed(path, 'an entry the verified pack did not have'));
      return undefined;
    }
    insertBefore(path);
    const begun = writer.begin(path, size);
    if (E.isLeft(begun)) {
      fail(begun.left);
      return undefined;
    }
    const h = createSha256();
    return {
      write: (chunk) => {
        h.update(chunk);
        const w = writer.write(chunk);
        if (E.isLeft(w)) fail(w.left);
      },
      end: () => {
        copiedEntries++;
        if (toHex(h.digest()) !== want) fail(changed(path, 'other content'));
      },
    };
  }, limits);
  const drain = async (): Promise<void> => {
    for (let i = 0; i < pending.length; i++) {
      const r = sink(pending[i] as Uint8Array);
      if (r !== undefined) await r;
    }
    pending.length = 0;
  };
  for await (const chunk of open()) {
    const pushed = reader.push(chunk);
    if (E.isLeft(pushed)) return E.left(pushed.left);
    if (failure !== undefined) return E.left(failure);
    await drain();
  }
  const read = reader.finish();
  if (E.isLeft(read)) return E.left(read.left);
  if (failure === undefined && copiedEntries !== expected.size) {
    fail(
      changed(PACK_PATHS.manifest, `${copiedEntries} entries copied, ${expected.size} verified`),
    );
  }
  if (failure !== undefined) return E.left(failure);
  insertBefore(undefined);
  const finished = writer.finish();
  await drain();
  return failure !== undefined ? E.left(failure) : finished;
};

const utf8 = utf8Encode;
