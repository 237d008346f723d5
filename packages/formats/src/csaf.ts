/**
 * CSAF 2.0 documents (profile `csaf_vex` and security advisories): one VEX statement per
 * vulnerability and product id in its `product_status`, with the product tree resolved to
 * purls and CPEs. A relationship product ("xz as a component of RHEL 10") becomes the platform
 * as product and the component as its subcomponent. Rules: docs/guides/importing.md "CSAF".
 * @module
 */
import type {
  VexJustification,
  VexProduct,
  VexStatement,
  VexStatus,
  VexSubcomponent,
} from '@warrant/core';
import { formatsError } from './errors';
import { documentPurl, documentTime, emptyOutput, type Importer } from './internal/env';
import {
  at,
  isRootObject,
  objects,
  optArr,
  optObj,
  optStr,
  optStrArr,
  reqObj,
  reqStr,
  type Ctx,
  type Obj,
  type Path,
} from './internal/read';
import { compareStrings, uniqueSorted } from './internal/sort';
import { sortProducts } from './internal/vex';

/**
 * Imports a CSAF 2.0 document.
 * @param doc - the parsed document
 * @param env - issue collector, source digest and options
 * @returns VEX statements, one per (vulnerability, product id)
 */
export const importCsaf: Importer = (doc, env) => {
  const { ctx } = env;
  if (!isRootObject(ctx, doc, 'a CSAF document')) return emptyOutput();
  const dp = at(undefined, 'document');
  const document = reqObj(ctx, doc, 'document', undefined);
  if (document === undefined) return emptyOutput();
  const version = document['csaf_version'];
  if (version !== '2.0') {
    return formatsError(
      'FORMATS_UNSUPPORTED_VERSION',
      `csaf_version ${JSON.stringify(version ?? null)} is not supported: expected "2.0"`,
      '$.document.csaf_version',
    );
  }
  const publisher = optObj(ctx, document, 'publisher', dp);
  const issuer =
    publisher === undefined ? undefined : optStr(ctx, publisher, 'name', at(dp, 'publisher'));
  const tracking = optObj(ctx, document, 'tracking', dp);
  const tp = at(dp, 'tracking');
  const documentId = tracking === undefined ? undefined : optStr(ctx, tracking, 'id', tp);
  const released =
    tracking === undefined
      ? undefined
      : documentTime(
          ctx,
          optStr(ctx, tracking, 'current_release_date', tp),
          at(tp, 'current_release_date'),
        );
  const tree = readProductTree(ctx, doc);
  const statements: VexStatement[] = [];
  const vulns = optArr(ctx, doc, 'vulnerabilities', undefined) ?? [];
  for (const { o: v, path } of objects(ctx, vulns, at(undefined, 'vulnerabilities'))) {
    const cve = optStr(ctx, v, 'cve', path);
    const ids: string[] = [];
    const idList = optArr(ctx, v, 'ids', path) ?? [];
    for (const { o: i, path: ip } of objects(ctx, idList, at(path, 'ids'))) {
      const text = reqStr(ctx, i, 'text', ip);
      if (text !== undefined) ids.push(text);
    }
    const id = cve ?? ids[0];
    if (id === undefined) {
      ctx.fail(at(path, 'cve'), 'expected a cve or at least one ids[] entry');
      continue;
    }
    const aliases = uniqueSorted(ids.filter((i) => VULN_ID.test(i) && i !== id));
    const flags = readScoped(ctx, v, 'flags', 'label', path, tree.groups);
    const threats = readScoped(
      ctx,
      v,
      'threats',
      'details',
      path,
      tree.groups,
      (o) => o['category'] === 'impact',
    );
    const remediations = readScoped(ctx, v, 'remediations', 'details', path, tree.groups);
    const status = optObj(ctx, v, 'product_status', path);
    if (status === undefined) continue;
    const sp = at(path, 'product_status');
    for (const key of Object.keys(status)) {
      const mapped = STATUSES.get(key);
      if (mapped === undefined) {
        if (key !== 'recommended') {
          ctx.warn(
            'FORMATS_WARN_VALUE_UNRECOGNIZED',
            at(sp, key),
            `unknown product_status ${JSON.stringify(key)}: ignored`,
          );
        }
        continue;
      }
      for (const productId of uniqueSorted(optStrArr(ctx, status, key, sp))) {
        const product = resolveProduct(ctx, tree, productId, at(sp, key));
        const s: { -readonly [K in keyof VexStatement]: VexStatement[K] } = {
          vulnerability: { id, aliases },
          products: sortProducts([product]),
          status: mapped,
          document:
            documentId === undefined
              ? { format: 'csaf', digest: env.sourceDigest }
              : { format: 'csaf', digest: env.sourceDigest, id: documentId },
        };
        const label = first(flags, productId);
        if (label !== undefined) {
          if (JUSTIFICATIONS.has(label)) s.justification = label as VexJustification;
          else s.justificationRaw = label;
        }
        if (mapped === 'not_affected') {
          const impact = joined(threats, productId);
          if (impact !== undefined) s.impactStatement = impact;
        }
        if (mapped === 'affected') {
          const action = joined(remediations, productId);
          if (action !== undefined) s.actionStatement = action;
        }
        if (issuer !== undefined) s.issuer = issuer;
        if (released !== undefined) s.timestamp = released;
        statements.push(s);
      }
    }
  }
  return { ...emptyOutput(), formatVersion: '2.0', vexStatements: statements };
};

// --- internal --------------------------------------------------------------

const VULN_ID = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;

// CSAF 2.0 section 3.2.3.9 (product_status) to VEX status; "recommended" names versions to
// install, not a status, and is skipped.
const STATUSES: ReadonlyMap<string, VexStatus> = new Map<string, VexStatus>([
  ['first_affected', 'affected'],
  ['known_affected', 'affected'],
  ['last_affected', 'affected'],
  ['first_fixed', 'fixed'],
  ['fixed', 'fixed'],
  ['known_not_affected', 'not_affected'],
  ['under_investigation', 'under_investigation'],
]);

// CSAF 2.0 section 3.2.3.5: flag labels are the OpenVEX justifications.
const JUSTIFICATIONS: ReadonlySet<string> = new Set([
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
]);

interface Named {
  readonly name?: string;
  readonly purl?: string;
  readonly cpe?: string;
}

interface ProductTree {
  readonly products: Map<string, Named>;
  readonly relationships: Map<string, { readonly component: string; readonly platform: string }>;
  readonly groups: Map<string, ReadonlyArray<string>>;
}

const readNamed = (ctx: Ctx, o: Obj, path: Path): { id: string; named: Named } | undefined => {
  const id = reqStr(ctx, o, 'product_id', path);
  const name = optStr(ctx, o, 'name', path);
  const helper = optObj(ctx, o, 'product_identification_helper', path);
  const hp = at(path, 'product_identification_helper');
  const purl =
    helper === undefined
      ? undefined
      : documentPurl(ctx, optStr(ctx, helper, 'purl', hp), at(hp, 'purl'));
  const cpe = helper === undefined ? undefined : optStr(ctx, helper, 'cpe', hp);
  if (id === undefined) return undefined;
  const named: { name?: string; purl?: string; cpe?: string } = {};
  if (name !== undefined) named.name = name;
  if (purl !== undefined) named.purl = purl.purl;
  if (cpe !== undefined) named.cpe = cpe;
  return { id, named };
};

// CSAF 2.0 section 3.1.3: products are the leaves of branches, full_product_names and
// relationships' full_product_name; groups name sets of product ids.
const readProductTree = (ctx: Ctx, doc: Obj): ProductTree => {
  const tree: ProductTree = { products: new Map(), relationships: new Map(), groups: new Map() };
  const pt = optObj(ctx, doc, 'product_tree', undefined);
  if (pt === undefined) return tree;
  const ptp = at(undefined, 'product_tree');
  const add = (o: Obj, path: Path) => {
    const n = readNamed(ctx, o, path);
    if (n !== undefined && !tree.products.has(n.id)) tree.products.set(n.id, n.named);
  };
  const stack: Array<{ list: ReadonlyArray<unknown>; path: Path }> = [
    { list: optArr(ctx, pt, 'branches', ptp) ?? [], path: at(ptp, 'branches') },
  ];
  while (stack.length > 0 && !ctx.full) {
    const { list, path } = stack.pop() as { list: ReadonlyArray<unknown>; path: Path };
    for (const { o: b, path: bp } of objects(ctx, list, path)) {
      const product = optObj(ctx, b, 'product', bp);
      if (product !== undefined) add(product, at(bp, 'product'));
      const nested = optArr(ctx, b, 'branches', bp) ?? [];
      if (nested.length > 0) stack.push({ list: nested, path: at(bp, 'branches') });
    }
  }
  for (const { o, path } of objects(
    ctx,
    optArr(ctx, pt, 'full_product_names', ptp) ?? [],
    at(ptp, 'full_product_names'),
  ))
    add(o, path);
  for (const { o: r, path } of objects(
    ctx,
    optArr(ctx, pt, 'relationships', ptp) ?? [],
    at(ptp, 'relationships'),
  )) {
    const full = reqObj(ctx, r, 'full_product_name', path);
    const component = reqStr(ctx, r, 'product_reference', path);
    const platform = reqStr(ctx, r, 'relates_to_product_reference', path);
    if (full === undefined || component === undefined || platform === undefined) continue;
    const n = readNamed(ctx, full, at(path, 'full_product_name'));
    if (n !== undefined && !tree.relationships.has(n.id))
      tree.relationships.set(n.id, { component, platform });
  }
  for (const { o: g, path } of objects(
    ctx,
    optArr(ctx, pt, 'product_groups', ptp) ?? [],
    at(ptp, 'product_groups'),
  )) {
    const gid = reqStr(ctx, g, 'group_id', path);
    if (gid !== undefined) tree.groups.set(gid, optStrArr(ctx, g, 'product_ids', path));
  }
  return tree;
};

// `{ id, ...n }`, member by member (a spread of these varied shapes was a measurable cost).
const identity = (id: string, n: Named | undefined): Mutable<VexProduct> => {
  const out: Mutable<VexProduct> = { id } as Mutable<VexProduct>;
  if (n !== undefined) {
    if (n.name !== undefined) out.name = n.name;
    if (n.purl !== undefined) out.purl = n.purl;
    if (n.cpe !== undefined) out.cpe = n.cpe;
  }
  return out;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A fresh product: the identity, then its subcomponents. */
const product = (
  id: string,
  n: Named | undefined,
  subcomponents: VexSubcomponent[],
): VexProduct => {
  const p = identity(id, n);
  p.subcomponents = subcomponents;
  return p;
};

const resolveProduct = (ctx: Ctx, tree: ProductTree, id: string, path: Path): VexProduct => {
  const rel = tree.relationships.get(id);
  if (rel !== undefined) {
    const platform = tree.products.get(rel.platform);
    const component = tree.products.get(rel.component);
    if (platform === undefined || component === undefined) {
      ctx.warn(
        'FORMATS_WARN_REFERENCE_UNRESOLVED',
        path,
        `relationship ${JSON.stringify(id)} refers to a product missing from product_tree`,
      );
    }
    const sub = identity(rel.component, component) as Mutable<VexSubcomponent>;
    return product(rel.platform, platform, [sub]);
  }
  const named = tree.products.get(id);
  if (named === undefined) {
    ctx.warn(
      'FORMATS_WARN_REFERENCE_UNRESOLVED',
      path,
      `product id ${JSON.stringify(id)} is not in product_tree`,
    );
  }
  return product(id, named, []);
};

// flags, threats and remediations each apply to product_ids and group_ids; with neither, to
// every product.
interface Scoped {
  readonly value: string;
  readonly products: ReadonlySet<string> | undefined;
}

const readScoped = (
  ctx: Ctx,
  v: Obj,
  key: string,
  valueKey: string,
  path: Path,
  groups: ReadonlyMap<string, ReadonlyArray<string>>,
  keep: (o: Obj) => boolean = () => true,
): Scoped[] => {
  const out: Scoped[] = [];
  for (const { o, path: p } of objects(ctx, optArr(ctx, v, key, path) ?? [], at(path, key))) {
    const value = optStr(ctx, o, valueKey, p);
    const ids = optStrArr(ctx, o, 'product_ids', p);
    const gids = optStrArr(ctx, o, 'group_ids', p);
    if (value === undefined || !keep(o)) continue;
    const all = [...ids];
    for (const g of gids) all.push(...(groups.get(g) ?? []));
    out.push({ value, products: ids.length === 0 && gids.length === 0 ? undefined : new Set(all) });
  }
  return out;
};

const applicable = (list: ReadonlyArray<Scoped>, id: string): string[] =>
  uniqueSorted(
    list.filter((s) => s.products === undefined || s.products.has(id)).map((s) => s.value),
  );

const first = (list: ReadonlyArray<Scoped>, id: string): string | undefined =>
  applicable(list, id)[0];

const joined = (list: ReadonlyArray<Scoped>, id: string): string | undefined => {
  const values = applicable(list, id);
  return values.length === 0 ? undefined : values.sort(compareStrings).join('\n');
};
