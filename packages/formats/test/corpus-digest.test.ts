/**
 * Pins the RFC 8785 canonical digest of the whole import result of every corpus file, from bytes
 * and from an already parsed value. The digests were generated from main before the import
 * throughput work of issue #4, so any change to parsing, purl handling, importers or sorting that
 * alters a single byte of any result fails here.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { digestCanonical } from '@warrant/core';
import { importDocument } from '@warrant/formats';
import { fixture, fixtureJson } from './helpers';

const FIXTURES = join(import.meta.dirname, 'fixtures');

// file: [digest of importDocument(bytes), digest of importDocument(JSON.parse(text))]
const PINNED: Readonly<Record<string, readonly [string, string]>> = {
  'csaf-vex/redhat_cve-2024-3094.json': [
    'sha256:c6028e7cc9bfb4d401c07df41c1ca032b25074efcec6cfb703bf685623379e44',
    'sha256:30c5b7b0bf7c03c84743a2112bc7a4a54926ee91f1717c47bdcd31908e5e44b6',
  ],
  'csaf-vex/redhat_rhsa-2023_1441.json': [
    'sha256:a8cea5bdf6704586a7d3faed6f8b781591541057ee4dd2d482b49804b6b36a5c',
    'sha256:4694c0b09a94ab5b3d7bac4236e5a6c1dfc859c49e7993ea72eac1b7fb437877',
  ],
  'cyclonedx-vex/cdx-1.4_cisa-use-case-3_vex.json': [
    'sha256:5f08ddea048aae9aa333321a020e05df3dc25817dde66373e2818609bef71432',
    'sha256:758944d0fa713e6f14acca6efa834f6842b27433e14e8778baaa98fffecc52da',
  ],
  'cyclonedx-vex/cdx-1.6_secobserve-vex.json': [
    'sha256:023f018eb89b14f8a1e4533306777a1bd7078b381fb194831c6fe5e66923eaed',
    'sha256:124f8a5b4a98b4c9b8d274e3b1a57f2b4a053685ab4cb1529ede7caab51f16e1',
  ],
  'cyclonedx/cdx-1.4_syft-0.58.0_alpine.json': [
    'sha256:964f14d01156254dfeae94ce1fcc3dc8fad13b55931a8320d8a8aed762d2f44a',
    'sha256:be9843734297cadb770044798da72958115a62d7769d3e95b069852d44ad2d92',
  ],
  'cyclonedx/cdx-1.4_trivy-0.38.3_container.json': [
    'sha256:68bea6930de5d5e7d22906573182bb37772b5c22694b1450b3bb54b77bc62cd9',
    'sha256:c450041901a89dc078d8c5bc92ed02a684bd8173c8e193336d179916362e8e3e',
  ],
  'cyclonedx/cdx-1.5_trivy-0.52.0_poetry-lock_13-vulns.json': [
    'sha256:c0ac82d7bd348e00a9427e54cf2759a1a55d2d8b3f04cf20d15dc7b78a7bf81e',
    'sha256:6f4112e9fc5a22c0d07e14cad100d89b919e5e553ada4a5f30a30db71be19f93',
  ],
  'cyclonedx/cdx-1.6_trivy-0.53.0_container.json': [
    'sha256:8b04395fecb46eaf76d4ad4dc6fd3e0a1b53ed2a2c5eda3493888df219ee7c82',
    'sha256:83679b1c07442f146816ee07deb97aa7302bc6e212006851f312c9e1edbc5bf2',
  ],
  'grype/busybox-1.32.1_defectdojo-epss.json': [
    'sha256:88e9c7b829db0899db7bcd5352628beacdde04c7d42219ec434cfaab0451fa9f',
    'sha256:8aeb6fa2db4625994fd5e134fd55b5b2b01cc07f9a3c6e5425e2f04f0f52610d',
  ],
  'grype/debian-10_defectdojo-check_all_fields.json': [
    'sha256:ebc946a48ee2481783e9c4109bc208c114b13024caa5d2faaec52ddc82611ab1',
    'sha256:72282987aef04a4104b84462075fa94732539b5cc84bcae95fd4e9967f69ee4c',
  ],
  'grype/keycloak-21.0.2_grype-explain-testdata.json': [
    'sha256:7ec8254d1adb6f31baabb29c94fe401b19836ca81d62b87103b74f9ca65576b3',
    'sha256:dbeb49a59d86d5915908ee143fa0adf273cb680ca2a1039723cdb7763b8e882e',
  ],
  'grype/rhel-8.7_defectdojo-issue_9618.json': [
    'sha256:7f14615d38942ae8e9f2fb703b13712e32e2575e24e10f75adafb5e78d9b73f4',
    'sha256:ff75d10d64b3cee3f41c6db90b286c5d3faa414f2c0a4adfd3dcf8eed3f0280d',
  ],
  'openvex/rancher-confd_scan.openvex.json': [
    'sha256:849672143fd018747f1652610fea9b312d20832e4a38bf7e271f5299074f2ae9',
    'sha256:dccc5e12b7c7893334f9e027a2645725f7887be9314bfbbfaa8edd616564532b',
  ],
  'openvex/trivy.openvex.json': [
    'sha256:17de94b7130e008595afe6118fb4a53d20af1fc162ce9b3b28aa817c77fdcfbb',
    'sha256:ce4b7b96b300f03d853dcccc93370534fb0c2c197a55c7b91fed29232ff17280',
  ],
  'openvex/vexctl-testdata_v0.0.1-legacy.vex.json': [
    'sha256:e6aae560d3a843cdd34e22d77422789947c6406d626722b1e04b9fb5cbc161fc',
    'sha256:2bd526a9640c0030bdad12f58091a98c0c7dd26e463c6a7200ef5282da5452c5',
  ],
  'osv/GHSA-838r-hvwh-24h8.json': [
    'sha256:95d1ce0b229e026def65b5107c6f96a58a1d86a8ff258efe206e84ead1284a84',
    'sha256:f20ee8c5e47201db9de74b672a425bd22a232643137a7e06f05dfad7b2eb3dde',
  ],
  'osv/GO-2023-2102.json': [
    'sha256:a4f0728ad1df0ee7f59459b9bed9821dfafafadd4a0077ebee5b5dc8b9bf0064',
    'sha256:4801e8604a18db382b87f1e609577bf4bdc1639e8081525916bc60d33561224e',
  ],
  'osv/UBUNTU-CVE-2025-38094.json': [
    'sha256:09cf608bae9a746fdc8de333f4e22b1d8f8ca21007b161d35eb6cd5c70003c86',
    'sha256:4a5906b9fa2ec62a1660fefec12e0d2aa0df026b033798b61185d56c48700ba0',
  ],
  'sarif/dependency-check-6.1.2.sarif.json': [
    'sha256:1c598e9c66efa3e7d984c32298a93d8e104d9388c7248a5a7949555bb52c9e99',
    'sha256:662d6acffcaf4adcb8f1b738ebf7aaf8164c4daa9e726175392e0d1a3f90f6a5',
  ],
  'sarif/nginx_snyk-container.sarif.json': [
    'sha256:085e78a04eaeaa9f3431e97f2463831cc035cab57d6fd94c4bb50dc765289b17',
    'sha256:0a19777dca42c6da8cde61d5bfd0366ce421f81281721df93bb7fbd9dbd7234c',
  ],
  'sarif/nginx_trivy-0.42.1.sarif.json': [
    'sha256:34a4b132282eab5770bbf243efbdb41d156f17b2230e6ee62306564c0d8c4d9e',
    'sha256:cd56252210db8c1175da511594ea1f064734907fa49f39492ac5f27413bbf85a',
  ],
  'spdx/spdx-2.3_official-example.spdx.json': [
    'sha256:ec8bc1ba2ca808dea71e82927c8fe29f0507da58419b37b0468ea5166b1029dc',
    'sha256:4d8d690b691b1386ae83bafd86395bf2f57273c0277baf6cb84bb927d646c7d6',
  ],
  'spdx/spdx-2.3_trivy-0.58.0_secobserve-backend-image.json': [
    'sha256:33052386dbe076c561a73a8a97519f391e00844317ed2757c0eae02b4e9243ed',
    'sha256:6c2cef728fbfa2aa81d4bdf9505fcac3b6c2f002067d203bc7185c73a4b53cce',
  ],
  'spdx/spdx-2.3_trivy-integration-golden_julia.json': [
    'sha256:d6ac63e4e1a70f27ab70e845c0ae83cf961fa53cc3b0f642eb5c170ade0c533f',
    'sha256:92191954942c7052e87a44ce1725a5d241edb78edd6ae6f898f74438d5466203',
  ],
  'trivy/alpine-310_trivy-integration-golden.json': [
    'sha256:b87148adc4b3e15945af058ecadc0227dddd08593ca42398131a0894707b23b6',
    'sha256:261fffcb285a3d008df4dabc28998529210ad1a8930aaa79124b8e0b23ba4622',
  ],
  'trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json': [
    'sha256:f1f90eabb7af749669f4a67fd28462c9b09f438fbe9b155f44dfec08d419ef59',
    'sha256:0a3675c73b08ec37846b232aa5f42ca9c8e625394331c503435c37903fcffae0',
  ],
  'trivy/debian-10.13_defectdojo-issue_9333.json': [
    'sha256:03f6bd9aa37b9f922e1cea599b666f6d598b6d08f31e7cecadcc8a6fa39bb160',
    'sha256:4231619d004673a9bec446257d5d16e32ea8bae9e29bd834ca9a28fc00819f50',
  ],
};

const digestOf = (input: unknown): string => {
  const r = importDocument(input);
  if (E.isLeft(r)) throw new Error(r.left.message);
  const d = digestCanonical(r.right);
  if (E.isLeft(d)) throw new Error(d.left.message);
  return d.right;
};

describe('corpus import digests', () => {
  it('pins every fixture', () => {
    const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    );
    expect(files.map((f) => f.replaceAll('\\', '/')).sort()).toEqual(Object.keys(PINNED).sort());
  });

  for (const [file, [fromBytes, fromValue]] of Object.entries(PINNED)) {
    it(`imports ${file} byte for byte as before`, () => {
      expect(digestOf(fixture(file))).toBe(fromBytes);
      expect(digestOf(fixtureJson(file))).toBe(fromValue);
    });
  }
});
