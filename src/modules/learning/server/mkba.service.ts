import type { Kysely, Transaction } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { STANDARD_DISCOUNT_RATE, type AlternativeBody, type CreateMkba, type LineBody, type MeasureBody, type MkbaDetail, type MkbaSummary, type UpdateLine, type UpdateMkba } from '../contract.js';
import { learningDb, type LearningDb } from './learning.tables.js';
import { mkbaArea, mkbaAreaNames } from './mkba-area.js';
import { findLinkedBenefits } from './linked-benefits.queries.js';
import * as q from './mkba.queries.js';
import { toDetail, toSummary } from './mkba-shape.js';

/**
 * MKBAs, their alternatives, measures and cost/benefit lines (docs/learning.md). Every change runs in one
 * transaction that locks the MKBA row (so a line and a new horizon cannot pass each other's check) and writes
 * its audit row with withAudit. Bad input is refused with 422 before anything is written.
 */

const STANDARD_BP = Math.round(STANDARD_DISCOUNT_RATE * 100);

const mkbaNotFound = () => notFound('MKBA', 'mkba.not_found');

function checkRate(rateBp: number, justification: string | null): void {
  if (rateBp !== STANDARD_BP && !justification) {
    throw invalid('mkba.rate_needs_justification', 'A discount rate other than 2.25 % needs a written justification', [{ path: 'body.rateJustification', message: 'required for a rate other than 2.25 %' }]);
  }
}

function checkYear(year: number, baseYear: number, horizonYears: number): void {
  if (year < baseYear || year > baseYear + horizonYears) {
    throw invalid('mkba.year_outside_horizon', `The year lies outside ${baseYear}–${baseYear + horizonYears}`, [{ path: 'body.year', message: `between ${baseYear} and ${baseYear + horizonYears}` }]);
  }
}

export async function listMkbas(db: Kysely<Database>, actor: Actor, areaCode: string | undefined, goalId?: string): Promise<MkbaSummary[]> {
  const rows = await q.findMkbas(learningDb(db), areaCode, goalId);
  const names = await mkbaAreaNames(db, actor, rows.map((r) => r.area_code));
  return rows.map((r) => toSummary(r, names.get(r.area_code) ?? r.area_code, r.alternative_count));
}

async function detail(db: Kysely<Database>, ldb: LearningDb, actor: Actor, id: string): Promise<MkbaDetail> {
  const mkba = await q.findMkba(ldb, id);
  if (!mkba) throw mkbaNotFound();
  const alternatives = await q.findAlternatives(ldb, id);
  const ids = alternatives.map((a) => a.id);
  const [measures, lines, linked, names] = [await q.findMeasures(ldb, ids), await q.findLines(ldb, ids), await findLinkedBenefits(ldb, ids), await mkbaAreaNames(db, actor, [mkba.area_code])];
  return toDetail(mkba, names.get(mkba.area_code) ?? mkba.area_code, alternatives, measures, lines, linked);
}

export async function readMkba(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaDetail> {
  return detail(db, learningDb(db), actor, id);
}

export async function createMkba(db: Kysely<Database>, actor: Actor, body: CreateMkba & { discountRate: number }, options: { isDemo?: boolean; auditActor?: AuditActor } = {}): Promise<MkbaDetail> {
  const area = await mkbaArea(db, actor, body.areaCode);
  const rateBp = Math.round(body.discountRate * 100);
  const justification = body.rateJustification || null;
  checkRate(rateBp, justification);
  const id = await db.transaction().execute(async (tx) => {
    const id = await q.insertMkba(learningDb(tx), {
      municipality_code: area.municipalityCode,
      area_code: area.code,
      name: body.name,
      null_alternative: body.nullAlternative,
      base_year: body.baseYear,
      horizon_years: body.horizonYears,
      discount_rate_bp: rateBp,
      rate_justification: justification,
      created_by: options.auditActor ? null : actor.userId,
      is_demo: options.isDemo ?? false,
    });
    await withAudit(tx, options.auditActor ?? actor, 'mkba.create', { type: 'mkba', id }, { area: area.code, name: body.name, baseYear: body.baseYear, horizonYears: body.horizonYears, discountRateBp: rateBp, rateJustification: justification, demo: options.isDemo ?? false });
    return id;
  });
  return readMkba(db, actor, id);
}

/** Runs a change on a locked MKBA and answers the MKBA as it is afterwards. */
export async function changeMkba(db: Kysely<Database>, actor: Actor, mkbaId: string, change: (tx: LearningDb, mkba: q.MkbaRow, raw: Transaction<Database>) => Promise<void>): Promise<MkbaDetail> {
  await db.transaction().execute(async (tx) => {
    const ldb = learningDb(tx);
    const mkba = await q.findMkba(ldb, mkbaId, true);
    if (!mkba) throw mkbaNotFound();
    await change(ldb, mkba, tx);
    await q.touchMkba(ldb, mkbaId);
  });
  return readMkba(db, actor, mkbaId);
}

export async function updateMkbaSettings(db: Kysely<Database>, actor: Actor, id: string, body: UpdateMkba): Promise<MkbaDetail> {
  return changeMkba(db, actor, id, async (tx, mkba, raw) => {
    const rateBp = body.discountRate === undefined ? mkba.discount_rate_bp : Math.round(body.discountRate * 100);
    // Back at the standard rate, a justification no longer applies unless one is given.
    const justification = body.rateJustification !== undefined ? body.rateJustification || null : rateBp === STANDARD_BP ? null : mkba.rate_justification;
    checkRate(rateBp, justification);
    const baseYear = body.baseYear ?? mkba.base_year;
    const horizonYears = body.horizonYears ?? mkba.horizon_years;
    const range = await q.findLineYearRange(tx, id);
    if ((range.min !== null && range.min < baseYear) || (range.max !== null && range.max > baseYear + horizonYears)) {
      throw invalid('mkba.lines_outside_horizon', 'Lines would fall outside the base year and horizon', [{ path: 'body.horizonYears', message: `lines run from ${range.min} to ${range.max}` }]);
    }
    const changes = { name: body.name, null_alternative: body.nullAlternative, base_year: body.baseYear, horizon_years: body.horizonYears, discount_rate_bp: rateBp, rate_justification: justification };
    await q.updateMkba(tx, id, changes);
    await withAudit(raw, actor, 'mkba.update', { type: 'mkba', id }, { ...body, discountRateBp: rateBp, previousDiscountRateBp: mkba.discount_rate_bp });
  });
}

export async function removeMkba(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const ldb = learningDb(tx);
    const mkba = await q.findMkba(ldb, id, true);
    if (!mkba) throw mkbaNotFound();
    await q.deleteMkba(ldb, id);
    await withAudit(tx, actor, 'mkba.delete', { type: 'mkba', id }, { name: mkba.name, area: mkba.area_code });
  });
}

export async function addAlternative(db: Kysely<Database>, actor: Actor, mkbaId: string, body: AlternativeBody, auditActor?: AuditActor): Promise<MkbaDetail> {
  return changeMkba(db, actor, mkbaId, async (tx, _mkba, raw) => {
    const id = await q.insertAlternative(tx, { mkba_id: mkbaId, name: body.name, description: body.description ?? '' });
    await withAudit(raw, auditActor ?? actor, 'mkba.alternative.create', { type: 'mkba_alternative', id }, { mkba: mkbaId, name: body.name });
  });
}

/** The MKBA an alternative, measure or line belongs to; 404 when the thing is unknown. */
export async function mkbaOfAlternative(db: Kysely<Database>, alternativeId: string, what = 'Alternative', code = 'mkba.alternative_not_found'): Promise<string> {
  const alternative = await q.findAlternative(learningDb(db), alternativeId);
  if (!alternative) throw notFound(what, code);
  return alternative.mkba_id;
}

export async function changeAlternative(db: Kysely<Database>, actor: Actor, id: string, body: Partial<AlternativeBody>): Promise<MkbaDetail> {
  return changeMkba(db, actor, await mkbaOfAlternative(db, id), async (tx, _mkba, raw) => {
    await q.updateAlternative(tx, id, body);
    await withAudit(raw, actor, 'mkba.alternative.update', { type: 'mkba_alternative', id }, body);
  });
}

export async function removeAlternative(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaDetail> {
  return changeMkba(db, actor, await mkbaOfAlternative(db, id), async (tx, _mkba, raw) => {
    // The audit row says what went with it (the database deletes its measures, lines and linked benefits).
    const [alternative, measures, lines, linked] = [await q.findAlternative(tx, id), await q.findMeasures(tx, [id]), await q.findLines(tx, [id]), await findLinkedBenefits(tx, [id])];
    await q.deleteAlternative(tx, id);
    await withAudit(raw, actor, 'mkba.alternative.delete', { type: 'mkba_alternative', id }, { name: alternative?.name, measures: measures.length, lines: lines.length, linkedBenefits: linked.length });
  });
}

export async function addMeasure(db: Kysely<Database>, actor: Actor, alternativeId: string, body: MeasureBody, auditActor?: AuditActor): Promise<MkbaDetail> {
  return changeMkba(db, actor, await mkbaOfAlternative(db, alternativeId), async (tx, _mkba, raw) => {
    const id = await q.insertMeasure(tx, { alternative_id: alternativeId, name: body.name, description: body.description ?? '' });
    await withAudit(raw, auditActor ?? actor, 'mkba.measure.create', { type: 'mkba_measure', id }, { alternative: alternativeId, name: body.name });
  });
}

async function measureOrFail(db: Kysely<Database>, id: string): Promise<q.MeasureRow> {
  const measure = await q.findMeasure(learningDb(db), id);
  if (!measure) throw notFound('Measure', 'mkba.measure_not_found');
  return measure;
}

export async function changeMeasure(db: Kysely<Database>, actor: Actor, id: string, body: Partial<MeasureBody>): Promise<MkbaDetail> {
  const measure = await measureOrFail(db, id);
  return changeMkba(db, actor, await mkbaOfAlternative(db, measure.alternative_id), async (tx, _mkba, raw) => {
    await q.updateMeasure(tx, id, body);
    await withAudit(raw, actor, 'mkba.measure.update', { type: 'mkba_measure', id }, body);
  });
}

export async function removeMeasure(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaDetail> {
  const measure = await measureOrFail(db, id);
  return changeMkba(db, actor, await mkbaOfAlternative(db, measure.alternative_id), async (tx, _mkba, raw) => {
    // The audit row says what went with it (the database deletes the measure's lines and linked benefits).
    const alternative = [measure.alternative_id];
    const lines = (await q.findLines(tx, alternative)).filter((l) => l.measure_id === id).length;
    const linkedBenefits = (await findLinkedBenefits(tx, alternative)).filter((b) => b.measure_id === id).length;
    await q.deleteMeasure(tx, id);
    await withAudit(raw, actor, 'mkba.measure.delete', { type: 'mkba_measure', id }, { name: measure.name, lines, linkedBenefits });
  });
}

/** Checks a line against its MKBA and alternative, and gives the values to store. */
async function lineValues(tx: LearningDb, mkba: q.MkbaRow, alternativeId: string, body: LineBody): Promise<Omit<q.LineValues, 'alternative_id'>> {
  checkYear(body.year, mkba.base_year, mkba.horizon_years);
  const measureId = body.measureId ?? null;
  if (measureId) {
    const measure = await q.findMeasure(tx, measureId);
    if (!measure || measure.alternative_id !== alternativeId) throw invalid('mkba.measure_not_in_alternative', 'The measure is not one of this alternative', [{ path: 'body.measureId', message: 'not a measure of this alternative' }]);
  }
  const description = body.description ?? '';
  if (body.amountCents === null && !description) throw invalid('mkba.pm_needs_description', 'A PM item needs a description of what it is', [{ path: 'body.description', message: 'required for a PM item' }]);
  return { measure_id: measureId, kind: body.kind, actor: body.actor, year: body.year, amount_cents: body.amountCents, description };
}

export async function addLine(db: Kysely<Database>, actor: Actor, alternativeId: string, body: LineBody, auditActor?: AuditActor): Promise<MkbaDetail> {
  return changeMkba(db, actor, await mkbaOfAlternative(db, alternativeId), async (tx, mkba, raw) => {
    const values = await lineValues(tx, mkba, alternativeId, body);
    const id = await q.insertLine(tx, { alternative_id: alternativeId, ...values });
    await withAudit(raw, auditActor ?? actor, 'mkba.line.create', { type: 'mkba_line', id }, { alternative: alternativeId, ...values });
  });
}

async function lineOrFail(db: Kysely<Database>, id: string): Promise<q.LineRow> {
  const line = await q.findLine(learningDb(db), id);
  if (!line) throw notFound('Line', 'mkba.line_not_found');
  return line;
}

export async function changeLine(db: Kysely<Database>, actor: Actor, id: string, body: UpdateLine): Promise<MkbaDetail> {
  const line = await lineOrFail(db, id);
  return changeMkba(db, actor, await mkbaOfAlternative(db, line.alternative_id), async (tx, mkba, raw) => {
    const merged: LineBody = {
      kind: body.kind ?? (line.kind as LineBody['kind']),
      actor: body.actor ?? (line.actor as LineBody['actor']),
      year: body.year ?? line.year,
      amountCents: body.amountCents !== undefined ? body.amountCents : line.amount_cents === null ? null : Number(line.amount_cents),
      measureId: body.measureId !== undefined ? body.measureId : line.measure_id,
      description: body.description ?? line.description,
    };
    const values = await lineValues(tx, mkba, line.alternative_id, merged);
    await q.updateLine(tx, id, values);
    await withAudit(raw, actor, 'mkba.line.update', { type: 'mkba_line', id }, { ...values, previousAmountCents: line.amount_cents === null ? null : Number(line.amount_cents) });
  });
}

export async function removeLine(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaDetail> {
  const line = await lineOrFail(db, id);
  return changeMkba(db, actor, await mkbaOfAlternative(db, line.alternative_id), async (tx, _mkba, raw) => {
    await q.deleteLine(tx, id);
    await withAudit(raw, actor, 'mkba.line.delete', { type: 'mkba_line', id }, { kind: line.kind, actor: line.actor, year: line.year, amountCents: line.amount_cents === null ? null : Number(line.amount_cents) });
  });
}
