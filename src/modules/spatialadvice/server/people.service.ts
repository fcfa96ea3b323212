import type { Kysely } from 'kysely';
import { hasPermission, type Database } from '../../../platform/server/index.js';
import { findUsers } from '../../auth/index.js';
import { withinAreaScope, type AdvicePlace } from './access.js';

/**
 * The people who may take part in a scan or own a condition: enabled users whose roles hold
 * spatialadvice.score (auth's index.ts). Only names and organisations leave this module; the list is for
 * managers of advices (the route's permission), as the planning forms' user list is.
 */
export async function listScorers(db: Kysely<Database>, place?: AdvicePlace): Promise<{ id: string; name: string; organisation: string }[]> {
  const users = await findUsers(db);
  return users
    // For one advice: only people whose area scope covers its place, who could open it afterwards (access.ts).
    .filter((u) => !u.disabled && hasPermission(u.roles, 'spatialadvice.score') && (!place || withinAreaScope(u.areaScopes, place)))
    .map((u) => ({ id: u.id, name: u.displayName, organisation: u.organisationName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
