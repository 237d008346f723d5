/**
 * Every corpus file (test/fixtures, copied verbatim from ../shared/corpus; SOURCES.md there
 * describes each) imports with exactly the counts pinned here.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importFixture, tally } from './helpers';

const FIXTURES = join(import.meta.dirname, 'fixtures');

interface Expected {
  readonly format: string;
  readonly findings?: number;
  readonly severity?: Record<string, number>;
  readonly fix?: Record<string, number>;
  readonly components?: number;
  readonly vex?: Record<string, number>;
  readonly knowledge?: number;
  readonly warnings?: Record<string, number>;
  readonly artifactDigest?: string;
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  // "4 MEDIUM vulns in libcrypto1.1/libssl1.1"
  'trivy/alpine-310_trivy-integration-golden.json': {
    format: 'trivy',
    findings: 4,
    severity: { medium: 4 },
    fix: { fixed: 4 },
    artifactDigest: 'sha256:961769676411f082461f9ef46626dd7a2d1e2b2a38e6a44364bcbecf51e66dd4',
  },
  // "13 vulns (12 LOW Status=affected without FixedVersion, 1 MEDIUM fixed)"; no PURLs: all
  // derived except the npm package listed under the Debian result (PkgPath set).
  'trivy/debian-10.13_defectdojo-issue_9333.json': {
    format: 'trivy',
    findings: 13,
    severity: { low: 12, medium: 1 },
    fix: { not_fixed: 12, fixed: 1 },
    warnings: { FORMATS_WARN_PURL_NOT_DERIVABLE: 1 },
    artifactDigest: 'sha256:22ae3921bdaac434bb4cb92dbbc209e46b1f3f70e9fa0b5fbbb43ce7d452c72d',
  },
  // "149 vulns (2 CRITICAL/49 HIGH/78 MEDIUM/20 LOW; 139 os-pkgs + 10 jar)"
  'trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json': {
    format: 'trivy',
    findings: 149,
    severity: { critical: 2, high: 49, medium: 78, low: 20 },
    fix: { fixed: 149 },
    artifactDigest: 'sha256:8e7d270bd2742642930e42a157f30531bad0d595376b172b453b7f08dc457fb4',
  },
  // "35 matches (fixed/not-fixed/wont-fix); one nvd:cpe match has no severity key at all"
  'grype/rhel-8.7_defectdojo-issue_9618.json': {
    format: 'grype',
    findings: 35,
    severity: { critical: 1, high: 18, medium: 13, low: 2, unknown: 1 },
    fix: { fixed: 23, not_fixed: 11, wont_fix: 1 },
    warnings: { FORMATS_WARN_SEVERITY_MISSING: 1 },
    artifactDigest: 'sha256:97e6d5aeed19f627205b218f45b284cd01ff658dd181416ab1d3e21aeb28d68e',
  },
  // "6 matches, all Low + fix.state wont-fix"
  'grype/keycloak-21.0.2_grype-explain-testdata.json': {
    format: 'grype',
    findings: 6,
    severity: { low: 6 },
    fix: { wont_fix: 6 },
  },
  // "6 matches incl. Negligible severity": two are byte-identical Django matches, merged.
  'grype/debian-10_defectdojo-check_all_fields.json': {
    format: 'grype',
    findings: 5,
    severity: { critical: 2, high: 2, negligible: 1 },
    fix: { wont_fix: 3, fixed: 1, not_fixed: 1 },
    warnings: { FORMATS_WARN_DUPLICATE_MERGED: 1 },
  },
  // "15 matches … fix.state is "" (empty string) on 14 matches"
  'grype/busybox-1.32.1_defectdojo-epss.json': {
    format: 'grype',
    findings: 15,
    severity: { critical: 1, high: 10, medium: 2, low: 2 },
    fix: { unknown: 14, fixed: 1 },
  },
  // "13 results but driver.rules is empty; severity only in results[].properties (e.g. RETIREJS)"
  'sarif/dependency-check-6.1.2.sarif.json': {
    format: 'sarif',
    findings: 13,
    severity: { medium: 12, low: 1 },
    fix: { unknown: 13 },
  },
  // "65 rules/65 results (level note), SNYK-DEBIAN12-* rule ids, plus a second empty run"
  'sarif/nginx_snyk-container.sarif.json': {
    format: 'sarif',
    findings: 65,
    severity: { low: 65 },
    fix: { unknown: 65 },
  },
  // "64 rules, 99 results (error/warning/note)": Trivy's SARIF names no ecosystem, so no purls.
  'sarif/nginx_trivy-0.42.1.sarif.json': {
    format: 'sarif',
    findings: 99,
    severity: { high: 3, medium: 21, low: 75 },
    fix: { unknown: 99 },
    warnings: { FORMATS_WARN_PURL_NOT_DERIVABLE: 99 },
    artifactDigest: 'sha256:13d22ec63300e16014d4a42aed735207a8b33c223cff19627dd3042e5a10a3a0',
  },
  // "114 components, 115 dependencies, 13 vulnerabilities"
  'cyclonedx/cdx-1.5_trivy-0.52.0_poetry-lock_13-vulns.json': {
    format: 'cyclonedx',
    findings: 13,
    severity: { high: 5, medium: 7, low: 1 },
    fix: { fixed: 13 },
    components: 114,
  },
  // "86 components, 2 vulnerabilities (ratings CVSSv31 + "CVSSv4")"
  'cyclonedx/cdx-1.4_trivy-0.38.3_container.json': {
    format: 'cyclonedx',
    findings: 2,
    severity: { high: 1, medium: 1 },
    fix: { fixed: 2 },
    components: 86,
    artifactDigest: 'sha256:73d3494bb53ebe41f806c08fc356c000c21fe4a5eddf23907646c4eab784ea19',
  },
  // "33 components, 2 vulnerabilities (CVE-2024-4741, CVE-2024-5535)", each in libcrypto3 and libssl3.
  'cyclonedx/cdx-1.6_trivy-0.53.0_container.json': {
    format: 'cyclonedx',
    findings: 4,
    severity: { critical: 2, high: 2 },
    fix: { fixed: 4 },
    components: 33,
    artifactDigest: 'sha256:9a00e4ce32c80fc7a0d7745dafcb8e7eed2c1045724b61c28d353ca98ee5fb9a',
  },
  // "15 components, no vulnerabilities"
  'cyclonedx/cdx-1.4_syft-0.58.0_alpine.json': { format: 'cyclonedx', components: 15 },
  // "124 packages (purl/cpe externalRefs)": one purl has a malformed percent-escape.
  'spdx/spdx-2.3_trivy-0.58.0_secobserve-backend-image.json': {
    format: 'spdx',
    components: 124,
    warnings: { FORMATS_WARN_PURL_INVALID: 1 },
  },
  // "4 packages, 5 files, snippets"
  'spdx/spdx-2.3_official-example.spdx.json': { format: 'spdx', components: 4 },
  // "5 packages, 5 relationships"
  'spdx/spdx-2.3_trivy-integration-golden_julia.json': { format: 'spdx', components: 5 },
  // "21 not_affected statements"
  'openvex/trivy.openvex.json': { format: 'openvex', vex: { not_affected: 21 } },
  // "28 not_affected statements from govulncheck"
  'openvex/rancher-confd_scan.openvex.json': { format: 'openvex', vex: { not_affected: 28 } },
  // legacy pre-0.2: one under_investigation statement
  'openvex/vexctl-testdata_v0.0.1-legacy.vex.json': {
    format: 'openvex',
    vex: { under_investigation: 1 },
  },
  // "9 components + 13 vulnerabilities, analysis.state exploitable/not_affected/in_triage"
  'cyclonedx-vex/cdx-1.6_secobserve-vex.json': {
    format: 'cyclonedx',
    components: 9,
    vex: { affected: 11, not_affected: 1, under_investigation: 1 },
  },
  // "19 vulnerabilities, states resolved/exploitable/not_affected/in_triage"
  'cyclonedx-vex/cdx-1.4_cisa-use-case-3_vex.json': {
    format: 'cyclonedx',
    vex: { fixed: 3, affected: 5, not_affected: 6, under_investigation: 5 },
  },
  // "known_not_affected … 26 relationships": one statement per product id
  'csaf-vex/redhat_cve-2024-3094.json': { format: 'csaf', vex: { not_affected: 26 } },
  // "fixed + known_affected … 36 relationships"
  'csaf-vex/redhat_rhsa-2023_1441.json': { format: 'csaf', vex: { fixed: 35, affected: 1 } },
  'osv/GO-2023-2102.json': { format: 'osv', knowledge: 1 },
  'osv/GHSA-838r-hvwh-24h8.json': { format: 'osv', knowledge: 1 },
  'osv/UBUNTU-CVE-2025-38094.json': { format: 'osv', knowledge: 1 },
};

describe('corpus', () => {
  it('covers every fixture', () => {
    const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    );
    expect(files.map((f) => f.replaceAll('\\', '/')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`imports ${file}`, () => {
      const r = importFixture(file);
      expect(r.format).toBe(want.format);
      expect(r.findings.length).toBe(want.findings ?? 0);
      expect(tally(r.findings, (f) => f.severity.level)).toEqual(want.severity ?? {});
      expect(tally(r.findings, (f) => f.fix.state)).toEqual(want.fix ?? {});
      expect(r.components.length).toBe(want.components ?? 0);
      expect(tally(r.vexStatements, (s) => s.status)).toEqual(want.vex ?? {});
      expect(r.knowledge.length).toBe(want.knowledge ?? 0);
      expect(tally(r.warnings, (w) => w.code)).toEqual(want.warnings ?? {});
      if (want.artifactDigest !== undefined) expect(r.artifact.digest).toBe(want.artifactDigest);
    });
  }
});
