-- A TOTP code proves possession once (RFC 6238 section 5.2): the time step (Unix time / 30 s) of the last
-- code accepted for a user is kept, and a code of that step or an earlier one is refused. Written with a
-- conditional UPDATE, so two requests carrying the same code cannot both succeed.
ALTER TABLE users ADD COLUMN totp_last_step bigint CHECK (totp_last_step IS NULL OR totp_last_step >= 0);
