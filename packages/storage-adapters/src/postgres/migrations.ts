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

/**
 * Every migration, in order. Append only: never edit or reorder an entry that has shipped.
 * @see docs/guides/postgres.md "Migrations"
 */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  { version: 1, name: 'events, blobs, checkpoints, packs, holds with tenant RLS', sql: V1 },
  { version: 2, name: 'exception scope index for query pre-filtering', sql: V2 },
];
