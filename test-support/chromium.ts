// Headless Chromium for tests and benches: Debian's chromium driven by playwright-core. One place
// says where the binary is, which flags it gets, and how a page becomes a secure context (so
// crypto.subtle exists), so that every browser test runs the same browser the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { fileExists, requireTool } from './system-tool';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium binary: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else one on PATH. */
export const chromiumPath = (): string | undefined => {
  const given = process.env['CHROMIUM_PATH'];
  if (given) return given;
  if (fileExists('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not this one
    }
  }
  return undefined;
};

/** Whether browser tests run: Chromium is present, or CI=true (where its absence must fail). */
export const haveChromium = (): boolean =>
  requireTool(chromiumPath() !== undefined, 'Chromium (/usr/bin/chromium or $CHROMIUM_PATH)');

/** A running browser context in a throwaway profile; `close` also deletes the profile. */
export interface Chromium {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/** Launches headless Chromium; throws when none is installed (the CI=true failure). */
export const launchChromium = async (): Promise<Chromium> => {
  const executablePath = chromiumPath();
  if (executablePath === undefined) {
    throw new Error('Chromium is required: install Debian chromium or set CHROMIUM_PATH');
  }
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'warrant-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

/** Runs `f` with a fresh browser context, then closes the browser and deletes its profile. */
export const withChromium = async <A>(f: (context: BrowserContext) => Promise<A>): Promise<A> => {
  const browser = await launchChromium();
  try {
    return await f(browser.context);
  } finally {
    await browser.close();
  }
};

/**
 * A blank page served from an https origin (so it is a secure context and crypto.subtle exists),
 * with `script` (an IIFE bundle) loaded into it when given.
 */
export const openSecurePage = async (context: BrowserContext, script?: string): Promise<Page> => {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.route('https://warrant.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>warrant</title>' }),
  );
  await page.goto('https://warrant.test/');
  if (script !== undefined) await page.addScriptTag({ content: script });
  return page;
};
