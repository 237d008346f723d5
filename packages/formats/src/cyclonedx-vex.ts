/**
 * CycloneDX VEX: a vulnerability with `analysis.state` is a statement about the components it
 * affects. States and justifications map to the OpenVEX vocabulary by the tables below
 * (docs/spec/finding-v1.md section 10.2).
 * @module
 */
import type {
  Sha256Digest,
  Timestamp,
  VexJustification,
  VexProduct,
  VexStatement,
  VexStatus,
} from '@warrant/core';
import { documentTime, type ResolvedPurl } from './internal/env';
import { at, optStr, type Ctx, type Obj, type Path } from './internal/read';
import { uniqueSorted } from './internal/sort';
import { sortProducts } from './internal/vex';

/** A component as vulnerabilities and VEX statements refer to it by `bom-ref`. */
export interface CdxComponent {
  readonly name: string;
  readonly version: string | undefined;
  readonly purl: ResolvedPurl | undefined;
  readonly bomRef: string | undefined;
}

/** CycloneDX 1.4-1.6 `analysis.state` to VEX status. */
export const CDX_STATES: ReadonlyMap<string, VexStatus> = new Map<string, VexStatus>([
  ['resolved', 'fixed'],
  ['resolved_with_pedigree', 'fixed'],
  ['exploitable', 'affected'],
  ['in_triage', 'under_investigation'],
  ['false_positive', 'not_affected'],
  ['not_affected', 'not_affected'],
]);

/** CycloneDX `analysis.justification` to the OpenVEX justification it implies. */
export const CDX_JUSTIFICATIONS: ReadonlyMap<string, VexJustification> = new Map<
  string,
  VexJustification
>([
  ['code_not_present', 'vulnerable_code_not_present'],
  ['code_not_reachable', 'vulnerable_code_not_in_execute_path'],
  ['requires_configuration', 'vulnerable_code_cannot_be_controlled_by_adversary'],
  ['requires_dependency', 'vulnerable_code_cannot_be_controlled_by_adversary'],
  ['requires_environment', 'vulnerable_code_cannot_be_controlled_by_adversary'],
  ['protected_by_compiler', 'inline_mitigations_already_exist'],
  ['protected_at_runtime', 'inline_mitigations_already_exist'],
  ['protected_at_perimeter', 'inline_mitigations_already_exist'],
  ['protected_by_mitigating_control', 'inline_mitigations_already_exist'],
]);

/** What {@link readAnalysis} needs from the vulnerability and the BOM around it. */
export interface AnalysisInput {
  readonly id: string | undefined;
  readonly aliases: ReadonlyArray<string>;
  readonly affects: ReadonlyArray<{
    readonly ref: string;
    readonly component: CdxComponent | undefined;
  }>;
  readonly analysis: Obj;
  readonly path: Path;
  readonly issuer: string | undefined;
  readonly documentTime: Timestamp | undefined;
  readonly serial: string | undefined;
  readonly sourceDigest: Sha256Digest;
}

/**
 * Turns a vulnerability with an analysis into a VEX statement; an unknown state is an issue
 * (the whole import fails), an unknown justification a warning.
 */
export const readAnalysis = (ctx: Ctx, input: AnalysisInput): VexStatement | undefined => {
  const ap = at(input.path, 'analysis');
  const state = optStr(ctx, input.analysis, 'state', ap);
  const justificationRaw = optStr(ctx, input.analysis, 'justification', ap);
  const detail = optStr(ctx, input.analysis, 'detail', ap);
  const updated =
    documentTime(ctx, optStr(ctx, input.analysis, 'lastUpdated', ap), at(ap, 'lastUpdated')) ??
    documentTime(ctx, optStr(ctx, input.analysis, 'firstIssued', ap), at(ap, 'firstIssued'));
  const status = state === undefined ? undefined : CDX_STATES.get(state);
  if (state !== undefined && status === undefined) {
    ctx.fail(
      at(ap, 'state'),
      `expected one of ${[...CDX_STATES.keys()].join(', ')}, got ${JSON.stringify(state)}`,
    );
  }
  if (input.id === undefined || status === undefined) return undefined;
  const products: VexProduct[] = input.affects.map(({ ref, component }) => {
    const p: { -readonly [K in keyof VexProduct]: VexProduct[K] } = { id: ref, subcomponents: [] };
    if (component !== undefined) {
      p.name = component.name;
      if (component.version !== undefined) p.version = component.version;
      if (component.purl !== undefined) p.purl = component.purl.purl;
    }
    return p;
  });
  const s: { -readonly [K in keyof VexStatement]: VexStatement[K] } = {
    vulnerability: {
      id: input.id,
      aliases: uniqueSorted(input.aliases).filter((a) => a !== input.id),
    },
    products: sortProducts(products),
    status,
    document: { format: 'cyclonedx', digest: input.sourceDigest },
  };
  if (input.serial !== undefined) s.document = { ...s.document, id: input.serial };
  if (justificationRaw !== undefined) {
    const j = CDX_JUSTIFICATIONS.get(justificationRaw);
    if (j === undefined) {
      ctx.warn(
        'FORMATS_WARN_VALUE_UNRECOGNIZED',
        at(ap, 'justification'),
        `unknown justification ${JSON.stringify(justificationRaw)}: kept as justificationRaw only`,
      );
    } else s.justification = j;
    s.justificationRaw = justificationRaw;
  }
  // analysis.detail explains the impact of a not_affected state and the plan for an
  // exploitable one; otherwise it is a note.
  if (detail !== undefined) {
    if (status === 'not_affected') s.impactStatement = detail;
    else if (status === 'affected') s.actionStatement = detail;
    else s.statusNotes = detail;
  }
  if (input.issuer !== undefined) s.issuer = input.issuer;
  const timestamp = updated ?? input.documentTime;
  if (timestamp !== undefined) s.timestamp = timestamp;
  return s;
};
