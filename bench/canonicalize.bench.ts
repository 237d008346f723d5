/**
 * Canonical JSON throughput against JSON.stringify on the same value (issue #2 target: at least
 * 40%), on a seeded 100,000-finding document. The `canonicalize` package is measured too, for
 * reference. Run: `npm run bench -- canonicalize`.
 * @module
 */
import canonicalizeReference from 'canonicalize';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, canonicalizeToBytes, parseJsonStrict } from '@warrant/core';
import { buildFindingsDocument } from './findings-fixture';
import { compare, machine, row } from './harness';

const FINDINGS = 100_000;
const doc = buildFindingsDocument(FINDINGS);
const ours = canonicalize(doc);
if (E.isLeft(ours) || ours.right !== canonicalizeReference(doc)) {
  throw new Error('canonicalize disagrees with the canonicalize package on the fixture');
}
const canonicalText = ours.right;
// The same document as it comes back from parsing canonical bytes: keys already sorted.
const reparsed = parseJsonStrict(canonicalText, { maxBytes: Infinity });
if (E.isLeft(reparsed)) throw new Error('fixture does not reparse');
const utf8 = new TextEncoder();

console.log(await machine());
console.log(
  `document: ${FINDINGS} findings, ${(canonicalText.length / 2 ** 20).toFixed(1)} MiB canonical`,
);
console.log('| what | candidate | baseline | ratio | target |');
console.log('| --- | --- | --- | --- | --- |');
const stringifyBaseline = { name: 'JSON.stringify', fn: () => JSON.stringify(doc) };
console.log(
  row(
    'canonicalize, producer key order',
    await compare(FINDINGS, stringifyBaseline, {
      name: 'canonicalize',
      fn: () => canonicalize(doc),
    }),
    '>= 40%',
  ),
);
console.log(
  row(
    'canonicalize, keys already sorted',
    await compare(
      FINDINGS,
      { name: 'JSON.stringify', fn: () => JSON.stringify(reparsed.right) },
      { name: 'canonicalize', fn: () => canonicalize(reparsed.right) },
    ),
    '>= 40%',
  ),
);
console.log(
  row(
    'canonicalizeToBytes vs stringify + encode',
    await compare(
      FINDINGS,
      { name: 'JSON.stringify+encode', fn: () => utf8.encode(JSON.stringify(doc)) },
      { name: 'canonicalizeToBytes', fn: () => canonicalizeToBytes(doc) },
    ),
    '(info)',
  ),
);
console.log(
  row(
    '`canonicalize` package (reference)',
    await compare(FINDINGS, stringifyBaseline, {
      name: 'canonicalize pkg',
      fn: () => canonicalizeReference(doc),
    }),
    '(info)',
  ),
);
