import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJsonStrict } from '@warrant/core';
import { runCli } from './run-cli';
import * as E from 'fp-ts/lib/Either.js';

const FIXTURES = fileURLToPath(new URL('../../formats/test/fixtures/', import.meta.url));

/** Runs `warrant <argv>` in-process from the formats fixture folder. */
const warrant = (argv: string[], stdin = '') => runCli(argv, FIXTURES, stdin);

describe('warrant import', () => {
  it('summarizes a Trivy report', async () => {
    const r = await warrant(['import', 'trivy/amazonlinux2-java_trivysummary-testapp-0.0.2.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('findings    149 (critical 2, high 49, medium 78, low 20)');
    expect(r.stdout).toContain(': trivy 2');
  });

  it('prints warnings grouped by code, with the first path', async () => {
    const r = await warrant(['import', 'grype/rhel-8.7_defectdojo-issue_9618.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warnings    1 (FORMATS_WARN_SEVERITY_MISSING 1)');
    expect(r.stdout).toContain(
      'FORMATS_WARN_SEVERITY_MISSING at $.matches[33].vulnerability.severity',
    );
  });

  it('prints canonical JSON with --json, honoring --artifact-digest and --scan-time', async () => {
    const digest = `sha256:${'f'.repeat(64)}`;
    const r = await warrant([
      'import',
      'openvex/trivy.openvex.json',
      '--json',
      '--artifact-digest',
      digest,
      '--scan-time',
      '2026-01-01T00:00:00Z',
    ]);
    expect(r.code).toBe(0);
    const parsed = parseJsonStrict(r.stdout.trimEnd());
    expect(E.isRight(parsed) && (parsed.right as { format: string }).format).toBe('openvex');
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('reads standard input with "-"', async () => {
    const r = await warrant(
      ['import', '-', '--format', 'osv'],
      '{"id":"X-1","modified":"2024-01-01T00:00:00Z"}',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('advisories  1');
  });

  it('exits 2 with the path of the problem on refused documents and bad arguments', async () => {
    const legacy = await warrant(
      ['import', '-'],
      '[{"Target":"alpine:3.10","Vulnerabilities":[]}]',
    );
    expect(legacy.code).toBe(2);
    expect(legacy.stderr).toMatch(/FORMATS_UNSUPPORTED_VERSION at \$: .*pre-2021/);
    const invalid = await warrant(['import', '-'], '{"SchemaVersion":2,"Results":[{"Target":5}]}');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('FORMATS_INVALID_DOCUMENT at $.Results[0].Target');
    expect((await warrant(['import'])).code).toBe(2);
    expect((await warrant(['import', 'x.json', '--format', 'nessus'])).code).toBe(2);
    expect((await warrant(['import', 'missing.json'])).stderr).toMatch(/cannot read missing\.json/);
  });
});
