/**
 * @warrant/formats: importers from scanner, SBOM and VEX formats into Warrant's models.
 * @module
 */
export const FORMATS_PACKAGE = '@warrant/formats' as const;
