/**
 * Purl derivation for documents that name a package without a purl: the tables map an OS
 * family, a scanner's package type or an OSV ecosystem to a purl type and namespace, and the
 * name splitter turns ecosystem names (`group:artifact`, `@scope/name`, `host/path/module`)
 * into namespace and name. Every table is reproduced in docs/spec/finding-v1.md section 5.3.
 * @module
 */
import type { Ctx } from './read';
import { purlText, type ResolvedPurl } from './purl';

/** Where a derived purl lives: type and (for OS packages) namespace. */
export interface PurlTarget {
  readonly type: string;
  readonly namespace?: string;
}

/** OS family (Trivy `Metadata.OS.Family` / result `Type`, Grype `distro.name`) to purl type and namespace. */
export const OS_FAMILIES: ReadonlyMap<string, PurlTarget> = new Map<string, PurlTarget>([
  ['alpine', { type: 'apk', namespace: 'alpine' }],
  ['wolfi', { type: 'apk', namespace: 'wolfi' }],
  ['chainguard', { type: 'apk', namespace: 'chainguard' }],
  ['debian', { type: 'deb', namespace: 'debian' }],
  ['ubuntu', { type: 'deb', namespace: 'ubuntu' }],
  ['redhat', { type: 'rpm', namespace: 'redhat' }],
  ['rhel', { type: 'rpm', namespace: 'redhat' }],
  ['centos', { type: 'rpm', namespace: 'centos' }],
  ['rocky', { type: 'rpm', namespace: 'rocky' }],
  ['alma', { type: 'rpm', namespace: 'alma' }],
  ['almalinux', { type: 'rpm', namespace: 'alma' }],
  ['fedora', { type: 'rpm', namespace: 'fedora' }],
  ['amazon', { type: 'rpm', namespace: 'amazon' }],
  ['amzn', { type: 'rpm', namespace: 'amazon' }],
  ['oracle', { type: 'rpm', namespace: 'oracle' }],
  ['ol', { type: 'rpm', namespace: 'oracle' }],
  ['photon', { type: 'rpm', namespace: 'photon' }],
  ['cbl-mariner', { type: 'rpm', namespace: 'cbl-mariner' }],
  ['azurelinux', { type: 'rpm', namespace: 'azurelinux' }],
  ['opensuse', { type: 'rpm', namespace: 'opensuse' }],
  ['opensuse.leap', { type: 'rpm', namespace: 'opensuse' }],
  ['opensuse.tumbleweed', { type: 'rpm', namespace: 'opensuse' }],
  ['sles', { type: 'rpm', namespace: 'suse' }],
  ['suse linux enterprise server', { type: 'rpm', namespace: 'suse' }],
]);

/** Trivy language result `Type` to purl type. */
export const TRIVY_LANG_TYPES: ReadonlyMap<string, string> = new Map([
  ['npm', 'npm'],
  ['yarn', 'npm'],
  ['pnpm', 'npm'],
  ['bun', 'npm'],
  ['node-pkg', 'npm'],
  ['pip', 'pypi'],
  ['pipenv', 'pypi'],
  ['poetry', 'pypi'],
  ['uv', 'pypi'],
  ['python-pkg', 'pypi'],
  ['gomod', 'golang'],
  ['gobinary', 'golang'],
  ['jar', 'maven'],
  ['pom', 'maven'],
  ['gradle', 'maven'],
  ['sbt', 'maven'],
  ['cargo', 'cargo'],
  ['rustbinary', 'cargo'],
  ['rust-binary', 'cargo'],
  ['composer', 'composer'],
  ['composer-vendor', 'composer'],
  ['bundler', 'gem'],
  ['gemspec', 'gem'],
  ['nuget', 'nuget'],
  ['dotnet-core', 'nuget'],
  ['packages-props', 'nuget'],
  ['conan', 'conan'],
  ['cocoapods', 'cocoapods'],
  ['swift', 'swift'],
  ['pub', 'pub'],
  ['hex', 'hex'],
  ['mix', 'hex'],
  ['conda-pkg', 'conda'],
  ['conda-environment', 'conda'],
  ['julia', 'julia'],
]);

/** Grype `artifact.type` to purl type (OS package types take their namespace from `distro.name`). */
export const GRYPE_TYPES: ReadonlyMap<string, string> = new Map([
  ['deb', 'deb'],
  ['rpm', 'rpm'],
  ['apk', 'apk'],
  ['npm', 'npm'],
  ['python', 'pypi'],
  ['go-module', 'golang'],
  ['java-archive', 'maven'],
  ['gem', 'gem'],
  ['rust-crate', 'cargo'],
  ['dotnet', 'nuget'],
  ['php-composer', 'composer'],
  ['hex', 'hex'],
  ['dart-pub', 'pub'],
  ['conan', 'conan'],
  ['cocoapods', 'cocoapods'],
  ['swift', 'swift'],
]);

/** OSV ecosystem (the part before the first `:`) to purl type and namespace. */
export const OSV_ECOSYSTEMS: ReadonlyMap<string, PurlTarget> = new Map<string, PurlTarget>([
  ['Go', { type: 'golang' }],
  ['npm', { type: 'npm' }],
  ['PyPI', { type: 'pypi' }],
  ['Maven', { type: 'maven' }],
  ['crates.io', { type: 'cargo' }],
  ['RubyGems', { type: 'gem' }],
  ['NuGet', { type: 'nuget' }],
  ['Packagist', { type: 'composer' }],
  ['Hex', { type: 'hex' }],
  ['Pub', { type: 'pub' }],
  ['SwiftURL', { type: 'swift' }],
  ['Debian', { type: 'deb', namespace: 'debian' }],
  ['Ubuntu', { type: 'deb', namespace: 'ubuntu' }],
  ['Alpine', { type: 'apk', namespace: 'alpine' }],
  ['Wolfi', { type: 'apk', namespace: 'wolfi' }],
  ['Chainguard', { type: 'apk', namespace: 'chainguard' }],
  ['Red Hat', { type: 'rpm', namespace: 'redhat' }],
  ['Rocky Linux', { type: 'rpm', namespace: 'rocky' }],
  ['AlmaLinux', { type: 'rpm', namespace: 'alma' }],
]);

/**
 * Splits an ecosystem package name into purl namespace and name (finding-v1 section 5.3):
 * maven `group:artifact`; npm `@scope/name`; golang, composer, swift and (for OS types) any
 * name at the last `/`; otherwise the whole name.
 */
export const splitName = (
  type: string,
  full: string,
): { namespace: string | undefined; name: string } | undefined => {
  if (type === 'maven') {
    const i = full.indexOf(':');
    if (i <= 0 || i === full.length - 1) return undefined; // Maven needs a group id.
    return { namespace: full.slice(0, i), name: full.slice(i + 1) };
  }
  if (type === 'npm') {
    if (full.startsWith('@')) {
      const i = full.indexOf('/');
      if (i <= 1 || i === full.length - 1) return undefined;
      return { namespace: full.slice(0, i), name: full.slice(i + 1) };
    }
    return { namespace: undefined, name: full };
  }
  if (type === 'golang' || type === 'composer' || type === 'swift') {
    const i = full.lastIndexOf('/');
    if (i === full.length - 1) return undefined;
    return i <= 0
      ? { namespace: undefined, name: full }
      : { namespace: full.slice(0, i), name: full.slice(i + 1) };
  }
  return { namespace: undefined, name: full };
};

/**
 * A derived purl, normalized like any document purl; `undefined` when the name does not fit the
 * type or the result is not a valid purl.
 */
export const derivePurl = (
  ctx: Ctx,
  target: PurlTarget,
  fullName: string,
  version: string | undefined,
): ResolvedPurl | undefined => {
  const split = splitName(target.type, fullName);
  if (split === undefined) return undefined;
  const namespace =
    target.namespace === undefined
      ? split.namespace
      : split.namespace === undefined
        ? target.namespace
        : `${target.namespace}/${split.namespace}`;
  const r = ctx.purls.resolve(purlText(target.type, namespace, split.name, version));
  return 'problem' in r ? undefined : r;
};
