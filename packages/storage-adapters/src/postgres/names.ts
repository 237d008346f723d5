/**
 * SQL identifiers: the schema and role names the adapter writes into statements. They are
 * restricted to plain lowercase identifiers and always quoted, so no name can inject SQL.
 * @module
 */

/**
 * Checks and quotes an identifier.
 * @param name - a schema or role name
 * @param what - what it is, for the error message
 * @returns the double-quoted identifier
 * @throws RangeError unless `name` is 1-63 characters of `[a-z0-9_]` starting with a letter or `_`
 * @internal
 */
export const quoteIdent = (name: string, what: string): string => {
  if (typeof name !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new RangeError(
      `${what}: expected 1-63 characters of [a-z0-9_], got ${JSON.stringify(name)}`,
    );
  }
  return `"${name}"`;
};

/**
 * Fills the schema into a migration's SQL.
 * @internal
 */
export const schemaSql = (sql: string, quotedSchema: string): string =>
  sql.replaceAll('@schema', quotedSchema);
