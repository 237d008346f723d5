/**
 * The end-to-end demo on embedded defaults. Grows with the library; every step prints where its
 * output went.
 */
import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { canonicalizeToBytes, digestBytes, formatError, parseJsonStrict } from '@warrant/core';

const REPORT = new URL('./inputs/trivy-alpine-310.json', import.meta.url);

const step = (title: string): void => console.log(`\n== ${title}`);

step('Read a real Trivy report strictly and canonicalize it (RFC 8785)');
const bytes = new Uint8Array(readFileSync(REPORT));
const parsed = parseJsonStrict(bytes);
if (E.isLeft(parsed)) throw new Error(formatError(parsed.left));
const canonical = canonicalizeToBytes(parsed.right);
if (E.isLeft(canonical)) throw new Error(formatError(canonical.left));
console.log(`input   ${REPORT.pathname} (${bytes.length} bytes) ${digestBytes(bytes)}`);
console.log(`canonical form: ${canonical.right.length} bytes ${digestBytes(canonical.right)}`);
