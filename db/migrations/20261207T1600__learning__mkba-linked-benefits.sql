-- Learning module: MKBA benefits tied to an operational goal of a programme (docs/learning.md, "Linked
-- benefits"). Only the link and the unit value are stored: the yearly amounts are computed when the MKBA is
-- read, from the goal's baseline, target and trajectory as they are then, so the MKBA and the goal always use
-- the same figures.
--
-- goal_id has no foreign key: goals belong to the programmes module, and a goal may be deleted there. The
-- linked benefit then stays, counts for nothing, and the MKBA page says its goal is gone, so the analyst sees
-- it and decides (delete it, or link another goal) instead of the benefit silently disappearing.
CREATE TABLE mkba_linked_benefits (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alternative_id    uuid NOT NULL REFERENCES mkba_alternatives (id) ON DELETE CASCADE,
  measure_id        uuid REFERENCES mkba_measures (id) ON DELETE CASCADE,
  goal_id           uuid NOT NULL,
  actor             text NOT NULL CHECK (actor IN ('gemeente', 'corporatie', 'politie', 'zorg', 'bewoners', 'rijk', 'overig')),
  -- Euro cents in base-year prices per unit of the indicator's change (e.g. per incident avoided).
  unit_value_cents  bigint NOT NULL CHECK (unit_value_cents BETWEEN 1 AND 10000000000000),
  unit_value_source text NOT NULL CHECK (length(unit_value_source) BETWEEN 1 AND 1000),
  -- For a rate or share: what it applies to. 'area_figure' reads the indicator's weight (inhabitants,
  -- households, dwellings) in the MKBA's area at calculation time; 'entered' is a number with its source.
  quantity_kind     text NOT NULL CHECK (quantity_kind IN ('none', 'area_figure', 'entered')),
  quantity_value    double precision CHECK (quantity_value IS NULL OR quantity_value > 0),
  quantity_source   text CHECK (quantity_source IS NULL OR length(quantity_source) BETWEEN 1 AND 1000),
  description       text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((quantity_kind = 'entered') = (quantity_value IS NOT NULL AND quantity_source IS NOT NULL))
);
CREATE INDEX mkba_linked_benefits_alternative_idx ON mkba_linked_benefits (alternative_id, created_at);
CREATE INDEX mkba_linked_benefits_goal_idx ON mkba_linked_benefits (goal_id);
