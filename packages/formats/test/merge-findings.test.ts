import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import type { Finding } from '@warrant/core';
import { formatFormatsError, importDocument, mergeFindings } from '@warrant/formats';

const DIGEST = `sha256:${'5b'.repeat(32)}`;
const ZLIB = 'pkg:deb/debian/zlib1g@1.2.13.dfsg-1';

// One image scanned by Trivy and by Grype: the same repository digest, so equal keys.
const trivy = {
  SchemaVersion: 2,
  Trivy: { Version: '0.58.1' },
  CreatedAt: '2026-01-20T08:00:00Z',
  ArtifactName: 'shop/api:1.4.2',
  ArtifactType: 'container_image',
  Metadata: { OS: { Family: 'debian', Name: '12.8' }, RepoDigests: [`shop/api@${DIGEST}`] },
  Results: [
    {
      Target: 'shop/api:1.4.2 (debian 12.8)',
      Class: 'os-pkgs',
      Type: 'debian',
      Vulnerabilities: [
        {
          VulnerabilityID: 'CVE-2023-45853',
          PkgName: 'zlib1g',
          PkgIdentifier: { PURL: `${ZLIB}?arch=amd64&distro=debian-12.8` },
          InstalledVersion: '1.2.13.dfsg-1',
          Status: 'will_not_fix',
          SeveritySource: 'nvd',
          Severity: 'CRITICAL',
          Title: 'zlib: integer overflow',
          CVSS: { nvd: { V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', V3Score: 9.8 } },
        },
      ],
    },
  ],
};

const grype = {
  descriptor: { name: 'grype', version: '0.86.1', timestamp: '2026-01-20T07:30:00Z' },
  source: {
    type: 'image',
    target: { userInput: 'shop/api:1.4.2', repoDigests: [`shop/api@${DIGEST}`] },
  },
  distro: { name: 'debian', version: '12' },
  matches: [
    {
      vulnerability: {
        id: 'CVE-2023-45853',
        namespace: 'debian:distro:debian:12',
        severity: 'Negligible',
        fix: { versions: [], state: 'not-fixed' },
      },
      relatedVulnerabilities: [],
      matchDetails: [],
      artifact: {
        name: 'zlib1g',
        version: '1.2.13.dfsg-1',
        type: 'deb',
        locations: [{ path: '/var/lib/dpkg/status' }],
        purl: `${ZLIB}?arch=amd64&distro=debian-12`,
      },
    },
  ],
};

const findings = (doc: unknown): ReadonlyArray<Finding> => {
  const r = importDocument(doc);
  if (E.isLeft(r)) throw new Error(formatFormatsError(r.left));
  return r.right.findings;
};

describe('mergeFindings', () => {
  it('merges Trivy and Grype findings of one image member by member (finding-v1 section 3.2)', () => {
    const t = findings(trivy);
    const g = findings(grype);
    expect(t[0]?.key).toBe(g[0]?.key);
    const { findings: out, merged } = mergeFindings([t, g]);
    expect(merged).toEqual([{ key: t[0]?.key, inputs: [0, 1], count: 2 }]);
    expect(out).toEqual([
      {
        key: t[0]?.key,
        vulnerability: { id: 'CVE-2023-45853', aliases: [] },
        // the smaller purl: distro=debian-12 < distro=debian-12.8
        component: g[0]?.component,
        // the same in both documents
        artifact: { digest: DIGEST, name: 'shop/api:1.4.2' },
        severity: { level: 'critical', source: 'nvd', raw: 'CRITICAL' },
        cvss: t[0]?.cvss,
        // wont_fix comes before not_fixed
        fix: { state: 'wont_fix', versions: [] },
        locations: [{ path: '/var/lib/dpkg/status' }],
        scanner: { name: 'grype', version: '0.86.1' },
        scanTime: '2026-01-20T07:30:00Z',
        title: 'zlib: integer overflow',
      },
    ]);
    expect(mergeFindings([g, t])).toEqual(mergeFindings([t, g]));
  });

  it('returns a key held once as the same object, and nothing for no input', () => {
    const t = findings(trivy);
    const { findings: out, merged } = mergeFindings([[], t]);
    expect(out[0]).toBe(t[0]);
    expect(merged).toEqual([]);
    expect(mergeFindings([])).toEqual({ findings: [], merged: [] });
  });

  it('reports a key repeated inside one input once, with that input', () => {
    const t = findings(trivy);
    expect(mergeFindings([t, [...t, ...t]]).merged).toEqual([
      { key: t[0]?.key, inputs: [0, 1], count: 3 },
    ]);
  });

  it('throws a TypeError for inputs that are not arrays of findings', () => {
    expect(() => mergeFindings({} as never)).toThrow(TypeError);
    expect(() => mergeFindings([null] as never)).toThrow(/inputs\[0\]/);
  });
});
