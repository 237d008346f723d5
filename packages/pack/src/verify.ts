/**
 * Verifying a pack in one streaming pass (browser-safe): archive safety first (the strict
 * reader), then the manifest (canonical bytes, schema, Merkle root, pack id), every listed file's
 * size and SHA-256, nothing unlisted, the required layout, SHA256SUMS, signatures against trusted
 * keys, the exception event chain and its checkpoint, and optionally a replay of the verdict.
 * Only the files that must be parsed are held in memory; every other file is hashed as it streams.
 * @see docs/spec/pack-v1.md section 9 (verification)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  bytesEqual,
  parseJsonStrict,
  readCheckpoint,
  verifyCheckpoint,
  verifyEventLines,
  type CheckpointStatement,
  type LogEvent,
  type LogId,
} from '@warrant/core';
import { readArchiveStream } from './archive/archive-reader';
import type { ArchiveLimits } from './archive/limits';
import { packError, type PackError } from './errors';
import { checkLayout, PACK_PATHS, UNLISTED_PATHS } from './layout';
import { readManifest, type PackManifest } from './manifest';
import {
  verifyManifestSignature,
  verifyVerdictStatement,
  type PackTrust,
  type VerifiedSignature,
} from './sign';
import { REDACTION_RECORD_PATH } from './redact/build-step';
import { renderSha256Sums } from './sums';
import { createFileDigester } from './verify-digests';
import { checkExceptionsFile } from './verify-exceptions';
import { checkRedactionRecord } from './verify-redaction';

// --- model -----------------------------------------------------------------

/** Recomputes the verdict from the pack's own files; returns the verdict file's expected bytes. */
export type PackReplay = (
  files: ReadonlyMap<string, Uint8Array>,
  manifest: PackManifest,
) => Promise<E.Either<PackError, Uint8Array>>;

/** Options of {@link verifyPack}. */
export interface VerifyPackOptions {
  /** Trusted keys: when given, the manifest signature and the verdict statement are required. */
  readonly trust?: PackTrust;
  /** Keys trusted for the event-log checkpoint; default: `trust`'s keys, threshold 1. */
  readonly checkpointTrust?: PackTrust;
  /** Replays the evaluation; the result must equal the verdict file byte for byte. */
  readonly replay?: PackReplay;
  /** Archive reader limits. */
  readonly limits?: Partial<ArchiveLimits>;
}

/** What verification established. */
export interface VerifiedPack {
  readonly manifest: PackManifest;
  readonly packId: string;
  readonly merkleRoot: string;
  /** Listed files checked, and their total size. */
  readonly files: number;
  readonly bytes: number;
  /** The manifest signature (absent when no trusted keys were given: authenticity not checked). */
  readonly signature?: VerifiedSignature;
  /** The verdict statement signature (absent when no trusted keys were given). */
  readonly statement?: VerifiedSignature;
  /** The exception event-log slice, when the pack has one. */
  readonly eventLog?: {
    readonly logId: string;
    readonly events: number;
    readonly checkpointRoot: string;
    /** Keys that signed the checkpoint (absent when no trusted keys were given). */
    readonly checkpointKeyids?: ReadonlyArray<string>;
  };
  /** Whether the verdict was replayed and matched. */
  readonly replayed: boolean;
}

/** Why a pack did not verify: the first failure, every failure, and the manifest if it was read. */
export type PackVerifyFailure = PackError & {
  readonly failures: ReadonlyArray<PackError>;
  readonly manifest?: PackManifest;
};

// --- operations ------------------------------------------------------------

/**
 * Verifies a pack.
 * @param pack - the .tar.gz bytes, or a stream of them (Node `Readable`, `ReadableStream`, …)
 * @param options - trusted keys, replay, archive limits
 * @returns what was verified, or every failure with its stable code and path (never throws for
 *   hostile input)
 * @throws RangeError for a misconfigured trust threshold or verifier set (a programming error)
 * @see docs/spec/pack-v1.md section 9
 * @example
 * const r = await verifyPack(bytes, { trust: { verifiers: [key.verifier] } });
 * if (E.isRight(r)) console.log(r.right.packId, r.right.signature?.keyids);
 */
export const verifyPack = (
  pack: Uint8Array | AsyncIterable<Uint8Array>,
  options: VerifyPackOptions = {},
): Promise<E.Either<PackVerifyFailure, VerifiedPack>> => verifyKeeping(pack, options, new Map());

/**
 * {@link verifyPack}, leaving the files it held in memory (manifest.json, SHA256SUMS, the
 * signature envelopes, the event log and checkpoint…) in `kept` for a caller that needs their
 * bytes, such as re-signing.
 * @param pack - as {@link verifyPack}
 * @param options - as {@link verifyPack}
 * @param kept - filled with path -> bytes of the held files
 * @returns as {@link verifyPack}
 * @internal
 */
export const verifyKeeping = async (
  pack: Uint8Array | AsyncIterable<Uint8Array>,
  options: VerifyPackOptions,
  kept: Map<string, Uint8Array>,
): Promise<E.Either<PackVerifyFailure, VerifiedPack>> => {
  const keepAll = options.replay !== undefined;
  const digests = createFileDigester();
  const read = await readArchiveStream(
    digests.pace(ArrayBuffer.isView(pack) ? [pack as Uint8Array] : pack),
    ({ path, size }) => {
      const keep = keepAll || KEPT.has(path) || path.startsWith('signatures/');
      return digests.sink(path, size, keep ? (bytes) => kept.set(path, bytes) : undefined);
    },
    options.limits,
  );
  if (E.isLeft(read)) return fail([read.left]);
  const seen = await digests.settle();
  const manifestBytes = kept.get(PACK_PATHS.manifest);
  if (manifestBytes === undefined) {
    return fail([
      packError('PACK_MANIFEST_MISSING', 'the archive has no manifest.json', PACK_PATHS.manifest),
    ]);
  }
  const manifest = readManifest(manifestBytes);
  if (E.isLeft(manifest)) return fail([manifest.left]);
  const m = manifest.right;
  const failures: PackError[] = [...checkFiles(m, seen)];
  const layout = checkLayout(m.kind, new Set(m.files.map((f) => f.path)));
  if (E.isLeft(layout)) failures.push(layout.left);
  failures.push(...checkSums(m, manifestBytes, kept.get(PACK_PATHS.sums)));
  let signature: VerifiedSignature | undefined;
  let statement: VerifiedSignature | undefined;
  if (options.trust !== undefined) {
    const s = await checkSignatures(m, manifestBytes, kept, options.trust);
    failures.push(...s.failures);
    signature = s.signature;
    statement = s.statement;
  }
  const log = await checkEventLog(kept, options);
  if (E.isLeft(log)) failures.push(log.left);
  failures.push(...checkRedactionRecord(m, kept.get(REDACTION_RECORD_PATH)));
  if (E.isRight(log) && log.right !== undefined) {
    failures.push(...checkExceptionsFile(m, log.right.records, kept.get(PACK_PATHS.exceptions)));
  }
  if (failures.length > 0) return fail(failures, m);
  let replayed = false;
  if (options.replay !== undefined) {
    const replay = await checkReplay(m, kept, options.replay);
    if (E.isLeft(replay)) return fail([replay.left], m);
    replayed = true;
  }
  return E.right({
    manifest: m,
    packId: m.pack_id,
    merkleRoot: m.merkle.root,
    files: m.files.length,
    bytes: m.files.reduce((n, f) => n + f.size, 0),
    ...(signature === undefined ? {} : { signature }),
    ...(statement === undefined ? {} : { statement }),
    ...(E.isRight(log) && log.right !== undefined
      ? { eventLog: eventLogResult(log.right) as NonNullable<VerifiedPack['eventLog']> }
      : {}),
    replayed,
  });
};

// --- internal --------------------------------------------------------------

// Files held in memory during the pass (everything else is only hashed).
const KEPT: ReadonlySet<string> = new Set([
  PACK_PATHS.manifest,
  PACK_PATHS.sums,
  PACK_PATHS.events,
  PACK_PATHS.checkpoint,
  PACK_PATHS.exceptions,
  REDACTION_RECORD_PATH,
]);

const fail = (
  failures: ReadonlyArray<PackError>,
  manifest?: PackManifest,
): E.Either<PackVerifyFailure, never> => {
  const first = failures[0] as PackError;
  return E.left({ ...first, failures, ...(manifest === undefined ? {} : { manifest }) });
};

// Section 9 step 5: every listed file present with its size and digest; step 6: nothing else.
const checkFiles = (
  m: PackManifest,
  seen: ReadonlyMap<string, { size: number; sha256: string }>,
): PackError[] => {
  const out: PackError[] = [];
  const listed = new Set<string>();
  for (const f of m.files) {
    listed.add(f.path);
    const got = seen.get(f.path);
    if (got === undefined) {
      out.push(
        packError('PACK_FILE_MISSING', 'listed in the manifest but not in the archive', f.path),
      );
    } else if (got.size !== f.size) {
      out.push(
        packError('PACK_FILE_SIZE_MISMATCH', `expected ${f.size} bytes, found ${got.size}`, f.path),
      );
    } else if (got.sha256 !== f.sha256) {
      out.push(
        packError(
          'PACK_FILE_DIGEST_MISMATCH',
          `expected sha256 ${f.sha256}, found ${got.sha256}`,
          f.path,
        ),
      );
    }
  }
  for (const path of seen.keys()) {
    if (!listed.has(path) && !UNLISTED_PATHS.has(path)) {
      out.push(
        packError('PACK_FILE_UNLISTED', 'in the archive but not listed in the manifest', path),
      );
    }
  }
  return out;
};

const checkSums = (
  m: PackManifest,
  manifestBytes: Uint8Array,
  sums: Uint8Array | undefined,
): PackError[] => {
  if (sums === undefined)
    return [packError('PACK_SUMS_MISSING', 'the archive has no SHA256SUMS', PACK_PATHS.sums)];
  return bytesEqual(sums, renderSha256Sums(m.files, manifestBytes))
    ? []
    : [
        packError(
          'PACK_SUMS_MISMATCH',
          'SHA256SUMS is not the text the manifest implies',
          PACK_PATHS.sums,
        ),
      ];
};

const checkSignatures = async (
  m: PackManifest,
  manifestBytes: Uint8Array,
  kept: ReadonlyMap<string, Uint8Array>,
  trust: PackTrust,
): Promise<{
  failures: PackError[];
  signature?: VerifiedSignature;
  statement?: VerifiedSignature;
}> => {
  const failures: PackError[] = [];
  const out: { signature?: VerifiedSignature; statement?: VerifiedSignature } = {};
  const env = kept.get(PACK_PATHS.manifestSignature);
  if (env === undefined) {
    failures.push(
      packError(
        'PACK_SIGNATURE_MISSING',
        'trusted keys were given but the pack is unsigned',
        PACK_PATHS.manifestSignature,
      ),
    );
  } else {
    const r = await verifyManifestSignature(env, manifestBytes, trust);
    if (E.isLeft(r)) failures.push(r.left);
    else out.signature = r.right;
  }
  const st = kept.get(PACK_PATHS.verdictStatement);
  if (st === undefined) {
    failures.push(
      packError(
        'PACK_STATEMENT_MISSING',
        'trusted keys were given but the pack has no verdict statement',
        PACK_PATHS.verdictStatement,
      ),
    );
  } else {
    const r = await verifyVerdictStatement(st, m, trust);
    if (E.isLeft(r)) failures.push(r.left);
    else out.statement = r.right;
  }
  return { failures, ...out };
};

const checkEventLog = async (
  kept: ReadonlyMap<string, Uint8Array>,
  options: VerifyPackOptions,
): Promise<E.Either<PackError, CheckedLog | undefined>> => {
  const events = kept.get(PACK_PATHS.events);
  const checkpoint = kept.get(PACK_PATHS.checkpoint);
  if (events === undefined || checkpoint === undefined) return E.right(undefined);
  const bad = (
    message: string,
    cause?: { code: string; message: string },
  ): E.Either<PackError, never> =>
    E.left(packError('PACK_CHECKPOINT_INVALID', message, PACK_PATHS.checkpoint, cause));
  const parsed = parseJsonStrict(checkpoint);
  if (E.isLeft(parsed)) return bad(parsed.left.message, parsed.left);
  const trust =
    options.checkpointTrust ??
    (options.trust === undefined
      ? undefined
      : { verifiers: options.trust.verifiers, threshold: 1 });
  let statement: CheckpointStatement;
  let keyids: ReadonlyArray<string> | undefined;
  if (trust === undefined) {
    const r = readCheckpoint(parsed.right);
    if (E.isLeft(r)) return bad(r.left.message, r.left);
    statement = r.right;
  } else {
    const r = await verifyCheckpoint(parsed.right, {
      verifiers: trust.verifiers,
      threshold: trust.threshold ?? 1,
    });
    if (E.isLeft(r)) return bad(r.left.message, r.left);
    statement = r.right.statement;
    keyids = r.right.keyids;
  }
  const records: LogEvent[] = [];
  const verified = verifyEventLines(statement.log_id as LogId, events, {
    checkpoints: [statement],
    onEvent: (event) => void records.push(event),
  });
  if (E.isLeft(verified)) {
    const first = verified.left[0];
    return E.left(
      packError(
        'PACK_EVENT_LOG_INVALID',
        `${first.code} at ${first.path}: ${first.message}`,
        PACK_PATHS.events,
        first,
      ),
    );
  }
  if (verified.right.count !== statement.size) {
    return bad(
      `the checkpoint covers ${statement.size} events; the slice holds ${verified.right.count}`,
    );
  }
  return E.right({
    logId: statement.log_id,
    events: verified.right.count,
    checkpointRoot: statement.root,
    ...(keyids === undefined ? {} : { checkpointKeyids: keyids }),
    records,
  });
};

// The verified slice: what the result reports, and the records step 10 folds.
type CheckedLog = NonNullable<VerifiedPack['eventLog']> & { readonly records: LogEvent[] };

const eventLogResult = ({ records: _records, ...rest }: CheckedLog): VerifiedPack['eventLog'] =>
  rest;

const checkReplay = async (
  m: PackManifest,
  kept: ReadonlyMap<string, Uint8Array>,
  replay: PackReplay,
): Promise<E.Either<PackError, void>> => {
  const path = m.kind === 'period' ? PACK_PATHS.verdicts : PACK_PATHS.verdict;
  let r: E.Either<PackError, Uint8Array>;
  try {
    r = await replay(kept, m);
  } catch (error) {
    return E.left(
      packError('PACK_REPLAY_FAILED', error instanceof Error ? error.message : String(error), path),
    );
  }
  if (E.isLeft(r)) return E.left(packError('PACK_REPLAY_FAILED', r.left.message, path, r.left));
  const packed = kept.get(path);
  return packed !== undefined && bytesEqual(packed, r.right)
    ? E.right(undefined)
    : E.left(
        packError('PACK_REPLAY_MISMATCH', 'the replayed verdict differs from the packed one', path),
      );
};
