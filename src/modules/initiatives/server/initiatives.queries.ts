import { sql } from 'kysely';
import type { InitiativeStatus } from '../contract.js';
import type { InitiativesDb } from './initiatives.tables.js';

// ---- initiatives ----

export async function insertInitiative(
  db: InitiativesDb,
  row: { title: string; description: string; areaCode: string; areaName: string; wijkCode: string; focusCode: string | null; place: string; costCents: number; programmeId: string; goalId: string; goalName: string; followTokenHash: string; isExample: boolean; submittedAt: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('initiatives')
    .values({
      title: row.title,
      description: row.description,
      area_code: row.areaCode,
      area_name: row.areaName,
      wijk_code: row.wijkCode,
      focus_code: row.focusCode,
      place: row.place,
      cost_cents: row.costCents,
      programme_id: row.programmeId,
      goal_id: row.goalId,
      goal_name: row.goalName,
      follow_token_hash: row.followTokenHash,
      is_example: row.isExample,
      submitted_at: row.submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const INITIATIVE_COLUMNS = [
  'i.id', 'i.title', 'i.description', 'i.area_code', 'i.area_name', 'i.wijk_code', 'i.focus_code', 'i.place', 'i.cost_cents', 'i.programme_id', 'i.goal_id', 'i.goal_name', 'i.status',
  'i.score_goal', 'i.score_support', 'i.score_feasibility', 'i.score_value', 'i.assessment_note', 'i.granted_cents', 'i.wijkbudget_id', 'i.activity_id', 'i.budget_line_id',
  'i.is_example', 'i.submitted_at', 'i.closed_at', 'i.contact_removed_at',
] as const;

export async function findInitiatives(db: InitiativesDb, filter: { status?: InitiativeStatus | undefined; area?: string | undefined; activity?: string | undefined }) {
  let query = db.selectFrom('initiatives as i').select(INITIATIVE_COLUMNS);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  if (filter.activity) query = query.where('i.activity_id', '=', filter.activity);
  if (filter.area) query = query.where((eb) => eb.or([eb('i.area_code', '=', filter.area as string), eb('i.wijk_code', '=', filter.area as string), eb('i.focus_code', '=', filter.area as string)]));
  return query.orderBy('i.submitted_at', 'desc').limit(1000).execute();
}
export type InitiativeRow = Awaited<ReturnType<typeof findInitiatives>>[number];

export async function findInitiative(db: InitiativesDb, id: string, options: { lock?: boolean } = {}): Promise<InitiativeRow | undefined> {
  let query = db.selectFrom('initiatives as i').select(INITIATIVE_COLUMNS).where('i.id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findInitiativeByTokenHash(db: InitiativesDb, hash: string): Promise<InitiativeRow | undefined> {
  return db.selectFrom('initiatives as i').select(INITIATIVE_COLUMNS).where('i.follow_token_hash', '=', hash).executeTakeFirst();
}

export async function setStatus(db: InitiativesDb, id: string, status: InitiativeStatus, closedAt: Date | null): Promise<void> {
  await db.updateTable('initiatives').set({ status, ...(closedAt ? { closed_at: closedAt } : {}) }).where('id', '=', id).execute();
}

export async function setAssessment(db: InitiativesDb, id: string, scores: { goal: number; support: number; feasibility: number; value: number }, note: string): Promise<void> {
  await db
    .updateTable('initiatives')
    .set({ status: 'beoordeeld', score_goal: scores.goal, score_support: scores.support, score_feasibility: scores.feasibility, score_value: scores.value, assessment_note: note })
    .where('id', '=', id)
    .execute();
}

export async function setGranted(db: InitiativesDb, id: string, grant: { amountCents: number; wijkbudgetId: string; activityId: string; budgetLineId: string }): Promise<void> {
  await db
    .updateTable('initiatives')
    .set({ status: 'toegekend', granted_cents: grant.amountCents, wijkbudget_id: grant.wijkbudgetId, activity_id: grant.activityId, budget_line_id: grant.budgetLineId })
    .where('id', '=', id)
    .execute();
}

// ---- history ----

export async function insertStatusChange(
  db: InitiativesDb,
  change: { initiativeId: string; from: InitiativeStatus | null; to: InitiativeStatus; reason: string; by: string | null; name: string; role: string; organisation: string; at: Date },
): Promise<void> {
  await db
    .insertInto('initiative_status_changes')
    .values({ initiative_id: change.initiativeId, from_status: change.from, to_status: change.to, reason: change.reason, decided_by: change.by, decided_name: change.name, decided_role: change.role, decided_organisation: change.organisation, decided_at: change.at })
    .execute();
}

export async function findHistory(db: InitiativesDb, initiativeId: string) {
  return db
    .selectFrom('initiative_status_changes')
    .select(['to_status', 'reason', 'decided_name', 'decided_role', 'decided_organisation', 'decided_at'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

// ---- contact details (personal data) ----

export async function insertContact(db: InitiativesDb, initiativeId: string, contact: { name: string; email: string; phone: string }): Promise<void> {
  await db.insertInto('initiative_contacts').values({ initiative_id: initiativeId, name: contact.name, email: contact.email, phone: contact.phone }).execute();
}

export async function findContact(db: InitiativesDb, initiativeId: string) {
  return db.selectFrom('initiative_contacts').select(['name', 'email', 'phone']).where('initiative_id', '=', initiativeId).executeTakeFirst();
}

/** Deletes the contact details of initiatives closed before the cutoff; returns how many. */
export async function deleteExpiredContacts(db: InitiativesDb, cutoff: Date, now: Date): Promise<number> {
  const expired = await db
    .updateTable('initiatives')
    .set({ contact_removed_at: now })
    .where('closed_at', '<', cutoff)
    .where('contact_removed_at', 'is', null)
    .returning('id')
    .execute();
  if (expired.length === 0) return 0;
  await db.deleteFrom('initiative_contacts').where('initiative_id', 'in', expired.map((r) => r.id)).execute();
  return expired.length;
}

// ---- wijkbudgets ----

const BUDGET_COLUMNS = ['id', 'area_code', 'area_name', 'year', 'total_cents', 'granted_cents', 'four_eyes_threshold_cents', 'funding_source_id', 'is_demo'] as const;

export async function insertWijkbudget(
  db: InitiativesDb,
  row: { areaCode: string; areaName: string; year: number; totalCents: number; fourEyesThresholdCents: number; fundingSourceId: string; isDemo: boolean; createdBy: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto('wijkbudgets')
    .values({ area_code: row.areaCode, area_name: row.areaName, year: row.year, total_cents: row.totalCents, four_eyes_threshold_cents: row.fourEyesThresholdCents, funding_source_id: row.fundingSourceId, is_demo: row.isDemo, created_by: row.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findWijkbudgets(db: InitiativesDb, filter: { year?: number; areaCodes?: readonly string[] } = {}) {
  let query = db.selectFrom('wijkbudgets').select(BUDGET_COLUMNS);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.areaCodes) query = filter.areaCodes.length ? query.where('area_code', 'in', [...filter.areaCodes]) : query.where(sql<boolean>`false`);
  return query.orderBy('year', 'desc').orderBy('area_name').execute();
}
export type WijkbudgetRow = Awaited<ReturnType<typeof findWijkbudgets>>[number];

export async function findWijkbudgetById(db: InitiativesDb, id: string): Promise<WijkbudgetRow | undefined> {
  return db.selectFrom('wijkbudgets').select(BUDGET_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Locks the wijkbudget row: grants on one wijkbudget run one after the other, so none reads a stale remainder. */
export async function lockWijkbudget(db: InitiativesDb, id: string): Promise<WijkbudgetRow | undefined> {
  return db.selectFrom('wijkbudgets').select(BUDGET_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function addGranted(db: InitiativesDb, id: string, amountCents: number): Promise<void> {
  await db
    .updateTable('wijkbudgets')
    .set({ granted_cents: sql`granted_cents + ${amountCents}` })
    .where('id', '=', id)
    .execute();
}

/** Granted amounts per goal and the granted initiatives of one wijkbudget. */
export async function findGrantedOf(db: InitiativesDb, wijkbudgetId: string) {
  return db
    .selectFrom('initiatives')
    .select(['title', 'goal_name', 'granted_cents', 'status', 'is_example'])
    .where('wijkbudget_id', '=', wijkbudgetId)
    .where('granted_cents', 'is not', null)
    .orderBy('submitted_at')
    .execute();
}

// ---- grant proposals (four eyes) ----

export async function insertGrantProposal(db: InitiativesDb, row: { initiativeId: string; wijkbudgetId: string; amountCents: number; reason: string; by: string; name: string; at: Date }): Promise<string> {
  const { id } = await db
    .insertInto('initiative_grant_proposals')
    .values({ initiative_id: row.initiativeId, wijkbudget_id: row.wijkbudgetId, amount_cents: row.amountCents, reason: row.reason, proposed_by: row.by, proposed_name: row.name, proposed_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findPendingProposal(db: InitiativesDb, initiativeId: string) {
  return db
    .selectFrom('initiative_grant_proposals')
    .select(['id', 'wijkbudget_id', 'amount_cents', 'reason', 'proposed_by', 'proposed_name', 'proposed_at'])
    .where('initiative_id', '=', initiativeId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function findPendingInitiativeIds(db: InitiativesDb): Promise<Set<string>> {
  const rows = await db.selectFrom('initiative_grant_proposals').select('initiative_id').where('status', '=', 'pending').execute();
  return new Set(rows.map((r) => r.initiative_id));
}

/** What grants waiting for a second person would take of a wijkbudget. */
export async function sumPendingOf(db: InitiativesDb, wijkbudgetId: string): Promise<number> {
  const row = await db
    .selectFrom('initiative_grant_proposals')
    .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('total'))
    .where('wijkbudget_id', '=', wijkbudgetId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function decideProposal(db: InitiativesDb, id: string, decision: { status: 'approved' | 'rejected'; by: string; name: string; note: string; at: Date }): Promise<void> {
  await db
    .updateTable('initiative_grant_proposals')
    .set({ status: decision.status, decided_by: decision.by, decided_name: decision.name, note: decision.note, decided_at: decision.at })
    .where('id', '=', id)
    .execute();
}
