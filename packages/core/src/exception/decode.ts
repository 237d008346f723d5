/**
 * Turns io-ts validation errors into Warrant error values: one issue per problem, each with an
 * RFC 9535 normalized path and a sentence saying what was expected. All problems are returned,
 * not only the first (docs/spec/exception-v1.md section 2.4).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { WarrantError } from '../errors';
import { formatJsonPath, type PathSegment } from '../json-path';
import { showValue } from './codec-kit';

// --- model -----------------------------------------------------------------

/** One problem found while decoding: where, and what was expected. */
export interface DecodeIssue<C extends string = string> extends WarrantError<C> {
  readonly path: string;
}

/**
 * A refused input: the first problem as `message`/`path`, and every problem in `issues`
 * (in input order, duplicates removed).
 */
export interface DecodeError<C extends string = string> extends WarrantError<C> {
  readonly path: string;
  readonly issues: ReadonlyArray<DecodeIssue<C>>;
}

// --- operations ------------------------------------------------------------

/**
 * Decodes untrusted input with an io-ts codec, turning failures into one {@link DecodeError}.
 * @param codec - the codec
 * @param input - the untrusted value (parsed JSON or a JavaScript value)
 * @param code - the error code to report, e.g. `CORE_EXCEPTION_INVALID`
 * @param what - what the input is, for the summary message (e.g. `exception`)
 * @param at - where the input sits inside a larger document (e.g. `[3, 'payload']` for the
 *   payload of the fourth event); paths in issues start there
 * @returns the decoded value, or every problem with its path
 * @see docs/spec/exception-v1.md section 2.4
 * @example
 * decodeWith(Scope, { vulnerabilities: [] }, 'CORE_EXCEPTION_INVALID', 'scope')
 * // left({ code: 'CORE_EXCEPTION_INVALID', path: '$.vulnerabilities', issues: [...] })
 */
export const decodeWith = <A, C extends string>(
  codec: t.Decoder<unknown, A>,
  input: unknown,
  code: C,
  what: string,
  at: ReadonlyArray<PathSegment> = [],
): E.Either<DecodeError<C>, A> => {
  // A synthetic context: each prefix entry's parent is an array exactly when the segment is an
  // index, which is all toDecodeIssues looks at.
  const context: t.ContextEntry[] = [
    { key: '', type: codec, actual: at.length > 0 ? holder(at[0]) : input },
  ];
  at.forEach((seg, i) => {
    const next = at[i + 1];
    context.push({
      key: String(seg),
      type: codec,
      actual: next === undefined ? input : holder(next),
    });
  });
  const r = codec.validate(input, context);
  if (E.isRight(r)) return E.right(r.right);
  const issues = toDecodeIssues(r.left, code);
  const first = issues[0] ?? { code, path: formatJsonPath(at), message: 'invalid input' };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return E.left({
    code,
    message: `${what} is invalid at ${first.path}: ${first.message}${more}`,
    path: first.path,
    issues: issues.length > 0 ? issues : [first],
  });
};

/**
 * Converts io-ts errors into issues with RFC 9535 paths; the root entry of each context is the
 * input itself, array indices become numbers.
 * @param errors - the io-ts errors
 * @param code - the code every issue carries
 * @returns the issues, duplicates (same path and message) removed, input order kept
 * @example
 * toDecodeIssues(errors, 'CORE_EXCEPTION_INVALID') // [{ code, path: '$.scope.artifacts[0].digest', message: '…' }]
 */
export const toDecodeIssues = <C extends string>(
  errors: t.Errors,
  code: C,
): ReadonlyArray<DecodeIssue<C>> => {
  const out: DecodeIssue<C>[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const segments: PathSegment[] = [];
    for (let i = 1; i < e.context.length; i++) {
      const entry = e.context[i];
      const parent = e.context[i - 1];
      if (entry === undefined) continue;
      segments.push(Array.isArray(parent?.actual) ? Number(entry.key) : entry.key);
    }
    const path = formatJsonPath(segments);
    const last = e.context[e.context.length - 1];
    const message =
      e.message ?? `expected ${last?.type.name ?? 'a valid value'}, got ${showValue(e.value)}`;
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code, path, message });
  }
  return out;
};

// --- internal --------------------------------------------------------------

const holder = (seg: PathSegment | undefined): unknown => (typeof seg === 'number' ? [] : {});
