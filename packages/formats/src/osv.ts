/**
 * OSV records (schema 1.x): one record, or a JSON array of records, becomes vulnerability
 * knowledge: identifiers, aliases and affected ranges. Rules: docs/guides/importing.md "OSV"
 * and docs/spec/finding-v1.md section 13.
 * @module
 */
import type { Advisory, AffectedPackage, AffectedRange, RangeEvent } from '@warrant/core';
import { OSV_ECOSYSTEMS, derivePurl } from './internal/derive';
import {
  documentPurl,
  documentTime,
  emptyOutput,
  type ImportOutput,
  type Importer,
} from './internal/env';
import {
  at,
  describe,
  isObj,
  objects,
  optArr,
  optObj,
  optStr,
  optStrArr,
  reqArr,
  reqStr,
  type Ctx,
  type Obj,
  type Path,
} from './internal/read';
import { compareStrings, sortUnique, uniqueSorted } from './internal/sort';

/**
 * Imports OSV records.
 * @param doc - one parsed record, or an array of them
 * @param env - issue collector, source digest and options
 * @returns one advisory per record
 */
export const importOsv: Importer = (doc, env) => {
  const { ctx } = env;
  const records = Array.isArray(doc)
    ? objects(ctx, doc, undefined)
    : isObj(doc)
      ? [{ o: doc, path: undefined }]
      : [];
  if (!Array.isArray(doc) && !isObj(doc)) {
    ctx.fail(undefined, `expected an OSV record or an array of records, got ${describe(doc)}`);
  }
  const knowledge: Advisory[] = [];
  const versions = new Set<string>();
  for (const { o, path } of records) {
    const a = readRecord(ctx, o, path);
    if (a !== undefined) knowledge.push(a);
    const sv = optStr(ctx, o, 'schema_version', path);
    if (sv !== undefined) versions.add(sv);
  }
  const sv = uniqueSorted(versions);
  const out: { -readonly [K in keyof ImportOutput]: ImportOutput[K] } = emptyOutput();
  out.knowledge = knowledge;
  if (sv.length === 1) out.formatVersion = sv[0] as string;
  return out;
};

// --- internal --------------------------------------------------------------

const readRecord = (ctx: Ctx, o: Obj, path: Path): Advisory | undefined => {
  const id = reqStr(ctx, o, 'id', path);
  const aliases = optStrArr(ctx, o, 'aliases', path);
  const related = optStrArr(ctx, o, 'related', path);
  const upstream = optStrArr(ctx, o, 'upstream', path);
  const summary = optStr(ctx, o, 'summary', path);
  const published = documentTime(ctx, optStr(ctx, o, 'published', path), at(path, 'published'));
  const modified = documentTime(ctx, optStr(ctx, o, 'modified', path), at(path, 'modified'));
  const withdrawn = documentTime(ctx, optStr(ctx, o, 'withdrawn', path), at(path, 'withdrawn'));
  const severity: Array<{ type: string; score: string }> = [];
  for (const { o: s, path: sp } of objects(
    ctx,
    optArr(ctx, o, 'severity', path) ?? [],
    at(path, 'severity'),
  )) {
    const type = reqStr(ctx, s, 'type', sp);
    const score = reqStr(ctx, s, 'score', sp);
    if (type !== undefined && score !== undefined) severity.push({ type, score });
  }
  const affected: AffectedPackage[] = [];
  for (const { o: a, path: ap } of objects(
    ctx,
    optArr(ctx, o, 'affected', path) ?? [],
    at(path, 'affected'),
  )) {
    const p = readAffected(ctx, a, ap);
    if (p !== undefined) affected.push(p);
  }
  if (id === undefined) return undefined;
  const out: { -readonly [K in keyof Advisory]: Advisory[K] } = {
    id,
    aliases: uniqueSorted(aliases).filter((x) => x !== id),
    related: uniqueSorted(related).filter((x) => x !== id),
    upstream: uniqueSorted(upstream).filter((x) => x !== id),
    severity: sortUnique(
      severity,
      (a, b) => compareStrings(a.type, b.type) || compareStrings(a.score, b.score),
    ),
    affected: sortUnique(
      affected,
      (a, b) =>
        compareStrings(a.purl ?? '', b.purl ?? '') ||
        compareStrings(a.ecosystem ?? '', b.ecosystem ?? '') ||
        compareStrings(a.name ?? '', b.name ?? ''),
    ),
  };
  if (summary !== undefined) out.summary = summary;
  if (published !== undefined) out.published = published;
  if (modified !== undefined) out.modified = modified;
  if (withdrawn !== undefined) out.withdrawn = withdrawn;
  return out;
};

const EVENT_KINDS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

const readAffected = (ctx: Ctx, a: Obj, path: Path): AffectedPackage | undefined => {
  const pkg = optObj(ctx, a, 'package', path);
  const pp = at(path, 'package');
  const ecosystem = pkg === undefined ? undefined : optStr(ctx, pkg, 'ecosystem', pp);
  const name = pkg === undefined ? undefined : optStr(ctx, pkg, 'name', pp);
  const purlText = pkg === undefined ? undefined : optStr(ctx, pkg, 'purl', pp);
  const ranges: AffectedRange[] = [];
  for (const { o: r, path: rp } of objects(
    ctx,
    optArr(ctx, a, 'ranges', path) ?? [],
    at(path, 'ranges'),
  )) {
    const type = reqStr(ctx, r, 'type', rp);
    const repo = optStr(ctx, r, 'repo', rp);
    const events: RangeEvent[] = [];
    for (const { o: e, path: ep } of objects(
      ctx,
      reqArr(ctx, r, 'events', rp) ?? [],
      at(rp, 'events'),
    )) {
      // OSV schema: each event has exactly one of introduced, fixed, last_affected, limit.
      const kinds = EVENT_KINDS.filter((k) => e[k] !== undefined);
      const kind = kinds[0];
      const value = kind === undefined ? undefined : e[kind];
      if (kinds.length !== 1 || kind === undefined || typeof value !== 'string') {
        ctx.fail(
          ep,
          'expected exactly one of introduced, fixed, last_affected, limit, as a string',
        );
        continue;
      }
      events.push({ [kind]: value } as RangeEvent);
    }
    if (type === undefined) continue;
    ranges.push(repo === undefined ? { type, events } : { type, repo, events });
  }
  const versions = uniqueSorted(optStrArr(ctx, a, 'versions', path));
  const out: { -readonly [K in keyof AffectedPackage]: AffectedPackage[K] } = {
    ranges: sortUnique(ranges, (x, y) => compareStrings(x.type, y.type)),
    versions,
  };
  if (ecosystem !== undefined) out.ecosystem = ecosystem;
  if (name !== undefined) out.name = name;
  const purl = documentPurl(ctx, purlText, at(pp, 'purl'));
  if (purl !== undefined) {
    out.purl = purl.purl;
    out.purlSource = 'document';
  } else if (ecosystem !== undefined && name !== undefined) {
    // Finding-v1 section 5.3, OSV: the ecosystem before its first ":" names the purl type.
    const colon = ecosystem.indexOf(':');
    const target = OSV_ECOSYSTEMS.get(colon < 0 ? ecosystem : ecosystem.slice(0, colon));
    const derived = target === undefined ? undefined : derivePurl(ctx, target, name, undefined);
    if (derived !== undefined) {
      out.purl = derived.purl;
      out.purlSource = 'derived';
    } else
      ctx.warn(
        'FORMATS_WARN_PURL_NOT_DERIVABLE',
        pp,
        `no purl type for ecosystem ${JSON.stringify(ecosystem)}`,
      );
  }
  return out;
};
