/**
 * Merkle tree hashing of @warrant/core against hashing the same leaf and node inputs with
 * node:crypto `createHash` directly, in one process.
 * Target (issue #2): the root over 1,000,000 leaves within 1.5x of that cost, i.e. candidate
 * throughput >= 66.7% of the baseline's.
 *
 *   npm run bench -- merkle
 * @module
 */
import { createHash, hash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import {
  buildMerkleTree,
  hashLeaf,
  merkleRoot,
  merkleTreeHash,
  sha256,
  toHex,
  utf8Encode,
  verifyInclusion,
} from '@warrant/core';
import { compare, machine, measure, row } from './harness';

const N = Number(process.env['MERKLE_LEAVES'] ?? 1_000_000);
// One round (3 samples each, alternated) per row: the baseline alone allocates 2M Buffers per run.
const ROUNDS = Number(process.env['MERKLE_ROUNDS'] ?? 1);
// Entries of 16..96 bytes (typical of the digests and small records a log holds).
const entries = Array.from({ length: N }, (_, i) =>
  sha256(utf8Encode(`entry ${i}`))
    .subarray(0, 16 + (i % 17))
    .slice(),
).map((e, i) => (i % 3 === 0 ? new Uint8Array([...e, ...e, ...e]) : e));
const leafHashes = entries.map(hashLeaf);
const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

/** The baseline: createHash for every leaf input and every node input of the RFC 9162 tree. */
const nodesWithCreateHash = (level: Uint8Array[]): Uint8Array => {
  if (level.length === 0) return createHash('sha256').digest();
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(
        createHash('sha256')
          .update(NODE)
          .update(level[i] as Uint8Array)
          .update(level[i + 1] as Uint8Array)
          .digest(),
      );
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    level = next;
  }
  return level[0] as Uint8Array;
};
const rawTreeHash = (): Uint8Array =>
  nodesWithCreateHash(entries.map((e) => createHash('sha256').update(LEAF).update(e).digest()));
const rawRoot = (): Uint8Array => nodesWithCreateHash(leafHashes);

/** A second baseline: node:crypto's one-shot `crypto.hash` on a prefixed copy of each input. */
const prefixed = (prefix: number, a: Uint8Array, b?: Uint8Array): Uint8Array => {
  const out = new Uint8Array(1 + a.length + (b?.length ?? 0));
  out[0] = prefix;
  out.set(a, 1);
  if (b !== undefined) out.set(b, 1 + a.length);
  return out;
};
const rawTreeHashOneShot = (): Uint8Array => {
  let level: Uint8Array[] = entries.map((e) => hash('sha256', prefixed(0, e), 'buffer'));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(hash('sha256', prefixed(1, level[i] as Uint8Array, level[i + 1]), 'buffer'));
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    level = next;
  }
  return level[0] as Uint8Array;
};

const main = async (): Promise<void> => {
  if (toHex(rawTreeHash()) !== toHex(merkleTreeHash(entries))) throw new Error('roots differ');
  if (toHex(rawRoot()) !== toHex(merkleRoot(leafHashes))) throw new Error('roots differ');
  if (toHex(rawTreeHashOneShot()) !== toHex(merkleRoot(leafHashes)))
    throw new Error('roots differ');
  const hashes = 2 * N - 1;
  console.log(`${await machine()}; ${N} leaves = ${hashes} SHA-256 inputs\n`);
  console.log('| target | candidate | baseline | candidate / baseline throughput | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(
    row(
      `root over ${N} raw entries`,
      await compare(
        hashes,
        { name: 'createHash per input', fn: rawTreeHash },
        { name: 'merkleTreeHash', fn: () => merkleTreeHash(entries) },
        ROUNDS,
      ),
      '>= 66.7% (cost <= 1.5x)',
    ),
  );
  console.log(
    row(
      `root over ${N} leaf hashes`,
      await compare(
        N - 1,
        { name: 'createHash per node', fn: rawRoot },
        { name: 'merkleRoot', fn: () => merkleRoot(leafHashes) },
        ROUNDS,
      ),
      '>= 66.7% (cost <= 1.5x)',
    ),
  );

  console.log(
    row(
      `root over ${N} raw entries, faster baseline`,
      await compare(
        hashes,
        { name: 'crypto.hash per input', fn: rawTreeHashOneShot },
        { name: 'merkleTreeHash', fn: () => merkleTreeHash(entries) },
        ROUNDS,
      ),
      '>= 66.7% (cost <= 1.5x)',
    ),
  );

  // Informative: building the proof-serving tree, and proofs from it.
  const build = await measure('buildMerkleTree', N, () => buildMerkleTree(leafHashes), {
    samples: 3,
    warmup: 1,
  });
  const tree = buildMerkleTree(leafHashes);
  const PROOFS = 10_000;
  const prove = await measure('inclusionProof x 10k', PROOFS, () => {
    for (let i = 0; i < PROOFS; i++) tree.inclusionProof((i * 7919) % N);
  });
  const proofs = Array.from({ length: 1000 }, (_, i) => {
    const index = (i * 7919) % N;
    const p = tree.inclusionProof(index);
    if (E.isLeft(p)) throw new Error('no proof');
    return {
      leafHash: leafHashes[index] as Uint8Array,
      index,
      treeSize: N,
      proof: p.right,
      root: tree.root,
    };
  });
  const verify = await measure('verifyInclusion x 1000', proofs.length, () => {
    for (const p of proofs) if (E.isLeft(verifyInclusion(p))) throw new Error('refused');
  });
  for (const m of [build, prove, verify]) {
    console.log(
      `\n${m.name}: ${m.medianMs.toFixed(1)} ms (${(m.perSecond / 1000).toFixed(1)} k/s)`,
    );
  }
};

void main();
