import type { Kysely } from 'kysely';
import type { Database } from '../db-schema.js';
import { randomToken, sha256Hex } from './secrets.js';

export const API_TOKEN_PREFIX = 'wr_';

export function newApiTokenValue(): string {
  return API_TOKEN_PREFIX + randomToken();
}

export function apiTokenHash(token: string): string {
  return sha256Hex(token);
}

/** The user behind a bearer token that is neither revoked nor expired (and when it expires); null otherwise. */
export async function resolveApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ userId: string; expiresAt: number | null; mfaVerified: boolean } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db
    .withTables<{ api_tokens: { mfa_verified: boolean } }>()
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'last_used_at', 'mfa_verified'])
    .where('token_hash', '=', apiTokenHash(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at !== null && new Date(row.expires_at).getTime() <= now.getTime()) return null;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { userId: row.user_id, expiresAt: row.expires_at === null ? null : new Date(row.expires_at).getTime(), mfaVerified: row.mfa_verified };
}
