/**
 * Scope-matching primitives: versContains with the versions parsed at range creation against
 * re-parsing them on every call, and matchComponent throughput (the per pair cost of an
 * evaluation of findings against exception scopes, before any indexing by type and name).
 *
 *   npm run bench -- scope-matching
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  buildVers,
  matchComponent,
  parsePurl,
  versContains,
  type PackageUrl,
  type VersionRange,
} from '@warrant/core';
import { compare, machine, measure, row } from './harness';

// Deterministic pseudo-random numbers (no Math.random on any path, benches included).
let seed = 20260101;
const next = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const semver = (): string => `${next(20)}.${next(30)}.${next(50)}`;
const ok = <A>(r: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

const RANGES: VersionRange[] = [];
while (RANGES.length < 1000) {
  // buildVers sorts: the excluded version may fall anywhere
  RANGES.push(
    ok(
      buildVers('npm', [
        { comparator: '>=', version: `${next(10)}.${next(10)}.0` },
        { comparator: '!=', version: `${next(20)}.0.1` },
        { comparator: '<', version: `${10 + next(10)}.${next(10)}.0` },
      ]),
    ),
  );
}
const VERSIONS = Array.from({ length: 1000 }, semver);
const UNCACHED = RANGES.map((r) => ({ ...r }) as VersionRange); // a spread drops the parsed versions

const PATTERN = ok(parsePurl('pkg:npm/%40acme/widget?repository_url=https://npm.acme.example'));
const CANDIDATES: PackageUrl[] = VERSIONS.map((v) =>
  ok(parsePurl(`pkg:npm/%40acme/widget@${v}?repository_url=https://npm.acme.example&arch=x64`)),
);

const contains = (ranges: ReadonlyArray<VersionRange>) => (): number => {
  let n = 0;
  for (let i = 0; i < ranges.length; i++) {
    const r = versContains(ranges[i] as VersionRange, VERSIONS[i] as string);
    if (E.isRight(r) && r.right.contained) n++;
  }
  return n;
};

console.log(await machine());
const containsResult = await compare(
  RANGES.length,
  { name: 're-parse', fn: contains(UNCACHED) },
  { name: 'parsed once', fn: contains(RANGES) },
);
console.log('| target | candidate | baseline | ratio | goal |');
console.log('| ------ | --------- | -------- | ----- | ---- |');
console.log(row('versContains, 3-constraint npm range', containsResult, '> 100% (no regression)'));

const pairs = await measure('matchComponent', CANDIDATES.length * 10, () => {
  let n = 0;
  for (let k = 0; k < 10; k++) {
    const range = RANGES[k] as VersionRange;
    for (const c of CANDIDATES) {
      const m = matchComponent(PATTERN, range, c);
      if (E.isRight(m) && m.right.matched) n++;
    }
  }
  return n;
});
console.log(
  `| matchComponent (purl parts + range, with explanations) | ${pairs.medianMs.toFixed(1)} ms per ${CANDIDATES.length * 10} pairs | ${(pairs.perSecond / 1000).toFixed(1)} k pairs/s | | 10k findings × 1k scopes = 1e7 pairs: ${(1e7 / pairs.perSecond).toFixed(0)} s unindexed |`,
);
