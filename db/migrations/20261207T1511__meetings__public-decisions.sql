-- Whether a decision of a meeting is shown to residents on the public area pages (docs/publicpages.md).
-- Not public unless the meeting's manager says so; who and when are kept here and in the audit log.
ALTER TABLE meeting_decisions
  ADD COLUMN is_public boolean NOT NULL DEFAULT false,
  ADD COLUMN made_public_at timestamptz,
  ADD COLUMN made_public_by uuid REFERENCES users (id);
