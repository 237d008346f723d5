/**
 * Building a pack in two passes: first every file is hashed (streamed inputs are read once,
 * unless their digest is known or cached), which yields the manifest, SHA256SUMS and the
 * signatures; then the archive is streamed to a sink, each streamed input read a second time and
 * hashed again on the way (a changed input is refused, never packed). Memory stays bounded by
 * the JSON parts plus one gzip chunk, whatever the size of the SBOMs and blobs.
 * @see docs/spec/pack-v1.md section 6 (building)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { createSha256, sha256, toHex, type Signer } from '@warrant/core';
import { writeArchiveStream, type ArchiveSink, type ArchiveSource } from './archive/archive-writer';
import type { ArchiveWriteSummary } from './archive/tar-writer';
import {
  isPackBytes,
  planExtraFiles,
  planFiles,
  type PackExtraFile,
  type PackInput,
  type PackStream,
  type PlannedFile,
} from './build-input';
import type { PackDigestCache } from './cache';
import { packError, type PackError } from './errors';
import { mediaTypeOf, PACK_PATHS } from './layout';
import { completeManifest, type PackFileEntry, type PackManifest } from './manifest';
import { signPackFiles } from './sign';
import { renderSha256Sums } from './sums';
import { renderSummary } from './summary-text';
import { redactPlannedFiles, type PackRedaction } from './redact/build-step';
import { redactionProfileDigest } from './redact/profile';
import { summaryHtmlFile } from './report/summary-file';

// --- model -----------------------------------------------------------------

/** The generator written into manifests by default. */
export const PACK_GENERATOR = { name: '@warrant/pack', version: '0.1.0' } as const;

/** Progress of a build: bytes and files done in the current phase. */
export interface PackProgress {
  readonly phase: 'hash' | 'write';
  readonly files: number;
  readonly totalFiles: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/** What an extension sees: the input and the files planned so far (paths and media types). */
export interface PackView {
  readonly input: PackInput;
  readonly files: ReadonlyArray<{ readonly path: string; readonly mediaType: string }>;
}

/** Adds files under `report/` or `diff/` (e.g. report/summary.html, a diff against `previous`). */
export type PackExtension = (
  view: PackView,
) => Promise<E.Either<PackError, ReadonlyArray<PackExtraFile>>>;

/** Options of {@link buildPack}. */
export interface BuildOptions {
  /** Sign the manifest and the verdict statement with these keys. */
  readonly signers?: ReadonlyArray<Signer>;
  /** Remembers digests of streamed inputs across builds. */
  readonly cache?: PackDigestCache;
  readonly onProgress?: (progress: PackProgress) => void;
  /** Run in order after the input's own files are planned. */
  readonly extensions?: ReadonlyArray<PackExtension>;
  /**
   * Redact every planned file (extensions' too) with this profile before hashing; the manifest
   * `profile` is the profile's name, `profile_digest` its digest, and its subject comes from the
   * redacted artifacts file (docs/spec/redaction-v1.md section 2.2).
   */
  readonly redaction?: PackRedaction;
  /** Also write `report/summary.html`, rendered from the (redacted) machine files. */
  readonly summaryHtml?: boolean;
}

/** A finished build. */
export interface BuiltPack {
  readonly manifest: PackManifest;
  /** The bytes of manifest.json. */
  readonly manifestBytes: Uint8Array;
  readonly signed: boolean;
  readonly archive: ArchiveWriteSummary;
}

// --- operations ------------------------------------------------------------

/**
 * Builds a pack and streams the .tar.gz to a sink.
 * @param input - what the pack holds (section 6.1)
 * @param sink - receives the archive bytes in order (a returned promise is awaited)
 * @param options - signers, digest cache, progress callback, extensions
 * @returns the manifest and counts, or `PACK_INPUT_INVALID`, `PACK_INPUT_CHANGED`,
 *   `PACK_INPUT_READ_FAILED` or a `PACK_ARCHIVE_*` error (discard the output then)
 * @see docs/spec/pack-v1.md section 6
 * @example
 * const chunks: Uint8Array[] = [];
 * const built = await buildPack(input, (c) => { chunks.push(c); }, { signers: [key.signer] });
 */
export const buildPack = async (
  input: PackInput,
  sink: ArchiveSink,
  options: BuildOptions = {},
): Promise<E.Either<PackError, BuiltPack>> => {
  try {
    return await build(input, sink, options);
  } catch (error) {
    if (error instanceof InputFailure) return E.left(error.error);
    throw error;
  }
};

/**
 * Builds a pack in memory.
 * @param input - what the pack holds
 * @param options - as {@link buildPack}
 * @returns the archive bytes and the build, or the first error
 * @see docs/spec/pack-v1.md section 6
 * @example
 * const r = await buildPackBytes(input); // right({ bytes: Uint8Array […], pack: { manifest, … } })
 */
export const buildPackBytes = async (
  input: PackInput,
  options: BuildOptions = {},
): Promise<E.Either<PackError, { readonly bytes: Uint8Array; readonly pack: BuiltPack }>> => {
  const chunks: Uint8Array[] = [];
  const built = await buildPack(input, (c) => void chunks.push(c), options);
  if (E.isLeft(built)) return built;
  const bytes = new Uint8Array(built.right.archive.gzipBytes);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return E.right({ bytes, pack: built.right });
};

// --- internal --------------------------------------------------------------

class InputFailure extends Error {
  constructor(readonly error: PackError) {
    super(error.message);
  }
}

interface Hashed {
  readonly file: PlannedFile;
  readonly entry: PackFileEntry;
}

const build = async (
  input: PackInput,
  sink: ArchiveSink,
  options: BuildOptions,
): Promise<E.Either<PackError, BuiltPack>> => {
  const planned = planFiles(input);
  if (E.isLeft(planned)) return planned;
  const files = planned.right;
  for (const extension of options.extensions ?? []) {
    const added = await extension({
      input,
      files: files.map(({ path, mediaType }) => ({ path, mediaType })),
    });
    if (E.isLeft(added)) return added;
    const more = planExtraFiles(added.right);
    if (E.isLeft(more)) return more;
    files.push(...more.right);
  }
  let subject = input.subject;
  let profile = input.profile ?? 'internal';
  let profileDigest: string | undefined;
  if (options.redaction !== undefined) {
    profileDigest = redactionProfileDigest(options.redaction.profile);
    const redacted = await redactPlannedFiles(files, options.redaction, subject);
    if (E.isLeft(redacted)) return redacted;
    files.splice(0, files.length, ...redacted.right.files);
    ({ subject, profile } = redacted.right);
  }
  subject = {
    ...subject,
    artifacts: [...subject.artifacts].sort((a, b) =>
      a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0,
    ),
  };
  if (options.summaryHtml === true) {
    const html = summaryHtmlFile(files, {
      kind: input.kind,
      generatedAt: input.generatedAt,
      profile,
      subject,
    });
    if (E.isLeft(html)) return html;
    files.push(html.right);
  }
  const totalBytes = files.reduce((n, f) => n + sizeOf(f.content), 0);
  const progress = progressReporter(options.onProgress, files.length + 1, totalBytes);
  const hashed: Hashed[] = [];
  for (const file of files) hashed.push(await hashFile(file, options.cache, progress));
  const summary = summaryFile({ ...input, subject, profile }, hashed);
  hashed.push({ file: summary, entry: entryOf(summary, sha256(summary.content as Uint8Array)) });
  const completed = completeManifest({
    schema: 'warrant.pack/v1',
    kind: input.kind,
    generated_at: input.generatedAt as PackManifest['generated_at'],
    generator: input.generator ?? PACK_GENERATOR,
    subject,
    profile,
    files: hashed.map((h) => h.entry),
    ...(input.previous === undefined ? {} : { previous: input.previous }),
    ...(profileDigest === undefined ? {} : { profile_digest: profileDigest }),
  } as Parameters<typeof completeManifest>[0]);
  if (E.isLeft(completed)) return completed;
  const { manifest, bytes } = completed.right;
  const unlisted: ArchiveSource[] = [
    source(PACK_PATHS.manifest, bytes),
    source(PACK_PATHS.sums, renderSha256Sums(manifest.files, bytes)),
  ];
  const signers = options.signers ?? [];
  if (signers.length > 0) {
    const signed = await signPackFiles(manifest, bytes, signers);
    if (E.isLeft(signed)) return signed;
    for (const f of signed.right) unlisted.push(source(f.path, f.bytes));
  }
  progress.start('write');
  const sources = [...hashed.map((h) => writeSource(h, progress)), ...unlisted];
  let written;
  try {
    written = await writeArchiveStream(sources, sink);
  } catch (error) {
    if (error instanceof InputFailure) return E.left(error.error);
    return E.left(packError('PACK_INPUT_READ_FAILED', describe(error)));
  }
  if (E.isLeft(written)) return written;
  return E.right({
    manifest,
    manifestBytes: bytes,
    signed: signers.length > 0,
    archive: written.right,
  });
};

const sizeOf = (c: Uint8Array | PackStream): number => (isPackBytes(c) ? c.length : c.size);

const entryOf = (file: PlannedFile, digest: Uint8Array | string): PackFileEntry => ({
  path: file.path,
  size: sizeOf(file.content),
  sha256: typeof digest === 'string' ? digest : toHex(digest),
  media_type: file.mediaType,
});

// Bytes go to the archive writer through an opener, which works whatever realm made them.
const source = (path: string, bytes: Uint8Array): ArchiveSource => ({
  path,
  size: bytes.length,
  content: () => [bytes],
});

const summaryFile = (input: PackInput, hashed: ReadonlyArray<Hashed>): PlannedFile => {
  const count = (path: string): number => {
    const c = hashed.find((h) => h.file.path === path)?.file.content;
    return c !== undefined && isPackBytes(c) ? c.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0) : 0;
  };
  const content = renderSummary({
    kind: input.kind,
    generatedAt: input.generatedAt,
    profile: input.profile ?? 'internal',
    subject: input.subject,
    files: hashed.map((h) => ({ path: h.file.path, size: h.entry.size })),
    findings: count(PACK_PATHS.findings),
    exceptions: count(PACK_PATHS.exceptions),
    ...(input.verdict === undefined ? {} : { verdict: input.verdict }),
  });
  return { path: PACK_PATHS.summary, mediaType: mediaTypeOf(PACK_PATHS.summary), content };
};

interface Progress {
  start(phase: PackProgress['phase']): void;
  add(bytes: number): void;
  fileDone(): void;
}

const progressReporter = (
  onProgress: BuildOptions['onProgress'],
  totalFiles: number,
  totalBytes: number,
): Progress => {
  let phase: PackProgress['phase'] = 'hash';
  let files = 0;
  let bytes = 0;
  const emit = (): void => onProgress?.({ phase, files, totalFiles, bytes, totalBytes });
  return {
    start: (p) => {
      phase = p;
      files = 0;
      bytes = 0;
      emit();
    },
    add: (n) => {
      bytes += n;
      emit();
    },
    fileDone: () => {
      files++;
      emit();
    },
  };
};

const hashFile = async (
  file: PlannedFile,
  cache: PackDigestCache | undefined,
  progress: Progress,
): Promise<Hashed> => {
  const c = file.content;
  if (isPackBytes(c)) {
    progress.add(c.length);
    progress.fileDone();
    return { file, entry: entryOf(file, sha256(c)) };
  }
  const known = c.sha256 ?? (c.cacheKey === undefined ? undefined : cachedDigest(cache, c));
  if (known !== undefined) {
    progress.add(c.size);
    progress.fileDone();
    return { file, entry: entryOf(file, known) };
  }
  const h = createSha256();
  let n = 0;
  try {
    for await (const chunk of c.open()) {
      h.update(chunk);
      n += chunk.length;
      progress.add(chunk.length);
    }
  } catch (error) {
    throw new InputFailure(packError('PACK_INPUT_READ_FAILED', describe(error), file.path));
  }
  if (n !== c.size) {
    throw new InputFailure(
      packError('PACK_INPUT_INVALID', `declared size ${c.size}, read ${n} bytes`, file.path),
    );
  }
  const hex = toHex(h.digest());
  if (c.cacheKey !== undefined) cache?.set(c.cacheKey, { sha256: hex, size: n });
  progress.fileDone();
  return { file, entry: entryOf(file, hex) };
};

const cachedDigest = (cache: PackDigestCache | undefined, c: PackStream): string | undefined => {
  const hit = c.cacheKey === undefined ? undefined : cache?.get(c.cacheKey);
  return hit !== undefined && hit.size === c.size ? hit.sha256 : undefined;
};

// The second read of a streamed input is hashed as it is written; a different digest means the
// input changed between the passes and the build is abandoned.
const writeSource = (h: Hashed, progress: Progress): ArchiveSource => {
  const c = h.file.content;
  if (isPackBytes(c)) {
    return { path: h.entry.path, size: c.length, content: () => once(c, progress) };
  }
  return {
    path: h.entry.path,
    size: c.size,
    content: async function* () {
      const hasher = createSha256();
      for await (const chunk of c.open()) {
        hasher.update(chunk);
        progress.add(chunk.length);
        yield chunk;
      }
      if (toHex(hasher.digest()) !== h.entry.sha256) {
        throw new InputFailure(
          packError(
            'PACK_INPUT_CHANGED',
            'the input changed between hashing and writing',
            h.entry.path,
          ),
        );
      }
      progress.fileDone();
    },
  };
};

function* once(bytes: Uint8Array, progress: Progress): Iterable<Uint8Array> {
  const PIECE = 1 << 20;
  for (let i = 0; i < bytes.length; i += PIECE) {
    const piece = bytes.subarray(i, i + PIECE);
    progress.add(piece.length);
    yield piece;
  }
  progress.fileDone();
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : `input failed: ${String(error)}`;
