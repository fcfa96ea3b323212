import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import type { OperationalGoal } from '../contract.js';
import { GoalFigures } from './goal-figures.js';
import { findGoalRows } from './goals.queries.js';
import { canActorSeeProgramme } from './report-api.js';
import { programmesDb } from './programmes.tables.js';

/**
 * One operational goal with its status, for the learning module's linked MKBA benefits: read at the moment
 * the MKBA is calculated, so a changed baseline or target changes the MKBA too. Null when the goal does not
 * exist (any more) or lies in a programme the actor may not see — the caller cannot tell the two apart.
 */
export async function findOperationalGoal(db: Kysely<Database>, actor: Actor, goalId: string): Promise<OperationalGoal | null> {
  const [row] = await findGoalRows(programmesDb(db), { id: goalId });
  if (!row || !(await canActorSeeProgramme(db, actor, row.programme_id))) return null;
  return new GoalFigures(db, actor).evaluate(row);
}
