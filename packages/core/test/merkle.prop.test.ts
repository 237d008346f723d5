import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import {
  buildMerkleTree,
  hashLeaf,
  merkleRoot,
  merkleTreeHash,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type ConsistencyProofInput,
  type InclusionProofInput,
  type MerkleTree,
} from '@warrant/core';
import { consistencyProofLength } from '../src/merkle-consistency';
import { inclusionProofLength } from '../src/merkle-inclusion';
import { refMth, refPath, refProof, testEntries } from './merkle-reference';

// One tree of MAX leaves; the tree of the first n leaves is built on demand and cached.
const MAX = 300;
const entries = testEntries(MAX);
const hashes = entries.map(hashLeaf);
const trees = new Map<number, MerkleTree>();
const treeOf = (n: number): MerkleTree => {
  let t = trees.get(n);
  if (t === undefined) trees.set(n, (t = buildMerkleTree(hashes.slice(0, n))));
  return t;
};
const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`unexpected left: ${JSON.stringify(e.left)}`);
  return e.right;
};

const inclusionInput = (index: number, n: number): InclusionProofInput => ({
  leafHash: hashes[index] as Uint8Array,
  index,
  treeSize: n,
  proof: right(treeOf(n).inclusionProof(index)),
  root: treeOf(n).root,
});
const consistencyInput = (m: number, n: number): ConsistencyProofInput => ({
  size1: m,
  size2: n,
  root1: treeOf(m).root,
  root2: treeOf(n).root,
  proof: right(treeOf(n).consistencyProof(m)),
});

const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = bytes.slice();
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
  return copy;
};

describe('Merkle tree hash laws', () => {
  it('merkleTreeHash and merkleRoot equal the literal recursive MTH for any entries', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 70 }), { maxLength: 70 }), (d) => {
        const expected = toHex(refMth(d));
        expect(toHex(merkleTreeHash(d))).toBe(expected);
        expect(toHex(merkleRoot(d.map(hashLeaf)))).toBe(expected);
      }),
    );
  });
});

describe('proof generation follows RFC 9162 PATH and PROOF exactly', () => {
  it('every inclusion proof for sizes 1..48 equals PATH(m, D[n])', () => {
    for (let n = 1; n <= 48; n++) {
      for (let m = 0; m < n; m++) {
        const proof = right(treeOf(n).inclusionProof(m)).map(toHex);
        expect(proof, `${m}/${n}`).toEqual(refPath(m, entries.slice(0, n)).map(toHex));
      }
    }
  });
  it('every consistency proof for sizes 1..48 equals PROOF(m, D[n])', () => {
    for (let n = 1; n <= 48; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = right(treeOf(n).consistencyProof(m)).map(toHex);
        expect(proof, `${m}/${n}`).toEqual(refProof(m, entries.slice(0, n)).map(toHex));
      }
    }
  });
});

describe('every proof verifies', () => {
  it(`inclusion: all (index, size) with size <= ${MAX}`, () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m < n; m++) {
        const r = verifyInclusion(inclusionInput(m, n));
        if (E.isLeft(r)) expect.fail(`${m}/${n}: ${r.left.code}`);
      }
    }
  });
  it(`consistency: all (size1, size2) with size2 <= ${MAX}`, () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const r = verifyConsistency(consistencyInput(m, n));
        if (E.isLeft(r)) expect.fail(`${m}/${n}: ${r.left.code}`);
      }
    }
  });
});

describe('any single-bit change anywhere fails', () => {
  const inclusionHashes = (i: InclusionProofInput): Uint8Array[] => [
    i.leafHash,
    i.root,
    ...i.proof,
  ];
  const withInclusionHash = (
    i: InclusionProofInput,
    k: number,
    h: Uint8Array,
  ): InclusionProofInput =>
    k === 0
      ? { ...i, leafHash: h }
      : k === 1
        ? { ...i, root: h }
        : { ...i, proof: i.proof.map((p, j) => (j === k - 2 ? h : p)) };
  const consistencyHashes = (c: ConsistencyProofInput): Uint8Array[] => [
    c.root1,
    c.root2,
    ...c.proof,
  ];
  const withConsistencyHash = (
    c: ConsistencyProofInput,
    k: number,
    h: Uint8Array,
  ): ConsistencyProofInput =>
    k === 0
      ? { ...c, root1: h }
      : k === 1
        ? { ...c, root2: h }
        : { ...c, proof: c.proof.map((p, j) => (j === k - 2 ? h : p)) };

  it('inclusion: every bit of every hash of leaf 150 of 300 and leaf 299 of 300', () => {
    for (const input of [inclusionInput(150, MAX), inclusionInput(299, MAX)]) {
      const all = inclusionHashes(input);
      for (let k = 0; k < all.length; k++) {
        for (let bit = 0; bit < 256; bit++) {
          const tampered = withInclusionHash(input, k, flip(all[k] as Uint8Array, bit));
          expect(E.isLeft(verifyInclusion(tampered)), `hash ${k} bit ${bit}`).toBe(true);
        }
      }
    }
  });
  it('inclusion: a random bit of a random hash, for any (index, size)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1))),
        fc.nat(),
        fc.nat(255),
        ([n, m], which, bit) => {
          const input = inclusionInput(m, n);
          const all = inclusionHashes(input);
          const k = which % all.length;
          const tampered = withInclusionHash(input, k, flip(all[k] as Uint8Array, bit));
          return E.isLeft(verifyInclusion(tampered));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('inclusion: any other index, for any (index, size)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: MAX })
          .chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1))),
        ([n, m, other]) => {
          fc.pre(m !== other);
          return E.isLeft(verifyInclusion({ ...inclusionInput(m, n), index: other }));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('consistency: every bit of every hash from 123 to 300', () => {
    const input = consistencyInput(123, MAX);
    const all = consistencyHashes(input);
    for (let k = 0; k < all.length; k++) {
      for (let bit = 0; bit < 256; bit++) {
        const tampered = withConsistencyHash(input, k, flip(all[k] as Uint8Array, bit));
        expect(E.isLeft(verifyConsistency(tampered)), `hash ${k} bit ${bit}`).toBe(true);
      }
    }
  });
  it('consistency: a random bit of a random hash, for any size1 <= size2', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: MAX })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        fc.nat(),
        fc.nat(255),
        ([m, n], which, bit) => {
          const input = consistencyInput(m, n);
          const all = consistencyHashes(input);
          const k = which % all.length;
          const tampered = withConsistencyHash(input, k, flip(all[k] as Uint8Array, bit));
          return E.isLeft(verifyConsistency(tampered));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('verification never throws on hostile values of the right JavaScript types', () => {
  const anyNumber = fc.oneof(
    fc.integer({ min: -5, max: 40 }),
    fc.double(),
    fc.constantFrom(2 ** 53, 2 ** 53 - 1, 2 ** 64, -0, Number.NaN, Number.POSITIVE_INFINITY),
  );
  const anyHash = fc.oneof(
    fc.uint8Array({ minLength: 32, maxLength: 32 }),
    fc.uint8Array({ maxLength: 40 }),
  );
  it('inclusion', () => {
    fc.assert(
      fc.property(
        anyHash,
        anyNumber,
        anyNumber,
        fc.array(anyHash, { maxLength: 60 }),
        anyHash,
        (leafHash, index, treeSize, proof, root) => {
          const r = verifyInclusion({ leafHash, index, treeSize, proof, root });
          return E.isLeft(r) || (r.right.index === index && r.right.treeSize === treeSize);
        },
      ),
    );
  });
  it('consistency', () => {
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        anyHash,
        anyHash,
        fc.array(anyHash, { maxLength: 60 }),
        (size1, size2, root1, root2, proof) => {
          const r = verifyConsistency({ size1, size2, root1, root2, proof });
          return E.isLeft(r) || (r.right.size1 === size1 && r.right.size2 === size2);
        },
      ),
    );
  });
});

// transparency-dev/merkle proof/verify.go computes proof lengths in closed form with uint64 bit
// operations; BigInt gives the same arithmetic here, for sizes up to 2^53 - 1.
const bitLen = (x: bigint): number => x.toString(2).replace(/^0+/, '').length;
const popCount = (x: bigint): number => [...x.toString(2)].filter((c) => c === '1').length;
const decomp = (index: bigint, size: bigint): [number, number] => {
  const inner = bitLen(index ^ (size - 1n));
  return [inner, popCount(index >> BigInt(inner))];
};
const trailingZeros = (x: bigint): number => {
  let n = 0;
  while ((x & 1n) === 0n) {
    x >>= 1n;
    n++;
  }
  return n;
};

describe('proof lengths equal the transparency-dev closed forms, up to 2^53 - 1', () => {
  const size = fc.oneof(
    fc.integer({ min: 1, max: 1000 }),
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  );
  it('inclusion', () => {
    fc.assert(
      fc.property(
        size.chain((n) => fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.constant(n))),
        ([m, n]) => {
          const [inner, border] = decomp(BigInt(m), BigInt(n));
          return inclusionProofLength(m, n) === inner + border;
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('consistency', () => {
    fc.assert(
      fc.property(
        size.chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        ([m, n]) => {
          if (m === n) return consistencyProofLength(m, n) === 0;
          const [inner, border] = decomp(BigInt(m - 1), BigInt(n));
          const shift = trailingZeros(BigInt(m));
          const seed = BigInt(m) === 1n << BigInt(shift) ? 0 : 1;
          return consistencyProofLength(m, n) === seed + inner - shift + border;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
