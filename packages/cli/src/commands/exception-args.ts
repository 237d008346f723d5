/**
 * Argument parsing for `warrant exception <subcommand>`: one small parser driven by a table of
 * options per subcommand, so every subcommand refuses unknown options, missing values and extra
 * positionals the same way (exit code 2, one line naming the problem).
 * @module
 */

// --- model -----------------------------------------------------------------

/** The options a subcommand accepts. */
export interface ArgSpec {
  /** Options taking one value (`--role cab`); the last occurrence wins. */
  readonly values?: ReadonlyArray<string>;
  /** Options taking one value that may be repeated (`--artifact D --artifact E`). */
  readonly repeated?: ReadonlyArray<string>;
  /** Options without a value (`--json`). */
  readonly flags?: ReadonlyArray<string>;
  /** Names of the positional arguments, in order; all are required. */
  readonly positionals?: ReadonlyArray<string>;
}

/** Parsed arguments. */
export interface ParsedArgs {
  /** Single-value options by name (without the leading dashes). */
  readonly values: ReadonlyMap<string, string>;
  /** Repeatable options by name, in the order given. */
  readonly repeated: ReadonlyMap<string, ReadonlyArray<string>>;
  /** Flags present. */
  readonly flags: ReadonlySet<string>;
  /** Positional arguments by name. */
  readonly positionals: ReadonlyMap<string, string>;
}

/** Options every exception subcommand accepts. */
export const COMMON_VALUES = ['store', 'log', 'config', 'now'] as const;

// --- operations ------------------------------------------------------------

/**
 * Parses arguments against a spec (plus the common options and `--json`).
 * @param args - the arguments after the subcommand name
 * @param spec - what the subcommand accepts
 * @returns the parsed arguments, or a one-line problem
 * @example
 * parseArgs(['exc-1', '--role', 'cab', '--json'], { values: ['role'], positionals: ['id'] })
 */
export const parseArgs = (args: ReadonlyArray<string>, spec: ArgSpec): ParsedArgs | string => {
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const valueNames = new Set<string>([...COMMON_VALUES, ...(spec.values ?? [])]);
  const repeatedNames = new Set(spec.repeated ?? []);
  const flagNames = new Set(['json', ...(spec.flags ?? [])]);
  const names = spec.positionals ?? [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--') || a === '-' || a === '--') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const inline = eq < 0 ? undefined : a.slice(eq + 1);
    if (flagNames.has(name)) {
      if (inline !== undefined) return `--${name} takes no value`;
      flags.add(name);
      continue;
    }
    if (!valueNames.has(name) && !repeatedNames.has(name)) {
      return `unknown option ${JSON.stringify(`--${name}`)}`;
    }
    // A following option is not a value (write --name=--x for a value starting with "--").
    const next = args[i + 1];
    const value = inline ?? (next === undefined || next.startsWith('--') ? undefined : args[++i]);
    if (value === undefined) return `--${name} expects a value`;
    if (repeatedNames.has(name)) repeated.set(name, [...(repeated.get(name) ?? []), value]);
    else values.set(name, value);
  }
  if (positionals.length > names.length) {
    return `unexpected argument ${JSON.stringify(positionals[names.length])}`;
  }
  if (positionals.length < names.length) {
    return `missing argument <${names[positionals.length] as string}>`;
  }
  return {
    values,
    repeated,
    flags,
    positionals: new Map(names.map((n, i) => [n, positionals[i] as string])),
  };
};

/**
 * Reads a whole number option.
 * @param args - parsed arguments
 * @param name - the option
 * @param min - the smallest value allowed
 * @returns the number, `undefined` when absent, or a problem
 * @example
 * intOption(args, 'version', 1) // 2
 */
export const intOption = (
  args: ParsedArgs,
  name: string,
  min: number,
): number | undefined | { readonly problem: string } => {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(n) && n >= min
    ? n
    : { problem: `--${name} expects a whole number >= ${min}, got ${JSON.stringify(text)}` };
};
