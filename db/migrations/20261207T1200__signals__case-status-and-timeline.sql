-- A case has a status: open, in behandeling (in_progress) or afgesloten (closed, with a reason); a closed
-- case can be reopened (back to in_progress, with a reason). Existing cases keep 'open' (docs/signals.md).
ALTER TABLE signal_cases DROP CONSTRAINT signal_cases_status_check;
ALTER TABLE signal_cases ADD CONSTRAINT signal_cases_status_check CHECK (status IN ('open', 'in_progress', 'closed'));

-- Every status change with its reason, who and when: the case's timeline reads these.
CREATE TABLE signal_case_status_changes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id     uuid NOT NULL REFERENCES signal_cases (id) ON DELETE CASCADE,
  from_status text NOT NULL CHECK (from_status IN ('open', 'in_progress', 'closed')),
  to_status   text NOT NULL CHECK (to_status IN ('open', 'in_progress', 'closed')),
  reason_code text CHECK (reason_code IS NULL OR reason_code ~ '^[a-z_]{2,40}$'),
  reason_text text CHECK (reason_text IS NULL OR length(reason_text) BETWEEN 1 AND 500),
  changed_by  uuid REFERENCES users (id),
  changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signal_case_status_changes_case_idx ON signal_case_status_changes (case_id, changed_at);

-- When and by whom a signal was linked to a case; links made before this migration count from the case's creation.
ALTER TABLE signal_case_signals ADD COLUMN linked_at timestamptz;
ALTER TABLE signal_case_signals ADD COLUMN linked_by uuid REFERENCES users (id);
UPDATE signal_case_signals SET linked_at = signal_cases.created_at, linked_by = signal_cases.created_by
  FROM signal_cases WHERE signal_cases.id = signal_case_signals.case_id;
ALTER TABLE signal_case_signals ALTER COLUMN linked_at SET DEFAULT now();
ALTER TABLE signal_case_signals ALTER COLUMN linked_at SET NOT NULL;
