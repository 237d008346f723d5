import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  Finding,
  canonicalVulnerabilityId,
  compareSeverity,
  digestCanonical,
  findingKey,
  type Sha256Digest,
} from '@warrant/core';

const DIGEST = `sha256:${'ab'.repeat(32)}` as Sha256Digest;

describe('findingKey', () => {
  it('is SHA-256 of the RFC 8785 canonical JSON of its documented input object', () => {
    const key = findingKey({
      artifactDigest: DIGEST,
      vulnerabilityId: 'CVE-2023-0286',
      component: 'pkg:rpm/redhat/openssl@1.1.1k',
    });
    expect(key).toEqual(
      (
        digestCanonical({
          schema: 'warrant.finding-key/v1',
          artifact: DIGEST,
          vulnerability: 'CVE-2023-0286',
          component: 'pkg:rpm/redhat/openssl@1.1.1k',
        }) as E.Right<string>
      ).right,
    );
  });

  it('uses null for an unknown artifact and a name/version object without a purl', () => {
    const key = findingKey({
      artifactDigest: undefined,
      vulnerabilityId: 'X',
      component: { name: 'jquery', version: undefined },
    });
    expect(key).toEqual(
      (
        digestCanonical({
          schema: 'warrant.finding-key/v1',
          artifact: null,
          vulnerability: 'X',
          component: { name: 'jquery', version: null },
        }) as E.Right<string>
      ).right,
    );
  });

  it('pins one key value (a conformance anchor for other implementations)', () => {
    expect(
      findingKey({
        artifactDigest: undefined,
        vulnerabilityId: 'CVE-2021-44228',
        component: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      }),
    ).toBe('sha256:' + KEY_LOG4J);
  });
});

// Computed once from the canonical JSON
// {"artifact":null,"component":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1","schema":"warrant.finding-key/v1","vulnerability":"CVE-2021-44228"}
// with `printf '%s' '<that text>' | sha256sum`.
const KEY_LOG4J = '0a0d79145e8fede6d88b0b64f4d4f612b9c9d951d25e3a32330860d1cbc27dfd';

describe('canonicalVulnerabilityId', () => {
  it('keeps a CVE id, else picks the smallest CVE alias, else keeps the id', () => {
    expect(canonicalVulnerabilityId('CVE-2024-1', ['CVE-2000-1'])).toBe('CVE-2024-1');
    expect(canonicalVulnerabilityId('GHSA-x', ['CVE-2024-9', 'CVE-2024-10'])).toBe('CVE-2024-10');
    expect(canonicalVulnerabilityId('GO-2023-2102', ['GHSA-4374-p667-p6c8'])).toBe('GO-2023-2102');
  });
});

describe('compareSeverity', () => {
  it('orders critical first and unknown last', () => {
    expect(
      ['unknown', 'low', 'critical', 'negligible', 'high', 'medium'].sort(
        compareSeverity as (a: string, b: string) => number,
      ),
    ).toEqual(['critical', 'high', 'medium', 'low', 'negligible', 'unknown']);
  });
});

describe('Finding codec', () => {
  it('accepts a minimal finding and refuses an unknown severity level', () => {
    const f = {
      key: DIGEST,
      vulnerability: { id: 'CVE-1', aliases: [] },
      component: { name: 'a' },
      artifact: {},
      severity: { level: 'high' },
      cvss: [],
      fix: { state: 'unknown', versions: [] },
      locations: [],
      scanner: { name: 'trivy' },
    };
    expect(E.isRight(Finding.decode(f))).toBe(true);
    expect(E.isLeft(Finding.decode({ ...f, severity: { level: 'severe' } }))).toBe(true);
    expect(E.isLeft(Finding.decode({ ...f, key: 'sha256:AB' }))).toBe(true);
  });
});
