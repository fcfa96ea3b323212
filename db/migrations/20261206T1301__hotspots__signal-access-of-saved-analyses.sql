-- A saved signal-based analysis was visible to the whole organisation that made it, whatever a member's
-- clearance or area scope. It now keeps the need-to-know facts of the signals it was made from (source,
-- registrant, category, regime, confidentiality, area; no ids, persons or text), given by the signals
-- module, and only who may see every one of those signals may open it (docs/hotspots.md). Analyses saved
-- before have none: only their author may open them, until they expire with their signals.
ALTER TABLE hotspot_analyses ADD COLUMN signal_access jsonb;
ALTER TABLE hotspot_analyses ADD CONSTRAINT hotspot_analyses_signal_access_kind
  CHECK (signal_access IS NULL OR (source_kind = 'signals' AND jsonb_typeof(signal_access) = 'array'));
