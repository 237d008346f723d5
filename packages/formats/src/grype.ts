/**
 * Grype JSON reports (`grype -o json`, versions 0.28 to 0.96 seen in the corpus: old namespaces
 * such as `debian:10`, missing `severity`, empty `fix.state`). What is read and how it maps:
 * docs/guides/importing.md "Grype" and docs/spec/finding-v1.md sections 3-8.
 * @module
 */
import type { CvssScore, FixState, Location, SeverityRating } from '@warrant/core';
import { GRYPE_TYPES, OS_FAMILIES, derivePurl } from './internal/derive';
import {
  artifactRef,
  asDigest,
  componentRef,
  documentPurl,
  documentTime,
  emptyOutput,
  findingContext,
  scannerRef,
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
  reqArr,
  reqObj,
  reqStr,
  type Ctx,
  type Obj,
  type Path,
} from './internal/read';
import { cvssVersionOf, makeCvss, ratingFromText } from './internal/severity';
import { compareStrings } from './internal/sort';

/**
 * Imports a Grype JSON report.
 * @param doc - the parsed report
 * @param env - issue collector, source digest and options
 * @returns one finding per match (merged by key)
 */
export const importGrype: Importer = (doc, env) => {
  const { ctx } = env;
  if (!isRootObject(ctx, doc, 'a Grype report')) return emptyOutput();
  const descriptor = optObj(ctx, doc, 'descriptor', undefined);
  const dp = at(undefined, 'descriptor');
  const scanner = scannerRef(
    (descriptor === undefined ? undefined : optStr(ctx, descriptor, 'name', dp)) ?? 'grype',
    descriptor === undefined ? undefined : optStr(ctx, descriptor, 'version', dp),
  );
  const scanTime =
    descriptor === undefined
      ? undefined
      : documentTime(ctx, optStr(ctx, descriptor, 'timestamp', dp), at(dp, 'timestamp'));
  const source = optObj(ctx, doc, 'source', undefined);
  const artifact = source === undefined ? {} : readSource(ctx, source);
  const distro = optObj(ctx, doc, 'distro', undefined);
  const distroName =
    distro === undefined ? undefined : optStr(ctx, distro, 'name', at(undefined, 'distro'));
  const fc = findingContext(env, artifact, scanner, scanTime);
  const collector = new FindingCollector(ctx, fc);
  const matchesPath = at(undefined, 'matches');
  const matches = reqArr(ctx, doc, 'matches', undefined) ?? [];
  for (const { o: m, path } of objects(ctx, matches, matchesPath)) {
    readMatch(ctx, collector, distroName, m, path);
  }
  return { ...EMPTY, artifact: fc.artifact, scanner, findings: collector.findings() };
};

// --- internal --------------------------------------------------------------

const EMPTY = { findings: [], components: [], vexStatements: [], knowledge: [] } as const;

// Finding-v1 section 3.1: repo digests (smallest first), then the manifest digest, then the
// image config id.
const readSource = (ctx: Ctx, source: Obj) => {
  const sp = at(undefined, 'source');
  const target = source['target'];
  if (typeof target === 'string') return artifactRef(undefined, target === '' ? undefined : target);
  if (!isObj(target)) return {};
  const tp = at(sp, 'target');
  const name = optStr(ctx, target, 'userInput', tp);
  const candidates = [...optStrArr(ctx, target, 'repoDigests', tp)]
    .sort(compareStrings)
    .map((rd) => rd.slice(rd.lastIndexOf('@') + 1));
  const manifest = optStr(ctx, target, 'manifestDigest', tp);
  const imageId = optStr(ctx, target, 'imageID', tp);
  if (manifest !== undefined) candidates.push(manifest);
  if (imageId !== undefined) candidates.push(imageId);
  let digest;
  for (const c of candidates) if ((digest = asDigest(c)) !== undefined) break;
  return artifactRef(digest, name);
};

const FIX_STATES: ReadonlyMap<string, FixState> = new Map<string, FixState>([
  ['fixed', 'fixed'],
  ['not-fixed', 'not_fixed'],
  ['wont-fix', 'wont_fix'],
  ['unknown', 'unknown'],
]);

const readMatch = (
  ctx: Ctx,
  collector: FindingCollector,
  distroName: string | undefined,
  m: Obj,
  path: Path,
): void => {
  const vp = at(path, 'vulnerability');
  const ap = at(path, 'artifact');
  const v = reqObj(ctx, m, 'vulnerability', path);
  const a = reqObj(ctx, m, 'artifact', path);
  if (v === undefined || a === undefined) return;
  const id = reqStr(ctx, v, 'id', vp);
  const namespace = optStr(ctx, v, 'namespace', vp);
  const severity = readSeverity(ctx, v, namespace, vp);
  const cvss: CvssScore[] = readCvss(ctx, v, namespace, vp);
  const aliases: string[] = [];
  const related = optArr(ctx, m, 'relatedVulnerabilities', path) ?? [];
  for (const { o: r, path: rp } of objects(ctx, related, at(path, 'relatedVulnerabilities'))) {
    const rid = reqStr(ctx, r, 'id', rp);
    if (rid !== undefined) aliases.push(rid);
    cvss.push(...readCvss(ctx, r, optStr(ctx, r, 'namespace', rp), rp));
  }
  const fix = optObj(ctx, v, 'fix', vp);
  const fixedVersions =
    fix === undefined ? [] : optStrArr(ctx, fix, 'versions', at(vp, 'fix')).map((s) => s.trim());
  const state = fix === undefined ? undefined : optStr(ctx, fix, 'state', at(vp, 'fix'));
  let fixState = state === undefined ? undefined : FIX_STATES.get(state);
  if (state !== undefined && fixState === undefined) {
    ctx.warn(
      'FORMATS_WARN_VALUE_UNRECOGNIZED',
      at(at(vp, 'fix'), 'state'),
      `unknown fix state ${JSON.stringify(state)}: derived from fix.versions`,
    );
  }
  fixState ??= fixedVersions.length > 0 ? 'fixed' : 'unknown';
  const name = reqStr(ctx, a, 'name', ap);
  const version = optStr(ctx, a, 'version', ap);
  const type = optStr(ctx, a, 'type', ap);
  const purlText = optStr(ctx, a, 'purl', ap);
  const locations: Location[] = [];
  const locs = optArr(ctx, a, 'locations', ap) ?? [];
  for (const { o: l, path: lp } of objects(ctx, locs, at(ap, 'locations'))) {
    const loc: { path?: string; layer?: string } = {};
    const p = optStr(ctx, l, 'path', lp);
    const layer = optStr(ctx, l, 'layerID', lp);
    if (p !== undefined) loc.path = p;
    if (layer !== undefined) loc.layer = layer;
    if (p !== undefined || layer !== undefined) locations.push(loc);
  }
  if (id === undefined || name === undefined) return;
  const docPurl = documentPurl(ctx, purlText, at(ap, 'purl'));
  const purl = docPurl ?? derive(ctx, type, distroName, name, version, ap);
  collector.add(
    {
      vulnerabilityId: id,
      aliases,
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
      title: undefined,
    },
    path,
  );
};

// Finding-v1 section 5.3, Grype: artifact.type names the purl type; OS package types take
// their namespace from distro.name; Maven needs "group:artifact" in the name.
const derive = (
  ctx: Ctx,
  type: string | undefined,
  distroName: string | undefined,
  name: string,
  version: string | undefined,
  path: Path,
) => {
  const purlType = type === undefined ? undefined : GRYPE_TYPES.get(type);
  let out;
  if (purlType === 'deb' || purlType === 'rpm' || purlType === 'apk') {
    const os = distroName === undefined ? undefined : OS_FAMILIES.get(distroName.toLowerCase());
    if (os !== undefined && os.type === purlType) out = derivePurl(ctx, os, name, version);
  } else if (purlType !== undefined) out = derivePurl(ctx, { type: purlType }, name, version);
  if (out === undefined) {
    ctx.warn(
      'FORMATS_WARN_PURL_NOT_DERIVABLE',
      path,
      `no usable artifact.purl and no purl type for artifact.type ${JSON.stringify(type ?? null)}`,
    );
  }
  return out;
};

const readSeverity = (
  ctx: Ctx,
  v: Obj,
  namespace: string | undefined,
  path: Path,
): SeverityRating =>
  ratingFromText(ctx, optStr(ctx, v, 'severity', path), namespace, path, 'severity');

const readCvss = (ctx: Ctx, v: Obj, namespace: string | undefined, path: Path): CvssScore[] => {
  const out: CvssScore[] = [];
  const list = optArr(ctx, v, 'cvss', path) ?? [];
  for (const { o: c, path: cp } of objects(ctx, list, at(path, 'cvss'))) {
    const declared = optStr(ctx, c, 'version', cp);
    const metrics = optObj(ctx, c, 'metrics', cp);
    const score =
      metrics === undefined ? undefined : optNum(ctx, metrics, 'baseScore', at(cp, 'metrics'));
    const entry = makeCvss(
      declared === undefined ? undefined : cvssVersionOf(declared),
      optStr(ctx, c, 'source', cp) ?? namespace,
      optStr(ctx, c, 'vector', cp),
      score,
    );
    if (entry !== undefined) out.push(entry);
  }
  return out;
};
