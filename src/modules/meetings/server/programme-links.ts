import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import {
  canActorSeeActivity,
  DEMO_ACTIVITY_NAMES,
  findActivityRef,
  findDemoActivityIdsByName,
  findDemoProgrammeId,
  findProgrammeSummary,
  listActivitiesOfProgramme,
  listGoalsWithStatus,
  listSlippingActivities,
  type OperationalGoal,
} from '../../programmes/index.js';
import type { OffTrackGoal, SlippingActivity } from '../contract.js';

/**
 * What the meetings module asks the programmes module (through its index.ts): names of goals, activities and
 * programmes to link agenda items to, and what slips for the direction dashboard. Access is the programmes
 * module's: a partner only gets to link or see activities their organisation may see.
 */
export type ProgrammeLinkKind = 'goal' | 'activity' | 'programme';

interface Target {
  label: string;
  municipalityCode: string;
}

async function findVisibleGoal(db: Kysely<Database>, actor: Actor, id: string): Promise<OperationalGoal | null> {
  return (await listGoalsWithStatus(db, actor)).find((g) => g.id === id) ?? null;
}

export async function findProgrammeLinkTarget(db: Kysely<Database>, actor: Actor, kind: ProgrammeLinkKind, id: string): Promise<Target | null> {
  if (kind === 'programme') {
    const programme = await findProgrammeSummary(db, id);
    return programme ? { label: programme.name, municipalityCode: programme.municipalityCode } : null;
  }
  if (kind === 'activity') {
    const activity = await findActivityRef(db, id);
    if (!activity || !(await canActorSeeActivity(db, actor, id))) return null;
    const programme = await findProgrammeSummary(db, activity.programmeId);
    return programme ? { label: activity.name, municipalityCode: programme.municipalityCode } : null;
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const goal = await findVisibleGoal(db, actor, id);
  const programme = goal && (await findProgrammeSummary(db, goal.programmeId));
  return goal && programme ? { label: goal.name, municipalityCode: programme.municipalityCode } : null;
}

/** Programmes of a municipality with their goals and activities, for the agenda item's link picker. */
export async function listProgrammeLinkOptions(db: Kysely<Database>, actor: Actor, municipality: string): Promise<{ kind: ProgrammeLinkKind; id: string; label: string }[]> {
  const goals = await listGoalsWithStatus(db, actor);
  const demo = await findDemoProgrammeId(db);
  const programmeIds = [...new Set([...goals.map((g) => g.programmeId), ...(demo ? [demo] : [])])];
  const options: { kind: ProgrammeLinkKind; id: string; label: string }[] = [];
  for (const programmeId of programmeIds) {
    const programme = await findProgrammeSummary(db, programmeId);
    if (!programme || programme.municipalityCode !== municipality) continue;
    options.push({ kind: 'programme', id: programme.id, label: programme.name });
    for (const goal of goals.filter((g) => g.programmeId === programmeId)) options.push({ kind: 'goal', id: goal.id, label: goal.name });
    for (const activity of await listActivitiesOfProgramme(db, programmeId)) {
      if (await canActorSeeActivity(db, actor, activity.id)) options.push({ kind: 'activity', id: activity.id, label: activity.name });
    }
  }
  return options;
}

/** What slips (activities past their end date) and which goals are off track or at risk, for the dashboard. */
export async function findDirectionSignals(
  db: Kysely<Database>,
  actor: Actor,
  today: string,
): Promise<{ slippingActivities: Omit<SlippingActivity, 'escalated'>[]; offTrackGoals: Omit<OffTrackGoal, 'escalated'>[] }> {
  const [slipping, goals] = await Promise.all([listSlippingActivities(db, actor, today), listGoalsWithStatus(db, actor)]);
  const programmeNames = new Map<string, string>();
  for (const id of new Set(goals.map((g) => g.programmeId))) programmeNames.set(id, (await findProgrammeSummary(db, id))?.name ?? '');
  const rank = { off_track: 0, at_risk: 1 } as Record<string, number>;
  return {
    slippingActivities: slipping.map((a) => ({
      id: a.id,
      name: a.name,
      programmeId: a.programmeId,
      programmeName: a.programmeName,
      ownerOrganisationName: a.ownerOrganisationName,
      endDate: a.end,
      status: a.status,
      progress: a.progress,
      daysOverdue: a.daysOverdue,
    })),
    offTrackGoals: goals
      .filter((g) => g.status === 'off_track' || g.status === 'at_risk')
      .sort((a, b) => (rank[a.status] ?? 2) - (rank[b.status] ?? 2) || a.targetDate.localeCompare(b.targetDate))
      .map((g) => ({
        id: g.id,
        name: g.name,
        programmeId: g.programmeId,
        programmeName: programmeNames.get(g.programmeId) ?? '',
        areaName: g.areaName,
        indicatorName: g.indicatorName,
        status: g.status,
        targetDate: g.targetDate,
      })),
  };
}

/** Goals and activities of the programmes module's demo programme, to link the demo meeting's agenda to. */
export async function findDemoProgrammeLinks(db: Kysely<Database>, actor: Actor): Promise<{ housing: { kind: ProgrammeLinkKind; id: string }[]; youth: { kind: ProgrammeLinkKind; id: string }[] }> {
  const programmeId = await findDemoProgrammeId(db);
  if (!programmeId) return { housing: [], youth: [] };
  const activities = await findDemoActivityIdsByName(db);
  const goals = await listGoalsWithStatus(db, actor, programmeId);
  const activity = (name: string) => {
    const id = activities.get(name);
    return id ? [{ kind: 'activity' as const, id }] : [];
  };
  const goal = (pattern: RegExp) => {
    const found = goals.find((g) => pattern.test(g.name));
    return found ? [{ kind: 'goal' as const, id: found.id }] : [];
  };
  return {
    housing: [...activity(DEMO_ACTIVITY_NAMES.housingRenovation), ...goal(/woningaanbod|eenpersoons/i)],
    youth: [...activity(DEMO_ACTIVITY_NAMES.youthPrevention), ...goal(/jongeren|veiligheid/i)],
  };
}
