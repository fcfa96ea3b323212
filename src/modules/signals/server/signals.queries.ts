import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { endOfDay, startOfDay } from '../../../platform/shared/time.js';
import type { VisibilityFilter } from './need-to-know.js';
import type { SignalsDb, SignalsTables } from './signals.tables.js';

/** SQL of signals, subjects, identities and retention extensions. Every read goes through visibleWhere. */

type Eb = ExpressionBuilder<Database & SignalsTables, 'signals'>;

/** The need-to-know rule of need-to-know.ts as one SQL condition on the signals table. */
export function visibleWhere(filter: VisibilityFilter) {
  return (eb: Eb): Expression<SqlBool> => {
    const mine = eb('signals.registered_by', '=', filter.userId);
    if (filter.levels.length === 0) return mine;
    const source: Expression<SqlBool>[] = [eb('signals.source_organisation_id', '=', filter.organisationId)];
    if (filter.categories.length && filter.regimes.length) {
      source.push(eb.and([eb('signals.category', 'in', filter.categories), eb('signals.legal_regime', 'in', filter.regimes)]));
    }
    const others: Expression<SqlBool>[] = [eb('signals.confidentiality', 'in', filter.levels), eb.or(source)];
    // The area scope holds for the own organisation's signals as well (need-to-know.ts says why).
    if (filter.areaScopes) {
      others.push(
        eb.or([
          eb('signals.area_code', 'in', filter.areaScopes),
          eb('signals.wijk_code', 'in', filter.areaScopes),
          eb('signals.municipality_code', 'in', filter.areaScopes),
        ]),
      );
    }
    return eb.or([mine, eb.and(others)]);
  };
}

export interface SignalFilter {
  municipality: string;
  category?: string | undefined;
  areaCode?: string | undefined;
  areaCodes?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  /** Only these signals (a case's), still under the visibility rule. */
  ids?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: SignalsDb, visibility: VisibilityFilter, filter: SignalFilter) {
  let query = db.selectFrom('signals').where('signals.municipality_code', '=', filter.municipality).where(visibleWhere(visibility));
  if (filter.category) query = query.where('signals.category', '=', filter.category);
  if (filter.categories) query = query.where('signals.category', 'in', filter.categories.length ? [...filter.categories] : ['']);
  if (filter.ids) query = query.where('signals.id', 'in', filter.ids.length ? [...filter.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (filter.areaCode) {
    const code = filter.areaCode;
    query = query.where((eb) => eb.or([eb('signals.area_code', '=', code), eb('signals.wijk_code', '=', code)]));
  }
  if (filter.areaCodes) {
    const codes = filter.areaCodes.length ? [...filter.areaCodes] : [''];
    query = query.where((eb) => eb.or([eb('signals.area_code', 'in', codes), eb('signals.wijk_code', 'in', codes)]));
  }
  // Periods are ISO dates, inclusive, and a date is a day in the Netherlands (docs/time.md): a signal at
  // 00:30 on 5 March (23:30Z on the 4th) lies in a period from 5 March, as the page shows it.
  if (filter.from) query = query.where('signals.occurred_at', '>=', new Date(startOfDay(filter.from)));
  if (filter.to) query = query.where('signals.occurred_at', '<', new Date(endOfDay(filter.to)));
  return query;
}

const summaryColumns = [
  'signals.id',
  'signals.registered_by',
  'signals.category',
  'signals.occurred_at',
  'signals.area_code',
  'signals.address',
  'signals.source_organisation_id',
  'organisations.name as source_organisation_name',
  'signals.confidentiality',
  'signals.legal_regime',
  'signals.person_count',
  'signals.group_count',
  'signals.is_demo',
] as const;

export async function findVisibleSignals(db: SignalsDb, visibility: VisibilityFilter, filter: SignalFilter, page: { limit: number; offset: number }) {
  const rows = await filtered(db, visibility, filter)
    .innerJoin('organisations', 'organisations.id', 'signals.source_organisation_id')
    .select([...summaryColumns, sql<string>`signals.retention_until::text`.as('retention_until')])
    .orderBy('signals.occurred_at', 'desc')
    .orderBy('signals.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await filtered(db, visibility, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}
export type SignalSummaryRow = Awaited<ReturnType<typeof findVisibleSignals>>['rows'][number];

export async function findVisibleSignalsForExport(db: SignalsDb, visibility: VisibilityFilter, filter: SignalFilter) {
  return filtered(db, visibility, filter)
    .innerJoin('organisations', 'organisations.id', 'signals.source_organisation_id')
    .select([...summaryColumns, 'signals.description', 'signals.purpose', sql<string>`signals.retention_until::text`.as('retention_until')])
    .orderBy('signals.occurred_at')
    .orderBy('signals.id')
    .limit(100_000)
    .execute();
}

export async function countVisibleSignalsByArea(db: SignalsDb, visibility: VisibilityFilter, filter: SignalFilter, level: 'buurt' | 'wijk') {
  const column = level === 'buurt' ? 'signals.area_code' : 'signals.wijk_code';
  return filtered(db, visibility, filter)
    .select([sql<string>`${sql.ref(column)}`.as('area_code'), (eb) => eb.fn.countAll<string>().as('n')])
    .where(column, 'is not', null)
    .groupBy(column)
    .orderBy(column)
    .execute();
}

export async function findVisiblePoints(db: SignalsDb, visibility: VisibilityFilter, filter: SignalFilter) {
  return filtered(db, visibility, filter)
    .select([
      'signals.lon',
      'signals.lat',
      'signals.area_code',
      sql<string>`signals.retention_until::text`.as('retention_until'),
      // The need-to-know facts, so a stored result can later be shown only to who may see all of its signals.
      'signals.registered_by',
      'signals.source_organisation_id',
      'signals.category',
      'signals.legal_regime',
      'signals.confidentiality',
      'signals.municipality_code',
      'signals.wijk_code',
    ])
    .where('signals.lon', 'is not', null)
    .orderBy('signals.id')
    .execute();
}

export async function findSignalById(db: SignalsDb, id: string) {
  return db
    .selectFrom('signals')
    .innerJoin('organisations', 'organisations.id', 'signals.source_organisation_id')
    .select([
      ...summaryColumns,
      'signals.municipality_code',
      'signals.wijk_code',
      'signals.lon',
      'signals.lat',
      'signals.description',
      'signals.details',
      'signals.purpose',
      'signals.created_at',
      sql<string>`signals.retention_until::text`.as('retention_until'),
    ])
    .where('signals.id', '=', id)
    .executeTakeFirst();
}
export type SignalRow = NonNullable<Awaited<ReturnType<typeof findSignalById>>>;

export async function findSubjectsOf(db: SignalsDb, signalIds: readonly string[]) {
  if (signalIds.length === 0) return [];
  return db.selectFrom('signal_subjects').select(['signal_id', 'pseudonym', 'kind']).where('signal_id', 'in', [...signalIds]).orderBy('kind').orderBy('pseudonym').execute();
}

export async function findRetentionExtensions(db: SignalsDb, signalId: string) {
  return db
    .selectFrom('signal_retention_extensions')
    .select([sql<string>`previous_until::text`.as('previous_until'), sql<string>`new_until::text`.as('new_until'), 'reason', 'decided_at'])
    .where('signal_id', '=', signalId)
    .orderBy('decided_at')
    .execute();
}

export interface SignalInsert {
  municipalityCode: string;
  category: string;
  occurredAt: Date;
  lon: number | null;
  lat: number | null;
  address: string | null;
  areaCode: string;
  wijkCode: string | null;
  description: string;
  details: Record<string, string | number>;
  sourceOrganisationId: string;
  registeredBy: string | null;
  confidentiality: string;
  legalRegime: string;
  purpose: string;
  retentionUntil: string;
  isDemo: boolean;
  importId: string | null;
  externalKey: string | null;
  subjects: { pseudonym: string; kind: 'person' | 'group'; sealedReference: string }[];
}

/** Inserts a signal with its subjects; identities are added once per pseudonym. Null when the external key exists. */
export async function insertSignal(db: SignalsDb, s: SignalInsert): Promise<string | null> {
  const row = await db
    .insertInto('signals')
    .values({
      municipality_code: s.municipalityCode,
      category: s.category,
      occurred_at: s.occurredAt,
      lon: s.lon,
      lat: s.lat,
      address: s.address,
      area_code: s.areaCode,
      wijk_code: s.wijkCode,
      description: s.description,
      details: JSON.stringify(s.details),
      source_organisation_id: s.sourceOrganisationId,
      registered_by: s.registeredBy,
      confidentiality: s.confidentiality,
      legal_regime: s.legalRegime,
      purpose: s.purpose,
      retention_until: s.retentionUntil,
      person_count: s.subjects.filter((x) => x.kind === 'person').length,
      group_count: s.subjects.filter((x) => x.kind === 'group').length,
      is_demo: s.isDemo,
      import_id: s.importId,
      external_key: s.externalKey,
    })
    .onConflict((oc) => oc.columns(['municipality_code', 'source_organisation_id', 'external_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  if (s.subjects.length) {
    await db
      .insertInto('signal_identities')
      .values(s.subjects.map((x) => ({ pseudonym: x.pseudonym, kind: x.kind, reference_sealed: x.sealedReference })))
      .onConflict((oc) => oc.column('pseudonym').doNothing())
      .execute();
    await db
      .insertInto('signal_subjects')
      .values(s.subjects.map((x) => ({ signal_id: row.id, pseudonym: x.pseudonym, kind: x.kind })))
      .onConflict((oc) => oc.columns(['signal_id', 'pseudonym']).doNothing())
      .execute();
  }
  return row.id;
}

export async function updateRetention(db: SignalsDb, e: { signalId: string; previousUntil: string; newUntil: string; reason: string; decidedBy: string }): Promise<void> {
  await db.updateTable('signals').set({ retention_until: e.newUntil }).where('id', '=', e.signalId).execute();
  await db
    .insertInto('signal_retention_extensions')
    .values({ signal_id: e.signalId, previous_until: e.previousUntil, new_until: e.newUntil, reason: e.reason, decided_by: e.decidedBy })
    .execute();
}

export async function findIdentities(db: SignalsDb, pseudonyms: readonly string[]) {
  if (pseudonyms.length === 0) return [];
  return db.selectFrom('signal_identities').select(['pseudonym', 'kind', 'reference_sealed']).where('pseudonym', 'in', [...pseudonyms]).orderBy('pseudonym').execute();
}

/** Every signal about one pseudonym, whoever registered it (data-subject request, SECURITY.md 11). */
export async function findSignalIdsOfPseudonym(db: SignalsDb, pseudonym: string): Promise<string[]> {
  const rows = await db.selectFrom('signal_subjects').select('signal_id').where('pseudonym', '=', pseudonym).execute();
  return rows.map((r) => r.signal_id);
}

export async function findOrganisationName(db: SignalsDb, id: string): Promise<string | null> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}
