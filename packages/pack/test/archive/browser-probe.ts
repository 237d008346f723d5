// Bundled by browser.test.ts with esbuild for platform=browser, then run in a fresh node:vm
// context and in headless Chromium: the same writer and reader code the browser entry ships.
import * as E from 'fp-ts/lib/Either.js';
import { fromHex, toHex } from '@warrant/core';
import { readArchive, writeArchive } from '@warrant/pack';

const bytes = (hex: string): Uint8Array => fromHex(hex) ?? new Uint8Array(0);

/** Writes each entry set; returns the .tar.gz hex or the error code. */
export const write = (
  sets: ReadonlyArray<ReadonlyArray<{ path: string; hex: string }>>,
): string[] =>
  sets.map((entries) => {
    const r = writeArchive(entries.map((e) => ({ path: e.path, bytes: bytes(e.hex) })));
    return E.isLeft(r) ? r.left.code : toHex(r.right);
  });

/** Reads each archive; returns the error code or the entry paths joined by newlines. */
export const read = (
  archives: ReadonlyArray<{ hex: string; limits?: Record<string, number> }>,
): string[] =>
  archives.map(({ hex, limits }) => {
    const r = readArchive(bytes(hex), limits);
    return E.isLeft(r) ? r.left.code : r.right.map((e) => `${e.path}:${toHex(e.bytes)}`).join('\n');
  });
