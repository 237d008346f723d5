/**
 * The entry-set rules shared by writer and reader: strictly ascending UTF-8 byte order (which
 * also rules out duplicates) and no path that is both a file and another entry's directory.
 * @see docs/spec/pack-archive.md#entry-order
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { archiveError, type ArchiveError } from './errors';
import { compareBytes, type ArchivePath } from './path';

/** Checks each next path against those before it. */
export interface EntryOrder {
  /** Accepts `path` as the next entry, or says why it cannot follow the previous ones. */
  readonly next: (path: ArchivePath) => E.Either<ArchiveError, void>;
}

/**
 * Starts an empty entry sequence.
 * @returns a checker that remembers every file path it accepted (for the conflict rule)
 * @see docs/spec/pack-archive.md#entry-order
 * @example
 * const order = createEntryOrder();
 * order.next(a); order.next(b); // right, right when a < b; left(PACK_ARCHIVE_UNSORTED) otherwise
 */
export const createEntryOrder = (): EntryOrder => {
  let previous: ArchivePath | undefined;
  const files = new Set<string>();
  return {
    next: (path) => {
      if (previous !== undefined) {
        const order = compareBytes(previous.utf8, path.utf8);
        if (order === 0) {
          return E.left(
            archiveError('PACK_ARCHIVE_DUPLICATE_ENTRY', 'entry path appears twice', path.text),
          );
        }
        if (order > 0) {
          return E.left(
            archiveError(
              'PACK_ARCHIVE_UNSORTED',
              `entry must come before ${JSON.stringify(previous.text)}: paths are in ascending UTF-8 byte order`,
              path.text,
            ),
          );
        }
      }
      // Every ancestor directory of `path` must not be a file already listed (a file always
      // sorts before the entries under it, so checking ancestors of each new path suffices).
      for (let i = path.text.indexOf('/'); i !== -1; i = path.text.indexOf('/', i + 1)) {
        const ancestor = path.text.slice(0, i);
        if (files.has(ancestor)) {
          return E.left(
            archiveError(
              'PACK_ARCHIVE_PATH_CONFLICT',
              `${JSON.stringify(ancestor)} is a file, so it cannot also be a directory`,
              path.text,
            ),
          );
        }
      }
      files.add(path.text);
      previous = path;
      return E.right(undefined);
    },
  };
};
