import { describe, expect, it } from 'vitest';
import { DSSE_PAE_PREFIX, paeEncode, toHex, utf8Decode, utf8Encode } from '@warrant/core';

describe('paeEncode', () => {
  it('matches the DSSE protocol.md example', () => {
    const pae = paeEncode('http://example.com/HelloWorld', utf8Encode('hello world'));
    expect(utf8Decode(pae)).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });
  it('counts UTF-8 bytes of the type, not characters (sigstore-js regression)', () => {
    const pae = paeEncode('application/typ\u00e9', utf8Encode('Hello, World!'));
    expect(toHex(pae)).toBe(
      '445353457631203137206170706c69636174696f6e2f747970c3a92031332048656c6c6f2c20576f726c6421',
    );
  });
  it('counts astral characters as four bytes', () => {
    expect(utf8Decode(paeEncode('\u{1F600}', new Uint8Array(0)))).toBe('DSSEv1 4 \u{1F600} 0 ');
  });
  it('keeps U+0174 apart from "t" (no truncation to Latin-1)', () => {
    const p = utf8Encode('x');
    expect(toHex(paeEncode('\u0174ext/plain', p))).not.toBe(toHex(paeEncode('text/plain', p)));
  });
  it('ends an empty payload with "0 " and an empty type gives two spaces', () => {
    expect(utf8Decode(paeEncode('', new Uint8Array(0)))).toBe('DSSEv1 0  0 ');
  });
  it('writes lengths without leading zeros for large payloads', () => {
    const pae = paeEncode('t', new Uint8Array(1000));
    expect(utf8Decode(pae.subarray(0, 16))).toBe('DSSEv1 1 t 1000 ');
    expect(pae.length).toBe(16 + 1000);
  });
  it('takes binary payloads as they are', () => {
    const pae = paeEncode('t', new Uint8Array([0, 0xff, 0x20]));
    expect(toHex(pae.subarray(pae.length - 3))).toBe('00ff20');
  });
  it('exports the prefix', () => {
    expect(DSSE_PAE_PREFIX).toBe('DSSEv1');
  });
  it('throws TypeError on a lone surrogate or wrong argument types', () => {
    expect(() => paeEncode('a\ud800', new Uint8Array(0))).toThrow(TypeError);
    expect(() => paeEncode('\udc00', new Uint8Array(0))).toThrow(TypeError);
    expect(() => paeEncode(1 as unknown as string, new Uint8Array(0))).toThrow(TypeError);
    expect(() => paeEncode('a', 'b' as unknown as Uint8Array)).toThrow(TypeError);
  });
  it('accepts Node Buffers (a Uint8Array subclass)', () => {
    expect(utf8Decode(paeEncode('a', Buffer.from('b')))).toBe('DSSEv1 1 a 1 b');
  });
});
