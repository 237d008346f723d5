/**
 * A realistic, seeded findings document for the canonical JSON and strict parser benchmarks.
 *
 * Shaped like a normalized scanner report (Trivy/Grype-style vulnerability findings): nested
 * objects whose keys are in producer order (not sorted), digests, purls, CVSS vectors, prose
 * with some non-ASCII text, URLs, integers and fractions. Deterministic: the same count gives
 * the same document, byte for byte (xorshift32 PRNG, no Math.random, no clock).
 * @module
 */

/** A JSON-compatible value, as the benchmarks feed it to the serializers. */
export type FixtureValue =
  null | boolean | number | string | FixtureValue[] | { [key: string]: FixtureValue };

/**
 * Builds a findings document with `count` findings.
 * @param count - number of findings (the benchmark uses 100,000)
 * @param seed - PRNG seed
 * @returns the document
 */
export const buildFindingsDocument = (count: number, seed = 0x5eed): FixtureValue => {
  const rnd = xorshift(seed);
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rnd() * xs.length)] as T;
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += HEX[Math.floor(rnd() * 16)];
    return s;
  };
  const findings: FixtureValue[] = [];
  for (let i = 0; i < count; i++) {
    const eco = pick(ECOSYSTEMS);
    const name = `${pick(WORDS)}-${pick(WORDS)}`;
    const version = `${Math.floor(rnd() * 12)}.${Math.floor(rnd() * 30)}.${Math.floor(rnd() * 100)}`;
    const year = 2015 + Math.floor(rnd() * 11);
    const cve = `CVE-${year}-${1000 + Math.floor(rnd() * 60000)}`;
    const score = Math.round(rnd() * 100) / 10;
    findings.push({
      id: `finding-${i.toString().padStart(6, '0')}`,
      vulnerabilityId: cve,
      severity: pick(SEVERITIES),
      package: {
        name,
        version,
        purl: `pkg:${eco}/${name}@${version}?arch=x86_64&distro=${pick(DISTROS)}`,
        ecosystem: eco,
        licenses: rnd() < 0.8 ? [pick(LICENSES)] : [pick(LICENSES), pick(LICENSES)],
      },
      fixedVersion: rnd() < 0.7 ? `${version}-r${1 + Math.floor(rnd() * 9)}` : null,
      status: pick(STATUSES),
      cvss: {
        version: '3.1',
        baseScore: score,
        vector: `CVSS:3.1/AV:${pick(['N', 'A', 'L', 'P'])}/AC:${pick(['L', 'H'])}/PR:${pick(['N', 'L', 'H'])}/UI:${pick(['N', 'R'])}/S:${pick(['U', 'C'])}/C:${pick(['N', 'L', 'H'])}/I:${pick(['N', 'L', 'H'])}/A:${pick(['N', 'L', 'H'])}`,
      },
      epss: Math.round(rnd() * 1e6) / 1e6,
      title: `${pick(TITLES)} in ${name}`,
      description: `${pick(PROSE)} ${pick(PROSE)} Affects ${name} ${version}.`,
      references: [
        `https://nvd.nist.gov/vuln/detail/${cve}`,
        `https://security-tracker.example.org/${eco}/${name}/${cve.toLowerCase()}`,
      ],
      layer: { digest: `sha256:${hex(64)}`, diffId: `sha256:${hex(64)}` },
      publishedDate: `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}T${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}:00Z`,
      dataSource: { id: pick(DISTROS), name: `${pick(DISTROS)} Security Tracker` },
      suppressed: rnd() < 0.05,
    });
  }
  return {
    schemaVersion: 2,
    artifact: {
      name: 'registry.example.com/payments/api:1.42.0',
      digest: `sha256:${hex(64)}`,
      type: 'container_image',
    },
    generatedBy: { tool: 'scanner', version: '0.58.1' },
    findings,
  };
};

const pad = (n: number): string => n.toString().padStart(2, '0');

const xorshift = (seed: number): (() => number) => {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
};

const HEX = '0123456789abcdef';
const ECOSYSTEMS = ['apk', 'deb', 'rpm', 'npm', 'pypi', 'maven', 'golang', 'cargo'];
const DISTROS = ['alpine', 'debian', 'ubuntu', 'rhel', 'amazon', 'wolfi'];
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
const STATUSES = ['fixed', 'affected', 'will_not_fix', 'fix_deferred'];
const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-2.0-only', 'LGPL-2.1-or-later'];
const WORDS = ['lib', 'core', 'ssl', 'xml', 'http', 'zlib', 'json', 'yaml', 'crypto', 'utils'];
const TITLES = [
  'Heap buffer overflow',
  'Out-of-bounds read',
  'Use-after-free',
  'Improper certificate validation',
  'Regular expression denial of service',
  'Path traversal',
];
const PROSE = [
  'A flaw was found in the parser when handling crafted input.',
  'An attacker could exploit this to cause a denial of service.',
  'Remote code execution is possible under specific configurations.',
  'Le correctif est disponible dans la version suivante (sécurité).',
  'The "strict" mode does not apply to nested\tstructures.',
  'Ein Angreifer kann Speicher außerhalb der Grenzen lesen.',
];
