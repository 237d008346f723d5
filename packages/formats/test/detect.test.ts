import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { detectFormat, importDocument } from '@warrant/formats';
import { fixtureJson } from './helpers';

describe('detectFormat', () => {
  const cases: Array<[string, string]> = [
    ['trivy/alpine-310_trivy-integration-golden.json', 'trivy'],
    ['grype/keycloak-21.0.2_grype-explain-testdata.json', 'grype'],
    ['sarif/nginx_trivy-0.42.1.sarif.json', 'sarif'],
    ['cyclonedx/cdx-1.4_syft-0.58.0_alpine.json', 'cyclonedx'],
    ['cyclonedx-vex/cdx-1.4_cisa-use-case-3_vex.json', 'cyclonedx'],
    ['spdx/spdx-2.3_official-example.spdx.json', 'spdx'],
    ['openvex/trivy.openvex.json', 'openvex'],
    ['openvex/vexctl-testdata_v0.0.1-legacy.vex.json', 'openvex'],
    ['csaf-vex/redhat_cve-2024-3094.json', 'csaf'],
    ['osv/GO-2023-2102.json', 'osv'],
  ];
  for (const [file, format] of cases) {
    it(`recognizes ${file} as ${format}`, () => {
      expect(detectFormat(fixtureJson(file))).toEqual(E.right(format));
    });
  }

  it('recognizes a list of OSV records', () => {
    expect(detectFormat([fixtureJson('osv/GO-2023-2102.json')])).toEqual(E.right('osv'));
  });

  it('refuses unknown documents with FORMATS_UNKNOWN_FORMAT', () => {
    for (const doc of [{}, [], 'x', 1, null, { hello: 'world' }, [1, 2]]) {
      const r = detectFormat(doc);
      expect(E.isLeft(r) && r.left.code).toBe('FORMATS_UNKNOWN_FORMAT');
    }
  });

  it('refuses a forced format that contradicts the document', () => {
    const r = importDocument(
      fixtureJson('grype/keycloak-21.0.2_grype-explain-testdata.json') as never,
      {
        format: 'trivy',
      },
    );
    expect(E.isLeft(r) && r.left).toMatchObject({ code: 'FORMATS_FORMAT_MISMATCH', path: '$' });
  });

  it('passes strict-parser refusals through for bytes', () => {
    const r = importDocument(new TextEncoder().encode('{"a":1,"a":2}'));
    expect(E.isLeft(r) && r.left).toMatchObject({ code: 'CORE_JSON_DUPLICATE_KEY', path: '$.a' });
  });

  it('throws TypeError for invalid options (a programming error)', () => {
    expect(() => importDocument({}, { scanTime: 'yesterday' as never })).toThrow(TypeError);
    expect(() => importDocument({}, { format: 'nessus' as never })).toThrow(TypeError);
  });
});
