import type { Kysely } from 'kysely';
import { actorPermissions, type Actor, type Database } from '../../../platform/server/index.js';
import { withinAreaScope } from './access.js';
import * as q from './spatialadvice.queries.js';
import { spatialDb } from './spatialadvice.tables.js';

/** An open condition of a signed advice that the person owns: late, or due within the worklist's horizon. */
export interface WorklistCondition {
  id: string;
  scanId: string;
  text: string;
  /** The place the advice is about. */
  placeName: string;
  dueDate: string;
  overdue: boolean;
  daysOverdue: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * For the personal worklist (worklist module): the caller's own open conditions that are late or due within
 * `horizonDays` of `today` (a Dutch calendar day). Nothing for who may no longer work on advices.
 */
export async function listConditionsForWorklist(db: Kysely<Database>, actor: Actor, today: string, horizonDays: number): Promise<WorklistCondition[]> {
  if (!actorPermissions(actor).has('spatialadvice.score')) return [];
  const rows = await q.findOpenConditions(spatialDb(db), actor.userId);
  return rows
    // Only advices the owner may open (access.ts): the link would otherwise lead to "not found".
    .filter((row) => withinAreaScope(actor.areaScopes, { municipalityCode: row.municipality_code, areaCode: row.area_code }))
    .filter((row) => dayNumber(row.due_date) - dayNumber(today) <= horizonDays)
    .map((row) => ({
      id: row.id,
      scanId: row.scan_id,
      text: row.text,
      placeName: row.place_name,
      dueDate: row.due_date,
      overdue: row.due_date < today,
      daysOverdue: Math.max(0, dayNumber(today) - dayNumber(row.due_date)),
    }));
}
