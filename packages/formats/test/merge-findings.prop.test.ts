/**
 * Laws of mergeFindings (finding-v1 section 3.2): any permutation or grouping of the inputs gives
 * identical canonical bytes, merging a set with itself changes nothing, no key is ever lost, and
 * merging the documents a scan was split into equals importing the whole scan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  findingKey,
  type CvssScore,
  type Finding,
  type FixState,
  type Location,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';
import { formatFormatsError, importDocument, mergeFindings } from '@warrant/formats';
import { mergeFindingPair } from '../src/internal/findings';

const bytes = (findings: ReadonlyArray<Finding>): string => {
  const c = canonicalize(findings);
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

// --- generators ------------------------------------------------------------

// Small pools so that keys collide often and every tie-break (absent vs "", one instant spelled
// two ways) is exercised.
const opt = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> =>
  fc.option(arb, { nil: undefined });
const subset = <A>(pool: ReadonlyArray<A>): fc.Arbitrary<A[]> =>
  fc.subarray([...pool], { minLength: 0 });
const strip = <A extends object>(o: A): A =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as A;

const DIGEST = `sha256:${'a'.repeat(64)}` as Sha256Digest;
const CVSS: ReadonlyArray<CvssScore> = [
  { version: '3.1', source: 'nvd', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  { version: '3.1', source: 'nvd', score: 9.8 },
  { version: '3.1', score: 9.8 },
  { version: '3.1', source: '', score: 9.8 },
  { version: '2.0', source: 'redhat', score: 5 },
];
const LOCATIONS: ReadonlyArray<Location> = [
  { path: '/usr/lib' },
  { path: '' },
  { layer: 'sha256:1' },
  { path: '/usr/lib', layer: 'sha256:1' },
];
const FIX_STATES: ReadonlyArray<FixState> = [
  'fixed',
  'not_fixed',
  'wont_fix',
  'deferred',
  'end_of_life',
  'unknown',
];

const finding: fc.Arbitrary<Finding> = fc
  .record({
    digest: opt(fc.constant(DIGEST)),
    artifactName: opt(fc.constantFrom('', 'img:1', 'img:2')),
    id: fc.constantFrom('CVE-2024-1', 'CVE-2024-2'),
    aliases: subset(['GHSA-1', 'GHSA-2', 'OSV-1']),
    purl: opt(fc.constantFrom('pkg:deb/debian/zlib@1', 'pkg:npm/x@2')),
    name: fc.constantFrom('zlib', 'zlib1g'),
    version: opt(fc.constantFrom('', '1')),
    purlSource: fc.constantFrom('document' as const, 'derived' as const),
    level: fc.constantFrom('critical', 'high', 'low', 'unknown' as const),
    source: opt(fc.constantFrom('', 'nvd', 'debian')),
    raw: opt(fc.constantFrom('', 'HIGH')),
    cvss: subset(CVSS),
    state: fc.constantFrom(...FIX_STATES),
    versions: subset(['1.1', '1.2']),
    locations: subset(LOCATIONS),
    scanner: fc.constantFrom(
      { name: 'grype' },
      { name: 'grype', version: '0.9' },
      { name: 'trivy' },
    ),
    scanTime: opt(
      fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z', '2023-12-31T23:00:00Z'),
    ),
    title: opt(fc.constantFrom('', 'a', 'b')),
  })
  .map((r): Finding => {
    const component = strip({
      name: r.name,
      version: r.version,
      purl: r.purl,
      purlSource: r.purl === undefined ? undefined : r.purlSource,
    });
    const f = strip({
      key: findingKey({
        artifactDigest: r.digest,
        vulnerabilityId: r.id,
        component: r.purl ?? { name: r.name, version: r.version },
      }),
      vulnerability: { id: r.id, aliases: r.aliases },
      component,
      artifact: strip({ digest: r.digest, name: r.artifactName }),
      severity: strip({ level: r.level, source: r.source, raw: r.raw }),
      cvss: r.cvss,
      fix: { state: r.state, versions: r.versions },
      locations: r.locations,
      scanner: r.scanner,
      scanTime: r.scanTime as Timestamp | undefined,
      title: r.title,
    }) as Finding;
    // Normalized, as importers return findings: arrays in section 8 / 3 order, unique.
    return mergeFindingPair(f, f);
  });

/** A list split into consecutive groups at the given cut points. */
const group = <A>(list: ReadonlyArray<A>, cuts: ReadonlyArray<number>): A[][] => {
  const at = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const out: A[][] = [];
  let from = 0;
  for (const c of [...at, list.length]) {
    out.push(list.slice(from, c));
    from = c;
  }
  return out;
};

const findingsAndGroupings = fc.record({
  list: fc.array(finding, { maxLength: 12 }),
  cuts: fc.array(fc.nat(), { maxLength: 4 }),
  otherCuts: fc.array(fc.nat(), { maxLength: 4 }),
  seed: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
});

const shuffle = <A>(list: ReadonlyArray<A>, seed: ReadonlyArray<number>): A[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed[i % seed.length] as number) % (i + 1);
    [out[i], out[j]] = [out[j] as A, out[i] as A];
  }
  return out;
};

// --- laws ------------------------------------------------------------------

describe('mergeFindings laws', () => {
  it('is commutative and associative: any permutation or grouping gives identical bytes', () => {
    fc.assert(
      fc.property(findingsAndGroupings, ({ list, cuts, otherCuts, seed }) => {
        const expected = bytes(mergeFindings([list]).findings);
        const shuffled = shuffle(list, seed);
        expect(bytes(mergeFindings(group(shuffled, cuts)).findings)).toBe(expected);
        expect(bytes(mergeFindings(shuffle(group(list, otherCuts), seed)).findings)).toBe(expected);
        // Merging merged parts again: (a + b) + c = a + (b + c).
        const parts = group(shuffled, cuts).map((p) => mergeFindings([p]).findings);
        expect(bytes(mergeFindings(parts).findings)).toBe(expected);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('is pairwise commutative and associative on findings with one key', () => {
    const sameKey = finding.chain((f) =>
      fc.array(finding, { minLength: 2, maxLength: 2 }).map((more) => [
        f,
        ...more.map((m): Finding => ({
          ...m,
          key: f.key,
          vulnerability: { ...m.vulnerability, id: f.vulnerability.id },
          artifact: strip({
            digest: f.artifact.digest,
            name: m.artifact.name,
          }) as Finding['artifact'],
        })),
      ]),
    );
    // Three findings forced onto one key (same id and artifact digest, everything else free),
    // so every member's pick is exercised, not only those of keys that happen to collide.
    fc.assert(
      fc.property(sameKey, ([a, b, c]) => {
        const ab = mergeFindingPair(a as Finding, b as Finding);
        const ba = mergeFindingPair(b as Finding, a as Finding);
        expect(bytes([ab])).toBe(bytes([ba]));
        const left = mergeFindingPair(ab, c as Finding);
        const right = mergeFindingPair(a as Finding, mergeFindingPair(b as Finding, c as Finding));
        expect(bytes([left])).toBe(bytes([right]));
      }),
      { seed: 4243, numRuns: 500 },
    );
  });

  it('is idempotent: merging a set with itself, or a merged set again, changes nothing', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), (list) => {
        const once = mergeFindings([list]).findings;
        expect(bytes(mergeFindings([list, list]).findings)).toBe(bytes(once));
        expect(bytes(mergeFindings([once]).findings)).toBe(bytes(once));
        expect(mergeFindings([once]).merged).toEqual([]);
      }),
      { seed: 4244, numRuns: 200 },
    );
  });

  it('never loses a key, sorts by key, and reports exactly the keys held more than once', () => {
    fc.assert(
      fc.property(findingsAndGroupings, ({ list, cuts }) => {
        const inputs = group(list, cuts);
        const { findings, merged } = mergeFindings(inputs);
        const keys = findings.map((f) => f.key);
        expect(new Set(keys)).toEqual(new Set(list.map((f) => f.key)));
        expect(keys).toEqual([...new Set(keys)].sort());
        const expected = keys.flatMap((key) => {
          const holders = inputs.flatMap((inp, i) => (inp.some((f) => f.key === key) ? [i] : []));
          const count = list.filter((f) => f.key === key).length;
          return count > 1 ? [{ key, inputs: holders, count }] : [];
        });
        expect(merged).toEqual(expected);
      }),
      { seed: 4245, numRuns: 200 },
    );
  });
});

// --- across documents = within one document ---------------------------------

const trivyRecord = fc.record({
  VulnerabilityID: fc.constantFrom('CVE-2024-1', 'CVE-2024-2'),
  PkgName: fc.constantFrom('zlib1g', 'openssl'),
  InstalledVersion: fc.constantFrom('1.0', '1.1'),
  Severity: fc.constantFrom('CRITICAL', 'HIGH', 'LOW', 'UNKNOWN'),
  SeveritySource: fc.constantFrom('nvd', 'debian'),
  FixedVersion: fc.constantFrom('', '1.2', '1.2, 1.3'),
  Status: fc.constantFrom('fixed', 'affected', 'will_not_fix'),
  PkgPath: fc.constantFrom('/a', '/b'),
  Title: fc.constantFrom('t1', 't2'),
});

const trivyDoc = (records: ReadonlyArray<unknown>) => ({
  SchemaVersion: 2,
  CreatedAt: '2024-05-01T10:00:00Z',
  ArtifactName: 'img:1',
  ArtifactType: 'container_image',
  Metadata: { OS: { Family: 'debian', Name: '12.1' }, RepoDigests: [`img@${DIGEST}`] },
  Results: [
    { Target: 'img (debian 12.1)', Class: 'os-pkgs', Type: 'debian', Vulnerabilities: records },
  ],
});

const importedFindings = (doc: unknown): ReadonlyArray<Finding> => {
  const r = importDocument(doc);
  if (E.isLeft(r)) throw new Error(formatFormatsError(r.left));
  return r.right.findings;
};

describe('mergeFindings across documents', () => {
  it('equals the within-document merge of the same records', () => {
    fc.assert(
      fc.property(
        fc.array(trivyRecord, { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (records, cuts) => {
          const whole = importedFindings(trivyDoc(records));
          const parts = group(records, cuts).map((p) => importedFindings(trivyDoc(p)));
          expect(bytes(mergeFindings(parts).findings)).toBe(bytes(whole));
        },
      ),
      { seed: 4246, numRuns: 150 },
    );
  });
});
