import type { Kysely } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { listGoalsWithStatus } from '../../programmes/index.js';
import type { LinkableGoal, LinkedBenefitBody, MkbaDetail } from '../contract.js';
import { GOAL_PROBLEM_TEXT, GoalReader } from './linked-benefit-goal.js';
import { learningDb } from './learning.tables.js';
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

export async function addLinkedBenefit(db: Kysely<Database>, actor: Actor, alternativeId: string, body: LinkedBenefitBody, auditActor?: AuditActor): Promise<MkbaDetail> {
  const mkbaId = await mkbaOfAlternative(db, alternativeId);
  const mkba = await q.findMkba(learningDb(db), mkbaId);
  if (!mkba) throw notFound('MKBA', 'mkba.not_found');
  const reader = new GoalReader(db, actor);
  const used = await reader.read(body.goalId, mkba.area_code);
  if (typeof used === 'string') refuse(used, 'body.goalId', GOAL_PROBLEM_TEXT[used]);
  if ((used.goal.target - used.goal.baseline) * used.direction <= 0) refuse('goal_without_gain', 'body.goalId', GOAL_PROBLEM_TEXT.goal_without_gain);
  const quantity = body.quantity ?? null;
  if (used.needsQuantity && !quantity) refuse('quantity_required', 'body.quantity', 'the indicator is a rate or share: say what it applies to (the area figure or a number with its source)');
  if (!used.needsQuantity && quantity) refuse('quantity_not_applicable', 'body.quantity', 'the indicator is a count: it needs no quantity');
  if (quantity?.kind === 'area_figure' && !(await reader.areaQuantity(used.indicator, mkba.area_code))) {
    refuse('no_area_quantity', 'body.quantity', 'the area has no figure this rate applies to; enter a number with its source');
  }
  return changeMkba(db, actor, mkbaId, async (tx, _mkba, raw) => {
    const measureId = body.measureId ?? null;
    if (measureId) {
      const measure = await q.findMeasure(tx, measureId);
      if (!measure || measure.alternative_id !== alternativeId) refuse('measure_not_in_alternative', 'body.measureId', 'not a measure of this alternative');
    }
    const values: lq.LinkedBenefitValues = {
      alternative_id: alternativeId,
      measure_id: measureId,
      goal_id: body.goalId,
      actor: body.actor,
      unit_value_cents: body.unitValueCents,
      unit_value_source: body.unitValueSource,
      quantity_kind: quantity?.kind ?? 'none',
      quantity_value: quantity?.kind === 'entered' ? quantity.value : null,
      quantity_source: quantity?.kind === 'entered' ? quantity.source : null,
      description: body.description ?? '',
    };
    const id = await lq.insertLinkedBenefit(tx, values);
    await withAudit(raw, auditActor ?? actor, 'mkba.linked_benefit.create', { type: 'mkba_linked_benefit', id }, { ...values, goalName: used.goal.name });
  });
}

export async function removeLinkedBenefit(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaDetail> {
  const row = await lq.findLinkedBenefit(learningDb(db), id);
  if (!row) throw notFound('Linked benefit', 'mkba.linked_benefit_not_found');
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
