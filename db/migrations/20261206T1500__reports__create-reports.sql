-- Reports (docs/reports.md): snapshots of what a report uses, frozen at their peildatum; the council letter's
-- template per municipality, versioned; council letters as versioned drafts. Programmes live in the
-- programmes module: their ids are kept without a foreign key. municipality_code is the distribution key.

CREATE TABLE report_snapshots (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id      uuid NOT NULL,
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  period_start      date NOT NULL,
  peildatum         date NOT NULL,
  -- The content as JSON text, byte for byte as written, and its SHA-256: a snapshot always gives the same figures.
  content           text NOT NULL,
  content_sha256    text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  is_demo           boolean NOT NULL DEFAULT false,
  taken_by          uuid REFERENCES users (id),
  taken_by_name     text NOT NULL,
  taken_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (period_start <= peildatum)
);
CREATE INDEX report_snapshots_programme_idx ON report_snapshots (programme_id, taken_at DESC);

-- Snapshots are immutable: no update and no delete, whoever asks.
CREATE FUNCTION report_snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report snapshots are immutable';
END;
$$;
CREATE TRIGGER report_snapshots_no_change BEFORE UPDATE OR DELETE ON report_snapshots
  FOR EACH ROW EXECUTE FUNCTION report_snapshots_immutable();

-- The council letter's template of a municipality; each save a new version, the newest in force.
CREATE TABLE report_templates (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  version           integer NOT NULL CHECK (version >= 1),
  content           text NOT NULL,
  saved_by          uuid REFERENCES users (id),
  saved_by_name     text NOT NULL,
  saved_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_code, version)
);

CREATE TABLE council_letters (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id      uuid NOT NULL,
  municipality_code text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  is_demo           boolean NOT NULL DEFAULT false,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX council_letters_programme_idx ON council_letters (programme_id);

-- Every save of a draft is a new version; versions are never changed. template_version 0 = the built-in default.
CREATE TABLE council_letter_versions (
  letter_id         uuid NOT NULL REFERENCES council_letters (id),
  version           integer NOT NULL CHECK (version >= 1),
  snapshot_id       uuid NOT NULL REFERENCES report_snapshots (id),
  template_version  integer NOT NULL CHECK (template_version >= 0),
  content           text NOT NULL,
  saved_by          uuid REFERENCES users (id),
  saved_by_name     text NOT NULL,
  saved_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (letter_id, version)
);
