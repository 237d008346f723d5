/**
 * Profile rules compiled for matching: file patterns and selectors parsed once per run.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { matchFilePattern, parseFilePattern, type FilePattern } from './file-pattern';
import type { RedactionAction, RedactionProfile } from './profile';
import { parseSelector, type Selector } from './selector';

/** A rule ready to run. */
export interface CompiledRule {
  readonly action: RedactionAction;
  /** `undefined` for a whole-file rule. */
  readonly selectors: ReadonlyArray<Selector> | undefined;
  readonly matches: (path: string) => boolean;
}

/**
 * Compiles the rules of a decoded profile.
 * @param profile - a profile from `decodeRedactionProfile` (its patterns and selectors parse)
 * @returns the rules, in profile order
 * @throws TypeError if the profile was not decoded (a pattern or selector does not parse)
 * @internal
 * @example
 * compileRules(EXTERNAL_AUDITOR_PROFILE)[0].matches('exceptions/a.json')
 */
export const compileRules = (profile: RedactionProfile): ReadonlyArray<CompiledRule> =>
  profile.rules.map((rule) => {
    const patterns: FilePattern[] = rule.files.map((f) => {
      const p = parseFilePattern(f);
      if (typeof p === 'string') throw new TypeError(`not a decoded profile: ${p}`);
      return p;
    });
    const selectors = rule.paths?.map((s) => {
      const r = parseSelector(s);
      if (E.isLeft(r)) throw new TypeError(`not a decoded profile: ${r.left.message}`);
      return r.right;
    });
    return {
      action: rule.action,
      selectors,
      matches: (path: string) => patterns.some((p) => matchFilePattern(p, path)),
    };
  });
