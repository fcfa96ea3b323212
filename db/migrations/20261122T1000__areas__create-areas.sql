-- Areas: gemeente > wijk > buurt with CBS codes, kept per year because CBS redraws boundaries yearly, and
-- focus areas made of buurten/wijken or drawn as a polygon. Geometry is GeoJSON (WGS84) with a bounding
-- box, no PostGIS (DESIGN.md). municipality_code is the distribution key of a multi-tenant deployment.

CREATE TABLE areas (
  code              text PRIMARY KEY CHECK (code ~ '^(NL00|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|FA[A-Za-z0-9_-]{1,40})$'),
  level             text NOT NULL CHECK (level IN ('land', 'gemeente', 'wijk', 'buurt', 'focus')),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^(NL00|GM[0-9]{4})$'),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX areas_municipality_level_idx ON areas (municipality_code, level);

-- One row per area per year: name, parent and boundary as CBS published them that year.
CREATE TABLE area_versions (
  area_code         text NOT NULL REFERENCES areas (code),
  year              integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  parent_code       text REFERENCES areas (code),
  municipality_code text NOT NULL,
  level             text NOT NULL,
  geometry          jsonb,
  min_lon           double precision,
  min_lat           double precision,
  max_lon           double precision,
  max_lat           double precision,
  import_id         uuid,
  PRIMARY KEY (area_code, year)
);
CREATE INDEX area_versions_municipality_year_level_idx ON area_versions (municipality_code, year, level);
CREATE INDEX area_versions_parent_idx ON area_versions (parent_code, year);

-- A focus area is a set of buurten or wijken (Dordt West = wijken 03, 04, 07, 08 of Dordrecht).
CREATE TABLE focus_areas (
  code              text PRIMARY KEY REFERENCES areas (code),
  municipality_code text NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description       text NOT NULL DEFAULT '',
  -- The drawn or uploaded polygon, when the focus area was made from one (members are then derived).
  polygon           jsonb,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE focus_area_members (
  focus_code  text NOT NULL REFERENCES focus_areas (code) ON DELETE CASCADE,
  member_code text NOT NULL REFERENCES areas (code),
  PRIMARY KEY (focus_code, member_code)
);
