import type { TargetKind } from '../contract.js';
import type { ProgrammesDb } from './programmes.tables.js';
import { dateText } from './sql-dates.js';

/** SQL of operational goals. */

export interface GoalRow {
  id: string;
  programme_id: string;
  strategic_goal_id: string | null;
  name: string;
  indicator_code: string;
  area_code: string;
  baseline_value: number;
  baseline_date: string;
  target_kind: TargetKind;
  target_value: number | null;
  target_date: string;
  is_example: boolean;
}

export async function findGoalRows(db: ProgrammesDb, filter: { programmeId?: string; id?: string; ids?: readonly string[] }): Promise<GoalRow[]> {
  let query = db
    .selectFrom('operational_goals as g')
    .leftJoin('strategic_goals as s', 's.id', 'g.strategic_goal_id')
    .select([
      'g.id',
      'g.programme_id',
      'g.strategic_goal_id',
      'g.name',
      'g.indicator_code',
      'g.area_code',
      'g.baseline_value',
      dateText('g.baseline_date').as('baseline_date'),
      'g.target_kind',
      'g.target_value',
      dateText('g.target_date').as('target_date'),
      'g.is_example',
    ])
    .orderBy('s.position')
    .orderBy('g.name')
    .orderBy('g.id');
  if (filter.programmeId) query = query.where('g.programme_id', '=', filter.programmeId);
  if (filter.id) query = query.where('g.id', '=', filter.id);
  if (filter.ids) query = query.where('g.id', 'in', filter.ids.length ? [...filter.ids] : ['00000000-0000-0000-0000-000000000000']);
  return query.execute();
}

export interface GoalWrite {
  strategicGoalId: string | null;
  name: string;
  indicator: string;
  area: string;
  baseline: number;
  baselineDate: string;
  targetKind: TargetKind;
  target: number | null;
  targetDate: string;
  isExample: boolean;
}

export async function insertGoal(db: ProgrammesDb, programmeId: string, g: GoalWrite): Promise<string> {
  const row = await db
    .insertInto('operational_goals')
    .values({
      programme_id: programmeId,
      strategic_goal_id: g.strategicGoalId,
      name: g.name,
      indicator_code: g.indicator,
      area_code: g.area,
      baseline_value: g.baseline,
      baseline_date: g.baselineDate,
      target_kind: g.targetKind,
      target_value: g.target,
      target_date: g.targetDate,
      is_example: g.isExample,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGoalRow(db: ProgrammesDb, id: string, g: GoalWrite): Promise<void> {
  await db
    .updateTable('operational_goals')
    .set({
      strategic_goal_id: g.strategicGoalId,
      name: g.name,
      indicator_code: g.indicator,
      area_code: g.area,
      baseline_value: g.baseline,
      baseline_date: g.baselineDate,
      target_kind: g.targetKind,
      target_value: g.target,
      target_date: g.targetDate,
      is_example: g.isExample,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteGoalRow(db: ProgrammesDb, id: string): Promise<void> {
  await db.deleteFrom('operational_goals').where('id', '=', id).execute();
}
