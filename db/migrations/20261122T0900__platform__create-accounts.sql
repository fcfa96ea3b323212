-- Partner organisations, users, roles, area scopes, sessions, API tokens and login attempts.
-- Roles are codes checked by the application (src/platform/server/auth/permissions.ts), so adding a
-- role needs no migration; the policy per role (MFA required) lives in role_policies.

CREATE TABLE organisations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind        text NOT NULL CHECK (kind IN ('gemeente', 'politie', 'woningcorporatie', 'welzijn_zorg',
                'zorg_veiligheidshuis', 'onderwijs', 'bewonersorganisatie', 'ondernemers', 'rijk', 'overig')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE users (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username              text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name          text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  email                 text CHECK (email IS NULL OR length(email) <= 320),
  password_hash         text NOT NULL,
  organisation_id       uuid NOT NULL REFERENCES organisations (id),
  locale                text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  totp_secret_encrypted text,
  totp_enabled_at       timestamptz,
  is_demo               boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL DEFAULT now(),
  disabled_at           timestamptz
);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_organisation_idx ON users (organisation_id);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    text NOT NULL CHECK (role ~ '^[a-z_]{2,40}$'),
  PRIMARY KEY (user_id, role)
);

-- An empty scope means the whole of every municipality the user's role allows.
CREATE TABLE user_area_scopes (
  user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  area_code text NOT NULL CHECK (area_code ~ '^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|FA[A-Za-z0-9_-]{1,40})$'),
  PRIMARY KEY (user_id, area_code)
);

CREATE TABLE role_policies (
  role         text PRIMARY KEY CHECK (role ~ '^[a-z_]{2,40}$'),
  mfa_required boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The cookie holds a random token; only its SHA-256 is stored, so a database leak yields no sessions.
CREATE TABLE sessions (
  id_hash      text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  mfa_verified boolean NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash   text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_by   uuid NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE login_attempts (
  id        bigserial PRIMARY KEY,
  username  text NOT NULL,
  ip        text NOT NULL,
  succeeded boolean NOT NULL,
  at        timestamptz NOT NULL
);
CREATE INDEX login_attempts_username_at_idx ON login_attempts (username, at);
CREATE INDEX login_attempts_ip_at_idx ON login_attempts (ip, at);
