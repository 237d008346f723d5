/**
 * One log on disk: `events.jsonl` (one RFC 8785 canonical record per line, append-only) and
 * `events.idx` (8 bytes per event: the big-endian byte offset where its line starts).
 *
 * The index is derived data, trusted for nothing: on load it is checked against the data file
 * (the last indexed line must hold the matching `seq`) and rebuilt by a scan when it disagrees.
 * Bytes after the last line feed are a torn tail: reported, blocking appends until `repair`
 * truncates them, never dropped silently. Appends write whole lines at the known end of the
 * file, `fdatasync` before they are acknowledged, and check first that nobody else grew the file.
 * @module
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { LogEvent } from '@warrant/core';
import {
  createLogVerifier,
  emptyHead,
  encodeEventLines,
  storeError,
  type ChainHead,
  type LogId,
  type Sha256Digest,
  type StoreError,
} from '@warrant/core';
import { fsyncDir, ioError, isNotFound, mkdirDurable, writeAll } from './durable';

/** A torn tail: bytes after the last line feed. */
export interface TornTail {
  /** Byte offset where the torn bytes start (the end of the last complete line). */
  readonly offset: number;
  /** How many bytes follow it. */
  readonly length: number;
}

/** @internal */
export class LogFile {
  private constructor(
    readonly logId: LogId,
    private readonly dir: string,
    private handle: FileHandle | undefined,
    private idx: FileHandle | undefined,
    // offsets[i] = start of line i; offsets[size] = end of the last complete line.
    private offsets: number[],
    private head: ChainHead,
    private torn: TornTail | undefined,
    private broken: StoreError | undefined,
    private readonly readOnly: boolean,
  ) {}

  /** Loads a log's state (creating nothing: a log without a file is empty). */
  static async load(
    root: string,
    logId: LogId,
    readOnly: boolean,
  ): Promise<E.Either<StoreError, LogFile>> {
    const dir = join(root, 'logs', logId);
    let handle: FileHandle;
    try {
      handle = await open(join(dir, DATA), readOnly ? 'r' : 'r+');
    } catch (e) {
      if (!isNotFound(e)) return E.left(ioError(e, `cannot open log ${logId}`, logId));
      return E.right(
        new LogFile(
          logId,
          dir,
          undefined,
          undefined,
          [0],
          emptyHead(logId),
          undefined,
          undefined,
          readOnly,
        ),
      );
    }
    const file = new LogFile(
      logId,
      dir,
      handle,
      undefined,
      [0],
      emptyHead(logId),
      undefined,
      undefined,
      readOnly,
    );
    try {
      await file.scan();
    } catch (e) {
      await file.close();
      return E.left(ioError(e, `cannot read log ${logId}`, logId));
    }
    return E.right(file);
  }

  /** Current size, head hash and torn tail; errors if appends are blocked. */
  status(): {
    readonly head: ChainHead;
    readonly bytes: number;
    readonly torn: TornTail | undefined;
  } {
    return { head: this.head, bytes: this.end(), torn: this.torn };
  }

  /** The head, or why this log cannot be appended to. */
  writableHead(): E.Either<StoreError, ChainHead> {
    if (this.broken !== undefined) return E.left(this.broken);
    if (this.torn !== undefined) {
      return E.left(
        storeError(
          'STORE_TORN_TAIL',
          `log ${this.logId} ends with ${this.torn.length} bytes of a partly written record at byte ${this.torn.offset}; inspect it, then call repair()`,
          { logId: this.logId },
        ),
      );
    }
    return E.right(this.head);
  }

  /** Appends sealed events (already checked against the head) and syncs before returning. */
  async append(
    events: ReadonlyArray<LogEvent>,
    head: ChainHead,
  ): Promise<E.Either<StoreError, void>> {
    if (this.readOnly)
      return E.left(storeError('STORE_READ_ONLY', 'the store was opened read-only'));
    const blocked = this.writableHead();
    if (E.isLeft(blocked)) return blocked;
    const bytes = encodeEventLines(events);
    if (E.isLeft(bytes))
      return E.left(storeError('STORE_DRAFT_INVALID', bytes.left.message, { logId: this.logId }));
    const start = this.end();
    try {
      if (this.handle === undefined) await this.create();
      const h = this.handle as FileHandle;
      const size = (await h.stat()).size;
      if (size !== start) {
        this.broken = storeError(
          'STORE_CONCURRENT_WRITER',
          `log ${this.logId} is ${size} bytes on disk, this process wrote ${start}: another writer ignored the lock; reopen and verify`,
          { logId: this.logId },
        );
        return E.left(this.broken);
      }
      await writeAll(h, bytes.right, start);
      // The acknowledgement point: the lines are on stable storage before append returns.
      await h.datasync();
    } catch (e) {
      await this.undo(start);
      return E.left(ioError(e, `cannot append to log ${this.logId}`, this.logId));
    }
    const added: number[] = [];
    let at = start;
    for (let i = bytes.right.indexOf(0x0a); i >= 0; i = bytes.right.indexOf(0x0a, i + 1)) {
      at = start + i + 1;
      added.push(at);
    }
    this.offsets.push(...added);
    this.head = head;
    await this.writeIndex(this.offsets.length - 1 - added.length);
    return E.right(undefined);
  }

  /** Events `[from, to)` (within the size), decoded and their chain checked on the way. */
  async read(from: number, to: number): Promise<E.Either<StoreError, ReadonlyArray<LogEvent>>> {
    if (from >= to) return E.right([]);
    const startByte = this.offsets[from] as number;
    const endByte = this.offsets[to] as number;
    const bytes = new Uint8Array(endByte - startByte);
    try {
      const { bytesRead } = await (this.handle as FileHandle).read(
        bytes,
        0,
        bytes.length,
        startByte,
      );
      if (bytesRead !== bytes.length) throw Object.assign(new Error('short read'), { code: 'EIO' });
    } catch (e) {
      return E.left(ioError(e, `cannot read log ${this.logId}`, this.logId));
    }
    const events: LogEvent[] = [];
    // The range's first predecessor is not read: link it to its own prev_hash, check the rest.
    const verifier = createLogVerifier(this.logId, {
      from: { log_id: this.logId, size: from, hash: firstPrevHash(bytes) },
      onEvent: (e) => events.push(e),
    });
    verifier.pushBytes(bytes);
    const r = verifier.finish();
    if (E.isLeft(r)) {
      return E.left(
        storeError(
          'STORE_RECORD_CORRUPT',
          `log ${this.logId}: events ${from}..${to - 1} do not verify (${r.left[0].code} at seq ${from + r.left[0].index})`,
          { logId: this.logId, issues: r.left },
        ),
      );
    }
    return E.right(events);
  }

  /**
   * Streams the data file in chunks: by default all of it (complete lines and any torn tail),
   * or its first `upTo` bytes.
   */
  async *chunks(upTo?: number, size = CHUNK): AsyncGenerator<Uint8Array> {
    if (this.handle === undefined) return;
    const total = upTo ?? (await this.handle.stat()).size;
    for (let pos = 0; pos < total;) {
      const buf = new Uint8Array(Math.min(size, total - pos));
      const { bytesRead } = await this.handle.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
      pos += bytesRead;
    }
  }

  /** Truncates a torn tail after a crash, returning the bytes removed (never complete lines). */
  async repair(): Promise<
    E.Either<StoreError, { readonly removed?: TornTail & { readonly bytes: Uint8Array } }>
  > {
    if (this.readOnly)
      return E.left(storeError('STORE_READ_ONLY', 'the store was opened read-only'));
    const torn = this.torn;
    if (torn === undefined || this.handle === undefined) return E.right({});
    const bytes = new Uint8Array(torn.length);
    try {
      await this.handle.read(bytes, 0, bytes.length, torn.offset);
      await this.handle.truncate(torn.offset);
      await this.handle.datasync();
    } catch (e) {
      return E.left(ioError(e, `cannot repair log ${this.logId}`, this.logId));
    }
    this.torn = undefined;
    return E.right({ removed: { ...torn, bytes } });
  }

  async close(): Promise<void> {
    const hs = [this.handle, this.idx];
    this.handle = undefined;
    this.idx = undefined;
    for (const h of hs) await h?.close().catch(() => undefined);
  }

  // --- internal --------------------------------------------------------------

  private end(): number {
    return this.offsets[this.offsets.length - 1] as number;
  }

  private async create(): Promise<void> {
    await mkdirDurable(this.dir);
    this.handle = await open(join(this.dir, DATA), 'wx+');
    await fsyncDir(this.dir);
  }

  // After a failed write: cut back to the last acknowledged byte, or refuse further appends.
  private async undo(start: number): Promise<void> {
    try {
      await this.handle?.truncate(start);
      await this.handle?.datasync();
    } catch (e) {
      this.broken = ioError(
        e,
        `log ${this.logId} may end with a partial write; reopen the store`,
        this.logId,
      );
    }
  }

  /** Builds offsets from the index (if it checks out) plus a scan of the unindexed tail. */
  private async scan(): Promise<void> {
    const h = this.handle as FileHandle;
    const fileSize = (await h.stat()).size;
    const indexed = await this.readIndex(fileSize);
    let rewriteFrom = indexed.length - 1;
    for (const useIndex of [true, false]) {
      // Index entries are line starts (the last one is the end of the data): scan from there.
      this.offsets = useIndex ? [...indexed] : [0];
      if (!useIndex) rewriteFrom = 0;
      let pos = this.offsets[this.offsets.length - 1] as number;
      const buf = new Uint8Array(CHUNK);
      for (let base = pos; base < fileSize;) {
        const { bytesRead } = await h.read(buf, 0, Math.min(CHUNK, fileSize - base), base);
        if (bytesRead === 0) break;
        for (let i = buf.indexOf(0x0a); i >= 0 && i < bytesRead; i = buf.indexOf(0x0a, i + 1)) {
          pos = base + i + 1;
          this.offsets.push(pos);
        }
        base += bytesRead;
      }
      this.torn = pos < fileSize ? { offset: pos, length: fileSize - pos } : undefined;
      if (await this.loadHead()) break;
    }
    if (rewriteFrom < this.offsets.length - 1 || rewriteFrom === 0)
      await this.writeIndex(rewriteFrom);
  }

  /** Reads the last complete line for the head; false when it does not match its position. */
  private async loadHead(): Promise<boolean> {
    const size = this.offsets.length - 1;
    this.broken = undefined;
    if (size === 0) {
      this.head = emptyHead(this.logId);
      return true;
    }
    const r = await this.read(size - 1, size);
    const last = E.isRight(r) ? r.right[0] : undefined;
    if (last === undefined || last.seq !== size - 1) {
      this.broken = storeError(
        'STORE_RECORD_CORRUPT',
        `log ${this.logId}: the last line is not event ${size - 1}; verify the log`,
        {
          logId: this.logId,
          ...(E.isLeft(r) && r.left.issues !== undefined ? { issues: r.left.issues } : {}),
        },
      );
      return false;
    }
    this.head = { log_id: this.logId, size, hash: last.hash };
    return true;
  }

  private async readIndex(fileSize: number): Promise<number[]> {
    let bytes: Uint8Array;
    try {
      const h = await open(join(this.dir, INDEX), 'r');
      try {
        const size = (await h.stat()).size;
        bytes = new Uint8Array(size - (size % 8));
        await h.read(bytes, 0, bytes.length, 0);
      } finally {
        await h.close();
      }
    } catch {
      return [0];
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out: number[] = [];
    for (let i = 0; i < bytes.length; i += 8) {
      const v = Number(view.getBigUint64(i));
      // Strictly increasing and inside the file, or the index is discarded.
      if (v > fileSize || (out.length > 0 && v <= (out[out.length - 1] as number))) return [0];
      out.push(v);
    }
    if (out[0] !== undefined && out[0] !== 0) return [0];
    return out.length === 0 ? [0] : out;
  }

  /** Writes index entries for lines `from..size` (best effort: the index is derived data). */
  private async writeIndex(from: number): Promise<void> {
    if (this.readOnly) return;
    try {
      // Positional writes: not 'a' mode, where Linux appends whatever the position says.
      if (this.idx === undefined) this.idx = await openOrCreate(join(this.dir, INDEX));
      if (from === 0) await this.idx.truncate(0);
      const n = this.offsets.length - from;
      const out = new Uint8Array(n * 8);
      const view = new DataView(out.buffer);
      for (let i = 0; i < n; i++)
        view.setBigUint64(i * 8, BigInt(this.offsets[from + i] as number));
      await writeAll(this.idx, out, from * 8);
    } catch {
      // A stale index is detected and rebuilt on the next load.
    }
  }
}

// --- internal --------------------------------------------------------------

const openOrCreate = async (path: string): Promise<FileHandle> => {
  try {
    return await open(path, 'r+');
  } catch (e) {
    if (!isNotFound(e)) throw e;
    return open(path, 'w+');
  }
};

const DATA = 'events.jsonl';
const INDEX = 'events.idx';
const CHUNK = 8 * 1024 * 1024;
const ZERO = `sha256:${'0'.repeat(64)}` as Sha256Digest;

// The first line's own prev_hash, so that its link is taken as given and every later one checked
// (a line that does not parse gets a placeholder; verification then reports the line itself).
const firstPrevHash = (bytes: Uint8Array): Sha256Digest => {
  const nl = bytes.indexOf(0x0a);
  const line = new TextDecoder().decode(bytes.subarray(0, nl < 0 ? bytes.length : nl));
  try {
    const v = JSON.parse(line) as { prev_hash?: unknown };
    if (typeof v.prev_hash === 'string' && /^sha256:[0-9a-f]{64}$/.test(v.prev_hash)) {
      return v.prev_hash as Sha256Digest;
    }
  } catch {
    // reported by the verifier
  }
  return ZERO;
};
