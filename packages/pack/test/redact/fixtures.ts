// Small pack-shaped file sets for redaction tests (pack-v1 layout names).
import { utf8Encode } from '@warrant/core';
import type { RedactionFile } from '../../src/redact/engine';

export const KEY_A = new Uint8Array(32).fill(7);
export const KEY_B = new Uint8Array(32).fill(9);
export const COMMIT_KEY = new Uint8Array(32).fill(3);

export const file = (path: string, value: unknown): RedactionFile => ({
  path,
  bytes: utf8Encode(JSON.stringify(value)),
});

export const lines = (path: string, values: ReadonlyArray<unknown>): RedactionFile => ({
  path,
  bytes: utf8Encode(values.map((v) => `${JSON.stringify(v)}\n`).join('')),
});

export const text = (path: string, s: string): RedactionFile => ({ path, bytes: utf8Encode(s) });

export const OWNER = 'alice.owner@corp.example';
export const APPROVER = 'bob.approver@corp.example';

/** A pack-like file set where the owner's email appears in several files. */
export const samplePack = (): RedactionFile[] => [
  lines('exceptions/exceptions.jsonl', [
    {
      exception_id: 'exc-1',
      owner: OWNER,
      requester: OWNER,
      rationale: `Accepted by ${OWNER} until the vendor ships a fix`,
      approvers: [{ id: APPROVER, role: 'security', at: '2026-01-02T00:00:00Z' }],
      links: [{ kind: 'ticket', ref: 'https://jira.corp.example/browse/SEC-1' }],
      expires_at: '2026-06-01T00:00:00Z',
    },
  ]),
  lines('exceptions/events.jsonl', [{ actor: { id: OWNER, kind: 'human' } }]),
  file('exceptions/checkpoint.dsse.json', { payloadType: 'x', payload: 'e30=', signatures: [] }),
  lines('findings/findings.jsonl', [
    {
      key: 'sha256:' + 'a'.repeat(64),
      vulnerability: { id: 'CVE-2024-0001', aliases: [] },
      locations: [{ path: '/srv/internal/app/node_modules/x' }],
      artifact: { name: 'registry.corp.example/app' },
    },
  ]),
  file('verdict/verdict.json', {
    outcome: 'pass',
    applied: [{ exception_id: 'exc-1', owner: OWNER }],
  }),
  text('inputs/documents/trivy.json', `{"token":"s3cr3t-token-value","owner":"${OWNER}"}`),
  text('VERIFY.md', 'Verify with sha256sum -c SHA256SUMS\n'),
];
