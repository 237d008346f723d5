/**
 * Exception queries over SQL. The `exception_scope` table (filled by a trigger on every
 * proposed, amended or renewed version) narrows a query to candidate exceptions by artifact,
 * owner, expiry and id; the adapter then reads only those exceptions' events, folds them with
 * core's `applyExceptionEvent` and keeps what `evaluateExceptionQuery` keeps, so the answer is
 * exactly the one every adapter gives. A query with no pre-filterable criterion (statuses,
 * types, breadths, environments only) folds the whole log, incrementally, as the other adapters.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  applyExceptionEvent,
  daysAfter,
  decodeExceptionQuery,
  evaluateExceptionQuery,
  storeError,
  type EventStore,
  type ExceptionQuery,
  type ExceptionRecord,
  type ExceptionStore,
  type LogEvent,
} from '@warrant/core';
import { createExceptionIndex } from '../internal/exception-index';
import { inTenant, type PgContext } from './tenant-scope';

/**
 * Builds the exception store.
 * @internal
 */
export const createPgExceptions = (ctx: PgContext, events: EventStore): ExceptionStore => {
  const { s } = ctx;
  const full = createExceptionIndex(events);
  return {
    query: async (logId, query) => {
      const q = decodeExceptionQuery(query);
      if (E.isLeft(q)) return full.query(logId, query);
      const pre = candidates(q.right, s);
      if (pre === undefined) return full.query(logId, query);
      return inTenant(ctx, logId, async (tx, id) => {
        const rows = await tx.query<{ seq: unknown; record: string }>(
          `SELECT seq, record FROM ${s}.events
           WHERE log_id = $1 AND type LIKE 'exception.%' AND ${pre.sql}
           ORDER BY seq`,
          [id, ...pre.params],
        );
        const records = new Map<string, ExceptionRecord>();
        for (const row of rows.rows) {
          let event: LogEvent;
          try {
            event = JSON.parse(row.record) as LogEvent;
          } catch {
            return E.left(
              storeError(
                'STORE_RECORD_CORRUPT',
                `log ${id}: the record at seq ${String(row.seq)} is not JSON`,
                {
                  logId: id,
                },
              ),
            );
          }
          const applied = applyExceptionEvent(records.get(event.subject), event, Number(row.seq));
          if (E.isLeft(applied)) {
            return E.left(
              storeError(
                'STORE_RECORD_CORRUPT',
                `log ${id}: the exception fold refuses event ${String(row.seq)}: ${applied.left.message}`,
                { logId: id, cause: applied.left },
              ),
            );
          }
          records.set(event.subject, applied.right);
        }
        return E.right(evaluateExceptionQuery([...records.values()], q.right));
      });
    },
    get: full.get,
  };
};

// --- internal --------------------------------------------------------------

// The candidate condition: one `subject IN (…)` per pre-filterable criterion, ANDed. Each keeps
// every exception that has some version that could match, so the candidates are a superset of
// the answer (the exact predicates run after the fold). Rows whose record could not be read
// (NULL owner or expiry) stay candidates.
const candidates = (
  q: ExceptionQuery,
  s: string,
): { readonly sql: string; readonly params: unknown[] } | undefined => {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length + 1}`;
  };
  const conds: string[] = [];
  const f = q.filter;
  for (const artifacts of [q.active_for_artifacts, f?.artifacts]) {
    if (artifacts !== undefined)
      conds.push(`(artifact = ANY(${p([...artifacts])}::text[]) OR artifact IS NULL)`);
  }
  if (q.expiring_within_days !== undefined) {
    // A window that ends past year 9999 has no upper bound (no timestamp lies beyond it).
    const lower = `expires_at > ${p(q.at)}::timestamptz`;
    const end = daysAfter(q.at, q.expiring_within_days);
    const upper = end === undefined ? '' : ` AND expires_at <= ${p(end)}::timestamptz`;
    conds.push(`(expires_at IS NULL OR (${lower}${upper}))`);
  }
  if (f?.exception_ids !== undefined)
    conds.push(`subject = ANY(${p(f.exception_ids.map((x) => JSON.stringify(x)))}::text[])`);
  if (f?.owners !== undefined)
    conds.push(`(owner IS NULL OR owner = ANY(${p([...f.owners])}::text[]))`);
  if (f?.expires_from !== undefined)
    conds.push(`(expires_at IS NULL OR expires_at >= ${p(f.expires_from)}::timestamptz)`);
  if (f?.expires_before !== undefined)
    conds.push(`(expires_at IS NULL OR expires_at < ${p(f.expires_before)}::timestamptz)`);
  if (conds.length === 0) return undefined;
  const sql = conds
    .map((c) => `subject IN (SELECT subject FROM ${s}.exception_scope WHERE log_id = $1 AND ${c})`)
    .join(' AND ');
  return { sql, params };
};
