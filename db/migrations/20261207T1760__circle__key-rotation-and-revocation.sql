-- Key rotation and revocation in the learning circle (docs/circle.md, "Keys"; ADR 0009, addendum).

-- A revoked member is kept, not deleted: the history says who was revoked, when, by whom and why, and its key
-- stays known here so that it cannot be registered again. Its bundles are refused from then on.
ALTER TABLE circle_members
  ADD COLUMN revoked_at      timestamptz,
  ADD COLUMN revoked_reason  text CHECK (revoked_reason IS NULL OR length(revoked_reason) BETWEEN 1 AND 1000),
  ADD COLUMN revoked_by      uuid REFERENCES users (id),
  ADD CONSTRAINT circle_members_revocation_complete CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL));

-- One gemeentecode can be registered again after a revocation (with another key), so the code is unique only
-- among the members in force. The public key stays unique over all rows, revoked ones included.
ALTER TABLE circle_members DROP CONSTRAINT circle_members_municipality_code_key;
CREATE UNIQUE INDEX circle_members_code_in_force ON circle_members (municipality_code) WHERE revoked_at IS NULL;

-- After this installation rotated its key: the statement that the new public key follows the old one, signed
-- with the old private key (which is then discarded). Every bundle from then on carries it, so a member that
-- still has the old key registered can move to the new one.
ALTER TABLE circle_identity
  ADD COLUMN rotation_statement jsonb,
  ADD COLUMN rotated_at         timestamptz;
