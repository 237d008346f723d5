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
  checkpointLog,
  sha256,
  utf8Encode,
  decodeProposal,
  digestBytes,
  importPrivateKeyPem,
  verifyEvents,
  type LogId,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';
import { importDocument } from '@warrant/formats';
import {
  decryptPack,
  encryptPack,
  EXTERNAL_AUDITOR_PROFILE,
  generateAgeKeyPair,
} from '@warrant/pack';
import { verdictBytes } from '@warrant/policy';
import { createMemoryStore } from '@warrant/storage-adapters/memory';
import { describeVerdict, evaluateProd, explain, POLICY, replayMatches } from './demo/evaluate';
import { command, ExceptionDesk, GOVERNANCE, proposals } from './demo/governance';
import {
  buildSigned,
  proveAndCheck,
  releasePackInput,
  tamperedCopy,
  verifyLine,
  fileOf,
  occurringIn,
} from './demo/pack';
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
step(4, 'Evaluate (a pure function of findings, exceptions, VEX, policy and now)');
const histories = await Promise.all(Object.values(ids).map((id) => desk.history(id)));
const base = { findings, histories: [], vex: [], now: NOW };
const before = evaluateProd(base);
describeVerdict('without exceptions or VEX', before);
const input = { findings, histories, vex: vex.vexStatements, now: NOW };
const verdict = evaluateProd(input);
describeVerdict('with governed exceptions and trusted VEX', verdict);
explain(verdict);
say(
  `replay with inputs in another order: ${replayMatches(input, verdict, verdictBytes) ? 'byte-identical verdict' : 'DIFFERENT?!'}`,
);
say(`the verdict: ${write('verdict.json', verdictBytes(verdict))}`);

// ---------------------------------------------------------------------------
step(5, 'Build and sign the audit pack (deterministic tar.gz, manifest, Merkle root, DSSE)');
// A demo-only Ed25519 key shipped in examples/inputs (never use it for anything real): with a
// fixed key, Ed25519 signatures and so every output byte are the same on every run.
const key = ok(await importPrivateKeyPem(new TextDecoder().decode(read('demo-signing-key.pem'))));
const checkpoint = ok(await checkpointLog(store, LOG, { time: NOW, signers: [key.signer] }));
const packInput = releasePackInput({
  artifacts: [
    { digest: TESTAPP, name: 'testapp/test:0.0.2' },
    { digest: ALPINE, name: 'alpine:3.10.2' },
  ],
  documents: [
    { name: 'trivy-testapp.json', bytes: trivyBytes },
    { name: 'trivy-alpine.json', bytes: alpineBytes },
  ],
  sboms: [{ name: 'alpine.cdx.json', bytes: sbomBytes }],
  vex: [{ name: 'testapp.openvex.json', bytes: vexBytes }],
  policy: [
    { name: 'governance.json', bytes: ok(canonicalizeToBytes(GOVERNANCE)) },
    { name: 'evaluation-policy.json', bytes: ok(canonicalizeToBytes(POLICY)) },
  ],
  findings,
  events: await desk.events(),
  checkpoint: checkpoint.envelope,
  verdict,
  explanation: `Outcome ${verdict.outcome}: the critical expat findings are excepted in prod by an approved, time-boxed exception; CVE-2022-1471 is not_affected per trusted VEX.\n`,
  now: NOW,
});
const built = await buildSigned(packInput, key);
const again = await buildSigned({ ...packInput, findings: [...findings].reverse() }, key);
say(
  `${write('release.pack.tar.gz', built.bytes)}: ${built.bytes.length} bytes, ${built.pack.manifest.files.length} files, ${digestBytes(built.bytes)}`,
);
say(
  `the human summary, derived from the machine files: ${write('summary.html', fileOf(built.bytes, 'report/summary.html'))}`,
);
say(
  `rebuilt from shuffled input: ${digestBytes(again.bytes) === digestBytes(built.bytes) ? 'byte-identical' : 'DIFFERENT?!'}`,
);

// ---------------------------------------------------------------------------
step(6, 'Verify it as a third party would, prove one file, and catch a tampered copy');
say(await verifyLine(built.bytes, key));
say(`the trusted public key: ${write('demo-signing-key.pub.pem', key.publicKeyPem)}`);
const proven = await proveAndCheck(built.bytes, 'verdict/verdict.json', key);
say(proven.line);
write('verdict.proof.json', proven.proof);
const forged = tamperedCopy(built.bytes, 'verdict/verdict.json');
say(
  `a copy with the verdict edited: ${(await verifyLine(forged, key)).replace('FAILED', 'caught')}`,
);
write('tampered.pack.tar.gz', forged);
say(
  'offline, without Warrant: tar -xzf release.pack.tar.gz && sha256sum -c SHA256SUMS (see VERIFY.md inside)',
);

// ---------------------------------------------------------------------------
step(7, 'Redact for an external auditor: pseudonymized people, still a fully verifiable pack');
const redaction = {
  profile: EXTERNAL_AUDITOR_PROFILE,
  // A demo-only key: pseudonyms are stable within a pack, unlinkable without the key.
  keys: { pseudonymKey: sha256(utf8Encode('demo-only pseudonym key, never reuse')) },
};
const redacted = await buildSigned(packInput, key, redaction);
say(
  `${write('release.external-auditor.pack.tar.gz', redacted.bytes)}: profile ${redacted.pack.manifest.profile}, ${redacted.pack.manifest.files.length} files`,
);
say(await verifyLine(redacted.bytes, key));
const people = ['alice@example.com', 'bob@example.com', 'sec@example.com'];
say(
  `people's ids anywhere in the decompressed pack: ${occurringIn(redacted.bytes, people).length} of ${people.length} (in the full pack: ${occurringIn(built.bytes, people).length})`,
);

// ---------------------------------------------------------------------------
step(8, 'Encrypt it for an auditor (age format; `age -d` opens it too)');
const auditor = await generateAgeKeyPair();
const sealed = ok(
  await encryptPack(built.bytes, { kind: 'recipients', recipients: [auditor.recipient] }),
);
const opened = ok(await decryptPack(sealed, { identities: [auditor.identity] }));
say(
  `${write('release.pack.tar.gz.age', sealed)}: decrypts to identical bytes: ${digestBytes(opened) === digestBytes(built.bytes)}`,
);

await store.close();
console.log(
  `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Outputs are in examples/out/.`,
);
