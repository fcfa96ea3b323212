import type { Kysely, Transaction } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import { findAreaNames, findBuurtContainingPoint, findBuurtOrWijk, type PlacedArea } from '../../areas/index.js';
import type { CreateSignal, Signal, SignalList, SignalListQuery, SignalSummary, Taxonomy } from '../contract.js';
import { SignalListQuery as SignalListQuerySchema } from '../contract.js';
import { visibilityFilter, isVisible, type VisibilityFilter } from './need-to-know.js';
import { pseudonymOf, sealReference } from './pseudonyms.js';
import { auditRead } from './read-audit.js';
import { defaultRetentionUntil, isoDay, signalRuleErrors } from './signal-rules.js';
import type { SignalsContext } from './signals-context.js';
import { findVisibleCaseIdsOfSignal } from './cases.queries.js';
import {
  findRetentionExtensions,
  findSignalById,
  findSubjectsOf,
  findVisibleSignals,
  insertSignal,
  type SignalRow,
  type SignalSummaryRow,
} from './signals.queries.js';
import { signalsDb, type SignalsDb } from './signals.tables.js';
import { findCategories, findRegimes } from './taxonomy.queries.js';

export async function loadTaxonomy(db: SignalsDb) {
  const [categories, regimes] = await Promise.all([findCategories(db), findRegimes(db)]);
  return { categories, regimes };
}

export async function visibilityOf(db: SignalsDb, actor: Actor): Promise<VisibilityFilter> {
  return visibilityFilter(actor, await loadTaxonomy(db));
}

export async function getTaxonomy(db: Kysely<Database>): Promise<Taxonomy> {
  const { categories, regimes } = await loadTaxonomy(signalsDb(db));
  return {
    categories: categories.map((c) => ({
      code: c.code,
      nameNl: c.name_nl,
      nameEn: c.name_en,
      criminalLaw: c.criminal_law,
      allowedRegimes: c.allowed_regimes,
      readerKinds: c.reader_kinds,
      allowsPersons: c.allows_persons,
      allowsGroups: c.allows_groups,
      detailFields: Object.entries(c.detail_fields).map(([name, f]) => ({ name, ...f })),
      defaultRetentionMonths: c.default_retention_months,
    })),
    regimes: regimes.map((r) => ({ code: r.code, nameNl: r.name_nl, nameEn: r.name_en, allowsCriminalLaw: r.allows_criminal_law, partnerKinds: r.partner_kinds })),
  };
}

export interface CreateOptions {
  isDemo?: boolean;
  importId?: string | null;
  externalKey?: string | null;
  /** Imports and the demo seed place many signals: they pass what they already know. */
  place?: PlacedArea;
}

/** Where a signal is: a point (point in polygon), or a named buurt or wijk; an address needs one of them. */
export async function placeSignal(db: Kysely<Database>, location: CreateSignal['location']): Promise<{ place: PlacedArea | null; errors: FieldError[] }> {
  const hasPoint = location.lon !== undefined || location.lat !== undefined;
  if (hasPoint && (location.lon === undefined || location.lat === undefined)) {
    return { place: null, errors: [{ path: 'location', message: 'a point needs both lon and lat', code: 'required' }] };
  }
  if (location.lon !== undefined && location.lat !== undefined) {
    const place = await findBuurtContainingPoint(db, { lon: location.lon, lat: location.lat });
    return place ? { place, errors: [] } : { place: null, errors: [{ path: 'location', message: 'the point lies in no known buurt (WGS84 lon/lat expected)', code: 'point_outside_areas' }] };
  }
  if (location.areaCode) {
    const place = await findBuurtOrWijk(db, location.areaCode);
    return place ? { place, errors: [] } : { place: null, errors: [{ path: 'location.areaCode', message: 'unknown buurt or wijk', code: 'unknown_reference' }] };
  }
  // No geocoder runs offline: an address alone cannot be placed in a buurt.
  return { place: null, errors: [{ path: 'location', message: 'give a point (lon, lat) or a buurt or wijk code; an address alone is not enough', code: 'required' }] };
}

/** Registers a signal for the caller's organisation (source = their organisation). */
export async function createSignal(db: Kysely<Database>, actor: Actor, input: CreateSignal, ctx: SignalsContext, options: CreateOptions = {}): Promise<{ id: string; areaCode: string; retentionUntil: string; subjects: { pseudonym: string; kind: 'person' | 'group' }[]; created: boolean }> {
  const sdb = signalsDb(db);
  const taxonomy = await loadTaxonomy(sdb);
  const today = isoDay(ctx.now);
  const errors = signalRuleErrors(input, taxonomy, { organisationKind: actor.organisationKind, today });
  let place = options.place ?? null;
  if (!place) {
    const placed = await placeSignal(db, input.location);
    errors.push(...placed.errors);
    place = placed.place;
  }
  if (errors.length || !place) throw invalid('signal.invalid', 'The signal does not meet the rules', errors);
  const category = taxonomy.categories.find((c) => c.code === input.category)!;
  const retentionUntil = input.retentionUntil ?? defaultRetentionUntil(today, category.default_retention_months);
  const subjects = [
    ...(input.persons ?? []).map((p) => ({ kind: 'person' as const, reference: p.reference })),
    ...(input.groups ?? []).map((g) => ({ kind: 'group' as const, reference: g.reference })),
  ].map((s) => ({ kind: s.kind, pseudonym: pseudonymOf(ctx.keys, s.kind, s.reference), sealedReference: sealReference(ctx.keys, s.reference) }));
  const unique = [...new Map(subjects.map((s) => [s.pseudonym, s])).values()];
  const placeFinal = place;
  return db.transaction().execute(async (tx) => {
    const id = await insertSignal(signalsDb(tx), {
      municipalityCode: placeFinal.municipalityCode,
      category: input.category,
      occurredAt: new Date(input.occurredAt),
      lon: input.location.lon ?? null,
      lat: input.location.lat ?? null,
      address: input.location.address ?? null,
      areaCode: placeFinal.code,
      wijkCode: placeFinal.wijkCode,
      description: input.description,
      details: input.details ?? {},
      sourceOrganisationId: actor.organisationId,
      registeredBy: actor.userId,
      confidentiality: input.confidentiality,
      legalRegime: input.legalRegime,
      purpose: input.purpose,
      retentionUntil,
      isDemo: options.isDemo ?? false,
      importId: options.importId ?? null,
      externalKey: options.externalKey ?? null,
      subjects: unique,
    });
    const out = { areaCode: placeFinal.code, retentionUntil, subjects: unique.map((s) => ({ pseudonym: s.pseudonym, kind: s.kind })) };
    if (!id) return { id: '', created: false, ...out };
    await withAuditCreate(tx, actor, id, input, unique.map((s) => s.pseudonym), retentionUntil, ctx.now);
    return { id, created: true, ...out };
  });
}

async function withAuditCreate(tx: Transaction<Database>, actor: Actor, id: string, input: CreateSignal, pseudonyms: string[], retentionUntil: string, now: Date) {
  await withAudit(tx, actor, 'signals.create', { type: 'signal', id }, { category: input.category, legalRegime: input.legalRegime, purpose: input.purpose, confidentiality: input.confidentiality, retentionUntil, pseudonyms }, now);
}

function toSummary(row: SignalSummaryRow, areaNames: Map<string, string>): SignalSummary {
  return {
    id: row.id,
    category: row.category,
    occurredAt: row.occurred_at.toISOString(),
    areaCode: row.area_code,
    areaName: areaNames.get(row.area_code) ?? null,
    address: row.address,
    sourceOrganisation: { id: row.source_organisation_id, name: row.source_organisation_name },
    confidentiality: row.confidentiality as SignalSummary['confidentiality'],
    legalRegime: row.legal_regime,
    retentionUntil: row.retention_until,
    personCount: row.person_count,
    groupCount: row.group_count,
    isDemo: row.is_demo,
  };
}

export async function summariesOf(db: Kysely<Database>, rows: SignalSummaryRow[]): Promise<SignalSummary[]> {
  const names = await findAreaNames(db, rows.map((r) => r.area_code));
  return rows.map((r) => toSummary(r, names));
}

/** The caller's visible signals; one audit row per list read (which filter, how many shown). */
export async function listSignals(db: Kysely<Database>, actor: Actor, query: SignalListQuery, ctx: SignalsContext): Promise<SignalList> {
  const q = SignalListQuerySchema.parse(query);
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const visibility = await visibilityOf(sdb, actor);
    const { rows, total } = await findVisibleSignals(sdb, visibility, q, { limit: q.limit, offset: q.offset });
    await auditRead(tx, actor, 'signals.list', { type: 'signal' }, { municipality: q.municipality, category: q.category ?? null, areaCode: q.areaCode ?? null, from: q.from ?? null, to: q.to ?? null, shown: rows.length, total }, { now: ctx.now, unusualReadsPerHour: ctx.unusualReadsPerHour });
    return { items: await summariesOf(tx, rows), total };
  });
}

/** A signal the caller may see, or 404 (the same as for a signal that does not exist). Audited either way. */
export async function getSignal(db: Kysely<Database>, actor: Actor, id: string, ctx: SignalsContext): Promise<Signal> {
  const result = await db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const row = await findSignalById(sdb, id);
    const visibility = await visibilityOf(sdb, actor);
    if (!row || !isVisible(visibility, facts(row))) {
      await auditRead(tx, actor, 'signals.read', { type: 'signal', id }, { result: row ? 'not_visible' : 'not_found' }, { now: ctx.now, unusualReadsPerHour: ctx.unusualReadsPerHour });
      return null;
    }
    const subjects = await findSubjectsOf(sdb, [id]);
    const pseudonyms = subjects.map((s) => s.pseudonym);
    await auditRead(tx, actor, 'signals.read', { type: 'signal', id }, { result: 'shown', purpose: row.purpose, pseudonyms }, { now: ctx.now, pseudonyms, unusualReadsPerHour: ctx.unusualReadsPerHour });
    return toDetail(tx, row, subjects, visibility);
  });
  if (!result) throw notFound('Signal', 'signal.not_found');
  return result;
}

export function facts(row: Pick<SignalRow, 'registered_by' | 'source_organisation_id' | 'category' | 'legal_regime' | 'confidentiality' | 'municipality_code' | 'area_code' | 'wijk_code'>) {
  return {
    registeredBy: row.registered_by,
    sourceOrganisationId: row.source_organisation_id,
    category: row.category,
    legalRegime: row.legal_regime,
    confidentiality: row.confidentiality,
    municipalityCode: row.municipality_code,
    areaCode: row.area_code,
    wijkCode: row.wijk_code,
  };
}

/** The cases named are only those the caller may open (the case rule), not every case holding the signal. */
export async function toDetail(db: Parameters<typeof signalsDb>[0], row: SignalRow, subjects: { pseudonym: string; kind: 'person' | 'group' }[], visibility: VisibilityFilter): Promise<Signal> {
  const sdb = signalsDb(db);
  const [names, extensions, caseIds] = await Promise.all([findAreaNames(db, [row.area_code]), findRetentionExtensions(sdb, row.id), findVisibleCaseIdsOfSignal(sdb, visibility, row.id)]);
  return {
    ...toSummary(row, names),
    municipality: row.municipality_code,
    wijkCode: row.wijk_code,
    location: { lon: row.lon, lat: row.lat, address: row.address },
    description: row.description,
    details: row.details,
    purpose: row.purpose,
    subjects: subjects.map((s) => ({ pseudonym: s.pseudonym, kind: s.kind })),
    retentionExtensions: extensions.map((e) => ({ previousUntil: e.previous_until, newUntil: e.new_until, reason: e.reason, decidedAt: e.decided_at.toISOString() })),
    caseIds,
    createdAt: row.created_at.toISOString(),
  };
}

/** Loads a signal inside a transaction and throws 404 unless the caller may see it (for changes). */
export async function requireVisibleSignal(tx: SignalsDb, actor: Actor, id: string): Promise<SignalRow> {
  const row = await findSignalById(tx, id);
  if (!row || !isVisible(await visibilityOf(tx, actor), facts(row))) throw notFound('Signal', 'signal.not_found');
  return row;
}
