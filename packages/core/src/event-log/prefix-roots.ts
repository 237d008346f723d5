/**
 * Merkle roots of every prefix of a growing list of leaves, in O(log n) memory: the compact
 * range (the perfect subtrees whose sizes are the binary digits of n, largest first). Used to
 * check a log against checkpoints of several sizes in one pass over its events.
 * @module
 */
import { SHA256_DIGEST_LENGTH, sha256 } from '../digest';
import { hashChildren } from '../merkle';

/**
 * Accumulates leaf hashes and answers "what is the RFC 9162 root of the first n leaves?" for the
 * current n.
 * @internal
 */
export class PrefixRoots {
  // stack[i] = root of a perfect subtree of 2^heights[i] leaves; heights strictly decreasing.
  private readonly stack: Uint8Array[] = [];
  private readonly heights: number[] = [];
  private count = 0;

  /** Adds the next leaf hash (32 bytes, already `hashLeaf`ed). */
  push(leafHash: Uint8Array): void {
    if (leafHash.length !== SHA256_DIGEST_LENGTH) throw new RangeError('a leaf hash is 32 bytes');
    let node = leafHash;
    let height = 0;
    // Merge equal-height neighbours, as binary addition carries.
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === height) {
      node = hashChildren(this.stack.pop() as Uint8Array, node);
      this.heights.pop();
      height += 1;
    }
    this.stack.push(node);
    this.heights.push(height);
    this.count += 1;
  }

  /** Number of leaves pushed. */
  get size(): number {
    return this.count;
  }

  /**
   * The Merkle Tree Hash of the leaves pushed so far. RFC 9162 splits at the largest power of two
   * below n, which is the first (largest) subtree, so folding from the right gives MTH.
   */
  root(): Uint8Array {
    if (this.stack.length === 0) return sha256(new Uint8Array(0));
    let acc = this.stack[this.stack.length - 1] as Uint8Array;
    for (let i = this.stack.length - 2; i >= 0; i--)
      acc = hashChildren(this.stack[i] as Uint8Array, acc);
    return acc;
  }
}
