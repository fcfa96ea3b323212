-- A budget line proposed from the activity page (issue 13, item 1; docs/finance.md "Proposing a budget
-- line"). The programme manager proposes year, funding source, amount and description; finance approves or
-- rejects with a reason, never the proposer (four-eyes, also refused here). Until approved the proposal is
-- not a budget line and counts in no total; approving creates the line, financed wholly by the source, and
-- links it. Proposals are kept with their outcome, never deleted.
CREATE TABLE budget_line_proposals (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id      uuid NOT NULL,
  activity_id       uuid NOT NULL,
  -- The activity's name when proposed, as budget_lines keeps it (no foreign key across modules).
  activity_name     text NOT NULL,
  year              integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  funding_source_id uuid NOT NULL REFERENCES funding_sources (id),
  amount_cents      bigint NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 100000000000),
  description       text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
  status            text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  proposed_by       uuid REFERENCES users (id),
  proposed_name     text NOT NULL,
  proposed_at       timestamptz NOT NULL,
  decided_by        uuid REFERENCES users (id),
  decided_name      text,
  decided_at        timestamptz,
  decision_note     text NOT NULL DEFAULT '',
  budget_line_id    uuid REFERENCES budget_lines (id),
  CHECK ((status = 'approved') = (budget_line_id IS NOT NULL)),
  CHECK (status = 'pending' OR decided_at IS NOT NULL),
  CHECK (status <> 'approved' OR (decided_by IS NOT NULL AND decided_by IS DISTINCT FROM proposed_by)),
  CHECK (status <> 'rejected' OR length(decision_note) > 0)
);
CREATE INDEX budget_line_proposals_activity ON budget_line_proposals (activity_id, year);
CREATE INDEX budget_line_proposals_programme_year ON budget_line_proposals (programme_id, year);
CREATE INDEX budget_line_proposals_pending ON budget_line_proposals (status) WHERE status = 'pending';
