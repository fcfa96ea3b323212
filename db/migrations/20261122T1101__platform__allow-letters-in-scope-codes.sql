-- CBS wijk and buurt codes may end in capital letters (Amsterdam: WK0363AF, BU0363AF09); area scopes of
-- users must accept them like the areas table does.
ALTER TABLE user_area_scopes DROP CONSTRAINT user_area_scopes_area_code_check;
ALTER TABLE user_area_scopes ADD CONSTRAINT user_area_scopes_area_code_check
  CHECK (area_code ~ '^(GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4}|FA[A-Za-z0-9_-]{1,40})$');
