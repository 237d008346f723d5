/**
 * What an exception carries besides its scope (docs/spec/exception-v1.md section 5): evidence
 * references with integrity digests, links, the risk acceptance block and compensating controls.
 * @module
 */
import * as t from 'io-ts';
import { Sha256Digest } from '../digest';
import { closedObject } from './codec-kit';
import { LinkRef, MediaType, Text, Uri } from './fields';
import { EvidenceKind, LinkKind, ResidualRisk } from './vocabulary';

/**
 * A reference to evidence held elsewhere, with an integrity check (seed 000 section 3.4): what
 * kind it is, where it is, its media type and the SHA-256 of its exact bytes.
 */
export const EvidenceRef = closedObject(
  'EvidenceRef',
  { kind: EvidenceKind, uri: Uri, media_type: MediaType, digest: Sha256Digest },
  {},
);
/** A reference to evidence held elsewhere. */
export type EvidenceRef = t.TypeOf<typeof EvidenceRef>;

/** A link to a ticket, pull request, incident or advisory, by key or URL. */
export const Link = closedObject('Link', { kind: LinkKind, ref: LinkRef }, {});
/** A link to a ticket, pull request, incident or advisory. */
export type Link = t.TypeOf<typeof Link>;

/**
 * The explicit risk statement. `accepted: true` means the requester accepts residual risk and
 * must say which (`statement`); `accepted: false` asserts no residual risk is being accepted
 * (e.g. a false positive). Governance may require `accepted: true` for some reason codes.
 */
export const RiskAcceptance = closedObject(
  'RiskAcceptance',
  { accepted: t.boolean },
  { statement: Text, residual_risk: ResidualRisk },
  (r) =>
    r.accepted && r.statement === undefined
      ? [{ path: ['statement'], message: 'expected a statement when accepted is true' }]
      : [],
);
/** The explicit risk statement. */
export type RiskAcceptance = t.TypeOf<typeof RiskAcceptance>;

/**
 * A compensating control (seed 002): specific (`control`: what is in place), measurable
 * (`measurement`: how it is checked) and enforceable (`enforcement`: what enforces it).
 */
export const CompensatingControl = closedObject(
  'CompensatingControl',
  { control: Text, measurement: Text, enforcement: Text },
  {},
);
/** A compensating control. */
export type CompensatingControl = t.TypeOf<typeof CompensatingControl>;
