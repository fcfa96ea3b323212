-- Learning module, part one: the ex-ante social cost-benefit analysis (MKBA, docs/learning.md). An MKBA
-- belongs to an area (a focus area, wijk or buurt; areas module, kept by code) and names an intervention
-- package; it holds the nulalternatief as a description and one or more project alternatives, each split into
-- measures, with cost and benefit lines per actor and year relative to the nulalternatief.

CREATE TABLE mkbas (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code  text NOT NULL CHECK (municipality_code ~ '^GM[0-9]{4}$'),
  area_code          text NOT NULL REFERENCES areas (code),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  null_alternative   text NOT NULL CHECK (length(null_alternative) BETWEEN 1 AND 4000),
  base_year          integer NOT NULL CHECK (base_year BETWEEN 2000 AND 2100),
  horizon_years      integer NOT NULL CHECK (horizon_years BETWEEN 1 AND 100),
  -- The real discount rate in hundredths of a percent (225 = 2.25 %, the standard rate since 2021); any
  -- other rate needs its written justification.
  discount_rate_bp   integer NOT NULL CHECK (discount_rate_bp BETWEEN 0 AND 1500),
  rate_justification text CHECK (rate_justification IS NULL OR length(rate_justification) BETWEEN 1 AND 4000),
  is_demo            boolean NOT NULL DEFAULT false,
  created_by         uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (discount_rate_bp = 225 OR rate_justification IS NOT NULL)
);
CREATE INDEX mkbas_area_idx ON mkbas (area_code, created_at);

-- Alternatives, measures and lines are shown in the order they were added: clock_timestamp(), not now(),
-- so several added in one transaction (the demo seed) keep their order.
CREATE TABLE mkba_alternatives (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mkba_id     uuid NOT NULL REFERENCES mkbas (id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX mkba_alternatives_mkba_idx ON mkba_alternatives (mkba_id, created_at);

CREATE TABLE mkba_measures (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alternative_id uuid NOT NULL REFERENCES mkba_alternatives (id) ON DELETE CASCADE,
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description    text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX mkba_measures_alternative_idx ON mkba_measures (alternative_id, created_at);

-- A line is a cost or a benefit of one actor in one year, in euro cents in base-year prices; or a PM item
-- (amount_cents NULL): not quantified, described, shown beside the balance and never summed.
CREATE TABLE mkba_lines (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alternative_id uuid NOT NULL REFERENCES mkba_alternatives (id) ON DELETE CASCADE,
  -- A line may belong to a measure of its alternative; deleting the measure deletes its lines.
  measure_id     uuid REFERENCES mkba_measures (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('cost', 'benefit')),
  actor          text NOT NULL CHECK (actor IN ('gemeente', 'corporatie', 'politie', 'zorg', 'bewoners', 'rijk', 'overig')),
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  amount_cents   bigint CHECK (amount_cents IS NULL OR amount_cents BETWEEN 1 AND 10000000000000),
  description    text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (amount_cents IS NOT NULL OR length(description) > 0)
);
CREATE INDEX mkba_lines_alternative_idx ON mkba_lines (alternative_id, year);
