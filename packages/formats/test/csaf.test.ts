import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { importDocument } from '@warrant/formats';
import { importFixture } from './helpers';

describe('csaf', () => {
  it('resolves relationship products to platform CPE plus component purl, with the flag justification', () => {
    const r = importFixture('csaf-vex/redhat_cve-2024-3094.json');
    const s = r.vexStatements.find((x) => x.products[0]?.id === 'red_hat_enterprise_linux_10');
    expect(s).toMatchObject({
      vulnerability: { id: 'CVE-2024-3094' },
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      issuer: 'Red Hat Product Security',
      timestamp: '2026-08-04T07:05:53Z',
      document: { format: 'csaf', id: 'CVE-2024-3094' },
      products: [
        {
          cpe: 'cpe:/o:redhat:enterprise_linux:10',
          subcomponents: [{ id: 'xz', purl: 'pkg:rpm/redhat/xz' }],
        },
      ],
    });
  });

  it('gives affected statements the applicable remediation as action statement', () => {
    const r = importFixture('csaf-vex/redhat_rhsa-2023_1441.json');
    const affected = r.vexStatements.filter((x) => x.status === 'affected');
    expect(affected).toHaveLength(1);
    expect(affected[0]?.products[0]?.subcomponents[0]?.purl).toBe(
      'pkg:rpm/redhat/openssl@1.1.1k-7.el8_6?arch=x86_64&epoch=1',
    );
    expect(affected[0]?.actionStatement).toMatch(/^For details on how to apply this update/);
    expect(
      r.vexStatements
        .filter((x) => x.status === 'fixed')
        .every((x) => x.actionStatement === undefined),
    ).toBe(true);
  });

  it('warns about product ids missing from the product tree and refuses other CSAF versions', () => {
    const r = importDocument({
      document: { csaf_version: '2.0', category: 'csaf_vex', tracking: { id: 'X-1' } },
      vulnerabilities: [{ cve: 'CVE-2024-1', product_status: { known_affected: ['ghost'] } }],
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.vexStatements[0]?.products).toEqual([{ id: 'ghost', subcomponents: [] }]);
    expect(r.right.warnings[0]).toMatchObject({
      code: 'FORMATS_WARN_REFERENCE_UNRESOLVED',
      path: '$.vulnerabilities[0].product_status.known_affected',
    });
    const old = importDocument({ document: { csaf_version: '1.0' } });
    expect(E.isLeft(old) && old.left.code).toBe('FORMATS_UNSUPPORTED_VERSION');
  });
});
