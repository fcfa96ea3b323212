import { permissionsOf, type Permission } from '../../shared/permissions.js';
import type { Actor } from './actor.js';

/**
 * Permissions an API token never carries, whatever its user's roles: reading who is behind a pseudonym
 * and the data-subject export. Those reads are made by a person in a session that passed the MFA policy,
 * one at a time and audited per pseudonym; a token is a standing credential that a script (or whoever
 * copies it) can replay in bulk, so it cannot open the identity barrier (docs/adr/0007).
 */
export const TOKEN_EXCLUDED_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['signal_identities.read', 'signals.subject_export']);

/** The permissions of a set of roles; there are few distinct sets, so each is worked out once per kind of caller. */
const cache = new Map<string, ReadonlySet<Permission>>();

/** What this caller may do: its roles' permissions, less those a token never carries. */
export function actorPermissions(actor: Pick<Actor, 'roles' | 'via'>): ReadonlySet<Permission> {
  const key = `${actor.via}\n${actor.roles.join('\n')}`;
  let permissions = cache.get(key);
  if (!permissions) {
    const all = permissionsOf(actor.roles);
    permissions = actor.via === 'token' ? new Set([...all].filter((permission) => !TOKEN_EXCLUDED_PERMISSIONS.has(permission))) : all;
    cache.set(key, permissions);
  }
  return permissions;
}
