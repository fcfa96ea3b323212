import type { Kysely } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import type { GoalDetail, GoalInputParsed, OperationalGoal } from '../contract.js';
import { GoalFigures } from './goal-figures.js';
import { deleteGoalRow, findGoalRows, insertGoal, updateGoalRow, type GoalWrite } from './goals.queries.js';
import { findStrategicGoals } from './programmes.queries.js';
import { findVisibleProgramme, listProgrammes } from './programmes.service.js';
import { programmesDb } from './programmes.tables.js';

async function checkGoalInput(db: Kysely<Database>, actor: Actor, programmeId: string, municipalityCode: string, input: GoalInputParsed): Promise<GoalWrite> {
  const errors: FieldError[] = [];
  const figures = new GoalFigures(db, actor);
  if (input.targetDate <= input.baselineDate) errors.push({ path: 'body.targetDate', message: 'must lie after baselineDate' });
  if (input.targetKind === 'fixed' && input.target === undefined) errors.push({ path: 'body.target', message: 'required for a fixed target' });
  if (input.targetKind === 'municipality_average' && input.target !== undefined) errors.push({ path: 'body.target', message: 'the municipality average is computed from the figures; leave target out' });
  const indicator = await figures.indicator(input.indicator);
  if (!indicator) errors.push({ path: 'body.indicator', message: `unknown indicator ${input.indicator}` });
  // A count (inhabitants, dwellings) of an area is not comparable with the whole municipality's count.
  else if (input.targetKind === 'municipality_average' && indicator.aggregation === 'sum') {
    errors.push({ path: 'body.targetKind', message: 'a count cannot reach the municipality average; use a share or rate, or a fixed target' });
  }
  const area = await figures.area(input.area);
  if (!area) errors.push({ path: 'body.area', message: `unknown area ${input.area}` });
  else if (area.municipalityCode !== municipalityCode) errors.push({ path: 'body.area', message: `${input.area} does not lie in the programme's municipality` });
  if (input.strategicGoalId !== null) {
    const strategic = await findStrategicGoals(programmesDb(db), programmeId);
    if (!strategic.some((g) => g.id === input.strategicGoalId)) errors.push({ path: 'body.strategicGoalId', message: 'not a strategic goal of this programme' });
  }
  if (errors.length) throw invalid('goal.invalid', 'The goal is not valid', errors);
  return {
    strategicGoalId: input.strategicGoalId,
    name: input.name,
    indicator: input.indicator,
    area: input.area,
    baseline: input.baseline,
    baselineDate: input.baselineDate,
    targetKind: input.targetKind,
    target: input.targetKind === 'fixed' ? (input.target ?? null) : null,
    targetDate: input.targetDate,
    isExample: input.isExample,
  };
}

export async function getGoal(db: Kysely<Database>, actor: Actor, programmeId: string, goalId: string): Promise<GoalDetail> {
  await findVisibleProgramme(db, actor, programmeId);
  const [row] = await findGoalRows(programmesDb(db), { id: goalId });
  if (!row || row.programme_id !== programmeId) throw notFound('Goal', 'goal.not_found');
  return new GoalFigures(db, actor).evaluate(row, true);
}

export async function createGoal(db: Kysely<Database>, actor: Actor, programmeId: string, input: GoalInputParsed): Promise<GoalDetail> {
  const programme = await findVisibleProgramme(db, actor, programmeId);
  const write = await checkGoalInput(db, actor, programmeId, programme.municipality_code, input);
  const id = await db.transaction().execute(async (tx) => {
    const id = await insertGoal(programmesDb(tx), programmeId, write);
    await withAudit(tx, actor, 'goal.create', { type: 'operational_goal', id }, { programmeId, ...write });
    return id;
  });
  return getGoal(db, actor, programmeId, id);
}

export async function updateGoal(db: Kysely<Database>, actor: Actor, programmeId: string, goalId: string, input: GoalInputParsed): Promise<GoalDetail> {
  const programme = await findVisibleProgramme(db, actor, programmeId);
  const [row] = await findGoalRows(programmesDb(db), { id: goalId });
  if (!row || row.programme_id !== programmeId) throw notFound('Goal', 'goal.not_found');
  const write = await checkGoalInput(db, actor, programmeId, programme.municipality_code, input);
  await db.transaction().execute(async (tx) => {
    await updateGoalRow(programmesDb(tx), goalId, write);
    await withAudit(tx, actor, 'goal.update', { type: 'operational_goal', id: goalId }, { programmeId, ...write });
  });
  return getGoal(db, actor, programmeId, goalId);
}

export async function removeGoal(db: Kysely<Database>, actor: Actor, programmeId: string, goalId: string): Promise<void> {
  await findVisibleProgramme(db, actor, programmeId);
  const [row] = await findGoalRows(programmesDb(db), { id: goalId });
  if (!row || row.programme_id !== programmeId) throw notFound('Goal', 'goal.not_found');
  await db.transaction().execute(async (tx) => {
    await deleteGoalRow(programmesDb(tx), goalId);
    await withAudit(tx, actor, 'goal.delete', { type: 'operational_goal', id: goalId }, { programmeId, name: row.name });
  });
}

/** Operational goals with their status, of one programme or of every programme the actor may see. */
export async function listGoalsWithStatus(db: Kysely<Database>, actor: Actor, programmeId?: string): Promise<OperationalGoal[]> {
  const programmeIds = programmeId ? [(await findVisibleProgramme(db, actor, programmeId)).id] : (await listProgrammes(db, actor)).map((p) => p.id);
  const figures = new GoalFigures(db, actor);
  const out: OperationalGoal[] = [];
  for (const id of programmeIds) {
    const rows = await findGoalRows(programmesDb(db), { programmeId: id });
    out.push(...(await Promise.all(rows.map((row) => figures.evaluate(row)))));
  }
  return out;
}
