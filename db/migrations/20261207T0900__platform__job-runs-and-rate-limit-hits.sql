-- Several server processes on one database (docs/operations.md, "Several instances").

-- The last start of each scheduled job, whichever process ran it: a process starts a job only when its
-- interval has passed since then (jobs.ts), so N processes run it once per interval between them.
CREATE TABLE job_runs (
  job        text PRIMARY KEY CHECK (job ~ '^[a-z][a-z0-9_.-]{1,80}$'),
  started_at timestamptz NOT NULL,
  -- host:pid:random of the process that started it, for the operator.
  instance   text NOT NULL CHECK (length(instance) <= 300)
);

-- API requests per client and minute, added up across processes (shared-rate-limit.ts). The client is an
-- HMAC of its user id or IP address, never the address itself. Counts of the current minute are all that
-- matter: unlogged (not written to the WAL, not replicated, emptied after a crash), and old minutes are
-- deleted as they pass.
CREATE UNLOGGED TABLE rate_limit_hits (
  window_start timestamptz NOT NULL,
  client       text NOT NULL CHECK (length(client) <= 64),
  hits         integer NOT NULL CHECK (hits >= 0),
  PRIMARY KEY (window_start, client)
);
