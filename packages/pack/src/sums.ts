/**
 * `SHA256SUMS`: the pack's checksums in the GNU coreutils `sha256sum` format, so that
 * `sha256sum -c SHA256SUMS` checks every listed file and `manifest.json` with no Warrant software.
 * The text is derived from the manifest alone, so a verifier rebuilds it and compares bytes.
 * @see docs/spec/pack-v1.md section 5 (SHA256SUMS)
 * @module
 */
import { toHex, utf8Encode } from '@warrant/core';
import { sha256 } from '@warrant/core';
import { compareArchivePaths } from './archive/path';
import { PACK_PATHS } from './layout';
import type { PackFileEntry } from './manifest';

/**
 * Renders `SHA256SUMS` for a manifest: one line `<64 hex><space><space><path><LF>` for every
 * listed file and for `manifest.json`, sorted by path (UTF-8 bytes). Paths never need coreutils
 * escaping: the archive path grammar excludes backslashes and control characters.
 * @param files - the manifest's file entries
 * @param manifestBytes - the bytes of `manifest.json`
 * @returns the file's bytes (ASCII hex, UTF-8 paths)
 * @see https://www.gnu.org/software/coreutils/manual/html_node/md5sum-invocation.html
 * @see docs/spec/pack-v1.md section 5
 * @example
 * utf8Decode(renderSha256Sums([], manifestBytes)) // '3f1a…  manifest.json\n'
 */
export const renderSha256Sums = (
  files: ReadonlyArray<Pick<PackFileEntry, 'path' | 'sha256'>>,
  manifestBytes: Uint8Array,
): Uint8Array => {
  const lines = [
    ...files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    { path: PACK_PATHS.manifest, sha256: toHex(sha256(manifestBytes)) },
  ].sort((a, b) => compareArchivePaths(a.path, b.path));
  return utf8Encode(lines.map((l) => `${l.sha256}  ${l.path}\n`).join(''));
};
