/**
 * Every corpus file (test/fixtures, copied verbatim from ../shared/corpus; SOURCES.md there
 * describes each) imports with exactly the counts pinned here.
 */
import { describe, expect, it } from 'vitest';
import { importFixture, tally } from './helpers';

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
};

describe('corpus', () => {
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
