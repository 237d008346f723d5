/**
 * The normalized VEX statement: what an issuer says about one vulnerability in some products,
 * whatever the document format (OpenVEX, CycloneDX analysis, CSAF VEX). Statuses and
 * justifications use the OpenVEX / CISA vocabulary. Specified in docs/spec/finding-v1.md
 * section 10.
 * @module
 */
import * as t from 'io-ts';
import { Sha256Digest } from './digest';
import { VulnerabilityRef } from './finding';
import { Timestamp } from './time';

// --- model -----------------------------------------------------------------

/** VEX status (OpenVEX 0.2.0 section "Status Labels"; CISA minimum requirements). */
export const VexStatus = t.keyof(
  { not_affected: null, affected: null, fixed: null, under_investigation: null },
  'VexStatus',
);
/** VEX status. */
export type VexStatus = t.TypeOf<typeof VexStatus>;

/** Why a product is `not_affected` (OpenVEX 0.2.0 "Status Justifications"). */
export const VexJustification = t.keyof(
  {
    component_not_present: null,
    vulnerable_code_not_present: null,
    vulnerable_code_not_in_execute_path: null,
    vulnerable_code_cannot_be_controlled_by_adversary: null,
    inline_mitigations_already_exist: null,
  },
  'VexJustification',
);
/** Why a product is `not_affected`. */
export type VexJustification = t.TypeOf<typeof VexJustification>;

/** Ways a VEX document names a product or subcomponent. At least one member is present. */
const productIdentity = {
  /** The document's own identifier (OpenVEX `@id`, CSAF `product_id`, CycloneDX `bom-ref`). */
  id: t.string,
  /** Canonical package URL. */
  purl: t.string,
  /** Content digest (OpenVEX `hashes.sha-256`, or an OCI purl's `sha256:` version). */
  digest: Sha256Digest,
  /** CPE 2.2 or 2.3 name. */
  cpe: t.string,
  name: t.string,
  version: t.string,
};

/** A component inside a product (OpenVEX subcomponent, CSAF `product_reference`). */
export const VexSubcomponent = t.exact(t.partial(productIdentity), 'VexSubcomponent');
/** A component inside a product. */
export type VexSubcomponent = t.TypeOf<typeof VexSubcomponent>;

/** A product a statement applies to, with the subcomponents it narrows to (sorted). */
export const VexProduct = t.exact(
  t.intersection([t.type({ subcomponents: t.array(VexSubcomponent) }), t.partial(productIdentity)]),
  'VexProduct',
);
/** A product a statement applies to. */
export type VexProduct = t.TypeOf<typeof VexProduct>;

/** The document a statement came from. */
export const VexDocumentRef = t.exact(
  t.intersection([
    t.type({
      /** Warrant format name: `openvex`, `cyclonedx` or `csaf`. */
      format: t.string,
      /** SHA-256 of the imported document (finding-v1 section 11). */
      digest: Sha256Digest,
    }),
    t.partial({ id: t.string }),
  ]),
  'VexDocumentRef',
);
/** The document a statement came from. */
export type VexDocumentRef = t.TypeOf<typeof VexDocumentRef>;

/** A normalized VEX statement. */
export const VexStatement = t.exact(
  t.intersection([
    t.type({
      vulnerability: VulnerabilityRef,
      /** Products, sorted (finding-v1 section 12). */
      products: t.array(VexProduct),
      status: VexStatus,
      document: VexDocumentRef,
    }),
    t.partial({
      justification: VexJustification,
      /** The source's own justification value when it differs from {@link VexJustification}'s. */
      justificationRaw: t.string,
      impactStatement: t.string,
      actionStatement: t.string,
      statusNotes: t.string,
      /** Author or publisher of the statement. */
      issuer: t.string,
      /** When the statement was made, normalized to UTC. */
      timestamp: Timestamp,
    }),
  ]),
  'VexStatement',
);
/** A normalized VEX statement. */
export type VexStatement = t.TypeOf<typeof VexStatement>;
