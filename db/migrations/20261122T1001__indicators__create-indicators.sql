-- The indicator catalogue, values per area per year, imports and saved priority rankings.

CREATE TABLE indicators (
  code             text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  theme            text NOT NULL DEFAULT 'overig',
  unit             text NOT NULL DEFAULT '',
  definition       text NOT NULL DEFAULT '',
  source           text NOT NULL DEFAULT '',
  polarity         text NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better', 'neutral')),
  -- How a value for a larger area follows from its parts: counts are summed, shares and rates are
  -- weighted by their denominator (weight_indicator), and some cannot be aggregated at all.
  aggregation      text NOT NULL CHECK (aggregation IN ('sum', 'weighted_mean', 'none')),
  weight_indicator text REFERENCES indicators (code),
  -- Small numbers: a value is suppressed when its weight (or the count itself) is below this.
  suppress_below   integer CHECK (suppress_below IS NULL OR suppress_below >= 0),
  decimals         integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  -- The CBS OData key without its yearly numeric suffix (AantalInwoners for AantalInwoners_5).
  cbs_key          text UNIQUE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (aggregation <> 'weighted_mean' OR weight_indicator IS NOT NULL)
);

CREATE TABLE imports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind           text NOT NULL CHECK (kind IN ('kwb-csv', 'pdok-geojson', 'areas-geojson', 'values-csv', 'kwb-catalogue', 'time-series-json')),
  file_name      text NOT NULL,
  content_sha256 text NOT NULL,
  year           integer,
  rows           integer NOT NULL,
  report         jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, content_sha256)
);

-- Values, partitioned by municipality (hash) as DESIGN.md asks for national scale. A value belongs to an
-- area version: (area_code, year) references area_versions.
CREATE TABLE indicator_values (
  indicator_code    text NOT NULL REFERENCES indicators (code),
  area_code         text NOT NULL,
  year              integer NOT NULL,
  municipality_code text NOT NULL,
  level             text NOT NULL,
  value             double precision,
  suppressed        boolean NOT NULL DEFAULT false,
  import_id         uuid REFERENCES imports (id),
  PRIMARY KEY (municipality_code, indicator_code, year, area_code),
  FOREIGN KEY (area_code, year) REFERENCES area_versions (area_code, year)
) PARTITION BY HASH (municipality_code);
CREATE TABLE indicator_values_p0 PARTITION OF indicator_values FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE indicator_values_p1 PARTITION OF indicator_values FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE indicator_values_p2 PARTITION OF indicator_values FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE indicator_values_p3 PARTITION OF indicator_values FOR VALUES WITH (MODULUS 4, REMAINDER 3);
-- The choropleth reads one indicator, one year, one level over a municipality or the whole country.
CREATE INDEX indicator_values_choropleth_idx ON indicator_values (indicator_code, year, level, municipality_code);
-- The profile reads every indicator of one area over all years.
CREATE INDEX indicator_values_area_idx ON indicator_values (area_code, year);

-- A priority ranking (afwegingskader) saved as a documented choice.
CREATE TABLE priority_rankings (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  municipality_code text NOT NULL,
  level             text NOT NULL CHECK (level IN ('wijk', 'buurt')),
  year              integer NOT NULL,
  criteria          jsonb NOT NULL,
  note              text NOT NULL DEFAULT '',
  result            jsonb NOT NULL,
  created_by        uuid NOT NULL REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX priority_rankings_municipality_idx ON priority_rankings (municipality_code, created_at);
