import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalid, sha256Hex, withAudit, type Database } from '../../../platform/server/index.js';
import { FOLLOW_PATH_PREFIX, type Submitted } from '../contract.js';
import { loadAreaOptions } from './area-options.service.js';
import { RESIDENT } from './deciders.js';
import { insertContact, insertInitiative, insertStatusChange } from './initiatives.queries.js';
import { initiativesDb } from './initiatives.tables.js';

/** The resident submitting, as the audit log records them: no account and no personal data. */
const PUBLIC_ACTOR = { userId: null, username: 'public', organisationId: null };

export type ParsedSubmission = { title: string; description: string; areaCode: string; place: string; costCents: number; goalId: string; contact: { name: string; email: string; phone: string } };

/**
 * A resident's initiative (no account). The contact details go to their own table; the resident gets a
 * private follow link whose token is stored only as its SHA-256. Nothing is stored when the area or goal
 * does not fit (422 naming the field).
 */
export async function submitInitiative(db: Kysely<Database>, input: ParsedSubmission, now: Date, options: { isExample?: boolean } = {}): Promise<Submitted> {
  const { areas, goals } = await loadAreaOptions(db);
  const area = areas.get(input.areaCode);
  if (!area) throw invalid('initiatives.unknown_area', 'Unknown area', [{ path: 'areaCode', message: 'not a buurt or wijk of a programme' }]);
  const goal = goals.get(input.goalId);
  if (!goal || !area.goalIds.includes(goal.id)) throw invalid('initiatives.unknown_goal', 'This goal is not one of the area\'s programme', [{ path: 'goalId', message: 'not a goal of a programme of this area' }]);
  const followToken = randomBytes(32).toString('base64url');
  const id = await db.transaction().execute(async (tx) => {
    const idb = initiativesDb(tx);
    const id = await insertInitiative(idb, {
      title: input.title,
      description: input.description,
      areaCode: area.code,
      areaName: area.name,
      wijkCode: area.wijkCode,
      focusCode: area.focusCode,
      place: input.place,
      costCents: input.costCents,
      programmeId: goal.programmeId,
      goalId: goal.id,
      goalName: goal.name,
      followTokenHash: sha256Hex(followToken),
      isExample: options.isExample ?? false,
      submittedAt: now,
    });
    await insertContact(idb, id, input.contact);
    await insertStatusChange(idb, { initiativeId: id, from: null, to: 'ingediend', reason: 'Ingediend via het formulier voor bewoners.', ...RESIDENT, at: now });
    // The audit row names what was submitted, never who: the contact details are personal data.
    await withAudit(tx, PUBLIC_ACTOR, 'initiatives.submit', { type: 'initiative', id }, { areaCode: area.code, goalId: goal.id, costCents: input.costCents, example: options.isExample ?? false }, now);
    return id;
  });
  return { id, followToken, followPath: `${FOLLOW_PATH_PREFIX}/${followToken}` };
}

