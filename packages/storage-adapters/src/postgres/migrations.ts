/**
 * The SQL schema, as versioned forward-only migrations. Each migration is applied once, in order,
 * inside one transaction, by an explicit `migrate()`; the text of an applied migration never
 * changes (its SHA-256 is recorded and checked), and a fix is always a new migration.
 *
 * `@schema` stands for the quoted schema name. Row-level security keys every table on
 * `log_id = current_setting('warrant.tenant', true)`, which the adapter sets per transaction
 * (`set_config(…, true)`); `FORCE` makes it apply to the table owner too, so only superusers
 * and `BYPASSRLS` roles see across tenants.
 * @module
 */

/** One migration: its version (1, 2, …), a name, and the SQL to run. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The tenant setting the adapter sets in every transaction (`set_config(…, true)`). */
export const TENANT_SETTING = 'warrant.tenant';

const TENANT = `log_id = current_setting('${TENANT_SETTING}', true)`;

const rls = (table: string): string => `
ALTER TABLE @schema.${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE @schema.${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON @schema.${table} USING (${TENANT}) WITH CHECK (${TENANT});`;

const V1 = `
CREATE TABLE @schema.logs (
  log_id text PRIMARY KEY CHECK (log_id ~ '^[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?$')
);

CREATE TABLE @schema.events (
  log_id    text   NOT NULL REFERENCES @schema.logs (log_id),
  seq       bigint NOT NULL CHECK (seq >= 0),
  -- seq - 1 (NULL for seq 0): the foreign key below makes a gap in a log impossible.
  prev_seq  bigint CHECK ((seq = 0 AND prev_seq IS NULL) OR prev_seq = seq - 1),
  hash      text   NOT NULL CHECK (hash ~ '^sha256:[0-9a-f]{64}$'),
  prev_hash text   NOT NULL CHECK (prev_hash ~ '^sha256:[0-9a-f]{64}$'),
  type      text   NOT NULL,
  -- JSON string literal of the subject (exact even for U+0000, which text cannot hold).
  subject   text   NOT NULL,
  actor_id  text   NOT NULL,
  -- The sealed record, as RFC 8785 canonical JSON: exactly what was hashed, plus the hash.
  record    text   NOT NULL,
  PRIMARY KEY (log_id, seq),
  FOREIGN KEY (log_id, prev_seq) REFERENCES @schema.events (log_id, seq)
);
CREATE INDEX events_subject ON @schema.events (log_id, subject, seq);

-- Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (grants also withhold them).
CREATE FUNCTION @schema.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'warrant: % on %.% is not allowed (append-only)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON @schema.events
  FOR EACH ROW EXECUTE FUNCTION @schema.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON @schema.events
  FOR EACH STATEMENT EXECUTE FUNCTION @schema.refuse_change();

CREATE TABLE @schema.blobs (
  log_id    text        NOT NULL,
  digest    text        NOT NULL CHECK (digest ~ '^sha256:[0-9a-f]{64}$'),
  size      bigint      NOT NULL CHECK (size >= 0),
  bytes     bytea       NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (log_id, digest)
);
CREATE TRIGGER blobs_immutable BEFORE UPDATE ON @schema.blobs
  FOR EACH ROW EXECUTE FUNCTION @schema.refuse_change();

CREATE TABLE @schema.checkpoints (
  log_id   text   NOT NULL,
  size     bigint NOT NULL CHECK (size >= 0),
  envelope text   NOT NULL,
  PRIMARY KEY (log_id, size)
);
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON @schema.checkpoints
  FOR EACH ROW EXECUTE FUNCTION @schema.refuse_change();

CREATE TABLE @schema.packs (
  log_id text NOT NULL,
  digest text NOT NULL,
  record text NOT NULL,
  PRIMARY KEY (log_id, digest)
);
CREATE TRIGGER packs_append_only BEFORE UPDATE OR DELETE ON @schema.packs
  FOR EACH ROW EXECUTE FUNCTION @schema.refuse_change();

-- Legal holds (seed 004): a hold with no digests covers every blob of the log.
CREATE TABLE @schema.holds (
  log_id    text NOT NULL,
  hold_id   text NOT NULL CHECK (length(hold_id) BETWEEN 1 AND 200),
  reason    text NOT NULL,
  actor_id  text NOT NULL,
  actor     text NOT NULL,
  time      text NOT NULL,
  digests   text[],
  PRIMARY KEY (log_id, hold_id)
);
CREATE TRIGGER holds_immutable BEFORE UPDATE ON @schema.holds
  FOR EACH ROW EXECUTE FUNCTION @schema.refuse_change();

-- A blob under a hold cannot be deleted, by the adapter or by hand-written SQL.
CREATE FUNCTION @schema.refuse_held_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM @schema.holds h
             WHERE h.log_id = OLD.log_id AND (h.digests IS NULL OR OLD.digest = ANY (h.digests))) THEN
    RAISE EXCEPTION 'warrant: blob % of log % is under legal hold', OLD.digest, OLD.log_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER blobs_hold BEFORE DELETE ON @schema.blobs
  FOR EACH ROW EXECUTE FUNCTION @schema.refuse_held_delete();
${['events', 'blobs', 'checkpoints', 'packs', 'holds'].map(rls).join('\n')}
-- logs: RLS without FORCE, so list_logs (owned by the migrating role) can read every id.
ALTER TABLE @schema.logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON @schema.logs USING (${TENANT}) WITH CHECK (${TENANT});

-- listLogs crosses tenants by design: it returns the log ids only, through the owner's rights.
CREATE FUNCTION @schema.list_logs() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog AS $$ SELECT log_id FROM @schema.logs $$;
`;

// Exception versions indexed for queries: one row per artifact a proposed, amended or renewed
// version names (artifact NULL: the scope names none, so it covers every artifact), with the
// version's owner and expiry. Derived from the events by a trigger; a SQL pre-filter only: the
// adapter folds the candidates' events and applies the exact predicates (exception-v1.md 12).
const V2 = `
CREATE TABLE @schema.exception_scope (
  log_id     text   NOT NULL,
  seq        bigint NOT NULL,
  subject    text   NOT NULL,
  owner      text,
  expires_at timestamptz,
  artifact   text,
  FOREIGN KEY (log_id, seq) REFERENCES @schema.events (log_id, seq)
);
CREATE INDEX exception_scope_artifact ON @schema.exception_scope (log_id, artifact);
CREATE INDEX exception_scope_expires ON @schema.exception_scope (log_id, expires_at);
CREATE INDEX exception_scope_subject ON @schema.exception_scope (log_id, subject);
${rls('exception_scope')}

-- Never fails an append: a record jsonb cannot read (a \\u0000 escape) or a malformed expiry
-- gives a row that matches every query, and the fold then decides.
CREATE FUNCTION @schema.index_exception_version(l text, q bigint, subj text, rec text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  p jsonb;
  a jsonb;
  x timestamptz;
BEGIN
  BEGIN
    p := rec::jsonb -> 'payload' -> 'proposal';
    a := p -> 'scope' -> 'artifacts';
    x := (p ->> 'expires_at')::timestamptz;
  EXCEPTION WHEN others THEN
    INSERT INTO @schema.exception_scope VALUES (l, q, subj, NULL, NULL, NULL);
    RETURN;
  END;
  IF jsonb_typeof(a) = 'array' AND jsonb_array_length(a) > 0 THEN
    INSERT INTO @schema.exception_scope
      SELECT l, q, subj, p ->> 'owner', x, e ->> 'digest' FROM jsonb_array_elements(a) AS e;
  ELSE
    INSERT INTO @schema.exception_scope VALUES (l, q, subj, p ->> 'owner', x, NULL);
  END IF;
END $$;

CREATE FUNCTION @schema.index_exception_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM @schema.index_exception_version(NEW.log_id, NEW.seq, NEW.subject, NEW.record);
  RETURN NULL;
END $$;
CREATE TRIGGER events_exception_scope AFTER INSERT ON @schema.events FOR EACH ROW
  WHEN (NEW.type IN ('exception.proposed', 'exception.amended', 'exception.renewed'))
  EXECUTE FUNCTION @schema.index_exception_event();

-- Backfill the events already stored (RLS lifted for the owner inside this transaction).
ALTER TABLE @schema.events NO FORCE ROW LEVEL SECURITY;
ALTER TABLE @schema.exception_scope NO FORCE ROW LEVEL SECURITY;
SELECT @schema.index_exception_version(log_id, seq, subject, record) FROM @schema.events
  WHERE type IN ('exception.proposed', 'exception.amended', 'exception.renewed') ORDER BY log_id, seq;
ALTER TABLE @schema.events FORCE ROW LEVEL SECURITY;
ALTER TABLE @schema.exception_scope FORCE ROW LEVEL SECURITY;
`;

// Appends in one round trip, and cheaper per-row checks (issue #6 throughput targets). The hash
// formats keep their meaning with a regex PostgreSQL runs about 9x faster than the bounded
// `{64}`; the two per-row foreign keys (gap and log) become one check per statement over the
// inserted rows; `logs` becomes append-only too, since no foreign key protects it any more.
const V3 = `
ALTER TABLE @schema.events
  DROP CONSTRAINT events_hash_check,
  DROP CONSTRAINT events_prev_hash_check,
  DROP CONSTRAINT events_log_id_prev_seq_fkey,
  DROP CONSTRAINT events_log_id_fkey,
  ADD CONSTRAINT events_hash_format CHECK (length(hash) = 71 AND hash ~ '^sha256:[0-9a-f]*$'),
  ADD CONSTRAINT events_prev_hash_format
    CHECK (length(prev_hash) = 71 AND prev_hash ~ '^sha256:[0-9a-f]*$');

-- Per statement, per log: the new seqs are contiguous (the primary key makes them distinct, so
-- count = max - min + 1 says so), the log is registered, and seq min - 1 is already stored
-- (visible to this statement: an uncommitted predecessor of another writer is not). The common
-- statement, one log, takes the fast path: one aggregate over the inserted rows, two probes.
CREATE FUNCTION @schema.refuse_gap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  l1 text;
  l2 text;
  lo bigint;
  hi bigint;
  cnt bigint;
BEGIN
  SELECT min(a.log_id), max(a.log_id), min(a.seq), max(a.seq), count(*)
    INTO l1, l2, lo, hi, cnt FROM appended a;
  IF cnt = 0 THEN
    RETURN NULL;
  END IF;
  IF l1 <> l2 THEN
    SELECT n.log_id, n.lo, n.hi, n.cnt INTO l1, lo, hi, cnt
    FROM (SELECT a.log_id, min(a.seq) AS lo, max(a.seq) AS hi, count(*) AS cnt
          FROM appended a GROUP BY a.log_id) AS n
    WHERE n.cnt <> n.hi - n.lo + 1
       OR NOT EXISTS (SELECT 1 FROM @schema.logs g WHERE g.log_id = n.log_id)
       OR (n.lo > 0 AND NOT EXISTS (
             SELECT 1 FROM @schema.events e WHERE e.log_id = n.log_id AND e.seq = n.lo - 1))
    LIMIT 1;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
  ELSIF cnt = hi - lo + 1
        AND EXISTS (SELECT 1 FROM @schema.logs g WHERE g.log_id = l1)
        AND (lo = 0 OR EXISTS (SELECT 1 FROM @schema.events e WHERE e.log_id = l1 AND e.seq = lo - 1)) THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'warrant: events % to % of log % would leave a gap or name an unknown log',
    lo, hi, l1 USING ERRCODE = 'foreign_key_violation';
END $$;
CREATE TRIGGER events_no_gap AFTER INSERT ON @schema.events
  REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION @schema.refuse_gap();

CREATE TRIGGER logs_append_only BEFORE UPDATE OR DELETE ON @schema.logs
  FOR EACH ROW EXECUTE FUNCTION @schema.refuse_change();
CREATE TRIGGER logs_no_truncate BEFORE TRUNCATE ON @schema.logs
  FOR EACH STATEMENT EXECUTE FUNCTION @schema.refuse_change();

-- The head of a log in one statement (so in autocommit, one round trip): sets the tenant for
-- the rest of the transaction, then reads as the caller (SECURITY INVOKER: RLS applies).
CREATE FUNCTION @schema.log_head(l text) RETURNS TABLE (size bigint, hash text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('${TENANT_SETTING}', l, true);
  RETURN QUERY SELECT e.seq + 1, e.hash FROM @schema.events e
    WHERE e.log_id = l ORDER BY e.seq DESC LIMIT 1;
END $$;

-- An append in one statement: events first_seq, first_seq + 1, … of log l. The columns arrive as
-- newline-separated text (hash, prev_hash, the subject's JSON literal and the canonical record
-- never hold a raw newline) or arrays (type and actor id may), which is cheaper to send and to
-- parse than arrays of long strings. When the log does not end at seq first_seq - 1, nothing is
-- written and the actual head comes back (appended = false); a batch whose first prev_hash is
-- not the head's hash (or the genesis value) is refused. A writer that slips in between the
-- head read and the insert still makes the insert fail (unique_violation): the same conflict.
CREATE FUNCTION @schema.append_events(
  l text, first_seq bigint, hashes text, prev_hashes text, types text[], subjects text,
  actor_ids text[], records text
) RETURNS TABLE (appended boolean, size bigint, hash text) LANGUAGE plpgsql AS $$
DECLARE
  head_size bigint;
  head_hash text;
  n bigint;
BEGIN
  PERFORM set_config('${TENANT_SETTING}', l, true);
  SELECT e.seq + 1, e.hash INTO head_size, head_hash FROM @schema.events e
    WHERE e.log_id = l ORDER BY e.seq DESC LIMIT 1;
  IF coalesce(head_size, 0) <> first_seq THEN
    RETURN QUERY SELECT false, coalesce(head_size, 0), head_hash;
    RETURN;
  END IF;
  IF first_seq = 0 THEN
    head_hash := 'sha256:' || encode(sha256(convert_to(
      '{"log_id":"' || l || '","schema":"warrant.event-genesis/v1"}', 'UTF8')), 'hex');
    INSERT INTO @schema.logs (log_id) VALUES (l) ON CONFLICT DO NOTHING;
  END IF;
  IF split_part(prev_hashes, E'\\n', 1) <> head_hash THEN
    RAISE EXCEPTION 'warrant: event % of log % does not link to the previous hash', first_seq, l
      USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO @schema.events (log_id, seq, prev_seq, hash, prev_hash, type, subject, actor_id, record)
    SELECT l, first_seq + u.i - 1, NULLIF(first_seq + u.i - 2, -1), u.hash, u.prev_hash, u.type,
           u.subject, u.actor_id, u.record
    FROM unnest(string_to_array(hashes, E'\\n'), string_to_array(prev_hashes, E'\\n'), types,
                string_to_array(subjects, E'\\n'), actor_ids, string_to_array(records, E'\\n'))
      WITH ORDINALITY AS u(hash, prev_hash, type, subject, actor_id, record, i);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN QUERY SELECT true, first_seq + n, NULL::text;
END $$;
`;

/**
 * Every migration, in order. Append only: never edit or reorder an entry that has shipped.
 * @see docs/guides/postgres.md "Migrations"
 */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  { version: 1, name: 'events, blobs, checkpoints, packs, holds with tenant RLS', sql: V1 },
  { version: 2, name: 'exception scope index for query pre-filtering', sql: V2 },
  { version: 3, name: 'one-round-trip appends, per-statement gap check', sql: V3 },
];
