import type { Transaction } from 'kysely';
import { withAudit, type Actor, type AuditSubject, type Database } from '../../../platform/server/index.js';
import { signalsDb, type SignalsDb } from './signals.tables.js';

/**
 * Reads of person-linked data are audited like changes (SECURITY.md 7): one row per read, in the read's
 * own transaction, so a read whose audit row cannot be written fails. Pseudonyms read are also counted
 * per user per hour for the unusual-reads alert (SECURITY.md 18).
 */
export async function auditRead(
  tx: Transaction<Database>,
  actor: Actor,
  action: string,
  subject: AuditSubject,
  detail: Record<string, unknown>,
  options: { now: Date; pseudonyms?: readonly string[]; unusualReadsPerHour: number },
): Promise<void> {
  await withAudit(tx, actor, action, subject, detail, options.now);
  const pseudonyms = [...new Set(options.pseudonyms ?? [])];
  if (pseudonyms.length) await countPseudonymReads(tx, actor, pseudonyms, options.now, options.unusualReadsPerHour);
}

async function countPseudonymReads(raw: Transaction<Database>, actor: Actor, pseudonyms: string[], now: Date, threshold: number): Promise<void> {
  const tx = signalsDb(raw);
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await tx
    .insertInto('signal_pseudonym_reads')
    .values(pseudonyms.map((pseudonym) => ({ user_id: actor.userId, hour, pseudonym })))
    .onConflict((oc) => oc.columns(['user_id', 'hour', 'pseudonym']).doNothing())
    .execute();
  const row = await tx
    .selectFrom('signal_pseudonym_reads')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', actor.userId)
    .where('hour', '=', hour)
    .executeTakeFirstOrThrow();
  const distinct = Number(row.n);
  if (distinct <= threshold) return;
  const alert = await tx
    .insertInto('signal_unusual_read_alerts')
    .values({ user_id: actor.userId, hour, distinct_count: distinct })
    .onConflict((oc) => oc.columns(['user_id', 'hour']).doNothing())
    .returning('id')
    .executeTakeFirst();
  // One alert per user per hour: the first read over the threshold raises it.
  if (alert) {
    await withAudit(raw, actor, 'signals.unusual_reads', { type: 'user', id: actor.userId }, { hour: hour.toISOString(), distinctPseudonyms: distinct, threshold }, now);
  }
}

export async function findUnusualReadAlerts(db: SignalsDb) {
  return db
    .selectFrom('signal_unusual_read_alerts')
    .innerJoin('users', 'users.id', 'signal_unusual_read_alerts.user_id')
    .select(['signal_unusual_read_alerts.id', 'users.username', 'signal_unusual_read_alerts.hour', 'signal_unusual_read_alerts.distinct_count', 'signal_unusual_read_alerts.created_at'])
    .orderBy('signal_unusual_read_alerts.created_at', 'desc')
    .limit(500)
    .execute();
}
