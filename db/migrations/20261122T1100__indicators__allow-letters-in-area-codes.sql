-- CBS wijk and buurt codes may carry capital letters after the gemeente digits (Amsterdam: WK0363AF,
-- BU0363AF09; the national KWB 2024 file has 100+ such wijken). The first check allowed digits only.
ALTER TABLE areas DROP CONSTRAINT areas_code_check;
ALTER TABLE areas ADD CONSTRAINT areas_code_check
  CHECK (code ~ '^(NL00|GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4}|FA[A-Za-z0-9_-]{1,40})$');
