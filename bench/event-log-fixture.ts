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
