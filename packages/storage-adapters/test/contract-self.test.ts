import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import type { WarrantStore } from '@warrant/core';
import { runStorageContract } from '@warrant/storage-adapters/contract';
import { createMemoryStore } from '@warrant/storage-adapters/memory';

/** Collects the suite's tests instead of registering them, so they can be run here. */
const collect = (make: () => WarrantStore): Map<string, () => Promise<void>> => {
  const tests = new Map<string, () => Promise<void>>();
  const prefix: string[] = [];
  runStorageContract(
    'under test',
    { create: async () => make() },
    {
      describe: (name, fn) => {
        prefix.push(name);
        fn();
        prefix.pop();
      },
      it: (name, fn) => void tests.set([...prefix, name].join(' > '), fn),
    },
  );
  return tests;
};

const failures = async (make: () => WarrantStore): Promise<string[]> => {
  const out: string[] = [];
  for (const [name, fn] of collect(make)) {
    try {
      await fn();
    } catch {
      out.push(name);
    }
  }
  return out;
};

describe('the contract suite itself', () => {
  it('passes a correct adapter', async () => {
    expect(await failures(createMemoryStore)).toEqual([]);
  });

  it('catches an adapter that ignores expectedSeq (a fork)', async () => {
    const forking = (): WarrantStore => {
      const s = createMemoryStore();
      return {
        ...s,
        events: {
          ...s.events,
          // Swallows conflicts by retrying at whatever size the log has now.
          append: async (logId, _expected, drafts) => {
            for (;;) {
              const head = await s.events.head(logId);
              if (E.isLeft(head)) return head;
              const r = await s.events.append(logId, head.right.size, drafts);
              if (E.isRight(r) || r.left.code !== 'STORE_SEQUENCE_CONFLICT') return r;
            }
          },
        },
      };
    };
    const failed = await failures(forking);
    expect(failed.some((n) => n.includes('stale expectedSeq'))).toBe(true);
    expect(failed.some((n) => n.includes('exactly one of many concurrent appends'))).toBe(true);
  });

  it('catches a blob store that does not check the expected digest', async () => {
    const lax = (): WarrantStore => {
      const s = createMemoryStore();
      return { ...s, blobs: { ...s.blobs, put: (logId, bytes) => s.blobs.put(logId, bytes) } };
    };
    expect(
      (await failures(lax)).filter((n) => n.includes('digest is not the expected')),
    ).toHaveLength(1);
  });

  it('catches a store that returns events out of order', async () => {
    const shuffled = (): WarrantStore => {
      const s = createMemoryStore();
      return {
        ...s,
        events: {
          ...s.events,
          read: async (logId, range) => {
            const r = await s.events.read(logId, range);
            return E.isLeft(r) ? r : E.right([...r.right].reverse());
          },
        },
      };
    };
    expect((await failures(shuffled)).length).toBeGreaterThan(2);
  });
});
