import type { Kysely } from 'kysely';
import { apiTokenHash, AppError, invalid, newApiTokenValue, notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { ApiToken, CreateApiToken } from '../contract.js';
import { findUserById } from './users.queries.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

async function findTokens(db: Kysely<Database>, id?: string): Promise<ApiToken[]> {
  let query = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.user_id',
      'users.username',
      'api_tokens.token_prefix',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ])
    .orderBy('api_tokens.created_at', 'desc');
  if (id) query = query.where('api_tokens.id', '=', id);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    prefix: row.token_prefix,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  }));
}

export function listApiTokens(db: Kysely<Database>): Promise<ApiToken[]> {
  return findTokens(db);
}

/**
 * Makes an API token for the caller, and only the caller: nobody holds a token acting as someone else
 * (docs/adr/0007). It is made from a session, never from another token (a token cannot outlive or widen
 * the session that proved who made it), and that session has passed every second factor the user owes
 * (the auth hook refuses a pending session). The token records whether that session passed MFA: a token
 * of a user whose role requires MFA works only then. Its value is returned once and only hashed at rest.
 */
export async function createApiToken(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateApiToken,
  now: Date,
): Promise<ApiToken & { token: string }> {
  const session = actor.session;
  if (!session) throw new AppError('api_token.session_required', 403, 'An API token is made from a logged-in session, not with another token');
  if (session.mfaPending) throw new AppError('auth.mfa_required', 403, 'Pass two-factor authentication first');
  if (input.expiresAt && new Date(input.expiresAt).getTime() <= now.getTime()) {
    throw invalid('api_token.expiry_past', 'The expiry date lies in the past', [{ path: 'body.expiresAt', message: 'must be in the future', code: 'date_in_past' }]);
  }
  const token = newApiTokenValue();
  const id = await db.transaction().execute(async (tx) => {
    const user = await findUserById(tx, actor.userId);
    if (!user || user.disabled) throw new Error('the caller of an authenticated request is active');
    const row = await tx
      .withTables<{ api_tokens: { mfa_verified: boolean } }>()
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name: input.name,
        token_hash: apiTokenHash(token),
        token_prefix: token.slice(0, 10),
        created_by: actor.userId,
        expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
        revoked_at: null,
        last_used_at: null,
        mfa_verified: session.mfaVerified,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await withAudit(tx, actor, 'api_token.create', { type: 'api_token', id: row.id }, { userId: actor.userId, name: input.name, mfa: session.mfaVerified });
    return row.id;
  });
  const [created] = await findTokens(db, id);
  if (!created) throw new Error('token vanished after insert');
  return { ...created, token };
}

export async function revokeApiToken(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('api_tokens').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('API token', 'api_token.not_found');
    if (row.revoked_at === null) await tx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
    await withAudit(tx, actor, 'api_token.revoke', { type: 'api_token', id }, {});
  });
}
