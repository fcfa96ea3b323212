import { sql, type RawBuilder } from 'kysely';
import { centsFromDb } from '../money/cents.js';
import type { FinanceDb } from './finance.tables.js';

/** Finance SQL (with settings.queries.ts). Dates are read as 'YYYY-MM-DD' text; bigint cents become numbers. */

function dateText(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
}

// ---- funding sources ----

export interface FundingSourceRow {
  id: string;
  name: string;
  kind: string;
  funderName: string;
  funderOrganisationId: string | null;
  totalCents: number;
  conditions: string;
  spendFrom: string;
  spendUntil: string;
  repayUnspent: boolean;
  viaMunicipalBudget: boolean;
  reference: string;
  illustrative: boolean;
}

export async function findFundingSources(db: FinanceDb, filter: { ids?: readonly string[]; visibleToOrganisation?: string | null }): Promise<FundingSourceRow[]> {
  let query = db
    .selectFrom('funding_sources as f')
    .select([
      'f.id',
      'f.name',
      'f.kind',
      'f.funder_name',
      'f.funder_organisation_id',
      'f.total_cents',
      'f.conditions',
      dateText('f.spend_from').as('spend_from'),
      dateText('f.spend_until').as('spend_until'),
      'f.repay_unspent',
      'f.via_municipal_budget',
      'f.reference',
      'f.illustrative',
    ])
    .orderBy('f.spend_from')
    .orderBy('f.name');
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('f.id', 'in', [...filter.ids]);
  }
  const org = filter.visibleToOrganisation;
  if (org) {
    query = query.where((eb) =>
      eb.or([eb('f.funder_organisation_id', '=', org), eb.exists(eb.selectFrom('funding_source_partners as p').select('p.organisation_id').whereRef('p.funding_source_id', '=', 'f.id').where('p.organisation_id', '=', org))]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    funderName: r.funder_name,
    funderOrganisationId: r.funder_organisation_id,
    totalCents: centsFromDb(r.total_cents),
    conditions: r.conditions,
    spendFrom: r.spend_from,
    spendUntil: r.spend_until,
    repayUnspent: r.repay_unspent,
    viaMunicipalBudget: r.via_municipal_budget,
    reference: r.reference,
    illustrative: r.illustrative,
  }));
}

export async function fundingSourceNameTaken(db: FinanceDb, name: string): Promise<boolean> {
  const row = await db.selectFrom('funding_sources').select('id').where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst();
  return row !== undefined;
}

export async function insertFundingSource(
  db: FinanceDb,
  source: Omit<FundingSourceRow, 'id'>,
  partners: readonly string[],
  tranches: readonly { amountCents: number; dueDate: string; receivedDate: string | null; receivedCents: number }[],
  obligations: readonly { kind: string; dueDate: string; description: string; deliveredOn?: string | null | undefined }[],
): Promise<string> {
  const { id } = await db
    .insertInto('funding_sources')
    .values({
      name: source.name,
      kind: source.kind,
      funder_name: source.funderName,
      funder_organisation_id: source.funderOrganisationId,
      total_cents: source.totalCents,
      conditions: source.conditions,
      spend_from: source.spendFrom,
      spend_until: source.spendUntil,
      repay_unspent: source.repayUnspent,
      via_municipal_budget: source.viaMunicipalBudget,
      reference: source.reference,
      illustrative: source.illustrative,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (partners.length) await db.insertInto('funding_source_partners').values(partners.map((organisation_id) => ({ funding_source_id: id, organisation_id }))).execute();
  if (tranches.length) {
    await db
      .insertInto('funding_tranches')
      .values(tranches.map((t, i) => ({ funding_source_id: id, seq: i + 1, amount_cents: t.amountCents, due_date: t.dueDate, received_date: t.receivedDate, received_cents: t.receivedCents })))
      .execute();
  }
  if (obligations.length) {
    await db.insertInto('funding_obligations').values(obligations.map((o) => ({ funding_source_id: id, kind: o.kind, due_date: o.dueDate, description: o.description, delivered_on: o.deliveredOn ?? null }))).execute();
  }
  return id;
}

export interface TrancheRow {
  fundingSourceId: string;
  seq: number;
  amountCents: number;
  dueDate: string;
  receivedDate: string | null;
  receivedCents: number;
}

export async function findTranches(db: FinanceDb, sourceIds: readonly string[]): Promise<TrancheRow[]> {
  if (sourceIds.length === 0) return [];
  const rows = await db
    .selectFrom('funding_tranches')
    .select(['funding_source_id', 'seq', 'amount_cents', dateText('due_date').as('due_date'), sql<string | null>`to_char(received_date, 'YYYY-MM-DD')`.as('received_date'), 'received_cents'])
    .where('funding_source_id', 'in', [...sourceIds])
    .orderBy('funding_source_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ fundingSourceId: r.funding_source_id, seq: r.seq, amountCents: centsFromDb(r.amount_cents), dueDate: r.due_date, receivedDate: r.received_date, receivedCents: centsFromDb(r.received_cents) }));
}

export async function updateTrancheReceipt(db: FinanceDb, sourceId: string, seq: number, receivedDate: string, receivedCents: number): Promise<boolean> {
  const result = await db
    .updateTable('funding_tranches')
    .set({ received_date: receivedDate, received_cents: receivedCents })
    .where('funding_source_id', '=', sourceId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findObligations(db: FinanceDb, sourceIds: readonly string[]) {
  if (sourceIds.length === 0) return [];
  const rows = await db
    .selectFrom('funding_obligations')
    .select(['id', 'funding_source_id', 'kind', dateText('due_date').as('due_date'), 'description', sql<string | null>`to_char(delivered_on, 'YYYY-MM-DD')`.as('delivered_on')])
    .where('funding_source_id', 'in', [...sourceIds])
    .orderBy('due_date')
    .execute();
  return rows.map((r) => ({ id: r.id, fundingSourceId: r.funding_source_id, kind: r.kind, dueDate: r.due_date, description: r.description, deliveredOn: r.delivered_on }));
}

export async function findPartners(db: FinanceDb, sourceIds: readonly string[]): Promise<{ fundingSourceId: string; id: string; name: string }[]> {
  if (sourceIds.length === 0) return [];
  return db
    .selectFrom('funding_source_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.funding_source_id as fundingSourceId', 'o.id', 'o.name'])
    .where('p.funding_source_id', 'in', [...sourceIds])
    .orderBy('o.name')
    .execute();
}

export async function findOrganisationNames(db: FinanceDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function existingOrganisationIds(db: FinanceDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

// ---- budget lines and allocations ----

export interface LineRow {
  id: string;
  programmeId: string;
  activityId: string;
  activityName: string;
  year: number;
  description: string;
  amountCents: number;
}

export async function findLines(db: FinanceDb, filter: { programmeId?: string; year?: number; activityId?: string; ids?: readonly string[]; fundingSourceIds?: readonly string[] }): Promise<LineRow[]> {
  let query = db.selectFrom('budget_lines as l').select(['l.id', 'l.programme_id', 'l.activity_id', 'l.activity_name', 'l.year', 'l.description', 'l.amount_cents']);
  if (filter.programmeId) query = query.where('l.programme_id', '=', filter.programmeId);
  if (filter.year !== undefined) query = query.where('l.year', '=', filter.year);
  if (filter.activityId) query = query.where('l.activity_id', '=', filter.activityId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('l.id', 'in', [...filter.ids]);
  }
  const sources = filter.fundingSourceIds;
  if (sources) {
    if (sources.length === 0) return [];
    query = query.where((eb) => eb.exists(eb.selectFrom('budget_allocations as a').select('a.budget_line_id').whereRef('a.budget_line_id', '=', 'l.id').where('a.funding_source_id', 'in', [...sources])));
  }
  const rows = await query.orderBy('l.activity_name').orderBy('l.year').orderBy('l.description').execute();
  return rows.map((r) => ({ id: r.id, programmeId: r.programme_id, activityId: r.activity_id, activityName: r.activity_name, year: r.year, description: r.description, amountCents: centsFromDb(r.amount_cents) }));
}

export interface AllocationRow {
  budgetLineId: string;
  fundingSourceId: string;
  fundingSourceName: string;
  fundingKind: string;
  viaMunicipalBudget: boolean;
  amountCents: number | null;
  shareBp: number | null;
}

export async function findAllocations(db: FinanceDb, lineIds: readonly string[]): Promise<AllocationRow[]> {
  if (lineIds.length === 0) return [];
  const rows = await db
    .selectFrom('budget_allocations as a')
    .innerJoin('funding_sources as f', 'f.id', 'a.funding_source_id')
    .select(['a.budget_line_id', 'a.funding_source_id', 'f.name', 'f.kind', 'f.via_municipal_budget', 'a.amount_cents', 'a.share_bp'])
    .where('a.budget_line_id', 'in', [...lineIds])
    .orderBy('a.budget_line_id')
    .orderBy('f.name')
    .execute();
  return rows.map((r) => ({
    budgetLineId: r.budget_line_id,
    fundingSourceId: r.funding_source_id,
    fundingSourceName: r.name,
    fundingKind: r.kind,
    viaMunicipalBudget: r.via_municipal_budget,
    amountCents: r.amount_cents === null ? null : centsFromDb(r.amount_cents),
    shareBp: r.share_bp,
  }));
}

export async function insertLine(
  db: FinanceDb,
  line: Omit<LineRow, 'id'>,
  allocations: readonly { fundingSourceId: string; amountCents?: number | undefined; shareBp?: number | undefined }[],
): Promise<string> {
  const { id } = await db
    .insertInto('budget_lines')
    .values({ programme_id: line.programmeId, activity_id: line.activityId, activity_name: line.activityName, year: line.year, description: line.description, amount_cents: line.amountCents })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (allocations.length) {
    await db
      .insertInto('budget_allocations')
      .values(allocations.map((a) => ({ budget_line_id: id, funding_source_id: a.fundingSourceId, amount_cents: a.amountCents ?? null, share_bp: a.shareBp ?? null })))
      .execute();
  }
  return id;
}

export async function lineExists(db: FinanceDb, filter: { activityId: string; year: number; description: string }): Promise<boolean> {
  const row = await db
    .selectFrom('budget_lines')
    .select('id')
    .where('activity_id', '=', filter.activityId)
    .where('year', '=', filter.year)
    .where('description', '=', filter.description)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- entries ----

export interface EntryRow {
  id: string;
  budgetLineId: string;
  kind: 'commitment' | 'spend';
  amountCents: number;
  bookedOn: string;
  description: string;
  documentRef: string;
  commitmentId: string | null;
  status: 'approved' | 'pending' | 'rejected';
  submittedBy: string | null;
  submittedName: string;
  decidedBy: string | null;
  decidedName: string | null;
  decidedAt: Date | null;
  decisionNote: string;
  approvalReason: 'amount' | 'split' | null;
  splitTotalCents: number | null;
  /** Set on a counter-entry: the entry it reverses. */
  reversesId: string | null;
  /** The counter-entry (not rejected) that reverses this entry, if any. */
  reversedById: string | null;
}

export async function findEntries(db: FinanceDb, filter: { lineIds?: readonly string[]; status?: EntryRow['status']; id?: string }): Promise<EntryRow[]> {
  let query = db
    .selectFrom('finance_entries')
    .select([
      'id',
      'budget_line_id',
      'kind',
      'amount_cents',
      dateText('booked_on').as('booked_on'),
      'description',
      'document_ref',
      'commitment_id',
      'status',
      'submitted_by',
      'submitted_name',
      'decided_by',
      'decided_name',
      'decided_at',
      'decision_note',
      'approval_reason',
      'split_total_cents',
      'reverses_id',
      sql<string | null>`(SELECT r.id FROM finance_entries r WHERE r.reverses_id = finance_entries.id AND r.status <> 'rejected' LIMIT 1)`.as('reversed_by'),
    ]);
  if (filter.lineIds) {
    if (filter.lineIds.length === 0) return [];
    query = query.where('budget_line_id', 'in', [...filter.lineIds]);
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.id) query = query.where('id', '=', filter.id);
  const rows = await query.orderBy('booked_on', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    budgetLineId: r.budget_line_id,
    kind: r.kind,
    amountCents: centsFromDb(r.amount_cents),
    bookedOn: r.booked_on,
    description: r.description,
    documentRef: r.document_ref,
    commitmentId: r.commitment_id,
    status: r.status,
    submittedBy: r.submitted_by,
    submittedName: r.submitted_name,
    decidedBy: r.decided_by,
    decidedName: r.decided_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    approvalReason: r.approval_reason,
    splitTotalCents: r.split_total_cents === null ? null : centsFromDb(r.split_total_cents),
    reversesId: r.reverses_id,
    reversedById: r.reversed_by,
  }));
}

export async function insertEntry(db: FinanceDb, entry: Omit<EntryRow, 'id' | 'decidedBy' | 'decidedName' | 'decidedAt' | 'decisionNote' | 'reversedById'> & { registeredAt: Date }): Promise<string> {
  const { id } = await db
    .insertInto('finance_entries')
    .values({
      budget_line_id: entry.budgetLineId,
      kind: entry.kind,
      amount_cents: entry.amountCents,
      booked_on: entry.bookedOn,
      description: entry.description,
      document_ref: entry.documentRef,
      commitment_id: entry.commitmentId,
      status: entry.status,
      submitted_by: entry.submittedBy,
      submitted_name: entry.submittedName,
      approval_reason: entry.approvalReason,
      split_total_cents: entry.splitTotalCents,
      reverses_id: entry.reversesId,
      created_at: entry.registeredAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Decides a pending entry; false when it was no longer pending (someone else decided first). */
export async function decideEntry(db: FinanceDb, id: string, decision: { status: 'approved' | 'rejected'; by: string | null; name: string; at: Date; note: string }): Promise<boolean> {
  const result = await db
    .updateTable('finance_entries')
    .set({ status: decision.status, decided_by: decision.by, decided_name: decision.name, decided_at: decision.at, decision_note: decision.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function lockEntry(db: FinanceDb, id: string): Promise<void> {
  await sql`SELECT id FROM finance_entries WHERE id = ${id} FOR UPDATE`.execute(db);
}

/**
 * What is booked of one kind (approved and waiting, counter-entries netted) on a line, in a programme's year,
 * or on all lines a funding source finances: exact bigint from SQL, for the caps (money-caps.ts).
 */
export async function sumBooked(db: FinanceDb, kind: 'commitment' | 'spend', scope: { lineId: string } | { programmeId: string; year: number } | { fundingSourceId: string }): Promise<bigint> {
  let query = db
    .selectFrom('finance_entries as e')
    .innerJoin('budget_lines as l', 'l.id', 'e.budget_line_id')
    .select(sql<string>`coalesce(sum(e.amount_cents), 0)::text`.as('total'))
    .where('e.kind', '=', kind)
    .where('e.status', '<>', 'rejected');
  if ('lineId' in scope) query = query.where('l.id', '=', scope.lineId);
  else if ('programmeId' in scope) query = query.where('l.programme_id', '=', scope.programmeId).where('l.year', '=', scope.year);
  else query = query.where((eb) => eb.exists(eb.selectFrom('budget_allocations as a').select('a.budget_line_id').whereRef('a.budget_line_id', '=', 'l.id').where('a.funding_source_id', '=', scope.fundingSourceId)));
  const row = await query.executeTakeFirstOrThrow();
  return BigInt(row.total);
}

/** The budgets of a programme's lines in one year together, exact. */
export async function sumLineBudgets(db: FinanceDb, programmeId: string, year: number): Promise<bigint> {
  const row = await db
    .selectFrom('budget_lines')
    .select(sql<string>`coalesce(sum(amount_cents), 0)::text`.as('total'))
    .where('programme_id', '=', programmeId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return BigInt(row.total);
}

/** Serialises bookings on one line, so two at once cannot both miss each other in the split check. */
export async function lockLine(db: FinanceDb, id: string): Promise<void> {
  await sql`SELECT id FROM budget_lines WHERE id = ${id} FOR UPDATE`.execute(db);
}

/**
 * What one person booked alone on a line since `since` (registration time): approved entries of that kind
 * without a second person's decision. The split check adds the new amount to these.
 */
export async function findOwnUnreviewedEntries(db: FinanceDb, filter: { lineId: string; submittedBy: string; kind: 'commitment' | 'spend'; since: Date }): Promise<{ id: string; amountCents: number }[]> {
  const rows = await db
    .selectFrom('finance_entries')
    .select(['id', 'amount_cents'])
    .where('budget_line_id', '=', filter.lineId)
    .where('submitted_by', '=', filter.submittedBy)
    .where('kind', '=', filter.kind)
    .where('status', '=', 'approved')
    .where('decided_by', 'is', null)
    .where('created_at', '>=', filter.since)
    // Counter-entries, and entries taken back by one, released nothing that is still there.
    .where('reverses_id', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('finance_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'finance_entries.id').where('r.status', '<>', 'rejected'))))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, amountCents: centsFromDb(r.amount_cents) }));
}

export async function entryWithDocumentExists(db: FinanceDb, lineId: string, documentRef: string): Promise<boolean> {
  const row = await db.selectFrom('finance_entries').select('id').where('budget_line_id', '=', lineId).where('document_ref', '=', documentRef).executeTakeFirst();
  return row !== undefined;
}

// ---- proposals ----

export interface ProposalRow {
  id: string;
  title: string;
  reference: string;
  subject: string;
  activityId: string | null;
  illustrative: boolean;
  firstYear: number;
  lastYear: number;
  structural: boolean;
  investmentCents: number;
  depreciationYears: number | null;
  interestBp: number;
  investmentYear: number | null;
  releaseFirstYear: boolean;
  reserveCoversCapital: boolean;
}

export async function findProposals(db: FinanceDb, filter: { id?: string; title?: string }): Promise<ProposalRow[]> {
  let query = db.selectFrom('budget_proposals').selectAll();
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.title) query = query.where(sql<boolean>`lower(title) = lower(${filter.title})`);
  const rows = await query.orderBy('first_year', 'desc').orderBy('title').execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    reference: r.reference,
    subject: r.subject,
    activityId: r.activity_id,
    illustrative: r.illustrative,
    firstYear: r.first_year,
    lastYear: r.last_year,
    structural: r.structural,
    investmentCents: centsFromDb(r.investment_cents),
    depreciationYears: r.depreciation_years,
    interestBp: r.interest_bp,
    investmentYear: r.investment_year,
    releaseFirstYear: r.release_first_year,
    reserveCoversCapital: r.reserve_covers_capital,
  }));
}

export async function findProposalYears(db: FinanceDb, ids: readonly string[]): Promise<{ proposalId: string; year: number; amountCents: number }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('budget_proposal_years').selectAll().where('proposal_id', 'in', [...ids]).orderBy('year').execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, year: r.year, amountCents: centsFromDb(r.operating_cents) }));
}

export async function findProposalFinancing(db: FinanceDb, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('budget_proposal_financing as p')
    .innerJoin('funding_sources as f', 'f.id', 'p.funding_source_id')
    .select(['p.proposal_id', 'p.funding_source_id', 'p.share_bp', 'f.name', 'f.kind', 'f.via_municipal_budget'])
    .where('p.proposal_id', 'in', [...ids])
    .orderBy('p.share_bp', 'desc')
    .orderBy('f.name')
    .execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, fundingSourceId: r.funding_source_id, shareBp: r.share_bp, fundingSourceName: r.name, kind: r.kind, viaMunicipalBudget: r.via_municipal_budget }));
}

export async function insertProposal(
  db: FinanceDb,
  p: Omit<ProposalRow, 'id'>,
  operating: readonly { year: number; amountCents: number }[],
  financing: readonly { fundingSourceId: string; shareBp: number }[],
): Promise<string> {
  const { id } = await db
    .insertInto('budget_proposals')
    .values({
      title: p.title,
      reference: p.reference,
      subject: p.subject,
      activity_id: p.activityId,
      illustrative: p.illustrative,
      first_year: p.firstYear,
      last_year: p.lastYear,
      structural: p.structural,
      investment_cents: p.investmentCents,
      depreciation_years: p.depreciationYears,
      interest_bp: p.interestBp,
      investment_year: p.investmentYear,
      release_first_year: p.releaseFirstYear,
      reserve_covers_capital: p.reserveCoversCapital,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (operating.length) await db.insertInto('budget_proposal_years').values(operating.map((o) => ({ proposal_id: id, year: o.year, operating_cents: o.amountCents }))).execute();
  if (financing.length) await db.insertInto('budget_proposal_financing').values(financing.map((f) => ({ proposal_id: id, funding_source_id: f.fundingSourceId, share_bp: f.shareBp }))).execute();
  return id;
}
