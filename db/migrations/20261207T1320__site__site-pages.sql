-- The texts behind the footer links (privacy statement, accessibility statement, contact), written by the
-- administrator as plain text. One row per page; a page without a row is one the municipality has not
-- written yet. is_demo marks the texts the demo seed wrote about the demo installation itself.

CREATE TABLE site_pages (
  slug       text PRIMARY KEY CHECK (slug IN ('privacy', 'accessibility', 'contact')),
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  is_demo    boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Null for the demo seed (the system wrote it).
  updated_by uuid REFERENCES users (id)
);
