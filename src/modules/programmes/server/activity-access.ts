import { hasPermission, type Actor } from '../../../platform/server/index.js';

/**
 * Who sees and changes which activity (docs/programmes.md "Permissions"). Partners see and update what they
 * own, and report progress on what they take part in; every other role that may read programmes (the
 * programme manager, analysts, finance, administrators and the council) sees all activities. An area scope
 * narrows that further to activities of the municipality or areas in the scope.
 */
export interface ActivityAccessFacts {
  municipalityCode: string;
  ownerOrganisationId: string;
  partnerOrganisationIds: readonly string[];
  areaCodes: readonly string[];
}

type AccessActor = Pick<Actor, 'roles' | 'organisationId' | 'areaScopes'>;

const SEES_ALL_ROLES = new Set(['administrator', 'programme_manager', 'analyst', 'finance', 'viewer']);

export function withinAreaScope(actor: Pick<Actor, 'areaScopes'>, municipalityCode: string, areaCodes: readonly string[]): boolean {
  if (actor.areaScopes.length === 0) return true;
  return actor.areaScopes.includes(municipalityCode) || areaCodes.some((code) => actor.areaScopes.includes(code));
}

export function isInvolved(actor: Pick<Actor, 'organisationId'>, facts: Pick<ActivityAccessFacts, 'ownerOrganisationId' | 'partnerOrganisationIds'>): boolean {
  return facts.ownerOrganisationId === actor.organisationId || facts.partnerOrganisationIds.includes(actor.organisationId);
}

export function canSeeActivity(actor: AccessActor, facts: ActivityAccessFacts): boolean {
  if (!hasPermission(actor.roles, 'programmes.read')) return false;
  if (!withinAreaScope(actor, facts.municipalityCode, facts.areaCodes)) return false;
  if (actor.roles.some((role) => SEES_ALL_ROLES.has(role))) return true;
  return isInvolved(actor, facts);
}

/** Edit the plan of an activity (name, dates, owner, partners, areas, goals, milestones): the programme manager. */
export function canEditActivity(actor: AccessActor, facts: ActivityAccessFacts): boolean {
  return canSeeActivity(actor, facts) && hasPermission(actor.roles, 'programmes.manage');
}

/** Move it through the workflow and tick off milestones: the programme manager or the owning organisation. */
export function canChangeActivityStatus(actor: AccessActor, facts: ActivityAccessFacts): boolean {
  if (!canSeeActivity(actor, facts)) return false;
  if (hasPermission(actor.roles, 'programmes.manage')) return true;
  return hasPermission(actor.roles, 'activities.update') && facts.ownerOrganisationId === actor.organisationId;
}

/** Report progress: the programme manager, the owning organisation or a partner organisation. */
export function canReportProgress(actor: AccessActor, facts: ActivityAccessFacts): boolean {
  if (!canSeeActivity(actor, facts)) return false;
  if (hasPermission(actor.roles, 'programmes.manage')) return true;
  return hasPermission(actor.roles, 'activities.update') && isInvolved(actor, facts);
}
