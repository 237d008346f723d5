/**
 * `diff/diff.json` as a build extension: the new pack's planned machine files compared with the
 * previous pack's files (docs/spec/pack-diff-v1.md). Runs before redaction, so a redacted pack's
 * diff is redacted with everything else.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalizeToBytes } from '@warrant/core';
import type { PackExtension } from '../build';
import { planFiles } from '../build-input';
import { packError } from '../errors';
import { diffPacks } from './pack-diff';
import type { PackContents } from './pack-side';

/** Path of the diff inside a pack. */
export const DIFF_PATH = 'diff/diff.json';

/**
 * A build extension writing `diff/diff.json` against a previous pack.
 * @param previous - the previous pack's files and id (e.g. read with `readArchive` after
 *   `verifyPack`); set `PackInput.previous` to the same pack so the manifest names it
 * @returns the extension
 * @see docs/spec/pack-diff-v1.md
 * @example
 * await buildPack(input, sink, { extensions: [diffExtension({ packId, files })] })
 */
export const diffExtension =
  (previous: PackContents): PackExtension =>
  async (view) => {
    const planned = planFiles(view.input);
    if (E.isLeft(planned)) return planned;
    const files = planned.right.flatMap((f) =>
      f.content instanceof Uint8Array ? [{ path: f.path, bytes: f.content }] : [],
    );
    const diff = diffPacks(previous, { files });
    if (E.isLeft(diff)) {
      return E.left(packError('PACK_INPUT_INVALID', diff.left.message, diff.left.path, diff.left));
    }
    const bytes = canonicalizeToBytes(diff.right);
    if (E.isLeft(bytes)) throw new TypeError(bytes.left.message);
    return E.right([{ path: DIFF_PATH, content: bytes.right, mediaType: 'application/json' }]);
  };
