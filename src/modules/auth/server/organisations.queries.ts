import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findOrganisations(db: Db, filter: { id?: string } = {}) {
  let query = db
    .selectFrom('organisations')
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.kind',
      'organisations.disabled_at',
      sql<number>`(SELECT count(*)::int FROM users u WHERE u.organisation_id = organisations.id)`.as('user_count'),
    ])
    .orderBy('organisations.name');
  if (filter.id) query = query.where('organisations.id', '=', filter.id);
  return query.execute();
}

export async function organisationNameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('organisations').select('id').where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertOrganisation(db: Db, name: string, kind: string): Promise<string> {
  const row = await db.insertInto('organisations').values({ name, kind, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisationColumns(
  db: Db,
  id: string,
  set: Partial<{ name: string; kind: string; disabled_at: Date | null }>,
): Promise<void> {
  if (Object.keys(set).length) await db.updateTable('organisations').set(set).where('id', '=', id).execute();
}

export async function deleteSessionsOfOrganisation(db: Db, organisationId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', 'in', db.selectFrom('users').select('id').where('organisation_id', '=', organisationId))
    .execute();
}
