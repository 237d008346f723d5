/**
 * A byte buffer that the canonical writers fill and that hands its content on each time it
 * fills, so outputs of hundreds of megabytes (the verdict of a million findings, the digest of
 * a million findings) are written without one large string or a second copy. Either the buffer
 * is reused (the consumer hashes the bytes before returning) or each full buffer is given away
 * and a new one started (the consumer keeps or writes the chunks).
 * @module
 */

// --- model -----------------------------------------------------------------

/** Default buffer size: 1 MiB, large enough that each hand-over is cheap. */
export const SINK_SIZE = 1 << 20;

const ENCODER = new TextEncoder();

// --- operations ------------------------------------------------------------

/**
 * A byte buffer that hands its content to `drain` each time it fills.
 *
 * With `fresh` false (the default) the buffer is reused: `drain` must consume the bytes before
 * it returns (hashing them). With `fresh` true each drained chunk is left to the consumer and a
 * new buffer is started, so `drain` may keep the chunk or hand it to an asynchronous writer.
 * @example
 * const sink = new ByteSink((b) => hash.update(b));
 * sink.text('{"a":1}'); sink.end();
 * @internal
 */
export class ByteSink {
  /** The current buffer; writers read it after {@link ByteSink.room}, which may replace it. */
  buf: Uint8Array;
  /** Bytes buffered so far. */
  at = 0;
  constructor(
    private readonly drain: (bytes: Uint8Array) => void,
    /** Buffer size: the most bytes {@link ByteSink.room} can make room for. */
    readonly size = SINK_SIZE,
    private readonly fresh = false,
  ) {
    this.buf = new Uint8Array(size);
  }

  /** Makes room for `n` more bytes (at most the buffer size), draining what is buffered. */
  room(n: number): void {
    if (this.buf.length - this.at < n) this.flush();
  }

  /** Writes bytes (a loop beats `set` for the few bytes of a label). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (n > this.size) {
      this.flush();
      this.drain(this.fresh ? b.slice() : b);
      return;
    }
    this.room(n);
    const buf = this.buf;
    const at = this.at;
    for (let i = 0; i < n; i++) buf[at + i] = b[i] as number;
    this.at = at + n;
  }

  /** Writes a text as UTF-8. */
  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 for 2).
    const most = 3 * s.length;
    if (most > this.size) {
      this.flush();
      this.drain(ENCODER.encode(s));
      return;
    }
    this.room(most);
    this.at += ENCODER.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /** Drains what is buffered; the sink stays usable. */
  end(): void {
    if (this.at === 0) return;
    const chunk = this.buf.subarray(0, this.at);
    this.at = 0;
    if (this.fresh) this.buf = new Uint8Array(0);
    this.drain(chunk);
  }

  // Drains what is buffered and, when chunks are given away, starts a new buffer.
  private flush(): void {
    this.end();
    if (this.buf.length === 0) this.buf = new Uint8Array(this.size);
  }
}
