-- The learning circle across municipalities (docs/circle.md, ADR 0009): signed bundles exchanged between
-- installations. This installation's key pair, the members it trusts, its own lesson items and circle meetings,
-- what it shares at which level, and what it received from the others (replaced whole at each import).

-- One row: this installation's Ed25519 key pair. The private key is sealed with AES-256-GCM under a key
-- derived from SESSION_SECRET, so a database copy alone cannot sign bundles.
CREATE TABLE circle_identity (
  id                  smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name                text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
  municipality_code   text CHECK (municipality_code IS NULL OR municipality_code ~ '^GM[0-9]{4}$'),
  public_key          text NOT NULL,
  private_key_sealed  text NOT NULL,
  -- The sequence number of the last bundle exported; the next export takes this + 1.
  last_sequence       bigint NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now()
);

-- The other installations of the circle, each added by an administrator after checking the fingerprint
-- out of band.
CREATE TABLE circle_members (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  municipality_code   text NOT NULL UNIQUE CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  public_key          text NOT NULL UNIQUE,
  -- The highest bundle sequence imported from this member: an import must be higher (no replay).
  last_sequence       bigint NOT NULL DEFAULT 0,
  last_imported_at    timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE circle_meetings (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  held_on             date NOT NULL,
  host_municipality   text NOT NULL CHECK (length(host_municipality) BETWEEN 1 AND 200),
  place               text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  is_illustrative     boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now()
);

-- The four parts of a circle meeting, each with its notes.
CREATE TABLE circle_meeting_parts (
  meeting_id          uuid NOT NULL REFERENCES circle_meetings (id) ON DELETE CASCADE,
  part                text NOT NULL CHECK (part IN ('nieuws', 'intervisie', 'thema', 'projectbezoek')),
  notes               text NOT NULL DEFAULT '' CHECK (length(notes) <= 8000),
  PRIMARY KEY (meeting_id, part)
);

CREATE TABLE circle_lessons (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body                text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  theme               text NOT NULL CHECK (length(theme) BETWEEN 1 AND 100),
  area_name           text CHECK (area_name IS NULL OR length(area_name) BETWEEN 1 AND 200),
  tags                text[] NOT NULL DEFAULT '{}',
  meeting_id          uuid REFERENCES circle_meetings (id) ON DELETE SET NULL,
  meeting_part        text CHECK (meeting_part IN ('nieuws', 'intervisie', 'thema', 'projectbezoek')),
  is_illustrative     boolean NOT NULL DEFAULT false,
  -- Title, text, theme and tags in one text for the full-text search (written by the service: an index
  -- expression cannot call array_to_string, which is not immutable).
  search_text         text NOT NULL DEFAULT '',
  created_by          uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX circle_lessons_search_idx ON circle_lessons USING gin (to_tsvector('dutch', search_text));

-- What this installation shares, item by item; an item without a row is internal. kind names the item
-- registry's entry (lesson, mkba, trend); item_key is its id or, for a trend, the indicator code.
CREATE TABLE circle_shares (
  kind                text NOT NULL CHECK (kind ~ '^[a-z]{1,40}$'),
  item_key            text NOT NULL CHECK (length(item_key) BETWEEN 1 AND 100),
  level               text NOT NULL CHECK (level IN ('circle', 'public')),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, item_key)
);

-- What the members' current bundles hold. An import replaces all rows of its member, so an item the member
-- stopped sharing is gone. search_text feeds the lesson search (full text, 'dutch').
CREATE TABLE circle_received_items (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id           uuid NOT NULL REFERENCES circle_members (id) ON DELETE CASCADE,
  kind                text NOT NULL,
  item_key            text NOT NULL,
  level               text NOT NULL CHECK (level IN ('circle', 'public')),
  title               text NOT NULL,
  search_text         text NOT NULL DEFAULT '',
  payload             jsonb NOT NULL,
  received_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, kind, item_key)
);
CREATE INDEX circle_received_search_idx ON circle_received_items USING gin (to_tsvector('dutch', search_text));

-- Every bundle exported and imported, for the record beside the audit log.
CREATE TABLE circle_bundle_log (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  direction           text NOT NULL CHECK (direction IN ('export', 'import')),
  member_id           uuid REFERENCES circle_members (id) ON DELETE SET NULL,
  sequence            bigint NOT NULL,
  item_count          integer NOT NULL,
  sha256              text NOT NULL,
  at                  timestamptz NOT NULL DEFAULT now()
);
