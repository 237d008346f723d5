/**
 * Helpers shared by the VEX importers: deterministic product order and statement assembly.
 * @module
 */
import type { VexProduct, VexSubcomponent } from '@warrant/core';
import { compareStrings, sortUnique } from './sort';

const compareIdentity = (a: VexSubcomponent, b: VexSubcomponent): number =>
  compareStrings(a.purl ?? '', b.purl ?? '') ||
  compareStrings(a.digest ?? '', b.digest ?? '') ||
  compareStrings(a.cpe ?? '', b.cpe ?? '') ||
  compareStrings(a.id ?? '', b.id ?? '') ||
  compareStrings(a.name ?? '', b.name ?? '') ||
  compareStrings(a.version ?? '', b.version ?? '');

/**
 * Sorts products and their subcomponents (finding-v1 section 12) and drops exact duplicates.
 * The products are the caller's own fresh objects: each one's `subcomponents` is replaced by
 * its sorted copy in place (copying every product to a new object cost more than the sort).
 */
export const sortProducts = (products: ReadonlyArray<VexProduct>): VexProduct[] => {
  for (const p of products) {
    (p as { subcomponents: VexProduct['subcomponents'] }).subcomponents = sortUnique(
      p.subcomponents,
      compareIdentity,
    );
  }
  return sortUnique(products, compareIdentity);
};
