-- Spatial-safety advice (ruimtelijk veiligheidsadvies, docs/spatialadvice.md): a trigger says an advice is
-- needed for a place or an area; an omgevingsscan scores a versioned CPTED checklist by several disciplines;
-- the scan ends in a signed, read-only advice whose conditions are tracked as actions.

-- A checklist template version. Versions are never changed after they are published: a new one is a new row,
-- and a scan keeps the version it started with.
CREATE TABLE spatial_templates (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version      integer NOT NULL UNIQUE CHECK (version >= 1),
  note         text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  published_by uuid REFERENCES users (id),
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE spatial_template_items (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL REFERENCES spatial_templates (id),
  position    integer NOT NULL CHECK (position >= 1),
  theme       text NOT NULL CHECK (theme IN ('zichtbaarheid', 'toegang', 'territorialiteit', 'beheer', 'verlichting', 'levendigheid', 'routes')),
  -- requirement (eis: must be met) or recommendation (aanbeveling: should be met)
  kind        text NOT NULL CHECK (kind IN ('requirement', 'recommendation')),
  text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  UNIQUE (template_id, position)
);

-- Why an advice is needed. Place: a point (WGS84) and/or an area; geometry is what the map draws.
CREATE TABLE spatial_triggers (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                text NOT NULL CHECK (kind IN ('hotspot', 'plan', 'public_space', 'masterplan')),
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'scanning', 'advised', 'dismissed')),
  municipality_code   text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  area_code           text NOT NULL REFERENCES areas (code),
  place_name          text NOT NULL CHECK (length(place_name) BETWEEN 1 AND 200),
  description         text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  lat                 double precision CHECK (lat BETWEEN -90 AND 90),
  lon                 double precision CHECK (lon BETWEEN -180 AND 180),
  geometry            jsonb,
  -- From the hotspots module: the saved analysis and the cell (H3 index or area code) — never signals or people.
  hotspot_analysis_id uuid,
  hotspot_cell        text,
  hotspot_name        text,
  -- From the programmes module: the programme that covers the area.
  programme_id        uuid,
  dismiss_reason      text CHECK (dismiss_reason IS NULL OR length(dismiss_reason) BETWEEN 1 AND 2000),
  is_demo             boolean NOT NULL DEFAULT false,
  raised_by           uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((lat IS NULL) = (lon IS NULL)),
  CHECK (kind <> 'hotspot' OR (hotspot_analysis_id IS NOT NULL AND hotspot_cell IS NOT NULL)),
  CHECK (kind <> 'plan' OR programme_id IS NOT NULL),
  CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL))
);
-- One trigger per hot-spot cell of an analysis, and per programme and area: raising again changes nothing.
CREATE UNIQUE INDEX spatial_triggers_hotspot_idx ON spatial_triggers (hotspot_analysis_id, hotspot_cell) WHERE kind = 'hotspot';
CREATE UNIQUE INDEX spatial_triggers_plan_idx ON spatial_triggers (programme_id, area_code) WHERE kind = 'plan';
CREATE INDEX spatial_triggers_area_idx ON spatial_triggers (area_code, created_at);

-- The omgevingsscan of a trigger, with the advice it ends in. Signed (signed_at set) means read-only.
CREATE TABLE spatial_scans (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trigger_id    uuid NOT NULL UNIQUE REFERENCES spatial_triggers (id),
  template_id   uuid NOT NULL REFERENCES spatial_templates (id),
  started_by    uuid REFERENCES users (id),
  started_at    timestamptz NOT NULL DEFAULT now(),
  outcome       text CHECK (outcome IN ('gunstig', 'voorwaardelijk_gunstig', 'ongunstig')),
  motivation    text CHECK (motivation IS NULL OR length(motivation) BETWEEN 1 AND 8000),
  signed_by     uuid REFERENCES users (id),
  signed_name   text,
  signed_at     timestamptz,
  CHECK ((signed_at IS NULL) = (outcome IS NULL)),
  CHECK (signed_at IS NULL OR (motivation IS NOT NULL AND signed_name IS NOT NULL))
);

CREATE TABLE spatial_participants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scan_id     uuid NOT NULL REFERENCES spatial_scans (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  discipline  text NOT NULL CHECK (discipline IN ('politie', 'stedenbouw', 'beheer_openbare_ruimte', 'sociaal_werk', 'bewoners', 'corporatie', 'gemeente_veiligheid', 'overig')),
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (scan_id, user_id)
);

CREATE TABLE spatial_scores (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES spatial_participants (id),
  item_id        uuid NOT NULL REFERENCES spatial_template_items (id),
  score          text NOT NULL CHECK (score IN ('voldoet', 'deels', 'voldoet_niet', 'nvt')),
  remark         text NOT NULL DEFAULT '' CHECK (length(remark) <= 2000),
  evidence       text NOT NULL DEFAULT '' CHECK (length(evidence) <= 2000),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (participant_id, item_id)
);

-- Photos of a score, stored after checking the type by its bytes and removing metadata (EXIF can hold GPS
-- and the device); served only to who may read the advice.
CREATE TABLE spatial_photos (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  score_id    uuid NOT NULL REFERENCES spatial_scores (id),
  media_type  text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  bytes       bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
  uploaded_by uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX spatial_photos_score_idx ON spatial_photos (score_id);

-- The conditions of a voorwaardelijk gunstig advice, each tracked as an action with owner and deadline.
CREATE TABLE spatial_conditions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scan_id       uuid NOT NULL REFERENCES spatial_scans (id),
  position      integer NOT NULL CHECK (position >= 1),
  text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  due_date      date NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  closed_at     timestamptz,
  UNIQUE (scan_id, position)
);
CREATE INDEX spatial_conditions_owner_idx ON spatial_conditions (owner_user_id, status);

-- Version 1 of the checklist, for every installation: CPTED themes (Newman 1972; Crowe 2000; NEN-EN 14383-2;
-- the CCV's Politiekeurmerk Veilig Wonen) and the Antwerp advice's aim of not harming (felt) safety.
WITH template AS (
  INSERT INTO spatial_templates (version, note) VALUES (1, 'Eerste versie, op basis van CPTED en het Antwerpse advies ruimtelijke veiligheid.') RETURNING id
)
INSERT INTO spatial_template_items (template_id, position, theme, kind, text)
SELECT template.id, item.position, item.theme, item.kind, item.text
FROM template, (VALUES
  (1, 'zichtbaarheid', 'requirement', 'Vanuit woningen, winkels of andere verblijfsplekken is de plek te overzien (ogen op straat).'),
  (2, 'zichtbaarheid', 'requirement', 'Er zijn geen onoverzichtelijke hoeken of nissen waar iemand zich kan verbergen.'),
  (3, 'zichtbaarheid', 'recommendation', 'Beplanting blijft laag (tot ongeveer 1 meter) of is opgekroond (vanaf ongeveer 2 meter), zodat het zicht open blijft.'),
  (4, 'toegang', 'requirement', 'Duidelijk is waar de openbare ruimte ophoudt en private of gemeenschappelijke ruimte begint.'),
  (5, 'toegang', 'recommendation', 'Achterpaden, bergingen en portieken zijn afgesloten of alleen toegankelijk voor wie er woont.'),
  (6, 'territorialiteit', 'requirement', 'De plek heeft een herkenbare functie en een herkenbare eigenaar of beheerder.'),
  (7, 'territorialiteit', 'recommendation', 'Bewoners en ondernemers zijn betrokken bij inrichting en gebruik, zodat zij zich verantwoordelijk voelen.'),
  (8, 'beheer', 'requirement', 'Er is een beheerafspraak (wie, hoe vaak) voor schoonmaak, groen en herstel van vernielingen.'),
  (9, 'beheer', 'recommendation', 'Materialen en meubilair zijn robuust en makkelijk te herstellen of te vervangen.'),
  (10, 'verlichting', 'requirement', 'Looproutes, entrees en verblijfsplekken zijn ''s avonds gelijkmatig verlicht, zonder donkere plekken.'),
  (11, 'verlichting', 'recommendation', 'Gezichten zijn bij verlichting op enkele meters herkenbaar; verlichting verblindt niet.'),
  (12, 'levendigheid', 'requirement', 'De plek wordt op verschillende momenten van de dag gebruikt; er zijn geen langdurig lege plekken.'),
  (13, 'levendigheid', 'recommendation', 'Functies op de begane grond (entrees, winkels, voorzieningen) zijn naar de openbare ruimte gericht.'),
  (14, 'routes', 'requirement', 'Belangrijke looproutes zijn direct, overzichtelijk en hebben een alternatief; geen verplichte route langs een onveilige plek.'),
  (15, 'routes', 'recommendation', 'Bebording en herkenningspunten maken duidelijk waar je bent en hoe je verder komt.')
) AS item (position, theme, kind, text);
