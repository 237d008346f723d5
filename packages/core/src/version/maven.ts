/**
 * Maven version ordering: the item model of maven-artifact's `ComparableVersion` (3.x). A
 * version is lowercased (ASCII) and split at `.`, at `-` and at digit/letter transitions into
 * numbers, qualifiers and sub-lists (a `-` or a transition opens a sub-list); trailing null
 * items are trimmed. Qualifiers order as alpha < beta < milestone < rc = cr < snapshot <
 * "" = ga = final = release < sp < any other qualifier (alphabetical). Two deliberate choices,
 * both from later Maven: a sub-list compared with padding looks at all its items (MNG-6964,
 * without which `1-0.a` = `1` = `1-0.b` breaks transitivity), and `release` aliases `""`.
 * @see https://maven.apache.org/pom.html#version-order-specification
 * @see https://github.com/apache/maven/blob/maven-3.6.3/maven-artifact/src/main/java/org/apache/maven/artifact/versioning/ComparableVersion.java
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  asciiLower,
  compareCodeUnits,
  compareDigits,
  isDigitCode,
  stripLeadingZeros,
  type Ordering,
  type VersionScheme,
} from './ordering';

/** One item of a parsed Maven version. */
export type MavenItem =
  | { readonly kind: 'int'; readonly digits: string }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'list'; readonly items: MavenItem[] };

/**
 * Parses a Maven version into its item list (any printable ASCII is accepted, as Maven does).
 * @internal
 */
export const parseMaven = (text: string): E.Either<string, MavenItem> => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return E.left(`character at offset ${i} is not printable ASCII`);
  }
  const version = asciiLower(text);
  const root: MavenItem & { kind: 'list' } = { kind: 'list', items: [] };
  let list = root;
  const stack = [root];
  const open = (): void => {
    const next: MavenItem & { kind: 'list' } = { kind: 'list', items: [] };
    list.items.push(next);
    list = next;
    stack.push(next);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < version.length; i++) {
    const c = version.charCodeAt(i);
    if (c === 0x2e || c === 0x2d) {
      // '.' or '-': an empty token is 0; '-' also opens a sub-list
      list.items.push(i === start ? ZERO : item(isDigit, version.slice(start, i), false));
      start = i + 1;
      if (c === 0x2d) open();
    } else if (isDigitCode(c)) {
      if (!isDigit && i > start) {
        list.items.push(item(false, version.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.items.push(item(true, version.slice(start, i), false));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (version.length > start) list.items.push(item(isDigit, version.slice(start), false));
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i] as MavenItem & { kind: 'list' });
  return E.right(root);
};

/**
 * ComparableVersion.compareTo on the root lists.
 * @internal
 */
export const compareMaven = (a: MavenItem, b: MavenItem): Ordering => compareItem(a, b);

/** @internal */
export const MAVEN_SCHEME: VersionScheme<MavenItem> = { parse: parseMaven, compare: compareMaven };

// --- internal --------------------------------------------------------------

const ZERO: MavenItem = { kind: 'int', digits: '' };
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const SHORT: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

// A number (leading zeros dropped) or a qualifier; "a1" = "alpha-1" only when a digit follows.
const item = (isDigit: boolean, token: string, followedByDigit: boolean): MavenItem => {
  if (isDigit) return { kind: 'int', digits: stripLeadingZeros(token) };
  const short = followedByDigit && token.length === 1 ? (SHORT[token] ?? token) : token;
  return { kind: 'str', value: ALIASES[short] ?? short };
};

const isNull = (x: MavenItem): boolean =>
  x.kind === 'int' ? x.digits === '' : x.kind === 'str' ? x.value === '' : x.items.length === 0;

// Removes trailing null items, stepping over (non-null) sub-lists, as ListItem.normalize does.
const normalize = (list: MavenItem & { kind: 'list' }): void => {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const x = list.items[i] as MavenItem;
    if (isNull(x)) list.items.splice(i, 1);
    else if (x.kind !== 'list') break;
  }
};

const comparable = (q: string): string => {
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
};

// x compared with y; y undefined is the padding ("null") of a shorter list.
const compareItem = (x: MavenItem, y: MavenItem | undefined): Ordering => {
  switch (x.kind) {
    case 'int':
      if (y === undefined) return x.digits === '' ? 0 : 1;
      return y.kind === 'int' ? compareDigits(x.digits || '0', y.digits || '0') : 1;
    case 'str':
      if (y === undefined) return compareCodeUnits(comparable(x.value), RELEASE_INDEX);
      return y.kind === 'str' ? compareCodeUnits(comparable(x.value), comparable(y.value)) : -1;
    case 'list':
      if (y === undefined) {
        for (const i of x.items) {
          const c = compareItem(i, undefined);
          if (c !== 0) return c;
        }
        return 0;
      }
      if (y.kind === 'int') return -1;
      if (y.kind === 'str') return 1;
      for (let i = 0; i < Math.max(x.items.length, y.items.length); i++) {
        const l = x.items[i];
        const r = y.items[i];
        const c =
          l === undefined
            ? r === undefined
              ? 0
              : negate(compareItem(r, undefined))
            : compareItem(l, r);
        if (c !== 0) return c;
      }
      return 0;
  }
};

const negate = (o: Ordering): Ordering => (o === 0 ? 0 : o === 1 ? -1 : 1);
