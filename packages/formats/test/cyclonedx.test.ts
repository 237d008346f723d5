import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { importDocument } from '@warrant/formats';
import { importFixture } from './helpers';

const bom = (extra: Record<string, unknown>) => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  ...extra,
});

describe('cyclonedx', () => {
  it('picks the rating of the vulnerability source and reads Trivy fix recommendations', () => {
    const r = importFixture('cyclonedx/cdx-1.5_trivy-0.52.0_poetry-lock_13-vulns.json');
    const f = r.findings.find((x) => x.vulnerability.id === 'CVE-2024-24680');
    expect(f?.severity).toMatchObject({ source: 'ghsa' });
    expect(f?.fix).toEqual({ state: 'fixed', versions: ['3.2.24', '4.2.10', '5.0.2'] });
    expect(f?.component).toEqual({
      name: 'django',
      version: '4.2.8',
      purl: 'pkg:pypi/django@4.2.8',
      purlSource: 'document',
    });
    expect(f?.scanTime).toBe('2024-06-24T10:51:16Z');
    expect(f?.scanner).toEqual({ name: 'trivy', version: '0.52.0' });
  });

  it('refuses spec versions outside 1.4-1.6', () => {
    const r = importDocument({ bomFormat: 'CycloneDX', specVersion: '1.3' });
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'FORMATS_UNSUPPORTED_VERSION',
      path: '$.specVersion',
    });
  });

  it('reads nested components and resolves BOM-Link refs', () => {
    const r = importDocument(
      bom({
        components: [
          {
            'bom-ref': 'app',
            type: 'application',
            name: 'app',
            components: [
              {
                'bom-ref': 'lib',
                type: 'library',
                name: 'lib',
                version: '1',
                purl: 'pkg:npm/lib@1',
              },
            ],
          },
        ],
        vulnerabilities: [
          {
            id: 'CVE-1',
            ratings: [{ severity: 'high' }],
            affects: [
              { ref: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#lib' },
              { ref: 'nope' },
            ],
          },
        ],
      }),
    );
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.components.map((c) => c.name)).toEqual(['app', 'lib']);
    expect(r.right.findings.map((f) => f.component.purl)).toEqual(['pkg:npm/lib@1']);
    expect(r.right.warnings).toEqual([
      expect.objectContaining({
        code: 'FORMATS_WARN_REFERENCE_UNRESOLVED',
        path: '$.vulnerabilities[0].affects[1].ref',
      }),
    ]);
  });

  it('maps CISA VEX analysis states, keeping detail as impact or action statement', () => {
    const r = importFixture('cyclonedx-vex/cdx-1.4_cisa-use-case-3_vex.json');
    const na = r.vexStatements.find((s) => s.vulnerability.id === 'CVE-2020-11897');
    expect(na).toMatchObject({
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      justificationRaw: 'code_not_present',
      impactStatement: 'IPv6 is not supported and code is not present.',
      products: [{ id: 'product-GHI', name: 'GHI', version: '17.4', subcomponents: [] }],
      timestamp: '2022-03-03T00:00:00Z',
    });
    const ex = r.vexStatements.find((s) => s.vulnerability.id === 'CVE-2020-11898');
    expect(ex).toMatchObject({
      status: 'affected',
      actionStatement: 'We are working to integrate the upstream patches in our code.',
    });
    expect(r.findings).toEqual([]);
  });

  it('maps requires_configuration and resolves products to purls (SecObserve)', () => {
    const r = importFixture('cyclonedx-vex/cdx-1.6_secobserve-vex.json');
    const s = r.vexStatements.find((x) => x.status === 'not_affected');
    expect(s).toMatchObject({
      vulnerability: { id: 'CVE-2023-49083', aliases: [] },
      justification: 'vulnerable_code_cannot_be_controlled_by_adversary',
      justificationRaw: 'requires_configuration',
      products: [{ id: 'comp-cryptography', purl: 'pkg:pypi/cryptography@41.0.5' }],
      issuer: 'SecObserve',
      document: { format: 'cyclonedx', id: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' },
    });
  });

  it('fails the whole import on an unknown analysis state', () => {
    const r = importDocument(
      bom({ vulnerabilities: [{ id: 'CVE-1', analysis: { state: 'maybe' }, affects: [] }] }),
    );
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'FORMATS_INVALID_DOCUMENT',
      path: '$.vulnerabilities[0].analysis.state',
    });
  });
});
