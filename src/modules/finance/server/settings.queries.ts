import { sql } from 'kysely';
import { centsFromDb } from '../money/cents.js';
import type { FinanceDb } from './finance.tables.js';

/** SQL of the finance settings (the approval threshold) and of the proposed changes that wait for a second person. */

export async function findApprovalThreshold(db: FinanceDb): Promise<number> {
  const row = await db.selectFrom('finance_settings').select('value').where('key', '=', 'approval_threshold_cents').executeTakeFirst();
  return centsFromDb(row?.value ?? 0);
}

/** Reads the threshold and holds its row until the transaction ends: a change and its decision do not interleave. */
export async function lockApprovalThreshold(db: FinanceDb): Promise<number> {
  const { rows } = await sql<{ value: string }>`SELECT value FROM finance_settings WHERE key = 'approval_threshold_cents' FOR UPDATE`.execute(db);
  return centsFromDb(rows[0]?.value ?? 0);
}

export async function saveApprovalThreshold(db: FinanceDb, cents: number): Promise<void> {
  await db
    .insertInto('finance_settings')
    .values({ key: 'approval_threshold_cents', value: cents })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: cents }))
    .execute();
}

export interface SettingChangeRow {
  id: string;
  key: 'approval_threshold_cents';
  fromCents: number;
  toCents: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  proposedBy: string | null;
  proposedName: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedName: string | null;
  decidedAt: Date | null;
  decisionNote: string;
}

export async function findSettingChanges(db: FinanceDb, filter: { id?: string; status?: SettingChangeRow['status'] }): Promise<SettingChangeRow[]> {
  let query = db.selectFrom('finance_setting_changes').selectAll();
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('proposed_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    fromCents: centsFromDb(r.from_value),
    toCents: centsFromDb(r.to_value),
    reason: r.reason,
    status: r.status,
    proposedBy: r.proposed_by,
    proposedName: r.proposed_name,
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by,
    decidedName: r.decided_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
  }));
}

export async function insertSettingChange(db: FinanceDb, change: { fromCents: number; toCents: number; reason: string; proposedBy: string | null; proposedName: string; proposedAt: Date }): Promise<string> {
  const { id } = await db
    .insertInto('finance_setting_changes')
    .values({
      key: 'approval_threshold_cents',
      from_value: change.fromCents,
      to_value: change.toCents,
      reason: change.reason,
      status: 'pending',
      proposed_by: change.proposedBy,
      proposed_name: change.proposedName,
      proposed_at: change.proposedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Closes a waiting change: approved, rejected, or superseded by a newer proposal. False when it no longer waited. */
export async function closeSettingChange(db: FinanceDb, id: string, outcome: { status: 'approved' | 'rejected' | 'superseded'; by: string | null; name: string; at: Date; note: string }): Promise<boolean> {
  const result = await db
    .updateTable('finance_setting_changes')
    .set({ status: outcome.status, decided_by: outcome.by, decided_name: outcome.name, decided_at: outcome.at, decision_note: outcome.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
