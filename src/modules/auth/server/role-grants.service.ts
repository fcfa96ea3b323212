import type { Kysely, Transaction } from 'kysely';
import { AppError, conflict, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import type { RoleGrantDecision, User } from '../contract.js';
import { addUserRole, closeGrant, insertPendingGrant, lockGrant, withdrawPendingGrants } from './role-grants.queries.js';
import { findUserById } from './users.queries.js';

/**
 * Four-eyes on the roles that open the identity barrier (docs/adr/0007): an administrator's grant of
 * case_officer or administrator waits here until another administrator approves or rejects it. Every step
 * is audited in the transaction that makes it.
 */

/** Opens a pending grant per role (one already pending is left as it is); called by users.service. */
export async function requestRoleGrants(tx: Transaction<Database>, actor: AuditActor, userId: string, roles: readonly string[]): Promise<void> {
  if (roles.length === 0) return;
  if (actor.userId === null) throw new Error('the operator assigns roles directly');
  const requestedBy = actor.userId;
  const now = new Date();
  for (const role of roles) {
    const id = await insertPendingGrant(tx, { userId, role, requestedBy, at: now });
    if (id) await withAudit(tx, actor, 'user.role_grant_requested', { type: 'user', id: userId }, { grantId: id, role });
  }
}

/** Withdraws the user's pending grants of roles that a new set of roles leaves out. */
export async function withdrawRoleGrantsExcept(tx: Transaction<Database>, actor: AuditActor, userId: string, keep: readonly string[]): Promise<void> {
  if (actor.userId === null) return;
  const withdrawn = await withdrawPendingGrants(tx, userId, keep, actor.userId, new Date());
  for (const role of withdrawn) await withAudit(tx, actor, 'user.role_grant_withdrawn', { type: 'user', id: userId }, { role });
}

/**
 * Approves or rejects a pending grant. The deciding administrator is neither the one who asked nor the user
 * the grant is for; an approval adds the role at once (the user's next request has it).
 */
export async function decideRoleGrant(
  db: Kysely<Database>,
  actor: Actor,
  grantId: string,
  input: RoleGrantDecision,
  loadUser: (tx: Transaction<Database>, id: string) => Promise<User | undefined>,
): Promise<User> {
  return db.transaction().execute(async (tx) => {
    const grant = await lockGrant(tx, grantId);
    if (!grant) throw notFound('Role grant', 'role_grant.not_found');
    if (grant.status !== 'pending') throw conflict('role_grant.decided', 'This grant was already decided or withdrawn');
    if (grant.user_id === actor.userId) throw new AppError('role_grant.own', 409, 'You cannot decide a grant of a role to yourself');
    if (grant.requested_by === actor.userId) {
      throw new AppError('role_grant.same_administrator', 409, 'Another administrator than the one who asked must decide this grant');
    }
    const user = await findUserById(tx, grant.user_id);
    if (!user) throw notFound('User', 'user.not_found');
    const now = new Date();
    if (input.decision === 'approve') {
      if (user.disabled) throw conflict('role_grant.user_disabled', 'The user is disabled; enable the account first');
      await addUserRole(tx, grant.user_id, grant.role);
      await closeGrant(tx, grant.id, 'approved', actor.userId, now);
      await withAudit(tx, actor, 'user.role_grant_approved', { type: 'user', id: grant.user_id }, { grantId: grant.id, role: grant.role, requestedBy: grant.requested_by });
    } else {
      await closeGrant(tx, grant.id, 'rejected', actor.userId, now);
      await withAudit(tx, actor, 'user.role_grant_rejected', { type: 'user', id: grant.user_id }, { grantId: grant.id, role: grant.role, requestedBy: grant.requested_by });
    }
    const updated = await loadUser(tx, grant.user_id);
    if (!updated) throw new Error('user vanished while deciding a role grant');
    return updated;
  });
}
