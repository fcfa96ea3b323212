import type { Kysely } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { listGoalsWithStatus } from '../../programmes/index.js';
import type { LinkableGoal, LinkedBenefitBody, MkbaDetail, UpdateLinkedBenefit } from '../contract.js';
import { GOAL_PROBLEM_TEXT, GoalReader, type UsableGoal } from './linked-benefit-goal.js';
import { learningDb, type LearningDb } from './learning.tables.js';
import * as lq from './linked-benefits.queries.js';
import * as q from './mkba.queries.js';
import { changeMkba, mkbaOfAlternative, readMkba } from './mkba.service.js';

/**
 * Benefits tied to an operational goal (docs/learning.md, "Linked benefits"). Only the link, the unit value
 * and the quantity are stored; the amounts are computed when the MKBA is read (linked-benefit-result.ts).
 * Linking refuses, with 422 and a reason, what could not be calculated: a goal the caller cannot see or of
 * another area, a goal without a readable indicator or target, a target that is no gain, a rate without the
 * quantity it applies to.
 */

function refuse(code: string, path: string, message: string): never {
  throw invalid(`mkba.${code}`, message, [{ path, message }]);
}

const linkedBenefitNotFound = () => notFound('Linked benefit', 'mkba.linked_benefit_not_found');

/** A rate or share needs what it applies to, a count takes none; the area's own figure must exist. */
async function checkQuantity(reader: GoalReader, used: UsableGoal, quantity: LinkedBenefitBody['quantity'] | null, areaCode: string): Promise<void> {
  if (used.needsQuantity && !quantity) refuse('quantity_required', 'body.quantity', 'the indicator is a rate or share: say what it applies to (the area figure or a number with its source)');
  if (!used.needsQuantity && quantity) refuse('quantity_not_applicable', 'body.quantity', 'the indicator is a count: it needs no quantity');
  if (quantity?.kind === 'area_figure' && !(await reader.areaQuantity(used.indicator, areaCode))) {
    refuse('no_area_quantity', 'body.quantity', 'the area has no figure this rate applies to; enter a number with its source');
  }
}

async function checkMeasure(tx: LearningDb, measureId: string | null, alternativeId: string): Promise<void> {
  if (!measureId) return;
  const measure = await q.findMeasure(tx, measureId);
  if (!measure || measure.alternative_id !== alternativeId) refuse('measure_not_in_alternative', 'body.measureId', 'not a measure of this alternative');
}

function quantityColumns(quantity: LinkedBenefitBody['quantity'] | null): Pick<lq.LinkedBenefitValues, 'quantity_kind' | 'quantity_value' | 'quantity_source'> {
  return {
    quantity_kind: quantity?.kind ?? 'none',
    quantity_value: quantity?.kind === 'entered' ? quantity.value : null,
    quantity_source: quantity?.kind === 'entered' ? quantity.source : null,
  };
}

async function mkbaRowOf(db: Kysely<Database>, alternativeId: string): Promise<q.MkbaRow> {
  const mkba = await q.findMkba(learningDb(db), await mkbaOfAlternative(db, alternativeId));
  if (!mkba) throw notFound('MKBA', 'mkba.not_found');
  return mkba;
}

export async function addLinkedBenefit(db: Kysely<Database>, actor: Actor, alternativeId: string, body: LinkedBenefitBody, auditActor?: AuditActor): Promise<MkbaDetail> {
  const mkba = await mkbaRowOf(db, alternativeId);
  const reader = new GoalReader(db, actor);
  const used = await reader.read(body.goalId, mkba.area_code);
  if (typeof used === 'string') refuse(used, 'body.goalId', GOAL_PROBLEM_TEXT[used]);
  if ((used.goal.target - used.goal.baseline) * used.direction <= 0) refuse('goal_without_gain', 'body.goalId', GOAL_PROBLEM_TEXT.goal_without_gain);
  const quantity = body.quantity ?? null;
  await checkQuantity(reader, used, quantity, mkba.area_code);
  return changeMkba(db, actor, mkba.id, async (tx, _mkba, raw) => {
    const measureId = body.measureId ?? null;
    await checkMeasure(tx, measureId, alternativeId);
    const values: lq.LinkedBenefitValues = {
      alternative_id: alternativeId,
      measure_id: measureId,
      goal_id: body.goalId,
      actor: body.actor,
      unit_value_cents: body.unitValueCents,
      unit_value_source: body.unitValueSource,
      ...quantityColumns(quantity),
      description: body.description ?? '',
    };
    const id = await lq.insertLinkedBenefit(tx, values);
    await withAudit(raw, auditActor ?? actor, 'mkba.linked_benefit.create', { type: 'mkba_linked_benefit', id }, { ...values, goalName: used.goal.name });
  });
}

/**
 * Changes a linked benefit's actor, unit value and its source, quantity, measure or description; its goal stays
 * (link anew for another goal). Only a new quantity needs the goal: it is checked against the goal as it is now,
 * as when linking. Other changes need no goal, so a benefit whose goal is gone can still be corrected.
 */
export async function changeLinkedBenefit(db: Kysely<Database>, actor: Actor, id: string, body: UpdateLinkedBenefit): Promise<MkbaDetail> {
  const found = await lq.findLinkedBenefit(learningDb(db), id);
  if (!found) throw linkedBenefitNotFound();
  const mkba = await mkbaRowOf(db, found.alternative_id);
  if (body.quantity !== undefined) {
    const reader = new GoalReader(db, actor);
    const used = await reader.read(found.goal_id, mkba.area_code);
    if (typeof used === 'string') refuse(used, 'body.quantity', GOAL_PROBLEM_TEXT[used]);
    await checkQuantity(reader, used, body.quantity ?? null, mkba.area_code);
  }
  return changeMkba(db, actor, mkba.id, async (tx, _mkba, raw) => {
    // Read again under the MKBA's lock: it may have been deleted meanwhile.
    const row = await lq.findLinkedBenefit(tx, id);
    if (!row) throw linkedBenefitNotFound();
    const measureId = body.measureId !== undefined ? body.measureId : row.measure_id;
    await checkMeasure(tx, measureId, row.alternative_id);
    const stored = { kind: row.quantity_kind as lq.LinkedBenefitValues['quantity_kind'], value: row.quantity_value, source: row.quantity_source };
    const values = {
      measure_id: measureId,
      actor: body.actor ?? row.actor,
      unit_value_cents: body.unitValueCents ?? Number(row.unit_value_cents),
      unit_value_source: body.unitValueSource ?? row.unit_value_source,
      ...(body.quantity !== undefined ? quantityColumns(body.quantity) : { quantity_kind: stored.kind, quantity_value: stored.value, quantity_source: stored.source }),
      description: body.description ?? row.description,
    };
    await lq.updateLinkedBenefit(tx, id, values);
    const previous = { actor: row.actor, unitValueCents: Number(row.unit_value_cents), unitValueSource: row.unit_value_source, quantityKind: stored.kind, quantityValue: stored.value, quantitySource: stored.source, measureId: row.measure_id };
    await withAudit(raw, actor, 'mkba.linked_benefit.update', { type: 'mkba_linked_benefit', id }, { ...values, goal: row.goal_id, previous });
  });
}

export async function removeLinkedBenefit(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaDetail> {
  const row = await lq.findLinkedBenefit(learningDb(db), id);
  if (!row) throw linkedBenefitNotFound();
  return changeMkba(db, actor, await mkbaOfAlternative(db, row.alternative_id), async (tx, _mkba, raw) => {
    await lq.deleteLinkedBenefit(tx, id);
    await withAudit(raw, actor, 'mkba.linked_benefit.delete', { type: 'mkba_linked_benefit', id }, { goal: row.goal_id, actor: row.actor, unitValueCents: Number(row.unit_value_cents) });
  });
}

/** The operational goals of the programmes the caller may see that are measured in the MKBA's area. */
export async function linkableGoals(db: Kysely<Database>, actor: Actor, mkbaId: string): Promise<LinkableGoal[]> {
  const mkba = await readMkba(db, actor, mkbaId);
  const reader = new GoalReader(db, actor);
  const catalogue = await reader.indicators();
  const goals = (await listGoalsWithStatus(db, actor)).filter((g) => g.area === mkba.areaCode);
  const items: LinkableGoal[] = [];
  for (const goal of goals) {
    const indicator = catalogue.get(goal.indicator);
    if (!indicator) continue;
    const needsQuantity = indicator.aggregation !== 'sum';
    const area = needsQuantity ? await reader.areaQuantity(indicator, mkba.areaCode) : null;
    items.push({
      id: goal.id,
      name: goal.name,
      indicatorName: goal.indicatorName,
      unit: goal.unit,
      baseline: goal.baseline,
      baselineDate: goal.baselineDate,
      target: goal.target,
      targetDate: goal.targetDate,
      needsQuantity,
      areaQuantityName: area?.name ?? null,
    });
  }
  return items;
}
