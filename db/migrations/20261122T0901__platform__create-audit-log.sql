-- The audit log: append-only for the application and hash-chained (SECURITY.md 7, 8).
-- hash = SHA-256 over the canonical row and the previous row's hash; src/platform/server/audit.ts
-- writes and verifies it. The trigger below makes UPDATE, DELETE and TRUNCATE fail for every role
-- the application uses; a superuser who disables the trigger is caught by the chain verifier.

CREATE TABLE audit_log (
  id                    bigint PRIMARY KEY,
  at                    timestamptz NOT NULL,
  actor_user_id         uuid,
  actor_username        text,
  actor_organisation_id uuid,
  action                text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]{1,80}$'),
  subject_type          text NOT NULL,
  subject_id            text,
  detail                jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash             text NOT NULL,
  hash                  text NOT NULL
);
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
