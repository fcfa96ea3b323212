-- Four-eyes on the roles that open the identity barrier (docs/adr/0007-four-eyes-on-identity-roles.md):
-- granting case_officer (reads who is behind a pseudonym) or administrator (decides these grants) through
-- the API makes a pending request here; another administrator approves or rejects it, and only an
-- approval adds the row to user_roles. The CLI's create-user and the demo seed (an operator on the server)
-- assign roles directly.
CREATE TABLE role_grant_requests (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role ~ '^[a-z_]{2,40}$'),
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  decided_by   uuid REFERENCES users (id),
  decided_at   timestamptz,
  CONSTRAINT role_grant_requests_decided CHECK ((status = 'pending') = (decided_at IS NULL) AND (status = 'pending') = (decided_by IS NULL)),
  -- The rule itself, also for anything that bypasses the service: no one grants a role to themselves, and
  -- the administrator who asked is never the one who approves.
  CONSTRAINT role_grant_requests_not_self CHECK (requested_by <> user_id),
  CONSTRAINT role_grant_requests_second_person CHECK (status <> 'approved' OR (decided_by <> requested_by AND decided_by <> user_id))
);
-- At most one open request per user and role.
CREATE UNIQUE INDEX role_grant_requests_pending_key ON role_grant_requests (user_id, role) WHERE status = 'pending';
