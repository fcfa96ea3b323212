import type { Kysely, Transaction } from 'kysely';
import { withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { insertActivity, insertStatusChange, replaceActivityLinks } from './activities.queries.js';
import { findProgrammeAreaCodes, findProgrammeRows, findStrategicGoals } from './programmes.queries.js';
import { programmesDb } from './programmes.tables.js';

/**
 * What the initiatives module uses of programmes (docs/initiatives.md): the goals residents may choose per
 * area, and turning a granted initiative into an activity under its goal.
 */

export interface ProgrammeGoals {
  id: string;
  name: string;
  municipalityCode: string;
  /** The programme's area codes (buurt, wijk or focus area). */
  areaCodes: string[];
  /** Strategic goals, in the programme's order. */
  goals: { id: string; name: string }[];
}

/** Every programme with its areas and strategic goals (no access check: these are public goals). */
export async function listProgrammesWithGoals(db: Kysely<Database>): Promise<ProgrammeGoals[]> {
  const pdb = programmesDb(db);
  const rows = await findProgrammeRows(pdb);
  const areas = await findProgrammeAreaCodes(pdb, rows.map((r) => r.id));
  const result: ProgrammeGoals[] = [];
  for (const row of rows) {
    const goals = await findStrategicGoals(pdb, row.id);
    result.push({ id: row.id, name: row.name, municipalityCode: row.municipality_code, areaCodes: areas.get(row.id) ?? [], goals: goals.map((g) => ({ id: g.id, name: g.name })) });
  }
  return result;
}

export interface ActivityFromInitiative {
  programmeId: string;
  name: string;
  description: string;
  ownerOrganisationId: string;
  start: string;
  end: string;
  areas: string[];
  strategicGoalId: string;
}

/**
 * Makes a planned activity inside the caller's transaction (the grant's), audited as `activity.create` with
 * where it came from. The caller has checked the programme and goal; returns the activity's id.
 */
export async function createActivityFromInitiative(tx: Transaction<Database>, actor: Actor, input: ActivityFromInitiative, initiativeId: string, now: Date): Promise<string> {
  const pdb = programmesDb(tx);
  const id = await insertActivity(pdb, {
    programmeId: input.programmeId,
    executionProgrammeId: null,
    name: input.name,
    description: input.description,
    ownerOrganisationId: input.ownerOrganisationId,
    ownerUserId: null,
    start: input.start,
    end: input.end,
    status: 'planned',
  });
  await replaceActivityLinks(pdb, id, { partnerOrganisationIds: [], areas: input.areas, strategicGoalIds: [input.strategicGoalId], operationalGoalIds: [] });
  await insertStatusChange(pdb, id, { from: null, to: 'planned', note: 'Toegekend bewonersinitiatief', by: actor.userId, at: now });
  await withAudit(tx, actor, 'activity.create', { type: 'activity', id }, { programmeId: input.programmeId, name: input.name, areas: input.areas, status: 'planned', fromInitiative: initiativeId }, now);
  return id;
}
