/**
 * Import throughput of @warrant/formats against JSON.parse of the same bytes, on the largest
 * corpus files of each heavy format. Target (issue #4): importing runs at >= 50% of
 * JSON.parse throughput. Three candidates per file:
 *  - bytes: importDocument(bytes), end to end (strict parse + SHA-256 of the bytes + import);
 *  - parsed: importDocument(value) from an already parsed value (digest of its canonical JSON);
 *  - parsed+digest: the same with `sourceDigest` given (the importer's own work only).
 *
 *   npm run bench -- import
 * @module
 */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { digestBytes } from '@warrant/core';
import { importDocument } from '@warrant/formats';
import { compare, machine, row } from './harness';

const FILES = [
  'trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json',
  'spdx/spdx-2.3_trivy-0.58.0_secobserve-backend-image.json',
  'sarif/nginx_trivy-0.42.1.sarif.json',
  'grype/rhel-8.7_defectdojo-issue_9618.json',
];
const DECODER = new TextDecoder();

const main = async (): Promise<void> => {
  console.log(`import vs JSON.parse — ${await machine()}`);
  console.log('| file | candidate | baseline | ratio | target |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const file of FILES) {
    const bytes = new Uint8Array(
      readFileSync(new URL(`../packages/formats/test/fixtures/${file}`, import.meta.url)),
    );
    const value: unknown = JSON.parse(DECODER.decode(bytes));
    const sourceDigest = digestBytes(bytes);
    const check = importDocument(bytes);
    if (E.isLeft(check)) throw new Error(`${file}: ${check.left.message}`);
    const baseline = { name: 'JSON.parse', fn: () => JSON.parse(DECODER.decode(bytes)) as unknown };
    const short = `${file.split('/')[1]?.slice(0, 32)} (${(bytes.length / 1024).toFixed(0)} KiB)`;
    const candidates = [
      { name: 'bytes', fn: () => importDocument(bytes) },
      { name: 'parsed', fn: () => importDocument(value) },
      { name: 'parsed+digest', fn: () => importDocument(value, { sourceDigest }) },
    ];
    for (const c of candidates) {
      const r = await compare(bytes.length, baseline, c, 5);
      console.log(row(short, r, '>= 50%'));
    }
  }
};

void main();
