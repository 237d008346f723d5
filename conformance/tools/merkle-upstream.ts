/**
 * Reads the verbatim transparency-dev/merkle files under conformance/merkle/upstream/ (Go
 * sources and JSON probes) and transcribes the negative-case rules of `cmd/proofgen/main.go`.
 * Used by merkle.ts; nothing here is hand-copied data: every hash comes out of those files.
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex, utf8Encode } from '@warrant/core';

export const UPSTREAM_DIR = 'conformance/merkle/upstream/transparency-dev__merkle';
export const UPSTREAM_REPO = 'transparency-dev/merkle';

const read = (rel: string): string => readFileSync(join(UPSTREAM_DIR, rel), 'utf8');

const hex = (h: string): Uint8Array => {
  const b = fromHex(h);
  if (b === undefined) throw new Error(`bad hex in upstream source: ${h}`);
  return b;
};

/** The text between `start` and the first `end` after it. */
const section = (text: string, start: string, end: string): string => {
  const i = text.indexOf(start);
  const j = text.indexOf(end, i + start.length);
  if (i < 0 || j < 0) throw new Error(`upstream source changed: ${start} … ${end} not found`);
  return text.slice(i + start.length, j);
};

const hexLiterals = (text: string, fn: 'hd' | 'dh'): Uint8Array[] =>
  [...text.matchAll(fn === 'hd' ? /hd\("([0-9a-f]*)"\)/g : /dh\("([0-9a-f]*)", \d+\)/g)].map((m) =>
    hex(m[1] as string),
  );

// --- testonly/constants.go ---------------------------------------------------

const constants = read('testonly/constants.go');

/** LeafInputs(): the eight raw entries of the reference tree. */
export const LEAF_INPUTS = hexLiterals(section(constants, 'func LeafInputs()', '\n}\n'), 'hd');

/** RootHashes(): roots of the trees of the first 0..8 entries (index = size). */
export const ROOT_HASHES: Uint8Array[] = [
  ...hexLiterals(section(constants, 'func EmptyRootHash()', '\n}\n'), 'hd'),
  ...hexLiterals(section(constants, 'func RootHashes()', '\n}\n'), 'hd'),
];

// --- cmd/proofgen/main.go ----------------------------------------------------

const proofgen = read('cmd/proofgen/main.go');

export const SOME_HASH = hexLiterals(
  section(proofgen, 'sha256SomeHash', '\n'),
  'dh',
)[0] as Uint8Array;
export const EMPTY_TREE_HASH = hexLiterals(
  section(proofgen, 'sha256EmptyTreeHash', '\n'),
  'dh',
)[0] as Uint8Array;

interface GoVector {
  readonly a: number;
  readonly b: number;
  readonly proof: Uint8Array[];
}

const goVectors = (block: string): GoVector[] =>
  [...block.matchAll(/\{(\d+), (\d+), (nil|\[\]\[\]byte\{([^}]*)\})\}/g)].map((m) => ({
    a: Number(m[1]),
    b: Number(m[2]),
    proof: m[3] === 'nil' ? [] : hexLiterals(m[4] as string, 'dh'),
  }));

/** inclusionProofs: the first field is a 1-BASED leaf number, converted here to an index. */
export const INCLUSION_PROOFS = goVectors(
  section(proofgen, 'inclusionProofs = []inclusionProofTestVector{', 'consistencyProofs ='),
).map((v) => ({ index: v.a - 1, treeSize: v.b, proof: v.proof }));

/** consistencyProofs: (size1, size2, proof). */
export const CONSISTENCY_PROOFS = goVectors(
  section(proofgen, 'consistencyProofs = []consistencyTestVector{', 'roots ='),
).map((v) => ({ size1: v.a, size2: v.b, proof: v.proof }));

/** roots: roots of the trees of sizes 1..8 (index = size - 1). */
export const PROOFGEN_ROOTS = hexLiterals(section(proofgen, 'roots = [][]byte{', 'leaves ='), 'dh');

/** leaves: the first six LeafInputs, as proofgen lists them. */
export const PROOFGEN_LEAVES = hexLiterals(section(proofgen, 'leaves = [][]byte{', '\n)'), 'dh');

// The negative-case rules of proofgen's invalidInclusionProof / invalidConsistencyProof and
// static probes, transcribed rule by rule (same order, same descriptions). Go's uint64 wraps
// `0 - 1` to 2^64 - 1; JSON here says -1, which every rule set refuses the same way.

/** Inclusion verification input with raw byte fields. */
export interface InclusionProbe {
  readonly index: number;
  readonly treeSize: number;
  readonly root: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly proof: Uint8Array[];
}

/** Consistency verification input with raw byte fields. */
export interface ConsistencyProbe {
  readonly size1: number;
  readonly size2: number;
  readonly root1: Uint8Array;
  readonly root2: Uint8Array;
  readonly proof: Uint8Array[];
}

const flipFirstByte = (h: Uint8Array, mask: number): Uint8Array => {
  const c = h.slice();
  c[0] = (c[0] as number) ^ mask;
  return c;
};

/** invalidInclusionProof: every probe must be refused. */
export const invalidInclusionProof = (p: InclusionProbe): Array<[string, InclusionProbe]> => {
  const { index, treeSize, root, leafHash, proof } = p;
  const out: Array<[string, InclusionProbe]> = [
    ['leafIdx sub @1', { ...p, index: index - 1 }],
    ['leafIdx plus @1', { ...p, index: index + 1 }],
    ['leafIdx XOR @2', { ...p, index: index ^ 2 }],
    ['treeSize mul @2', { ...p, treeSize: treeSize * 2 }],
    ['treeSize div @2', { ...p, treeSize: Math.floor(treeSize / 2) }],
    ['wrong leaf', { ...p, leafHash: utf8Encode('WrongLeaf') }],
    ['empty root', { ...p, root: EMPTY_TREE_HASH }],
    ['random root', { ...p, root: SOME_HASH }],
    ['trailing garbage', { ...p, proof: [...proof, new Uint8Array(0)] }],
    ['trailing root', { ...p, proof: [...proof, root] }],
    ['preceding garbage', { ...p, proof: [new Uint8Array(0), ...proof] }],
    ['preceding root', { ...p, proof: [root, ...proof] }],
  ];
  proof.forEach((_, i) =>
    out.push([
      `modified proof[${i}] bit @3`,
      { ...p, proof: proof.map((h, j) => (j === i ? flipFirstByte(h, 8) : h)) },
    ]),
  );
  if (proof.length > 0) out.push(['removed component', { ...p, proof: proof.slice(0, -1) }]);
  if (proof.length > 1) {
    out.push([
      'inserted component',
      { ...p, proof: [proof[0] as Uint8Array, SOME_HASH, ...proof.slice(1)] },
    ]);
  }
  void leafHash;
  return out;
};

/** staticInclusionProbes: empty proofs at impossible (index, size); all must be refused. */
export const staticInclusionProbes = (): Array<[string, InclusionProbe]> =>
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [2, 1],
  ].flatMap(([index, treeSize], i) => {
    const at = { index: index as number, treeSize: treeSize as number, proof: [] };
    return [
      [`${i}: random leaf`, { ...at, root: new Uint8Array(0), leafHash: SOME_HASH }],
      [`${i}: empty root`, { ...at, root: EMPTY_TREE_HASH, leafHash: new Uint8Array(0) }],
      [`${i}: empty root and random leaf`, { ...at, root: EMPTY_TREE_HASH, leafHash: SOME_HASH }],
    ] as Array<[string, InclusionProbe]>;
  });

/** singleEntryInclusionProbes: (description, probe, upstream wantErr). */
export const singleEntryInclusionProbes = (
  hashLeaf: (d: Uint8Array) => Uint8Array,
): Array<[string, InclusionProbe, boolean]> => {
  const hash = hashLeaf(utf8Encode('data'));
  const empty = new Uint8Array(0);
  const at = { index: 0, treeSize: 1, proof: [] };
  return [
    ['matching root and leaf', { ...at, root: hash, leafHash: hash }, false],
    ['empty leaf', { ...at, root: hash, leafHash: empty }, true],
    ['empty root', { ...at, root: empty, leafHash: hash }, true],
    ['empty root and leaf', { ...at, root: empty, leafHash: empty }, true],
  ];
};

/** invalidConsistencyProof: every probe must be refused. */
export const invalidConsistencyProof = (p: ConsistencyProbe): Array<[string, ConsistencyProbe]> => {
  const { size1, size2, root1, root2, proof } = p;
  const wrong = utf8Encode('WrongRoot');
  const out: Array<[string, ConsistencyProbe]> = [
    ['size1 sub @1', { ...p, size1: size1 - 1 }],
    ['size1 plus @1', { ...p, size1: size1 + 1 }],
    ['size1 XOR @2', { ...p, size1: size1 ^ 2 }],
    ['size2 mul @2', { ...p, size2: size2 * 2 }],
    ['size2 div @2', { ...p, size2: Math.floor(size2 / 2) }],
    ['wrong root1', { ...p, root1: wrong }],
    ['wrong root2', { ...p, root2: wrong }],
    ['swapped roots', { ...p, root1: root2, root2: root1 }],
    ['empty proof', { ...p, proof: [] }],
    ['trailing garbage', { ...p, proof: [...proof, new Uint8Array(0)] }],
    ['trailing root1', { ...p, proof: [...proof, root1] }],
    ['trailing root2', { ...p, proof: [...proof, root2] }],
    ['preceding garbage', { ...p, proof: [new Uint8Array(0), ...proof] }],
    ['preceding root1', { ...p, proof: [root1, ...proof] }],
    ['preceding root2', { ...p, proof: [root2, ...proof] }],
    ['preceding proof @0', { ...p, proof: [proof[0] as Uint8Array, ...proof] }],
  ];
  if (proof.length > 0) out.push(['truncated proof', { ...p, proof: proof.slice(0, -1) }]);
  proof.forEach((_, i) =>
    out.push([
      `modified proof@${i} bit @4`,
      { ...p, proof: proof.map((h, j) => (j === i ? flipFirstByte(h, 16) : h)) },
    ]),
  );
  return out;
};

/** staticConsistencyProbes: (description, probe, upstream wantErr per proofgen). */
export const staticConsistencyProbes = (): Array<[string, ConsistencyProbe, boolean]> => {
  const r1 = utf8Encode("don't care 1");
  const r2 = utf8Encode("don't care 2");
  const e = EMPTY_TREE_HASH;
  const c = (
    size1: number,
    size2: number,
    root1: Uint8Array,
    root2: Uint8Array,
    proof: Uint8Array[],
  ): ConsistencyProbe => ({ size1, size2, root1, root2, proof });
  return [
    ['sizes are equal (zero) but roots are not', c(0, 0, r1, r2, []), true],
    ['sizes are equal (one) but roots are not', c(1, 1, r1, r2, []), true],
    ['sizes are equal (zero) and proof is empty', c(0, 0, r1, r1, []), true],
    ['size1 is zero and does not equal size2', c(0, 1, r1, r2, []), true],
    ['sizes are equal (one) and proof is empty', c(1, 1, r2, r2, []), false],
    ['size1 is greater than size2', c(1, 0, r1, r2, []), true],
    ['size1 is greater than size2 again', c(2, 1, r1, r2, []), true],
    ['sizes do not watch and proof is empty', c(1, 2, r1, r2, []), true],
    ['roots do not match and sizes are zero', c(0, 0, e, r2, []), true],
    ['roots do not not match and sizes are one', c(1, 1, e, r2, []), true],
    ['sizes match but proof is not empty and sizes are zero', c(0, 0, e, e, [e]), true],
    ['sizes match but proof is not empty and sizes are one', c(1, 1, e, e, [e]), true],
    ['size1 is zero and size2 is not zero', c(0, 1, e, r2, []), true],
    ['consistency check on empty tree (size1 is zero) is useless', c(0, 1, e, e, [e]), true],
  ];
};

// --- rfc6962/rfc6962_test.go -------------------------------------------------

const hasherTest = read('rfc6962/rfc6962_test.go');
const wants = new Map(
  [...hasherTest.matchAll(/desc:\s*"([^"]+)",\s*want:\s*"([0-9a-f]+)"/g)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]),
);
const leafArg = /HashLeaf\(\[\]byte\("([^"]*)"\)\)/.exec(hasherTest)?.[1];
const childArgs = /HashChildren\(\[\]byte\("([^"]*)"\), \[\]byte\("([^"]*)"\)\)/.exec(hasherTest);

/** TestRFC6962Hasher: (description, input, expected hex). */
export const HASHER_VECTORS = {
  emptyRoot: wants.get('RFC6962 Empty') as string,
  emptyLeaf: wants.get('RFC6962 Empty Leaf') as string,
  leaf: {
    data: utf8Encode(leafArg as string),
    text: leafArg as string,
    want: wants.get('RFC6962 Leaf') as string,
  },
  node: {
    left: utf8Encode(childArgs?.[1] as string),
    right: utf8Encode(childArgs?.[2] as string),
    text: [childArgs?.[1], childArgs?.[2]] as [string, string],
    want: wants.get('RFC6962 Node') as string,
  },
};

// --- testdata/**/*.json ------------------------------------------------------

/** One saved probe file, byte strings decoded from base64. */
export interface Probe {
  readonly file: string;
  readonly desc: string;
  readonly wantErr: boolean;
  readonly fields: Readonly<Record<string, number | Uint8Array | Uint8Array[]>>;
}

const b64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** Every probe under testdata/<kind>/, sorted by path (code-unit order). */
export const probes = (kind: 'inclusion' | 'consistency'): Probe[] => {
  const out: Probe[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(UPSTREAM_DIR, rel)).sort(compare)) {
      const child = `${rel}/${name}`;
      if (statSync(join(UPSTREAM_DIR, child)).isDirectory()) walk(child);
      else if (name.endsWith('.json')) out.push(parseProbe(child));
    }
  };
  walk(`testdata/${kind}`);
  return out;
};

const parseProbe = (file: string): Probe => {
  const raw = JSON.parse(read(file)) as Record<string, unknown>;
  const fields: Record<string, number | Uint8Array | Uint8Array[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'desc' || k === 'wantErr') continue;
    if (typeof v === 'number') fields[k] = v;
    else if (typeof v === 'string') fields[k] = b64(v);
    else if (v === null) fields[k] = [];
    else if (Array.isArray(v)) fields[k] = v.map((x) => b64(x as string));
  }
  return { file, desc: raw['desc'] as string, wantErr: raw['wantErr'] as boolean, fields };
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
