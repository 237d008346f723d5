/**
 * Lifecycle facts recorded on an exception version (docs/spec/exception-v1.md section 7.2): who
 * approved with which role and when (optionally with a DSSE signature), and the decision that
 * ended a version.
 * @module
 */
import * as t from 'io-ts';
import { decodeBase64 } from '../dsse/base64';
import { Timestamp } from '../time';
import { checkedString, closedObject } from './codec-kit';
import { hasLoneSurrogate, Name, Text } from './fields';
import { DecisionAction } from './vocabulary';

// --- model -----------------------------------------------------------------

/**
 * Base64 text as DSSE reads it (docs/spec/signatures.md): padded, standard or URL-safe alphabet,
 * not both; checked with the DSSE module's own decoder so the two never disagree.
 */
export const Base64Text = checkedString('Base64Text', (s) =>
  decodeBase64(s) === undefined ? 'expected padded base64 (docs/spec/signatures.md)' : undefined,
);

/** One signature of a DSSE envelope: `sig` (base64) and an optional `keyid`. */
export const DsseSignatureJson = closedObject(
  'DsseSignatureJson',
  { sig: Base64Text },
  {
    keyid: checkedString('KeyId', (s) =>
      hasLoneSurrogate(s) ? 'expected no lone surrogates' : undefined,
    ),
  },
);

/**
 * The JSON shape of a DSSE envelope (https://github.com/secure-systems-lab/dsse, envelope.md):
 * `payloadType`, base64 `payload`, one or more `signatures`. Only the shape is checked here;
 * verification against trusted keys is governance's job (docs/spec/governance-v1.md section 7).
 */
export const DsseEnvelopeJson = closedObject(
  'DsseEnvelopeJson',
  {
    payloadType: checkedString('PayloadType', (s) =>
      s === ''
        ? 'expected a payload type'
        : hasLoneSurrogate(s)
          ? 'expected no lone surrogates'
          : undefined,
    ),
    payload: Base64Text,
    signatures: t.array(DsseSignatureJson, 'DsseSignatures'),
  },
  {},
  (e) =>
    e.signatures.length === 0
      ? [{ path: ['signatures'], message: 'expected at least one signature' }]
      : [],
);
/** The JSON shape of a DSSE envelope. */
export type DsseEnvelopeJson = t.TypeOf<typeof DsseEnvelopeJson>;

/** The DSSE payload type of a signed approval statement. */
export const APPROVAL_PAYLOAD_TYPE = 'application/vnd.warrant.exception-approval+json';

/** One approval of one version: approver id, the role they acted with, when, optional signature. */
export const Approval = closedObject(
  'Approval',
  { id: Name, role: Name, at: Timestamp },
  { signature: DsseEnvelopeJson },
);
/** One approval of one version. */
export type Approval = t.TypeOf<typeof Approval>;

/** The decision by a person that ended a version: rejected, changes requested or revoked. */
export const Decision = closedObject(
  'Decision',
  { action: DecisionAction, actor: Name, at: Timestamp, reason: Text },
  {},
);
/** The decision that ended a version. */
export type Decision = t.TypeOf<typeof Decision>;
