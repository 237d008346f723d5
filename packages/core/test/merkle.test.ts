import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  buildMerkleTree,
  consistencyProof,
  fromHex,
  hashChildren,
  hashLeaf,
  inclusionProof,
  merkleRoot,
  merkleTreeHash,
  RFC9162_LEAF_PREFIX,
  RFC9162_NODE_PREFIX,
  sha256,
  toHex,
  utf8Encode,
} from '@warrant/core';
import { refMth, testEntries } from './merkle-reference';

// transparency-dev/merkle testonly/constants.go: LeafInputs() and RootHashes() (sizes 0..8).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657'].map(
  (h) => fromHex(h) as Uint8Array,
);
LEAVES.push(fromHex('606162636465666768696a6b6c6d6e6f') as Uint8Array);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 9162 hashing (transparency-dev/merkle rfc6962_test.go vectors)', () => {
  it('uses 0x00 for leaves and 0x01 for nodes', () => {
    expect([RFC9162_LEAF_PREFIX, RFC9162_NODE_PREFIX]).toEqual([0, 1]);
  });
  it('hashes the empty leaf', () => {
    expect(toHex(hashLeaf(new Uint8Array()))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });
  it('hashes the leaf "L123456"', () => {
    expect(toHex(hashLeaf(utf8Encode('L123456')))).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
  });
  it('hashes children of any length as given ("N123", "N456")', () => {
    expect(toHex(hashChildren(utf8Encode('N123'), utf8Encode('N456')))).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
  });
  it('hashes a leaf above the 64 KiB copy limit like a short one would', () => {
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    const prefixed = new Uint8Array(big.length + 1);
    prefixed.set(big, 1);
    expect(toHex(hashLeaf(big))).toBe(toHex(sha256(prefixed)));
    expect(toHex(merkleTreeHash([big, new Uint8Array(3)]))).toBe(
      toHex(hashChildren(hashLeaf(big), hashLeaf(new Uint8Array(3)))),
    );
  });
});

describe('merkleTreeHash and merkleRoot', () => {
  it('matches the upstream roots for sizes 0..8', () => {
    for (let n = 0; n <= 8; n++) {
      expect(toHex(merkleTreeHash(LEAVES.slice(0, n))), `size ${n}`).toBe(ROOTS[n]);
      expect(toHex(merkleRoot(LEAVES.slice(0, n).map(hashLeaf))), `size ${n}`).toBe(ROOTS[n]);
    }
  });
  it('agrees with the literal recursive definition around powers of two', () => {
    for (const n of [15, 16, 17, 31, 32, 33, 100, 255, 256, 257]) {
      const entries = testEntries(n);
      expect(toHex(merkleTreeHash(entries)), `size ${n}`).toBe(toHex(refMth(entries)));
      expect(toHex(merkleRoot(entries.map(hashLeaf))), `size ${n}`).toBe(toHex(refMth(entries)));
    }
  });
  it('returns a fresh array the caller may mutate', () => {
    const hashes = LEAVES.map(hashLeaf);
    const a = merkleRoot(hashes);
    a.fill(0);
    expect(toHex(merkleRoot(hashes))).toBe(ROOTS[8]);
    expect(hashes.map(toHex)).toEqual(LEAVES.map(hashLeaf).map(toHex));
  });
  it('throws RangeError for a leaf hash that is not 32 bytes (a programming error)', () => {
    expect(() => merkleRoot([new Uint8Array(31)])).toThrow(RangeError);
    expect(() => buildMerkleTree([new Uint8Array(32), new Uint8Array(33)])).toThrow(RangeError);
  });
  it('throws TypeError for values that are not bytes', () => {
    expect(() => merkleRoot(['ab' as unknown as Uint8Array])).toThrow(TypeError);
    expect(() => merkleTreeHash([null as unknown as Uint8Array])).toThrow(TypeError);
    expect(() => hashLeaf('abc' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => hashChildren(new Uint8Array(32), [1] as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('buildMerkleTree', () => {
  const hashes = LEAVES.map(hashLeaf);
  it('exposes size and root', () => {
    const tree = buildMerkleTree(hashes);
    expect(tree.size).toBe(8);
    expect(toHex(tree.root)).toBe(ROOTS[8]);
    expect(toHex(buildMerkleTree([]).root)).toBe(ROOTS[0]);
  });
  it('gives the upstream inclusion proof for leaf 5 of 8', () => {
    const proof = inclusionProof(hashes, 5);
    expect(E.isRight(proof) && proof.right.map(toHex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });
  it('gives the upstream consistency proof from 6 to 8', () => {
    const proof = consistencyProof(hashes, 6);
    expect(E.isRight(proof) && proof.right.map(toHex)).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });
  it('refuses indices outside the tree with CORE_MERKLE_INDEX_OUT_OF_RANGE', () => {
    const tree = buildMerkleTree(hashes);
    for (const index of [8, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      const r = tree.inclusionProof(index);
      expect(E.isLeft(r) && r.left.code, String(index)).toBe('CORE_MERKLE_INDEX_OUT_OF_RANGE');
      expect(E.isLeft(r) && r.left.path).toBe('$.index');
    }
    const empty = buildMerkleTree([]).inclusionProof(0);
    expect(E.isLeft(empty) && empty.left.code).toBe('CORE_MERKLE_INDEX_OUT_OF_RANGE');
  });
  it('refuses size1 outside 1..size with CORE_MERKLE_SIZE_OUT_OF_RANGE', () => {
    const tree = buildMerkleTree(hashes);
    for (const size1 of [0, 9, -1, 2.5, Number.NaN]) {
      const r = tree.consistencyProof(size1);
      expect(E.isLeft(r) && r.left.code, String(size1)).toBe('CORE_MERKLE_SIZE_OUT_OF_RANGE');
    }
  });
  it('gives empty consistency proofs for equal sizes, including two empty trees', () => {
    expect(buildMerkleTree(hashes).consistencyProof(8)).toEqual(E.right([]));
    expect(buildMerkleTree([]).consistencyProof(0)).toEqual(E.right([]));
  });
  it('throws TypeError for an index that is not a number', () => {
    expect(() => buildMerkleTree(hashes).inclusionProof('1' as unknown as number)).toThrow(
      TypeError,
    );
    expect(() => buildMerkleTree(hashes).consistencyProof(1n as unknown as number)).toThrow(
      TypeError,
    );
  });
});
