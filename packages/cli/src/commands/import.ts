/**
 * `warrant import <file>`: imports one scanner, SBOM, VEX or advisory document and prints a
 * summary, or the normalized result as canonical JSON (`--json`).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  parseDigest,
  parseTimestamp,
  SEVERITY_LEVELS,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';
import {
  FORMAT_NAMES,
  formatFormatsError,
  importDocument,
  type FormatName,
  type ImportOptions,
  type ImportResult,
} from '@warrant/formats';
import { EXIT, type CliIo, type ExitCode } from '../io';

export const IMPORT_HELP = `usage: warrant import <file|-> [--format F] [--json] [--scan-time T] [--artifact-digest D]

Imports one document and prints what it holds: findings by severity, components, VEX
statements by status, advisories and warnings. "-" reads standard input.

  --format F            skip detection: ${FORMAT_NAMES.join(', ')}
  --json                print the normalized result as RFC 8785 canonical JSON
  --scan-time T         record this scan time (RFC 3339 UTC, e.g. 2026-01-31T12:00:00Z)
  --artifact-digest D   bind findings to this artifact (sha256:<64 hex>)

Exit codes: 0 imported (warnings go to the summary), 2 bad arguments or a refused document
(one line per problem on stderr, each naming the JSON path).`;

/**
 * Runs `warrant import`.
 * @param args - arguments after `import`
 * @param io - standard streams and working directory
 * @returns 0 on success, 2 on bad arguments or a refused document
 */
export const importCommand = async (args: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`warrant import: ${parsed}\n`);
    return EXIT.USAGE;
  }
  let bytes: Uint8Array;
  try {
    bytes =
      parsed.file === '-'
        ? await io.readStdin()
        : new Uint8Array(await readFile(resolve(io.cwd, parsed.file)));
  } catch (e) {
    io.stderr(
      `warrant import: cannot read ${parsed.file}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return EXIT.USAGE;
  }
  const result = importDocument(bytes, parsed.options);
  if (E.isLeft(result)) {
    io.stderr(`warrant import: ${formatFormatsError(result.left)}\n`);
    return EXIT.USAGE;
  }
  if (parsed.json) {
    const text = canonicalize(result.right);
    if (E.isLeft(text)) {
      io.stderr(`warrant import: ${text.left.message}\n`);
      return EXIT.USAGE;
    }
    io.stdout(`${text.right}\n`);
  } else io.stdout(`${summarize(parsed.file, result.right)}\n`);
  return EXIT.OK;
};

// --- internal --------------------------------------------------------------

interface Parsed {
  readonly file: string;
  readonly json: boolean;
  readonly options: ImportOptions;
}

const parseArgs = (args: ReadonlyArray<string>): Parsed | string => {
  let file: string | undefined;
  let json = false;
  const options: { format?: FormatName; scanTime?: Timestamp; artifactDigest?: Sha256Digest } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = (): string | undefined => args[++i];
    if (a === '--json') json = true;
    else if (a === '--format') {
      const f = value();
      if (f === undefined || !(FORMAT_NAMES as ReadonlyArray<string>).includes(f)) {
        return `--format expects one of ${FORMAT_NAMES.join(', ')}`;
      }
      options.format = f as FormatName;
    } else if (a === '--scan-time') {
      const t = parseTimestamp(value() ?? '', '--scan-time');
      if (E.isLeft(t)) return t.left.message;
      options.scanTime = t.right;
    } else if (a === '--artifact-digest') {
      const d = parseDigest(value() ?? '', '--artifact-digest');
      if (E.isLeft(d)) return d.left.message;
      options.artifactDigest = d.right;
    } else if (a.startsWith('--')) return `unknown option ${JSON.stringify(a)}`;
    else if (file === undefined) file = a;
    else return `unexpected argument ${JSON.stringify(a)}`;
  }
  if (file === undefined) return 'a file to import is required (or "-" for standard input)';
  return { file, json, options };
};

const counts = (list: ReadonlyArray<string>, order: ReadonlyArray<string>): string => {
  const n = new Map<string, number>();
  for (const x of list) n.set(x, (n.get(x) ?? 0) + 1);
  const keys = [
    ...order.filter((k) => n.has(k)),
    ...[...n.keys()].filter((k) => !order.includes(k)).sort(),
  ];
  return keys.length === 0 ? '' : ` (${keys.map((k) => `${k} ${n.get(k) as number}`).join(', ')})`;
};

const VEX_ORDER = ['affected', 'under_investigation', 'fixed', 'not_affected'];

const summarize = (file: string, r: ImportResult): string => {
  const lines = [
    `${file}: ${r.format}${r.formatVersion === undefined ? '' : ` ${r.formatVersion}`}`,
    `  source      ${r.source.digest} (${r.source.digestOf})`,
  ];
  if (r.artifact.name !== undefined || r.artifact.digest !== undefined) {
    lines.push(
      `  artifact    ${[r.artifact.name, r.artifact.digest].filter((x) => x !== undefined).join(' ')}`,
    );
  }
  if (r.scanner !== undefined) {
    lines.push(
      `  scanner     ${r.scanner.name}${r.scanner.version === undefined ? '' : ` ${r.scanner.version}`}`,
    );
  }
  lines.push(
    `  findings    ${r.findings.length}${counts(
      r.findings.map((f) => f.severity.level),
      SEVERITY_LEVELS,
    )}`,
    `  components  ${r.components.length}`,
    `  vex         ${r.vexStatements.length}${counts(
      r.vexStatements.map((s) => s.status),
      VEX_ORDER,
    )}`,
    `  advisories  ${r.knowledge.length}`,
    `  warnings    ${r.warnings.length}${counts(
      r.warnings.map((w) => w.code),
      [],
    )}`,
  );
  const shown = new Set<string>();
  for (const w of r.warnings) {
    if (shown.has(w.code)) continue;
    shown.add(w.code);
    lines.push(`    ${w.code} at ${w.path}: ${w.message}`);
  }
  return lines.join('\n');
};
