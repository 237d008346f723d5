import * as E from 'fp-ts/lib/Either.js';
import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import { toHex, utf8Encode } from '@warrant/core';
import { parseArchivePath, type ArchivePath } from '../../src/archive/path';
import { encodeUstarHeader, parseUstarHeader } from '../../src/archive/ustar';
import { octalSize, rawHeader } from '../../../../conformance/tools/pack-archive-fixtures';

const path = (text: string): ArchivePath => {
  const p = parseArchivePath(text);
  if (E.isLeft(p)) throw new Error(p.left.message);
  return p.right;
};

describe('encodeUstarHeader', () => {
  it('writes the documented bytes for a.txt, 5 bytes', () => {
    const block = encodeUstarHeader(path('a.txt'), 5);
    const ascii = (from: number, to: number) =>
      Buffer.from(block.subarray(from, to)).toString('latin1');
    expect(ascii(0, 5)).toBe('a.txt');
    expect(block.subarray(5, 100).every((b) => b === 0)).toBe(true);
    expect(ascii(100, 108)).toBe('0000644\0');
    expect(ascii(108, 116)).toBe('0000000\0');
    expect(ascii(116, 124)).toBe('0000000\0');
    expect(ascii(124, 136)).toBe('00000000005\0');
    expect(ascii(136, 148)).toBe('00000000000\0');
    // 6 octal digits, NUL, space; the sum of all bytes with this field counted as spaces.
    expect(ascii(148, 156)).toBe('006721\0 ');
    const spaced = block.slice().fill(0x20, 148, 156);
    expect(spaced.reduce((a, b) => a + b, 0)).toBe(0o6721);
    expect(ascii(156, 157)).toBe('0');
    expect(ascii(257, 265)).toBe('ustar\u000000');
    expect(block.subarray(157, 257).every((b) => b === 0)).toBe(true);
    expect(block.subarray(265, 512).every((b) => b === 0)).toBe(true);
  });

  it('stores a long path as prefix + name', () => {
    const long = `${'p'.repeat(120)}/${'n'.repeat(80)}`;
    const block = encodeUstarHeader(path(long), 0);
    expect(Buffer.from(block.subarray(0, 80)).toString()).toBe('n'.repeat(80));
    expect(Buffer.from(block.subarray(345, 465)).toString()).toBe('p'.repeat(120));
  });

  it('matches modern-tar 0.8.6 with fixed metadata byte for byte (independent writer)', async () => {
    const names = [
      'a.txt',
      'sboms/ünï.json',
      'n'.repeat(100),
      `${'p'.repeat(155)}/${'n'.repeat(99)}`,
    ];
    for (const name of names) {
      const content = utf8Encode(`content of ${name}`);
      const theirs = await packTar([
        {
          header: {
            name,
            size: content.length,
            mode: 0o644,
            mtime: new Date(0),
            uid: 0,
            gid: 0,
            uname: '',
            gname: '',
            type: 'file',
          },
          body: content,
        },
      ]);
      expect(toHex(theirs.subarray(0, 512))).toBe(
        toHex(encodeUstarHeader(path(name), content.length)),
      );
    }
  });
});

describe('parseUstarHeader', () => {
  it('accepts exactly what encodeUstarHeader writes', () => {
    const parsed = parseUstarHeader(encodeUstarHeader(path('dir/file.json'), 12345));
    expect(E.isRight(parsed) && [parsed.right.path.text, parsed.right.size]).toEqual([
      'dir/file.json',
      12345,
    ]);
  });

  it('names the field that is not canonical', () => {
    const cases: [Parameters<typeof rawHeader>[0], string][] = [
      [{ mode: '0000600\0' }, 'mode'],
      [{ gid: '0000001\0' }, 'gid'],
      [{ mtime: '00000000001\0' }, 'mtime'],
      [{ gname: 'wheel' }, 'gname'],
      [{ devmajor: '0000000\0' }, 'devmajor'],
      [{ linkname: 'x' }, 'linkname'],
    ];
    for (const [fields, field] of cases) {
      const parsed = parseUstarHeader(rawHeader({ name: 'a', size: octalSize(0), ...fields }));
      expect(E.isLeft(parsed) && parsed.left.code).toBe('PACK_ARCHIVE_HEADER_INVALID');
      expect(E.isLeft(parsed) && parsed.left.message).toContain(`field ${field} `);
      expect(E.isLeft(parsed) && parsed.left.path).toBe('a');
    }
  });

  it('checks the checksum before anything else, and any changed byte breaks it', () => {
    const block = encodeUstarHeader(path('a'), 1);
    for (const at of [0, 100, 124, 156, 257, 345, 511]) {
      const copy = block.slice();
      copy[at] = (copy[at] as number) ^ 0x10;
      const parsed = parseUstarHeader(copy);
      expect(E.isLeft(parsed) && parsed.left.code).toBe('PACK_ARCHIVE_HEADER_CHECKSUM');
    }
  });
});
