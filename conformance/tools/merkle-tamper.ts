/**
 * The verification vectors (inclusion.json, consistency.json): upstream happy paths with
 * proofgen's tamper rules, upstream static and single-entry probes, the saved upstream testdata
 * probes, and happy paths from deterministic trees with Warrant's own tamper variants (wrong
 * index, wrong size, wrong root, extra and missing nodes, swapped nodes, bit flips, short hashes,
 * hostile numbers), plus sizes beyond 2^32 checked against a BigInt transcription of the RFC loops.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  buildMerkleTree,
  bytesEqual,
  hashChildren,
  hashLeaf,
  sha256,
  toHex,
  utf8Encode,
  verifyConsistency,
  verifyInclusion,
  type MerkleTree,
} from '@warrant/core';
import * as U from './merkle-upstream';

type Case = { name: string; input: unknown } & ({ expected: true } | { error: string });
type Intent = 'accept' | 'reject' | 'reject-or-skip' | 'record';

const inclusionInput = (p: U.InclusionProbe): unknown => ({
  leafHash: toHex(p.leafHash),
  index: p.index,
  treeSize: p.treeSize,
  proof: p.proof.map(toHex),
  root: toHex(p.root),
});
const consistencyInput = (p: U.ConsistencyProbe): unknown => ({
  size1: p.size1,
  size2: p.size2,
  root1: toHex(p.root1),
  root2: toHex(p.root2),
  proof: p.proof.map(toHex),
});

const outcome = (r: E.Either<{ code: string }, unknown>): true | string =>
  E.isRight(r) ? true : r.left.code;

/** A case whose result is computed, then checked against what the generator intends. */
const make = (
  name: string,
  input: unknown,
  result: true | string,
  intent: Intent,
): Case | undefined => {
  if (intent === 'accept' && result !== true)
    throw new Error(`${name}: expected to verify, got ${result}`);
  if (intent === 'reject' && result === true) throw new Error(`${name}: expected to be refused`);
  if (intent === 'reject-or-skip' && result === true) return undefined;
  return result === true ? { name, input, expected: true } : { name, input, error: result };
};

const inc = (name: string, p: U.InclusionProbe, intent: Intent): Case | undefined =>
  make(name, inclusionInput(p), outcome(verifyInclusion(p)), intent);
const con = (name: string, p: U.ConsistencyProbe, intent: Intent): Case | undefined =>
  make(name, consistencyInput(p), outcome(verifyConsistency(p)), intent);

const flipBit = (h: Uint8Array, bit: number): Uint8Array => {
  const c = h.slice();
  c[bit >> 3] = (c[bit >> 3] as number) ^ (1 << (bit & 7));
  return c;
};
const swapFirstTwo = (proof: Uint8Array[]): Uint8Array[] => [
  proof[1] as Uint8Array,
  proof[0] as Uint8Array,
  ...proof.slice(2),
];
const defined = <A>(xs: ReadonlyArray<A | undefined>): A[] =>
  xs.filter((x): x is A => x !== undefined);
const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error('unexpected Left while generating');
  return e.right;
};
const DEVIATION =
  'upstream accepts; Warrant refuses roots that are not 32 bytes (docs/spec/merkle.md rule C4)';

// --- inclusion ---------------------------------------------------------------

export const inclusionCases = (entries: ReadonlyArray<Uint8Array>): Case[] => {
  const cases: Array<Case | undefined> = [];
  // Upstream vectors with proofgen's negative rules (roots from proofgen's `roots`).
  U.INCLUSION_PROOFS.forEach((v, i) => {
    const p: U.InclusionProbe = {
      index: v.index,
      treeSize: v.treeSize,
      proof: v.proof,
      root: U.PROOFGEN_ROOTS[v.treeSize - 1] as Uint8Array,
      leafHash: hashLeaf(U.PROOFGEN_LEAVES[v.index] as Uint8Array),
    };
    const at = `upstream proofgen inclusion/${i} (leaf ${v.index} of ${v.treeSize})`;
    cases.push(inc(`${at}: happy path`, p, 'accept'));
    for (const [desc, t] of U.invalidInclusionProof(p))
      cases.push(inc(`${at}: ${desc}`, t, 'reject'));
  });
  U.staticInclusionProbes().forEach(([desc, p]) =>
    cases.push(
      inc(
        `upstream proofgen inclusion/additional/${desc} (index ${p.index}, size ${p.treeSize})`,
        p,
        'reject',
      ),
    ),
  );
  for (const [desc, p, wantErr] of U.singleEntryInclusionProbes(hashLeaf)) {
    cases.push(
      inc(`upstream proofgen inclusion/single-entry: ${desc}`, p, wantErr ? 'reject' : 'accept'),
    );
  }
  for (const probe of U.probes('inclusion')) {
    const f = probe.fields;
    const p = {
      index: f['leafIdx'],
      treeSize: f['treeSize'],
      root: f['root'],
      leafHash: f['leafHash'],
      proof: f['proof'],
    } as U.InclusionProbe;
    cases.push(
      inc(`upstream ${probe.file}: ${probe.desc}`, p, probe.wantErr ? 'reject' : 'accept'),
    );
  }

  // Generated trees: every listed (index, size) verifies; tampers of some of them.
  const hashes = entries.map(hashLeaf);
  const trees = new Map<number, MerkleTree>();
  const tree = (n: number): MerkleTree => {
    let t = trees.get(n);
    if (t === undefined) trees.set(n, (t = buildMerkleTree(hashes.slice(0, n))));
    return t;
  };
  const happy = (m: number, n: number): U.InclusionProbe => ({
    index: m,
    treeSize: n,
    leafHash: hashes[m] as Uint8Array,
    root: tree(n).root,
    proof: right(tree(n).inclusionProof(m)),
  });
  for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 70]) {
    const indices = [...new Set([0, 1, Math.floor(n / 2), n - 2, n - 1])].filter(
      (m) => m >= 0 && m < n,
    );
    for (const m of indices) {
      const p = happy(m, n);
      const at = `generated leaf ${m} of ${n}`;
      cases.push(inc(`${at}: happy path`, p, 'accept'));
      if (![7, 16, 33, 70].includes(n)) continue;
      cases.push(
        inc(`${at}: index + 1`, { ...p, index: m + 1 }, 'reject'),
        inc(`${at}: index - 1`, { ...p, index: m - 1 }, 'reject'),
        inc(`${at}: tree size + 1`, { ...p, treeSize: n + 1 }, 'reject-or-skip'),
        inc(`${at}: tree size - 1`, { ...p, treeSize: n - 1 }, 'reject-or-skip'),
        inc(`${at}: root of the tree of ${n - 1}`, { ...p, root: tree(n - 1).root }, 'reject'),
        inc(
          `${at}: leaf hash of the next entry`,
          { ...p, leafHash: hashes[m + 1] as Uint8Array },
          'reject',
        ),
        inc(
          `${at}: SHA-256 of the entry without the 0x00 prefix`,
          { ...p, leafHash: sha256(entries[m] as Uint8Array) },
          'reject',
        ),
        inc(`${at}: extra node appended`, { ...p, proof: [...p.proof, p.root] }, 'reject'),
        inc(`${at}: extra node prepended`, { ...p, proof: [p.leafHash, ...p.proof] }, 'reject'),
        inc(`${at}: last node missing`, { ...p, proof: p.proof.slice(0, -1) }, 'reject'),
        inc(`${at}: first node missing`, { ...p, proof: p.proof.slice(1) }, 'reject'),
        p.proof.length < 2
          ? undefined
          : inc(`${at}: first two nodes swapped`, { ...p, proof: swapFirstTwo(p.proof) }, 'reject'),
        inc(`${at}: leaf hash bit 0 flipped`, { ...p, leafHash: flipBit(p.leafHash, 0) }, 'reject'),
        inc(`${at}: root bit 255 flipped`, { ...p, root: flipBit(p.root, 255) }, 'reject'),
        inc(
          `${at}: first node cut to 31 bytes`,
          { ...p, proof: [p.proof[0]?.slice(0, 31) ?? new Uint8Array(31), ...p.proof.slice(1)] },
          'reject',
        ),
        ...p.proof.map((_, i) =>
          inc(
            `${at}: proof[${i}] bit ${(37 * i + 3) % 256} flipped`,
            { ...p, proof: p.proof.map((h, j) => (j === i ? flipBit(h, (37 * i + 3) % 256) : h)) },
            'reject',
          ),
        ),
      );
    }
  }
  const p = happy(5, 16);
  for (const [desc, t] of [
    ['index = tree size', { ...p, index: 16 }],
    ['negative index', { ...p, index: -1 }],
    ['fractional index', { ...p, index: 4.5 }],
    ['index 2^53 (beyond the safe integers)', { ...p, index: 2 ** 53 }],
    ['negative tree size', { ...p, treeSize: -16 }],
    ['tree size 2^53', { ...p, treeSize: 2 ** 53 }],
    ['tree size 1e300', { ...p, treeSize: 1e300 }],
    ['empty tree', { ...p, index: 0, treeSize: 0, proof: [] }],
    ['root of 33 bytes', { ...p, root: new Uint8Array([...p.root, 0]) }],
    ['empty leaf hash', { ...p, leafHash: new Uint8Array(0) }],
  ] as Array<[string, U.InclusionProbe]>) {
    cases.push(inc(`generated leaf 5 of 16: ${desc}`, t, 'reject'));
  }
  cases.push(...bigInclusion());
  return defined(cases);
};

// --- consistency -------------------------------------------------------------

export const consistencyCases = (entries: ReadonlyArray<Uint8Array>): Case[] => {
  const cases: Array<Case | undefined> = [];
  U.CONSISTENCY_PROOFS.forEach((v, i) => {
    const p: U.ConsistencyProbe = {
      ...v,
      root1: U.PROOFGEN_ROOTS[v.size1 - 1] as Uint8Array,
      root2: U.PROOFGEN_ROOTS[v.size2 - 1] as Uint8Array,
    };
    const at = `upstream proofgen consistency/${i} (${v.size1} to ${v.size2})`;
    cases.push(con(`${at}: happy path`, p, 'accept'));
    if (v.proof.length === 0) return; // proofgen corrupts non-trivial proofs only
    for (const [desc, t] of U.invalidConsistencyProof(p))
      cases.push(con(`${at}: ${desc}`, t, 'reject'));
  });
  for (const [desc, p, wantErr] of U.staticConsistencyProbes()) {
    const name = `upstream proofgen consistency/additional: ${desc}`;
    const is12Bytes = p.root1.length !== 32 && !wantErr;
    cases.push(
      con(
        is12Bytes ? `${name} (${DEVIATION})` : name,
        p,
        wantErr || is12Bytes ? 'reject' : 'accept',
      ),
    );
  }
  for (const probe of U.probes('consistency')) {
    const f = probe.fields;
    const p = {
      size1: f['size1'],
      size2: f['size2'],
      root1: f['root1'],
      root2: f['root2'],
      proof: f['proof'],
    } as U.ConsistencyProbe;
    const deviation = !probe.wantErr && p.root1.length !== 32;
    const name = `upstream ${probe.file}: ${probe.desc}${deviation ? ` (${DEVIATION})` : ''}`;
    cases.push(con(name, p, probe.wantErr || deviation ? 'reject' : 'accept'));
  }

  const hashes = entries.map(hashLeaf);
  const trees = new Map<number, MerkleTree>();
  const tree = (n: number): MerkleTree => {
    let t = trees.get(n);
    if (t === undefined) trees.set(n, (t = buildMerkleTree(hashes.slice(0, n))));
    return t;
  };
  const happy = (m: number, n: number): U.ConsistencyProbe => ({
    size1: m,
    size2: n,
    root1: tree(m).root,
    root2: tree(n).root,
    proof: right(tree(n).consistencyProof(m)),
  });
  for (const n of [2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 64, 65, 70]) {
    let pow = 1;
    while (pow * 2 < n) pow *= 2;
    const sizes = [...new Set([1, 2, Math.floor(n / 2), pow, n - 1, n])]
      .filter((m) => m >= 1 && m <= n)
      .sort((a, b) => a - b);
    for (const m of sizes) {
      const p = happy(m, n);
      const at = `generated from ${m} to ${n}`;
      cases.push(con(`${at}: happy path`, p, 'accept'));
      if (![7, 16, 33, 70].includes(n) || m === n) continue;
      cases.push(
        con(`${at}: size1 + 1`, { ...p, size1: m + 1 }, 'reject-or-skip'),
        con(`${at}: size1 - 1`, { ...p, size1: m - 1 }, 'reject-or-skip'),
        con(`${at}: size2 + 1`, { ...p, size2: n + 1 }, 'reject-or-skip'),
        con(`${at}: size2 - 1`, { ...p, size2: n - 1 }, 'reject-or-skip'),
        con(`${at}: roots swapped`, { ...p, root1: p.root2, root2: p.root1 }, 'reject'),
        con(`${at}: root1 of the tree of ${m + 1}`, { ...p, root1: tree(m + 1).root }, 'reject'),
        con(`${at}: root2 of the tree of ${n - 1}`, { ...p, root2: tree(n - 1).root }, 'reject'),
        con(`${at}: empty proof`, { ...p, proof: [] }, 'reject'),
        con(`${at}: extra node appended`, { ...p, proof: [...p.proof, p.root2] }, 'reject'),
        con(`${at}: extra node prepended`, { ...p, proof: [p.root1, ...p.proof] }, 'reject'),
        con(`${at}: last node missing`, { ...p, proof: p.proof.slice(0, -1) }, 'reject'),
        con(`${at}: first node missing`, { ...p, proof: p.proof.slice(1) }, 'reject'),
        p.proof.length < 2
          ? undefined
          : con(`${at}: first two nodes swapped`, { ...p, proof: swapFirstTwo(p.proof) }, 'reject'),
        con(`${at}: root1 bit 0 flipped`, { ...p, root1: flipBit(p.root1, 0) }, 'reject'),
        con(`${at}: root2 bit 255 flipped`, { ...p, root2: flipBit(p.root2, 255) }, 'reject'),
        con(
          `${at}: last node cut to 31 bytes`,
          { ...p, proof: [...p.proof.slice(0, -1), (p.proof.at(-1) as Uint8Array).slice(1)] },
          'reject',
        ),
        ...p.proof.map((_, i) =>
          con(
            `${at}: proof[${i}] bit ${(53 * i + 7) % 256} flipped`,
            { ...p, proof: p.proof.map((h, j) => (j === i ? flipBit(h, (53 * i + 7) % 256) : h)) },
            'reject',
          ),
        ),
      );
    }
  }
  const empty = sha256(new Uint8Array(0));
  const r1 = tree(1).root;
  const r5 = tree(5).root;
  const p = happy(6, 16);
  for (const [desc, t, intent] of [
    [
      'two empty trees with the empty-tree root',
      { size1: 0, size2: 0, root1: empty, root2: empty, proof: [] },
      'accept',
    ],
    [
      'two empty trees with another root',
      { size1: 0, size2: 0, root1: r1, root2: r1, proof: [] },
      'reject',
    ],
    [
      'from the empty tree (size1 = 0 < size2)',
      { size1: 0, size2: 1, root1: empty, root2: r1, proof: [] },
      'reject',
    ],
    [
      'from the empty tree with a proof',
      { size1: 0, size2: 5, root1: empty, root2: r5, proof: [r5] },
      'reject',
    ],
    [
      'equal sizes, equal roots, empty proof',
      { size1: 5, size2: 5, root1: r5, root2: r5, proof: [] },
      'accept',
    ],
    [
      'equal sizes, non-empty proof',
      { size1: 5, size2: 5, root1: r5, root2: r5, proof: [r5] },
      'reject',
    ],
    [
      'equal sizes, different roots',
      { size1: 5, size2: 5, root1: r5, root2: r1, proof: [] },
      'reject',
    ],
    ['size1 > size2', { ...p, size1: 17 }, 'reject'],
    ['negative size1', { ...p, size1: -6 }, 'reject'],
    ['fractional size2', { ...p, size2: 16.5 }, 'reject'],
    ['size2 2^53 (beyond the safe integers)', { ...p, size2: 2 ** 53 }, 'reject'],
  ] as Array<[string, U.ConsistencyProbe, Intent]>) {
    cases.push(con(`edge: ${desc}`, t, intent));
  }
  cases.push(...bigConsistency());
  return defined(cases);
};

// --- sizes beyond 2^32: an independent BigInt transcription of the RFC loops --

const siblings = (n: number, from: number): Uint8Array[] =>
  Array.from({ length: n }, (_, i) =>
    sha256(utf8Encode(`warrant merkle vector sibling ${from + i}`)),
  );

/** RFC 9162 2.1.3.2 steps 2-5 with BigInt (no shared code with @warrant/core). */
const rfcInclusionRoot = (
  index: bigint,
  size: bigint,
  hash: Uint8Array,
  path: Uint8Array[],
): Uint8Array | undefined => {
  let fn = index;
  let sn = size - 1n;
  let r = hash;
  for (const p of path) {
    if (sn === 0n) return undefined;
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    } else r = hashChildren(r, p);
    [fn, sn] = [fn >> 1n, sn >> 1n];
  }
  return sn === 0n ? r : undefined;
};

/** RFC 9162 2.1.4.2 steps 2-7 with BigInt, returning (fr, sr) when sn ends at 0. */
const rfcConsistencyRoots = (
  first: bigint,
  second: bigint,
  path: Uint8Array[],
): [Uint8Array, Uint8Array] | undefined => {
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) [fn, sn] = [fn >> 1n, sn >> 1n];
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0n) return undefined;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    } else sr = hashChildren(sr, c);
    [fn, sn] = [fn >> 1n, sn >> 1n];
  }
  return sn === 0n ? [fr, sr] : undefined;
};

const bigInclusion = (): Array<Case | undefined> =>
  (
    [
      [2 ** 32, 2 ** 32 + 1],
      [2 ** 32 - 1, 2 ** 32 + 7],
      [2 ** 53 - 2, 2 ** 53 - 1],
      [0, 2 ** 53 - 1],
    ] as const
  ).flatMap(([index, treeSize]) => {
    const leafHash = hashLeaf(utf8Encode(`big ${index}`));
    // The one proof length the RFC loop accepts, found by trying them all.
    const length = Array.from({ length: 65 }, (_, n) => n).find(
      (n) =>
        rfcInclusionRoot(BigInt(index), BigInt(treeSize), leafHash, siblings(n, 0)) !== undefined,
    );
    if (length === undefined) throw new Error(`no proof length for ${index}/${treeSize}`);
    const proof = siblings(length, 0);
    const root = rfcInclusionRoot(BigInt(index), BigInt(treeSize), leafHash, proof) as Uint8Array;
    const p = { index, treeSize, leafHash, proof, root };
    const at = `large: leaf ${index} of ${treeSize}`;
    return [
      inc(`${at}: happy path (root from a BigInt transcription of RFC 9162 2.1.3.2)`, p, 'accept'),
      inc(`${at}: index - 1`, { ...p, index: index - 1 }, 'reject'),
      inc(`${at}: last node missing`, { ...p, proof: proof.slice(0, -1) }, 'reject'),
      inc(`${at}: root bit 7 flipped`, { ...p, root: flipBit(root, 7) }, 'reject'),
    ];
  });

const bigConsistency = (): Array<Case | undefined> =>
  (
    [
      [2 ** 32, 2 ** 32 + 1],
      [2 ** 32 + 1, 2 ** 33 + 5],
      [2 ** 52 + 3, 2 ** 53 - 1],
    ] as const
  ).flatMap(([size1, size2]) => {
    const pow2 = (BigInt(size1) & (BigInt(size1) - 1n)) === 0n; // Math.log2 rounds near 2^52
    const root1Seed = sha256(utf8Encode(`big root ${size1}`));
    const path = (n: number): Uint8Array[] =>
      pow2 ? [root1Seed, ...siblings(n, 100)] : siblings(n, 100);
    const length = Array.from({ length: 65 }, (_, n) => n).find(
      (n) => n > 0 && rfcConsistencyRoots(BigInt(size1), BigInt(size2), path(n)) !== undefined,
    );
    if (length === undefined) throw new Error(`no proof length for ${size1}/${size2}`);
    const proof = siblings(length, 100);
    const [root1, root2] = rfcConsistencyRoots(BigInt(size1), BigInt(size2), path(length)) as [
      Uint8Array,
      Uint8Array,
    ];
    if (pow2 && !bytesEqual(root1, root1Seed)) throw new Error('seed mismatch');
    const p = { size1, size2, root1, root2, proof };
    const at = `large: from ${size1} to ${size2}`;
    return [
      con(`${at}: happy path (roots from a BigInt transcription of RFC 9162 2.1.4.2)`, p, 'accept'),
      con(`${at}: first node missing`, { ...p, proof: proof.slice(1) }, 'reject'),
      con(
        `${at}: proof[0] bit 200 flipped`,
        { ...p, proof: [flipBit(proof[0] as Uint8Array, 200), ...proof.slice(1)] },
        'reject',
      ),
    ];
  });
