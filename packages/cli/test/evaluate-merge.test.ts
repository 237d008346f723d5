// `warrant evaluate` over two scanners' reports of one image (test/fixtures/same-image: Trivy
// and Grype of registry.example/shop/api:1.4.2, bound to the same repository digest). They
// share two keys with different ratings: CVE-2023-45853 in zlib1g (Trivy CRITICAL from nvd,
// Grype Negligible from debian) and CVE-2024-2511 in libssl3 (Trivy LOW, Grype Medium).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { decodeVerdict, type Verdict } from '@warrant/policy';
import { runCli } from './run-cli';

const SAME_IMAGE = fileURLToPath(new URL('./fixtures/same-image/', import.meta.url));

const ZLIB = 'sha256:068efdaa8c9cec23c8c55a8227d5db5f14db0f9b07a77d920d40491e55fe1fd2';
const LIBSSL = 'sha256:9320ee778b5fc60c388e5fc3ac31f80472ea3b9d08b8dddfdb28b5b76b28f3c6';

const policy = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-evaluate-merge-'));
  const file = join(dir, 'policy.json');
  writeFileSync(
    file,
    JSON.stringify({
      schema: 'warrant.policy/v1',
      gates: [
        { id: 'no-critical', kind: 'severity', at_or_above: 'critical', action: 'fail' },
        { id: 'medium-warn', kind: 'severity', at_or_above: 'medium', action: 'warn' },
      ],
    }),
  );
  return file;
};

const evaluate = (findings: ReadonlyArray<string>, ...extra: string[]) =>
  runCli(
    [
      'evaluate',
      '--policy',
      policy(),
      '--now',
      '2026-02-01T00:00:00Z',
      ...findings.flatMap((f) => ['--findings', f]),
      ...extra,
    ],
    SAME_IMAGE,
  );

const verdict = (stdout: string): Verdict => {
  const v = decodeVerdict(JSON.parse(stdout));
  if (E.isLeft(v)) throw new Error('the verdict does not decode');
  return v.right;
};

const warning = (key: string, vuln: string, purl: string, files: string): string =>
  `warrant evaluate: warning: finding ${key} (${vuln} in ${purl}) is in ${files}: merged (finding-v1 section 3.2)\n`;

describe('warrant evaluate: one key from several --findings files', () => {
  it('merges them (the more severe rating wins) and names each merged key on stderr', async () => {
    const r = await evaluate(['trivy.json', 'grype.json'], '--json');
    expect(r.code).toBe(1);
    const v = verdict(r.stdout);
    expect(v.outcome).toBe('fail');
    expect(v.findings.map((f) => [f.vulnerability, f.severity])).toEqual([
      ['CVE-2023-45853', 'critical'], // Trivy's nvd CRITICAL over Grype's debian Negligible
      ['CVE-2024-28182', 'medium'], // Trivy only
      ['CVE-2024-2511', 'medium'], // Grype's Medium over Trivy's LOW
      ['CVE-2024-6119', 'high'], // Grype only
    ]);
    expect(v.findings.find((f) => f.key === ZLIB)?.gates).toEqual(['medium-warn', 'no-critical']);
    // The component kept is the smaller one: Grype's purl (distro=debian-12 < debian-12.8).
    expect(r.stderr).toBe(
      warning(
        ZLIB,
        'CVE-2023-45853',
        'pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12',
        'trivy.json, grype.json',
      ) +
        warning(
          LIBSSL,
          'CVE-2024-2511',
          'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
          'trivy.json, grype.json',
        ),
    );
  });

  it('gives byte-identical verdicts whatever the file order; warnings name files as given', async () => {
    const a = await evaluate(['trivy.json', 'grype.json'], '--json');
    const b = await evaluate(['grype.json', 'trivy.json'], '--json');
    expect(b.code).toBe(a.code);
    expect(b.stdoutBytes).toEqual(a.stdoutBytes);
    expect(b.stderr).toBe(a.stderr.replaceAll('trivy.json, grype.json', 'grype.json, trivy.json'));
    // The readable summary takes the same warnings; stdout holds only the summary.
    const s = await evaluate(['grype.json', 'trivy.json']);
    expect(s.code).toBe(1);
    expect(s.stderr).toBe(b.stderr);
    expect(s.stdout).toMatch(/^outcome: FAIL/);
  });

  it('changes the outcome a single scanner gives: Grype alone warns, merged with Trivy fails', async () => {
    const grype = await evaluate(['grype.json'], '--json');
    expect(grype.code).toBe(0);
    expect(verdict(grype.stdout).outcome).toBe('warn');
    expect(grype.stderr).toBe('');
    const trivy = await evaluate(['trivy.json'], '--json');
    expect(trivy.code).toBe(1);
    expect(trivy.stderr).toBe('');
  });

  it('leaves a file merged with itself unchanged (the rule is idempotent)', async () => {
    const once = await evaluate(['trivy.json'], '--json');
    const twice = await evaluate(['trivy.json', 'trivy.json'], '--json');
    expect(twice.code).toBe(once.code);
    expect(twice.stdoutBytes).toEqual(once.stdoutBytes);
    expect(twice.stderr.match(/: merged \(finding-v1 section 3\.2\)\n/g)).toHaveLength(3);
  });

  it('--no-merge refuses a key two files report differently, exit 2, stdout empty', async () => {
    const r = await evaluate(['trivy.json', 'grype.json'], '--no-merge', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `warrant evaluate: grype.json: finding ${ZLIB} (CVE-2023-45853 in pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12) is also in trivy.json with different content (scanner, severity, fix…); with --no-merge a verdict takes one scan per artifact (drop --no-merge to merge them)\n`,
    );
    // Identical findings are still taken once, silently.
    const same = await evaluate(['trivy.json', 'trivy.json'], '--no-merge', '--json');
    const once = await evaluate(['trivy.json'], '--json');
    expect(same.code).toBe(1);
    expect(same.stderr).toBe('');
    expect(same.stdoutBytes).toEqual(once.stdoutBytes);
  });

  it('documents the merge and --no-merge in its help', async () => {
    const r = await runCli(['evaluate', '--help'], SAME_IMAGE);
    expect(r.stdout + r.stderr).toContain('--no-merge');
    expect(r.stdout + r.stderr).toContain('finding-v1 section 3.2');
  });
});
