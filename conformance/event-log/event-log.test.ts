/**
 * Runs every case of conformance/event-log/*.json against @warrant/core.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalizeToBytes,
  encodeEventLines,
  fromHex,
  genesisHash,
  importJwk,
  makeCheckpoint,
  sealEvents,
  toHex,
  utf8Encode,
  verifyCheckpoint,
  verifyCheckpointConsistency,
  verifyEventLines,
  type ChainHead,
  type CheckpointStatement,
  type EventDraft,
  type LogId,
  type PublicKey,
  type Sha256Digest,
  type Timestamp,
  type Verifier,
} from '@warrant/core';

interface Case {
  readonly name: string;
  readonly input: Record<string, unknown>;
  readonly expected?: unknown;
  readonly error?: string;
}
const load = (file: string): ReadonlyArray<Case> =>
  (JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as { cases: Case[] }).cases;
const bytes = (h: unknown): Uint8Array => fromHex(h as string) as Uint8Array;
const pathOf = (name: string): string | undefined => / at (\$.*)$/.exec(name)?.[1];

describe('conformance: event-log/genesis.json', () => {
  for (const c of load('genesis.json')) {
    it(c.name, () => {
      const id = c.input.log_id as LogId;
      expect(genesisHash(id)).toBe((c.expected as { genesis: string }).genesis);
      expect(toHex(utf8Encode(`{"log_id":"${id}","schema":"warrant.event-genesis/v1"}`))).toBe(
        (c.expected as { canonical: string }).canonical,
      );
    });
  }
});

describe('conformance: event-log/seal.json', () => {
  for (const c of load('seal.json')) {
    it(c.name, () => {
      const r = sealEvents(c.input.head as ChainHead, c.input.drafts as EventDraft[]);
      if (c.error !== undefined) {
        expect(E.isLeft(r) && [r.left.code, r.left.path]).toEqual([c.error, pathOf(c.name)]);
        return;
      }
      if (E.isLeft(r)) throw new Error(r.left.message);
      const lines = E.getOrElseW(() => new Uint8Array())(encodeEventLines(r.right.events));
      expect({ lines: toHex(lines), head: r.right.head }).toEqual(c.expected);
    });
  }
});

describe('conformance: event-log/verify.json', () => {
  for (const c of load('verify.json')) {
    it(c.name, () => {
      const { expect_head, from, checkpoints, max_errors } = c.input;
      const r = verifyEventLines(c.input.log_id as LogId, bytes(c.input.lines), {
        ...(expect_head === undefined
          ? {}
          : { expectHead: expect_head as { size: number; hash: Sha256Digest } }),
        ...(from === undefined ? {} : { from: from as ChainHead }),
        ...(checkpoints === undefined ? {} : { checkpoints: checkpoints as CheckpointStatement[] }),
        ...(max_errors === undefined ? {} : { maxErrors: max_errors as number }),
      });
      if (c.error !== undefined) {
        expect(E.isLeft(r) && [r.left[0].code, r.left[0].path]).toEqual([c.error, pathOf(c.name)]);
      } else {
        expect(r).toEqual(E.right(c.expected));
      }
    });
  }
});

describe('conformance: event-log/checkpoint.json', () => {
  for (const c of load('checkpoint.json')) {
    it(c.name, async () => {
      const kind = c.input.kind;
      if (kind === 'statement') {
        const s = makeCheckpoint(
          c.input.log_id as LogId,
          c.input.hashes as Sha256Digest[],
          c.input.time as Timestamp,
        );
        const canonical = E.getOrElseW(() => new Uint8Array())(canonicalizeToBytes(s));
        expect({ statement: s, canonical: toHex(canonical) }).toEqual(c.expected);
      } else if (kind === 'verify') {
        const verifiers: Verifier[] = [];
        for (const jwk of c.input.trusted_jwks as unknown[]) {
          const k = await importJwk(jwk);
          if (E.isLeft(k)) throw new Error(k.left.message);
          verifiers.push((k.right as PublicKey).verifier);
        }
        const logId = c.input.log_id as LogId | undefined;
        const r = await verifyCheckpoint(c.input.envelope, {
          verifiers,
          ...(logId === undefined ? {} : { logId }),
        });
        if (c.error !== undefined) {
          expect(E.isLeft(r) && r.left.code).toBe(c.error);
          const p = pathOf(c.name);
          if (p !== undefined) expect(E.isLeft(r) && r.left.path).toBe(p);
        } else {
          expect(E.isRight(r) && { statement: r.right.statement }).toEqual(c.expected);
        }
      } else {
        const proof = (c.input.proof as string[]).map(bytes);
        const r = verifyCheckpointConsistency(
          c.input.older as CheckpointStatement,
          c.input.newer as CheckpointStatement,
          proof,
        );
        if (c.error !== undefined) expect(E.isLeft(r) && r.left.code).toBe(c.error);
        else expect(r).toEqual(E.right(c.expected));
      }
    });
  }
  it('the statement of a signed case is the one the statement case builds', () => {
    const six = load('checkpoint.json').find((x) => x.name === 'statement for the first 6 events');
    const signed = load('checkpoint.json').find((x) => x.name === 'signed checkpoint of 6 events');
    expect((signed?.expected as { statement: unknown }).statement).toEqual(
      (six?.expected as { statement: unknown }).statement,
    );
    void utf8Encode;
  });
});
