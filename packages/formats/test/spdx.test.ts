import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { importDocument } from '@warrant/formats';
import { importFixture } from './helpers';

describe('spdx', () => {
  it('takes the purl from externalRefs and the version from it when versionInfo is empty', () => {
    const r = importFixture('spdx/spdx-2.3_trivy-0.58.0_secobserve-backend-image.json');
    const django = r.components.find((c) => c.name === 'Django');
    expect(django).toMatchObject({
      version: '5.1.2',
      purl: 'pkg:pypi/django@5.1.2',
      type: 'library',
      licenses: ['BSD-3-Clause'],
    });
    expect(r.scanner).toEqual({ name: 'trivy', version: '0.58.0' });
    expect(r.warnings[0]).toMatchObject({
      code: 'FORMATS_WARN_PURL_INVALID',
      path: '$.packages[0].externalRefs[0].referenceLocator',
    });
  });

  it('keeps packages without a purl, with their SPDX ids and licenses', () => {
    const r = importFixture('spdx/spdx-2.3_official-example.spdx.json');
    expect(r.components.find((c) => c.bomRef === 'SPDXRef-Package')).toMatchObject({
      name: 'glibc',
      version: '2.11.1',
      licenses: ['(LGPL-2.0-only OR LicenseRef-3)', '(LGPL-2.0-only AND LicenseRef-3)'].sort(),
    });
    expect(r.components.find((c) => c.name === 'Jena')?.purl).toBe(
      'pkg:maven/org.apache.jena/apache-jena@3.12.0',
    );
  });

  it('takes the artifact digest from a described OCI package', () => {
    const r = importDocument({
      spdxVersion: 'SPDX-2.3',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'img',
      packages: [
        {
          SPDXID: 'SPDXRef-img',
          name: 'img',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: `pkg:oci/img@sha256%3A${'c'.repeat(64)}`,
            },
          ],
        },
      ],
      relationships: [
        {
          spdxElementId: 'SPDXRef-DOCUMENT',
          relationshipType: 'DESCRIBES',
          relatedSpdxElement: 'SPDXRef-img',
        },
      ],
    });
    expect(E.isRight(r) && r.right.artifact).toEqual({
      digest: `sha256:${'c'.repeat(64)}`,
      name: 'img',
    });
  });

  it('refuses SPDX versions other than 2.2 and 2.3', () => {
    const r = importDocument({ spdxVersion: 'SPDX-2.1', packages: [] });
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'FORMATS_UNSUPPORTED_VERSION',
      path: '$.spdxVersion',
    });
  });
});
