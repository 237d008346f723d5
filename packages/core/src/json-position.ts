/**
 * Positions in JSON input for error values: line and column, UTF-8 byte offsets, and where a byte
 * sequence stops being well-formed UTF-8. Only ever run on the error path or once per input.
 * @module
 */

/** A place in the input, as people and editors count it. */
export interface LineColumn {
  /** 1-based; a line ends at each U+000A LINE FEED (CR alone does not end a line). */
  readonly line: number;
  /** 1-based, in Unicode code points from the start of the line. */
  readonly column: number;
}

/**
 * Line and column of a UTF-16 offset into `text`.
 * @param text - the decoded input
 * @param offset - a UTF-16 code unit offset, at most `text.length`
 * @returns the 1-based line and column
 * @internal
 */
export const lineColumnAt = (text: string, offset: number): LineColumn => {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    // The high half of a surrogate pair and its low half make one code point.
    if (!(c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1)) && i + 1 < offset))
      column++;
  }
  return { line, column };
};

/**
 * Number of UTF-8 bytes of `text.slice(0, end)` (lone surrogates count 3, as U+FFFD).
 * @param text - any string
 * @param end - UTF-16 offset to stop at (default: the whole string)
 * @returns the byte count
 * @internal
 */
export const utf8Length = (text: string, end = text.length): number => {
  let n = end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) {
      n += 2; // 4 bytes for 2 code units
      i++;
    } else n += 2;
  }
  return n;
};

/**
 * Offset of the first byte at which `bytes` stop being well-formed UTF-8 (Unicode 15 section
 * 3.9, table 3-7: no overlongs, no surrogates, nothing above U+10FFFF, no truncated sequences).
 * @param bytes - the input
 * @returns the offset of the first byte of the ill-formed sequence, or -1 if all is well-formed
 * @internal
 */
export const invalidUtf8At = (bytes: Uint8Array): number => {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated at the end of the input
    const second = bytes[i + 1] as number;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k] as number;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
};

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
