/**
 * Value propagation and the residue check (docs/spec/redaction-v1.md section 8). A value redacted
 * in one place may also appear elsewhere (an owner's email in an exception, in the verdict and in
 * an event log): the sweep replaces it in every string of every JSON file, and the residue check
 * then refuses the output if any redacted value still appears in any file's bytes or path.
 * @module
 */
import { decodeBase64, type JsonValue, utf8Encode } from '@warrant/core';
import { forEachString } from './document';
import { isRedactionOutput } from './replacement';

// --- model -----------------------------------------------------------------

/**
 * Redacted strings of at least this many UTF-8 bytes are also replaced inside longer strings and
 * searched for in the output bytes; shorter ones are replaced only where a whole string equals
 * them (a 3-letter value occurs by chance in digests and ordinary words).
 */
export const REDACTION_SWEEP_MIN_BYTES = 6;

/** A redacted value's replacement and where it was first selected (for error messages). */
export interface TableEntry {
  readonly replacement: string;
  readonly origin: string;
}

/** Finds and replaces redacted values; built once per redaction run. */
export interface Sweeper {
  /** The replacement for a whole string value (the string itself when nothing applies). */
  readonly sweep: (s: string) => string;
  /** The origin of the first redacted value found in `text`, if any. */
  readonly findResidue: (text: string) => string | undefined;
}

// --- operations ------------------------------------------------------------

/**
 * Builds the sweeper for a table of redacted values.
 * @param table - redacted value to its replacement and origin
 * @returns the sweeper
 * @see docs/spec/redaction-v1.md section 8
 * @example
 * makeSweeper(new Map([['alice@corp.example', { replacement: '[REDACTED]', origin: 'a.json $.owner' }]]))
 *   .sweep('ask alice@corp.example') // 'ask [REDACTED]'
 */
export const makeSweeper = (table: ReadonlyMap<string, TableEntry>): Sweeper => {
  const long = [...table.keys()]
    .filter((v) => utf8Encode(v).length >= REDACTION_SWEEP_MIN_BYTES)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  // Longest first: at each position the longest redacted value wins, scanning left to right.
  const needles: string[] = [];
  for (const v of long) {
    needles.push(v);
    const escaped = JSON.stringify(v).slice(1, -1);
    if (escaped !== v) needles.push(escaped);
  }
  const origins = new Map<string, string>();
  for (const v of long) {
    const origin = (table.get(v) as TableEntry).origin;
    origins.set(v, origin);
    origins.set(JSON.stringify(v).slice(1, -1), origin);
  }
  const pattern = long.length === 0 ? undefined : new RegExp(long.map(escapeRegExp).join('|'), 'g');
  const residue =
    needles.length === 0 ? undefined : new RegExp(needles.map(escapeRegExp).join('|'));
  return {
    sweep: (s) => {
      const exact = table.get(s);
      if (exact !== undefined) return exact.replacement;
      if (pattern === undefined || isRedactionOutput(s) || CONTENT_ADDRESS.test(s)) return s;
      return s.replace(pattern, (m) => (table.get(m) as TableEntry).replacement);
    },
    findResidue: (text) => {
      if (residue === undefined) return undefined;
      const m = residue.exec(text);
      return m === null ? undefined : origins.get(m[0]);
    },
  };
};

/**
 * The texts the residue check searches in one output file: its bytes decoded as UTF-8 (invalid
 * sequences replaced, so valid UTF-8 inside binary data is still found), and for JSON documents
 * every member name, every string value, and the decoded payload of every DSSE envelope.
 * @param bytes - the output file's bytes
 * @param docs - its parsed documents, when it is a JSON file
 * @returns the texts to search
 * @example
 * residueTexts(bytes, [doc]).some((t) => sweeper.findResidue(t) !== undefined)
 */
export const residueTexts = (
  bytes: Uint8Array,
  docs: ReadonlyArray<JsonValue> | undefined,
): ReadonlyArray<string> => {
  const texts = [LENIENT.decode(bytes)];
  for (const doc of docs ?? []) {
    forEachString(doc, (s) => texts.push(s));
    forEachEnvelopePayload(doc, (p) => texts.push(LENIENT.decode(p)));
  }
  return texts;
};

// --- internal --------------------------------------------------------------

const LENIENT = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const CONTENT_ADDRESS = /^sha256:[0-9a-f]{64}$/;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// A DSSE envelope (docs/spec/signatures.md) signs a base64 payload: a redacted value inside it
// cannot be replaced without breaking the signature, so it is only searched for.
function forEachEnvelopePayload(doc: JsonValue, visit: (payload: Uint8Array) => void): void {
  if (Array.isArray(doc)) for (const v of doc) forEachEnvelopePayload(v, visit);
  else if (doc !== null && typeof doc === 'object') {
    const o = doc as { readonly [k: string]: JsonValue };
    if (typeof o['payloadType'] === 'string' && typeof o['payload'] === 'string') {
      const p = decodeBase64(o['payload']);
      if (p !== undefined) visit(p);
    }
    for (const k of Object.keys(o)) forEachEnvelopePayload(o[k] as JsonValue, visit);
  }
}
