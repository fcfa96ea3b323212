import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type Database, type ScheduledJob } from '../../../platform/server/index.js';
import { deleteExpiredContacts } from './initiatives.queries.js';
import { initiativesDb } from './initiatives.tables.js';


/**
 * Removes the contact details of initiatives that reached an end state (niet ontvankelijk, afgewezen,
 * verantwoord) more than the retention period ago; the initiative, its history and its money stay. Safe to
 * repeat: a second run finds nothing and writes no audit row.
 */
export async function runContactRetention(db: Kysely<Database>, now: Date, retentionDays: number): Promise<{ contacts: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.transaction().execute(async (tx) => {
    const contacts = await deleteExpiredContacts(initiativesDb(tx), cutoff, now);
    if (contacts > 0) await withAudit(tx, SYSTEM_ACTOR, 'initiatives.retention', { type: 'initiative' }, { contacts, retentionDays }, now);
    return { contacts };
  });
}

export const contactRetentionJob: ScheduledJob = {
  name: 'initiatives.retention',
  intervalSeconds: 3600,
  runAtStart: true,
  run: (ctx) => runContactRetention(ctx.db, ctx.now(), ctx.config.initiativeContactRetentionDays),
};
