import { hasPermission, type AuditActor, type Role } from '../../../platform/server/index.js';

/** Who acts: a logged-in user, or the system seeding demo data (audited as such). */
export interface FinanceActor extends AuditActor {
  displayName: string;
  roles: readonly Role[];
  /** CBS area codes the user is limited to (empty or absent: no limit); they narrow which activities it sees. */
  areaScopes?: readonly string[];
}

/**
 * Who sees which money. Finance and programme roles (they manage or spend) see all of it; anyone else with
 * finance.read (partners) sees only funding sources their organisation funds or co-finances, and the budget
 * lines those sources finance. Returns the organisation to filter on, or null for everything.
 */
export function partnerFilter(actor: FinanceActor): string | null {
  const full = hasPermission(actor.roles, 'finance.manage') || hasPermission(actor.roles, 'finance.spend');
  // No organisation and no full right: filter on an id no source has, so nothing shows.
  return full ? null : (actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
}
