import type { Actor, Permission } from '../../../platform/server/index.js';
import { hasPermission } from '../../../platform/server/index.js';

/**
 * Who decided, as stored with each step: the person (shown only inside the municipality) and the role and
 * organisation (also shown on the public follow page). The role is the first of the actor's roles that
 * carries the permission the step needed, so a programme manager who is also finance is named for the work.
 */
export function deciderOf(actor: Actor, permission: Permission): { by: string; name: string; role: string; organisation: string } {
  const role = actor.roles.find((r) => hasPermission([r], permission)) ?? actor.roles[0] ?? 'viewer';
  return { by: actor.userId, name: actor.displayName, role, organisation: actor.organisationName };
}

/** The resident who submits: no account, no name in the history. */
export const RESIDENT = { by: null, name: 'Bewoner', role: 'resident', organisation: '' } as const;

/** Euros as an English message reads them (the web words problems itself, from the code). */
export function euros(cents: number): string {
  return `EUR ${(cents / 100).toFixed(2)}`;
}
