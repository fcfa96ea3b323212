import type { Kysely } from 'kysely';
import { withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { ROLE_CODES, type RoleCode, type RolePolicy } from '../contract.js';

export async function listRolePolicies(db: Kysely<Database>): Promise<RolePolicy[]> {
  const rows = await db.selectFrom('role_policies').select(['role', 'mfa_required']).execute();
  const required = new Map(rows.map((row) => [row.role, row.mfa_required]));
  return ROLE_CODES.map((role) => ({ role, mfaRequired: required.get(role) ?? false }));
}

/** Requiring MFA takes effect at the next request of every user with the role (auth/plugin.ts). */
export async function setRoleMfaRequired(db: Kysely<Database>, actor: Actor, role: RoleCode, mfaRequired: boolean): Promise<RolePolicy> {
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('role_policies')
      .values({ role, mfa_required: mfaRequired })
      .onConflict((oc) => oc.column('role').doUpdateSet({ mfa_required: mfaRequired, updated_at: new Date() }))
      .execute();
    await withAudit(tx, actor, 'role_policy.update', { type: 'role', id: role }, { mfaRequired });
    return { role, mfaRequired };
  });
}
