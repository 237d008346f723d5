/**
 * Generates the vectors in conformance/canonical-json/:
 *
 * - rfc8785.json: the RFC 8785 reference test data (cyberphone/json-canonicalization
 *   testdata/input + output, and the ES6 number samples of its testdata/README.md), transcribed
 *   from the verbatim copies in upstream/; expected bytes come from upstream, never from Warrant.
 * - generated.json: hand-picked number, ordering and escape cases plus fast-check draws (fixed
 *   seed); expected bytes are Warrant's, each checked against the `canonicalize` package run on
 *   `JSON.parse` of the same text (an independent path) before it is written.
 * - rejects.json / rejects-bytes.json: inputs the strict parser refuses, with their codes, each
 *   checked against Warrant before it is written.
 *
 * Run: `npx tsx --conditions=@warrant/source conformance/tools/canonical-json.ts` to write,
 * `... --check` to verify the committed files are what this script produces.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import canonicalizeReference from 'canonicalize';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, fromHex, parseJsonStrict, toHex, utf8Encode } from '@warrant/core';
import {
  BYTE_REJECTS,
  NUMBER_CASES,
  STRUCTURE_CASES,
  TEXT_REJECTS,
  type AcceptCase,
  type RejectCase,
} from './canonical-json-cases';
import { drawJsonTexts, SEED } from './canonical-json-random';

/** The folder the vectors live in. */
export const VECTOR_FOLDER = new URL('../canonical-json/', import.meta.url);

const UPSTREAM = new URL('upstream/cyberphone-json-canonicalization/testdata/', VECTOR_FOLDER);
const REPO = 'cyberphone/json-canonicalization';
const RANDOM_COUNT = 200;

/** testdata/output/arrays.json is not in the index; see upstream/SOURCES.md. */
const ARRAYS_EXPECTED = '[56,{"1":[],"10":null,"d":true}]';
const UPSTREAM_FILES: ReadonlyArray<readonly [string, string]> = [
  ['arrays', '72a2163bae9803964410d89cea8874787a95718b'],
  ['french', 'b01b0235cf94374efe5d11d00a86a11054756374'],
  ['structures', '72a2163bae9803964410d89cea8874787a95718b'],
  ['unicode', 'ff225671c5de178c946aad33ac5ef454d236505e'],
  ['values', '1e2733fc2bd37ed680fbb595f063f7bc62b4a0ec'],
  ['weird', '77917fbd5d923bca23a9b5eb8851deec918016bf'],
  ['simpleString', '987e82e78b88f0f77588d4b3f0496dbf12bc6111'],
];

interface VectorFile {
  readonly description: string;
  readonly source: string;
  readonly cases: ReadonlyArray<
    | { name: string; input: string; expected: string }
    | { name: string; input: string; error: string }
  >;
}

/**
 * Builds every vector file.
 * @returns file name → file text (pretty JSON with a final newline)
 * @throws Error when an upstream file is missing or Warrant disagrees with an expectation
 */
export const buildCanonicalJsonVectors = (): ReadonlyMap<string, string> => {
  const files = new Map<string, VectorFile>([
    ['rfc8785.json', rfc8785()],
    ['generated.json', generated()],
    ['rejects.json', rejects('text')],
    ['rejects-bytes.json', rejects('bytes')],
  ]);
  return new Map([...files].map(([name, file]) => [name, `${JSON.stringify(file, null, 2)}\n`]));
};

// --- files -----------------------------------------------------------------

const rfc8785 = (): VectorFile => {
  const cases = UPSTREAM_FILES.map(([name, commit]) => {
    const input = readFileSync(new URL(`input/${name}.json`, UPSTREAM), 'utf8');
    const expected =
      name === 'arrays'
        ? toHex(utf8Encode(ARRAYS_EXPECTED))
        : toHex(new Uint8Array(readFileSync(new URL(`output/${name}.json`, UPSTREAM))));
    const note =
      name === 'arrays'
        ? ' (output file not in the index: expected as reproduced by implementations)'
        : '';
    return { name: `testdata/input/${name}.json @ ${commit.slice(0, 7)}${note}`, input, expected };
  });
  // outhex/simpleString.txt must agree with output/simpleString.json.
  const outhex = readFileSync(new URL('outhex/simpleString.txt', UPSTREAM), 'utf8');
  const simple = cases.find((c) => c.name.startsWith('testdata/input/simpleString'));
  if (simple?.expected !== outhex.trim().split(/\s+/).join('').toLowerCase()) {
    throw new Error('outhex/simpleString.txt disagrees with output/simpleString.json');
  }
  // testdata/README.md sample lines: `hex-ieee,expected`. The input spells the same double with
  // 17 significant digits in exponent form, so parsing and number formatting are both exercised.
  const readme = readFileSync(new URL('README.md', UPSTREAM), 'utf8');
  const samples = [...readme.matchAll(/^([0-9a-f]{1,16}),(\S+)$/gm)];
  if (samples.length !== 7) throw new Error(`expected 7 README samples, found ${samples.length}`);
  for (const [, ieee, expected] of samples) {
    const d = doubleFromHex(ieee as string);
    const input = `${Object.is(d, -0) ? '-' : ''}${d.toExponential(16)}`;
    if (!Object.is(Number(input), d)) throw new Error(`spelling of ${ieee as string} is not exact`);
    cases.push({
      name: `testdata/README.md number sample ${ieee as string}`,
      input,
      expected: toHex(utf8Encode(expected as string)),
    });
  }
  for (const c of cases) checkAccept(c.name, c.input, c.expected);
  return {
    description:
      'RFC 8785 reference test data: input is the JSON text (UTF-8 encode it to get the input bytes), expected is the lowercase hex of the canonical UTF-8 bytes',
    source: `${REPO} testdata/ (input/, output/, outhex/simpleString.txt, README.md number samples), commits per case name; verbatim copies and hashes in upstream/SOURCES.md`,
    cases,
  };
};

const generated = (): VectorFile => {
  const accepts: AcceptCase[] = [...NUMBER_CASES, ...STRUCTURE_CASES];
  drawJsonTexts(RANDOM_COUNT).forEach((input, i) => accepts.push({ name: `random ${i}`, input }));
  return {
    description:
      'Number formatting, member order, string escapes and random values spelled non-canonically: input is the JSON text, expected is the lowercase hex of the canonical UTF-8 bytes',
    source: `generated by conformance/tools/canonical-json.ts (fast-check seed ${SEED}); every expected value equals the canonicalize package (npm, v4) applied to JSON.parse of the input`,
    cases: accepts.map(({ name, input }) => {
      const expected = toHex(utf8Encode(reference(name, input)));
      checkAccept(name, input, expected);
      return { name, input, expected };
    }),
  };
};

const rejects = (kind: 'text' | 'bytes'): VectorFile => {
  const list: ReadonlyArray<RejectCase> = kind === 'text' ? TEXT_REJECTS : BYTE_REJECTS;
  for (const c of list) checkReject(c, kind);
  return kind === 'text'
    ? {
        description:
          'JSON texts the strict parser must refuse: input is the JSON text (UTF-8 encode it to get the input bytes), error is the code',
        source:
          'written for Warrant (conformance/tools/canonical-json-cases.ts); rules in docs/spec/canonical-json.md',
        cases: list.map(({ name, input, error }) => ({ name, input, error })),
      }
    : {
        description:
          'Byte sequences the strict parser must refuse before parsing (BOM, ill-formed UTF-8): input is the lowercase hex of the input bytes, error is the code',
        source:
          'written for Warrant (conformance/tools/canonical-json-cases.ts); UTF-8 well-formedness per Unicode section 3.9, table 3-7',
        cases: list.map(({ name, input, error }) => ({ name, input, error })),
      };
};

// --- checks ----------------------------------------------------------------

const reference = (name: string, input: string): string => {
  const text = canonicalizeReference(JSON.parse(input));
  if (text === undefined) throw new Error(`${name}: canonicalize package returned undefined`);
  return text;
};

const checkAccept = (name: string, input: string, expectedHex: string): void => {
  const parsed = parseJsonStrict(utf8Encode(input));
  if (E.isLeft(parsed)) throw new Error(`${name}: refused: ${parsed.left.message}`);
  const out = canonicalize(parsed.right);
  if (E.isLeft(out)) throw new Error(`${name}: not canonicalizable: ${out.left.message}`);
  const actual = toHex(utf8Encode(out.right));
  if (actual !== expectedHex)
    throw new Error(`${name}: Warrant gives ${actual}, expected ${expectedHex}`);
};

const checkReject = (c: RejectCase, kind: 'text' | 'bytes'): void => {
  const bytes = kind === 'text' ? utf8Encode(c.input) : fromHex(c.input);
  if (bytes === undefined) throw new Error(`${c.name}: bad hex`);
  const parsed = parseJsonStrict(bytes);
  const code = E.isLeft(parsed) ? parsed.left.code : 'accepted';
  if (code !== c.error) throw new Error(`${c.name}: Warrant gives ${code}, expected ${c.error}`);
};

const doubleFromHex = (hex: string): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
};

// --- script ----------------------------------------------------------------

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, text] of buildCanonicalJsonVectors()) {
    const url = new URL(name, VECTOR_FOLDER);
    if (!check) writeFileSync(url, text);
    else if (readFileSync(url, 'utf8') !== text) {
      console.error(`${name} is not what the generator produces`);
      stale++;
    }
  }
  if (stale > 0) process.exitCode = 1;
  else console.log(check ? 'vectors up to date' : 'vectors written');
}
