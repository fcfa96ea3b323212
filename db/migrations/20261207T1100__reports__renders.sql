-- Reports (docs/reports.md, "Rendering"): a DOCX or PDF is made off the request thread. The request stores
-- a render here and answers 202; the worker thread's progress and the finished file are written here, so
-- the browser's polls are answered by whichever server process they reach. Only the one who asked reads it;
-- renders are removed an hour after they were asked for (job reports.renders-cleanup). Unlogged: a file that can
-- be made again need not go through the WAL or to replicas, and after a crash the browser simply asks again.

CREATE UNLOGGED TABLE report_renders (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_by      uuid NOT NULL REFERENCES users (id),
  snapshot_id       uuid NOT NULL REFERENCES report_snapshots (id),
  letter_id         uuid REFERENCES council_letters (id),
  letter_version    integer CHECK (letter_version >= 1),
  kind              text NOT NULL CHECK (kind IN ('progress', 'annual', 'decisions', 'subsidy', 'letter')),
  subject_id        uuid,
  format            text NOT NULL CHECK (format IN ('docx', 'pdf')),
  file_name         text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  status            text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  progress          smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  content           bytea,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'letter') = (letter_id IS NOT NULL AND letter_version IS NOT NULL)),
  CHECK ((status = 'done') = (content IS NOT NULL))
);
CREATE INDEX report_renders_created_idx ON report_renders (created_at);

-- Every save of a letter draft and of a template is a new version; a saved version is never changed or
-- removed, whoever asks (the audit log names each save, the versions hold what was saved).
CREATE FUNCTION report_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'saved versions are immutable';
END;
$$;
CREATE TRIGGER council_letter_versions_no_change BEFORE UPDATE OR DELETE ON council_letter_versions
  FOR EACH ROW EXECUTE FUNCTION report_versions_immutable();
CREATE TRIGGER report_templates_no_change BEFORE UPDATE OR DELETE ON report_templates
  FOR EACH ROW EXECUTE FUNCTION report_versions_immutable();
