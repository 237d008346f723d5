import { describe, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { decodeEnvelope, DsseEnvelope, encodeBase64, parseEnvelope } from '@warrant/core';

const b64 = fc.uint8Array({ maxLength: 40 }).map(encodeBase64);
const envelope = fc.record({
  payloadType: fc.string({ unit: 'grapheme', maxLength: 20 }),
  payload: b64,
  signatures: fc.array(
    fc.oneof(
      fc.record({ sig: b64 }),
      fc.record({ keyid: fc.string({ minLength: 1, maxLength: 10 }), sig: b64 }),
    ),
    { maxLength: 4 },
  ),
});

describe('envelope decoding laws', () => {
  it('decode . encode = id (through JSON text too), and the codec agrees', () => {
    fc.assert(
      fc.property(envelope, (env) => {
        const a = decodeEnvelope(env);
        const b = parseEnvelope(JSON.stringify(env));
        return (
          E.isRight(a) &&
          E.isRight(b) &&
          JSON.stringify(a.right) === JSON.stringify(env) &&
          JSON.stringify(b.right) === JSON.stringify(env) &&
          DsseEnvelope.is(a.right)
        );
      }),
    );
  });
  it('never throws, and a Left always names a path and lists its issues', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((t) => JSON.parse(t) as unknown),
          envelope.map((e) => ({ ...e, x: 1 })),
        ),
        (value) => {
          const r = decodeEnvelope(value);
          return (
            E.isRight(r) ||
            (r.left.path.startsWith('$') &&
              r.left.issues.length > 0 &&
              r.left.issues[0]!.path === r.left.path)
          );
        },
      ),
    );
  });
  it('does not depend on member order', () => {
    fc.assert(
      fc.property(envelope, (env) => {
        const reversed = Object.fromEntries(Object.entries(env).reverse());
        return JSON.stringify(decodeEnvelope(reversed)) === JSON.stringify(decodeEnvelope(env));
      }),
    );
  });
});
