-- Four-eyes that one person cannot get around (issue 12, item 8; docs/finance.md "Commitments, spend and
-- four-eyes").
--
-- 1. The approval threshold changes only when a second person approves the proposed change. A proposal is
--    kept whatever its outcome (never deleted), one waits at a time per setting, and the database refuses an
--    approved change decided by its proposer.
CREATE TABLE finance_setting_changes (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key            text NOT NULL CHECK (key IN ('approval_threshold_cents')),
  from_value     bigint NOT NULL CHECK (from_value >= 0),
  to_value       bigint NOT NULL CHECK (to_value >= 0),
  reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  status         text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
  proposed_by    uuid REFERENCES users (id),
  proposed_name  text NOT NULL,
  proposed_at    timestamptz NOT NULL,
  decided_by     uuid REFERENCES users (id),
  decided_name   text,
  decided_at     timestamptz,
  decision_note  text NOT NULL DEFAULT '',
  CHECK (to_value <> from_value),
  CHECK (status <> 'approved' OR (decided_by IS NOT NULL AND decided_by IS DISTINCT FROM proposed_by))
);
CREATE UNIQUE INDEX finance_setting_changes_one_pending ON finance_setting_changes (key) WHERE status = 'pending';

-- 2. Why an entry waits: its own amount is at or above the threshold ('amount'), or together with what the
--    same person booked alone on the same line and kind in the last 30 days it reaches the threshold ('split',
--    with that total). NULL: it counted at once.
ALTER TABLE finance_entries ADD COLUMN approval_reason text CHECK (approval_reason IN ('amount', 'split'));
ALTER TABLE finance_entries ADD COLUMN split_total_cents bigint CHECK (split_total_cents >= 0);
ALTER TABLE finance_entries ADD CONSTRAINT finance_entries_split_total CHECK ((approval_reason IS NOT DISTINCT FROM 'split') = (split_total_cents IS NOT NULL));

-- The split check reads one person's recent bookings on a line.
CREATE INDEX finance_entries_submitter_line ON finance_entries (budget_line_id, submitted_by, kind, created_at);
