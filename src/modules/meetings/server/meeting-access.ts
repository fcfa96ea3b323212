import { hasPermission, type AuditActor, type Role } from '../../../platform/server/index.js';
import type { MeetingScope } from './meetings.queries.js';

/**
 * Who sees and changes what. Municipal roles (administrator, programme manager, analyst, finance) see every
 * meeting within their area scope; a partner sees a meeting only when their organisation takes part in it
 * or owns one of its actions, and changes only the status of actions their organisation owns.
 */
export interface MeetingsActor extends AuditActor {
  organisationId: string | null;
  roles: readonly Role[];
  areaScopes: readonly string[];
}

const MUNICIPAL_ROLES: readonly Role[] = ['administrator', 'programme_manager', 'analyst', 'finance'];

export function meetingScopeOf(actor: MeetingsActor): MeetingScope {
  const municipal = actor.roles.some((role) => MUNICIPAL_ROLES.includes(role));
  return {
    partnerOrganisationId: municipal ? null : (actor.organisationId ?? '00000000-0000-0000-0000-000000000000'),
    partnerUserId: municipal ? null : actor.userId,
    areaScopes: actor.areaScopes,
  };
}

export function canManageMeetings(actor: MeetingsActor): boolean {
  return hasPermission(actor.roles, 'meetings.manage');
}

export function ownsAction(actor: MeetingsActor, action: { owner_user_id: string | null; owner_organisation_id: string }): boolean {
  if (actor.userId !== null && action.owner_user_id === actor.userId) return true;
  return actor.organisationId !== null && action.owner_organisation_id === actor.organisationId;
}

export function canUpdateAction(actor: MeetingsActor, action: { owner_user_id: string | null; owner_organisation_id: string }): boolean {
  return canManageMeetings(actor) || (hasPermission(actor.roles, 'meetings.read') && ownsAction(actor, action));
}
