import type { Kysely } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import { findAreaNames } from '../../areas/index.js';
import { CASE_CLOSE_REASONS, CASE_REOPEN_REASONS, CONFIDENTIALITY_LEVELS, type Case, type CaseSummary, type CaseTimelineEntry, type ChangeCaseStatus, type CreateCase, type CreateCaseMeeting, type Confidentiality } from '../contract.js';
import { CreateCaseMeeting as CreateCaseMeetingSchema } from '../contract.js';
import {
  caseExists,
  findExistingOrganisationIds,
  findInterventionsOfCase,
  findMeetingsOfCase,
  findSignalIdsOfCase,
  findTimelinePartsOfCase,
  findVisibleCaseById,
  findVisibleCasesOfMunicipality,
  insertCase,
  insertInterventions,
  insertMeeting,
  linkSignals,
  refreshCaseConfidentiality,
  updateCaseStatus,
  updateInterventionStatus,
  type CaseRow,
} from './cases.queries.js';
import { isVisible, type VisibilityFilter } from './need-to-know.js';
import { pseudonymOf, sealReference } from './pseudonyms.js';
import { auditRead } from './read-audit.js';
import { isoDay } from './signal-rules.js';
import type { SignalsContext } from './signals-context.js';
import { findSignalById, findVisibleSignals, type SignalRow } from './signals.queries.js';
import { facts, summariesOf, visibilityOf } from './signals.service.js';
import { signalsDb, type SignalsDb } from './signals.tables.js';

/**
 * Cases (casus): signals bundled around an address, location, person or group, with case meetings and
 * interventions. A case is visible only to who may see every signal it holds (caseVisibleWhere in
 * cases.queries.ts), on every read and change below; its stored confidentiality follows its most
 * confidential signal.
 */

function toSummary(row: CaseRow, names: Map<string, string>): CaseSummary {
  return {
    id: row.id,
    title: row.title,
    focusKind: row.focus_kind,
    areaCode: row.area_code,
    areaName: names.get(row.area_code) ?? null,
    category: row.category,
    status: row.status,
    ownerOrganisation: { id: row.owner_organisation_id, name: row.owner_organisation_name },
    signalCount: Number(row.signal_count ?? 0),
    openInterventions: Number(row.open_interventions ?? 0),
    meetingDates: row.meeting_dates ?? [],
    createdAt: row.created_at.toISOString(),
  };
}

export async function listCases(db: Kysely<Database>, actor: Actor, municipality: string, ctx: SignalsContext): Promise<{ items: CaseSummary[] }> {
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const visibility = await visibilityOf(sdb, actor);
    const rows = await findVisibleCasesOfMunicipality(sdb, visibility, municipality);
    await auditRead(tx, actor, 'signals.case_list', { type: 'signal_case' }, { municipality, shown: rows.length }, { now: ctx.now, unusualReadsPerHour: ctx.unusualReadsPerHour });
    const names = await findAreaNames(tx, rows.map((r) => r.area_code));
    return { items: rows.map((r) => toSummary(r, names)) };
  });
}

async function requireVisibleCase(sdb: SignalsDb, visibility: VisibilityFilter, id: string): Promise<CaseRow> {
  const row = await findVisibleCaseById(sdb, visibility, id);
  if (!row) throw notFound('Case', 'signal_case.not_found');
  return row;
}

export async function getCase(db: Kysely<Database>, actor: Actor, id: string, ctx: SignalsContext): Promise<Case> {
  const result = await db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const visibility = await visibilityOf(sdb, actor);
    const row = await findVisibleCaseById(sdb, visibility, id);
    if (!row) {
      const result = (await caseExists(sdb, id)) ? 'not_visible' : 'not_found';
      await auditRead(tx, actor, 'signals.case_read', { type: 'signal_case', id }, { result }, { now: ctx.now, unusualReadsPerHour: ctx.unusualReadsPerHour });
      return null;
    }
    // A visible case's signals are all visible to the caller; the signal rule filters them once more all the same.
    const linked = await findSignalIdsOfCase(sdb, id);
    const { rows: signalRows } = await findVisibleSignals(sdb, visibility, { municipality: row.municipality_code, ids: linked }, { limit: 1000, offset: 0 });
    const pseudonyms = row.focus_pseudonym ? [row.focus_pseudonym] : [];
    await auditRead(tx, actor, 'signals.case_read', { type: 'signal_case', id }, { result: 'shown', purpose: row.purpose, pseudonyms, signals: signalRows.length }, { now: ctx.now, pseudonyms, unusualReadsPerHour: ctx.unusualReadsPerHour });
    const [names, meetings, interventions, signals, timeline] = await Promise.all([
      findAreaNames(tx, [row.area_code]),
      findMeetingsOfCase(sdb, id),
      findInterventionsOfCase(sdb, id),
      summariesOf(tx, signalRows),
      timelineOf(sdb, row),
    ]);
    const today = isoDay(ctx.now);
    return {
      ...toSummary(row, names),
      municipality: row.municipality_code,
      focusAddress: row.focus_address,
      focusPseudonym: row.focus_pseudonym,
      legalRegime: row.legal_regime,
      confidentiality: row.confidentiality as Confidentiality,
      purpose: row.purpose,
      signals,
      meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, attendees: m.attendees, decisions: m.decisions })),
      interventions: interventions.map((i) => ({
        id: i.id,
        meetingId: i.meeting_id,
        kind: i.kind,
        description: i.description,
        ownerOrganisation: { id: i.owner_organisation_id, name: i.owner_organisation_name },
        dueDate: i.due_date,
        status: i.status,
        overdue: i.status === 'open' && i.due_date < today,
      })),
      timeline,
    } satisfies Case;
  });
  if (!result) throw notFound('Case', 'signal_case.not_found');
  return result;
}

/**
 * The case's history in order: created (with the signals it started with), signals linked later, case
 * meetings recorded and status changes, each with who and when. Only called for a case the reader may see,
 * which means they may see every signal it holds; it names counts and dates, no signal and no person.
 */
async function timelineOf(sdb: SignalsDb, row: CaseRow): Promise<CaseTimelineEntry[]> {
  const parts = await findTimelinePartsOfCase(sdb, row.id);
  const createdAt = row.created_at.getTime();
  const atCreation = parts.links.filter((l) => l.linked_at.getTime() === createdAt);
  const entries: CaseTimelineEntry[] = [
    { kind: 'created', at: row.created_at.toISOString(), by: parts.createdBy, signalCount: atCreation.reduce((n, l) => n + Number(l.n), 0) },
    ...parts.links.filter((l) => l.linked_at.getTime() !== createdAt).map((l) => ({ kind: 'signals_linked' as const, at: l.linked_at.toISOString(), by: l.display_name, signalCount: Number(l.n) })),
    ...parts.meetings.map((m) => ({ kind: 'meeting' as const, at: m.created_at.toISOString(), by: m.display_name, heldOn: m.held_on })),
    ...parts.changes.map((c) => ({ kind: 'status' as const, at: c.changed_at.toISOString(), by: c.display_name, fromStatus: c.from_status, toStatus: c.to_status, reasonCode: c.reason_code, reasonText: c.reason_text })),
  ];
  const order = { created: 0, signals_linked: 1, meeting: 2, status: 3 } as const;
  return entries.sort((a, b) => a.at.localeCompare(b.at) || order[a.kind] - order[b.kind]);
}

// Obvious identifiers a reason must not carry: a BSN-like number, an e-mail address, a phone number.
const PERSON_DATA_PATTERNS = [/\b\d{9}\b/, /[^\s@]+@[^\s@]+\.[^\s@]+/, /(\+31|\b0)[\s-]?[1-9](?:[\s-]?\d){8}\b/];

/**
 * Moves a case along open → in_progress → closed, or reopens a closed case (back to in_progress). Closing
 * and reopening need a reason from the short list (CASE_CLOSE_REASONS, CASE_REOPEN_REASONS) and free text
 * when the reason is 'other'; the text may not carry obvious identifiers. Who may edit the case may do it
 * (signal_cases.manage and need-to-know: 404 when the case is not visible); audited in the same transaction.
 */
export async function changeCaseStatus(db: Kysely<Database>, actor: Actor, caseId: string, input: ChangeCaseStatus, ctx: SignalsContext): Promise<{ status: CaseSummary['status'] }> {
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const row = await requireVisibleCase(sdb, await visibilityOf(sdb, actor), caseId);
    const from = row.status;
    const to = input.status;
    const kind = from === 'open' && to === 'in_progress' ? 'start' : from === 'in_progress' && to === 'closed' ? 'close' : from === 'closed' && to === 'in_progress' ? 'reopen' : null;
    if (!kind) throw invalid('signal_case.status_transition', `A case that is ${from} cannot become ${to}`, [{ path: 'status', message: `not allowed from ${from}` }]);
    const reasonText = input.reasonText ? input.reasonText : null;
    const errors: FieldError[] = [];
    if (kind === 'start') {
      if (input.reasonCode) errors.push({ path: 'reasonCode', message: 'no reason when taking a case up' });
    } else {
      const allowed: readonly string[] = kind === 'close' ? CASE_CLOSE_REASONS : CASE_REOPEN_REASONS;
      if (!input.reasonCode) errors.push({ path: 'reasonCode', message: 'a reason is required' });
      else if (!allowed.includes(input.reasonCode)) errors.push({ path: 'reasonCode', message: `not a reason to ${kind === 'close' ? 'close' : 'reopen'} a case` });
      else if (input.reasonCode === 'other' && (!reasonText || reasonText.length < 3)) errors.push({ path: 'reasonText', message: 'explain the reason' });
    }
    if (reasonText && PERSON_DATA_PATTERNS.some((p) => p.test(reasonText))) errors.push({ path: 'reasonText', message: 'no person data (BSN, e-mail address, phone number) in the reason' });
    if (errors.length) throw invalid('signal_case.invalid', 'The status change is invalid', errors);
    const changed = await updateCaseStatus(sdb, { caseId, from, to, reasonCode: input.reasonCode ?? null, reasonText, changedBy: actor.userId });
    if (!changed) throw invalid('signal_case.status_transition', 'The case was changed meanwhile; reload it', [{ path: 'status', message: 'changed meanwhile' }]);
    await withAudit(tx, actor, 'signals.case_status', { type: 'signal_case', id: caseId }, { from, to, reasonCode: input.reasonCode ?? null, reasonText: reasonText !== null }, ctx.now);
    return { status: to };
  });
}

async function loadVisibleSignals(sdb: SignalsDb, visibility: VisibilityFilter, ids: readonly string[], path: string): Promise<SignalRow[]> {
  const rows: SignalRow[] = [];
  const errors: FieldError[] = [];
  for (const [index, id] of ids.entries()) {
    const row = await findSignalById(sdb, id);
    if (!row || !isVisible(visibility, facts(row))) errors.push({ path: `${path}.${index}`, message: 'unknown signal' });
    else rows.push(row);
  }
  if (errors.length) throw invalid('signal_case.invalid', 'The case refers to signals that do not exist or that you may not see', errors);
  return rows;
}

function highestLevel(levels: readonly string[]): Confidentiality {
  return CONFIDENTIALITY_LEVELS[Math.max(...levels.map((l) => CONFIDENTIALITY_LEVELS.indexOf(l as Confidentiality)))] ?? 'confidential';
}

export async function createCase(db: Kysely<Database>, actor: Actor, input: CreateCase, ctx: SignalsContext, options: { now?: Date } = {}): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  if (input.focusKind === 'address' && !input.focusAddress) errors.push({ path: 'focusAddress', message: 'a case around an address needs the address' });
  if ((input.focusKind === 'person' || input.focusKind === 'group') && !input.focusReference) errors.push({ path: 'focusReference', message: `a case around a ${input.focusKind} needs its reference` });
  if (input.focusKind !== 'person' && input.focusKind !== 'group' && input.focusReference) errors.push({ path: 'focusReference', message: 'only for a case around a person or group' });
  if (errors.length) throw invalid('signal_case.invalid', 'The case is incomplete', errors);
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const visibility = await visibilityOf(sdb, actor);
    const signals = await loadVisibleSignals(sdb, visibility, [...new Set(input.signalIds)], 'signalIds');
    const first = signals[0]!;
    if (signals.some((s) => s.municipality_code !== first.municipality_code)) {
      throw invalid('signal_case.invalid', 'A case stays within one municipality', [{ path: 'signalIds', message: 'signals of more than one municipality' }]);
    }
    let focusPseudonym: string | null = null;
    if ((input.focusKind === 'person' || input.focusKind === 'group') && input.focusReference) {
      focusPseudonym = pseudonymOf(ctx.keys, input.focusKind, input.focusReference);
      await sdb
        .insertInto('signal_identities')
        .values({ pseudonym: focusPseudonym, kind: input.focusKind, reference_sealed: sealReference(ctx.keys, input.focusReference) })
        .onConflict((oc) => oc.column('pseudonym').doNothing())
        .execute();
    }
    const id = await insertCase(sdb, {
      municipalityCode: first.municipality_code,
      title: input.title,
      focusKind: input.focusKind,
      focusAddress: input.focusAddress ?? null,
      focusPseudonym,
      areaCode: first.area_code,
      wijkCode: first.wijk_code,
      category: first.category,
      legalRegime: first.legal_regime,
      confidentiality: highestLevel(signals.map((s) => s.confidentiality)),
      purpose: input.purpose,
      ownerOrganisationId: actor.organisationId,
      createdBy: actor.userId,
    });
    await linkSignals(sdb, id, signals.map((s) => s.id), actor.userId);
    await withAudit(tx, actor, 'signals.case_create', { type: 'signal_case', id }, { focusKind: input.focusKind, pseudonyms: focusPseudonym ? [focusPseudonym] : [], signals: signals.length, purpose: input.purpose }, options.now ?? ctx.now);
    return { id };
  });
}

export async function addCaseSignals(db: Kysely<Database>, actor: Actor, caseId: string, signalIds: readonly string[], ctx: SignalsContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const visibility = await visibilityOf(sdb, actor);
    const row = await requireVisibleCase(sdb, visibility, caseId);
    const signals = await loadVisibleSignals(sdb, visibility, [...new Set(signalIds)], 'signalIds');
    if (signals.some((s) => s.municipality_code !== row.municipality_code)) {
      throw invalid('signal_case.invalid', 'A case stays within one municipality', [{ path: 'signalIds', message: 'a signal of another municipality' }]);
    }
    await linkSignals(sdb, caseId, signals.map((s) => s.id), actor.userId);
    // The case is now as closed as its most restrictive signal, for everyone else from the next read on.
    await refreshCaseConfidentiality(sdb, [caseId]);
    await withAudit(tx, actor, 'signals.case_link', { type: 'signal_case', id: caseId }, { signals: signals.map((s) => s.id) }, ctx.now);
  });
}

/** A case meeting (casusoverleg) with its decisions and the interventions it agreed, each with owner and due date. */
export async function addCaseMeeting(db: Kysely<Database>, actor: Actor, caseId: string, body: CreateCaseMeeting, ctx: SignalsContext): Promise<{ id: string }> {
  const input = CreateCaseMeetingSchema.parse(body);
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    await requireVisibleCase(sdb, await visibilityOf(sdb, actor), caseId);
    const owners = await findExistingOrganisationIds(sdb, input.interventions.map((i) => i.ownerOrganisationId));
    const errors = input.interventions.flatMap((i, index) => (owners.has(i.ownerOrganisationId) ? [] : [{ path: `interventions.${index}.ownerOrganisationId`, message: 'unknown organisation' }]));
    if (input.heldOn > isoDay(ctx.now)) errors.push({ path: 'heldOn', message: 'a meeting is recorded after it was held' });
    if (errors.length) throw invalid('signal_case.invalid', 'The meeting is invalid', errors);
    const id = await insertMeeting(sdb, { caseId, heldOn: input.heldOn, attendees: input.attendees, decisions: input.decisions, createdBy: actor.userId });
    const interventionIds = await insertInterventions(sdb, input.interventions.map((i) => ({ caseId, meetingId: id, ...i })));
    await withAudit(tx, actor, 'signals.case_meeting', { type: 'signal_case', id: caseId }, { meetingId: id, decisions: input.decisions.length, interventions: interventionIds }, ctx.now);
    return { id };
  });
}

export async function setInterventionStatus(db: Kysely<Database>, actor: Actor, caseId: string, interventionId: string, status: 'open' | 'done' | 'cancelled', ctx: SignalsContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    await requireVisibleCase(sdb, await visibilityOf(sdb, actor), caseId);
    if (!(await updateInterventionStatus(sdb, caseId, interventionId, status))) throw notFound('Intervention', 'signal_intervention.not_found');
    await withAudit(tx, actor, 'signals.intervention_status', { type: 'signal_case', id: caseId }, { interventionId, status }, ctx.now);
  });
}
