// Node build equals browser build: build.ts and verify.ts bundled for the browser (esbuild,
// platform=browser, no node: modules) produce the same pack bytes as Node and verify Node's
// signed pack with the same result, in a bare node:vm context and in headless Chromium.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex, type SigningKey } from '@warrant/core';
import { buildPackBytes, type PackInput } from '@warrant/pack';
import { haveChromium, openSecurePage, withChromium } from '../../../test-support/chromium';
import { artifactInput, loadKey, right } from './fixtures';
import type { WireInput } from './pack-browser-probe';

const here = dirname(fileURLToPath(import.meta.url));

interface Probe {
  build: (w: WireInput) => Promise<string>;
  verify: (hex: string, pem?: string) => Promise<string>;
}

let bundle = '';
let key: SigningKey;
let wire: WireInput;
let nodeUnsigned = '';
let nodeSigned = '';
let tampered = '';

const hexOf = (c: unknown): string => toHex(c as Uint8Array);

beforeAll(async () => {
  const out = await build({
    entryPoints: [join(here, 'pack-browser-probe.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'probe',
    conditions: ['@warrant/source'],
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]?.text ?? '';
  key = await loadKey();
  const input: PackInput = await artifactInput(key);
  const { sboms, vex, policy, eventLog, ...rest } = input;
  wire = {
    input: { ...rest, policy: { settings: policy.settings } },
    sboms: (sboms ?? []).map((b) => ({ name: b.name, hex: hexOf(b.content) })),
    vex: (vex ?? []).map((b) => ({ name: b.name, hex: hexOf(b.content) })),
    bundle: policy.bundle.map((b) => ({ name: b.name, hex: hexOf(b.content) })),
    events: toHex(eventLog?.events ?? new Uint8Array()),
    checkpoint: eventLog?.checkpoint,
  };
  nodeUnsigned = toHex(right(await buildPackBytes(input)).bytes);
  const signed = right(await buildPackBytes(input, { signers: [key.signer] })).bytes;
  nodeSigned = toHex(signed);
  const t = signed.slice();
  t[t.length - 5] = (t[t.length - 5] as number) ^ 1; // the gzip trailer: ISIZE
  tampered = toHex(t);
}, 60_000);

// Objects must come from the probe's own realm: codecs accept plain objects of their realm only.
const check = async (probe: Probe, realm: (v: unknown) => unknown): Promise<void> => {
  expect(await probe.build(realm(wire) as WireInput)).toBe(nodeUnsigned);
  expect(await probe.verify(nodeSigned, key.publicKeyPem)).toMatch(
    new RegExp(`^ok sha256:[0-9a-f]{64} ${key.keyid}$`),
  );
  expect(await probe.verify(nodeUnsigned)).toMatch(/^ok sha256:[0-9a-f]{64} -$/);
  expect(await probe.verify(tampered, key.publicKeyPem)).toBe('PACK_ARCHIVE_GZIP_CHECKSUM');
};

describe('pack build and verify: browser build equals Node build', () => {
  it('the bundle imports no node: module', () => {
    expect(bundle.length).toBeGreaterThan(1000);
    expect(bundle).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    expect(bundle).not.toMatch(/\brequire\s*\(/);
  });

  it('in a fresh node:vm context with only web globals', async () => {
    const context = vm.createContext({
      TextEncoder,
      TextDecoder,
      URL,
      URLSearchParams,
      crypto: globalThis.crypto,
      atob,
      btoa,
    });
    vm.runInContext(`${bundle}\nglobalThis.probe = probe;`, context);
    const parse = vm.runInContext('(text) => JSON.parse(text)', context) as (t: string) => unknown;
    await check(context['probe'] as Probe, (v) => parse(JSON.stringify(v)));
  });

  describe.runIf(haveChromium())('in headless Chromium', () => {
    it('builds the same bytes and verifies the Node-signed pack', async () => {
      await withChromium(async (context) => {
        // An https origin, so the page is a secure context and crypto.subtle exists.
        const page = await openSecurePage(context, bundle);
        const args: [unknown, string, string, string, string] = [
          wire,
          nodeSigned,
          nodeUnsigned,
          tampered,
          key.publicKeyPem,
        ];
        const [built, signedOk, unsignedOk, bad] = await page.evaluate(
          async ([w, s, u, t, pem]: [unknown, string, string, string, string]) => {
            const p = (globalThis as unknown as { probe: Probe }).probe;
            return [
              await p.build(w as WireInput),
              await p.verify(s, pem),
              await p.verify(u),
              await p.verify(t, pem),
            ] as const;
          },
          args,
        );
        expect(built).toBe(nodeUnsigned);
        expect(signedOk).toBe(`ok ${signedOk.split(' ')[1]} ${key.keyid}`);
        expect(unsignedOk).toMatch(/^ok sha256:[0-9a-f]{64} -$/);
        expect(bad).toBe('PACK_ARCHIVE_GZIP_CHECKSUM');
      });
    }, 180_000);
  });
});
