/**
 * Writes conformance/finding-merge/merge.json: findings of several documents merged into one
 * finding per key (docs/spec/finding-v1.md section 3.2, `mergeFindings` in @warrant/formats).
 *
 * Named cases pin each rule of section 3.2 (one member each); generated cases (fast-check,
 * seed 3202) draw findings from small pools so keys collide and ties (absent against "", one
 * instant spelled two ways) occur. Before writing, every case is checked to give the same
 * canonical bytes with its inputs reversed and with all inputs flattened into one.
 *
 *   npx tsx --conditions=@warrant/source conformance/tools/finding-merge.ts
 * @module
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  findingKey,
  toHex,
  utf8Encode,
  type Finding,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';
import { mergeFindings } from '@warrant/formats';

const OUT = 'conformance/finding-merge';
const SEED = 3202;

interface Case {
  readonly name: string;
  readonly input: ReadonlyArray<ReadonlyArray<Finding>>;
  readonly expected: {
    readonly findings: ReadonlyArray<Finding>;
    readonly canonical: string;
    readonly merged: ReadonlyArray<{ key: string; inputs: ReadonlyArray<number>; count: number }>;
  };
}

/** The hex of the UTF-8 bytes of the RFC 8785 canonical JSON of a value. */
export const canonicalHex = (value: unknown): string => {
  const c = canonicalize(value);
  if (E.isLeft(c)) throw new Error(c.left.message);
  return toHex(utf8Encode(c.right));
};

const check = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(`generator self-check failed: ${what}`);
};

// --- named cases -----------------------------------------------------------

const DIGEST = `sha256:${'5b'.repeat(32)}` as Sha256Digest;
const PURL = 'pkg:deb/debian/zlib1g@1.2.13.dfsg-1';

type Draft = { -readonly [K in keyof Finding]?: Finding[K] };

const ts = (text: string): Timestamp => text as Timestamp;

/** A valid finding of CVE-2023-45853 in zlib1g of one image, with members replaced. */
const finding = (over: Draft = {}): Finding => {
  const base: Draft = {
    vulnerability: { id: 'CVE-2023-45853', aliases: [] },
    component: { name: 'zlib1g', version: '1.2.13.dfsg-1', purl: PURL, purlSource: 'document' },
    artifact: { digest: DIGEST, name: 'shop/api:1.4.2' },
    severity: { level: 'high' },
    cvss: [],
    fix: { state: 'unknown', versions: [] },
    locations: [],
    scanner: { name: 'trivy' },
    ...over,
  };
  const digest = base.artifact?.digest;
  const id = base.vulnerability?.id as string;
  const purl = base.component?.purl;
  const key = findingKey({
    artifactDigest: digest,
    vulnerabilityId: id,
    component:
      purl === undefined
        ? { name: base.component?.name as string, version: base.component?.version }
        : (purl.split('?')[0] as string), // the bare purl (section 5.2)
  });
  return { key, ...base } as Finding;
};

const NAMED: ReadonlyArray<readonly [string, ReadonlyArray<ReadonlyArray<Finding>>]> = [
  ['no inputs', []],
  [
    'one input, distinct keys: returned in key order',
    [[finding({ vulnerability: { id: 'CVE-2024-2', aliases: [] } }), finding()]],
  ],
  [
    'severity: the more severe level wins (Trivy CRITICAL over Grype Negligible)',
    [
      [finding({ severity: { level: 'critical', source: 'nvd', raw: 'CRITICAL' } })],
      [
        finding({
          severity: { level: 'negligible', source: 'debian:distro:debian:12', raw: 'Negligible' },
          scanner: { name: 'grype', version: '0.86.1' },
        }),
      ],
    ],
  ],
  [
    'severity: equal levels, the smaller (source, raw); an absent source before ""',
    [
      [finding({ severity: { level: 'high', source: 'nvd' } })],
      [finding({ severity: { level: 'high', source: '' } })],
      [finding({ severity: { level: 'high' } })],
    ],
  ],
  [
    'fix.state: fixed before wont_fix before deferred before end_of_life before not_fixed before unknown; versions united',
    [
      [finding({ fix: { state: 'not_fixed', versions: [] } })],
      [finding({ fix: { state: 'wont_fix', versions: ['1.3'] } })],
      [finding({ fix: { state: 'deferred', versions: ['1.2'] } })],
    ],
  ],
  [
    'component: the smaller (purl, name, version, purlSource): purl qualifiers decide',
    [
      [
        finding({
          component: {
            name: 'zlib1g',
            version: '1.2.13.dfsg-1',
            purl: `${PURL}?arch=amd64&distro=debian-12.8`,
            purlSource: 'document',
          },
        }),
      ],
      [
        finding({
          component: {
            name: 'zlib1g',
            version: '1.2.13.dfsg-1',
            purl: `${PURL}?arch=amd64&distro=debian-12`,
            purlSource: 'document',
          },
        }),
      ],
    ],
  ],
  [
    'component: equal purl and name, an absent version before ""',
    [
      [finding({ component: { name: 'zlib1g', version: '', purl: PURL, purlSource: 'derived' } })],
      [finding({ component: { name: 'zlib1g', purl: PURL, purlSource: 'derived' } })],
    ],
  ],
  [
    'scanner: the smaller (name, version), an absent version first; scanTime: the earlier',
    [
      [
        finding({
          scanner: { name: 'trivy', version: '0.58.1' },
          scanTime: ts('2026-01-20T08:00:00Z'),
        }),
      ],
      [
        finding({
          scanner: { name: 'grype', version: '0.86.1' },
          scanTime: ts('2026-01-20T07:30:00Z'),
        }),
      ],
      [finding({ scanner: { name: 'grype' } })],
    ],
  ],
  [
    'scanTime: one instant spelled two ways, the smaller string',
    [
      [finding({ scanTime: ts('2026-01-20T08:00:00Z') })],
      [finding({ scanTime: ts('2026-01-20T08:00:00.000Z') })],
    ],
  ],
  [
    'artifact: the smaller (name, digest), an absent name first; title: the smaller, present over absent',
    [
      [finding({ artifact: { digest: DIGEST, name: 'shop/api:1.4.2' }, title: 'zlib: overflow' })],
      [finding({ artifact: { digest: DIGEST }, title: 'zlib: integer overflow' })],
      [finding({ artifact: { digest: DIGEST, name: '' } })],
    ],
  ],
  [
    'aliases, cvss and locations: sorted unions, exact duplicates once',
    [
      [
        finding({
          vulnerability: { id: 'CVE-2023-45853', aliases: ['GHSA-1'] },
          cvss: [
            {
              version: '3.1',
              source: 'nvd',
              vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              score: 9.8,
            },
          ],
          locations: [{ path: '/var/lib/dpkg/status' }],
        }),
      ],
      [
        finding({
          vulnerability: { id: 'CVE-2023-45853', aliases: ['DSA-1', 'GHSA-1'] },
          cvss: [
            { version: '3.1', score: 9.8 },
            {
              version: '3.1',
              source: 'nvd',
              vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              score: 9.8,
            },
          ],
          locations: [{ layer: 'sha256:1' }, { path: '/var/lib/dpkg/status' }],
        }),
      ],
    ],
  ],
  [
    'one key held twice in one input and once in another',
    [
      [finding({ severity: { level: 'low' } }), finding({ severity: { level: 'medium' } })],
      [finding()],
    ],
  ],
];

// --- generated cases -------------------------------------------------------

const opt = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> =>
  fc.option(arb, { nil: undefined });
const strip = <A extends object>(o: A): A =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as A;

const randomFinding: fc.Arbitrary<Finding> = fc
  .record({
    id: fc.constantFrom('CVE-2024-1', 'CVE-2024-2'),
    aliases: fc.subarray(['GHSA-1', 'GHSA-2']),
    purl: opt(fc.constantFrom('pkg:npm/x@1', 'pkg:npm/x@1?os=linux')),
    version: opt(fc.constantFrom('', '1')),
    level: fc.constantFrom('critical' as const, 'high' as const, 'low' as const),
    source: opt(fc.constantFrom('', 'nvd')),
    cvss: fc.subarray([
      { version: '3.1' as const, score: 9.8 },
      { version: '3.1' as const, source: '', score: 9.8 },
      { version: '2.0' as const, source: 'nvd', vector: 'AV:N/AC:L/Au:N/C:P/I:N/A:N' },
    ]),
    state: fc.constantFrom('fixed' as const, 'not_fixed' as const, 'unknown' as const),
    versions: fc.subarray(['1.1', '1.2']),
    locations: fc.subarray([{ path: '/a' }, { path: '' }, { layer: 'l' }]),
    scanner: fc.constantFrom({ name: 'grype' }, { name: 'trivy', version: '0.5' }),
    scanTime: opt(fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z')),
    title: opt(fc.constantFrom('', 'a')),
    artifactName: opt(fc.constantFrom('', 'img')),
  })
  .map((r) => {
    const purl = r.purl;
    const f = strip({
      vulnerability: { id: r.id, aliases: r.aliases },
      component: strip({
        name: 'x',
        version: r.version,
        purl,
        purlSource: purl === undefined ? undefined : ('document' as const),
      }),
      artifact: strip({ digest: DIGEST, name: r.artifactName }),
      severity: strip({ level: r.level, source: r.source }),
      cvss: r.cvss,
      fix: { state: r.state, versions: r.versions },
      locations: r.locations,
      scanner: r.scanner,
      scanTime: r.scanTime,
      title: r.title,
    }) as unknown as Draft;
    const key = findingKey({
      artifactDigest: DIGEST,
      vulnerabilityId: r.id,
      component: purl?.split('?')[0] ?? { name: 'x', version: r.version },
    });
    // Normalized as section 3 requires (sorted, unique arrays): a finding merged with itself.
    const merged = mergeFindings([[{ key, ...f } as Finding, { key, ...f } as Finding]]);
    return merged.findings[0] as Finding;
  });

const generated = (): Array<readonly [string, ReadonlyArray<ReadonlyArray<Finding>>]> =>
  fc
    .sample(fc.array(fc.array(randomFinding, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), {
      seed: SEED,
      numRuns: 24,
    })
    .map((inputs, i) => [`generated ${i + 1} (seed ${SEED})`, inputs] as const);

// --- writing ---------------------------------------------------------------

const toCase = (name: string, input: ReadonlyArray<ReadonlyArray<Finding>>): Case => {
  const { findings, merged } = mergeFindings(input);
  const canonical = canonicalHex(findings);
  check(
    canonicalHex(mergeFindings([...input].reverse()).findings) === canonical,
    `${name}: reversed`,
  );
  check(canonicalHex(mergeFindings([input.flat()]).findings) === canonical, `${name}: flattened`);
  return {
    name,
    input,
    expected: {
      findings,
      canonical,
      merged: merged.map((m) => ({ key: m.key, inputs: m.inputs, count: m.count })),
    },
  };
};

/** The vector files, by name, as their exact committed text. */
export const findingMergeVectorFiles = (): ReadonlyMap<string, string> => {
  const cases = [...NAMED, ...generated()].map(([name, input]) => toCase(name, input));
  const file = {
    description:
      'mergeFindings (docs/spec/finding-v1.md section 3.2): input is the findings of each document (a list of lists of Finding objects); expected is the merged findings in key order, the hex of their RFC 8785 canonical UTF-8 bytes, and every key held by more than one input finding with the ascending positions of the inputs holding it and how many findings held it',
    source: `generated by conformance/tools/finding-merge.ts (named cases, then fast-check seed ${SEED})`,
    cases,
  };
  return new Map([['merge.json', `${JSON.stringify(file, null, 2)}\n`]]);
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [file, text] of findingMergeVectorFiles()) writeFileSync(`${OUT}/${file}`, text);
}
