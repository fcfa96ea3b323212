import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { findAreaNames, findBuurtOrWijk, findChildAreasOf, findFocusAreaMembers } from '../../areas/index.js';
import { listProgrammesWithGoals } from '../../programmes/index.js';
import type { InitiativeOptions } from '../contract.js';
import { findWijkbudgets } from './initiatives.queries.js';
import { initiativesDb } from './initiatives.tables.js';

/** A buurt or wijk a resident may choose, with the programme goals its initiative may serve. */
export interface AreaOption {
  code: string;
  name: string;
  level: 'wijk' | 'buurt';
  wijkCode: string;
  wijkName: string;
  /** The focus area through which a programme covers it, if any. */
  focusCode: string | null;
  goalIds: string[];
}

export interface GoalOption {
  id: string;
  name: string;
  programmeId: string;
  programmeName: string;
}

/**
 * The areas residents can choose: every wijk a programme covers (directly or as a member of its focus area),
 * and the buurten of those wijken, each with the strategic goals of the programmes covering it. A programme
 * without goals offers nothing to choose, so its areas are left out.
 */
export async function loadAreaOptions(db: Kysely<Database>): Promise<{ areas: Map<string, AreaOption>; goals: Map<string, GoalOption> }> {
  const areas = new Map<string, AreaOption>();
  const goals = new Map<string, GoalOption>();
  for (const programme of await listProgrammesWithGoals(db)) {
    if (programme.goals.length === 0) continue;
    const goalIds = programme.goals.map((g) => g.id);
    for (const g of programme.goals) goals.set(g.id, { id: g.id, name: g.name, programmeId: programme.id, programmeName: programme.name });
    for (const code of programme.areaCodes) {
      const members = await findFocusAreaMembers(db, code);
      const focusCode = members.length ? code : null;
      for (const memberCode of members.length ? members : [code]) await addArea(db, areas, memberCode, focusCode, goalIds);
    }
  }
  return { areas, goals };
}

async function addArea(db: Kysely<Database>, areas: Map<string, AreaOption>, code: string, focusCode: string | null, goalIds: string[]): Promise<void> {
  const placed = await findBuurtOrWijk(db, code);
  if (!placed) return;
  const wijkCode = placed.wijkCode ?? placed.code;
  const wijkName = placed.level === 'wijk' ? placed.name : ((await findAreaNames(db, [wijkCode])).get(wijkCode) ?? wijkCode);
  merge(areas, { code: placed.code, name: placed.name, level: placed.level, wijkCode, wijkName, focusCode, goalIds });
  if (placed.level !== 'wijk') return;
  const buurten = (await findChildAreasOf(db, [placed.code], placed.year)).filter((c) => c.level === 'buurt');
  const names = await findAreaNames(db, buurten.map((b) => b.code));
  for (const b of buurten) merge(areas, { code: b.code, name: names.get(b.code) ?? b.code, level: 'buurt', wijkCode: placed.code, wijkName, focusCode, goalIds });
}

function merge(areas: Map<string, AreaOption>, option: AreaOption): void {
  const existing = areas.get(option.code);
  if (!existing) {
    areas.set(option.code, { ...option, goalIds: [...option.goalIds] });
    return;
  }
  for (const id of option.goalIds) if (!existing.goalIds.includes(id)) existing.goalIds.push(id);
  existing.focusCode ??= option.focusCode;
}

/** The form's choices: wijken first, each followed by its buurten, by name; `year` marks which have a wijkbudget. */
export async function initiativeOptions(db: Kysely<Database>, year: number): Promise<InitiativeOptions> {
  const { areas, goals } = await loadAreaOptions(db);
  const budgeted = new Set((await findWijkbudgets(initiativesDb(db), { year, areaCodes: [...areas.keys()] })).map((b) => b.area_code));
  const list = [...areas.values()].sort((a, b) => a.wijkName.localeCompare(b.wijkName, 'nl') || (a.level === 'wijk' ? -1 : b.level === 'wijk' ? 1 : a.name.localeCompare(b.name, 'nl')));
  return {
    areas: list.map((a) => ({ code: a.code, name: a.name, level: a.level, wijkName: a.wijkName, focusCode: a.focusCode, wijkbudgetThisYear: budgeted.has(a.code), goalIds: a.goalIds })),
    goals: [...goals.values()].map((g) => ({ id: g.id, name: g.name, programmeName: g.programmeName })),
  };
}
