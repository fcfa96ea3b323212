import { sql } from 'kysely';
import { centsFromDb } from '../money/cents.js';
import type { FinanceDb } from './finance.tables.js';

/** SQL of budget lines proposed from the activity page (line-proposals.service.ts). */

export interface LineProposalRow {
  id: string;
  programmeId: string;
  activityId: string;
  activityName: string;
  year: number;
  fundingSourceId: string;
  fundingSourceName: string;
  amountCents: number;
  description: string;
  status: 'pending' | 'approved' | 'rejected';
  proposedBy: string | null;
  proposedName: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedName: string | null;
  decidedAt: Date | null;
  decisionNote: string;
  budgetLineId: string | null;
}

export async function findLineProposals(
  db: FinanceDb,
  filter: { id?: string; activityId?: string; programmeId?: string; year?: number; status?: readonly LineProposalRow['status'][]; fundingSourceIds?: readonly string[] },
): Promise<LineProposalRow[]> {
  let query = db
    .selectFrom('budget_line_proposals as p')
    .innerJoin('funding_sources as f', 'f.id', 'p.funding_source_id')
    .select([
      'p.id',
      'p.programme_id',
      'p.activity_id',
      'p.activity_name',
      'p.year',
      'p.funding_source_id',
      'f.name as funding_source_name',
      'p.amount_cents',
      'p.description',
      'p.status',
      'p.proposed_by',
      'p.proposed_name',
      'p.proposed_at',
      'p.decided_by',
      'p.decided_name',
      'p.decided_at',
      'p.decision_note',
      'p.budget_line_id',
    ]);
  if (filter.id) query = query.where('p.id', '=', filter.id);
  if (filter.activityId) query = query.where('p.activity_id', '=', filter.activityId);
  if (filter.programmeId) query = query.where('p.programme_id', '=', filter.programmeId);
  if (filter.year !== undefined) query = query.where('p.year', '=', filter.year);
  if (filter.status) {
    if (filter.status.length === 0) return [];
    query = query.where('p.status', 'in', [...filter.status]);
  }
  if (filter.fundingSourceIds) {
    if (filter.fundingSourceIds.length === 0) return [];
    query = query.where('p.funding_source_id', 'in', [...filter.fundingSourceIds]);
  }
  const rows = await query.orderBy('p.proposed_at').orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    activityId: r.activity_id,
    activityName: r.activity_name,
    year: r.year,
    fundingSourceId: r.funding_source_id,
    fundingSourceName: r.funding_source_name,
    amountCents: centsFromDb(r.amount_cents),
    description: r.description,
    status: r.status,
    proposedBy: r.proposed_by,
    proposedName: r.proposed_name,
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by,
    decidedName: r.decided_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    budgetLineId: r.budget_line_id,
  }));
}

export async function insertLineProposal(
  db: FinanceDb,
  p: Pick<LineProposalRow, 'programmeId' | 'activityId' | 'activityName' | 'year' | 'fundingSourceId' | 'amountCents' | 'description' | 'proposedBy' | 'proposedName' | 'proposedAt'>,
): Promise<string> {
  const { id } = await db
    .insertInto('budget_line_proposals')
    .values({
      programme_id: p.programmeId,
      activity_id: p.activityId,
      activity_name: p.activityName,
      year: p.year,
      funding_source_id: p.fundingSourceId,
      amount_cents: p.amountCents,
      description: p.description,
      status: 'pending',
      proposed_by: p.proposedBy,
      proposed_name: p.proposedName,
      proposed_at: p.proposedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Closes a waiting proposal; false when it no longer waited (someone else decided first). */
export async function closeLineProposal(
  db: FinanceDb,
  id: string,
  outcome: { status: 'approved' | 'rejected'; by: string | null; name: string; at: Date; note: string; budgetLineId: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('budget_line_proposals')
    .set({ status: outcome.status, decided_by: outcome.by, decided_name: outcome.name, decided_at: outcome.at, decision_note: outcome.note, budget_line_id: outcome.budgetLineId })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function lockLineProposal(db: FinanceDb, id: string): Promise<void> {
  await sql`SELECT id FROM budget_line_proposals WHERE id = ${id} FOR UPDATE`.execute(db);
}
