/**
 * What a pack is built from, and how those inputs become the files of the v1 layout: JSON parts
 * canonicalized (RFC 8785) and JSON Lines sorted, documents kept byte for byte, every name and
 * value checked before anything is hashed. Pure: no I/O, no clock.
 * @see docs/spec/pack-v1.md section 3 (layout) and section 6 (building)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalizeToBytes,
  decodeException,
  decodeWith,
  Finding,
  readCheckpoint,
  verifyEventLines,
  type JsonValue,
  type LogId,
} from '@warrant/core';
import { compareBytes, validateArchivePath } from './archive/path';
import { packError, type PackError } from './errors';
import {
  checkFileName,
  mediaTypeOf,
  PACK_FOLDERS,
  PACK_KINDS,
  PACK_PATHS,
  type PackKind,
} from './layout';
import { PackSubject, type PackPrevious } from './manifest';
import { VERIFY_MD } from './verify-md';

// --- model -----------------------------------------------------------------

/** Streamed content: opened once to hash (unless the digest is known) and once to write. */
export interface PackStream {
  /** Exact length in bytes. */
  readonly size: number;
  /** Opens the bytes; called at most twice, and must yield the same bytes each time. */
  readonly open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Known SHA-256 (64 lowercase hex), e.g. the key of a content-addressed blob store. */
  readonly sha256?: string;
  /** Key under which a {@link PackDigestCache} remembers this content's digest. */
  readonly cacheKey?: string;
}

/** A document included as given (SBOM, scanner report, VEX document, policy bundle file). */
export interface PackBlob {
  /** File name inside its folder: one path segment. */
  readonly name: string;
  /** Media type; by default derived from the name's extension. */
  readonly mediaType?: string;
  readonly content: Uint8Array | PackStream;
}

/** A file added under `report/` or `diff/` (by the caller or an extension). */
export interface PackExtraFile {
  /** Full archive path, starting with `report/` or `diff/`. */
  readonly path: string;
  readonly mediaType?: string;
  readonly content: Uint8Array | PackStream;
}

/** Everything a pack is built from (section 6.1). */
export interface PackInput {
  readonly kind: PackKind;
  /** The manifest's `generated_at`: an input, never read from a clock. */
  readonly generatedAt: string;
  /** Defaults to this package's name and version. */
  readonly generator?: { readonly name: string; readonly version: string };
  /** Redaction profile name; default `internal` (full detail). */
  readonly profile?: string;
  /** Artifacts in any order; release, environment, period as the kind needs. */
  readonly subject: PackSubject;
  readonly sboms?: ReadonlyArray<PackBlob>;
  /** Other inputs as given (scanner reports, inventories). */
  readonly documents?: ReadonlyArray<PackBlob>;
  readonly vex?: ReadonlyArray<PackBlob>;
  readonly policy: {
    readonly bundle: ReadonlyArray<PackBlob>;
    /** Evaluation settings (JSON). */
    readonly settings: JsonValue;
  };
  /** Knowledge snapshot ids (vulnerability database, advisory feed versions). */
  readonly knowledge?: ReadonlyArray<string>;
  /** Normalized findings (`Finding` of @warrant/core), any order. */
  readonly findings: ReadonlyArray<unknown>;
  /** Every relevant exception version (`Exception` of @warrant/core), any order. */
  readonly exceptions?: ReadonlyArray<unknown>;
  /** The event-log slice from seq 0 (JSON Lines bytes) and the checkpoint envelope covering it. */
  readonly eventLog?: { readonly events: Uint8Array; readonly checkpoint: unknown };
  /** The verdict (artifact, release, environment packs). */
  readonly verdict?: JsonValue;
  /** Every verdict in the period (period packs). */
  readonly verdicts?: ReadonlyArray<JsonValue>;
  /** Explanation summary of the verdict (Markdown text). */
  readonly explanation?: string;
  /** The previous pack, when `diff/` compares against one. */
  readonly previous?: PackPrevious;
  /** Files under `report/` or `diff/`. */
  readonly files?: ReadonlyArray<PackExtraFile>;
}

/** One file of the layout before hashing. */
export interface PlannedFile {
  readonly path: string;
  readonly mediaType: string;
  readonly content: Uint8Array | PackStream;
}

// --- operations ------------------------------------------------------------

/**
 * Turns checked inputs into the listed files of the layout (everything but `report/summary.md`,
 * which needs the manifest's counts, and the unlisted files).
 * @param input - the build input
 * @returns the planned files in no particular order, or the first `PACK_INPUT_INVALID`
 * @see docs/spec/pack-v1.md section 6.1
 * @example
 * planFiles(input) // right([{ path: 'VERIFY.md', … }, { path: 'inputs/artifacts.json', … }, …])
 */
export const planFiles = (input: PackInput): E.Either<PackError, PlannedFile[]> => {
  const out: PlannedFile[] = [];
  const push = (path: string, content: Uint8Array | PackStream, mediaType?: string): void => {
    out.push({ path, content, mediaType: mediaType ?? mediaTypeOf(path) });
  };
  const json = (path: string, value: unknown, at: string): E.Either<PackError, void> => {
    const bytes = canonicalizeToBytes(value);
    if (E.isLeft(bytes)) return E.left(invalid(bytes.left.message, at));
    push(path, bytes.right);
    return E.right(undefined);
  };
  if (!PACK_KINDS.includes(input.kind)) {
    return E.left(invalid(`expected one of ${PACK_KINDS.join(', ')}`, '$.kind'));
  }
  const subject = decodeWith(PackSubject, input.subject, 'PACK_INPUT_INVALID', 'subject', [
    'subject',
  ]);
  if (E.isLeft(subject)) return E.left(invalid(subject.left.message, subject.left.path));
  push(PACK_PATHS.verifyMd, VERIFY_MD);
  const artifacts = [...input.subject.artifacts].sort((a, b) =>
    a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0,
  );
  const steps: Array<() => E.Either<PackError, void>> = [
    () => json(PACK_PATHS.artifacts, { artifacts }, '$.subject.artifacts'),
    () => json(PACK_PATHS.settings, input.policy.settings, '$.policy.settings'),
    () => blobs(PACK_FOLDERS.sboms, input.sboms ?? [], '$.sboms', push),
    () => blobs(PACK_FOLDERS.documents, input.documents ?? [], '$.documents', push),
    () => blobs(PACK_FOLDERS.vex, input.vex ?? [], '$.vex', push),
    () => blobs(PACK_FOLDERS.policy, input.policy.bundle, '$.policy.bundle', push),
    () =>
      input.knowledge === undefined
        ? E.right(undefined)
        : json(PACK_PATHS.knowledge, { snapshots: sortedUnique(input.knowledge) }, '$.knowledge'),
    () => lines(PACK_PATHS.findings, input.findings, '$.findings', checkFinding, push),
    () =>
      lines(PACK_PATHS.exceptions, input.exceptions ?? [], '$.exceptions', checkException, push),
    () => eventLog(input.eventLog, push),
    () => verdicts(input, json, push),
    () => extraFiles(input.files ?? [], push),
  ];
  for (const step of steps) {
    const r = step();
    if (E.isLeft(r)) return r;
  }
  if (input.explanation !== undefined) {
    push(PACK_PATHS.explanation, new TextEncoder().encode(input.explanation));
  }
  return E.right(out);
};

/**
 * Whether content is bytes rather than a {@link PackStream} (also for a Uint8Array of another
 * realm, e.g. from an iframe or a `TextEncoder` of another context).
 * @internal
 */
export const isPackBytes = (c: Uint8Array | PackStream): c is Uint8Array =>
  c instanceof Uint8Array || (ArrayBuffer.isView(c) && c.constructor.name === 'Uint8Array');

// --- internal --------------------------------------------------------------

type Push = (path: string, content: Uint8Array | PackStream, mediaType?: string) => void;

const invalid = (message: string, path: string): PackError =>
  packError('PACK_INPUT_INVALID', message, path);

const sortedUnique = (xs: ReadonlyArray<string>): string[] =>
  [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const blobs = (
  folder: string,
  items: ReadonlyArray<PackBlob>,
  at: string,
  push: Push,
): E.Either<PackError, void> => {
  for (let i = 0; i < items.length; i++) {
    const b = items[i] as PackBlob;
    const name = checkFileName(b.name, `${at}[${i}].name`);
    if (E.isLeft(name)) return name;
    const checked = checkContent(b.content, `${at}[${i}].content`);
    if (E.isLeft(checked)) return checked;
    push(folder + name.right, b.content, b.mediaType);
  }
  return E.right(undefined);
};

// JSON Lines: each value canonical, one per line, lines sorted by their UTF-8 bytes so that any
// input order gives the same file.
const lines = (
  path: string,
  values: ReadonlyArray<unknown>,
  at: string,
  check: (v: unknown, at: string) => E.Either<PackError, void>,
  push: Push,
): E.Either<PackError, void> => {
  const encoded: Uint8Array[] = [];
  for (let i = 0; i < values.length; i++) {
    const c = check(values[i], `${at}[${i}]`);
    if (E.isLeft(c)) return c;
    const bytes = canonicalizeToBytes(values[i]);
    if (E.isLeft(bytes)) return E.left(invalid(bytes.left.message, `${at}[${i}]`));
    encoded.push(bytes.right);
  }
  encoded.sort(compareBytes);
  const size = encoded.reduce((n, b) => n + b.length + 1, 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const b of encoded) {
    out.set(b, o);
    out[o + b.length] = 0x0a;
    o += b.length + 1;
  }
  push(path, out);
  return E.right(undefined);
};

const checkFinding = (v: unknown, at: string): E.Either<PackError, void> => {
  const r = decodeWith(Finding, v, 'PACK_INPUT_INVALID', 'finding');
  return E.isLeft(r) ? E.left(invalid(r.left.message, at)) : E.right(undefined);
};

const checkException = (v: unknown, at: string): E.Either<PackError, void> => {
  const r = decodeException(v);
  return E.isLeft(r)
    ? E.left(packError('PACK_INPUT_INVALID', r.left.message, at, r.left))
    : E.right(undefined);
};

const eventLog = (log: PackInput['eventLog'], push: Push): E.Either<PackError, void> => {
  if (log === undefined) return E.right(undefined);
  const statement = readCheckpoint(log.checkpoint);
  if (E.isLeft(statement)) {
    return E.left(
      packError(
        'PACK_INPUT_INVALID',
        statement.left.message,
        '$.eventLog.checkpoint',
        statement.left,
      ),
    );
  }
  const verified = verifyEventLines(statement.right.log_id as LogId, log.events, {
    checkpoints: [statement.right],
  });
  if (E.isLeft(verified)) {
    const first = verified.left[0];
    return E.left(packError('PACK_INPUT_INVALID', first.message, '$.eventLog.events', first));
  }
  if (verified.right.count !== statement.right.size) {
    return E.left(
      invalid(
        `the slice holds ${verified.right.count} events; the checkpoint covers ${statement.right.size}`,
        '$.eventLog',
      ),
    );
  }
  const envelope = canonicalizeToBytes(log.checkpoint);
  if (E.isLeft(envelope)) return E.left(invalid(envelope.left.message, '$.eventLog.checkpoint'));
  push(PACK_PATHS.events, log.events);
  push(PACK_PATHS.checkpoint, envelope.right);
  return E.right(undefined);
};

const verdicts = (
  input: PackInput,
  json: (path: string, value: unknown, at: string) => E.Either<PackError, void>,
  push: Push,
): E.Either<PackError, void> => {
  if (input.kind === 'period') {
    if (input.verdict !== undefined)
      return E.left(invalid('a period pack takes verdicts', '$.verdict'));
    return lines(PACK_PATHS.verdicts, input.verdicts ?? [], '$.verdicts', ok, push);
  }
  if (input.verdicts !== undefined)
    return E.left(invalid(`a ${input.kind} pack takes one verdict`, '$.verdicts'));
  if (input.verdict === undefined) return E.left(invalid('the verdict is required', '$.verdict'));
  return json(PACK_PATHS.verdict, input.verdict, '$.verdict');
};

const ok = (): E.Either<PackError, void> => E.right(undefined);

/**
 * Plans files added under `report/` or `diff/` (by an extension, after the input's own files).
 * @param files - the extra files
 * @returns the planned files, or `PACK_INPUT_INVALID`
 * @example
 * planExtraFiles([{ path: 'report/summary.html', content: html }]) // right([{ path, mediaType: 'text/html', content }])
 */
export const planExtraFiles = (
  files: ReadonlyArray<PackExtraFile>,
): E.Either<PackError, PlannedFile[]> => {
  const out: PlannedFile[] = [];
  const r = extraFiles(files, (path, content, mediaType) =>
    out.push({ path, content, mediaType: mediaType ?? mediaTypeOf(path) }),
  );
  return E.isLeft(r) ? r : E.right(out);
};

const extraFiles = (files: ReadonlyArray<PackExtraFile>, push: Push): E.Either<PackError, void> => {
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as PackExtraFile;
    const at = `$.files[${i}]`;
    const valid = validateArchivePath(f.path);
    if (E.isLeft(valid))
      return E.left(packError('PACK_INPUT_INVALID', valid.left.message, `${at}.path`, valid.left));
    if (!f.path.startsWith(PACK_FOLDERS.report) && !f.path.startsWith(PACK_FOLDERS.diff)) {
      return E.left(invalid('extra files go under report/ or diff/', `${at}.path`));
    }
    if (f.path === PACK_PATHS.summary)
      return E.left(invalid(`${f.path} is written by the builder`, `${at}.path`));
    const checked = checkContent(f.content, `${at}.content`);
    if (E.isLeft(checked)) return checked;
    push(f.path, f.content, f.mediaType);
  }
  return E.right(undefined);
};

const checkContent = (c: Uint8Array | PackStream, at: string): E.Either<PackError, void> => {
  if (isPackBytes(c)) return E.right(undefined);
  if (typeof c !== 'object' || c === null || typeof c.open !== 'function') {
    throw new TypeError(`${at}: expected a Uint8Array or a PackStream`);
  }
  if (!Number.isSafeInteger(c.size) || c.size < 0)
    return E.left(invalid('size must be a non-negative integer', `${at}.size`));
  if (c.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(c.sha256)) {
    return E.left(invalid('sha256 must be 64 lowercase hex digits', `${at}.sha256`));
  }
  return E.right(undefined);
};
