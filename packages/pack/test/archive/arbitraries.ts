// Shared fast-check generators for the archive tests.
import fc from 'fast-check';

// Segment characters: mostly ASCII file-name characters, some non-ASCII NFC letters and an
// astral symbol, so UTF-8 length and byte order are exercised.
const segmentChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:@+ ',
  'é',
  'ü',
  'ß',
  '日',
  '\uE000',
  '😀',
);

const segment = fc
  .array(segmentChar, { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''))
  .filter((s) => s !== '.' && s !== '..');

/** A path the grammar accepts (short enough to fit the ustar fields in any split). */
export const archivePath = fc
  .array(segment, { minLength: 1, maxLength: 4 })
  .map((segs) => segs.join('/'))
  .filter((p) => !/^[A-Za-z]:/.test(p) && new TextEncoder().encode(p).length <= 100);

/** Entry content: usually small, sometimes spanning several 512-byte blocks. */
export const content = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 500, maxLength: 2000 }) },
);

/** A set of entries with distinct paths and no file/directory conflicts. */
export const entrySet = fc
  .uniqueArray(fc.record({ path: archivePath, bytes: content }), {
    maxLength: 8,
    selector: (e) => e.path,
  })
  .filter((es) => {
    const paths = new Set(es.map((e) => e.path));
    return es.every((e) => {
      const parts = e.path.split('/');
      for (let i = 1; i < parts.length; i++)
        if (paths.has(parts.slice(0, i).join('/'))) return false;
      return true;
    });
  });
