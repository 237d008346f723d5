import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { importDocument } from '@warrant/formats';
import { importFixture } from './helpers';

const report = (matches: unknown[]) => ({
  descriptor: {
    name: 'grype',
    version: '0.90.0',
    timestamp: '2024-02-22T19:46:26.372724916+01:00',
  },
  source: {
    type: 'image',
    target: { userInput: 'img:1', manifestDigest: `sha256:${'a'.repeat(64)}` },
  },
  distro: { name: 'debian', version: '12' },
  matches,
});

const match = (over: Record<string, unknown> = {}, artifact: Record<string, unknown> = {}) => ({
  vulnerability: {
    id: 'CVE-2024-1',
    namespace: 'debian:distro:debian:12',
    severity: 'High',
    fix: { versions: [], state: 'not-fixed' },
    ...over,
  },
  relatedVulnerabilities: [],
  matchDetails: [],
  artifact: { name: 'zlib1g', version: '1:1.2.13', type: 'deb', locations: [], ...artifact },
});

describe('grype', () => {
  it('keys a GHSA match by its CVE alias and keeps the GHSA as an alias', () => {
    const r = importFixture('grype/debian-10_defectdojo-check_all_fields.json');
    const django = r.findings.find((f) => f.component.name === 'Django');
    expect(django?.vulnerability).toEqual({
      id: 'CVE-2021-44420',
      aliases: ['GHSA-v6rh-hp5x-86rv'],
    });
    expect(django?.component.purl).toBe('pkg:pypi/django@3.2.9');
    expect(django?.severity).toEqual({ level: 'high', source: 'github:python', raw: 'High' });
  });

  it('merges byte-identical duplicate matches into one finding and says so', () => {
    const r = importFixture('grype/debian-10_defectdojo-check_all_fields.json');
    expect(r.findings.filter((f) => f.component.name === 'Django')).toHaveLength(1);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'FORMATS_WARN_DUPLICATE_MERGED', path: '$.matches[5]' }),
    ]);
  });

  it('records a match without severity as unknown, keeping CVSS from related records', () => {
    const r = importFixture('grype/rhel-8.7_defectdojo-issue_9618.json');
    const f = r.findings.find((x) => x.vulnerability.id === 'CVE-2024-26308');
    expect(f?.severity).toEqual({ level: 'unknown', source: 'nvd:cpe' });
    expect(f?.vulnerability.aliases).toEqual(['GHSA-4265-ccf5-phj5']);
    expect(f?.cvss).toEqual([
      {
        version: '3.1',
        source: 'github:language:java',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
        score: 7.5,
      },
    ]);
    expect(r.warnings[0]).toMatchObject({
      code: 'FORMATS_WARN_SEVERITY_MISSING',
      path: '$.matches[33].vulnerability.severity',
    });
  });

  it('derives the fix state from fix.versions when fix.state is empty', () => {
    const r = importFixture('grype/busybox-1.32.1_defectdojo-epss.json');
    const fixed = r.findings.filter((f) => f.fix.state === 'fixed');
    expect(fixed.map((f) => [f.vulnerability.id, f.fix.versions])).toEqual([
      ['CVE-2021-42376', ['1.34.0']],
    ]);
  });

  it('normalizes the descriptor timestamp and prefers the manifest digest', () => {
    const r = importDocument(report([match()]));
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.findings[0]?.scanTime).toBe('2024-02-22T18:46:26.372Z');
    expect(r.right.artifact).toEqual({ digest: `sha256:${'a'.repeat(64)}`, name: 'img:1' });
    expect(r.right.scanner).toEqual({ name: 'grype', version: '0.90.0' });
  });

  it('derives a purl from artifact.type and distro.name when artifact.purl is absent', () => {
    const r = importDocument(report([match()]));
    expect(E.isRight(r) && r.right.findings[0]?.component).toEqual({
      name: 'zlib1g',
      version: '1:1.2.13',
      purl: 'pkg:deb/debian/zlib1g@1:1.2.13',
      purlSource: 'derived',
    });
  });

  it('warns about an invalid artifact.purl and derives one instead', () => {
    const r = importDocument(report([match({}, { purl: 'pkg:deb/debian/zlib1g@1%zz' })]));
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.warnings.map((w) => [w.code, w.path])).toEqual([
      ['FORMATS_WARN_PURL_INVALID', '$.matches[0].artifact.purl'],
    ]);
    expect(r.right.findings[0]?.component.purlSource).toBe('derived');
  });

  it('refuses a match without an artifact, naming the path', () => {
    const r = importDocument(report([{ vulnerability: { id: 'CVE-1' } }]));
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'FORMATS_INVALID_DOCUMENT',
      path: '$.matches[0].artifact',
    });
  });
});
