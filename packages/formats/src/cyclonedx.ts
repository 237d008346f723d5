/**
 * CycloneDX 1.4-1.6 JSON: components become the inventory; each vulnerability without an
 * `analysis.state` becomes one finding per affected component; each with one becomes a VEX
 * statement (./cyclonedx-vex). Rules: docs/guides/importing.md "CycloneDX" and
 * docs/spec/finding-v1.md.
 * @module
 */
import {
  compareSeverity,
  type Component,
  type CvssScore,
  type SeverityRating,
  type Sha256Digest,
  type VexStatement,
} from '@warrant/core';
import { formatsError } from './errors';
import { readAnalysis, type CdxComponent } from './cyclonedx-vex';
import {
  artifactRef,
  componentRef,
  componentWith,
  digestOfOciPurl,
  documentPurl,
  documentTime,
  emptyOutput,
  findingContext,
  scannerRef,
  splitVersions,
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
  reqStr,
  type Ctx,
  type Obj,
  type Path,
} from './internal/read';
import { cvssVersionOf, makeCvss, severityFromText } from './internal/severity';
import { compareStrings, uniqueSorted } from './internal/sort';

const SPEC_VERSIONS = new Set(['1.4', '1.5', '1.6']);

/**
 * Imports a CycloneDX JSON BOM (SBOM, BOM with vulnerabilities, or VEX).
 * @param doc - the parsed BOM
 * @param env - issue collector, source digest and options
 * @returns components, findings and VEX statements
 */
export const importCycloneDx: Importer = (doc, env) => {
  const { ctx } = env;
  if (!isRootObject(ctx, doc, 'a CycloneDX BOM')) return emptyOutput();
  const specVersion = doc['specVersion'];
  if (typeof specVersion !== 'string' || !SPEC_VERSIONS.has(specVersion)) {
    return formatsError(
      'FORMATS_UNSUPPORTED_VERSION',
      `CycloneDX specVersion ${JSON.stringify(specVersion ?? null)} is not supported: expected 1.4, 1.5 or 1.6`,
      '$.specVersion',
    );
  }
  const mp = at(undefined, 'metadata');
  const metadata = optObj(ctx, doc, 'metadata', undefined);
  const scanTime =
    metadata === undefined
      ? undefined
      : documentTime(ctx, optStr(ctx, metadata, 'timestamp', mp), at(mp, 'timestamp'));
  const scanner = metadata === undefined ? undefined : readTool(ctx, metadata);
  const root = metadata === undefined ? undefined : optObj(ctx, metadata, 'component', mp);
  const byRef = new Map<string, CdxComponent>();
  let artifactDigest: Sha256Digest | undefined;
  let artifactName: string | undefined;
  if (root !== undefined) {
    const c = readComponent(ctx, root, at(mp, 'component'));
    if (c !== undefined) {
      artifactName = c.cdx.name;
      if (c.cdx.purl !== undefined) artifactDigest = digestOfOciPurl(c.cdx.purl.parsed);
      if (c.cdx.bomRef !== undefined) byRef.set(c.cdx.bomRef, c.cdx);
    }
  }
  // Components, nested ones included (CycloneDX components[].components), depth first.
  const components: Component[] = [];
  const stack: Array<{ list: ReadonlyArray<unknown>; path: Path }> = [
    { list: optArr(ctx, doc, 'components', undefined) ?? [], path: at(undefined, 'components') },
  ];
  while (stack.length > 0 && !ctx.full) {
    const { list, path } = stack.pop() as { list: ReadonlyArray<unknown>; path: Path };
    for (const { o, path: cp } of objects(ctx, list, path)) {
      const c = readComponent(ctx, o, cp);
      if (c !== undefined) {
        components.push(c.component);
        if (c.cdx.bomRef !== undefined && !byRef.has(c.cdx.bomRef)) byRef.set(c.cdx.bomRef, c.cdx);
      }
      const nested = optArr(ctx, o, 'components', cp) ?? [];
      if (nested.length > 0) stack.push({ list: nested, path: at(cp, 'components') });
    }
  }
  const fc = findingContext(
    env,
    artifactRef(artifactDigest, artifactName),
    scanner ?? { name: 'unknown' },
    scanTime,
  );
  const collector = new FindingCollector(ctx, fc);
  const statements: VexStatement[] = [];
  const serial = optStr(ctx, doc, 'serialNumber', undefined);
  const issuer = metadata === undefined ? undefined : readIssuer(ctx, metadata);
  const vulns = optArr(ctx, doc, 'vulnerabilities', undefined) ?? [];
  for (const { o: v, path } of objects(ctx, vulns, at(undefined, 'vulnerabilities'))) {
    const id = reqStr(ctx, v, 'id', path);
    const aliases: string[] = [];
    const refs = optArr(ctx, v, 'references', path) ?? [];
    for (const { o: r, path: rp } of objects(ctx, refs, at(path, 'references'))) {
      const rid = reqStr(ctx, r, 'id', rp);
      if (rid !== undefined) aliases.push(rid);
    }
    const affects: Array<{ ref: string; path: Path; component: CdxComponent | undefined }> = [];
    const affectList = optArr(ctx, v, 'affects', path) ?? [];
    for (const { o: a, path: ap } of objects(ctx, affectList, at(path, 'affects'))) {
      const ref = reqStr(ctx, a, 'ref', ap);
      if (ref !== undefined)
        affects.push({
          ref,
          path: at(ap, 'ref'),
          component: resolveRef(ctx, byRef, ref, at(ap, 'ref')),
        });
    }
    const analysis = optObj(ctx, v, 'analysis', path);
    if (analysis !== undefined && analysis['state'] !== undefined && analysis['state'] !== null) {
      const s = readAnalysis(ctx, {
        id,
        aliases,
        affects,
        analysis,
        path,
        issuer,
        documentTime: scanTime,
        serial,
        sourceDigest: env.sourceDigest,
      });
      if (s !== undefined) statements.push(s);
      continue;
    }
    const sourceObj = optObj(ctx, v, 'source', path);
    const sourceName =
      sourceObj === undefined ? undefined : optStr(ctx, sourceObj, 'name', at(path, 'source'));
    const { severity, cvss } = readRatings(ctx, v, sourceName, path);
    const recommendation = optStr(ctx, v, 'recommendation', path);
    if (id === undefined) continue;
    if (affects.length === 0) {
      ctx.warn(
        'FORMATS_WARN_CONTENT_IGNORED',
        path,
        'a vulnerability without affects names no component: skipped',
      );
    }
    for (const a of affects) {
      if (a.component === undefined) continue;
      const fixedVersions = fixedFromRecommendation(recommendation, a.component.name);
      collector.add(
        {
          vulnerabilityId: id,
          aliases,
          component: componentRef(
            a.component.name,
            a.component.version,
            a.component.purl?.purl,
            'document',
          ),
          purlBare: a.component.purl?.bare,
          severity,
          cvss,
          fixState: fixedVersions.length > 0 ? 'fixed' : 'unknown',
          fixedVersions,
          locations: [],
          title: undefined,
        },
        a.path,
      );
    }
  }
  const out: {
    -readonly [K in keyof ReturnType<typeof emptyOutput>]: ReturnType<typeof emptyOutput>[K];
  } = {
    ...emptyOutput(),
    formatVersion: specVersion,
    artifact: fc.artifact,
    findings: collector.findings(),
    components,
    vexStatements: statements,
  };
  if (scanner !== undefined) out.scanner = scanner;
  return out;
};

// --- internal --------------------------------------------------------------

const readComponent = (
  ctx: Ctx,
  o: Obj,
  path: Path,
): { component: Component; cdx: CdxComponent } | undefined => {
  const name = reqStr(ctx, o, 'name', path);
  const group = optStr(ctx, o, 'group', path);
  const version = optStr(ctx, o, 'version', path);
  const type = optStr(ctx, o, 'type', path);
  const bomRef = optStr(ctx, o, 'bom-ref', path);
  const purl = documentPurl(ctx, optStr(ctx, o, 'purl', path), at(path, 'purl'));
  const licenses: string[] = [];
  const list = optArr(ctx, o, 'licenses', path) ?? [];
  for (const { o: l, path: lp } of objects(ctx, list, at(path, 'licenses'))) {
    const expression = optStr(ctx, l, 'expression', lp);
    const lic = optObj(ctx, l, 'license', lp);
    const idOrName =
      lic === undefined
        ? undefined
        : (optStr(ctx, lic, 'id', at(lp, 'license')) ??
          optStr(ctx, lic, 'name', at(lp, 'license')));
    if (expression !== undefined) licenses.push(expression);
    if (idOrName !== undefined) licenses.push(idOrName);
  }
  if (name === undefined) return undefined;
  // CycloneDX splits Maven-style coordinates into group and name; Warrant keeps them joined.
  const fullName = group === undefined ? name : `${group}/${name}`;
  const component = componentWith(
    fullName,
    version,
    purl?.purl,
    'document',
    uniqueSorted(licenses),
  );
  if (type !== undefined) component.type = type;
  if (bomRef !== undefined) component.bomRef = bomRef;
  return { component, cdx: { name: fullName, version, purl, bomRef } };
};

// A ref names a bom-ref, or a BOM-Link (urn:cdx:serial/version#bom-ref), or, as Trivy writes
// it, a purl that is itself the bom-ref.
const resolveRef = (
  ctx: Ctx,
  byRef: ReadonlyMap<string, CdxComponent>,
  ref: string,
  path: Path,
): CdxComponent | undefined => {
  const direct = byRef.get(ref);
  if (direct !== undefined) return direct;
  const hash = ref.startsWith('urn:cdx:') ? ref.indexOf('#') : -1;
  if (hash >= 0) {
    const linked = byRef.get(decodeURIComponentSafe(ref.slice(hash + 1)));
    if (linked !== undefined) return linked;
  }
  if (ref.startsWith('pkg:')) {
    const purl = documentPurl(ctx, ref, path);
    if (purl !== undefined) {
      const p = purl.parsed;
      return {
        name: p.namespace === null ? p.name : `${p.namespace}/${p.name}`,
        version: p.version ?? undefined,
        purl,
        bomRef: ref,
      };
    }
  }
  ctx.warn(
    'FORMATS_WARN_REFERENCE_UNRESOLVED',
    path,
    `no component has bom-ref ${JSON.stringify(ref)}: skipped`,
  );
  return undefined;
};

const decodeURIComponentSafe = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

// metadata.tools is an array of { vendor, name, version } up to 1.4 and
// { components: [...], services: [...] } from 1.5; the smallest name (then version) wins.
const readTool = (ctx: Ctx, metadata: Obj) => {
  const mp = at(undefined, 'metadata');
  const tools = metadata['tools'];
  let list: ReadonlyArray<unknown> = [];
  let lp = at(mp, 'tools');
  if (Array.isArray(tools)) list = tools;
  else if (isObj(tools)) {
    list = optArr(ctx, tools, 'components', lp) ?? [];
    lp = at(lp, 'components');
  }
  let best;
  for (const { o, path } of objects(ctx, list, lp)) {
    const name = optStr(ctx, o, 'name', path);
    if (name === undefined) continue;
    const s = scannerRef(name, optStr(ctx, o, 'version', path));
    if (
      best === undefined ||
      compareStrings(s.name, best.name) < 0 ||
      (s.name === best.name && compareStrings(s.version ?? '', best.version ?? '') < 0)
    )
      best = s;
  }
  return best;
};

const readIssuer = (ctx: Ctx, metadata: Obj): string | undefined => {
  const mp = at(undefined, 'metadata');
  const names: string[] = [];
  const authors = optArr(ctx, metadata, 'authors', mp) ?? [];
  for (const { o, path } of objects(ctx, authors, at(mp, 'authors'))) {
    const n = optStr(ctx, o, 'name', path);
    if (n !== undefined) names.push(n);
  }
  if (names.length > 0) return uniqueSorted(names)[0];
  for (const key of ['supplier', 'manufacturer', 'manufacture']) {
    const org = optObj(ctx, metadata, key, mp);
    const n = org === undefined ? undefined : optStr(ctx, org, 'name', at(mp, key));
    if (n !== undefined) return n;
  }
  return undefined;
};

// Finding-v1 section 4, CycloneDX: the rating from the vulnerability's own source, else from
// NVD, else the most severe; every rating with a CVSS method also becomes a CVSS entry.
const readRatings = (
  ctx: Ctx,
  v: Obj,
  sourceName: string | undefined,
  path: Path,
): { severity: SeverityRating; cvss: CvssScore[] } => {
  const cvss: CvssScore[] = [];
  const rated: Array<{ rating: SeverityRating; source: string }> = [];
  const list = optArr(ctx, v, 'ratings', path) ?? [];
  for (const { o: r, path: rp } of objects(ctx, list, at(path, 'ratings'))) {
    const src = optObj(ctx, r, 'source', rp);
    const source = src === undefined ? undefined : optStr(ctx, src, 'name', at(rp, 'source'));
    const raw = optStr(ctx, r, 'severity', rp);
    const method = optStr(ctx, r, 'method', rp);
    const version = method === undefined ? undefined : cvssVersionOf(method);
    const c =
      version === undefined
        ? undefined
        : makeCvss(version, source, optStr(ctx, r, 'vector', rp), optNum(ctx, r, 'score', rp));
    if (c !== undefined) cvss.push(c);
    if (raw === undefined) continue;
    const level = severityFromText(raw);
    if (level === undefined) {
      ctx.warn(
        'FORMATS_WARN_SEVERITY_UNRECOGNIZED',
        at(rp, 'severity'),
        `unrecognized severity ${JSON.stringify(raw)}: rating ignored`,
      );
      continue;
    }
    const rating: { level: SeverityRating['level']; source?: string; raw: string } = { level, raw };
    if (source !== undefined) rating.source = source;
    rated.push({ rating, source: source ?? '' });
  }
  const lower = (s: string | undefined) => s?.toLowerCase();
  const best = (list: typeof rated) =>
    [...list].sort(
      (a, b) =>
        compareSeverity(a.rating.level, b.rating.level) ||
        compareStrings(a.source, b.source) ||
        compareStrings(a.rating.raw ?? '', b.rating.raw ?? ''),
    )[0];
  const own =
    sourceName === undefined ? [] : rated.filter((r) => lower(r.source) === lower(sourceName));
  const nvd = rated.filter((r) => lower(r.source) === 'nvd');
  const pick = best(own.length > 0 ? own : nvd.length > 0 ? nvd : rated);
  if (pick === undefined) {
    ctx.warn(
      'FORMATS_WARN_SEVERITY_MISSING',
      at(path, 'ratings'),
      'no rating with a severity: recorded as unknown',
    );
    return { severity: { level: 'unknown' }, cvss };
  }
  return { severity: pick.rating, cvss };
};

// Trivy writes "Upgrade <name> to version <v>[, <v>…]" per component, joined by "; ".
const fixedFromRecommendation = (text: string | undefined, name: string): string[] => {
  if (text === undefined) return [];
  for (const part of text.split(';')) {
    const m = /^\s*Upgrade (\S+) to version (.+?)\s*$/.exec(part);
    if (m !== null && (m[1] === name || name.endsWith(`/${m[1] as string}`)))
      return splitVersions(m[2]);
  }
  return [];
};
