/**
 * File patterns of redaction rules (docs/spec/redaction-v1.md section 3): which pack files a rule
 * applies to, as `/`-separated segments where `*` stands for any run of characters within one
 * segment and a segment `**` for any number of whole segments (zero or more).
 * @module
 */

// --- model -----------------------------------------------------------------

/** A parsed file pattern: one matcher per segment, `null` for a `**` segment. */
export interface FilePattern {
  readonly text: string;
  readonly segments: ReadonlyArray<RegExp | null>;
}

// --- operations ------------------------------------------------------------

/**
 * Parses a file pattern.
 * @param text - e.g. `exceptions/*.json`, `**\/*.jsonl`, `inputs/raw/**`
 * @returns the pattern, or a message saying what is wrong
 * @see docs/spec/redaction-v1.md section 3
 * @example
 * parseFilePattern('findings/*.json') // { text, segments: [/^findings$/, /^[^/]*\.json$/] }
 * parseFilePattern('a//b')            // 'expected no empty segment …'
 */
export const parseFilePattern = (text: string): FilePattern | string => {
  if (text === '') return 'expected a non-empty pattern';
  if (text.startsWith('/')) return 'expected a relative pattern (no leading "/")';
  const parts = text.split('/');
  const segments: Array<RegExp | null> = [];
  for (const part of parts) {
    if (part === '') return 'expected no empty segment (no "//" and no trailing "/")';
    if (part === '.' || part === '..') return 'expected no "." or ".." segment';
    if (part === '**') {
      segments.push(null);
      continue;
    }
    if (part.includes('**')) return 'expected "**" only as a whole segment';
    // Everything but `*` is literal: escape regular expression syntax, then widen `*`.
    const body = part
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    segments.push(new RegExp(`^${body}$`, 'u'));
  }
  return { text, segments };
};

/**
 * Whether a pack file path matches a pattern (case-sensitive, whole path).
 * @param pattern - a parsed pattern
 * @param path - a pack file path (`/`-separated, as in the archive)
 * @returns true when every segment matches, `**` absorbing zero or more segments
 * @see docs/spec/redaction-v1.md section 3
 * @example
 * matchFilePattern(parse('**\/*.json'), 'exceptions/a.json') // true
 * matchFilePattern(parse('*.json'), 'exceptions/a.json')    // false: `*` stays in one segment
 */
export const matchFilePattern = (pattern: FilePattern, path: string): boolean =>
  matchFrom(pattern.segments, 0, path.split('/'), 0, new Map());

// --- internal --------------------------------------------------------------

// Memoized on (pattern index, path index) so `**/**/**` stays linear in practice.
function matchFrom(
  pattern: ReadonlyArray<RegExp | null>,
  p: number,
  path: ReadonlyArray<string>,
  s: number,
  memo: Map<number, boolean>,
): boolean {
  const key = p * (path.length + 1) + s;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let result: boolean;
  if (p === pattern.length) result = s === path.length;
  else {
    const seg = pattern[p];
    if (seg === null) {
      result = false;
      for (let k = s; k <= path.length && !result; k++) {
        result = matchFrom(pattern, p + 1, path, k, memo);
      }
    } else {
      result =
        s < path.length &&
        (seg as RegExp).test(path[s] as string) &&
        matchFrom(pattern, p + 1, path, s + 1, memo);
    }
  }
  memo.set(key, result);
  return result;
}
