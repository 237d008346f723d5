/**
 * RFC 8785 canonical JSON of decoded proposal content, written directly from the known members
 * instead of through the generic canonicalizer: every object of a proposal is a closed record,
 * so its members can be listed once in canonical order (RFC 8785 section 3.2.3, UTF-16 code
 * units); strings go through `JSON.stringify`, whose output is RFC 8785 section 3.2.2.2 for
 * well-formed strings; integers through `JSON.stringify` too (ECMAScript number serialization,
 * section 3.2.2.3). It writes what `canonicalize(ExceptionProposal.encode(p))` writes, or answers
 * `undefined` whenever a value is not what the codec would have produced (the caller then takes
 * the generic path, which decides); proposal-canonical.prop.test.ts compares the two.
 * @module
 */

// --- operations ------------------------------------------------------------

/**
 * The canonical JSON text of decoded proposal content.
 * @param p - a decoded proposal (what the ExceptionProposal codec returns)
 * @returns the text `canonicalize(ExceptionProposal.encode(p))` returns, or `undefined`
 * @internal
 * @example
 * writeCanonicalProposal(p) // '{"expires_at":"…","owner":"team-a",…}'
 */
export const writeCanonicalProposal = (p: unknown): string | undefined => writeRecord(p, PROPOSAL);

// --- internal --------------------------------------------------------------

/** How one member is written: a kind, and for records the members of the nested record. */
type Kind =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'strings'
  | { readonly record: Members }
  | { readonly records: Members };
/** Members of a closed record in canonical order, and whether each is required. */
type Members = ReadonlyArray<readonly [name: string, kind: Kind, required: boolean]>;

const req = (name: string, kind: Kind): readonly [string, Kind, boolean] => [name, kind, true];
const opt = (name: string, kind: Kind): readonly [string, Kind, boolean] => [name, kind, false];

// Each list is sorted by member name (UTF-16 code units), as RFC 8785 section 3.2.3 orders them.
const ARTIFACT: Members = [req('digest', 'string'), opt('ref', 'string')];
const COMPONENT: Members = [req('purl', 'string'), opt('range', 'string')];
const ENVIRONMENT: Members = [
  opt('clusters', 'strings'),
  opt('envs', 'strings'),
  opt('namespaces', 'strings'),
  opt('projects', 'strings'),
  opt('repositories', 'strings'),
  opt('tenants', 'strings'),
];
const SCOPE: Members = [
  opt('artifacts', { records: ARTIFACT }),
  opt('components', { records: COMPONENT }),
  opt('environment', { record: ENVIRONMENT }),
  opt('policy_rules', 'strings'),
  opt('vulnerabilities', 'strings'),
];
const RISK: Members = [
  req('accepted', 'boolean'),
  opt('residual_risk', 'string'),
  opt('statement', 'string'),
];
const EVIDENCE: Members = [
  req('digest', 'string'),
  req('kind', 'string'),
  req('media_type', 'string'),
  req('uri', 'string'),
];
const CONTROL: Members = [
  req('control', 'string'),
  req('enforcement', 'string'),
  req('measurement', 'string'),
];
const LINK: Members = [req('kind', 'string'), req('ref', 'string')];
const PROPOSAL: Members = [
  opt('compensating_controls', { records: CONTROL }),
  opt('deployment_intent', 'string'),
  opt('evidence_refs', { records: EVIDENCE }),
  req('expires_at', 'string'),
  opt('links', { records: LINK }),
  req('owner', 'string'),
  req('rationale', 'string'),
  req('reason_code', 'string'),
  req('risk_acceptance', { record: RISK }),
  req('risk_score', 'integer'),
  req('scope', { record: SCOPE }),
  req('type', 'string'),
  opt('valid_from', 'string'),
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// As canonical-json.ts: the engine's check where it exists (ES2024), the pattern elsewhere.
const isWellFormed: (s: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);
const stringify = JSON.stringify;

// Members as the codec's encode reads them: `v[name]`, absent optional members skipped. Each
// writer returns the text, or `undefined` when the value is not what the codec produces.
function writeRecord(v: unknown, members: Members): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  let out = '';
  for (const [name, kind, required] of members) {
    const x = r[name];
    if (x === undefined) {
      if (required) return undefined;
      continue;
    }
    const text = writeValue(x, kind);
    if (text === undefined) return undefined;
    out += `${out === '' ? '{' : ','}"${name}":${text}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

function writeValue(x: unknown, kind: Kind): string | undefined {
  switch (kind) {
    case 'string':
      return typeof x === 'string' && isWellFormed(x) ? stringify(x) : undefined;
    case 'integer':
      return Number.isSafeInteger(x) ? stringify(x) : undefined;
    case 'boolean':
      return x === true ? 'true' : x === false ? 'false' : undefined;
    case 'strings':
      return writeArray(x, kind);
    default:
      return 'record' in kind ? writeRecord(x, kind.record) : writeArray(x, kind);
  }
}

// Set members keep their (decoded, already sorted) order, as the codec's encode does.
function writeArray(
  x: unknown,
  kind: 'strings' | { readonly records: Members },
): string | undefined {
  if (!Array.isArray(x)) return undefined;
  let out = '[';
  for (let i = 0; i < x.length; i++) {
    // `i in x`: a hole is not a value (the canonicalizer refuses it).
    if (!(i in x)) return undefined;
    const text = kind === 'strings' ? writeValue(x[i], 'string') : writeRecord(x[i], kind.records);
    if (text === undefined) return undefined;
    out += i === 0 ? text : `,${text}`;
  }
  return `${out}]`;
}
