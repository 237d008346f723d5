/**
 * The end-to-end demo on embedded defaults (no servers, no network): import real scanner output,
 * govern exceptions under the default rules, evaluate, build and verify an audit pack. Every step
 * prints what it did and where its output went (examples/out/). Time is an input: the demo pins
 * "now", so its outputs are byte-identical on every run.
 *
 * Run: npm run demo
 */
import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import {
  analyzeBreadth,
  canonicalizeToBytes,
  decodeProposal,
  digestBytes,
  hashLeaf,
  importPrivateKeyPem,
  inclusionProof,
  merkleRoot,
  signJson,
  toHex,
  utf8Encode,
  verifyEnvelope,
  verifyEvents,
  verifyInclusion,
  type LogId,
  type Sha256Digest,
  type Timestamp,
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
import { command, ExceptionDesk, proposals } from './demo/governance';
import { INPUTS, ok, say, step, write } from './demo/util';

const NOW = '2026-11-24T09:00:00Z' as Timestamp;
const at = (s: string) => s as Timestamp;
const started = performance.now();
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, INPUTS)));

// ---------------------------------------------------------------------------
step(1, 'Import real scanner output, an SBOM and a VEX document (strict parsing, normalized)');
const trivyBytes = read('trivy-testapp.json');
const alpineBytes = read('trivy-alpine-310.json');
const sbomBytes = read('sbom-alpine.cdx.json');
const vexBytes = read('vex-testapp.openvex.json');
// Trivy reports the image ID; the release is the two images scanned.
const TESTAPP =
  'sha256:8e7d270bd2742642930e42a157f30531bad0d595376b172b453b7f08dc457fb4' as Sha256Digest;
const ALPINE =
  'sha256:961769676411f082461f9ef46626dd7a2d1e2b2a38e6a44364bcbecf51e66dd4' as Sha256Digest;
const testapp = ok(importDocument(trivyBytes, { artifactDigest: TESTAPP }));
const alpine = ok(importDocument(alpineBytes, { artifactDigest: ALPINE }));
const sbom = ok(importDocument(sbomBytes));
const vex = ok(importDocument(vexBytes));
const findings = [...testapp.findings, ...alpine.findings];
const bySeverity = new Map<string, number>();
for (const f of findings)
  bySeverity.set(f.severity.level, (bySeverity.get(f.severity.level) ?? 0) + 1);
say(
  `trivy testapp/test:0.0.2: ${testapp.findings.length} findings; trivy alpine 3.10: ${alpine.findings.length}`,
);
say(`by severity: ${[...bySeverity].map(([s, n]) => `${n} ${s}`).join(', ')}`);
say(
  `${sbom.format} SBOM: ${sbom.components.length} components; ${vex.format}: ${vex.vexStatements.length} statement(s)`,
);

// ---------------------------------------------------------------------------
step(2, 'Propose exceptions as governed data: owner, expiry, narrow scope, reason, rationale');
const store = createMemoryStore();
const LOG = 'tenant-acme' as LogId;
const desk = new ExceptionDesk(store, LOG);
const content = proposals(TESTAPP, digestBytes(vexBytes));
for (const [name, p] of Object.entries(content)) {
  const b = analyzeBreadth(ok(decodeProposal(p)).type, ok(decodeProposal(p)).scope);
  say(
    `${name}: ${b.breadth}${b.reasons.length ? ` (warnings: ${b.reasons.map((r) => r.code).join(', ')})` : ''}`,
  );
}
const refused = decodeProposal({ ...content.prodExpat, expires_at: undefined, rationale: '' });
say(
  `without expiry or rationale it is refused: ${E.isLeft(refused) ? refused.left.issues.map((i) => `${i.path} (${i.message})`).join('; ') : 'accepted?!'}`,
);
const ids: Record<string, string> = {};
for (const [name, p] of Object.entries(content)) {
  const by = name === 'prodExpat' ? 'alice@example.com' : 'bob@example.com';
  const r = ok(await desk.run(command('propose', by, at('2026-11-20T10:00:00Z'), { proposal: p })));
  ids[name] = r.exception_id;
  say(
    `proposed ${name} as ${r.exception_id}: ${r.progress.shortfalls.map((s) => s.message).join('; ')}`,
  );
}

// ---------------------------------------------------------------------------
step(3, 'Approve under the dev and prod rules; the log is append-only and hash-chained');
const approve = (name: string, by: string, role: string, time: string) =>
  desk.run(command('approve', by, at(time), { exception_id: ids[name], version: 1, role }));
const dev = ok(await approve('devLogback', 'bob@example.com', 'approver', '2026-11-20T11:00:00Z'));
say(`dev: bob approves his own dev exception -> ${dev.state.status}`);
const self = await approve('prodExpat', 'alice@example.com', 'approver', '2026-11-20T11:00:00Z');
say(
  `prod: alice approves her own exception -> refused: ${E.isLeft(self) ? self.left.map((x) => x.message).join('; ') : 'accepted?!'}`,
);
const first = ok(await approve('prodExpat', 'bob@example.com', 'approver', '2026-11-20T12:00:00Z'));
say(
  `prod: bob approves -> ${first.state.status}; ${first.progress.shortfalls.map((s) => s.message).join('; ')}`,
);
const second = ok(
  await approve('prodExpat', 'sec@example.com', 'security-reviewer', '2026-11-20T13:00:00Z'),
);
say(
  `prod: sec approves as security-reviewer -> ${second.state.status} until ${second.state.current.expires_at}`,
);
const broadSelf = await approve(
  'broadLogback',
  'bob@example.com',
  'approver',
  '2026-11-20T11:00:00Z',
);
say(
  `broad: self-approval refused too: ${E.isLeft(broadSelf) ? broadSelf.left[0]?.message : 'accepted?!'}`,
);
const head = ok(await store.events.head(LOG));
const stale = await store.events.append(LOG, head.size - 1, []);
say(
  `a writer with a stale sequence gets ${E.isLeft(stale) ? stale.left.code : 'no conflict?!'} (never a fork)`,
);
const events = await desk.events();
say(
  `chain verified: ${ok(verifyEvents(LOG, events)).count} events, head ${head.hash.slice(0, 23)}…`,
);
const edited = events.map((e, i) => (i === 2 ? { ...e, reason: 'edited behind our back' } : e));
const detected = verifyEvents(LOG, edited);
say(
  `an edited copy is caught: ${E.isLeft(detected) ? detected.left.map((x) => `${x.code} at seq ${x.index}`).join('; ') : 'not caught?!'}`,
);
const eventsJsonl =
  events.map((e) => new TextDecoder().decode(ok(canonicalizeToBytes(e)))).join('\n') + '\n';
say(`the log: ${write('events.jsonl', eventsJsonl)}`);

// ---------------------------------------------------------------------------
step(4, 'Assemble evidence files, a manifest with per-file digests and an RFC 9162 Merkle root');
const findingsJsonl =
  findings.map((f) => new TextDecoder().decode(ok(canonicalizeToBytes(f)))).join('\n') + '\n';
const files: Array<[string, Uint8Array]> = [
  ['exceptions/events.jsonl', utf8Encode(eventsJsonl)],
  ['findings/findings.jsonl', utf8Encode(findingsJsonl)],
  ['inputs/sbom.cdx.json', sbomBytes],
  ['inputs/trivy-testapp.json', trivyBytes],
  ['inputs/trivy-alpine.json', alpineBytes],
  ['vex/testapp.openvex.json', vexBytes],
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
