-- Whether residents see a programme on the public area pages (/openbaar, docs/publicpages.md). Not public
-- until the programme manager publishes it; who and when are kept here and in the audit log.
ALTER TABLE programmes
  ADD COLUMN published_at timestamptz,
  ADD COLUMN published_by uuid REFERENCES users (id);
