/**
 * The DSSE JSON envelope: its io-ts codec and a strict decoder for untrusted input.
 *
 * `{ "payloadType": string, "payload": base64, "signatures": [{ "keyid"?: string, "sig": base64 }] }`
 * (DSSE envelope.md). Decoding rejects unknown members, wrong types, lone surrogates and bad
 * base64, naming the JSON path of every problem. Following envelope.md ("empty fields may be
 * omitted"), an absent `payloadType`, `payload` or `signatures` reads as empty, and an absent or
 * empty `keyid` as no key id.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { parseJsonStrict, type JsonParseError, type JsonParseLimits } from '../json-parse';
import { formatJsonPath, type PathSegment } from '../json-path';
import { decodeBase64 } from './base64';
import type { DsseDecodeError, DsseIssue } from './errors';
import { hasLoneSurrogate } from './pae';

// --- model -----------------------------------------------------------------

/** Brand of {@link Base64String}. */
export interface Base64StringBrand {
  readonly Base64String: unique symbol;
}

/** Text that decodes under the DSSE base64 rules (standard or URL-safe alphabet, padded). */
export const Base64String = t.brand(
  t.string,
  (s): s is t.Branded<string, Base64StringBrand> => decodeBase64(s) !== undefined,
  'Base64String',
);
/** Text that decodes under the DSSE base64 rules (standard or URL-safe alphabet, padded). */
export type Base64String = t.TypeOf<typeof Base64String>;

/** One signature of an envelope: the signature bytes in base64 and an optional key id hint. */
export const DsseSignature = t.exact(
  t.intersection([t.type({ sig: Base64String }), t.partial({ keyid: t.string })]),
  'DsseSignature',
);
/** One signature of an envelope: the signature bytes in base64 and an optional key id hint. */
export type DsseSignature = t.TypeOf<typeof DsseSignature>;

/** A DSSE JSON envelope as Warrant emits it (all three members present). */
export const DsseEnvelope = t.strict(
  {
    /** How to interpret the payload, e.g. `application/vnd.in-toto+json`. Authenticated. */
    payloadType: t.string,
    /** The serialized body in base64. Authenticated. */
    payload: Base64String,
    /** One or more signatures over the PAE of the two fields above. */
    signatures: t.array(DsseSignature),
  },
  'DsseEnvelope',
);
/** A DSSE JSON envelope as Warrant emits it (all three members present). */
export type DsseEnvelope = t.TypeOf<typeof DsseEnvelope>;

// --- operations ------------------------------------------------------------

/**
 * Decodes an untrusted JSON value into an envelope, strictly, reporting every problem.
 * @param json - a parsed JSON value (e.g. from `parseJsonStrict`)
 * @returns the envelope with absent members filled in and base64 text kept as given, or
 *   `CORE_DSSE_ENVELOPE_MALFORMED` / `CORE_DSSE_BASE64_INVALID` naming the first problem's path,
 *   with all problems in `issues`
 * @see https://github.com/secure-systems-lab/dsse/blob/master/envelope.md
 * @see docs/spec/signatures.md section 2 (envelope)
 * @example
 * decodeEnvelope({ payloadType: 'a', payload: 'aGk=', signatures: [{ sig: 'AA==' }] }) // right(…)
 * decodeEnvelope({ payload: 'a?' }) // left({ code: 'CORE_DSSE_BASE64_INVALID', path: '$.payload', … })
 */
export const decodeEnvelope = (json: unknown): E.Either<DsseDecodeError, DsseEnvelope> =>
  E.map((d: DecodedEnvelope) => d.envelope)(decodeEnvelopeBytes(json));

/**
 * Parses envelope JSON text or bytes with the strict JSON parser, then decodes it.
 * @param input - the envelope as JSON text or UTF-8 bytes
 * @param limits - size and depth limits for the JSON parser
 * @returns the envelope, or the JSON parse error, or the decoding error
 * @example
 * parseEnvelope('{"payloadType":"a","payload":"","signatures":[]}') // right(…)
 */
export const parseEnvelope = (
  input: string | Uint8Array,
  limits?: JsonParseLimits,
): E.Either<JsonParseError | DsseDecodeError, DsseEnvelope> => {
  const parsed = parseJsonStrict(input, limits);
  return E.isLeft(parsed) ? parsed : decodeEnvelope(parsed.right);
};

// --- internal --------------------------------------------------------------

/** An envelope with its base64 members already decoded (shared with verification). */
export interface DecodedEnvelope {
  readonly envelope: DsseEnvelope;
  readonly payload: Uint8Array;
  readonly sigs: ReadonlyArray<Uint8Array>;
}

const ENVELOPE_MEMBERS = new Set(['payloadType', 'payload', 'signatures']);
const SIGNATURE_MEMBERS = new Set(['keyid', 'sig']);

/** @internal */
export const decodeEnvelopeBytes = (json: unknown): E.Either<DsseDecodeError, DecodedEnvelope> => {
  const issues: DsseIssue[] = [];
  const malformed = (path: ReadonlyArray<PathSegment>, message: string): void => {
    issues.push({ code: 'CORE_DSSE_ENVELOPE_MALFORMED', message, path: formatJsonPath(path) });
  };
  const string = (value: unknown, path: ReadonlyArray<PathSegment>): string | undefined => {
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    malformed(path, `expected a string, got ${describe(value)}`);
    return undefined;
  };
  // payloadType and keyid are text: they must be well-formed Unicode (PAE UTF-8 encodes the type).
  const text = (value: unknown, path: ReadonlyArray<PathSegment>): string => {
    const s = string(value, path);
    if (s !== undefined && hasLoneSurrogate(s))
      malformed(path, 'the string holds a lone surrogate');
    return s ?? '';
  };
  const base64 = (value: unknown, path: ReadonlyArray<PathSegment>): [string, Uint8Array] => {
    const s = string(value, path);
    if (s === undefined) return ['', new Uint8Array(0)];
    const bytes = decodeBase64(s);
    if (bytes !== undefined) return [s, bytes];
    issues.push({
      code: 'CORE_DSSE_BASE64_INVALID',
      message:
        'expected padded base64 in the standard or the URL-safe alphabet (RFC 4648 sections 4 and 5), ' +
        'with no whitespace, no mixed alphabets and zero padding bits',
      path: formatJsonPath(path),
    });
    return ['', new Uint8Array(0)];
  };

  if (!isRecord(json)) {
    malformed([], `expected an envelope object, got ${describe(json)}`);
    return E.left(fail(issues));
  }
  unknownMembers(json, ENVELOPE_MEMBERS, [], malformed);
  const payloadType = text(own(json, 'payloadType'), ['payloadType']);
  const [payload, payloadBytes] = base64(own(json, 'payload'), ['payload']);
  const rawSignatures = own(json, 'signatures') ?? [];
  const signatures: DsseSignature[] = [];
  const sigs: Uint8Array[] = [];
  if (!Array.isArray(rawSignatures)) {
    malformed(['signatures'], `expected an array, got ${describe(rawSignatures)}`);
  } else {
    rawSignatures.forEach((raw: unknown, i) => {
      const at: PathSegment[] = ['signatures', i];
      if (!isRecord(raw)) {
        malformed(at, `expected a signature object, got ${describe(raw)}`);
        return;
      }
      unknownMembers(raw, SIGNATURE_MEMBERS, at, malformed);
      if (own(raw, 'sig') === undefined) malformed([...at, 'sig'], 'the member "sig" is required');
      const keyid = text(own(raw, 'keyid'), [...at, 'keyid']);
      const [sig, sigBytes] = base64(own(raw, 'sig'), [...at, 'sig']);
      signatures.push(
        keyid === '' ? { sig: sig as Base64String } : { keyid, sig: sig as Base64String },
      );
      sigs.push(sigBytes);
    });
  }
  if (issues.length > 0) return E.left(fail(issues));
  return E.right({
    envelope: { payloadType, payload: payload as Base64String, signatures },
    payload: payloadBytes,
    sigs,
  });
};

const fail = (issues: ReadonlyArray<DsseIssue>): DsseDecodeError => {
  const first = issues[0] as DsseIssue;
  return { code: first.code, message: first.message, path: first.path, issues };
};

// Own members only: a value inherited through a prototype is not part of the envelope.
const own = (obj: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const unknownMembers = (
  obj: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  at: ReadonlyArray<PathSegment>,
  malformed: (path: ReadonlyArray<PathSegment>, message: string) => void,
): void => {
  const names = Object.keys(obj).filter((k) => !allowed.has(k));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const k of names) {
    malformed([...at, k], `unknown member; allowed: ${[...allowed].join(', ')}`);
  }
};

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
