// Runs DSSE in a real browser: @warrant/core is bundled for the browser platform with esbuild
// and loaded into headless Chromium (playwright-core), which uses its own WebCrypto (BoringSSL)
// for Ed25519 and ECDSA. There it passes every case of conformance/dsse/signatures.json and
// keys.json, and a generate/sign/verify round trip for both algorithms.
// Needs a Chromium binary (test-support/chromium.ts says where it looks). Under CI=true a missing one
// FAILS these tests (.ci/run installs it); elsewhere they are skipped with a message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type * as Core from '@warrant/core';
import {
  haveChromium,
  launchChromium,
  openSecurePage,
  type Chromium,
} from '../../../../test-support/chromium';

const RUN = haveChromium();

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const vectors = (file: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, 'conformance', 'dsse', file), 'utf8'));

// What the page gets: the public API, reached the way a browser application would import it.
const ENTRY = `
import * as core from '@warrant/core';
globalThis.core = core;
`;

let browser: Chromium | undefined;
let page: Page;
beforeAll(async () => {
  // Under CI=true a missing browser makes launchChromium throw: the suite fails, never skips.
  if (!RUN) return;
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    conditions: ['@warrant/source'],
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  expect(code).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
  browser = await launchChromium();
  // WebCrypto's subtle exists only in secure contexts, hence the https page.
  page = await openSecurePage(browser.context, code);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe.runIf(RUN)('DSSE in headless Chromium', () => {
  it('has Ed25519 and ECDSA in the page WebCrypto (no @peculiar/webcrypto)', async () => {
    const algs = await page.evaluate(async () => {
      const c = (globalThis as unknown as { core: typeof Core }).core;
      const out: string[] = [];
      for (const alg of ['ed25519', 'ecdsa-p256'] as const) {
        const key = await c.generateSigningKey(alg);
        if (key._tag === 'Left') return [key.left.code];
        const env = await c.signEnvelope('application/typ\u00e9', new Uint8Array([1, 2, 3]), [
          key.right.signer,
        ]);
        const r = await c.verifyEnvelope(env, { verifiers: [key.right.verifier] });
        out.push(
          `${alg}:${r._tag}:${r._tag === 'Right' ? r.right.keyids[0] === key.right.keyid : ''}`,
        );
      }
      return out;
    });
    expect(algs).toEqual(['ed25519:Right:true', 'ecdsa-p256:Right:true']);
  });

  it('passes every case of conformance/dsse/keys.json and signatures.json', async () => {
    const failures = await page.evaluate(
      async ([keys, sigs]) => {
        const c = (globalThis as unknown as { core: typeof Core }).core;
        type Case = {
          name: string;
          input: Record<string, unknown>;
          expected?: unknown;
          error?: string;
        };
        const bad: string[] = [];
        const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
        for (const k of (keys as { cases: Case[] }).cases) {
          const i = k.input;
          const r =
            typeof i['publicKeyPem'] === 'string'
              ? await c.importPublicKeyPem(i['publicKeyPem'])
              : typeof i['privateKeyPem'] === 'string'
                ? await c.importPrivateKeyPem(i['privateKeyPem'])
                : await c.importJwk(i['jwk']);
          const got =
            r._tag === 'Left'
              ? r.left.code
              : { algorithm: r.right.algorithm, keyid: r.right.keyid };
          const want = k.error ?? {
            algorithm: (k.expected as { algorithm: string }).algorithm,
            keyid: (k.expected as { keyid: string }).keyid,
          };
          if (!same(got, want)) bad.push(`keys.json ${k.name}: ${JSON.stringify(got)}`);
        }
        for (const s of (sigs as { cases: Case[] }).cases) {
          const i = s.input as {
            envelope: unknown;
            trustedKeys: { keyid: string; publicKeyPem: string }[];
            threshold: number;
            payloadTypes?: string[];
          };
          const verifiers = [];
          for (const t of i.trustedKeys) {
            const key = await c.importPublicKeyPem(t.publicKeyPem);
            if (key._tag === 'Left') throw new Error(key.left.message);
            verifiers.push({ keyid: t.keyid, verify: key.right.verifier.verify });
          }
          const r = await c.verifyEnvelope(i.envelope, {
            verifiers,
            threshold: i.threshold,
            ...(i.payloadTypes === undefined ? {} : { payloadTypes: i.payloadTypes }),
          });
          const got =
            r._tag === 'Left'
              ? r.left.code
              : {
                  payloadType: r.right.payloadType,
                  payloadHex: c.toHex(r.right.payload),
                  keyids: r.right.keyids,
                };
          if (!same(got, s.error ?? s.expected))
            bad.push(`signatures.json ${s.name}: ${JSON.stringify(got)}`);
        }
        return bad;
      },
      [vectors('keys.json'), vectors('signatures.json')] as const,
    );
    expect(failures).toEqual([]);
  });
});
