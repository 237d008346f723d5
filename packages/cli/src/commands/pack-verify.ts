/**
 * `warrant pack verify` and `warrant pack inspect`: verification with a report (never a bare
 * yes/no) and a read-out of what a pack holds.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, formatError } from '@warrant/core';
import {
  replayVerdict,
  verifyPack,
  type PackVerifyFailure,
  type VerifiedPack,
  type VerifyPackOptions,
} from '@warrant/pack';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { parseArgs } from './exception-args';
import { loadVerifiers, packStream, signatureThreshold, withUsage } from './pack-io';

export const PACK_VERIFY_HELP = `usage: warrant pack verify <pack.tar.gz> [--key K]... [--threshold N] [--checkpoint-key K]... [--replay] [--json]

Verifies an audit pack (docs/spec/pack-v1.md section 9): archive safety, canonical manifest,
schema, every file's size and SHA-256, nothing unlisted, the Merkle root, SHA256SUMS, the
signatures against the trusted keys, and the exception event chain with its checkpoint.

  --key K             a trusted public key (SPKI PEM), repeatable; with keys, signatures are required
  --threshold N       distinct trusted keys that must have signed (default 1)
  --checkpoint-key K  keys trusted for the event-log checkpoint (default: the --key keys)
  --replay            re-evaluate the verdict from the pack's own files (@warrant/policy evaluate)
                      and require it byte-identical to verdict/verdict.json (spec section 9.1)
  --json              print the report as canonical JSON

Without --key only integrity is checked, and the report says authenticity was not checked.
Exit codes: 0 verified, 1 verification failed, 2 unusable input or arguments.`;

export const PACK_INSPECT_HELP = `usage: warrant pack inspect <pack.tar.gz> [--json]

Prints what a pack holds: its id, kind, subject, generation time and every listed file, after
the integrity checks of \`warrant pack verify\` (without signatures).
Exit codes: 0 intact, 1 the pack failed verification, 2 unusable input or arguments.`;

/**
 * Runs `warrant pack verify`.
 * @param args - arguments after `pack verify`
 * @param io - standard streams and working directory
 * @returns 0 verified, 1 failed, 2 unusable input
 */
export const packVerifyCommand = (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> =>
  withUsage(io, 'pack verify', async (usage) => {
    const parsed = parseArgs(args, {
      values: ['threshold'],
      repeated: ['key', 'checkpoint-key'],
      flags: ['replay'],
      positionals: ['pack'],
    });
    if (typeof parsed === 'string') return usage(parsed);
    const keys = await loadVerifiers(io, parsed.repeated.get('key') ?? []);
    const cpKeys = await loadVerifiers(io, parsed.repeated.get('checkpoint-key') ?? []);
    const threshold = signatureThreshold(parsed, keys.length);
    const options: VerifyPackOptions = {
      ...(keys.length === 0 ? {} : { trust: { verifiers: keys, threshold: threshold ?? 1 } }),
      ...(cpKeys.length === 0 ? {} : { checkpointTrust: { verifiers: cpKeys } }),
      ...(parsed.flags.has('replay') ? { replay: replayVerdict } : {}),
    };
    const file = parsed.positionals.get('pack') as string;
    const result = await verifyPack(await packStream(io, file), options);
    const report = reportOf(file, result, keys.length > 0);
    if (parsed.flags.has('json')) io.stdout(`${json(report)}\n`);
    else io.stdout(renderReport(report));
    return E.isRight(result) ? EXIT.OK : EXIT.FAILED;
  });

/**
 * Runs `warrant pack inspect`.
 * @param args - arguments after `pack inspect`
 * @param io - standard streams and working directory
 * @returns 0 intact, 1 failed, 2 unusable input
 */
export const packInspectCommand = (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> =>
  withUsage(io, 'pack inspect', async (usage) => {
    const parsed = parseArgs(args, { positionals: ['pack'] });
    if (typeof parsed === 'string') return usage(parsed);
    const file = parsed.positionals.get('pack') as string;
    const result = await verifyPack(await packStream(io, file));
    if (E.isLeft(result) && result.left.manifest === undefined) {
      io.stdout(renderReport(reportOf(file, result, false)));
      return EXIT.FAILED;
    }
    const m = E.isRight(result)
      ? result.right.manifest
      : (result.left.manifest as VerifiedPack['manifest']);
    if (parsed.flags.has('json')) {
      io.stdout(`${json({ intact: E.isRight(result), manifest: m })}\n`);
    } else {
      const s = m.subject;
      io.stdout(
        [
          `pack ${m.pack_id}`,
          `  schema        ${m.schema}`,
          `  kind          ${m.kind}`,
          `  generated at  ${m.generated_at} by ${m.generator.name} ${m.generator.version}`,
          `  profile       ${m.profile}`,
          ...(s.release === undefined ? [] : [`  release       ${s.release}`]),
          ...(s.environment === undefined ? [] : [`  environment   ${s.environment}`]),
          ...(s.period === undefined ? [] : [`  period        ${s.period.from} to ${s.period.to}`]),
          ...s.artifacts.map(
            (a) => `  artifact      ${a.digest}${a.name === undefined ? '' : ` ${a.name}`}`,
          ),
          `  merkle root   ${m.merkle.root}`,
          `  integrity     ${E.isRight(result) ? 'intact' : `FAILED (${result.left.failures.length} problems; run warrant pack verify)`}`,
          `  files (${m.files.length}):`,
          ...m.files.map(
            (f) => `    ${String(f.size).padStart(10)}  ${f.media_type.padEnd(32)} ${f.path}`,
          ),
          '',
        ].join('\n'),
      );
    }
    return E.isRight(result) ? EXIT.OK : EXIT.FAILED;
  });

// --- internal --------------------------------------------------------------

const json = (value: unknown): string => {
  const text = canonicalize(value);
  return E.isRight(text) ? text.right : '{}';
};

interface Report {
  readonly pack: string;
  readonly verified: boolean;
  readonly authenticity: 'verified' | 'not checked (no --key)' | 'failed';
  readonly pack_id?: string;
  readonly merkle_root?: string;
  readonly files?: number;
  readonly bytes?: number;
  readonly signer_keyids?: ReadonlyArray<string>;
  readonly statement_keyids?: ReadonlyArray<string>;
  readonly event_log?: VerifiedPack['eventLog'];
  readonly failures: ReadonlyArray<{ code: string; path: string; message: string }>;
}

const reportOf = (
  file: string,
  result: E.Either<PackVerifyFailure, VerifiedPack>,
  withKeys: boolean,
): Report => {
  if (E.isLeft(result)) {
    const m = result.left.manifest;
    return {
      pack: file,
      verified: false,
      authenticity: withKeys ? 'failed' : 'not checked (no --key)',
      ...(m === undefined ? {} : { pack_id: m.pack_id, merkle_root: m.merkle.root }),
      failures: result.left.failures.map((f) => ({
        code: f.code,
        path: f.path ?? '',
        message: f.message,
      })),
    };
  }
  const r = result.right;
  return {
    pack: file,
    verified: true,
    authenticity: withKeys ? 'verified' : 'not checked (no --key)',
    pack_id: r.packId,
    merkle_root: r.merkleRoot,
    files: r.files,
    bytes: r.bytes,
    ...(r.signature === undefined ? {} : { signer_keyids: r.signature.keyids }),
    ...(r.statement === undefined ? {} : { statement_keyids: r.statement.keyids }),
    ...(r.eventLog === undefined ? {} : { event_log: r.eventLog }),
    failures: [],
  };
};

const renderReport = (r: Report): string => {
  const lines = [`${r.verified ? 'VERIFIED' : 'FAILED'} ${r.pack}`];
  if (r.pack_id !== undefined) lines.push(`  pack id       ${r.pack_id}`);
  if (r.merkle_root !== undefined) lines.push(`  merkle root   ${r.merkle_root}`);
  if (r.files !== undefined)
    lines.push(`  files         ${r.files} listed, ${r.bytes} bytes, all sizes and SHA-256 match`);
  lines.push(`  authenticity  ${r.authenticity}`);
  if (r.signer_keyids !== undefined)
    lines.push(`  manifest signed by ${r.signer_keyids.join(', ')}`);
  if (r.statement_keyids !== undefined)
    lines.push(`  verdict statement signed by ${r.statement_keyids.join(', ')}`);
  if (r.event_log !== undefined) {
    lines.push(
      `  event log     ${r.event_log.logId}: ${r.event_log.events} events, chain and checkpoint root ${r.event_log.checkpointRoot} verified` +
        (r.event_log.checkpointKeyids === undefined ? ' (checkpoint signature not checked)' : ''),
    );
  }
  for (const f of r.failures)
    lines.push(`  ${formatError({ code: f.code, message: f.message, path: f.path })}`);
  return `${lines.join('\n')}\n`;
};
