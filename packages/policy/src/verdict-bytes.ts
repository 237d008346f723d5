/**
 * The canonical bytes of a verdict (docs/spec/verdict-v1.md section 2): RFC 8785 JSON, UTF-8,
 * exactly `utf8Encode(verdictText(verdict))`, written by a byte writer compiled from the
 * Verdict codec (member labels encoded once, ASCII strings copied code unit by code unit)
 * into 1 MiB chunks. The bytes can be streamed ({@link writeVerdict}), collected
 * ({@link verdictBytes}) or hashed ({@link verdictDigest}); none of them builds the text, so a
 * verdict of a million findings (close to a gigabyte, longer than the engine's longest string)
 * serializes, and the streamed form never holds a second copy.
 * @module
 */
import { createSha256, digestFromRaw, type Sha256Digest } from '@warrant/core';
import { ByteSink, SINK_SIZE } from './evaluate/byte-sink';
import { compileCanonicalValueBytes } from './evaluate/codec-canonical-bytes';
import { Verdict, verdictText } from './verdict';

// --- operations ------------------------------------------------------------

/**
 * Writes the canonical UTF-8 bytes of a verdict as a sequence of chunks: their concatenation
 * is {@link verdictBytes}. Each chunk (at most 1 MiB, except a single string longer than that)
 * is handed over once and never written to again, so `write` may keep it or queue it on an
 * asynchronous stream.
 * @param verdict - a verdict made by `evaluate` (JSON values only)
 * @param write - receives the chunks in order
 * @throws TypeError as `verdictText` (the verdict is not JSON); chunks before the offending
 *   value may then already have been written
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * writeVerdict(verdict, (chunk) => process.stdout.write(chunk));
 */
export const writeVerdict = (verdict: Verdict, write: (chunk: Uint8Array) => void): void => {
  const sink = new ByteSink(write, SINK_SIZE, true);
  if (!putVerdict(verdict, sink)) refuse(verdict);
  sink.end();
};

/**
 * The canonical UTF-8 bytes of a verdict: replay compares these byte for byte. Equal to
 * `utf8Encode(verdictText(verdict))`, but never built as a string, so it also serializes
 * verdicts whose text exceeds the engine's maximum string length.
 * @param verdict - a verdict made by `evaluate` (JSON values only)
 * @returns RFC 8785 bytes
 * @throws TypeError as `verdictText` (the verdict is not JSON)
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * bytesEqual(verdictBytes(evaluate(input)), storedBytes)
 */
export const verdictBytes = (verdict: Verdict): Uint8Array => {
  const chunks: Uint8Array[] = [];
  let length = 0;
  writeVerdict(verdict, (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  const out = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < chunks.length; i++) {
    out.set(chunks[i] as Uint8Array, at);
    at += (chunks[i] as Uint8Array).length;
    // Let each chunk go once copied (the pages of `out` are committed as they are written).
    chunks[i] = EMPTY;
  }
  return out;
};

/**
 * The digest of a verdict: SHA-256 of {@link verdictBytes}, hashed 1 MiB at a time as the
 * bytes are written (one buffer, reused).
 * @param verdict - a verdict made by `evaluate` (JSON values only)
 * @returns `sha256:<hex>`
 * @throws TypeError as `verdictText` (the verdict is not JSON)
 * @see docs/spec/verdict-v1.md section 2
 * @example
 * verdictDigest(v) // 'sha256:…'
 */
export const verdictDigest = (verdict: Verdict): Sha256Digest => {
  const h = createSha256();
  const sink = new ByteSink((bytes) => {
    h.update(bytes);
  });
  if (!putVerdict(verdict, sink)) refuse(verdict);
  sink.end();
  return digestFromRaw(h.digest());
};

// --- internal --------------------------------------------------------------

const EMPTY = new Uint8Array(0);

const putVerdict = compileCanonicalValueBytes(Verdict);

// The value is not JSON: the generic canonicalizer says why, with the same words and path as
// verdictText (it refuses what the writer refused, at the first offending value).
const refuse = (verdict: Verdict): never => {
  verdictText(verdict);
  throw new TypeError('not a JSON verdict: a value changed while it was being written');
};
