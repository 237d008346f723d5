// --replay: the verdict recomputed from the pack's own files with @warrant/policy evaluate must
// be byte-identical to the packed one.
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalizeToBytes,
  parseJsonStrict,
  type JsonValue,
  type SigningKey,
} from '@warrant/core';
import { decodeEvaluationInput, evaluate, verdictBytes } from '@warrant/policy';
import { buildPackBytes, replayVerdict, verifyPack, type PackInput } from '@warrant/pack';
import { artifactInput, AT, loadKey, right } from './fixtures';

const POLICY = {
  schema: 'warrant.policy/v1',
  gates: [{ id: 'no-critical', kind: 'severity', at_or_above: 'critical', action: 'fail' }],
};

let key: SigningKey;
let input: PackInput;

beforeAll(async () => {
  key = await loadKey();
  const base = await artifactInput(key);
  const events = new TextDecoder()
    .decode(base.eventLog?.events)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
  const decoded = right(
    decodeEvaluationInput({
      findings: base.findings,
      exceptions: [events],
      policy: POLICY,
      now: AT,
    }),
  );
  const verdict = right(evaluate(decoded));
  input = {
    ...base,
    policy: {
      bundle: [{ name: 'policy.json', content: right(canonicalizeToBytes(POLICY)) }],
      settings: { now: AT },
    },
    verdict: right(parseJsonStrict(verdictBytes(verdict))) as JsonValue,
  };
});

describe('replayVerdict', () => {
  it('recomputes the packed verdict byte for byte', async () => {
    const pack = right(await buildPackBytes(input)).bytes;
    const r = right(await verifyPack(pack, { replay: replayVerdict }));
    expect(r.replayed).toBe(true);
  });

  it('refuses a verdict that does not follow from the packed inputs', async () => {
    const forged = { ...(input.verdict as Record<string, JsonValue>), outcome: 'pass-forged' };
    const pack = right(await buildPackBytes({ ...input, verdict: forged })).bytes;
    const r = await verifyPack(pack, { replay: replayVerdict });
    expect(E.isLeft(r) && [r.left.code, r.left.path]).toEqual([
      'PACK_REPLAY_MISMATCH',
      'verdict/verdict.json',
    ]);
  });

  it('reports a pack without the replay inputs as PACK_REPLAY_FAILED', async () => {
    const pack = right(
      await buildPackBytes({ ...input, policy: { ...input.policy, settings: {} } }),
    ).bytes;
    const r = await verifyPack(pack, { replay: replayVerdict });
    expect(E.isLeft(r) && r.left.code).toBe('PACK_REPLAY_FAILED');
  });
});
