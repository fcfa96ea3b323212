-- Saved hot-spot analyses: the request, the result as it was shown, and for signal-based analyses the moment
-- the result must be gone (the earliest retention date of the signals it was computed from, SECURITY 10).
CREATE TABLE hotspot_analyses (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  note              text NOT NULL DEFAULT '',
  municipality_code text NOT NULL,
  source_kind       text NOT NULL CHECK (source_kind IN ('indicator', 'signals')),
  statistic         text NOT NULL CHECK (statistic IN ('gi_star', 'local_moran')),
  request           jsonb NOT NULL,
  result            jsonb NOT NULL,
  created_by        uuid NOT NULL REFERENCES users (id),
  organisation_id   uuid NOT NULL REFERENCES organisations (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  expires_at        timestamptz,
  CHECK (source_kind = 'signals' OR expires_at IS NULL),
  CHECK (source_kind = 'indicator' OR expires_at IS NOT NULL)
);
CREATE INDEX hotspot_analyses_municipality_idx ON hotspot_analyses (municipality_code, created_at);
CREATE INDEX hotspot_analyses_expiry_idx ON hotspot_analyses (expires_at) WHERE expires_at IS NOT NULL;
