/**
 * SARIF 2.1.0 logs from dependency scanners (Trivy, Snyk Container, OWASP Dependency-Check,
 * and any producer that names the package in a purl). Results that name no package are not
 * dependency findings and are skipped with a warning. Rules: docs/guides/importing.md "SARIF"
 * and docs/spec/finding-v1.md sections 4-5.
 * @module
 */
import type { CvssScore, FixState, Location, SeverityRating } from '@warrant/core';
import { formatsError } from './errors';
import { OS_FAMILIES, derivePurl, splitName } from './internal/derive';
import {
  artifactRef,
  asDigest,
  componentRef,
  documentPurl,
  documentTime,
  emptyOutput,
  findingContext,
  scannerRef,
  splitVersions,
  type ImportEnv,
  type Importer,
  type ResolvedPurl,
} from './internal/env';
import { FindingCollector, type FindingContext } from './internal/findings';
import {
  at,
  isObj,
  isRootObject,
  objects,
  optArr,
  optObj,
  optStr,
  optStrArr,
  reqArr,
  reqObj,
  reqStr,
  type Ctx,
  type Obj,
  type Path,
} from './internal/read';
import { cvssVersionOf, makeCvss, severityFromScore, severityFromText } from './internal/severity';
import { compareStrings, uniqueSorted } from './internal/sort';

/**
 * Imports a SARIF 2.1.0 log.
 * @param doc - the parsed log
 * @param env - issue collector, source digest and options
 * @returns one finding per result that names a package (merged by key across runs)
 */
export const importSarif: Importer = (doc, env) => {
  const { ctx } = env;
  if (!isRootObject(ctx, doc, 'a SARIF log')) return emptyOutput();
  if (doc['version'] !== '2.1.0') {
    return formatsError(
      'FORMATS_UNSUPPORTED_VERSION',
      `SARIF version ${JSON.stringify(doc['version'] ?? null)} is not supported: expected "2.1.0"`,
      '$.version',
    );
  }
  const runs = reqArr(ctx, doc, 'runs', undefined) ?? [];
  let collector: FindingCollector | undefined;
  let first: FindingContext | undefined;
  for (const { o: run, path } of objects(ctx, runs, at(undefined, 'runs'))) {
    const fc = readRunContext(env, run, path);
    if (fc === undefined) continue;
    collector ??= new FindingCollector(ctx, fc);
    if (first === undefined || compareContexts(fc, first) < 0) first = fc;
    readRun(ctx, collector, fc, run, path);
  }
  const out = emptyOutput();
  if (first === undefined || collector === undefined) return { ...out, formatVersion: '2.1.0' };
  return {
    ...out,
    formatVersion: '2.1.0',
    artifact: first.artifact,
    scanner: first.scanner,
    findings: collector.findings(),
  };
};

// --- internal --------------------------------------------------------------

// The result-level scanner and artifact come from the smallest run context, so run order
// never matters.
const compareContexts = (a: FindingContext, b: FindingContext): number =>
  compareStrings(a.scanner.name, b.scanner.name) ||
  compareStrings(a.scanner.version ?? '', b.scanner.version ?? '') ||
  compareStrings(a.artifact.digest ?? '', b.artifact.digest ?? '') ||
  compareStrings(a.artifact.name ?? '', b.artifact.name ?? '');

interface Rule {
  readonly o: Obj;
  readonly path: Path;
}

const readRunContext = (env: ImportEnv, run: Obj, path: Path): FindingContext | undefined => {
  const { ctx } = env;
  const tool = reqObj(ctx, run, 'tool', path);
  const driver = tool === undefined ? undefined : reqObj(ctx, tool, 'driver', at(path, 'tool'));
  if (driver === undefined) return undefined;
  const dp = at(at(path, 'tool'), 'driver');
  const name = reqStr(ctx, driver, 'name', dp);
  const version = optStr(ctx, driver, 'version', dp) ?? optStr(ctx, driver, 'semanticVersion', dp);
  if (name === undefined) return undefined;
  // Trivy writes the image into run.properties (imageName, repoDigests).
  const props = optObj(ctx, run, 'properties', path);
  const pp = at(path, 'properties');
  let digest;
  let imageName;
  if (props !== undefined) {
    imageName = typeof props['imageName'] === 'string' ? props['imageName'] : undefined;
    const repoDigests = Array.isArray(props['repoDigests'])
      ? optStrArr(ctx, props, 'repoDigests', pp)
      : [];
    for (const rd of [...repoDigests, ...(imageName === undefined ? [] : [imageName])].sort(
      compareStrings,
    )) {
      if ((digest = asDigest(rd.slice(rd.lastIndexOf('@') + 1))) !== undefined) break;
    }
  }
  // The earliest invocation start is the scan time (SARIF 2.1.0 section 3.20.7).
  let scanTime;
  const invocations = optArr(ctx, run, 'invocations', path) ?? [];
  for (const { o: inv, path: ip } of objects(ctx, invocations, at(path, 'invocations'))) {
    const t = documentTime(ctx, optStr(ctx, inv, 'startTimeUtc', ip), at(ip, 'startTimeUtc'));
    if (t !== undefined && (scanTime === undefined || t < scanTime)) scanTime = t;
  }
  return findingContext(env, artifactRef(digest, imageName), scannerRef(name, version), scanTime);
};

const readRun = (
  ctx: Ctx,
  collector: FindingCollector,
  fc: FindingContext,
  run: Obj,
  path: Path,
): void => {
  const tool = run['tool'] as Obj;
  const dp = at(at(path, 'tool'), 'driver');
  const rules = objects(
    ctx,
    optArr(ctx, tool['driver'] as Obj, 'rules', dp) ?? [],
    at(dp, 'rules'),
  );
  const byId = new Map<string, Rule>();
  for (const r of rules) {
    const id = optStr(ctx, r.o, 'id', r.path);
    if (id !== undefined && !byId.has(id)) byId.set(id, r);
  }
  const artifacts = optArr(ctx, run, 'artifacts', path) ?? [];
  const results = optArr(ctx, run, 'results', path) ?? [];
  for (const { o: result, path: rp } of objects(ctx, results, at(path, 'results'))) {
    // SARIF 3.27.6/3.27.7: ruleIndex locates the rule; ruleId names it.
    const ruleIndex = result['ruleIndex'];
    const rule =
      typeof ruleIndex === 'number' && rules[ruleIndex] !== undefined
        ? rules[ruleIndex]
        : undefined;
    const ruleId =
      optStr(ctx, result, 'ruleId', rp) ??
      (rule === undefined ? undefined : optStr(ctx, rule.o, 'id', rule.path));
    if (ruleId === undefined) {
      ctx.fail(at(rp, 'ruleId'), 'expected a ruleId (or a ruleIndex into tool.driver.rules)');
      continue;
    }
    readResult(ctx, collector, fc, rule ?? byId.get(ruleId), ruleId, artifacts, result, rp);
  }
};

const VULN_ID = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;
// Snyk's rule fullDescription: "(CVE-2011-3374) apt/libapt-pkg6.0@2.6.1".
const SNYK_DESCRIPTION = /^\(([^)]*)\)\s+(\S+@\S+)$/;

const readResult = (
  ctx: Ctx,
  collector: FindingCollector,
  fc: FindingContext,
  rule: Rule | undefined,
  ruleId: string,
  artifacts: ReadonlyArray<unknown>,
  result: Obj,
  path: Path,
): void => {
  const props = optObj(ctx, result, 'properties', path);
  const ruleProps = rule === undefined ? undefined : optObj(ctx, rule.o, 'properties', rule.path);
  const fullDescription =
    rule === undefined ? undefined : messageText(ctx, rule.o, 'fullDescription', rule.path);
  const shortDescription =
    rule === undefined ? undefined : messageText(ctx, rule.o, 'shortDescription', rule.path);
  const message = messageText(ctx, result, 'message', path) ?? '';
  const snyk = fullDescription === undefined ? null : SNYK_DESCRIPTION.exec(fullDescription);
  // Aliases: vulnerability ids in the rule's tags and in Snyk's "(ids)" prefix.
  const aliases = uniqueSorted([
    ...(ruleProps === undefined ? [] : tags(ruleProps)),
    ...(snyk === null ? [] : (snyk[1] as string).split(/,\s*/)),
  ]).filter((a) => VULN_ID.test(a) && a !== ruleId);
  // Locations, and the run.artifacts entries they point at.
  const locations: Location[] = [];
  const artifactEntries: Array<{ o: Obj; path: Path }> = [];
  let locationMessage: string | undefined;
  let logicalPurl: string | undefined;
  const locs = optArr(ctx, result, 'locations', path) ?? [];
  for (const { o: loc, path: lp } of objects(ctx, locs, at(path, 'locations'))) {
    locationMessage ??= messageText(ctx, loc, 'message', lp);
    const logical = optArr(ctx, loc, 'logicalLocations', lp) ?? [];
    for (const { o: ll, path: llp } of objects(ctx, logical, at(lp, 'logicalLocations'))) {
      const fqn = optStr(ctx, ll, 'fullyQualifiedName', llp);
      if (fqn !== undefined && fqn.startsWith('pkg:')) logicalPurl ??= fqn;
    }
    const phys = optObj(ctx, loc, 'physicalLocation', lp);
    const al =
      phys === undefined
        ? undefined
        : optObj(ctx, phys, 'artifactLocation', at(lp, 'physicalLocation'));
    if (al === undefined) continue;
    const alp = at(at(lp, 'physicalLocation'), 'artifactLocation');
    const uri = optStr(ctx, al, 'uri', alp);
    if (uri !== undefined) locations.push({ path: uri });
    const index = al['index'];
    if (typeof index === 'number') {
      const entry = artifacts[index];
      if (isObj(entry))
        artifactEntries.push({ o: entry, path: at(at(undefined, 'artifacts'), index) });
      else
        ctx.warn(
          'FORMATS_WARN_REFERENCE_UNRESOLVED',
          at(alp, 'index'),
          `no run.artifacts[${index}]`,
        );
    }
  }
  // Component: a purl first (finding-v1 section 5.3, SARIF), else the package name the tool wrote.
  const purlPath = at(path, 'properties');
  let purl: ResolvedPurl | undefined;
  let purlSource: 'document' | 'derived' = 'document';
  const propPurl = props === undefined ? undefined : optStr(ctx, props, 'purl', path);
  if (propPurl !== undefined) purl = documentPurl(ctx, propPurl, at(purlPath, 'purl'));
  if (purl === undefined && logicalPurl !== undefined)
    purl = documentPurl(ctx, logicalPurl, at(path, 'locations'));
  for (const a of artifactEntries) {
    if (purl !== undefined) break;
    const ap = optObj(ctx, a.o, 'properties', a.path);
    if (ap === undefined) continue;
    for (const key of Object.keys(ap).sort(compareStrings)) {
      const v = ap[key];
      if (typeof v === 'string' && v.startsWith('pkg:')) {
        purl = documentPurl(ctx, v, at(at(a.path, 'properties'), key));
        if (purl !== undefined) break;
      }
    }
  }
  let name: string | undefined;
  let version: string | undefined;
  const pkgLine = /^Package: (.+)$/m.exec(message);
  const versionLine = /^Installed Version: (.+)$/m.exec(message);
  if (purl !== undefined && purlSource === 'document') {
    name =
      purl.parsed.namespace === null
        ? purl.parsed.name
        : `${purl.parsed.namespace}/${purl.parsed.name}`;
    version = purl.parsed.version ?? undefined;
  } else if (pkgLine !== null) {
    name = (pkgLine[1] as string).trim();
    version = versionLine === null ? undefined : (versionLine[1] as string).trim();
  } else if (snyk !== null) {
    const token = snyk[2] as string;
    const atSign = token.lastIndexOf('@');
    name = token.slice(0, atSign);
    version = token.slice(atSign + 1);
    const derived = deriveSnyk(ctx, ruleId, ruleProps, name, version);
    if (derived !== undefined) {
      purl = derived.purl;
      purlSource = 'derived';
      name = derived.name;
    }
  } else if (locationMessage !== undefined) {
    const m = /: (\S+)@(\S+)$/.exec(locationMessage);
    if (m !== null) {
      name = m[1] as string;
      version = m[2] as string;
    }
  }
  if (name === undefined || name === '') {
    ctx.warn(
      'FORMATS_WARN_CONTENT_IGNORED',
      path,
      'the result names no package (not a dependency finding): skipped',
    );
    return;
  }
  if (purl === undefined) {
    ctx.warn(
      'FORMATS_WARN_PURL_NOT_DERIVABLE',
      path,
      `no purl for ${name}: SARIF does not say which ecosystem it belongs to`,
    );
  }
  const fixLine = /^Fixed Version: (.*)$/m.exec(message);
  const fixedVersions = splitVersions(fixLine === null ? undefined : fixLine[1]);
  const fixState: FixState = fixedVersions.length > 0 ? 'fixed' : 'unknown';
  const level =
    optStr(ctx, result, 'level', path) ??
    (rule === undefined ? undefined : defaultLevel(ctx, rule));
  collector.add(
    {
      vulnerabilityId: ruleId,
      aliases,
      component: componentRef(name, version, purl?.purl, purlSource),
      purlBare: purl?.bare,
      severity: readSeverity(props, ruleProps, shortDescription, level),
      cvss: props === undefined ? [] : readCvss(props),
      fixState,
      fixedVersions,
      locations,
      title: shortDescription,
    },
    path,
    fc,
  );
};

const messageText = (ctx: Ctx, o: Obj, key: string, path: Path): string | undefined => {
  const m = optObj(ctx, o, key, path);
  return m === undefined ? undefined : optStr(ctx, m, 'text', at(path, key));
};

const tags = (props: Obj): string[] =>
  Array.isArray(props['tags'])
    ? props['tags'].filter((t): t is string => typeof t === 'string')
    : [];

const defaultLevel = (ctx: Ctx, rule: Rule): string | undefined => {
  const dc = optObj(ctx, rule.o, 'defaultConfiguration', rule.path);
  return dc === undefined
    ? undefined
    : optStr(ctx, dc, 'level', at(rule.path, 'defaultConfiguration'));
};

// Snyk rule ids carry the distribution ("SNYK-DEBIAN12-APT-1541449"); tags carry the package
// manager. An OS package "source/binary" names the binary package.
const SNYK_DISTROS: ReadonlyArray<readonly [string, string]> = [
  ['SNYK-DEBIAN', 'debian'],
  ['SNYK-UBUNTU', 'ubuntu'],
  ['SNYK-ALPINE', 'alpine'],
  ['SNYK-WOLFI', 'wolfi'],
  ['SNYK-RHEL', 'redhat'],
  ['SNYK-CENTOS', 'centos'],
  ['SNYK-ROCKY', 'rocky'],
  ['SNYK-ALMALINUX', 'alma'],
  ['SNYK-AMZN', 'amazon'],
  ['SNYK-ORACLE', 'oracle'],
  ['SNYK-SLES', 'sles'],
];
const SNYK_MANAGERS: ReadonlyMap<string, string> = new Map([
  ['deb', 'deb'],
  ['apk', 'apk'],
  ['rpm', 'rpm'],
  ['npm', 'npm'],
  ['yarn', 'npm'],
  ['maven', 'maven'],
  ['gradle', 'maven'],
  ['pip', 'pypi'],
  ['poetry', 'pypi'],
  ['pipenv', 'pypi'],
  ['gomodules', 'golang'],
  ['nuget', 'nuget'],
  ['rubygems', 'gem'],
  ['composer', 'composer'],
  ['cocoapods', 'cocoapods'],
  ['hex', 'hex'],
  ['swift', 'swift'],
  ['cargo', 'cargo'],
]);

const deriveSnyk = (
  ctx: Ctx,
  ruleId: string,
  ruleProps: Obj | undefined,
  name: string,
  version: string,
) => {
  // The smallest purl type among the tags, so tag order never matters.
  const manager = (ruleProps === undefined ? [] : tags(ruleProps))
    .map((t) => SNYK_MANAGERS.get(t))
    .filter((t): t is string => t !== undefined)
    .sort(compareStrings)[0];
  if (manager === undefined) return undefined;
  if (manager === 'deb' || manager === 'apk' || manager === 'rpm') {
    const distro = SNYK_DISTROS.find(([prefix]) => ruleId.startsWith(prefix));
    const target = distro === undefined ? undefined : OS_FAMILIES.get(distro[1]);
    if (target === undefined || target.type !== manager) return undefined;
    const binary = name.slice(name.lastIndexOf('/') + 1);
    const purl = derivePurl(ctx, target, binary, version);
    return purl === undefined ? undefined : { purl, name: binary };
  }
  if (splitName(manager, name) === undefined) return undefined;
  const purl = derivePurl(ctx, { type: manager }, name, version);
  return purl === undefined ? undefined : { purl, name };
};

// Finding-v1 section 4, SARIF: the first of these that is present and recognized.
const readSeverity = (
  props: Obj | undefined,
  ruleProps: Obj | undefined,
  shortDescription: string | undefined,
  level: string | undefined,
): SeverityRating => {
  const ss = props?.['security-severity'] ?? ruleProps?.['security-severity'];
  if (typeof ss === 'string' || typeof ss === 'number') {
    const lv = severityFromScore(typeof ss === 'number' ? ss : Number(ss));
    if (lv !== undefined) return { level: lv, source: 'security-severity', raw: String(ss) };
  }
  for (const key of ['severity', 'cvssv3_baseSeverity', 'cvssv2_severity']) {
    const v = props?.[key];
    if (typeof v === 'string') {
      const lv = severityFromText(v);
      if (lv !== undefined) {
        const source = typeof props?.['source'] === 'string' ? props['source'] : key;
        return { level: lv, source, raw: v };
      }
    }
  }
  const snyk = shortDescription === undefined ? null : /^(\w+) severity - /.exec(shortDescription);
  if (snyk !== null) {
    const lv = severityFromText(snyk[1] as string);
    if (lv !== undefined) return { level: lv, source: 'rule', raw: snyk[1] as string };
  }
  // SARIF 3.27.10: level defaults to "warning".
  const l = level ?? 'warning';
  return { level: LEVELS.get(l) ?? 'unknown', source: 'sarif-level', raw: l };
};

const LEVELS: ReadonlyMap<string, SeverityRating['level']> = new Map<
  string,
  SeverityRating['level']
>([
  ['error', 'high'],
  ['warning', 'medium'],
  ['note', 'low'],
  ['none', 'unknown'],
]);

// OWASP Dependency-Check writes scores as flat properties.
const readCvss = (props: Obj): CvssScore[] => {
  const out: CvssScore[] = [];
  const source = typeof props['source'] === 'string' ? props['source'] : undefined;
  const pairs: Array<[string, string, string]> = [
    ['cvssv2_score', 'cvssv2_version', '2.0'],
    ['cvssv3_baseScore', 'cvssv3_version', '3.0'],
  ];
  for (const [scoreKey, versionKey, fallback] of pairs) {
    const score = props[scoreKey];
    if (typeof score !== 'number') continue;
    const declared = props[versionKey];
    const c = makeCvss(
      cvssVersionOf(typeof declared === 'string' ? declared : fallback),
      source,
      undefined,
      score,
    );
    if (c !== undefined) out.push(c);
  }
  return out;
};
