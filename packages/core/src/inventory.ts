/**
 * The normalized inventory entry: one component (package) declared by an SBOM (CycloneDX
 * components, SPDX packages) or a scanner's package list. Specified in docs/spec/finding-v1.md
 * section 9.
 * @module
 */
import * as t from 'io-ts';

// --- model -----------------------------------------------------------------

/** One inventory component. */
export const Component = t.exact(
  t.intersection([
    t.type({
      /** Package name as the document gives it. */
      name: t.string,
      /** License identifiers or expressions, sorted and unique; empty when none are asserted. */
      licenses: t.array(t.string),
    }),
    t.partial({
      version: t.string,
      /** Canonical package URL (finding-v1 section 5). */
      purl: t.string,
      /** `document` when the purl was in the input, `derived` when Warrant built it. */
      purlSource: t.keyof({ document: null, derived: null }),
      /** Kind in the document's vocabulary, lowercased: `library`, `operating-system`, `container`… */
      type: t.string,
      /** The document-local reference: CycloneDX `bom-ref` or SPDX `SPDXID`. */
      bomRef: t.string,
    }),
  ]),
  'Component',
);
/** One inventory component. */
export type Component = t.TypeOf<typeof Component>;
