/**
 * SPDX 2.2 and 2.3 JSON documents: every package becomes an inventory component, with its purl
 * from a `purl` external reference. Rules: docs/guides/importing.md "SPDX".
 * @module
 */
import type { Component, Sha256Digest } from '@warrant/core';
import { formatsError } from './errors';
import {
  artifactRef,
  componentWith,
  digestOfOciPurl,
  documentPurl,
  emptyOutput,
  scannerRef,
  type Importer,
  type ResolvedPurl,
} from './internal/env';
import {
  at,
  isRootObject,
  objects,
  optArr,
  optObj,
  optStr,
  optStrArr,
  reqStr,
  type Ctx,
  type Obj,
  type Path,
} from './internal/read';
import { compareStrings, uniqueSorted } from './internal/sort';

const VERSIONS = new Set(['SPDX-2.2', 'SPDX-2.3']);

/**
 * Imports an SPDX JSON document.
 * @param doc - the parsed document
 * @param env - issue collector, source digest and options
 * @returns one component per package; the artifact digest from a described OCI package
 */
export const importSpdx: Importer = (doc, env) => {
  const { ctx } = env;
  if (!isRootObject(ctx, doc, 'an SPDX document')) return emptyOutput();
  const version = doc['spdxVersion'];
  if (typeof version !== 'string' || !VERSIONS.has(version)) {
    return formatsError(
      'FORMATS_UNSUPPORTED_VERSION',
      `spdxVersion ${JSON.stringify(version ?? null)} is not supported: expected SPDX-2.2 or SPDX-2.3`,
      '$.spdxVersion',
    );
  }
  const name = optStr(ctx, doc, 'name', undefined);
  const documentId = optStr(ctx, doc, 'SPDXID', undefined) ?? 'SPDXRef-DOCUMENT';
  const described = new Set(optStrArr(ctx, doc, 'documentDescribes', undefined));
  const relationships = optArr(ctx, doc, 'relationships', undefined) ?? [];
  for (const { o: r, path } of objects(ctx, relationships, at(undefined, 'relationships'))) {
    const type = optStr(ctx, r, 'relationshipType', path);
    const from = optStr(ctx, r, 'spdxElementId', path);
    const to = optStr(ctx, r, 'relatedSpdxElement', path);
    if (type === 'DESCRIBES' && from === documentId && to !== undefined) described.add(to);
    if (type === 'DESCRIBED_BY' && to === documentId && from !== undefined) described.add(from);
  }
  const components: Component[] = [];
  const describedDigests: Sha256Digest[] = [];
  const packages = optArr(ctx, doc, 'packages', undefined) ?? [];
  for (const { o: p, path } of objects(ctx, packages, at(undefined, 'packages'))) {
    const c = readPackage(ctx, p, path);
    if (c === undefined) continue;
    components.push(c.component);
    if (c.spdxId !== undefined && described.has(c.spdxId) && c.purl !== undefined) {
      const d = digestOfOciPurl(c.purl.parsed);
      if (d !== undefined) describedDigests.push(d);
    }
  }
  const creation = optObj(ctx, doc, 'creationInfo', undefined);
  return {
    ...emptyOutput(),
    formatVersion: version,
    artifact: artifactRef(
      env.options.artifactDigest ?? [...describedDigests].sort(compareStrings)[0],
      name,
    ),
    ...(creation === undefined ? {} : tool(ctx, creation)),
    components,
  };
};

// --- internal --------------------------------------------------------------

const NO_VALUE = new Set(['NOASSERTION', 'NONE']);

const readPackage = (
  ctx: Ctx,
  p: Obj,
  path: Path,
):
  | { component: Component; spdxId: string | undefined; purl: ResolvedPurl | undefined }
  | undefined => {
  const name = reqStr(ctx, p, 'name', path);
  const spdxId = optStr(ctx, p, 'SPDXID', path);
  const versionInfo = optStr(ctx, p, 'versionInfo', path);
  const purpose = optStr(ctx, p, 'primaryPackagePurpose', path);
  const licenses = [
    optStr(ctx, p, 'licenseConcluded', path),
    optStr(ctx, p, 'licenseDeclared', path),
  ].filter((l): l is string => l !== undefined && !NO_VALUE.has(l));
  // The purl: the smallest (code-unit order) valid "purl" external reference.
  const purls: Array<{ text: string; path: Path }> = [];
  const refs = optArr(ctx, p, 'externalRefs', path) ?? [];
  for (const { o: r, path: rp } of objects(ctx, refs, at(path, 'externalRefs'))) {
    const type = optStr(ctx, r, 'referenceType', rp);
    const locator = optStr(ctx, r, 'referenceLocator', rp);
    if (type === 'purl' && locator !== undefined)
      purls.push({ text: locator, path: at(rp, 'referenceLocator') });
  }
  purls.sort((a, b) => compareStrings(a.text, b.text));
  let purl: ResolvedPurl | undefined;
  for (const candidate of purls)
    if ((purl = documentPurl(ctx, candidate.text, candidate.path)) !== undefined) break;
  if (name === undefined) return undefined;
  // An empty versionInfo with a versioned purl (Trivy does this) takes the purl's version.
  const version = versionInfo ?? purl?.parsed.version ?? undefined;
  const component = componentWith(name, version, purl?.purl, 'document', uniqueSorted(licenses));
  if (purpose !== undefined) component.type = purpose.toLowerCase().replaceAll('_', '-');
  if (spdxId !== undefined) component.bomRef = spdxId;
  return { component, spdxId, purl };
};

// creationInfo.creators: "Tool: trivy-0.58.0" names the tool and its version (after the last
// "-"); the smallest tool entry wins.
const tool = (ctx: Ctx, creation: Obj) => {
  const creators = optStrArr(ctx, creation, 'creators', at(undefined, 'creationInfo'));
  const tools = creators
    .filter((c) => c.startsWith('Tool:'))
    .map((c) => c.slice(5).trim())
    .filter((c) => c !== '')
    .sort(compareStrings);
  const first = tools[0];
  if (first === undefined) return {};
  const dash = first.lastIndexOf('-');
  return {
    scanner:
      dash > 0 && /\d/.test(first.slice(dash + 1))
        ? scannerRef(first.slice(0, dash), first.slice(dash + 1))
        : scannerRef(first, undefined),
  };
};
