import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { CONFIDENTIALITY_LEVELS } from '../contract.js';
import type { VisibilityFilter } from './need-to-know.js';
import { visibleWhere } from './signals.queries.js';
import type { CaseStatusCode, SignalsDb, SignalsTables } from './signals.tables.js';

/** SQL of cases (casus), their signals, case meetings and interventions. Every read of a case goes through caseVisibleWhere. */

/**
 * The need-to-know rule of cases: a case is visible only to who may see every signal it holds, so it is as
 * closed as its most restrictive signal (category, regime, confidentiality, area), whichever came first and
 * whatever was added later. It is worked out from the links at every read, so linking, unlinking and
 * retention change it at once. A case without signals is visible to nobody (retention deletes it).
 * `IS NOT TRUE`: the signal rule can be NULL (a signal without wijk, or registered by no user), and NULL
 * must count as not visible here, not as "unknown, so let it through".
 */
export function caseVisibleWhere(visibility: VisibilityFilter) {
  const signalVisible = visibleWhere(visibility);
  return (eb: ExpressionBuilder<Database & SignalsTables, 'signal_cases'>): Expression<SqlBool> =>
    eb.and([
      eb.exists(eb.selectFrom('signal_case_signals').select(sql<number>`1`.as('one')).whereRef('signal_case_signals.case_id', '=', 'signal_cases.id')),
      eb.not(
        eb.exists(
          eb
            .selectFrom('signal_case_signals')
            .innerJoin('signals', 'signals.id', 'signal_case_signals.signal_id')
            .select(sql<number>`1`.as('one'))
            .whereRef('signal_case_signals.case_id', '=', 'signal_cases.id')
            .where((inner) => sql<SqlBool>`(${signalVisible(inner)}) IS NOT TRUE`),
        ),
      ),
    ]);
}

const caseColumns = [
  'signal_cases.id',
  'signal_cases.municipality_code',
  'signal_cases.title',
  'signal_cases.focus_kind',
  'signal_cases.focus_address',
  'signal_cases.focus_pseudonym',
  'signal_cases.area_code',
  'signal_cases.wijk_code',
  'signal_cases.category',
  'signal_cases.legal_regime',
  'signal_cases.confidentiality',
  'signal_cases.purpose',
  'signal_cases.status',
  'signal_cases.owner_organisation_id',
  'organisations.name as owner_organisation_name',
  'signal_cases.created_at',
] as const;

function casesWithOwner(db: SignalsDb) {
  return db
    .selectFrom('signal_cases')
    .innerJoin('organisations', 'organisations.id', 'signal_cases.owner_organisation_id')
    .select([
      ...caseColumns,
      (eb) => eb.selectFrom('signal_case_signals').select((e) => e.fn.countAll<string>().as('n')).whereRef('signal_case_signals.case_id', '=', 'signal_cases.id').as('signal_count'),
      (eb) =>
        eb
          .selectFrom('signal_interventions')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('signal_interventions.case_id', '=', 'signal_cases.id')
          .where('signal_interventions.status', '=', 'open')
          .as('open_interventions'),
      // The dates of its case meetings, so the meetings overview can list every casusoverleg of the cases one may see.
      sql<string[] | null>`(select array_agg(m.held_on::text order by m.held_on) from signal_case_meetings m where m.case_id = signal_cases.id)`.as('meeting_dates'),
    ]);
}

export async function findVisibleCasesOfMunicipality(db: SignalsDb, visibility: VisibilityFilter, municipality: string) {
  return casesWithOwner(db)
    .where('signal_cases.municipality_code', '=', municipality)
    .where(caseVisibleWhere(visibility))
    .orderBy('signal_cases.created_at', 'desc')
    .limit(1000)
    .execute();
}
export type CaseRow = Awaited<ReturnType<typeof findVisibleCasesOfMunicipality>>[number];

export async function findVisibleCaseById(db: SignalsDb, visibility: VisibilityFilter, id: string): Promise<CaseRow | undefined> {
  return casesWithOwner(db).where('signal_cases.id', '=', id).where(caseVisibleWhere(visibility)).executeTakeFirst();
}

/** Only to tell "not found" from "not visible" in the audit row; never to show anything. */
export async function caseExists(db: SignalsDb, id: string): Promise<boolean> {
  return (await db.selectFrom('signal_cases').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The cases holding a signal that the caller may open (a signal's detail names no other). */
export async function findVisibleCaseIdsOfSignal(db: SignalsDb, visibility: VisibilityFilter, signalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('signal_cases')
    .select('signal_cases.id')
    .where('signal_cases.id', 'in', db.selectFrom('signal_case_signals').select('case_id').where('signal_id', '=', signalId))
    .where(caseVisibleWhere(visibility))
    .orderBy('signal_cases.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Sets each case's stored confidentiality to that of its most confidential signal, after signals were
 * linked or removed (the visibility itself is worked out from the links at every read; this keeps what a
 * case shows, and what a direct SQL reader sees, in step). Only given cases, or all when none are given.
 */
export async function refreshCaseConfidentiality(db: SignalsDb, caseIds?: readonly string[]): Promise<number> {
  if (caseIds && caseIds.length === 0) return 0;
  const levels = sql`ARRAY[${sql.join(CONFIDENTIALITY_LEVELS.map((l) => sql.lit(l)))}]::text[]`;
  const only = caseIds ? sql`AND signal_cases.id IN (${sql.join(caseIds.map((id) => sql`${id}::uuid`))})` : sql``;
  const { rows } = await sql<{ id: string }>`
    UPDATE signal_cases SET confidentiality = highest.level
    FROM (
      SELECT signal_case_signals.case_id, (${levels})[max(array_position(${levels}, signals.confidentiality))] AS level
      FROM signal_case_signals JOIN signals ON signals.id = signal_case_signals.signal_id
      GROUP BY signal_case_signals.case_id
    ) AS highest
    WHERE signal_cases.id = highest.case_id AND signal_cases.confidentiality <> highest.level ${only}
    RETURNING signal_cases.id`.execute(db);
  return rows.length;
}

export async function findSignalIdsOfCase(db: SignalsDb, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('signal_case_signals').select('signal_id').where('case_id', '=', caseId).execute();
  return rows.map((r) => r.signal_id);
}

export async function findMeetingsOfCase(db: SignalsDb, caseId: string) {
  return db
    .selectFrom('signal_case_meetings')
    .select(['id', sql<string>`held_on::text`.as('held_on'), 'attendees', 'decisions'])
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();
}

export async function findInterventionsOfCase(db: SignalsDb, caseId: string) {
  return db
    .selectFrom('signal_interventions')
    .innerJoin('organisations', 'organisations.id', 'signal_interventions.owner_organisation_id')
    .select([
      'signal_interventions.id',
      'signal_interventions.meeting_id',
      'signal_interventions.kind',
      'signal_interventions.description',
      'signal_interventions.owner_organisation_id',
      'organisations.name as owner_organisation_name',
      sql<string>`signal_interventions.due_date::text`.as('due_date'),
      'signal_interventions.status',
    ])
    .where('signal_interventions.case_id', '=', caseId)
    .orderBy('signal_interventions.due_date')
    .orderBy('signal_interventions.created_at')
    .execute();
}

export async function insertCase(
  db: SignalsDb,
  c: {
    municipalityCode: string;
    title: string;
    focusKind: 'address' | 'location' | 'person' | 'group';
    focusAddress: string | null;
    focusPseudonym: string | null;
    areaCode: string;
    wijkCode: string | null;
    category: string;
    legalRegime: string;
    confidentiality: string;
    purpose: string;
    ownerOrganisationId: string;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('signal_cases')
    .values({
      municipality_code: c.municipalityCode,
      title: c.title,
      focus_kind: c.focusKind,
      focus_address: c.focusAddress,
      focus_pseudonym: c.focusPseudonym,
      area_code: c.areaCode,
      wijk_code: c.wijkCode,
      category: c.category,
      legal_regime: c.legalRegime,
      confidentiality: c.confidentiality,
      purpose: c.purpose,
      owner_organisation_id: c.ownerOrganisationId,
      created_by: c.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkSignals(db: SignalsDb, caseId: string, signalIds: readonly string[], linkedBy: string | null): Promise<void> {
  if (signalIds.length === 0) return;
  await db
    .insertInto('signal_case_signals')
    .values(signalIds.map((signalId) => ({ case_id: caseId, signal_id: signalId, linked_by: linkedBy })))
    .onConflict((oc) => oc.columns(['case_id', 'signal_id']).doNothing())
    .execute();
}

export async function insertMeeting(db: SignalsDb, m: { caseId: string; heldOn: string; attendees: string; decisions: string[]; createdBy: string | null }): Promise<string> {
  const row = await db
    .insertInto('signal_case_meetings')
    .values({ case_id: m.caseId, held_on: m.heldOn, attendees: m.attendees, decisions: m.decisions, created_by: m.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertInterventions(
  db: SignalsDb,
  rows: { caseId: string; meetingId: string | null; kind: 'preventive' | 'repressive'; description: string; ownerOrganisationId: string; dueDate: string }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('signal_interventions')
    .values(rows.map((r) => ({ case_id: r.caseId, meeting_id: r.meetingId, kind: r.kind, description: r.description, owner_organisation_id: r.ownerOrganisationId, due_date: r.dueDate })))
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

export async function updateInterventionStatus(db: SignalsDb, caseId: string, interventionId: string, status: 'open' | 'done' | 'cancelled'): Promise<boolean> {
  const rows = await db.updateTable('signal_interventions').set({ status }).where('id', '=', interventionId).where('case_id', '=', caseId).returning('id').execute();
  return rows.length > 0;
}

/** Moves a case from one status to another; false when its status is no longer `from` (a concurrent change). */
export async function updateCaseStatus(
  db: SignalsDb,
  change: { caseId: string; from: CaseStatusCode; to: CaseStatusCode; reasonCode: string | null; reasonText: string | null; changedBy: string | null },
): Promise<boolean> {
  const rows = await db.updateTable('signal_cases').set({ status: change.to }).where('id', '=', change.caseId).where('status', '=', change.from).returning('id').execute();
  if (rows.length === 0) return false;
  await db
    .insertInto('signal_case_status_changes')
    .values({
      case_id: change.caseId,
      from_status: change.from,
      to_status: change.to,
      reason_code: change.reasonCode,
      reason_text: change.reasonText,
      changed_by: change.changedBy,
    })
    .execute();
  return true;
}

/** What the case's timeline is made of: its links (grouped per moment), meetings and status changes, each with who (display name). */
export async function findTimelinePartsOfCase(db: SignalsDb, caseId: string) {
  const [createdBy, links, meetings, changes] = await Promise.all([
    db.selectFrom('signal_cases').leftJoin('users', 'users.id', 'signal_cases.created_by').select(['users.display_name']).where('signal_cases.id', '=', caseId).executeTakeFirst(),
    db
      .selectFrom('signal_case_signals')
      .leftJoin('users', 'users.id', 'signal_case_signals.linked_by')
      .select(['signal_case_signals.linked_at', 'users.display_name', (eb) => eb.fn.countAll<string>().as('n')])
      .where('signal_case_signals.case_id', '=', caseId)
      .groupBy(['signal_case_signals.linked_at', 'users.display_name'])
      .orderBy('signal_case_signals.linked_at')
      .execute(),
    db
      .selectFrom('signal_case_meetings')
      .leftJoin('users', 'users.id', 'signal_case_meetings.created_by')
      .select([sql<string>`signal_case_meetings.held_on::text`.as('held_on'), 'signal_case_meetings.created_at', 'users.display_name'])
      .where('signal_case_meetings.case_id', '=', caseId)
      .orderBy('signal_case_meetings.created_at')
      .execute(),
    db
      .selectFrom('signal_case_status_changes')
      .leftJoin('users', 'users.id', 'signal_case_status_changes.changed_by')
      .select([
        'signal_case_status_changes.from_status',
        'signal_case_status_changes.to_status',
        'signal_case_status_changes.reason_code',
        'signal_case_status_changes.reason_text',
        'signal_case_status_changes.changed_at',
        'users.display_name',
      ])
      .where('signal_case_status_changes.case_id', '=', caseId)
      .orderBy('signal_case_status_changes.changed_at')
      .execute(),
  ]);
  return { createdBy: createdBy?.display_name ?? null, links, meetings, changes };
}

export async function findExistingOrganisationIds(db: SignalsDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', [...ids]).where('disabled_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

/** Cases about one subject: focused on the pseudonym, or holding one of its signals (data-subject export). */
export async function findCasesOfSubject(db: SignalsDb, pseudonym: string, signalIds: readonly string[]) {
  const cases = await db
    .selectFrom('signal_cases')
    .select(['id', 'title', 'focus_kind', 'focus_pseudonym', 'status', 'purpose', 'legal_regime', 'created_at'])
    .where((eb) =>
      eb.or([
        eb('focus_pseudonym', '=', pseudonym),
        ...(signalIds.length ? [eb('id', 'in', eb.selectFrom('signal_case_signals').select('case_id').where('signal_id', 'in', [...signalIds]))] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('title')
    .execute();
  const out = [];
  for (const c of cases) {
    const meetings = await findMeetingsOfCase(db, c.id);
    const interventions = await findInterventionsOfCase(db, c.id);
    out.push({
      title: c.title,
      focusKind: c.focus_kind,
      focusIsThisSubject: c.focus_pseudonym === pseudonym,
      status: c.status,
      purpose: c.purpose,
      legalRegime: c.legal_regime,
      createdAt: c.created_at.toISOString(),
      meetings: meetings.map((m) => ({ heldOn: m.held_on, decisions: m.decisions })),
      interventions: interventions.map((i) => ({ kind: i.kind, description: i.description, owner: i.owner_organisation_name, dueDate: i.due_date, status: i.status })),
    });
  }
  return out;
}
