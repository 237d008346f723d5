// Headless Chromium for the report and verifier-page tests (Debian's chromium driven by
// playwright-core, with the flags packages/pack/test/archive/browser.test.ts uses).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { fileExists, requireTool } from '../archive/system-tool';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether the Chromium tests run (under CI=true a missing browser fails instead). */
export const haveChromium = (): boolean =>
  requireTool(fileExists(CHROMIUM), `Chromium at ${CHROMIUM}`);

/** Runs `f` with a fresh persistent context in a temporary profile, then closes it. */
export const withChromium = async <A>(f: (context: BrowserContext) => Promise<A>): Promise<A> => {
  if (!fileExists(CHROMIUM)) throw new Error(`Chromium is required at ${CHROMIUM}`);
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'warrant-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    return await f(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
};
