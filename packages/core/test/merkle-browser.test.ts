/**
 * The digest and Merkle conformance vectors, run in headless Chromium against a browser bundle of
 * @warrant/core: proves the `#platform/sha256` seam picks @noble/hashes there and that the web
 * path (noble, plus crypto.subtle in sha256Async) gives the same bytes as Node.
 *
 * Needs a Chromium binary (test-support/chromium.ts says where it looks). Under CI=true a missing browser
 * fails the run; elsewhere the test is skipped with a message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { haveChromium, openSecurePage, withChromium } from '../../../test-support/chromium';

// The code that runs in the page: every vector, with the browser's own implementations.
const ENTRY = `
import * as W from '@warrant/core';
const hex = (h) => W.fromHex(h);
const expand = (i) => typeof i === 'string' ? hex(i)
  : (() => { const u = hex(i.repeat); const o = new Uint8Array(u.length * i.count);
      for (let k = 0; k < i.count; k++) o.set(u, k * u.length); return o; })();
const out = (r, show) => r._tag === 'Left' ? { error: r.left.code } : { expected: show(r.right) };
globalThis.runVectors = async (files) => {
  const wrong = [];
  const check = (file, c, actual) => {
    const want = 'error' in c ? { error: c.error } : { expected: c.expected };
    if (JSON.stringify(actual) !== JSON.stringify(want)) wrong.push(file + ': ' + c.name + ' got ' + JSON.stringify(actual));
  };
  for (const c of files['sha256.json'].cases) {
    const bytes = expand(c.input);
    check('sha256', c, { expected: W.digestBytes(bytes) });
    check('sha256 async', c, { expected: await W.digestBytesAsync(bytes) });
  }
  for (const c of files['hashes.json'].cases) {
    const i = c.input;
    check('hashes', c, { expected: W.toHex(i.leaf !== undefined ? W.hashLeaf(hex(i.leaf)) : W.hashChildren(hex(i.left), hex(i.right))) });
  }
  for (const c of files['roots.json'].cases) check('roots', c, { expected: W.toHex(W.merkleTreeHash(c.input.leaves.map(hex))) });
  for (const c of files['inclusion-proofs.json'].cases) {
    check('inclusion-proofs', c, out(W.inclusionProof(c.input.leaves.map(hex).map(W.hashLeaf), c.input.index), (p) => p.map(W.toHex)));
  }
  for (const c of files['consistency-proofs.json'].cases) {
    check('consistency-proofs', c, out(W.consistencyProof(c.input.leaves.map(hex).map(W.hashLeaf), c.input.size1), (p) => p.map(W.toHex)));
  }
  for (const c of files['inclusion.json'].cases) {
    const i = c.input;
    check('inclusion', c, out(W.verifyInclusion({ leafHash: hex(i.leafHash), index: i.index, treeSize: i.treeSize, proof: i.proof.map(hex), root: hex(i.root) }), () => true));
  }
  for (const c of files['consistency.json'].cases) {
    const i = c.input;
    check('consistency', c, out(W.verifyConsistency({ size1: i.size1, size2: i.size2, root1: hex(i.root1), root2: hex(i.root2), proof: i.proof.map(hex) }), () => true));
  }
  return { implementation: W.SHA256_IMPLEMENTATION, secure: globalThis.isSecureContext, wrong };
};
`;

const VECTORS = {
  'sha256.json': 'conformance/digest/sha256.json',
  'hashes.json': 'conformance/merkle/hashes.json',
  'roots.json': 'conformance/merkle/roots.json',
  'inclusion-proofs.json': 'conformance/merkle/inclusion-proofs.json',
  'consistency-proofs.json': 'conformance/merkle/consistency-proofs.json',
  'inclusion.json': 'conformance/merkle/inclusion.json',
  'consistency.json': 'conformance/merkle/consistency.json',
};

describe('digest and Merkle vectors in a browser', () => {
  it.runIf(haveChromium())(
    'pass in headless Chromium with @noble/hashes and crypto.subtle',
    async () => {
      const bundle = await build({
        stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
        bundle: true,
        platform: 'browser',
        format: 'iife',
        conditions: ['@warrant/source'],
        write: false,
        logLevel: 'silent',
      });
      const script = bundle.outputFiles[0]?.text ?? '';
      expect(script).not.toMatch(/node:crypto/);
      const files = Object.fromEntries(
        Object.entries(VECTORS).map(([k, p]) => [
          k,
          JSON.parse(readFileSync(p, 'utf8')) as unknown,
        ]),
      );
      const result = await withChromium(async (context) => {
        // An https origin, so the page is a secure context and crypto.subtle exists.
        const page = await openSecurePage(context, script);
        return (await page.evaluate(
          (f) => (globalThis as unknown as { runVectors: (x: unknown) => unknown }).runVectors(f),
          files,
        )) as { implementation: string; secure: boolean; wrong: string[] };
      });
      expect(result.implementation).toBe('@noble/hashes');
      expect(result.secure).toBe(true);
      expect(result.wrong).toEqual([]);
    },
    120_000,
  );
});
