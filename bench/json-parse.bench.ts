/**
 * Strict parser throughput against JSON.parse over the same bytes (issue #2 target: at least
 * 30%), on a seeded 100,000-finding document, compact and indented; and the memory a parsed
 * value takes per input byte on the worst shapes, which sets DEFAULT_MAX_BYTES.
 * Run: `npm run bench -- json-parse` (`JSON_PARSE_FINDINGS=20000` for a smaller document).
 * @module
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as E from 'fp-ts/lib/Either.js';
import { parseJsonStrict } from '@warrant/core';
import { buildFindingsDocument } from './findings-fixture';
import { compare, machine, row } from './harness';

// JSON_PARSE_FINDINGS=20000 for a quicker run on a busy machine.
const FINDINGS = Number(process.env['JSON_PARSE_FINDINGS'] ?? 100_000);
const doc = buildFindingsDocument(FINDINGS);
const limits = { maxBytes: Infinity };
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

console.log(await machine());
console.log('| what | candidate | baseline | ratio | target |');
console.log('| --- | --- | --- | --- | --- |');
for (const [label, text] of [
  ['compact', JSON.stringify(doc)],
  ['indented', JSON.stringify(doc, null, 2)],
] as const) {
  const bytes = encoder.encode(text);
  const check = parseJsonStrict(bytes, limits);
  if (E.isLeft(check)) throw new Error(`fixture refused: ${check.left.message}`);
  const mib = (bytes.length / 2 ** 20).toFixed(0);
  console.log(
    row(
      `bytes, ${label} (${mib} MiB)`,
      await compare(
        bytes.length,
        { name: 'JSON.parse(decode)', fn: () => JSON.parse(decoder.decode(bytes)) as unknown },
        { name: 'parseJsonStrict', fn: () => parseJsonStrict(bytes, limits) },
      ),
      '>= 30%',
    ),
  );
  console.log(
    row(
      `string, ${label} (${mib} MiB)`,
      await compare(
        bytes.length,
        { name: 'JSON.parse', fn: () => JSON.parse(text) as unknown },
        { name: 'parseJsonStrict', fn: () => parseJsonStrict(text, limits) },
      ),
      '>= 30%',
    ),
  );
}

// Memory per input byte of the parsed value, for the shapes that amplify most.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const SIZE = 8 * 2 ** 20;
const repeat = (item: string): string =>
  `[${`${item},`.repeat(Math.floor(SIZE / (item.length + 1)) - 1)}${item}]`;
console.log('\n| shape | heap bytes per input byte |');
console.log('| --- | --- |');
const heapPerInputByte = (text: string): number => {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = parseJsonStrict(text, limits);
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  if (E.isLeft(kept)) throw new Error(kept.left.message);
  return grown / text.length;
};
for (const [shape, item] of [
  ['array of empty objects', '{}'],
  ['array of empty arrays', '[]'],
  ['array of {"a":[]}', '{"a":[]}'],
  ['array of 0', '0'],
  ['array of one-letter strings', '"a"'],
] as const) {
  console.log(`| ${shape} | ${heapPerInputByte(repeat(item)).toFixed(1)} |`);
}
