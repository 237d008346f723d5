// Shared test inputs: a complete artifact pack input built from real data (findings imported
// from the Trivy corpus, an exception lifecycle from conformance/exception/fold.json sealed into
// an event log with a signed checkpoint) and a deterministic Ed25519 key.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import {
  emptyHead,
  encodeEventLines,
  exceptionStateAt,
  foldExceptionLog,
  importPrivateKeyPem,
  makeCheckpoint,
  sealEvents,
  signCheckpoint,
  utf8Encode,
  type EventDraft,
  type JsonValue,
  type LogId,
  type SigningKey,
  type Timestamp,
} from '@warrant/core';
import type { PackInput } from '@warrant/pack';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

export const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected right, got ${JSON.stringify(e.left)}`);
  return e.right;
};

const findingsFile = JSON.parse(readFileSync(join(here, 'fixtures/findings.json'), 'utf8')) as {
  artifact: { digest: string; name: string };
  findings: JsonValue[];
};

export const ARTIFACT = findingsFile.artifact.digest;
export const FINDINGS = findingsFile.findings;
export const LOG_ID = 'acme-prod' as LogId;
export const AT = '2026-02-01T00:00:00Z' as Timestamp;

// Fixed test keys (PKCS #8 PEM), so signed packs are reproducible (Ed25519 is deterministic).
export const KEY_PEM = readFileSync(join(here, 'fixtures/ed25519-a.pem'), 'utf8');
export const KEY_B_PEM = readFileSync(join(here, 'fixtures/ed25519-b.pem'), 'utf8');

export const loadKey = async (pem: string = KEY_PEM): Promise<SigningKey> =>
  right(await importPrivateKeyPem(pem));

export const eventLog = async (
  key: SigningKey,
): Promise<{ events: Uint8Array; checkpoint: unknown; exceptions: unknown[] }> => {
  const fold = JSON.parse(readFileSync(join(root, 'conformance/exception/fold.json'), 'utf8'));
  const drafts = fold.cases[0].input.events as EventDraft[];
  const sealed = right(sealEvents(emptyHead(LOG_ID), drafts));
  const events = right(encodeEventLines(sealed.events));
  const statement = makeCheckpoint(
    LOG_ID,
    sealed.events.map((e) => e.hash),
    AT,
  );
  const checkpoint = await signCheckpoint(statement, [key.signer]);
  const records = right(foldExceptionLog(sealed.events));
  const exceptions = records.flatMap((r) => exceptionStateAt(r, AT)?.versions ?? []);
  return { events, checkpoint, exceptions };
};

export const SBOM = utf8Encode(
  JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ name: 'musl' }] }),
);

export const artifactInput = async (key: SigningKey): Promise<PackInput> => {
  const log = await eventLog(key);
  return {
    kind: 'artifact',
    generatedAt: AT,
    subject: { artifacts: [{ digest: ARTIFACT as never, name: 'alpine-310' as never }] },
    sboms: [{ name: 'alpine.cdx.json', content: SBOM }],
    vex: [
      {
        name: 'musl.openvex.json',
        content: utf8Encode('{"@context":"https://openvex.dev/ns/v0.2.0"}'),
      },
    ],
    policy: {
      bundle: [{ name: 'governance.json', content: utf8Encode('{"version":1}') }],
      settings: { evaluated_at: AT, environment: { env: 'prod' } },
    },
    knowledge: ['trivy-db:2026-01-31', 'osv:2026-01-31'],
    findings: FINDINGS,
    exceptions: log.exceptions,
    eventLog: { events: log.events, checkpoint: log.checkpoint },
    verdict: { outcome: 'pass', findings: FINDINGS.length, exceptions_applied: ['exc-1'] },
    explanation: 'Passed: every finding is below the gate or covered by exc-1.\n',
  };
};
