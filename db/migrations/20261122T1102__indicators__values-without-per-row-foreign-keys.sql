-- indicator_values is written in bulk (a national KWB file is ~2.3 million values). Three foreign keys
-- cost three lookups per row and halved the insert rate (measured: PGlite 7k → 16k rows/s, PostgreSQL
-- 31k → 48k rows/s for 100,000 values). The import service checks every value's indicator and area
-- version before it writes (a bad row is a 422 naming its line), and nothing deletes area versions or
-- indicators, so the database-level checks are dropped. See docs/adr/0004-bulk-indicator-values.md.
ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_area_code_year_fkey;
ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_indicator_code_fkey;
ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_import_id_fkey;
