/**
 * The driver seam: the few things the PostgreSQL adapter needs from a driver, so the same adapter
 * runs over `pg` (a server) and PGlite (embedded, Node and browsers) and a bundle only carries the
 * driver the host passes in. Nothing here imports a driver.
 * @module
 */

// --- model -----------------------------------------------------------------

/** A result set: rows as plain objects keyed by column name. */
export interface SqlRows<R> {
  readonly rows: ReadonlyArray<R>;
}

/** One connection inside a transaction: runs parameterised statements (`$1`, `$2`, …). */
export interface SqlSession {
  /**
   * Runs one statement with positional parameters (strings, numbers, booleans, null,
   * `Uint8Array` for bytea, arrays of those for `unnest`).
   */
  query<R = Record<string, unknown>>(
    text: string,
    params?: ReadonlyArray<unknown>,
  ): Promise<SqlRows<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  script(text: string): Promise<void>;
}

/**
 * A database the adapter can use: transactions on one connection each, and a way to release
 * what it holds. Throwing is how a driver reports failure; the adapter turns what is thrown into
 * `STORE_*` values (see {@link classifySqlFailure}).
 */
export interface SqlClient {
  /** Which driver this is, for messages and benchmarks (`pg`, `pglite`, or a host's own). */
  readonly driver: string;
  /**
   * Runs `fn` in one transaction on one connection: `BEGIN`, `fn`, `COMMIT`; `ROLLBACK` when
   * `fn` throws (and the error is rethrown). A connection that broke is discarded, not reused.
   * `settings` are set for the transaction only (`set_config(name, value, true)`), before `fn`
   * runs; names and values are checked with {@link checkSettings}.
   */
  transaction<A>(
    fn: (tx: SqlSession) => Promise<A>,
    settings?: Readonly<Record<string, string>>,
  ): Promise<A>;
  /**
   * Runs one statement on its own, in autocommit: one round trip, and when the promise resolves
   * the statement's implicit transaction has committed. A connection that broke is discarded.
   * Optional: without it the adapter runs the statement through {@link SqlClient.transaction}
   * (three round trips instead of one).
   */
  autocommit?<R = Record<string, unknown>>(
    text: string,
    params?: ReadonlyArray<unknown>,
  ): Promise<SqlRows<R>>;
  /** Releases the client's own resources; never ends a pool or database the host owns. */
  close(): Promise<void>;
}

/** How a driver failure is reported: a SQLSTATE or socket code and the driver's message. */
export interface SqlFailure {
  /** SQLSTATE (`23505`, `57P01`, …) or a socket code (`ECONNRESET`), when the driver gave one. */
  readonly code?: string;
  readonly message: string;
  /** The name of the constraint that failed, for integrity violations. */
  readonly constraint?: string;
  /** Connection lost, server shutting down, serialization failure: retrying may succeed. */
  readonly retryable: boolean;
}

// --- operations ------------------------------------------------------------

/**
 * Reads what a driver threw: its SQLSTATE or socket code, and whether retrying may help.
 * @param thrown - whatever `pg` or PGlite threw
 * @returns the failure as data
 * @example
 * classifySqlFailure(Object.assign(new Error('terminating connection'), { code: '57P01' }))
 * // { code: '57P01', message: 'terminating connection', retryable: true }
 */
export const classifySqlFailure = (thrown: unknown): SqlFailure => {
  const o = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as Record<
    string,
    unknown
  >;
  const code = typeof o.code === 'string' ? o.code : undefined;
  const message = typeof o.message === 'string' ? o.message : String(thrown);
  const constraint = typeof o.constraint === 'string' ? o.constraint : undefined;
  return {
    ...(code === undefined ? {} : { code }),
    message,
    ...(constraint === undefined ? {} : { constraint }),
    retryable: isRetryable(code, message),
  };
};

/**
 * The statement that applies transaction settings, with names and values restricted to
 * characters that need no quoting (so drivers may send it together with `BEGIN`).
 * @param settings - e.g. `{ 'warrant.tenant': 'acme' }`
 * @returns `SELECT set_config('warrant.tenant', 'acme', true)`, or undefined when empty
 * @throws RangeError for a name outside `[a-z_.]` or a value outside `[A-Za-z0-9._-]`
 * @example
 * settingsSql({ 'warrant.tenant': 'acme' }) // "SELECT set_config('warrant.tenant', 'acme', true)"
 */
export const settingsSql = (
  settings: Readonly<Record<string, string>> | undefined,
): string | undefined => {
  const entries = Object.entries(settings ?? {});
  if (entries.length === 0) return undefined;
  for (const [k, v] of entries) {
    if (
      !/^[a-z_]+\.[a-z_]+$/.test(k) ||
      typeof v !== 'string' ||
      !/^[A-Za-z0-9._-]{0,200}$/.test(v)
    ) {
      throw new RangeError(`transaction setting ${JSON.stringify(k)}: name or value not allowed`);
    }
  }
  return `SELECT ${entries.map(([k, v]) => `set_config('${k}', '${v}', true)`).join(', ')}`;
};

// --- internal --------------------------------------------------------------

// SQLSTATE classes 08 (connection exception), 40 (transaction rollback: serialization failure,
// deadlock), 53 (insufficient resources), 57P (operator intervention: admin shutdown, crash
// shutdown, cannot connect now), and Node socket errors.
// https://www.postgresql.org/docs/current/errcodes-appendix.html
const isRetryable = (code: string | undefined, message: string): boolean => {
  if (code !== undefined) {
    if (/^(08|40|53|57P)/.test(code)) return true;
    if (/^E(CONN|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|AI_AGAIN)/.test(code)) return true;
    return false;
  }
  // pg reports a socket closed under a query without a code.
  return /Connection terminated|connection error|not queryable|socket/i.test(message);
};
