/**
 * A seeded generator of large, valid event logs in JSON Lines form, fast enough for a million
 * events: records are written directly in RFC 8785 member order (every key below is already
 * sorted, every value is a string, a small integer or a sorted object) and hashed with
 * node:crypto. The result is checked by the slow path on a sample in the bench itself.
 */
import { createHash } from 'node:crypto';
import { genesisHash, type LogId } from '@warrant/core';

/** A small deterministic PRNG (mulberry32), so every run measures the same bytes. */
const rng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const TYPES = [
  'exception.proposed',
  'exception.approved',
  'exception.activated',
  'exception.renewed',
  'exception.revoked',
];
const REASONS = ['no_fix_available', 'not_affected', 'compensating_control', 'false_positive'];

/** Lifecycle-like payloads (sorted keys), about 150-700 bytes each. */
const payload = (i: number, r: () => number): string => {
  const kind = i % 5;
  if (kind === 0) {
    const cve = `CVE-2024-${String(1000 + Math.floor(r() * 9000))}`;
    return `{"exception_id":"exc-${Math.floor(i / 5)}","expires_at":"2026-0${1 + (i % 9)}-15T00:00:00Z","owner":"team-${i % 40}","reason_code":"${REASONS[i % 4]}","scope":{"artifacts":["sha256:${createHash('sha256').update(String(i)).digest('hex')}"],"environments":["prod","staging"],"purls":["pkg:npm/lodash@4.17.${i % 21}"],"vulnerabilities":["${cve}"]},"version":1}`;
  }
  return `{"approver":"user${i % 97}@example.com","exception_id":"exc-${Math.floor(i / 5)}","role":"security-reviewer","version":${1 + (i % 3)}}`;
};

/** `n` events of one log as JSON Lines bytes (valid: every hash and link holds). */
export const makeLogLines = (logId: LogId, n: number, seed = 42): Uint8Array => {
  const r = rng(seed);
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  let prev: string = genesisHash(logId);
  const base = Date.UTC(2026, 0, 1) / 1000;
  for (let i = 0; i < n; i++) {
    const time = new Date((base + i * 7) * 1000).toISOString().replace('.000Z', 'Z');
    const actor =
      i % 5 === 0
        ? `{"id":"svc:ci-${i % 3}","kind":"service"}`
        : `{"id":"user${i % 97}@example.com","kind":"human"}`;
    const rest = `"log_id":"${logId}","payload":${payload(i, r)},"prev_hash":"${prev}","reason":"risk accepted for release ${i % 50}","schema":"warrant.event/v1","seq":${i},"subject":"exc-${Math.floor(i / 5)}","time":"${time}","type":"${TYPES[i % 5]}"}`;
    const unhashed = `{"actor":${actor},${rest}`;
    const hash = `sha256:${createHash('sha256').update(unhashed).digest('hex')}`;
    const line = enc.encode(`{"actor":${actor},"hash":"${hash}",${rest}\n`);
    parts.push(line);
    total += line.length;
    prev = hash;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

// --- a valid exception log -------------------------------------------------

const EVENT_SCHEMA_MEMBER = '"schema":"warrant.exception-event/v1"';

/**
 * The canonical JSON of one exception's content (members in RFC 8785 order, every set a single
 * element, so substituting the varying strings keeps it canonical; the bench checks a sample
 * against the codec and the canonicalizer).
 */
export const proposalText = (k: number, version: 1 | 2): string => {
  const digest = createHash('sha256').update(`artifact-${k}`).digest('hex');
  const expires = version === 1 ? '2026-06-01T00:00:00Z' : '2026-08-01T00:00:00Z';
  const rationale =
    version === 1
      ? `The vulnerable function is never called with user input (service ${k % 300}).`
      : `Still unreachable; the vendor fix is now expected in July (service ${k % 300}).`;
  return `{"evidence_refs":[{"digest":"sha256:${'b'.repeat(64)}","kind":"vex","media_type":"application/openvex+json","uri":"https://vex.example.com/${k}.json"}],"expires_at":"${expires}","owner":"team-${k % 40}","rationale":"${rationale}","reason_code":"NOT_AFFECTED","risk_acceptance":{"accepted":false},"risk_score":${k % 50},"scope":{"artifacts":[{"digest":"sha256:${digest}"}],"components":[{"purl":"pkg:npm/lodash@4.17.${k % 21}"}],"environment":{"envs":["prod"]},"vulnerabilities":["CVE-2024-${1000 + (k % 9000)}"]},"type":"vulnerability"}`;
};

const sha256Text = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`;

/**
 * `n` events of a valid exception log (a multiple of 5): per exception, proposed, approved by an
 * approver, approved by a security reviewer (final), renewed with a fresh rationale, approved
 * (final). Every event is one the exception fold accepts.
 */
export const makeExceptionLogLines = (logId: LogId, n: number): Uint8Array => {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  let prev: string = genesisHash(logId);
  const base = Date.UTC(2026, 0, 1) / 1000;
  let p1 = '';
  let p2 = '';
  let d1 = '';
  let d2 = '';
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / 5);
    const step = i % 5;
    if (step === 0) {
      p1 = proposalText(k, 1);
      p2 = proposalText(k, 2);
      d1 = sha256Text(p1);
      d2 = sha256Text(p2);
    }
    const time = new Date((base + i * 7) * 1000).toISOString().replace('.000Z', 'Z');
    const requester = `user${k % 97}@example.com`;
    const [actor, type, reason, payload] =
      step === 0
        ? [
            requester,
            'exception.proposed',
            '',
            `{"proposal":${p1},${EVENT_SCHEMA_MEMBER},"version":1}`,
          ]
        : step === 1
          ? [
              `approver${k % 13}@example.com`,
              'exception.approved',
              '',
              `{"content_digest":"${d1}","final":false,"role":"approver",${EVENT_SCHEMA_MEMBER},"version":1}`,
            ]
          : step === 2
            ? [
                `sec${k % 5}@example.com`,
                'exception.approved',
                'reachability reviewed',
                `{"content_digest":"${d1}","final":true,"role":"security-reviewer",${EVENT_SCHEMA_MEMBER},"version":1}`,
              ]
            : step === 3
              ? [
                  requester,
                  'exception.renewed',
                  'vendor fix slipped',
                  `{"previous_version":1,"proposal":${p2},${EVENT_SCHEMA_MEMBER},"version":2}`,
                ]
              : [
                  `sec${(k + 1) % 5}@example.com`,
                  'exception.approved',
                  '',
                  `{"content_digest":"${d2}","final":true,"role":"security-reviewer",${EVENT_SCHEMA_MEMBER},"version":2}`,
                ];
    const rest = `"log_id":"${logId}","payload":${payload},"prev_hash":"${prev}","reason":"${reason}","schema":"warrant.event/v1","seq":${i},"subject":"exc-${k}","time":"${time}","type":"${type}"}`;
    const head = `{"actor":{"id":"${actor}","kind":"human"}`;
    const hash = sha256Text(`${head},${rest}`);
    const line = enc.encode(`${head},"hash":"${hash}",${rest}\n`);
    parts.push(line);
    total += line.length;
    prev = hash;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
