/**
 * The canonical text of a purl: the ECMA-427 percent-encoding rules applied to normalized
 * components. Every UTF-8 octet is percent-encoded (uppercase hex) except ASCII letters and
 * digits, `.` `-` `_` `~`, and `:`; separators are written unencoded only where they separate.
 * @see https://github.com/package-url/purl-spec/blob/main/docs/standard/specification.md (Character encoding)
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2.1
 * @module
 */

/** The components of a normalized purl, as {@link formatPurl} reads them. */
export interface PurlComponents {
  readonly type: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly version: string | null;
  /** Keys lowercase; values non-empty. */
  readonly qualifiers: Readonly<Record<string, string>>;
  readonly subpath: string | null;
}

/**
 * Writes purl text from decoded components: `pkg:type/namespace/name@version?k=v&…#subpath`,
 * qualifier keys in code unit order, namespace and subpath segments percent-encoded one by one
 * (ECMA-427). For components of a parsed purl this is its canonical form; for components taken
 * from elsewhere (a scanner's package name and version), parse the text with `parsePurl` to
 * validate and normalize it.
 * @param p - decoded components (`null` for absent parts, `{}` for no qualifiers)
 * @returns the purl text
 * @see ../../../../docs/spec/scope-matching.md (section "Canonical form")
 * @example
 * formatPurl({ type: 'npm', namespace: '@angular', name: 'core', version: '12.3.1', qualifiers: {}, subpath: null })
 * // 'pkg:npm/%40angular/core@12.3.1'
 */
export const formatPurl = (p: PurlComponents): string => {
  let out = `pkg:${p.type}/`;
  if (p.namespace !== null) out += `${encodeSegments(p.namespace)}/`;
  out += encodeComponent(p.name);
  if (p.version !== null) out += `@${encodeComponent(p.version)}`;
  const keys = Object.keys(p.qualifiers);
  if (keys.length > 1) keys.sort(byCodeUnit);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out += `${i === 0 ? '?' : '&'}${k}=${encodeComponent(p.qualifiers[k] as string)}`;
  }
  if (p.subpath !== null) out += `#${encodeSegments(p.subpath)}`;
  return out;
};

/**
 * Percent-encodes one component or segment (UTF-8, uppercase hex).
 * @internal
 */
export const encodeComponent = (s: string): string => {
  // Most components need no encoding at all: return them as they are.
  let i = 0;
  while (i < s.length && KEEP[s.charCodeAt(i)] === 1) i++;
  if (i === s.length) return s;
  // ASCII is its own UTF-8: encode code units directly, without a TextEncoder round trip.
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return encodeUtf8Component(s);
    out += KEEP[c] === 1 ? s[i] : `%${HEX[c >> 4]}${HEX[c & 15]}`;
  }
  return out;
};

/**
 * Code unit order, the only order used for qualifier keys.
 * @internal
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// --- internal --------------------------------------------------------------

// Each `/`-separated segment encoded on its own (the `/` between them kept).
const encodeSegments = (path: string): string =>
  path.indexOf('/') === -1 ? encodeComponent(path) : path.split('/').map(encodeComponent).join('/');

const encodeUtf8Component = (s: string): string => {
  let out = '';
  for (const byte of UTF8.encode(s)) {
    out += KEEP[byte] === 1 ? String.fromCharCode(byte) : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
};

const UTF8 = new TextEncoder();
const HEX = '0123456789ABCDEF';
// 1 for the octets written as themselves: A-Z a-z 0-9 . - _ ~ and ':' (ECMA-427: "the colon
// ':', whether used as a Separator Character or otherwise" is never encoded).
const KEEP: Uint8Array = (() => {
  const keep = new Uint8Array(256);
  const allowed = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_~:';
  for (let i = 0; i < allowed.length; i++) keep[allowed.charCodeAt(i)] = 1;
  return keep;
})();
