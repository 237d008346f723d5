// Test helper: edits the files of a built pack and re-derives everything the manifest implies
// (entries, Merkle root, pack id, SHA256SUMS), so a test reaches the check after the file
// checks. Signatures are dropped: the result is an unsigned pack.
import { sha256, toHex } from '@warrant/core';
import {
  completeManifest,
  mediaTypeOf,
  readArchive,
  readManifest,
  renderSha256Sums,
  writeArchive,
  type PackManifest,
} from '@warrant/pack';
import { right } from './fixtures';

/** What an edit may change: listed files by path (undefined removes) and manifest members. */
export interface PackEdit {
  readonly files?: Readonly<Record<string, Uint8Array | undefined>>;
  readonly manifest?: (m: Omit<PackManifest, 'pack_id' | 'merkle' | 'files'>) => object;
}

export const repack = (bytes: Uint8Array, edit: PackEdit): Uint8Array => {
  const entries = new Map(right(readArchive(bytes)).map((e) => [e.path, e.bytes]));
  const old = right(readManifest(entries.get('manifest.json') as Uint8Array));
  for (const [path, b] of Object.entries(edit.files ?? {})) {
    if (b === undefined) entries.delete(path);
    else entries.set(path, b);
  }
  const media = new Map(old.files.map((f) => [f.path, f.media_type]));
  const listed = [...entries].filter(
    ([p]) => p !== 'manifest.json' && p !== 'SHA256SUMS' && !p.startsWith('signatures/'),
  );
  const { pack_id: _id, merkle: _m, files: _f, ...rest } = old;
  const members = edit.manifest === undefined ? rest : edit.manifest(rest);
  const files = listed.map(([path, b]) => ({
    path,
    size: b.length,
    sha256: toHex(sha256(b)),
    media_type: media.get(path) ?? mediaTypeOf(path),
  }));
  const manifest = right(completeManifest({ ...members, files } as never));
  return right(
    writeArchive([
      ...listed.map(([path, b]) => ({ path, bytes: b })),
      { path: 'manifest.json', bytes: manifest.bytes },
      { path: 'SHA256SUMS', bytes: renderSha256Sums(manifest.manifest.files, manifest.bytes) },
    ]),
  );
};
