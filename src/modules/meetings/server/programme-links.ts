import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { OffTrackGoal, SlippingActivity } from '../contract.js';

/**
 * What the meetings module asks the programmes module: names of goals, activities and programmes to link
 * agenda items to, and what slips for the direction dashboard. This build has no programmes module yet,
 * so there is nothing to link to and the dashboard says so (null) instead of showing an empty list.
 */
export type ProgrammeLinkKind = 'goal' | 'activity' | 'programme';

export async function findProgrammeLinkTarget(_db: Kysely<Database>, _kind: ProgrammeLinkKind, _id: string): Promise<{ label: string; municipalityCode: string | null } | null> {
  return null;
}

export async function findDirectionSignals(
  _db: Kysely<Database>,
  _today: string,
): Promise<{ slippingActivities: Omit<SlippingActivity, 'escalated'>[]; offTrackGoals: Omit<OffTrackGoal, 'escalated'>[] } | null> {
  return null;
}

export async function listProgrammeLinkOptions(_db: Kysely<Database>, _municipality: string): Promise<{ kind: ProgrammeLinkKind; id: string; label: string }[]> {
  return [];
}

/** Goals and activities of the programmes module's demo programme, to link the demo meeting's agenda to. */
export async function findDemoProgrammeLinks(_db: Kysely<Database>): Promise<{ housing: { kind: ProgrammeLinkKind; id: string }[]; youth: { kind: ProgrammeLinkKind; id: string }[] }> {
  return { housing: [], youth: [] };
}
