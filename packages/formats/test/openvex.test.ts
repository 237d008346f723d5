import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { importDocument } from '@warrant/formats';
import { importFixture } from './helpers';

const doc = (statements: unknown[]) => ({
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/1',
  author: 'Example',
  timestamp: '2024-01-01T00:00:00Z',
  version: 1,
  statements,
});

describe('openvex', () => {
  it('reads the legacy pre-0.2 form: string vulnerability and products, status_notes', () => {
    const r = importFixture('openvex/vexctl-testdata_v0.0.1-legacy.vex.json');
    expect(r.formatVersion).toBe('0.0.1');
    expect(r.vexStatements).toEqual([
      {
        vulnerability: { id: 'CVE-1234-5678', aliases: [] },
        products: [
          { id: 'pkg:apk/wolfi/bash@1.0.0', purl: 'pkg:apk/wolfi/bash@1.0.0', subcomponents: [] },
        ],
        status: 'under_investigation',
        document: { format: 'openvex', digest: r.source.digest, id: 'my-vexdoc2' },
        issuer: 'John Doe',
        timestamp: '2022-12-22T21:36:43Z',
      },
    ]);
  });

  it('reads v0.2.0 names, aliases, subcomponents and hashes', () => {
    const r = importDocument(
      doc([
        {
          vulnerability: { name: 'CVE-2024-1', aliases: ['GHSA-xxxx-xxxx-xxxx'] },
          products: [
            {
              '@id': 'pkg:oci/app@sha256%3A' + 'd'.repeat(64),
              subcomponents: [{ '@id': 'pkg:golang/x/y@v1.0.0' }],
            },
            { '@id': 'urn:x', hashes: { 'sha-256': 'e'.repeat(64) } },
          ],
          status: 'not_affected',
          justification: 'component_not_present',
        },
      ]),
    );
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.vexStatements[0]).toMatchObject({
      vulnerability: { id: 'CVE-2024-1', aliases: ['GHSA-xxxx-xxxx-xxxx'] },
      justification: 'component_not_present',
      // Products sort by purl first; a product without one sorts as "".
      products: [
        { id: 'urn:x', digest: 'sha256:' + 'e'.repeat(64), subcomponents: [] },
        {
          id: 'pkg:oci/app@sha256%3A' + 'd'.repeat(64),
          purl: 'pkg:oci/app@sha256:' + 'd'.repeat(64),
          digest: 'sha256:' + 'd'.repeat(64),
          subcomponents: [{ id: 'pkg:golang/x/y@v1.0.0', purl: 'pkg:golang/x/y@v1.0.0' }],
        },
      ],
      issuer: 'Example',
      timestamp: '2024-01-01T00:00:00Z',
    });
  });

  it('fails on an unknown status and warns on an unknown justification', () => {
    const bad = importDocument(
      doc([{ vulnerability: { name: 'CVE-1' }, products: ['pkg:npm/a'], status: 'fine' }]),
    );
    expect(E.isLeft(bad) && bad.left).toMatchObject({
      code: 'FORMATS_INVALID_DOCUMENT',
      path: '$.statements[0].status',
    });
    const odd = importDocument(
      doc([
        {
          vulnerability: { name: 'CVE-1' },
          products: ['pkg:npm/a'],
          status: 'not_affected',
          justification: 'it_is_fine',
        },
      ]),
    );
    if (E.isLeft(odd)) throw new Error(odd.left.message);
    expect(odd.right.vexStatements[0]).toMatchObject({ justificationRaw: 'it_is_fine' });
    expect(odd.right.vexStatements[0]?.justification).toBeUndefined();
    expect(odd.right.warnings[0]).toMatchObject({
      code: 'FORMATS_WARN_VALUE_UNRECOGNIZED',
      path: '$.statements[0].justification',
    });
  });
});
