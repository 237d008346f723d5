/**
 * `warrant evaluate`: evaluates findings files against exceptions (an exceptions file or a
 * filesystem store), VEX statements, policy-rule violations and a policy at an explicit `--now`,
 * and prints the verdict (canonical JSON with `--json`) or a readable summary. Exit code 0 pass
 * or warn, 1 fail, 2 bad input.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  formatError,
  parseJsonStrict,
  parseTimestamp,
  type Timestamp,
  type VexStatement,
} from '@warrant/core';
import {
  FORMAT_NAMES,
  formatFormatsError,
  importDocument,
  type FormatName,
} from '@warrant/formats';
import {
  decodeEvaluationPolicy,
  evaluate,
  PolicyViolation,
  writeVerdict,
  type AliasSource,
  type EvaluationPolicy,
  type Verdict,
} from '@warrant/policy';
import { openFsStore } from '@warrant/storage-adapters/fs';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { combineFindings, type FindingsFile } from './evaluate-findings';
import { readExceptionsFile, readStoreHistories } from './evaluate-inputs';

export const EVALUATE_HELP = `usage: warrant evaluate --policy FILE --now T [--findings FILE]... [--format F]
                        [--exceptions FILE | --store DIR [--log ID]] [--vex FILE]...
                        [--violations FILE] [--knowledge FILE]... [--env NAME] [--cluster NAME]
                        [--namespace NAME] [--repository NAME] [--project NAME] [--tenant NAME]
                        [--no-merge] [--json]

Evaluates findings against exceptions, VEX and the policy's gates at the instant --now, and
prints a summary (or, with --json, the verdict as RFC 8785 canonical JSON; docs/spec/verdict-v1.md).
Every finding stays in the verdict with its status: open, excepted, not_affected or fixed.

  --policy FILE       evaluation policy (warrant.policy/v1: gates, trusted VEX issuers)
  --now T             the instant to evaluate at (RFC 3339 UTC); Warrant reads no clock
  --findings FILE     a scanner or SBOM document (Trivy, Grype, SARIF, CycloneDX…); repeatable:
                      findings with the same key (artifact digest, vulnerability, component)
                      from several files are merged (finding-v1 section 3.2), each merged key
                      named in a warning on stderr
  --no-merge          refuse (exit 2) a key that two --findings files report with different
                      content instead of merging it; identical findings are still taken once
  --format F          skip detection for --findings, --vex and --knowledge: ${FORMAT_NAMES.join(', ')}
  --exceptions FILE   exception event histories: a JSON array of event envelopes (a log, grouped
                      by subject in order) or {"histories": [[event, …], …]}
  --store DIR         a Warrant filesystem store (read-only); --log ID picks the log (default:
                      every log)
  --vex FILE          an OpenVEX, CycloneDX VEX or CSAF document; repeatable
  --violations FILE   a JSON array of {rule_id, detail, artifact?, environment?}
  --knowledge FILE    OSV records (aliases feed the alias map); repeatable
  --env, --cluster, --namespace, --repository, --project, --tenant NAME
                      where the release runs (exceptions constrained on a fact not given never apply)
  --json              print the verdict as canonical JSON

Exit codes: 0 pass or warn, 1 fail, 2 bad arguments or input (one line per problem on stderr).`;

/**
 * Runs `warrant evaluate`.
 * @param args - arguments after `evaluate`
 * @param io - standard streams and working directory
 * @returns 0 pass or warn, 1 fail, 2 bad arguments or input
 */
export const evaluateCommand = async (
  args: ReadonlyArray<string>,
  io: CliIo,
): Promise<ExitCode> => {
  const fail = (message: string): ExitCode => {
    io.stderr(`warrant evaluate: ${message}\n`);
    return EXIT.USAGE;
  };
  const a = parseArgs(args);
  if (typeof a === 'string') return fail(a);
  try {
    const read = async (file: string): Promise<Uint8Array> =>
      new Uint8Array(await readFile(resolve(io.cwd, file)));
    const json = async (file: string): Promise<unknown> => {
      const parsed = parseJsonStrict(await read(file));
      if (E.isLeft(parsed)) throw new InputError(`${file}: ${formatError(parsed.left)}`);
      return parsed.right;
    };
    const policy = decodeEvaluationPolicy(await json(a.policy));
    if (E.isLeft(policy)) {
      return fail(policy.left.issues.map((i) => `${a.policy}: ${formatError(i)}`).join('\n'));
    }
    const imported = async (file: string) => {
      const r = importDocument(
        await read(file),
        a.format === undefined ? {} : { format: a.format },
      );
      if (E.isLeft(r)) throw new InputError(`${file}: ${formatFormatsError(r.left)}`);
      return r.right;
    };
    // One finding per key (artifact, vulnerability, component): an importer merges equal keys
    // within a document, and the same rule merges them across files (finding-v1 section 3.2)
    // unless --no-merge asks for one scanner's truth.
    const files: FindingsFile[] = [];
    for (const file of a.findings) files.push({ file, findings: (await imported(file)).findings });
    const combined = combineFindings(files, !a.noMerge);
    if (E.isLeft(combined)) return fail(combined.left);
    const { findings, warnings } = combined.right;
    const vex: VexStatement[] = [];
    for (const file of a.vex) vex.push(...(await imported(file)).vexStatements);
    const aliases: AliasSource[] = [];
    for (const file of a.knowledge) {
      for (const adv of (await imported(file)).knowledge)
        aliases.push({ id: adv.id, aliases: [...adv.aliases] });
    }
    let histories: ReadonlyArray<ReadonlyArray<unknown>> = [];
    if (a.exceptions !== undefined) {
      const h = readExceptionsFile(await json(a.exceptions));
      if (E.isLeft(h)) return fail(`${a.exceptions}: ${h.left}`);
      histories = h.right;
    } else if (a.store !== undefined) {
      const store = await openFsStore(resolve(io.cwd, a.store), { readOnly: true });
      if (E.isLeft(store)) return fail(`${a.store}: ${formatError(store.left)}`);
      const h = await readStoreHistories(store.right, a.log);
      await store.right.close();
      if (E.isLeft(h)) return fail(`${a.store}: ${h.left}`);
      histories = h.right;
    }
    let violations: PolicyViolation[] = [];
    if (a.violations !== undefined) {
      const raw = await json(a.violations);
      const decoded = Array.isArray(raw) ? raw.map((v) => PolicyViolation.decode(v)) : undefined;
      if (decoded === undefined || decoded.some(E.isLeft)) {
        return fail(
          `${a.violations}: expected a JSON array of {rule_id, detail, artifact?, environment?}`,
        );
      }
      violations = decoded.map((d) => (d as E.Right<PolicyViolation>).right);
    }
    const verdict = evaluate({
      findings,
      exceptions: histories as unknown[][],
      vex,
      violations,
      policy: policy.right as EvaluationPolicy,
      knowledge: { aliases },
      context: a.context,
      now: a.now,
    });
    if (E.isLeft(verdict)) {
      return fail(verdict.left.issues.map((i) => formatError(i)).join('\n'));
    }
    for (const w of warnings) io.stderr(`warrant evaluate: warning: ${w}\n`);
    // The verdict of a million findings is close to a gigabyte: stream it, never as one text.
    if (a.json) writeVerdict(verdict.right, (chunk) => io.stdout(chunk));
    io.stdout(`${a.json ? '' : summarize(verdict.right)}\n`);
    return verdict.right.outcome === 'fail' ? EXIT.FAILED : EXIT.OK;
  } catch (e) {
    if (e instanceof InputError) return fail(e.message);
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('E')) {
      return fail(e.message);
    }
    throw e;
  }
};

// --- internal --------------------------------------------------------------

class InputError extends Error {}

interface Args {
  policy: string;
  now: Timestamp;
  findings: string[];
  vex: string[];
  knowledge: string[];
  format?: FormatName;
  exceptions?: string;
  store?: string;
  log?: string;
  violations?: string;
  context: Record<string, string>;
  json: boolean;
  noMerge: boolean;
}

const FACTS = ['env', 'cluster', 'namespace', 'repository', 'project', 'tenant'];

const parseArgs = (args: ReadonlyArray<string>): Args | string => {
  const out: Partial<Args> & {
    findings: string[];
    vex: string[];
    knowledge: string[];
    context: Record<string, string>;
    json: boolean;
    noMerge: boolean;
  } = {
    findings: [],
    vex: [],
    knowledge: [],
    context: {},
    json: false,
    noMerge: false,
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    if (flag === '--json') {
      out.json = true;
      continue;
    }
    if (flag === '--no-merge') {
      out.noMerge = true;
      continue;
    }
    const value = args[i + 1];
    if (!flag.startsWith('--') || value === undefined)
      return `expected an option with a value, got ${flag}`;
    i++;
    const name = flag.slice(2);
    if (name === 'findings' || name === 'vex' || name === 'knowledge') out[name].push(value);
    else if (FACTS.includes(name)) out.context[name] = value;
    else if (name === 'now') {
      const t = parseTimestamp(value, '--now');
      if (E.isLeft(t)) return `--now: ${t.left.message}`;
      out.now = t.right;
    } else if (name === 'format') {
      if (!(FORMAT_NAMES as ReadonlyArray<string>).includes(value))
        return `unknown format ${value}`;
      out.format = value as FormatName;
    } else if (['policy', 'exceptions', 'store', 'log', 'violations'].includes(name)) {
      (out as Record<string, unknown>)[name] = value;
    } else return `unknown option ${flag}`;
  }
  if (out.policy === undefined) return '--policy is required';
  if (out.now === undefined) return '--now is required (Warrant never reads a clock)';
  if (out.exceptions !== undefined && out.store !== undefined)
    return 'give --exceptions or --store, not both';
  return out as Args;
};

const summarize = (v: Verdict): string => {
  const c = v.counts;
  const lines = [
    `outcome: ${v.outcome.toUpperCase()} (at ${v.now}${v.context.env === undefined ? '' : `, env ${v.context.env}`})`,
    `findings: ${c.findings.total} (open ${c.findings.open}, excepted ${c.findings.excepted}, not_affected ${c.findings.not_affected}, fixed ${c.findings.fixed})`,
    `violations: ${c.violations.total} (open ${c.violations.open}, excepted ${c.violations.excepted})`,
    `exceptions: ${c.exceptions.total} (active ${c.exceptions.active}, applied ${c.exceptions.applied}); near misses ${c.near_misses}; VEX conflicts ${c.vex_conflicts}`,
    'gates:',
    ...v.gates.map(
      (g) =>
        `  ${g.triggered ? (g.action === 'fail' ? 'FAIL' : 'WARN') : 'ok  '} ${g.id} (${g.kind}${g.applies ? '' : ', not applicable here'}): ${g.count}`,
    ),
  ];
  const open = v.findings.filter((f) => f.status === 'open' && f.gates !== undefined);
  if (open.length > 0) {
    lines.push('open findings that triggered gates:');
    for (const f of open.slice(0, 20))
      lines.push(
        `  ${f.severity.padEnd(8)} ${f.vulnerability} ${f.key.slice(0, 19)}… [${(f.gates ?? []).join(', ')}]`,
      );
    if (open.length > 20) lines.push(`  … and ${open.length - 20} more (--json for all)`);
  }
  const near = v.findings.filter((f) => f.status === 'open' && f.near_misses !== undefined);
  if (near.length > 0) {
    lines.push('near misses (an exception missed by one dimension):');
    for (const f of near.slice(0, 10)) {
      const n = f.near_misses?.[0];
      if (n !== undefined)
        lines.push(`  ${f.vulnerability}: ${n.exception_id} v${n.version}: ${n.reason}`);
    }
  }
  return lines.join('\n');
};
