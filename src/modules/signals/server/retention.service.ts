import type { Kysely } from 'kysely';
import { invalid, SYSTEM_ACTOR, withAudit, type Actor, type Database, type ScheduledJob } from '../../../platform/server/index.js';
import type { ExtendRetention } from '../contract.js';
import { refreshCaseConfidentiality } from './cases.queries.js';
import { deleteEmptyCases, deleteExpiredSignals, deleteOrphanIdentities, pruneReadCounters } from './retention.queries.js';
import { isoDay } from './signal-rules.js';
import { requireVisibleSignal } from './signals.service.js';
import { updateRetention } from './signals.queries.js';
import { signalsDb } from './signals.tables.js';

export interface RetentionRun {
  signals: number;
  cases: number;
  identities: number;
}

/**
 * Deletes what has passed its retention date, and everything derived from it: subjects, case links,
 * retention decisions, cases left without signals, identities nobody refers to (SECURITY.md 10); the
 * cases that keep other signals follow those from then on (docs/signals.md, "Cases"). Safe to
 * repeat: a second run finds nothing and writes no audit row. Exports are made on request, never stored.
 */
export async function runSignalRetention(db: Kysely<Database>, now: Date): Promise<RetentionRun> {
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const signals = await deleteExpiredSignals(sdb, isoDay(now));
    const cases = await deleteEmptyCases(sdb);
    // A case that lost a signal is recomputed: its visibility from the links at the next read, its stored level here.
    if (signals > 0) await refreshCaseConfidentiality(sdb);
    const identities = await deleteOrphanIdentities(sdb);
    await pruneReadCounters(sdb, new Date(now.getTime() - 24 * 3_600_000));
    if (signals + cases + identities > 0) {
      await withAudit(tx, SYSTEM_ACTOR, 'signals.retention', { type: 'signal' }, { today: isoDay(now), signals, cases, identities }, now);
    }
    return { signals, cases, identities };
  });
}

export const signalRetentionJob: ScheduledJob = {
  name: 'signals.retention',
  intervalSeconds: 3600,
  runAtStart: true,
  run: (ctx) => runSignalRetention(ctx.db, ctx.now()),
};

/** Keeping a signal longer needs a recorded decision with its reason; the old date is kept beside it. */
export async function extendRetention(db: Kysely<Database>, actor: Actor, id: string, input: ExtendRetention, now: Date): Promise<{ retentionUntil: string }> {
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const row = await requireVisibleSignal(sdb, actor, id);
    if (input.retentionUntil <= row.retention_until) {
      throw invalid('signal.retention', 'An extension must move the retention date later', [{ path: 'retentionUntil', message: `must be after ${row.retention_until}` }]);
    }
    const maxUntil = `${Number(isoDay(now).slice(0, 4)) + 10}${isoDay(now).slice(4)}`;
    if (input.retentionUntil > maxUntil) throw invalid('signal.retention', 'Too far ahead', [{ path: 'retentionUntil', message: `at most ${maxUntil}` }]);
    await updateRetention(sdb, { signalId: id, previousUntil: row.retention_until, newUntil: input.retentionUntil, reason: input.reason, decidedBy: actor.userId });
    await withAudit(tx, actor, 'signals.retention_extend', { type: 'signal', id }, { previousUntil: row.retention_until, newUntil: input.retentionUntil, reason: input.reason }, now);
    return { retentionUntil: input.retentionUntil };
  });
}
