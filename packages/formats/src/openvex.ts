/**
 * OpenVEX documents: v0.2.0 (`@context` https://openvex.dev/ns/v0.2.0) and the legacy pre-0.2
 * form (`@context` https://openvex.dev/ns, vulnerability and products as plain strings,
 * statement-level subcomponents). Rules: docs/guides/importing.md "OpenVEX" and
 * docs/spec/finding-v1.md section 10.
 * @module
 */
import type {
  VexJustification,
  VexProduct,
  VexStatement,
  VexStatus,
  VexSubcomponent,
} from '@warrant/core';
import {
  VexJustification as VexJustificationCodec,
  VexStatus as VexStatusCodec,
} from '@warrant/core';
import {
  asDigest,
  digestOfOciPurl,
  documentPurl,
  documentTime,
  emptyOutput,
  type Importer,
} from './internal/env';
import {
  at,
  describe,
  isObj,
  isRootObject,
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
import { uniqueSorted } from './internal/sort';
import { sortProducts } from './internal/vex';

/**
 * Imports an OpenVEX document.
 * @param doc - the parsed document
 * @param env - issue collector, source digest and options
 * @returns one VEX statement per OpenVEX statement
 */
export const importOpenVex: Importer = (doc, env) => {
  const { ctx } = env;
  if (!isRootObject(ctx, doc, 'an OpenVEX document')) return emptyOutput();
  const context = optStr(ctx, doc, '@context', undefined) ?? '';
  const versionMatch = /^https:\/\/openvex\.dev\/ns\/v(\d+\.\d+\.\d+)$/.exec(context);
  const formatVersion = versionMatch === null ? '0.0.1' : (versionMatch[1] as string);
  const documentId = optStr(ctx, doc, '@id', undefined);
  const author = optStr(ctx, doc, 'author', undefined);
  const docTime = documentTime(
    ctx,
    optStr(ctx, doc, 'timestamp', undefined),
    at(undefined, 'timestamp'),
  );
  const statements: VexStatement[] = [];
  const list = reqArr(ctx, doc, 'statements', undefined) ?? [];
  for (const { o: st, path } of objects(ctx, list, at(undefined, 'statements'))) {
    const vulnerability = readVulnerability(ctx, st, path);
    const status = readEnum(ctx, st, 'status', path, STATUSES, true) as VexStatus | undefined;
    const justification = readEnum(ctx, st, 'justification', path, JUSTIFICATIONS, false);
    // Pre-0.2 documents list subcomponents on the statement; they apply to every product.
    const shared = readSubcomponents(ctx, st, path);
    const products: VexProduct[] = [];
    const plist = optArr(ctx, st, 'products', path) ?? [];
    for (let i = 0; i < plist.length; i++) {
      const p = readProduct(ctx, plist[i], at(at(path, 'products'), i));
      if (p === undefined) continue;
      // readProduct made `p` for this call alone.
      if (shared.length > 0) {
        (p as { subcomponents: VexSubcomponent[] }).subcomponents = [...p.subcomponents, ...shared];
      }
      products.push(p);
    }
    const impact = optStr(ctx, st, 'impact_statement', path);
    const action = optStr(ctx, st, 'action_statement', path);
    const notes = optStr(ctx, st, 'status_notes', path);
    const supplier = optStr(ctx, st, 'supplier', path);
    const time =
      documentTime(ctx, optStr(ctx, st, 'timestamp', path), at(path, 'timestamp')) ??
      documentTime(ctx, optStr(ctx, st, 'last_updated', path), at(path, 'last_updated')) ??
      docTime;
    if (vulnerability === undefined || status === undefined) continue;
    const s: { -readonly [K in keyof VexStatement]: VexStatement[K] } = {
      vulnerability,
      products: sortProducts(products),
      status,
      document:
        documentId === undefined
          ? { format: 'openvex', digest: env.sourceDigest }
          : { format: 'openvex', digest: env.sourceDigest, id: documentId },
    };
    if (justification !== undefined) {
      if ((JUSTIFICATIONS as ReadonlySet<string>).has(justification))
        s.justification = justification as VexJustification;
      else s.justificationRaw = justification;
    }
    if (impact !== undefined) s.impactStatement = impact;
    if (action !== undefined) s.actionStatement = action;
    if (notes !== undefined) s.statusNotes = notes;
    const issuer = supplier ?? author;
    if (issuer !== undefined) s.issuer = issuer;
    if (time !== undefined) s.timestamp = time;
    statements.push(s);
  }
  return { ...emptyOutput(), formatVersion, vexStatements: statements };
};

// --- internal --------------------------------------------------------------

const STATUSES: ReadonlySet<string> = new Set(Object.keys(VexStatusCodec.keys));
const JUSTIFICATIONS: ReadonlySet<string> = new Set(Object.keys(VexJustificationCodec.keys));

// A status outside the closed set is an issue (the statement cannot be understood); an
// unknown justification is a warning and kept as justificationRaw.
const readEnum = (
  ctx: Ctx,
  o: Obj,
  key: string,
  path: Path,
  allowed: ReadonlySet<string>,
  required: boolean,
): string | undefined => {
  const v = required ? reqStr(ctx, o, key, path) : optStr(ctx, o, key, path);
  if (v === undefined || allowed.has(v)) return v;
  if (required)
    return ctx.fail(
      at(path, key),
      `expected one of ${[...allowed].join(', ')}, got ${JSON.stringify(v)}`,
    );
  ctx.warn(
    'FORMATS_WARN_VALUE_UNRECOGNIZED',
    at(path, key),
    `unknown ${key} ${JSON.stringify(v)}: kept as justificationRaw`,
  );
  return v;
};

// 0.2.0: { "@id", "name", "aliases" }; legacy: a plain string.
const readVulnerability = (ctx: Ctx, st: Obj, path: Path) => {
  const v = st['vulnerability'];
  if (typeof v === 'string' && v !== '') return { id: v, aliases: [] };
  if (!isObj(v))
    return ctx.fail(
      at(path, 'vulnerability'),
      `expected a vulnerability object or string, got ${describe(v)}`,
    );
  const vp = at(path, 'vulnerability');
  const id = optStr(ctx, v, 'name', vp) ?? optStr(ctx, v, '@id', vp);
  if (id === undefined) return ctx.fail(at(vp, 'name'), 'expected a non-empty vulnerability name');
  const aliases = uniqueSorted(optStrArr(ctx, v, 'aliases', vp)).filter((a) => a !== id);
  return { id, aliases };
};

const readIdentity = (ctx: Ctx, v: unknown, path: Path): VexSubcomponent | undefined => {
  const out: { -readonly [K in keyof VexSubcomponent]: VexSubcomponent[K] } = {};
  let iri: string | undefined;
  let identifiers: Obj | undefined;
  let hashes: Obj | undefined;
  if (typeof v === 'string' && v !== '') iri = v;
  else if (isObj(v)) {
    iri = optStr(ctx, v, '@id', path);
    identifiers = optObj(ctx, v, 'identifiers', path);
    hashes = optObj(ctx, v, 'hashes', path);
  } else return ctx.fail(path, `expected a product object or string, got ${describe(v)}`);
  if (iri !== undefined) out.id = iri;
  const ip = at(path, 'identifiers');
  const purlText =
    (identifiers === undefined ? undefined : optStr(ctx, identifiers, 'purl', ip)) ??
    (iri?.startsWith('pkg:') ? iri : undefined);
  const purl = documentPurl(
    ctx,
    purlText,
    identifiers?.['purl'] === undefined ? path : at(ip, 'purl'),
  );
  if (purl !== undefined) {
    out.purl = purl.purl;
    const d = digestOfOciPurl(purl.parsed);
    if (d !== undefined) out.digest = d;
  }
  const cpe =
    identifiers === undefined
      ? undefined
      : (optStr(ctx, identifiers, 'cpe23', ip) ?? optStr(ctx, identifiers, 'cpe22', ip));
  if (cpe !== undefined) out.cpe = cpe;
  const sha = hashes === undefined ? undefined : optStr(ctx, hashes, 'sha-256', at(path, 'hashes'));
  if (sha !== undefined) {
    const d = asDigest(`sha256:${sha}`);
    if (d === undefined)
      ctx.warn(
        'FORMATS_WARN_DIGEST_INVALID',
        at(at(path, 'hashes'), 'sha-256'),
        'not 64 lowercase hex digits: ignored',
      );
    else out.digest = d;
  }
  if (Object.keys(out).length === 0)
    return ctx.fail(path, 'expected an @id, identifiers or hashes');
  return out;
};

const readSubcomponents = (ctx: Ctx, o: Obj, path: Path): VexSubcomponent[] => {
  const out: VexSubcomponent[] = [];
  const list = optArr(ctx, o, 'subcomponents', path) ?? [];
  for (let i = 0; i < list.length; i++) {
    const s = readIdentity(ctx, list[i], at(at(path, 'subcomponents'), i));
    if (s !== undefined) out.push(s);
  }
  return out;
};

const readProduct = (ctx: Ctx, v: unknown, path: Path): VexProduct | undefined => {
  const identity = readIdentity(ctx, v, path);
  if (identity === undefined) return undefined;
  // readIdentity made the object for this call: subcomponents are added to it, last.
  const p = identity as { -readonly [K in keyof VexProduct]: VexProduct[K] };
  p.subcomponents = isObj(v) ? readSubcomponents(ctx, v, path) : [];
  return p;
};
