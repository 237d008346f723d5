/**
 * The fast path of proposal decoding: accepts proposal content the {@link ExceptionProposal}
 * codec would accept, and builds the very value the codec would return (same members in the same
 * order, sets sorted the same way, purls in canonical form), without the io-ts machinery
 * (contexts, Either per member, error lists). It answers `undefined` whenever it is not sure, and
 * the caller then runs the codec, which decides and explains. Leaf values are checked with the
 * codecs' own predicates (`Name.is`, `Timestamp.is`, …) so the two paths cannot drift apart on
 * what a field accepts; fast-path.prop.test.ts compares both paths on valid and hostile input.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { Timestamp } from '../time';
import { compareCodeUnits, isSha256Digest, setKey } from './codec-kit';
import { canonicalPurl, purlStatesVersion, rangeSchemeProblem } from './component-syntax';
import { EnvValue, LinkRef, MediaType, Name, RiskScore, Text, Uri } from './fields';
import { proposalViolations, type ExceptionProposal, type ProposalShape } from './proposal';
import { VersRange, VulnerabilityId } from './scope';
import { EvidenceKind, ExceptionType, LinkKind, ReasonCode, ResidualRisk } from './vocabulary';

// --- operations ------------------------------------------------------------

/**
 * Whether the value read equals its input member for member: set by {@link readProposalFast}
 * when asked. `normalized` becomes true when a set had to be sorted or a purl rewritten to its
 * canonical form, that is when the canonical JSON of the input is not that of the result.
 * @internal
 */
export interface ReadNote {
  normalized: boolean;
}

/**
 * Reads proposal content on the fast path.
 * @param u - untrusted proposal content
 * @param note - when given, `note.normalized` is set to whether the result differs from `u`
 *   (a set reordered, a purl rewritten); otherwise the result holds exactly `u`'s members and
 *   values, so both have the same canonical JSON
 * @returns what `ExceptionProposal.decode(u)` returns on success, or `undefined` when the input
 *   is not plainly valid (the codec must decide)
 * @internal
 * @example
 * readProposalFast(JSON.parse(text)) ?? decodeProposal(JSON.parse(text))
 */
export const readProposalFast = (
  u: unknown,
  note: ReadNote = UNASKED,
): ExceptionProposal | undefined => {
  note.normalized = false;
  if (!isRecord(u) || !closed(u, PROPOSAL_KEYS)) return undefined;
  const scope = readScope(u.scope, note);
  const risk = readRiskAcceptance(u.risk_acceptance);
  const { type, owner, reason_code, rationale, risk_score, expires_at } = u;
  if (
    scope === undefined ||
    risk === undefined ||
    !ExceptionType.is(type) ||
    !Name.is(owner) ||
    !ReasonCode.is(reason_code) ||
    !Text.is(rationale) ||
    !RiskScore.is(risk_score) ||
    !Timestamp.is(expires_at)
  ) {
    return undefined;
  }
  // Members in the codec's order: required as declared, then the optional ones present.
  const out: Record<string, unknown> = {
    type,
    owner,
    scope,
    reason_code,
    rationale,
    risk_acceptance: risk,
    risk_score,
    expires_at,
  };
  const { valid_from, evidence_refs, compensating_controls, links, deployment_intent } = u;
  if (valid_from !== undefined) {
    if (!Timestamp.is(valid_from)) return undefined;
    out.valid_from = valid_from;
  }
  if (evidence_refs !== undefined) {
    const v = readObjectSet(evidence_refs, readEvidenceRef, note);
    if (v === undefined) return undefined;
    out.evidence_refs = v;
  }
  if (compensating_controls !== undefined) {
    const v = readObjectSet(compensating_controls, readControl, note);
    if (v === undefined) return undefined;
    out.compensating_controls = v;
  }
  if (links !== undefined) {
    const v = readObjectSet(links, readLink, note);
    if (v === undefined) return undefined;
    out.links = v;
  }
  if (deployment_intent !== undefined) {
    if (!LinkRef.is(deployment_intent)) return undefined;
    out.deployment_intent = deployment_intent;
  }
  const p = out as ProposalShape;
  return proposalViolations(p).length === 0 ? (p as ExceptionProposal) : undefined;
};

// --- internal --------------------------------------------------------------

type Rec = Record<string, unknown>;

// Written to when the caller does not ask (no allocation per call).
const UNASKED: ReadNote = { normalized: false };

// The closedObject codec's notion of a record.
const isRecord = (u: unknown): u is Rec => typeof u === 'object' && u !== null && !Array.isArray(u);

const keySet = (...keys: string[]): ReadonlySet<string> => new Set(keys);

const PROPOSAL_KEYS = keySet(
  'type',
  'owner',
  'scope',
  'reason_code',
  'rationale',
  'risk_acceptance',
  'risk_score',
  'expires_at',
  'valid_from',
  'evidence_refs',
  'compensating_controls',
  'links',
  'deployment_intent',
);
const SCOPE_KEYS = keySet(
  'artifacts',
  'components',
  'vulnerabilities',
  'environment',
  'policy_rules',
);
const ENV_KEYS = ['envs', 'clusters', 'namespaces', 'repositories', 'projects', 'tenants'] as const;
const ENV_KEY_SET = keySet(...ENV_KEYS);
const ARTIFACT_KEYS = keySet('digest', 'ref');
const COMPONENT_KEYS = keySet('purl', 'range');
const RISK_KEYS = keySet('accepted', 'statement', 'residual_risk');
const EVIDENCE_KEYS = keySet('kind', 'uri', 'media_type', 'digest');
const CONTROL_KEYS = keySet('control', 'measurement', 'enforcement');
const LINK_KEYS = keySet('kind', 'ref');

/** Whether every member of `u` with a defined value is one of `keys` (closedObject's rule). */
const closed = (u: Rec, keys: ReadonlySet<string>): boolean => {
  for (const k of Object.keys(u)) if (!keys.has(k) && u[k] !== undefined) return false;
  return true;
};

function readScope(u: unknown, note: ReadNote): Rec | undefined {
  if (!isRecord(u) || !closed(u, SCOPE_KEYS)) return undefined;
  const out: Rec = {};
  const { artifacts, components, vulnerabilities, environment, policy_rules } = u;
  if (artifacts !== undefined) {
    const v = readObjectSet(artifacts, readArtifact, note);
    if (v === undefined) return undefined;
    // checkScope: each artifact digest once.
    const seen = new Set<unknown>();
    for (const a of v) {
      if (seen.has(a.digest)) return undefined;
      seen.add(a.digest);
    }
    out.artifacts = v;
  }
  if (components !== undefined) {
    const v = readObjectSet(components, readComponent, note);
    if (v === undefined) return undefined;
    out.components = v;
  }
  if (vulnerabilities !== undefined) {
    const v = readStringSet(vulnerabilities, VulnerabilityId, note);
    if (v === undefined) return undefined;
    out.vulnerabilities = v;
  }
  if (environment !== undefined) {
    const v = readEnvironment(environment, note);
    if (v === undefined) return undefined;
    out.environment = v;
  }
  if (policy_rules !== undefined) {
    const v = readStringSet(policy_rules, Name, note);
    if (v === undefined) return undefined;
    out.policy_rules = v;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function readEnvironment(u: unknown, note: ReadNote): Rec | undefined {
  if (!isRecord(u) || !closed(u, ENV_KEY_SET)) return undefined;
  const out: Rec = {};
  let any = false;
  for (const k of ENV_KEYS) {
    const x = u[k];
    if (x === undefined) continue;
    const v = readStringSet(x, EnvValue, note);
    if (v === undefined) return undefined;
    out[k] = v;
    any = true;
  }
  return any ? out : undefined;
}

function readArtifact(u: unknown): Rec | undefined {
  if (!isRecord(u) || !closed(u, ARTIFACT_KEYS) || !isSha256Digest(u.digest)) return undefined;
  if (u.ref === undefined) return { digest: u.digest };
  return LinkRef.is(u.ref) ? { digest: u.digest, ref: u.ref } : undefined;
}

function readComponent(u: unknown, note: ReadNote): Rec | undefined {
  if (!isRecord(u) || !closed(u, COMPONENT_KEYS) || typeof u.purl !== 'string') return undefined;
  const p = canonicalPurl(u.purl);
  if (E.isLeft(p)) return undefined;
  const purl = p.right;
  if (purl !== u.purl) note.normalized = true;
  const range = u.range;
  if (range === undefined) return { purl };
  if (!VersRange.is(range) || purlStatesVersion(purl)) return undefined;
  return rangeSchemeProblem(purl, range) === undefined ? { purl, range } : undefined;
}

function readRiskAcceptance(u: unknown): Rec | undefined {
  if (!isRecord(u) || !closed(u, RISK_KEYS) || typeof u.accepted !== 'boolean') return undefined;
  const out: Rec = { accepted: u.accepted };
  if (u.statement !== undefined) {
    if (!Text.is(u.statement)) return undefined;
    out.statement = u.statement;
  } else if (u.accepted) return undefined;
  if (u.residual_risk !== undefined) {
    if (!ResidualRisk.is(u.residual_risk)) return undefined;
    out.residual_risk = u.residual_risk;
  }
  return out;
}

function readEvidenceRef(u: unknown): Rec | undefined {
  if (!isRecord(u) || !closed(u, EVIDENCE_KEYS)) return undefined;
  const { kind, uri, media_type, digest } = u;
  return EvidenceKind.is(kind) && Uri.is(uri) && MediaType.is(media_type) && isSha256Digest(digest)
    ? { kind, uri, media_type, digest }
    : undefined;
}

function readControl(u: unknown): Rec | undefined {
  if (!isRecord(u) || !closed(u, CONTROL_KEYS)) return undefined;
  const { control, measurement, enforcement } = u;
  return Text.is(control) && Text.is(measurement) && Text.is(enforcement)
    ? { control, measurement, enforcement }
    : undefined;
}

function readLink(u: unknown): Rec | undefined {
  if (!isRecord(u) || !closed(u, LINK_KEYS)) return undefined;
  const { kind, ref } = u;
  return LinkKind.is(kind) && LinkRef.is(ref) ? { kind, ref } : undefined;
}

/** setOf over strings: non-empty, no duplicates, sorted by UTF-16 code units; a fresh array. */
function readStringSet(
  u: unknown,
  item: t.Type<string, string, unknown>,
  note: ReadNote,
): string[] | undefined {
  if (!Array.isArray(u) || u.length === 0) return undefined;
  let sorted = true;
  for (let i = 0; i < u.length; i++) {
    const x: unknown = u[i];
    if (!item.is(x)) return undefined;
    if (i > 0 && !((u[i - 1] as string) < x)) sorted = false;
  }
  const out = (u as string[]).slice();
  if (sorted) return out;
  note.normalized = true;
  return sortUnique(out, (x) => x);
}

/** setOf over closed records: elements read by `read`, keyed by their canonical JSON. */
function readObjectSet(
  u: unknown,
  read: (x: unknown, note: ReadNote) => Rec | undefined,
  note: ReadNote,
): Rec[] | undefined {
  if (!Array.isArray(u) || u.length === 0) return undefined;
  // One element is sorted and unique; a literal holds it without the spare capacity a push
  // leaves (the result is kept for as long as the record that holds it).
  if (u.length === 1) {
    const v = read(u[0], note);
    return v === undefined ? undefined : [v];
  }
  const out: Rec[] = [];
  for (let i = 0; i < u.length; i++) {
    const v = read(u[i], note);
    if (v === undefined) return undefined;
    out.push(v);
  }
  // More than one need the codec's key, the element's canonical JSON.
  const sorted = sortUnique(out, setKey);
  if (sorted !== undefined && sorted.some((x, i) => x !== out[i])) note.normalized = true;
  return sorted;
}

/** Sorts by key as setOf does, or `undefined` when two elements share a key (a duplicate). */
function sortUnique<A>(items: A[], key: (a: A) => string): A[] | undefined {
  const keyed = items.map((value) => ({ value, key: key(value) }));
  keyed.sort((a, b) => compareCodeUnits(a.key, b.key));
  for (let i = 1; i < keyed.length; i++) {
    if ((keyed[i - 1] as { key: string }).key === (keyed[i] as { key: string }).key) {
      return undefined;
    }
  }
  return keyed.map((k) => k.value);
}
