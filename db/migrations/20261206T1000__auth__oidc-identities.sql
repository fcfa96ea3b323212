-- OIDC login (docs/operations.md): which account at the municipality's identity provider belongs to
-- which Wijkregie user. A row is made at the first successful OIDC login of an existing, active user
-- whose username the provider's username claim names; later logins match on (issuer, subject) only, so a
-- username changed at the provider still finds the same user. Users are never created from a login.
CREATE TABLE oidc_identities (
  issuer        text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
  subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL,
  last_login_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject),
  -- One account per provider per user: a second account claiming the same username is refused.
  CONSTRAINT oidc_identities_user_issuer_key UNIQUE (user_id, issuer)
);
