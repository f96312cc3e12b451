-- The system of record: users and sessions, the audit log, registry snapshots, acts with their
-- versions, and evaluation runs with their provenance and per-person outcomes.
-- Runs unchanged on PostgreSQL 15 (server) and PGlite (PostgreSQL 18 in WebAssembly).

-- Users and roles (docs/security.md). A user's scope narrows what a role may read:
-- officer → facilities, supervisor → regions, court → courts.
CREATE TABLE users (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'analyst', 'officer', 'supervisor', 'court', 'researcher')),
  facilities    text[] NOT NULL DEFAULT '{}',
  regions       text[] NOT NULL DEFAULT '{}',
  courts        text[] NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz
);

-- A session is known by the SHA-256 of its token: the token itself lives only in the cookie.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text,
  ended_at     timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit log: append-only and hash-chained. Each entry's hash is SHA-256 over the previous
-- entry's hash and the entry's own fields (src/store/audit.ts); audit_head holds the last one so
-- that appends are serialized and a cut tail is seen.
CREATE TABLE audit_log (
  seq       bigint PRIMARY KEY,
  at        timestamptz NOT NULL,
  user_id   integer,
  username  text,
  role      text,
  action    text NOT NULL,
  target    jsonb NOT NULL,
  result    text NOT NULL CHECK (result IN ('ok', 'refused', 'failed')),
  ip        text,
  prev_hash text NOT NULL,
  hash      text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_id);

CREATE TABLE audit_head (
  id   integer PRIMARY KEY CHECK (id = 1),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The head only moves forward, one entry at a time.
CREATE FUNCTION audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq <> OLD.seq + 1 THEN
    RAISE EXCEPTION 'the audit head moves one entry at a time (% → %)', OLD.seq, NEW.seq;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Registry snapshots, known by the SHA-256 of their canonical rows (the data contract's columns
-- in contract order, one CSV line a person): the same persons give the same id, whatever the file.
CREATE TABLE registries (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  source      text NOT NULL,
  persons     integer NOT NULL CHECK (persons >= 0),
  -- The Criminal Code table the snapshot's article indexes refer to (src/registry/snapshot.ts).
  law_hash    text NOT NULL,
  -- The data-quality report: rows, accepted, warnings by rule, file issues.
  quality     jsonb NOT NULL,
  created_by  integer REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The persons of a snapshot as the data contract writes them: the record of truth, from which the
-- columnar form can always be rebuilt (also under a new Criminal Code table).
CREATE TABLE registry_persons (
  registry_id text NOT NULL REFERENCES registries (id),
  row_index   integer NOT NULL,
  person_id   text NOT NULL,
  facility    text,
  region      text,
  custody     text,
  sex         text,
  -- The whole row, in the contract's column order, as one CSV line.
  record      text NOT NULL,
  PRIMARY KEY (registry_id, row_index)
);
CREATE UNIQUE INDEX registry_persons_person ON registry_persons (registry_id, person_id);

-- The columnar form of a snapshot (the `.amnreg` bytes), in pieces, for fast loading.
CREATE TABLE registry_columns (
  registry_id text NOT NULL REFERENCES registries (id),
  piece       integer NOT NULL,
  bytes       bytea NOT NULL,
  PRIMARY KEY (registry_id, piece)
);

-- Every upload, accepted or not, with every problem of every row.
CREATE TABLE registry_imports (
  id          text PRIMARY KEY,
  file_name   text NOT NULL,
  status      text NOT NULL CHECK (status IN ('running', 'accepted', 'rejected', 'failed')),
  rows_read   integer,
  accepted    integer,
  rejected    integer,
  file_issues jsonb NOT NULL DEFAULT '[]',
  registry_id text REFERENCES registries (id),
  error       text,
  started_by  integer REFERENCES users (id),
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE import_issues (
  import_id text NOT NULL REFERENCES registry_imports (id),
  seq       integer NOT NULL,
  row_number integer,
  column_name text,
  value     text,
  rule      text NOT NULL,
  severity  text NOT NULL CHECK (severity IN ('error', 'warning')),
  message   text NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- Acts: laws (frozen) and drafts (editable, every version kept).
CREATE TABLE acts (
  id           text PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('law', 'draft')),
  head_version integer NOT NULL,
  forked_from  text,
  created_by   integer REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  adopted_by   integer REFERENCES users (id),
  adopted_at   timestamptz
);

CREATE TABLE act_versions (
  act_id     text NOT NULL REFERENCES acts (id),
  version    integer NOT NULL CHECK (version >= 1),
  -- SHA-256 of the act's text: its identity in runs.
  hash       text NOT NULL,
  source     text NOT NULL,
  readme     text,
  note       text,
  author     integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (act_id, version)
);
CREATE INDEX act_versions_hash ON act_versions (hash);

-- Evaluation runs, known by the hash of everything they read: the same inputs give the same run.
CREATE TABLE evaluation_runs (
  id             text PRIMARY KEY,
  act_id         text NOT NULL,
  act_version    integer,
  act_hash       text NOT NULL,
  registry_id    text NOT NULL REFERENCES registries (id),
  law_hash       text NOT NULL,
  law_files      jsonb NOT NULL,
  as_of          date NOT NULL,
  engine_version text NOT NULL,
  persons        integer NOT NULL,
  summary        jsonb NOT NULL,
  impact         jsonb NOT NULL,
  timings        jsonb NOT NULL,
  created_by     integer REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Every person's outcome of a run, by name (stable across engine versions).
CREATE TABLE run_outcomes (
  run_id        text NOT NULL REFERENCES evaluation_runs (id),
  row_index     integer NOT NULL,
  person_id     text NOT NULL,
  status        text NOT NULL,
  measure       text,
  clause_id     text,
  exclusion_id  text,
  days_remitted integer,
  new_end       date,
  reason        text NOT NULL,
  almost_kind   text,
  almost_clause text,
  PRIMARY KEY (run_id, row_index)
);

-- Settings of the installation (the current registry).
CREATE TABLE settings (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
