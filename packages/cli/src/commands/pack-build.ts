/**
 * `warrant pack build <spec.json> --out <pack.tar.gz>`: builds an audit pack from a build spec,
 * a JSON file naming the inputs by path (relative to the spec's folder). Large documents
 * (SBOMs, other documents, VEX, policy bundle files) are streamed, never read whole.
 * @module
 */
import { basename, dirname, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, formatError, parseJsonStrict, type JsonValue } from '@warrant/core';
import { buildPack, type PackBlob, type PackInput } from '@warrant/pack';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { parseArgs } from './exception-args';
import {
  fileStream,
  loadSigners,
  progressBar,
  readBytes,
  UsageError,
  withUsage,
  writeAtomically,
} from './pack-io';
import { loadPrevious, loadRedaction } from './pack-build-options';

export const PACK_BUILD_HELP = `usage: warrant pack build <spec.json> --out <pack.tar.gz> [--generated-at T] [--sign-key K]...
                          [--redact P --redaction-key F [--commitment-key F]] [--previous PACK] [--json]

Builds a warrant.pack/v1 audit pack (docs/spec/pack-v1.md). The spec is a JSON object; file
names in it are relative to the spec's folder:

  {
    "kind": "artifact" | "release" | "environment" | "period",
    "generated_at": "2026-02-01T00:00:00Z",          (or --generated-at; never the clock)
    "profile": "internal",                            (optional)
    "subject": { "artifacts": [{ "digest": "sha256:…", "name": "app" }],
                 "release": "v1.2.0", "environment": "prod", "period": { "from": T, "to": T } },
    "sboms": ["app.cdx.json"], "documents": ["trivy.json"], "vex": ["app.openvex.json"],
    "policy": { "bundle": ["governance.json"], "settings": "settings.json" },
    "knowledge": ["trivy-db:2026-01-31"],
    "findings": "findings.jsonl",                     (JSON Lines, or a JSON array)
    "exceptions": "exceptions.jsonl",                 (optional)
    "event_log": { "events": "events.jsonl", "checkpoint": "checkpoint.dsse.json" },  (optional)
    "verdict": "verdict.json" | "verdicts": "verdicts.jsonl",
    "explanation": "explanation.md",                  (optional)
    "previous": { "pack_id": "sha256:…", "merkle_root": "sha256:…" }  (optional; or --previous)
  }

  --out F            where to write the pack (written to F.partial, then renamed)
  --generated-at T   the manifest's generated_at (RFC 3339 UTC), overrides the spec
  --sign-key K       sign the manifest and verdict statement with this PKCS #8 PEM key (repeatable)
  --redact P         redact with profile P: a built-in name (internal, external-auditor) or a
                     profile file (docs/spec/redaction-v1.md); the manifest records its digest
  --redaction-key F  the secret pseudonym key (64 hex digits in F); required with --redact
  --commitment-key F the secret commitment key (64 hex digits); adds redaction/commitments.json
  --previous PACK    a previous pack (verified first): the manifest names it in "previous" and
                     diff/diff.json compares with it
  --json             print the manifest as canonical JSON instead of a summary

Exit codes: 0 built, 2 bad arguments or inputs (one line naming the problem).`;

/**
 * Runs `warrant pack build`.
 * @param args - arguments after `pack build`
 * @param io - standard streams and working directory
 * @returns 0 built, 2 bad arguments or inputs
 */
export const packBuildCommand = (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> =>
  withUsage(io, 'pack build', async (usage) => {
    const parsed = parseArgs(args, {
      values: ['out', 'generated-at', 'redact', 'redaction-key', 'commitment-key', 'previous'],
      repeated: ['sign-key'],
      positionals: ['spec'],
    });
    if (typeof parsed === 'string') return usage(parsed);
    const out = parsed.values.get('out');
    if (out === undefined) return usage('--out is required');
    const specFile = parsed.positionals.get('spec') as string;
    const input = await readSpec(io, specFile, parsed.values.get('generated-at'));
    const signers = await loadSigners(io, parsed.repeated.get('sign-key') ?? []);
    const profile = parsed.values.get('redact');
    const redaction =
      profile === undefined
        ? undefined
        : await loadRedaction(
            io,
            profile,
            parsed.values.get('redaction-key'),
            parsed.values.get('commitment-key'),
          );
    if (profile === undefined && parsed.values.has('redaction-key')) {
      throw new UsageError('--redaction-key needs --redact');
    }
    const previousFile = parsed.values.get('previous');
    const previous = previousFile === undefined ? undefined : await loadPrevious(io, previousFile);
    const buildInput: PackInput =
      previous === undefined ? input : { ...input, previous: previous.previous };
    const bar = progressBar(io);
    const built = await writeAtomically(
      io,
      out,
      (sink) =>
        buildPack(buildInput, sink, {
          signers,
          ...(redaction === undefined ? {} : { redaction }),
          ...(previous === undefined ? {} : { extensions: [previous.extension] }),
          ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
        }),
      E.isRight,
    );
    bar.done();
    if (E.isLeft(built)) return usage(formatError(built.left));
    const m = built.right.manifest;
    if (parsed.flags.has('json')) {
      const text = canonicalize(m);
      io.stdout(`${E.isRight(text) ? text.right : ''}\n`);
    } else {
      io.stdout(
        [
          `built ${out}`,
          `  pack id      ${m.pack_id}`,
          `  merkle root  ${m.merkle.root}`,
          `  kind         ${m.kind}`,
          `  files        ${m.files.length} listed, ${built.right.archive.gzipBytes} bytes compressed`,
          `  signed       ${built.right.signed ? 'yes' : 'no'}`,
          '',
        ].join('\n'),
      );
    }
    return EXIT.OK;
  });

// --- internal --------------------------------------------------------------

type Spec = Record<string, unknown>;

const readSpec = async (io: CliIo, file: string, generatedAt?: string): Promise<PackInput> => {
  const base = dirname(resolve(io.cwd, file));
  const spec = parseJson(await readBytes(io, file), file);
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new UsageError(`${file}: expected a JSON object`);
  }
  const s = spec as Spec;
  const known = new Set([
    'kind',
    'generated_at',
    'profile',
    'subject',
    'sboms',
    'documents',
    'vex',
    'policy',
    'knowledge',
    'findings',
    'exceptions',
    'event_log',
    'verdict',
    'verdicts',
    'explanation',
    'previous',
    'generator',
  ]);
  for (const k of Object.keys(s))
    if (!known.has(k)) throw new UsageError(`${file}: unknown member ${JSON.stringify(k)}`);
  const at = { ...io, cwd: base };
  const str = (v: unknown, what: string): string => {
    if (typeof v !== 'string') throw new UsageError(`${file}: ${what} must be a file name`);
    return v;
  };
  const list = (v: unknown, what: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new UsageError(`${file}: ${what} must be an array of file names`);
    return v.map((x, i) => str(x, `${what}[${i}]`));
  };
  const blobs = async (v: unknown, what: string): Promise<PackBlob[]> =>
    Promise.all(
      list(v, what).map(async (f) => ({ name: basename(f), content: await fileStream(at, f) })),
    );
  const json = async (v: unknown, what: string): Promise<JsonValue> =>
    parseJson(await readBytes(at, str(v, what)), str(v, what));
  const lines = async (v: unknown, what: string): Promise<JsonValue[]> => {
    if (v === undefined) return [];
    const name = str(v, what);
    const bytes = await readBytes(at, name);
    const text = new TextDecoder().decode(bytes).trim();
    if (text.startsWith('[')) {
      const arr = parseJson(bytes, name);
      return Array.isArray(arr) ? arr : [];
    }
    return text === ''
      ? []
      : text.split('\n').map((l, i) => parseJson(new TextEncoder().encode(l), `${name}:${i + 1}`));
  };
  const policy = (s['policy'] ?? {}) as Spec;
  const log = s['event_log'] as Spec | undefined;
  const generated = generatedAt ?? s['generated_at'];
  if (typeof generated !== 'string')
    throw new UsageError('generated_at is required (in the spec or --generated-at)');
  return {
    kind: s['kind'] as PackInput['kind'],
    generatedAt: generated,
    ...(s['generator'] === undefined
      ? {}
      : { generator: s['generator'] as NonNullable<PackInput['generator']> }),
    ...(s['profile'] === undefined ? {} : { profile: str(s['profile'], 'profile') }),
    subject: (s['subject'] ?? { artifacts: [] }) as PackInput['subject'],
    sboms: await blobs(s['sboms'], 'sboms'),
    documents: await blobs(s['documents'], 'documents'),
    vex: await blobs(s['vex'], 'vex'),
    policy: {
      bundle: await blobs(policy['bundle'], 'policy.bundle'),
      settings:
        policy['settings'] === undefined ? {} : await json(policy['settings'], 'policy.settings'),
    },
    ...(s['knowledge'] === undefined ? {} : { knowledge: list(s['knowledge'], 'knowledge') }),
    findings: await lines(s['findings'], 'findings'),
    exceptions: await lines(s['exceptions'], 'exceptions'),
    ...(log === undefined
      ? {}
      : {
          eventLog: {
            events: await readBytes(at, str(log['events'], 'event_log.events')),
            checkpoint: await json(log['checkpoint'], 'event_log.checkpoint'),
          },
        }),
    ...(s['verdict'] === undefined ? {} : { verdict: await json(s['verdict'], 'verdict') }),
    ...(s['verdicts'] === undefined ? {} : { verdicts: await lines(s['verdicts'], 'verdicts') }),
    ...(s['explanation'] === undefined
      ? {}
      : {
          explanation: new TextDecoder().decode(
            await readBytes(at, str(s['explanation'], 'explanation')),
          ),
        }),
    ...(s['previous'] === undefined
      ? {}
      : { previous: s['previous'] as NonNullable<PackInput['previous']> }),
  };
};

const parseJson = (bytes: Uint8Array, what: string): JsonValue => {
  const r = parseJsonStrict(bytes);
  if (E.isLeft(r)) throw new UsageError(`${what}: ${formatError(r.left)}`);
  return r.right as JsonValue;
};
