import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Revokes every live token of a user. Used when the user is disabled: a revoked token never works again,
 * so enabling the user later does not silently bring back a credential that may have leaked meanwhile.
 */
export async function revokeTokensOfUser(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The same for every member of an organisation that is disabled. */
export async function revokeTokensOfOrganisation(db: Db, organisationId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', 'in', db.selectFrom('users').select('id').where('organisation_id', '=', organisationId))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
