import { sql } from 'kysely';
import type { SignalsDb } from './signals.tables.js';

/** Deletes signals whose retention date has passed; subjects, case links and extensions go with them (cascade). */
export async function deleteExpiredSignals(db: SignalsDb, today: string): Promise<number> {
  const rows = await db.deleteFrom('signals').where('retention_until', '<', today).returning('id').execute();
  return rows.length;
}

/** A case is derived from its signals: with none left it holds nothing the law still allows to keep. */
export async function deleteEmptyCases(db: SignalsDb): Promise<number> {
  const rows = await db
    .deleteFrom('signal_cases')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('signal_case_signals').select(sql`1`.as('one')).whereRef('signal_case_signals.case_id', '=', 'signal_cases.id'))))
    .returning('id')
    .execute();
  return rows.length;
}

/** An identity no signal or case refers to any more is deleted too. */
export async function deleteOrphanIdentities(db: SignalsDb): Promise<number> {
  const rows = await db
    .deleteFrom('signal_identities')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('signal_subjects').select(sql`1`.as('one')).whereRef('signal_subjects.pseudonym', '=', 'signal_identities.pseudonym'))))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('signal_cases').select(sql`1`.as('one')).whereRef('signal_cases.focus_pseudonym', '=', 'signal_identities.pseudonym'))))
    .returning('pseudonym')
    .execute();
  return rows.length;
}

/** Read counters serve the hourly alert; a day later they only say who read whom, so they go. */
export async function pruneReadCounters(db: SignalsDb, before: Date): Promise<number> {
  const rows = await db.deleteFrom('signal_pseudonym_reads').where('hour', '<', before).returning('user_id').execute();
  return rows.length;
}
