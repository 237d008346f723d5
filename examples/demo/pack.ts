/**
 * Demo step: the audit pack. Builds a signed release pack from the demo's inputs, verifies it
 * with the trusted key, proves one file against the signed manifest alone, and shows the
 * verifier catching a tampered copy.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  encodeEventLines,
  exceptionStateAt,
  foldExceptionLog,
  type JsonValue,
  type LogEvent,
  type Sha256Digest,
  type SigningKey,
  type Timestamp,
} from '@warrant/core';
import { verdictBytes, type Verdict } from '@warrant/policy';
import {
  buildPackBytes,
  proofBytes,
  proveFile,
  readArchive,
  verifyFileProof,
  verifyPack,
  writeArchive,
  type PackInput,
  type PackRedaction,
} from '@warrant/pack';
import { ok } from './util';

/** What the demo's release pack is built from. */
export interface DemoPackSources {
  readonly artifacts: ReadonlyArray<{ readonly digest: Sha256Digest; readonly name: string }>;
  readonly documents: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>;
  readonly sboms: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>;
  readonly vex: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>;
  readonly policy: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>;
  readonly findings: ReadonlyArray<unknown>;
  readonly events: ReadonlyArray<LogEvent>;
  readonly checkpoint: unknown;
  readonly verdict: Verdict;
  readonly explanation: string;
  readonly now: Timestamp;
}

/** The pack input for a release of the demo's images. */
export const releasePackInput = (s: DemoPackSources): PackInput => {
  const records = ok(foldExceptionLog(s.events));
  return {
    kind: 'release',
    generatedAt: s.now,
    subject: {
      artifacts: s.artifacts.map((a) => ({ digest: a.digest, name: a.name })),
      release: 'testapp-0.0.2',
      environment: 'prod',
    } as PackInput['subject'],
    sboms: s.sboms.map((b) => ({ name: b.name, content: b.bytes })),
    documents: s.documents.map((b) => ({ name: b.name, content: b.bytes })),
    vex: s.vex.map((b) => ({ name: b.name, content: b.bytes })),
    policy: {
      bundle: s.policy.map((b) => ({ name: b.name, content: b.bytes })),
      settings: { now: s.now, context: { env: 'prod' } },
    },
    knowledge: ['trivy-db:2023-08-10'],
    findings: s.findings,
    exceptions: records.flatMap((r) => exceptionStateAt(r, s.now)?.versions ?? []),
    eventLog: { events: ok(encodeEventLines(s.events)), checkpoint: s.checkpoint },
    verdict: JSON.parse(new TextDecoder().decode(verdictBytes(s.verdict))) as JsonValue,
    explanation: s.explanation,
  };
};

/** Builds and signs the pack, with the human summary (report/summary.html). */
export const buildSigned = async (input: PackInput, key: SigningKey, redaction?: PackRedaction) =>
  ok(
    await buildPackBytes(input, {
      signers: [key.signer],
      summaryHtml: true,
      ...(redaction === undefined ? {} : { redaction }),
    }),
  );

/** The bytes of one file of a pack. */
export const fileOf = (bytes: Uint8Array, path: string): Uint8Array =>
  ok(readArchive(bytes)).find((e) => e.path === path)?.bytes ?? new Uint8Array();

/** The texts that occur anywhere in the decompressed archive (every path and file). */
export const occurringIn = (bytes: Uint8Array, texts: ReadonlyArray<string>): string[] => {
  const decoded = ok(readArchive(bytes)).map((e) => [e.path, new TextDecoder().decode(e.bytes)]);
  return texts.filter((t) =>
    decoded.some(([path, text]) => path?.includes(t) || text?.includes(t)),
  );
};

/** Verifies with the trusted key; returns a one-line report. */
export const verifyLine = async (bytes: Uint8Array, key: SigningKey): Promise<string> => {
  const r = await verifyPack(bytes, { trust: { verifiers: [key.verifier] } });
  if (E.isLeft(r))
    return `FAILED: ${r.left.failures.map((f) => `${f.code}${f.path === undefined ? '' : ` at ${f.path}`}`).join('; ')}`;
  const v = r.right;
  return `verified: ${v.files} files, ${v.bytes} bytes, Merkle root ${v.merkleRoot.slice(0, 23)}…, signed by ${v.signature?.keyids.map((k) => k.slice(0, 12)).join(', ')}${v.eventLog === undefined ? ', no event log (dropped by the profile)' : `, event log ${v.eventLog.events} events under a signed checkpoint`}`;
};

/** Proves one file and checks the proof with the file, the proof and the signed manifest only. */
export const proveAndCheck = async (
  bytes: Uint8Array,
  path: string,
  key: SigningKey,
): Promise<{ proof: Uint8Array; line: string }> => {
  const verified = await verifyPack(bytes, { trust: { verifiers: [key.verifier] } });
  if (E.isLeft(verified)) return { proof: new Uint8Array(), line: 'pack did not verify?!' };
  const entries = ok(readArchive(bytes));
  const file = entries.find((e) => e.path === path);
  const envelope = entries.find((e) => e.path === 'signatures/manifest.dsse.json');
  if (file === undefined || envelope === undefined)
    return { proof: new Uint8Array(), line: 'missing file?!' };
  const proof = proofBytes(ok(proveFile(verified.right.manifest, path)));
  const checked = await verifyFileProof(file.bytes, proof, envelope.bytes, {
    verifiers: [key.verifier],
  });
  return {
    proof,
    line: E.isRight(checked)
      ? `proof for ${path} verified against the signed manifest alone (${proof.length} bytes)`
      : `proof FAILED: ${checked.left.code}`,
  };
};

/** A copy of the pack with the verdict's outcome edited (same size) and re-archived (a careful forger). */
export const tamperedCopy = (bytes: Uint8Array, path: string): Uint8Array => {
  const entries = ok(readArchive(bytes)).map((e) =>
    e.path === path
      ? {
          path: e.path,
          bytes: new TextEncoder().encode(
            new TextDecoder().decode(e.bytes).replace('"outcome":"warn"', '"outcome":"pass"'),
          ),
        }
      : { path: e.path, bytes: e.bytes },
  );
  return ok(writeArchive(entries));
};
