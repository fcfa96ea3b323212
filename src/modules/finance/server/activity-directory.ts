import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { findActivityRef, findProgrammeSummary, listActivitiesOfProgramme } from '../../programmes/index.js';

/**
 * Activities and programmes belong to the programmes module; finance keeps their ids and asks through the
 * programmes interface. This file is the only place that does, so a change there touches one file here.
 */
export interface ActivityInfo {
  id: string;
  name: string;
  programmeId: string;
}

export async function findActivity(db: Kysely<Database>, id: string): Promise<ActivityInfo | null> {
  const ref = await findActivityRef(db, id);
  return ref ? { id: ref.id, name: ref.name, programmeId: ref.programmeId } : null;
}

export async function findProgramme(db: Kysely<Database>, id: string): Promise<{ id: string; name: string } | null> {
  const summary = await findProgrammeSummary(db, id);
  return summary ? { id: summary.id, name: summary.name } : null;
}

export async function activitiesOf(db: Kysely<Database>, programmeId: string): Promise<{ id: string; name: string }[]> {
  return (await listActivitiesOfProgramme(db, programmeId)).map((a) => ({ id: a.id, name: a.name }));
}
