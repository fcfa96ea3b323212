-- Figures across years and re-divisions (docs/adr/0008-area-versions-and-crosswalks.md).
--
-- An area version stays valid until a newer version of its code is imported, so no column changes on
-- area_versions: readers take the newest version at or before the year they want. What this adds is the
-- crosswalk: when CBS re-divides buurten (or wijken, or merges gemeenten), each old code's territory goes to
-- new codes with a weight (its share by inhabitants or by area). Time series and goal baselines are carried
-- across the change with it when read; nothing is copied into area_figures.

ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
  CHECK (kind IN ('kwb-csv', 'pdok-geojson', 'areas-geojson', 'values-csv', 'kwb-catalogue', 'time-series-json', 'crosswalk-csv'));

CREATE TABLE area_crosswalks (
  -- The first year of the new division: from_code's territory is to_code's from this year on.
  year      integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  from_code text NOT NULL REFERENCES areas (code),
  to_code   text NOT NULL REFERENCES areas (code),
  -- The share of from_code that went to to_code; the shares of one from_code in one year add up to 1.
  weight    double precision NOT NULL CHECK (weight > 0 AND weight <= 1),
  basis     text NOT NULL CHECK (basis IN ('inhabitants', 'area')),
  import_id uuid NOT NULL REFERENCES imports (id),
  PRIMARY KEY (year, from_code, to_code),
  CHECK (left(from_code, 2) = left(to_code, 2))
);
-- A code's successors (an old code's series carried forward) and its sources (a new code's older years).
CREATE INDEX area_crosswalks_from_idx ON area_crosswalks (from_code, year);
CREATE INDEX area_crosswalks_to_idx ON area_crosswalks (to_code, year);
