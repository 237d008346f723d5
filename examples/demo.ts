/**
 * The end-to-end demo on embedded defaults (no servers, no network). Every step prints what it
 * did and where its output went (examples/out/). It grows with the library: the governed
 * approval workflow and audit pack format v1 land in later releases (see README "Status").
 *
 * Run: npm run demo
 */
import * as E from 'fp-ts/lib/Either.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  analyzeBreadth,
  canonicalizeToBytes,
  decodeProposal,
  deriveExceptionId,
  digestBytes,
  encodeExceptionEvent,
  exceptionStateAt,
  foldExceptionEvents,
  formatError,
  importPrivateKeyPem,
  hashLeaf,
  inclusionProof,
  merkleRoot,
  signJson,
  toHex,
  utf8Encode,
  verifyEnvelope,
  verifyEvents,
  verifyInclusion,
  proposalDigest,
  type Sha256Digest,
  type Timestamp,
  type WarrantError,
} from '@warrant/core';
import { importDocument } from '@warrant/formats';
import {
  decryptPack,
  encryptPack,
  generateAgeKeyPair,
  readArchive,
  writeArchive,
} from '@warrant/pack';
import { createMemoryStore } from '@warrant/storage-adapters/memory';

const INPUTS = new URL('./inputs/', import.meta.url);
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
// Time is an input: the demo pins "now" so its output is the same on every run.
const NOW = '2026-11-24T09:00:00Z' as Timestamp;
const ARTIFACT = `sha256:${'1'.repeat(64)}` as Sha256Digest; // the scanned image's digest (the report has none)

const started = performance.now();
const step = (n: number, title: string): void => console.log(`\n[${n}] ${title}`);
const ok = <A>(e: E.Either<WarrantError | ReadonlyArray<WarrantError>, A>): A => {
  if (E.isRight(e)) return e.right;
  const errs = Array.isArray(e.left) ? e.left : [e.left];
  throw new Error(errs.map((x: WarrantError) => formatError(x)).join('\n'));
};
const write = (name: string, bytes: Uint8Array | string): string => {
  const path = `${OUT}${name}`;
  writeFileSync(path, bytes);
  return `examples/out/${name}`;
};
mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------------------
step(1, 'Import a real Trivy report and a CycloneDX SBOM (strict parsing, normalized findings)');
const trivyBytes = new Uint8Array(readFileSync(new URL('trivy-alpine-310.json', INPUTS)));
const sbomBytes = new Uint8Array(readFileSync(new URL('sbom-alpine.cdx.json', INPUTS)));
const scan = ok(importDocument(trivyBytes, { artifactDigest: ARTIFACT }));
const sbom = importDocument(sbomBytes);
const bySeverity = new Map<string, number>();
for (const f of scan.findings)
  bySeverity.set(f.severity.level, (bySeverity.get(f.severity.level) ?? 0) + 1);
console.log(
  `    ${scan.format}: ${scan.findings.length} findings (${[...bySeverity].map(([s, n]) => `${n} ${s}`).join(', ')})`,
);
console.log(
  E.isRight(sbom)
    ? `    ${sbom.right.format}: ${sbom.right.components.length} components`
    : `    SBOM kept as given (${sbom.left.code}: ${sbom.left.message})`,
);
const first = scan.findings[0];
if (first === undefined) throw new Error('the demo report has findings');
console.log(
  `    e.g. ${first.vulnerability.id} in ${first.component.purl ?? first.component.name} (${first.severity.level})`,
);

// ---------------------------------------------------------------------------
step(2, 'Propose exceptions as governed data: owner, expiry, narrow scope, reason, rationale');
const narrow = ok(
  decodeProposal({
    type: 'vulnerability',
    owner: 'team-platform',
    scope: {
      artifacts: [{ digest: ARTIFACT }],
      components: [{ purl: first.component.purl }],
      vulnerabilities: [first.vulnerability.id],
      environment: { envs: ['prod'] },
    },
    reason_code: 'COMPENSATING_CONTROL',
    rationale:
      'TLS termination happens at the ingress; the affected OpenSSL code path is unreachable.',
    risk_acceptance: {
      accepted: true,
      statement: 'Platform lead accepts the residual risk until the base image is rebuilt.',
    },
    compensating_controls: [
      {
        control:
          'Ingress terminates TLS with BoringSSL; pods accept plaintext on a private network only',
        measurement: 'Weekly scan confirms no pod listens for TLS',
        enforcement: 'NetworkPolicy denies external traffic to pods',
      },
    ],
    risk_score: 30,
    expires_at: '2027-01-15T00:00:00Z',
  }),
);
const broad = ok(
  decodeProposal({
    type: 'vulnerability',
    owner: 'team-platform',
    scope: { vulnerabilities: [first.vulnerability.id] },
    reason_code: 'RISK_ACCEPTED',
    rationale: 'Accept everywhere until the base image is rebuilt.',
    risk_acceptance: {
      accepted: true,
      statement: 'Blanket acceptance, flagged as broad for review.',
    },
    risk_score: 60,
    expires_at: '2027-01-15T00:00:00Z',
  }),
);
for (const [name, p] of [
  ['narrow', narrow],
  ['broad', broad],
] as const) {
  const b = analyzeBreadth(p.type, p.scope);
  console.log(
    `    ${name} scope: ${b.breadth}${b.reasons.length ? ` (${b.reasons.map((r) => r.code).join(', ')})` : ''}`,
  );
}
const refused = decodeProposal({ ...narrow, expires_at: undefined, rationale: '' });
console.log(
  `    a proposal without expiry or rationale is refused: ${E.isLeft(refused) ? refused.left.issues.map((i) => i.path).join(', ') : 'accepted?!'}`,
);

// ---------------------------------------------------------------------------
step(3, 'Record them in an append-only, hash-chained event log (embedded memory store)');
const store = createMemoryStore();
const logId = 'tenant-acme' as Parameters<typeof store.events.head>[0];
const drafts = [narrow, broad].map((proposal, i) =>
  encodeExceptionEvent({
    type: 'exception.proposed',
    time: `2026-11-2${i}T10:00:00Z` as Timestamp,
    actor: { id: 'alice@example.com', kind: 'human' },
    reason: '',
    subject: deriveExceptionId(
      proposalDigest(proposal),
      'alice@example.com',
      `2026-11-2${i}T10:00:00Z` as Timestamp,
    ),
    payload: { schema: 'warrant.exception-event/v1', version: 1, proposal },
  } as Parameters<typeof encodeExceptionEvent>[0]),
);
const appended = ok(await store.events.append(logId, 0, drafts));
const conflict = await store.events.append(logId, 0, drafts);
console.log(
  `    appended ${appended.events.length} events; head ${appended.head.hash.slice(0, 23)}…`,
);
console.log(
  `    a second writer with a stale sequence gets ${E.isLeft(conflict) ? conflict.left.code : 'no conflict?!'} (never a fork)`,
);
const events = ok(await store.events.read(logId, { from: 0 }));
const record = ok(foldExceptionEvents(events.filter((e) => e.subject === drafts[0]?.subject)));
console.log(
  `    fold at ${NOW}: ${drafts[0]?.subject} is ${exceptionStateAt(record, NOW)?.status} (awaiting approval)`,
);
const verified = ok(verifyEvents(logId, events));
console.log(`    chain verified: ${verified.count} events`);
const tampered = events.map((e, i) => (i === 0 ? { ...e, reason: 'edited behind our back' } : e));
const detected = verifyEvents(logId, tampered);
console.log(
  `    an edited copy is caught: ${E.isLeft(detected) ? detected.left.map((x) => `${x.code} at seq ${x.index}`).join('; ') : 'not caught?!'}`,
);
write(
  'events.jsonl',
  events.map((e) => new TextDecoder().decode(ok(canonicalizeToBytes(e)))).join('\n') + '\n',
);

// ---------------------------------------------------------------------------
step(4, 'Assemble evidence files, a manifest with per-file digests and an RFC 9162 Merkle root');
const findingsJsonl =
  scan.findings.map((f) => new TextDecoder().decode(ok(canonicalizeToBytes(f)))).join('\n') + '\n';
const files: Array<[string, Uint8Array]> = [
  [
    'exceptions/events.jsonl',
    utf8Encode(
      events.map((e) => new TextDecoder().decode(ok(canonicalizeToBytes(e)))).join('\n') + '\n',
    ),
  ],
  ['findings/findings.jsonl', utf8Encode(findingsJsonl)],
  ['inputs/sbom.cdx.json', sbomBytes],
  ['inputs/trivy.json', trivyBytes],
];
files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const entries = files.map(([path, bytes]) => ({
  path,
  size: bytes.length,
  sha256: digestBytes(bytes),
}));
const leaves = entries.map((e) => hashLeaf(ok(canonicalizeToBytes(e))));
const root = merkleRoot(leaves);
const manifest = {
  schema: 'warrant.demo-manifest/v0',
  generated_at: NOW,
  files: entries,
  merkle_root: toHex(root),
};
console.log(`    ${entries.length} files, Merkle root ${toHex(root).slice(0, 16)}…`);

step(5, 'Sign the manifest (DSSE, Ed25519) and prove one file belongs to it');
// A demo-only Ed25519 key shipped in examples/inputs (never use it for anything real): with a
// fixed key, Ed25519 signatures and so every output byte are the same on every run.
const key = ok(
  await importPrivateKeyPem(readFileSync(new URL('demo-signing-key.pem', INPUTS), 'utf8')),
);
const envelope = ok(
  await signJson('application/vnd.warrant.manifest+json', manifest, [key.signer]),
);
const check = ok(await verifyEnvelope(envelope, { verifiers: [key.verifier] }));
console.log(
  `    signed by key ${check.keyids[0]?.slice(0, 16)}…; verified ${check.keyids.length}/${check.threshold}`,
);
const proveIndex = entries.findIndex((e) => e.path === 'findings/findings.jsonl');
const proof = ok(inclusionProof(leaves, proveIndex));
const proven = verifyInclusion({
  leafHash: leaves[proveIndex] as Uint8Array,
  index: proveIndex,
  treeSize: leaves.length,
  proof,
  root,
});
console.log(
  `    inclusion proof for findings/findings.jsonl: ${E.isRight(proven) ? 'verified' : 'FAILED'} (${proof.length} hashes)`,
);

step(6, 'Write a deterministic tar.gz (same bytes every run, on Node and in browsers)');
const archiveFiles = [
  ...files.map(([path, bytes]) => ({ path, bytes })),
  { path: 'manifest.json', bytes: ok(canonicalizeToBytes(manifest)) },
  { path: 'manifest.json.dsse.json', bytes: ok(canonicalizeToBytes(envelope)) },
];
const archive = ok(writeArchive(archiveFiles));
const again = ok(writeArchive([...archiveFiles].reverse()));
console.log(
  `    ${write('evidence.tar.gz', archive)}: ${archive.length} bytes, ${digestBytes(archive)}`,
);
console.log(
  `    rebuilt from shuffled input: ${digestBytes(again) === digestBytes(archive) ? 'byte-identical' : 'DIFFERENT?!'}`,
);
const readBack = ok(readArchive(archive));
const manifestBack = readBack.find((e) => e.path === 'manifest.json');
const sameManifest =
  manifestBack !== undefined &&
  digestBytes(manifestBack.bytes) === digestBytes(ok(canonicalizeToBytes(manifest)));
console.log(
  `    read back with the hostile-input-safe reader: ${readBack.length} entries; manifest intact: ${sameManifest}`,
);
const flipped = archive.slice();
const mid = Math.floor(flipped.length / 2);
flipped[mid] = (flipped[mid] as number) ^ 0x01;
const flippedRead = readArchive(flipped);
console.log(
  `    one flipped byte: ${E.isLeft(flippedRead) ? flippedRead.left.code : 'not caught by the archive layer (digests would catch it)'}`,
);

step(7, 'Encrypt it for an auditor (age format; `age -d` opens it too)');
const auditor = await generateAgeKeyPair();
const sealed = ok(
  await encryptPack(archive, { kind: 'recipients', recipients: [auditor.recipient] }),
);
const opened = ok(await decryptPack(sealed, { identities: [auditor.identity] }));
console.log(
  `    ${write('evidence.tar.gz.age', sealed)}: decrypts to identical bytes: ${digestBytes(opened) === digestBytes(archive)}`,
);

await store.close();
console.log(
  `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Outputs are in examples/out/.`,
);
