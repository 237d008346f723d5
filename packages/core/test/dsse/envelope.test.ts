import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { DsseEnvelope, decodeEnvelope, parseEnvelope, utf8Encode } from '@warrant/core';

const ok = {
  payloadType: 'application/vnd.test',
  payload: 'aGk=',
  signatures: [{ keyid: 'k', sig: 'AAAA' }],
};

describe('decodeEnvelope', () => {
  it('decodes a well-formed envelope as given', () => {
    expect(decodeEnvelope(ok)).toEqual(E.right(ok));
  });
  it('keeps URL-safe base64 text as given (it is decoded at verification)', () => {
    const env = { ...ok, payload: '-_-_Pj8=' };
    expect(decodeEnvelope(env)).toEqual(E.right(env));
  });
  it('reads absent members as empty and drops an empty keyid (envelope.md: empty fields may be omitted)', () => {
    expect(decodeEnvelope({})).toEqual(E.right({ payloadType: '', payload: '', signatures: [] }));
    expect(
      decodeEnvelope({ ...ok, signatures: [{ keyid: '', sig: 'AAAA' }, { sig: 'AAAA' }] }),
    ).toEqual(E.right({ ...ok, signatures: [{ sig: 'AAAA' }, { sig: 'AAAA' }] }));
  });
  it('returns a fresh object, not the input', () => {
    const r = decodeEnvelope(ok);
    expect(E.isRight(r) && r.right !== ok && r.right.signatures !== ok.signatures).toBe(true);
  });
  it.each([
    ['a non-object', [], 'CORE_DSSE_ENVELOPE_MALFORMED', '$'],
    ['null', null, 'CORE_DSSE_ENVELOPE_MALFORMED', '$'],
    [
      'a numeric payloadType',
      { ...ok, payloadType: 1 },
      'CORE_DSSE_ENVELOPE_MALFORMED',
      '$.payloadType',
    ],
    [
      'a lone surrogate in payloadType',
      { ...ok, payloadType: 'a\ud800' },
      'CORE_DSSE_ENVELOPE_MALFORMED',
      '$.payloadType',
    ],
    ['bad payload base64', { ...ok, payload: 'aGk' }, 'CORE_DSSE_BASE64_INVALID', '$.payload'],
    ['mixed alphabets', { ...ok, payload: '+_8=' }, 'CORE_DSSE_BASE64_INVALID', '$.payload'],
    [
      'signatures not an array',
      { ...ok, signatures: {} },
      'CORE_DSSE_ENVELOPE_MALFORMED',
      '$.signatures',
    ],
    [
      'a signature not an object',
      { ...ok, signatures: ['AAAA'] },
      'CORE_DSSE_ENVELOPE_MALFORMED',
      '$.signatures[0]',
    ],
    [
      'a missing sig',
      { ...ok, signatures: [{ keyid: 'k' }] },
      'CORE_DSSE_ENVELOPE_MALFORMED',
      '$.signatures[0].sig',
    ],
    [
      'a numeric keyid',
      { ...ok, signatures: [{ keyid: 7, sig: 'AAAA' }] },
      'CORE_DSSE_ENVELOPE_MALFORMED',
      '$.signatures[0].keyid',
    ],
    [
      'bad sig base64',
      { ...ok, signatures: [{ sig: 'AA AA' }] },
      'CORE_DSSE_BASE64_INVALID',
      '$.signatures[0].sig',
    ],
    ['an unknown envelope member', { ...ok, extra: 1 }, 'CORE_DSSE_ENVELOPE_MALFORMED', '$.extra'],
    [
      'an unknown signature member',
      { ...ok, signatures: [{ sig: 'AAAA', cert: 'x' }] },
      'CORE_DSSE_ENVELOPE_MALFORMED',
      '$.signatures[0].cert',
    ],
    ['an odd member name', { ...ok, 'a b': 1 }, 'CORE_DSSE_ENVELOPE_MALFORMED', "$['a b']"],
  ])('refuses %s', (_, json, code, path) => {
    expect(decodeEnvelope(json)).toMatchObject({ _tag: 'Left', left: { code, path } });
  });
  it('reports every issue, in a fixed order, with the first as the error', () => {
    const r = decodeEnvelope({
      z: 1,
      a: 2,
      payloadType: 3,
      payload: '?',
      signatures: [{ sig: 1 }, 2],
    });
    if (E.isRight(r)) throw new Error('expected a Left');
    expect(r.left.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'CORE_DSSE_ENVELOPE_MALFORMED $.a',
      'CORE_DSSE_ENVELOPE_MALFORMED $.z',
      'CORE_DSSE_ENVELOPE_MALFORMED $.payloadType',
      'CORE_DSSE_BASE64_INVALID $.payload',
      'CORE_DSSE_ENVELOPE_MALFORMED $.signatures[0].sig',
      'CORE_DSSE_ENVELOPE_MALFORMED $.signatures[1]',
    ]);
    expect(r.left).toMatchObject({ code: 'CORE_DSSE_ENVELOPE_MALFORMED', path: '$.a' });
  });
  it('ignores inherited members', () => {
    const proto = { payloadType: 'inherited' };
    const env = Object.assign(Object.create(proto) as object, { payload: '', signatures: [] });
    expect(decodeEnvelope(env)).toEqual(E.right({ payloadType: '', payload: '', signatures: [] }));
  });
});

describe('parseEnvelope', () => {
  it('parses JSON text and bytes strictly', () => {
    const text = JSON.stringify(ok);
    expect(parseEnvelope(text)).toEqual(E.right(ok));
    expect(parseEnvelope(utf8Encode(text))).toEqual(E.right(ok));
  });
  it('passes JSON errors through (duplicate members are refused, not last-wins)', () => {
    expect(parseEnvelope('{"payload":"","payload":"aGk="}')).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_JSON_DUPLICATE_KEY' },
    });
    expect(parseEnvelope('{"__proto__":{"payloadType":"x"}}')).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_ENVELOPE_MALFORMED', path: '$.__proto__' },
    });
  });
});

describe('the DsseEnvelope codec', () => {
  it('accepts what decodeEnvelope returns and refuses bad base64', () => {
    expect(DsseEnvelope.is(ok)).toBe(true);
    expect(DsseEnvelope.is({ ...ok, payload: 'a' })).toBe(false);
    expect(E.isRight(DsseEnvelope.decode(ok))).toBe(true);
  });
});
