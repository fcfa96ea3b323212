-- Whether the session that made an API token had passed a second factor. A token of a user whose role
-- requires MFA works only when it was made that way and the user's TOTP is still in force, so a token
-- never gets around the MFA policy (docs/architecture.md). Tokens made before this column are treated as
-- made without MFA.
ALTER TABLE api_tokens ADD COLUMN mfa_verified boolean NOT NULL DEFAULT false;
