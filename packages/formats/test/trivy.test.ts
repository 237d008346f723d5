import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { importDocument, type FormatsError } from '@warrant/formats';
import { fixtureJson, importFixture } from './helpers';

const left = (r: E.Either<FormatsError, unknown>): FormatsError => {
  if (E.isRight(r)) throw new Error('expected a refusal');
  return r.left;
};

const minimal = (vulns: unknown[], extra: Record<string, unknown> = {}) => ({
  SchemaVersion: 2,
  ArtifactName: 'img',
  ArtifactType: 'container_image',
  Metadata: { OS: { Family: 'debian', Name: '12.1' } },
  Results: [
    { Target: 'img (debian 12.1)', Class: 'os-pkgs', Type: 'debian', Vulnerabilities: vulns },
  ],
  ...extra,
});

describe('trivy', () => {
  it('refuses the pre-2021 array form, never half-importing it', () => {
    const e = left(
      importDocument([{ Target: 'alpine:3.10', Type: 'alpine', Vulnerabilities: [] }]),
    );
    expect(e.code).toBe('FORMATS_UNSUPPORTED_VERSION');
    expect(e.message).toMatch(/pre-2021/);
    const forced = left(
      importDocument([{ Target: 'x', Vulnerabilities: [] }], { format: 'trivy' }),
    );
    expect(forced.code).toBe('FORMATS_UNSUPPORTED_VERSION');
  });

  it('refuses schema versions other than 2', () => {
    const e = left(importDocument({ SchemaVersion: 3, Results: [] }));
    expect(e).toMatchObject({ code: 'FORMATS_UNSUPPORTED_VERSION', path: '$.SchemaVersion' });
  });

  it('splits comma-separated FixedVersion and sorts it', () => {
    const r = importFixture('trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json');
    const f = r.findings.find(
      (x) => x.vulnerability.id === 'CVE-2023-6378' && x.component.name.endsWith('logback-classic'),
    );
    expect(f?.fix).toEqual({ state: 'fixed', versions: ['1.2.13', '1.3.12', '1.4.12'] });
    expect(f?.locations).toEqual([
      {
        path: 'app/libs/logback-classic-1.2.12.jar',
        layer: 'sha256:3c863e0bc8b73779b3252ebfa4d9614ac83140f811e52d77fc63af3d7ef54510',
      },
    ]);
  });

  it('normalizes CreatedAt with an offset and nanoseconds to UTC milliseconds', () => {
    const r = importFixture('trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json');
    expect(r.findings[0]?.scanTime).toBe('2023-08-10T20:47:37.255Z');
  });

  it('keeps PkgIdentifier.PURL in canonical form and marks it as from the document', () => {
    const r = importFixture('trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json');
    const f = r.findings.find((x) => x.component.name === 'ca-certificates');
    expect(f?.component).toEqual({
      name: 'ca-certificates',
      version: '2021.2.50-72.amzn2.0.7',
      purl: 'pkg:rpm/amazon/ca-certificates@2021.2.50-72.amzn2.0.7?arch=noarch&distro=amazon-2%2B%28Karoo%29',
      purlSource: 'document',
    });
  });

  it('derives purls from the OS family when PkgIdentifier is absent', () => {
    const r = importFixture('trivy/debian-10.13_defectdojo-issue_9333.json');
    const apt = r.findings.find((x) => x.component.name === 'apt');
    expect(apt?.component).toMatchObject({
      purl: 'pkg:deb/debian/apt@1.8.2.3',
      purlSource: 'derived',
    });
    const npm = r.findings.find((x) => x.component.name === 'tough-cookie');
    expect(npm?.component.purl).toBeUndefined();
    expect(r.warnings[0]).toMatchObject({
      code: 'FORMATS_WARN_PURL_NOT_DERIVABLE',
      path: '$.Results[0].Vulnerabilities[12]',
    });
  });

  it('derives language purls from the result Type (maven group:artifact)', () => {
    const doc = minimal([]);
    (doc.Results as unknown[]).push({
      Target: 'Java',
      Class: 'lang-pkgs',
      Type: 'jar',
      Vulnerabilities: [
        {
          VulnerabilityID: 'CVE-2022-1471',
          PkgName: 'org.yaml:snakeyaml',
          InstalledVersion: '1.30',
          Severity: 'HIGH',
        },
      ],
    });
    const r = importDocument(doc);
    expect(E.isRight(r) && r.right.findings[0]?.component.purl).toBe(
      'pkg:maven/org.yaml/snakeyaml@1.30',
    );
  });

  it('records a missing or unrecognized severity as unknown, with a warning', () => {
    const r = importDocument(
      minimal([
        { VulnerabilityID: 'CVE-1', PkgName: 'a', InstalledVersion: '1' },
        { VulnerabilityID: 'CVE-2', PkgName: 'b', InstalledVersion: '1', Severity: 'SEVERE' },
      ]),
    );
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.findings.map((f) => f.severity.level)).toEqual(['unknown', 'unknown']);
    expect(r.right.warnings.map((w) => [w.code, w.path])).toEqual([
      ['FORMATS_WARN_SEVERITY_MISSING', '$.Results[0].Vulnerabilities[0].Severity'],
      ['FORMATS_WARN_SEVERITY_UNRECOGNIZED', '$.Results[0].Vulnerabilities[1].Severity'],
    ]);
  });

  it('maps Status to the fix state, deriving it from FixedVersion when Status is absent', () => {
    const r = importDocument(
      minimal([
        {
          VulnerabilityID: 'CVE-1',
          PkgName: 'a',
          InstalledVersion: '1',
          FixedVersion: '2',
          Severity: 'LOW',
        },
        { VulnerabilityID: 'CVE-2', PkgName: 'b', InstalledVersion: '1', Severity: 'LOW' },
        {
          VulnerabilityID: 'CVE-3',
          PkgName: 'c',
          InstalledVersion: '1',
          Status: 'will_not_fix',
          Severity: 'LOW',
        },
        {
          VulnerabilityID: 'CVE-4',
          PkgName: 'd',
          InstalledVersion: '1',
          Status: 'fix_deferred',
          Severity: 'LOW',
        },
      ]),
    );
    if (E.isLeft(r)) throw new Error(r.left.message);
    const byId = Object.fromEntries(r.right.findings.map((f) => [f.vulnerability.id, f.fix.state]));
    expect(byId).toEqual({
      'CVE-1': 'fixed',
      'CVE-2': 'unknown',
      'CVE-3': 'wont_fix',
      'CVE-4': 'deferred',
    });
  });

  it('refuses wrong types with every issue and its JSON path', () => {
    const e = left(
      importDocument(
        minimal([
          { VulnerabilityID: 5, PkgName: 'a' },
          { VulnerabilityID: 'CVE-1', PkgName: ['x'], FixedVersion: 3 },
        ]),
      ),
    );
    expect(e.code).toBe('FORMATS_INVALID_DOCUMENT');
    expect(e.path).toBe('$.Results[0].Vulnerabilities[0].VulnerabilityID');
    expect('issues' in e && e.issues?.map((i) => i.path)).toEqual([
      '$.Results[0].Vulnerabilities[0].VulnerabilityID',
      '$.Results[0].Vulnerabilities[1].PkgName',
      '$.Results[0].Vulnerabilities[1].FixedVersion',
    ]);
  });

  it('prefers a repo digest over the image id, and lets the caller override both', () => {
    const doc = minimal([], {
      Metadata: {
        ImageID: `sha256:${'1'.repeat(64)}`,
        RepoDigests: [`r/b@sha256:${'3'.repeat(64)}`, `r/a@sha256:${'2'.repeat(64)}`],
      },
    });
    const r = importDocument(doc);
    expect(E.isRight(r) && r.right.artifact.digest).toBe(`sha256:${'2'.repeat(64)}`);
    const o = importDocument(doc, { artifactDigest: `sha256:${'4'.repeat(64)}` as never });
    expect(E.isRight(o) && o.right.artifact.digest).toBe(`sha256:${'4'.repeat(64)}`);
  });

  it('reads the corpus file identically from bytes and from a parsed value, except the digest kind', () => {
    const name = 'trivy/alpine-310_trivy-integration-golden.json';
    const fromBytes = importFixture(name);
    const fromJson = importDocument(fixtureJson(name) as never);
    if (E.isLeft(fromJson)) throw new Error(fromJson.left.message);
    expect(fromJson.right.findings).toEqual(fromBytes.findings);
    expect(fromBytes.source.digestOf).toBe('bytes');
    expect(fromJson.right.source.digestOf).toBe('canonical-json');
  });

  it('records a caller-given source digest as given, for bytes and parsed input alike', () => {
    const name = 'trivy/alpine-310_trivy-integration-golden.json';
    const sourceDigest = `sha256:${'9'.repeat(64)}` as never;
    const a = importDocument(fixtureJson(name), { sourceDigest });
    expect(E.isRight(a) && a.right.source).toEqual({
      digest: `sha256:${'9'.repeat(64)}`,
      digestOf: 'given',
    });
    expect(() => importDocument({}, { sourceDigest: 'sha256:x' as never })).toThrow(TypeError);
  });
});
