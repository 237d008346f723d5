/**
 * The content digest of a proposal read from bytes already in hand. When a stored event's line is
 * proven RFC 8785 canonical (the fast path of log verification proves it), the text of its
 * `payload.proposal` member is itself canonical (RFC 8785 serializes each member value on its
 * own, section 3.2), so when the decoded proposal holds exactly the members and values of that
 * text (nothing sorted or rewritten by the decoder), `proposalDigest(decoded)` is the SHA-256 of
 * that span of the line: hashing the span skips serializing the proposal again.
 * proposal-span.prop.test.ts checks the two digests agree.
 * @module
 */
import { digestBytes, type Sha256Digest } from '../digest';

// --- operations ------------------------------------------------------------

/**
 * Where the value of `payload.proposal` lies in a stored event's JSON text.
 * @param bytes - the buffer holding the line (UTF-8 JSON text of one object)
 * @param start - offset of the line's first byte
 * @param end - offset just past the line's last byte (no line feed)
 * @returns `[from, to)` of the proposal object's bytes, or `undefined` when the line has no
 *   object-valued `payload.proposal` member (or is not well-formed enough to say)
 * @internal
 * @example
 * proposalSpan(utf8Encode('{"payload":{"proposal":{"a":1}}}'), 0, 32) // [23, 30]
 */
export const proposalSpan = (
  bytes: Uint8Array,
  start: number,
  end: number,
): readonly [number, number] | undefined => {
  let depth = 0;
  let inPayload = false;
  let from = -1;
  for (let i = start; i < end; i++) {
    const c = bytes[i] as number;
    if (c === QUOTE) {
      const close = stringEnd(bytes, i + 1, end);
      if (close < 0) return undefined;
      // A string followed by a colon is a member name.
      if (from < 0 && bytes[close + 1] === COLON && bytes[close + 2] === OPEN_BRACE) {
        if (depth === 1 && nameIs(bytes, i + 1, close, PAYLOAD)) inPayload = true;
        else if (depth === 2 && inPayload && nameIs(bytes, i + 1, close, PROPOSAL)) {
          from = close + 2;
        }
      }
      i = close;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (from >= 0 && depth === 2) return [from, i + 1];
      // The payload object closed without a proposal member.
      if (inPayload && depth === 1) return undefined;
    }
  }
  return undefined;
};

/**
 * {@link proposalSpan} by two searches over the text of a stored exception event, for the lines
 * where it is sound: the line is canonical (so no whitespace, and a quote inside a string is
 * always escaped: the text `"proposal":{` can only be a member name followed by an object) and
 * the fast reader accepted the event (so the payload holds only `previous_version`, `proposal`,
 * `schema` and `version`, in that order, and no object inside the proposal has a member named
 * `proposal` or `schema`). Then the first `"proposal":{` is the payload's, and its value ends
 * where the payload's `,"schema":"` member begins.
 * @param text - the line's text
 * @param offset - added to every offset returned (the byte offset of the line, for ASCII text)
 * @returns `[from, to)` of the proposal's text, shifted by `offset`, or `undefined`
 * @internal
 * @example
 * proposalSpanInText('{"payload":{"proposal":{"a":1},"schema":"s"}}', 0) // [23, 30]
 */
export const proposalSpanInText = (
  text: string,
  offset: number,
): readonly [number, number] | undefined => {
  const at = text.indexOf(PROPOSAL_MEMBER);
  if (at < 0) return undefined;
  const to = text.indexOf(SCHEMA_MEMBER, at);
  return to < 0 ? undefined : [offset + at + PROPOSAL_MEMBER.length - 1, offset + to];
};

/**
 * The content digest of the proposal whose canonical text is `bytes[from, to)`.
 * @param bytes - the buffer
 * @param span - from {@link proposalSpan}
 * @returns `sha256:` and the hex of SHA-256 over the span
 * @internal
 * @example
 * spanDigest(line, proposalSpan(line, 0, line.length)!) // === proposalDigest(decoded proposal)
 */
export const spanDigest = (bytes: Uint8Array, span: readonly [number, number]): Sha256Digest =>
  digestBytes(bytes.subarray(span[0], span[1]));

// --- internal --------------------------------------------------------------

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const PROPOSAL_MEMBER = '"proposal":{';
const SCHEMA_MEMBER = ',"schema":"';
const PAYLOAD = [0x70, 0x61, 0x79, 0x6c, 0x6f, 0x61, 0x64]; // payload
const PROPOSAL = [0x70, 0x72, 0x6f, 0x70, 0x6f, 0x73, 0x61, 0x6c]; // proposal

/** The index of the quote closing the string whose body starts at `i`, or -1. */
function stringEnd(bytes: Uint8Array, i: number, end: number): number {
  for (let j = bytes.indexOf(QUOTE, i); j >= 0 && j < end; j = bytes.indexOf(QUOTE, j + 1)) {
    // Escaped when preceded by an odd number of backslashes.
    let k = j - 1;
    while (k >= i && bytes[k] === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) return j;
  }
  return -1;
}

function nameIs(bytes: Uint8Array, from: number, to: number, name: ReadonlyArray<number>): boolean {
  if (to - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (bytes[from + k] !== name[k]) return false;
  return true;
}
