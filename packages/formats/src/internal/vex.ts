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

/** Sorts products and their subcomponents (finding-v1 section 12) and drops exact duplicates. */
export const sortProducts = (products: ReadonlyArray<VexProduct>): VexProduct[] =>
  sortUnique(
    products.map((p) => ({ ...p, subcomponents: sortUnique(p.subcomponents, compareIdentity) })),
    compareIdentity,
  );
