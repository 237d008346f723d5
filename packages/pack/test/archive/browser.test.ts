// Node build equals browser build: the writer and reader bundled for the browser (esbuild,
// platform=browser: fflate's browser entry, @noble/hashes, no node: modules) must produce the
// golden bytes and the hostile codes, in a bare node:vm context and in headless Chromium.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openSecurePage, withChromium } from '../../../../test-support/chromium';

const here = dirname(fileURLToPath(import.meta.url));
const vectors = join(here, '../../../../conformance/pack/archive');

type Content = string | { pattern: string; length: number };
const expand = (c: Content): string => {
  if (typeof c === 'string') return c;
  const p = Buffer.from(c.pattern, 'hex');
  return Buffer.from(
    Uint8Array.from({ length: c.length }, (_, i) => p[i % p.length] as number),
  ).toString('hex');
};
const golden: {
  input: { entries: { path: string; content: Content }[] };
  expected: { targz: string };
}[] = JSON.parse(readFileSync(join(vectors, 'golden.json'), 'utf8')).cases;
const hostile: { input: { targz: string; limits?: Record<string, number> }; error: string }[] =
  JSON.parse(readFileSync(join(vectors, 'hostile.json'), 'utf8')).cases;
const sets = golden.map((c) =>
  c.input.entries.map((e) => ({ path: e.path, hex: expand(e.content) })),
);
const archives = hostile.map((c) => ({
  hex: c.input.targz,
  ...(c.input.limits ? { limits: c.input.limits } : {}),
}));

interface Probe {
  write: (s: typeof sets) => string[];
  read: (a: typeof archives) => string[];
}

let bundle = '';
beforeAll(async () => {
  const out = await build({
    entryPoints: [join(here, 'browser-probe.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'probe',
    conditions: ['@warrant/source'],
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]?.text ?? '';
}, 60_000);

const check = (probe: Probe): void => {
  expect(probe.write(sets)).toEqual(golden.map((c) => c.expected.targz));
  expect(probe.read(archives)).toEqual(hostile.map((c) => c.error));
};

describe('browser build equals Node build', () => {
  it('the bundle imports no node: module', () => {
    expect(bundle.length).toBeGreaterThan(1000);
    expect(bundle).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    expect(bundle).not.toMatch(/\brequire\s*\(/);
  });

  it('in a fresh node:vm context with only web globals', () => {
    const context = vm.createContext({ TextEncoder, TextDecoder });
    vm.runInContext(`${bundle}\nglobalThis.probe = probe;`, context);
    check(context['probe'] as Probe);
  });

  describe.runIf(haveChromium())('in headless Chromium', () => {
    it('writes the golden bytes and rejects every hostile archive with its code', async () => {
      await withChromium(async (context) => {
        const page = await openSecurePage(context, bundle);
        const [written, read] = await page.evaluate(
          ([s, a]) => {
            const p = (globalThis as unknown as { probe: Probe }).probe;
            return [p.write(s), p.read(a)] as const;
          },
          [sets, archives] as const,
        );
        expect(written).toEqual(golden.map((c) => c.expected.targz));
        expect(read).toEqual(hostile.map((c) => c.error));
      });
    }, 180_000);
  });
});
