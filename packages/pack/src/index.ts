/**
 * @warrant/pack: deterministic, verifiable audit packs (browser-safe entry).
 * @module
 */
export const PACK_PACKAGE = '@warrant/pack' as const;
