// Bundled by pack-browser.test.ts for platform=browser and run in a bare node:vm context and in
// headless Chromium: builds a pack from JSON-transported inputs and verifies packs.
import * as E from 'fp-ts/lib/Either.js';
import { fromHex, importPublicKeyPem, toHex } from '@warrant/core';
import { buildPackBytes, verifyPack, type PackInput } from '@warrant/pack';

/** The input with byte fields as hex (what can cross into a page). */
export interface WireInput {
  readonly input: Omit<PackInput, 'sboms' | 'vex' | 'policy' | 'eventLog'> & {
    readonly policy: { readonly settings: PackInput['policy']['settings'] };
  };
  readonly sboms: ReadonlyArray<{ name: string; hex: string }>;
  readonly vex: ReadonlyArray<{ name: string; hex: string }>;
  readonly bundle: ReadonlyArray<{ name: string; hex: string }>;
  readonly events: string;
  readonly checkpoint: unknown;
}

const bytes = (hex: string): Uint8Array => fromHex(hex) ?? new Uint8Array(0);
const blobs = (xs: ReadonlyArray<{ name: string; hex: string }>) =>
  xs.map((x) => ({ name: x.name, content: bytes(x.hex) }));

/** Builds an unsigned pack; returns its hex or the error code. */
export const build = async (w: WireInput): Promise<string> => {
  const input: PackInput = {
    ...w.input,
    sboms: blobs(w.sboms),
    vex: blobs(w.vex),
    policy: { settings: w.input.policy.settings, bundle: blobs(w.bundle) },
    eventLog: { events: bytes(w.events), checkpoint: w.checkpoint },
  };
  const r = await buildPackBytes(input);
  return E.isLeft(r)
    ? `${r.left.code} ${r.left.path ?? ''} ${r.left.message}`
    : toHex(r.right.bytes);
};

/** Verifies a pack (with a trusted key when given); returns 'ok <pack id> <keyids>' or the codes. */
export const verify = async (hex: string, publicKeyPem?: string): Promise<string> => {
  let trust;
  if (publicKeyPem !== undefined) {
    const key = await importPublicKeyPem(publicKeyPem);
    if (E.isLeft(key)) return key.left.code;
    trust = { verifiers: [key.right.verifier] };
  }
  const r = await verifyPack(bytes(hex), trust === undefined ? {} : { trust });
  return E.isLeft(r)
    ? r.left.failures.map((f) => f.code).join(',')
    : `ok ${r.right.packId} ${r.right.signature?.keyids.join(',') ?? '-'}`;
};
