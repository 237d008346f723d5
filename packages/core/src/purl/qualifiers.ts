/**
 * How each qualifier takes part in matching a pattern purl (from an exception scope) against a
 * candidate purl (from a finding). The rule of thumb: a qualifier the pattern states must be
 * present and equal in the candidate, because ignoring it would make the exception broader
 * than its author wrote; a qualifier only the candidate has is not constrained. The exceptions:
 * `repository_url` (absent means the type's default repository), `checksum` (a set of
 * algorithm:digest), rpm's `epoch` (part of the version) and `vers` (the version range).
 * @see ../../../../docs/spec/scope-matching.md (section "Qualifier rules")
 * @see https://github.com/package-url/purl-spec/blob/main/docs/known-qualifiers.md
 * @module
 */

/** What happened to one part of a purl during matching. */
export type PartOutcome = 'matched' | 'not-matched' | 'not-constrained' | 'ignored';

/** The parts of a purl that matching reports on. */
export type PurlPart = 'type' | 'namespace' | 'name' | 'version' | 'qualifier' | 'subpath';

/** The verdict on one part, with both values and an English reason. */
export interface PurlPartMatch {
  readonly part: PurlPart;
  /** The qualifier key, for `part: 'qualifier'` only. */
  readonly key?: string;
  readonly outcome: PartOutcome;
  /** What the pattern states (a version range's text for a range), or null. */
  readonly pattern: string | null;
  /** What the candidate has, or null. */
  readonly candidate: string | null;
  readonly reason: string;
}

/**
 * The default repository of each purl type that has one, with the spellings taken as the same
 * repository (after {@link normalizeRepositoryUrl}); from the purl-spec type definitions.
 * @internal
 */
export const DEFAULT_REPOSITORIES: Readonly<Record<string, ReadonlyArray<string>>> = {
  bitbucket: ['https://bitbucket.org'],
  bitnami: ['https://downloads.bitnami.com/files/stacksmith'],
  cargo: ['https://crates.io'],
  cocoapods: ['https://cdn.cocoapods.org'],
  composer: ['https://packagist.org'],
  conan: ['https://center.conan.io'],
  conda: ['https://repo.anaconda.com'],
  cpan: ['https://www.cpan.org'],
  cran: ['https://cran.r-project.org'],
  docker: ['https://hub.docker.com'],
  gem: ['https://rubygems.org'],
  github: ['https://github.com'],
  hackage: ['https://hackage.haskell.org'],
  hex: ['https://repo.hex.pm'],
  huggingface: ['https://huggingface.co'],
  luarocks: ['https://luarocks.org'],
  maven: ['https://repo.maven.apache.org/maven2', 'https://repo1.maven.org/maven2'],
  npm: ['https://registry.npmjs.org'],
  nuget: ['https://www.nuget.org', 'https://api.nuget.org/v3/index.json'],
  pub: ['https://pub.dartlang.org', 'https://pub.dev'],
  pypi: ['https://pypi.org', 'https://pypi.python.org'],
};

/**
 * How an rpm `epoch` qualifier takes part: `folded` when the pattern has a version (both epochs
 * are compared inside epoch:version), `range` when a range judges the candidate's epoch:version
 * (a pattern epoch is then an ordinary qualifier), `plain` otherwise.
 * @internal
 */
export type EpochMode = 'folded' | 'range' | 'plain';

/** Qualifiers that locate or fingerprint bytes; scanners rarely report them. */
const LOCATORS = new Set(['checksum', 'download_url', 'file_name', 'vcs_url']);

/**
 * Judges one qualifier key present in the pattern, the candidate or both.
 * @internal
 */
export const matchQualifier = (
  type: string,
  key: string,
  pattern: string | undefined,
  candidate: string | undefined,
  epoch: EpochMode = 'plain',
): PurlPartMatch => {
  const part = (outcome: PartOutcome, reason: string): PurlPartMatch => ({
    part: 'qualifier',
    key,
    outcome,
    pattern: pattern ?? null,
    candidate: candidate ?? null,
    reason: `qualifier ${key}: ${reason}`,
  });
  if (key === 'vers') {
    return part('ignored', 'a candidate is a concrete package; its vers qualifier is not used');
  }
  if (
    key === 'epoch' &&
    type === 'rpm' &&
    (epoch === 'folded' || (epoch === 'range' && pattern === undefined))
  ) {
    return part('ignored', 'an rpm epoch is compared as part of the version (epoch:version)');
  }
  if (key === 'repository_url') return matchRepository(type, pattern, candidate, part);
  if (pattern === undefined) {
    return part(
      'not-constrained',
      `the pattern does not constrain it (candidate has ${candidate})`,
    );
  }
  if (candidate === undefined) {
    const hint = LOCATORS.has(key)
      ? '; scanners rarely report it, so consider removing it from the scope'
      : '';
    return part(
      'not-matched',
      `the pattern requires ${key}=${pattern}, the candidate has none${hint}`,
    );
  }
  if (key === 'checksum') return matchChecksum(pattern, candidate, part);
  return pattern === candidate
    ? part('matched', `both are ${pattern}`)
    : part('not-matched', `the pattern requires ${pattern}, the candidate has ${candidate}`);
};

/**
 * Normalizes a repository URL for comparison: a missing `scheme://` becomes `https://`, the
 * scheme and host are lowercased, trailing slashes removed.
 * @internal
 */
export const normalizeRepositoryUrl = (url: string): string => {
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) ? url : `https://${url}`;
  const m = /^([^:]+:\/\/)([^/]*)(.*)$/.exec(withScheme) as RegExpExecArray;
  const rest = (m[3] as string).replace(/\/+$/, '');
  return `${(m[1] as string).toLowerCase()}${(m[2] as string).toLowerCase()}${rest}`;
};

// --- internal --------------------------------------------------------------

type Part = (outcome: PartOutcome, reason: string) => PurlPartMatch;

// purl-spec: "repository_url is an extra URL for an alternative, non-default package repository
// [...] When a package does not come from the default public package repository for its type a
// purl may be qualified with this extra URL." Absent therefore means the type's default.
const matchRepository = (
  type: string,
  pattern: string | undefined,
  candidate: string | undefined,
  part: Part,
): PurlPartMatch => {
  const defaults = DEFAULT_REPOSITORIES[type];
  const home = defaults?.[0];
  const same = (a: string, b: string): boolean => {
    const x = normalizeRepositoryUrl(a);
    const y = normalizeRepositoryUrl(b);
    return x === y || (defaults !== undefined && defaults.includes(x) && defaults.includes(y));
  };
  if (pattern === undefined) {
    if (home === undefined) {
      return part(
        'not-constrained',
        `the pattern does not constrain it and ${type} has no default repository`,
      );
    }
    return same(home, candidate as string)
      ? part(
          'matched',
          `the candidate's ${candidate} is the ${type} default repository, which the pattern implies`,
        )
      : part(
          'not-matched',
          `the candidate comes from ${candidate}; a pattern without repository_url means the ${type} default repository ${home}`,
        );
  }
  if (candidate === undefined) {
    if (home === undefined) {
      return part(
        'not-matched',
        `the pattern requires ${pattern}; the candidate names no repository and ${type} has no default`,
      );
    }
    return same(pattern, home)
      ? part(
          'matched',
          `the pattern's ${pattern} is the ${type} default repository, which the candidate implies`,
        )
      : part(
          'not-matched',
          `the pattern requires ${pattern}; the candidate comes from the ${type} default repository ${home}`,
        );
  }
  return same(pattern, candidate)
    ? part('matched', `both name ${normalizeRepositoryUrl(pattern)}`)
    : part('not-matched', `the pattern requires ${pattern}, the candidate comes from ${candidate}`);
};

// checksum is a comma-separated list of algorithm:hex; every checksum the pattern lists must
// be present, with the same digest, in the candidate's list (algorithm and hex case-insensitive).
const matchChecksum = (pattern: string, candidate: string, part: Part): PurlPartMatch => {
  const have = new Map(candidate.split(',').map(splitChecksum));
  for (const [alg, digest] of pattern.split(',').map(splitChecksum)) {
    const other = have.get(alg);
    if (other === undefined) return part('not-matched', `the candidate has no ${alg} checksum`);
    if (other !== digest) return part('not-matched', `the ${alg} checksums differ`);
  }
  return part(
    'matched',
    'every checksum the pattern lists is in the candidate, with the same digest',
  );
};

const splitChecksum = (entry: string): [string, string] => {
  const colon = entry.indexOf(':');
  const lower = entry.trim().toLowerCase();
  return colon === -1
    ? [lower, '']
    : [
        entry.slice(0, colon).trim().toLowerCase(),
        entry
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      ];
};
