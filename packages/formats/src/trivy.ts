/**
 * Trivy JSON reports (`trivy image|fs|repo --format json`, `SchemaVersion` 2, Trivy 0.20+).
 * The pre-2021 array form and any other schema version are refused. What is read and how it
 * maps: docs/guides/importing.md "Trivy" and docs/spec/finding-v1.md sections 3-8.
 * @module
 */
import type { Component, CvssScore, FixState, Location, SeverityRating } from '@warrant/core';
import { formatsError } from './errors';
import { OS_FAMILIES, TRIVY_LANG_TYPES, derivePurl } from './internal/derive';
import {
  artifactRef,
  asDigest,
  componentRef,
  componentWith,
  documentPurl,
  documentTime,
  emptyOutput,
  findingContext,
  scannerRef,
  splitVersions,
  type ImportEnv,
  type Importer,
} from './internal/env';
import { FindingCollector } from './internal/findings';
import {
  at,
  isObj,
  isRootObject,
  objects,
  optArr,
  optNum,
  optObj,
  optStr,
  optStrArr,
  reqStr,
  type Ctx,
  type Obj,
  type Path,
} from './internal/read';
import { makeCvss, ratingFromText } from './internal/severity';
import { compareStrings, uniqueSorted } from './internal/sort';

/**
 * Imports a Trivy JSON report.
 * @param doc - the parsed report
 * @param env - issue collector, source digest and options
 * @returns findings (one per vulnerability and package, merged by key) and, when the report
 *   lists packages (`--list-all-pkgs`), components
 */
export const importTrivy: Importer = (doc, env) => {
  const { ctx } = env;
  if (Array.isArray(doc)) {
    return formatsError(
      'FORMATS_UNSUPPORTED_VERSION',
      'a Trivy report that is a JSON array is the pre-2021 format (no SchemaVersion): re-run Trivy 0.20 or later',
      '$',
    );
  }
  if (!isRootObject(ctx, doc, 'a Trivy report')) return emptyOutput();
  if (doc.SchemaVersion !== 2) {
    return formatsError(
      'FORMATS_UNSUPPORTED_VERSION',
      `Trivy SchemaVersion ${JSON.stringify(doc.SchemaVersion ?? null)} is not supported: expected 2`,
      '$.SchemaVersion',
    );
  }
  const metadata = optObj(ctx, doc, 'Metadata', undefined);
  const os =
    metadata === undefined ? undefined : optObj(ctx, metadata, 'OS', at(undefined, 'Metadata'));
  const osFamily =
    os === undefined ? undefined : optStr(ctx, os, 'Family', at(at(undefined, 'Metadata'), 'OS'));
  const trivy = optObj(ctx, doc, 'Trivy', undefined);
  const scanner = scannerRef(
    'trivy',
    trivy === undefined ? undefined : optStr(ctx, trivy, 'Version', at(undefined, 'Trivy')),
  );
  const artifact = artifactRef(
    metadata === undefined ? undefined : artifactDigest(ctx, metadata),
    optStr(ctx, doc, 'ArtifactName', undefined),
  );
  const artifactType = optStr(ctx, doc, 'ArtifactType', undefined);
  const scanTime = documentTime(
    ctx,
    optStr(ctx, doc, 'CreatedAt', undefined),
    at(undefined, 'CreatedAt'),
  );
  const collector = new FindingCollector(ctx, findingContext(env, artifact, scanner, scanTime));
  const components: Component[] = [];
  const resultsPath = at(undefined, 'Results');
  const results = optArr(ctx, doc, 'Results', undefined) ?? [];
  for (const { o: result, path } of objects(ctx, results, resultsPath)) {
    const r: ResultInfo = {
      target: reqStr(ctx, result, 'Target', path),
      cls: optStr(ctx, result, 'Class', path),
      type: optStr(ctx, result, 'Type', path),
      osFamily,
      fsScan: artifactType === 'filesystem' || artifactType === 'repository',
    };
    const vulns = optArr(ctx, result, 'Vulnerabilities', path) ?? [];
    for (const { o: v, path: vp } of objects(ctx, vulns, at(path, 'Vulnerabilities'))) {
      readVulnerability(env, collector, r, v, vp);
    }
    const pkgs = optArr(ctx, result, 'Packages', path) ?? [];
    for (const { o: p, path: pp } of objects(ctx, pkgs, at(path, 'Packages'))) {
      const c = readPackage(ctx, r, p, pp);
      if (c !== undefined) components.push(c);
    }
  }
  return {
    formatVersion: '2',
    artifact: findingContext(env, artifact, scanner, scanTime).artifact,
    scanner,
    findings: collector.findings(),
    components,
    vexStatements: [],
    knowledge: [],
  };
};

// --- internal --------------------------------------------------------------

interface ResultInfo {
  readonly target: string | undefined;
  readonly cls: string | undefined;
  readonly type: string | undefined;
  readonly osFamily: string | undefined;
  readonly fsScan: boolean;
}

// The image's manifest digest (from RepoDigests, smallest first) identifies it in a registry;
// without one, the image config digest (ImageID). Finding-v1 section 3.1.
const artifactDigest = (ctx: Ctx, metadata: Obj) => {
  const path = at(undefined, 'Metadata');
  const repoDigests = optStrArr(ctx, metadata, 'RepoDigests', path);
  for (const rd of [...repoDigests].sort(compareStrings)) {
    const d = asDigest(rd.slice(rd.lastIndexOf('@') + 1));
    if (d !== undefined) return d;
  }
  const imageId = optStr(ctx, metadata, 'ImageID', path);
  return imageId === undefined ? undefined : asDigest(imageId);
};

const STATUS: ReadonlyMap<string, FixState> = new Map<string, FixState>([
  ['fixed', 'fixed'],
  ['affected', 'not_fixed'],
  ['will_not_fix', 'wont_fix'],
  ['fix_deferred', 'deferred'],
  ['end_of_life', 'end_of_life'],
  ['under_investigation', 'unknown'],
  ['not_affected', 'unknown'],
  ['unknown', 'unknown'],
]);

const readVulnerability = (
  env: ImportEnv,
  collector: FindingCollector,
  r: ResultInfo,
  v: Obj,
  path: Path,
): void => {
  const { ctx } = env;
  const id = reqStr(ctx, v, 'VulnerabilityID', path);
  const name = reqStr(ctx, v, 'PkgName', path);
  const version = optStr(ctx, v, 'InstalledVersion', path);
  const pkgPath = optStr(ctx, v, 'PkgPath', path);
  const identifier = optObj(ctx, v, 'PkgIdentifier', path);
  const purlText =
    identifier === undefined
      ? undefined
      : optStr(ctx, identifier, 'PURL', at(path, 'PkgIdentifier'));
  const fixedVersions = splitVersions(optStr(ctx, v, 'FixedVersion', path));
  const status = optStr(ctx, v, 'Status', path);
  const severity = readSeverity(ctx, v, path);
  const cvss = readCvss(ctx, v, path);
  const layer = optObj(ctx, v, 'Layer', path);
  const layerId =
    layer === undefined
      ? undefined
      : (optStr(ctx, layer, 'DiffID', at(path, 'Layer')) ??
        optStr(ctx, layer, 'Digest', at(path, 'Layer')));
  const title = optStr(ctx, v, 'Title', path);
  if (id === undefined || name === undefined) return;
  const docPurl = documentPurl(ctx, purlText, at(at(path, 'PkgIdentifier'), 'PURL'));
  const purl = docPurl ?? derive(ctx, r, name, version, pkgPath, path);
  let fixState: FixState;
  if (status === undefined) fixState = fixedVersions.length > 0 ? 'fixed' : 'unknown';
  else {
    const mapped = STATUS.get(status);
    if (mapped === undefined) {
      ctx.warn(
        'FORMATS_WARN_VALUE_UNRECOGNIZED',
        at(path, 'Status'),
        `unknown Status ${JSON.stringify(status)}: fix state derived from FixedVersion`,
      );
    }
    fixState = mapped ?? (fixedVersions.length > 0 ? 'fixed' : 'unknown');
  }
  const locations: Location[] = [];
  const locPath = pkgPath ?? (r.fsScan && r.cls === 'lang-pkgs' ? r.target : undefined);
  if (locPath !== undefined || layerId !== undefined) {
    const l: { path?: string; layer?: string } = {};
    if (locPath !== undefined) l.path = locPath;
    if (layerId !== undefined) l.layer = layerId;
    locations.push(l);
  }
  collector.add(
    {
      vulnerabilityId: id,
      aliases: [],
      component: componentRef(
        name,
        version,
        purl?.purl,
        docPurl === undefined ? 'derived' : 'document',
      ),
      purlBare: purl?.bare,
      severity,
      cvss,
      fixState,
      fixedVersions,
      locations,
      title,
    },
    path,
  );
};

// Finding-v1 section 5.3, Trivy: OS results take type and namespace from the OS family;
// language results from the result Type. A package with a PkgPath inside an OS result is not an
// OS package, so nothing is derived for it.
const derive = (
  ctx: Ctx,
  r: ResultInfo,
  name: string,
  version: string | undefined,
  pkgPath: string | undefined,
  path: Path,
) => {
  let out: { purl: string; bare: string } | undefined;
  if (r.cls === 'os-pkgs') {
    const family = (r.osFamily ?? r.type)?.toLowerCase();
    const target = family === undefined ? undefined : OS_FAMILIES.get(family);
    if (target !== undefined && pkgPath === undefined) out = derivePurl(ctx, target, name, version);
  } else {
    const type = r.type === undefined ? undefined : TRIVY_LANG_TYPES.get(r.type);
    if (type !== undefined) out = derivePurl(ctx, { type }, name, version);
  }
  if (out === undefined) {
    ctx.warn(
      'FORMATS_WARN_PURL_NOT_DERIVABLE',
      path,
      `no PkgIdentifier.PURL and no purl type for result Class ${JSON.stringify(r.cls ?? null)} Type ${JSON.stringify(r.type ?? null)}${pkgPath === undefined ? '' : ' with a PkgPath'}`,
    );
  }
  return out;
};

const readSeverity = (ctx: Ctx, v: Obj, path: Path): SeverityRating =>
  ratingFromText(
    ctx,
    optStr(ctx, v, 'Severity', path),
    optStr(ctx, v, 'SeveritySource', path),
    path,
    'Severity',
  );

// CVSS is a map from rating source to { V2Vector, V2Score, V3Vector, V3Score, V40Vector, V40Score }.
const readCvss = (ctx: Ctx, v: Obj, path: Path): CvssScore[] => {
  const map = optObj(ctx, v, 'CVSS', path);
  if (map === undefined) return [];
  const out: CvssScore[] = [];
  for (const source of Object.keys(map)) {
    const p = at(at(path, 'CVSS'), source);
    const entry = map[source];
    if (!isObj(entry)) {
      ctx.fail(p, 'expected an object');
      continue;
    }
    const pairs: Array<[string, string, '2.0' | '4.0' | undefined]> = [
      ['V2Vector', 'V2Score', '2.0'],
      ['V3Vector', 'V3Score', undefined],
      ['V40Vector', 'V40Score', '4.0'],
    ];
    for (const [vk, sk, version] of pairs) {
      const c = makeCvss(version, source, optStr(ctx, entry, vk, p), optNum(ctx, entry, sk, p));
      if (c !== undefined) out.push(c);
    }
  }
  return out;
};

const readPackage = (ctx: Ctx, r: ResultInfo, p: Obj, path: Path): Component | undefined => {
  const name = reqStr(ctx, p, 'Name', path);
  const version = optStr(ctx, p, 'Version', path);
  const identifier = optObj(ctx, p, 'Identifier', path);
  const purlText =
    identifier === undefined ? undefined : optStr(ctx, identifier, 'PURL', at(path, 'Identifier'));
  const uid =
    identifier === undefined ? undefined : optStr(ctx, identifier, 'UID', at(path, 'Identifier'));
  const licenses = uniqueSorted(optStrArr(ctx, p, 'Licenses', path));
  const pkgPath = optStr(ctx, p, 'FilePath', path);
  if (name === undefined) return undefined;
  const docPurl = documentPurl(ctx, purlText, at(at(path, 'Identifier'), 'PURL'));
  const purl = docPurl ?? derive(ctx, r, name, version, pkgPath, path);
  const c = componentWith(
    name,
    version,
    purl?.purl,
    docPurl === undefined ? 'derived' : 'document',
    licenses,
  );
  if (uid !== undefined) c.bomRef = uid;
  return c;
};
