import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { importDocument } from '@warrant/formats';
import { importFixture } from './helpers';

const log = (results: unknown[], rules: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'scanner', version: '1.0', rules } }, results, ...extra }],
});

describe('sarif', () => {
  it('keys Snyk results by the CVE in the rule description and derives the Debian purl', () => {
    const r = importFixture('sarif/nginx_snyk-container.sarif.json');
    const apt = r.findings.find((f) =>
      f.vulnerability.aliases.includes('SNYK-DEBIAN12-APT-1541449'),
    );
    expect(apt?.vulnerability.id).toBe('CVE-2011-3374');
    expect(apt?.component).toEqual({
      name: 'libapt-pkg6.0',
      version: '2.6.1',
      purl: 'pkg:deb/debian/libapt-pkg6.0@2.6.1',
      purlSource: 'derived',
    });
    expect(apt?.severity).toEqual({ level: 'low', source: 'rule', raw: 'Low' });
  });

  it('reads Trivy SARIF package lines, security-severity and the image digest', () => {
    const r = importFixture('sarif/nginx_trivy-0.42.1.sarif.json');
    const bsd = r.findings.find((f) => f.component.name === 'bsdutils');
    expect(bsd?.component).toEqual({ name: 'bsdutils', version: '1:2.38.1-5+b1' });
    expect(bsd?.severity).toEqual({ level: 'low', source: 'security-severity', raw: '2.0' });
    expect(bsd?.artifact.digest).toBe(
      'sha256:13d22ec63300e16014d4a42aed735207a8b33c223cff19627dd3042e5a10a3a0',
    );
    expect(r.scanner).toEqual({ name: 'Trivy', version: '0.42.1' });
  });

  it('takes Dependency-Check purls from run.artifacts and its flat CVSS properties', () => {
    const r = importFixture('sarif/dependency-check-6.1.2.sarif.json');
    const f = r.findings.find((x) => x.vulnerability.id === 'CVE-2012-6708');
    expect(f?.component.purl).toBe('pkg:javascript/jquery@1.8.0.min');
    expect(f?.cvss).toEqual([
      { version: '2.0', source: 'NVD', score: 4.3 },
      { version: '3.0', source: 'NVD', score: 6.1 },
    ]);
    expect(f?.severity).toEqual({ level: 'medium', source: 'NVD', raw: 'MEDIUM' });
  });

  it('falls back to the result level, then the rule default, then "warning"', () => {
    const r = importDocument(
      log(
        [
          {
            ruleId: 'CVE-1',
            level: 'error',
            message: { text: 'x' },
            properties: { purl: 'pkg:npm/a@1' },
          },
          { ruleId: 'CVE-2', message: { text: 'x' }, properties: { purl: 'pkg:npm/b@1' } },
          { ruleId: 'CVE-3', message: { text: 'x' }, properties: { purl: 'pkg:npm/c@1' } },
        ],
        [{ id: 'CVE-2', defaultConfiguration: { level: 'note' } }],
      ),
    );
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(
      Object.fromEntries(r.right.findings.map((f) => [f.vulnerability.id, f.severity.level])),
    ).toEqual({
      'CVE-1': 'high',
      'CVE-2': 'low',
      'CVE-3': 'medium',
    });
  });

  it('skips results that name no package, with a warning', () => {
    const r = importDocument(log([{ ruleId: 'js/sql-injection', message: { text: 'tainted' } }]));
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.findings).toEqual([]);
    expect(r.right.warnings).toEqual([
      expect.objectContaining({
        code: 'FORMATS_WARN_CONTENT_IGNORED',
        path: '$.runs[0].results[0]',
      }),
    ]);
  });

  it('refuses other SARIF versions and results without a rule', () => {
    expect(
      E.isLeft(
        importDocument({ version: '2.0.0', runs: [] }, { format: 'sarif' }) as E.Either<
          unknown,
          unknown
        >,
      ),
    ).toBe(true);
    const r = importDocument(log([{ message: { text: 'x' } }]));
    expect(E.isLeft(r) && r.left).toMatchObject({
      code: 'FORMATS_INVALID_DOCUMENT',
      path: '$.runs[0].results[0].ruleId',
    });
  });
});
