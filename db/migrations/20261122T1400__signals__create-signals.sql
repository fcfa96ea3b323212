-- Signals about locations, persons and groups shared by partners under a legal regime, bundled into cases
-- (casus) with case meetings and interventions. The most sensitive data Wijkregie holds: see docs/signals.md.
-- municipality_code leads every index and is the distribution key of a multi-tenant (Citus) deployment.

-- Legal regimes (grondslag) as data: which organisation kinds share signals under it, and whether it
-- allows criminal-law data (strafrechtelijke gegevens, AVG art. 10).
CREATE TABLE signal_legal_regimes (
  code               text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,40}$'),
  name_nl            text NOT NULL,
  name_en            text NOT NULL,
  allows_criminal_law boolean NOT NULL,
  partner_kinds      text[] NOT NULL
);

-- The category taxonomy as data: allowed fields (data minimisation), default retention, whether the category
-- holds criminal-law data, the regimes it may be registered under and the organisation kinds that may read it.
CREATE TABLE signal_categories (
  code                     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,40}$'),
  name_nl                  text NOT NULL,
  name_en                  text NOT NULL,
  criminal_law             boolean NOT NULL,
  allowed_regimes          text[] NOT NULL,
  reader_kinds             text[] NOT NULL,
  allows_persons           boolean NOT NULL,
  allows_groups            boolean NOT NULL,
  -- Category-specific detail fields: {"name": {"type": "integer"|"text"|"enum", "values"?: [...]}}.
  detail_fields            jsonb NOT NULL DEFAULT '{}'::jsonb,
  default_retention_months integer NOT NULL CHECK (default_retention_months BETWEEN 1 AND 120),
  sort_order               integer NOT NULL DEFAULT 0
);

CREATE TABLE signal_imports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL,
  file_name      text NOT NULL,
  content_sha256 text NOT NULL,
  rows           integer NOT NULL,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, content_sha256)
);

-- Indexed (not partitioned) by municipality: foreign keys from subjects and case links into a partitioned
-- table would have to carry the partition key; the hash partitioning of docs/signals.md is the next step.
CREATE TABLE signals (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code      text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  category               text NOT NULL REFERENCES signal_categories (code),
  occurred_at            timestamptz NOT NULL,
  -- Where: a point (assigned to its buurt by point in polygon), or an area, optionally with an address.
  lon                    double precision CHECK (lon BETWEEN -180 AND 180),
  lat                    double precision CHECK (lat BETWEEN -90 AND 90),
  address                text CHECK (address IS NULL OR length(address) BETWEEN 1 AND 300),
  area_code              text NOT NULL,
  wijk_code              text,
  description            text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  details                jsonb NOT NULL DEFAULT '{}'::jsonb,
  source_organisation_id uuid NOT NULL REFERENCES organisations (id),
  registered_by          uuid REFERENCES users (id),
  confidentiality        text NOT NULL CHECK (confidentiality IN ('internal', 'restricted', 'confidential')),
  legal_regime           text NOT NULL REFERENCES signal_legal_regimes (code),
  purpose                text NOT NULL CHECK (length(purpose) BETWEEN 3 AND 1000),
  retention_until        date NOT NULL,
  person_count           integer NOT NULL DEFAULT 0,
  group_count            integer NOT NULL DEFAULT 0,
  is_demo                boolean NOT NULL DEFAULT false,
  import_id              uuid REFERENCES signal_imports (id),
  -- The row key of an imported signal (the source system's id), so a re-import adds nothing.
  external_key           text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK ((lon IS NULL) = (lat IS NULL)),
  UNIQUE (municipality_code, source_organisation_id, external_key)
);
CREATE INDEX signals_municipality_occurred_idx ON signals (municipality_code, occurred_at);
CREATE INDEX signals_municipality_category_idx ON signals (municipality_code, category, occurred_at);
CREATE INDEX signals_municipality_area_idx ON signals (municipality_code, area_code);
CREATE INDEX signals_retention_idx ON signals (retention_until);

-- Persons and groups on a signal, by keyed pseudonym only (HMAC-SHA256 with a server key).
CREATE TABLE signal_subjects (
  signal_id  uuid NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
  pseudonym  text NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
  kind       text NOT NULL CHECK (kind IN ('person', 'group')),
  PRIMARY KEY (signal_id, pseudonym)
);
CREATE INDEX signal_subjects_pseudonym_idx ON signal_subjects (pseudonym);

-- Identities behind pseudonyms: separate, sealed (AES-256-GCM), readable only with signal_identities.read.
CREATE TABLE signal_identities (
  pseudonym        text PRIMARY KEY CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
  kind             text NOT NULL CHECK (kind IN ('person', 'group')),
  reference_sealed text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Extending retention needs a recorded decision with its reason.
CREATE TABLE signal_retention_extensions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  signal_id       uuid NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
  previous_until  date NOT NULL,
  new_until       date NOT NULL CHECK (new_until > previous_until),
  reason          text NOT NULL CHECK (length(reason) BETWEEN 10 AND 1000),
  decided_by      uuid REFERENCES users (id),
  decided_at      timestamptz NOT NULL DEFAULT now()
);

-- Cases (casus) bundle signals around an address, location, person or group.
CREATE TABLE signal_cases (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code     text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  title                 text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  focus_kind            text NOT NULL CHECK (focus_kind IN ('address', 'location', 'person', 'group')),
  focus_address         text CHECK (focus_address IS NULL OR length(focus_address) BETWEEN 1 AND 300),
  focus_pseudonym       text CHECK (focus_pseudonym IS NULL OR focus_pseudonym ~ '^[0-9a-f]{64}$'),
  area_code             text NOT NULL,
  wijk_code             text,
  category              text NOT NULL REFERENCES signal_categories (code),
  legal_regime          text NOT NULL REFERENCES signal_legal_regimes (code),
  confidentiality       text NOT NULL CHECK (confidentiality IN ('internal', 'restricted', 'confidential')),
  purpose               text NOT NULL CHECK (length(purpose) BETWEEN 3 AND 1000),
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_by            uuid REFERENCES users (id),
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signal_cases_municipality_idx ON signal_cases (municipality_code, created_at);

CREATE TABLE signal_case_signals (
  case_id   uuid NOT NULL REFERENCES signal_cases (id) ON DELETE CASCADE,
  signal_id uuid NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
  PRIMARY KEY (case_id, signal_id)
);
CREATE INDEX signal_case_signals_signal_idx ON signal_case_signals (signal_id);

-- Case meetings (casusoverleg) stay in this module: they hold person-linked data (docs/signals.md).
CREATE TABLE signal_case_meetings (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id    uuid NOT NULL REFERENCES signal_cases (id) ON DELETE CASCADE,
  held_on    date NOT NULL,
  attendees  text NOT NULL DEFAULT '' CHECK (length(attendees) <= 1000),
  decisions  text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE signal_interventions (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id               uuid NOT NULL REFERENCES signal_cases (id) ON DELETE CASCADE,
  meeting_id            uuid REFERENCES signal_case_meetings (id) ON DELETE SET NULL,
  kind                  text NOT NULL CHECK (kind IN ('preventive', 'repressive')),
  description           text NOT NULL CHECK (length(description) BETWEEN 3 AND 1000),
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  due_date              date NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  created_at            timestamptz NOT NULL DEFAULT now()
);

-- Distinct pseudonyms a user read per hour: the unusual-reads alert (SECURITY.md 18) counts these.
CREATE TABLE signal_pseudonym_reads (
  user_id   uuid NOT NULL REFERENCES users (id),
  hour      timestamptz NOT NULL,
  pseudonym text NOT NULL,
  PRIMARY KEY (user_id, hour, pseudonym)
);

CREATE TABLE signal_unusual_read_alerts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id        uuid NOT NULL REFERENCES users (id),
  hour           timestamptz NOT NULL,
  distinct_count integer NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, hour)
);

INSERT INTO signal_legal_regimes (code, name_nl, name_en, allows_criminal_law, partner_kinds) VALUES
  ('wgs-riec', 'Wgs – RIEC-samenwerkingsverband', 'Wgs – RIEC partnership', true, ARRAY['gemeente', 'politie', 'rijk']),
  ('wgs-zvh', 'Wgs – Zorg- en Veiligheidshuis', 'Wgs – Zorg- en Veiligheidshuis', true, ARRAY['gemeente', 'politie', 'welzijn_zorg', 'zorg_veiligheidshuis']),
  ('municipal-task', 'Publieke taak gemeente (AVG art. 6 lid 1e)', 'Municipal public task (GDPR art. 6(1)(e))', false, ARRAY['gemeente', 'politie', 'woningcorporatie', 'welzijn_zorg', 'zorg_veiligheidshuis', 'onderwijs', 'bewonersorganisatie', 'ondernemers']),
  ('police-provided', 'Verstrekt door politie (Wpg art. 4:3)', 'Provided by the police (Wpg art. 4:3)', true, ARRAY['gemeente', 'politie']);

INSERT INTO signal_categories (code, name_nl, name_en, criminal_law, allowed_regimes, reader_kinds, allows_persons, allows_groups, detail_fields, default_retention_months, sort_order) VALUES
  ('ondermijning', 'Ondermijning', 'Subversive crime', true, ARRAY['wgs-riec', 'police-provided'], ARRAY['gemeente', 'politie', 'rijk'], true, true,
    '{"indicator": {"type": "enum", "values": ["witwassen", "drugsproductie", "mensenhandel", "vastgoedfraude", "overig"]}}', 60, 10),
  ('illegale-kamerverhuur', 'Illegale kamerverhuur/overbewoning', 'Illegal room rental/overcrowding', false, ARRAY['municipal-task', 'wgs-riec'], ARRAY['gemeente', 'politie', 'woningcorporatie'], true, false,
    '{"estimatedOccupants": {"type": "integer", "min": 1, "max": 100}}', 24, 20),
  ('woonoverlast', 'Woonoverlast', 'Residential nuisance', false, ARRAY['municipal-task', 'wgs-zvh'], ARRAY['gemeente', 'politie', 'woningcorporatie', 'welzijn_zorg'], true, false,
    '{"nuisanceType": {"type": "enum", "values": ["geluid", "vervuiling", "agressie", "overig"]}}', 24, 30),
  ('drugsoverlast', 'Drugs- en coffeeshopoverlast', 'Drug and coffeeshop nuisance', false, ARRAY['municipal-task', 'police-provided'], ARRAY['gemeente', 'politie', 'woningcorporatie'], false, true,
    '{"location": {"type": "enum", "values": ["woning", "openbare-ruimte", "coffeeshop"]}}', 24, 40),
  ('jeugdoverlast', 'Jeugdoverlast', 'Youth nuisance', false, ARRAY['municipal-task', 'police-provided', 'wgs-zvh'], ARRAY['gemeente', 'politie', 'welzijn_zorg', 'onderwijs'], false, true,
    '{"groupSize": {"type": "integer", "min": 1, "max": 200}}', 12, 50),
  ('verkeersonveiligheid', 'Verkeersonveiligheid', 'Road safety', false, ARRAY['municipal-task'], ARRAY['gemeente', 'politie', 'woningcorporatie', 'welzijn_zorg', 'zorg_veiligheidshuis', 'onderwijs', 'bewonersorganisatie', 'ondernemers'], false, false,
    '{"roadUser": {"type": "enum", "values": ["voetganger", "fietser", "auto", "scooter"]}}', 12, 60),
  ('verloedering', 'Verloedering', 'Physical decay', false, ARRAY['municipal-task'], ARRAY['gemeente', 'politie', 'woningcorporatie', 'welzijn_zorg', 'zorg_veiligheidshuis', 'onderwijs', 'bewonersorganisatie', 'ondernemers'], false, false,
    '{"kind": {"type": "enum", "values": ["zwerfafval", "graffiti", "vernieling", "leegstand"]}}', 12, 70),
  ('zorgsignaal', 'Zorgsignaal', 'Care concern', false, ARRAY['wgs-zvh', 'municipal-task'], ARRAY['gemeente', 'welzijn_zorg', 'zorg_veiligheidshuis'], true, false,
    '{}', 24, 80);
