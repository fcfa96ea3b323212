import type { Kysely, Transaction } from 'kysely';
import {
  AppError,
  conflict,
  deleteUserSessions,
  hashPassword,
  invalid,
  newPasswordProblem,
  notFound,
  withAudit,
  type AuditActor,
  type Database,
} from '../../../platform/server/index.js';
import { isFourEyesRole, RoleCode, type CreateUser, type UpdateUser, type User } from '../contract.js';
import { revokeTokensOfUser } from './api-tokens.queries.js';
import { findOrganisations } from './organisations.queries.js';
import {
  countActiveAdministrators,
  findUserById,
  findUsers,
  insertUser,
  replaceUserAreaScopes,
  replaceUserRoles,
  updateUserColumns,
  usernameExists,
  type UserRecord,
} from './users.queries.js';
import { findPendingGrants, type PendingGrantRow } from './role-grants.queries.js';
import { requestRoleGrants, withdrawRoleGrantsExcept } from './role-grants.service.js';

export function toUser(record: UserRecord, pending: readonly PendingGrantRow[]): User {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    email: record.email,
    organisationId: record.organisationId,
    organisationName: record.organisationName,
    roles: record.roles.filter((role) => RoleCode.safeParse(role).success).map((role) => RoleCode.parse(role)),
    areaScopes: record.areaScopes,
    totpEnabled: record.totpEnabled,
    disabled: record.disabled,
    createdAt: record.createdAt.toISOString(),
    pendingRoleGrants: pending
      .filter((grant) => grant.user_id === record.id && RoleCode.safeParse(grant.role).success)
      .map((grant) => ({
        id: grant.id,
        role: RoleCode.parse(grant.role),
        requestedBy: { id: grant.requested_by, username: grant.requested_by_username, displayName: grant.requested_by_display_name },
        requestedAt: new Date(grant.requested_at).toISOString(),
      })),
  };
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const [records, pending] = await Promise.all([findUsers(db), findPendingGrants(db)]);
  return records.map((record) => toUser(record, pending));
}

/** One user as the API shows it, with the grants waiting for a second administrator. */
export async function loadUser(db: Kysely<Database> | Transaction<Database>, id: string): Promise<User | undefined> {
  const record = await findUserById(db, id);
  return record ? toUser(record, await findPendingGrants(db, { userId: id })) : undefined;
}

/**
 * Whether roles are assigned at once: by the operator on the server (the CLI's create-user, the demo seed,
 * acting as the system actor), never through the API, where a four-eyes role waits for a second
 * administrator (role-grants.service.ts).
 */
const isOperator = (actor: AuditActor): boolean => actor.userId === null;

async function requireOrganisation(tx: Transaction<Database>, organisationId: string): Promise<void> {
  const [organisation] = await findOrganisations(tx, { id: organisationId });
  if (!organisation) throw invalid('user.organisation_unknown', 'Unknown organisation', [{ path: 'body.organisationId', message: 'no such organisation' }]);
}

/** Refuses a password a person chose when it is short, common, leaked or built from the account's own names. */
function requireAcceptablePassword(password: string, personal: readonly (string | null | undefined)[]): void {
  const problem = newPasswordProblem(password, personal);
  if (problem) throw invalid('user.password_weak', 'Choose another password', [{ path: 'body.password', message: problem }]);
}

/**
 * Creates a user; used by the API, the CLI and the demo seed, always with an audit row. The password is
 * checked (password-policy.ts) except for the demo seed, whose documented password is weak on purpose.
 */
export async function createUser(
  db: Kysely<Database>,
  actor: AuditActor,
  input: CreateUser,
  options: { isDemo?: boolean } = {},
): Promise<User> {
  if (!options.isDemo) requireAcceptablePassword(input.password, [input.username, input.displayName, input.email]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    if (await usernameExists(tx, input.username)) throw conflict('user.username_taken', 'This username is taken');
    await requireOrganisation(tx, input.organisationId);
    const id = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
      organisationId: input.organisationId,
      isDemo: options.isDemo ?? false,
    });
    const requested = [...new Set(input.roles)];
    // Through the API a four-eyes role becomes a pending grant; the user starts with the other roles.
    const held = isOperator(actor) ? requested : requested.filter((role) => !isFourEyesRole(role));
    const scopes = [...new Set(input.areaScopes ?? [])];
    await replaceUserRoles(tx, id, held);
    await replaceUserAreaScopes(tx, id, scopes);
    await withAudit(tx, actor, 'user.create', { type: 'user', id }, {
      username: input.username,
      organisationId: input.organisationId,
      roles: held,
      areaScopes: scopes,
    });
    await requestRoleGrants(tx, actor, id, requested.filter((role) => !held.includes(role)));
    const created = await loadUser(tx, id);
    if (!created) throw new Error('user vanished after insert');
    return created;
  });
}

export async function updateUser(db: Kysely<Database>, actor: AuditActor, id: string, input: UpdateUser): Promise<User> {
  if (input.password) {
    const current = await findUserById(db, id);
    requireAcceptablePassword(input.password, [current?.username, current?.displayName, current?.email, input.displayName, input.email]);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (tx) => {
    const existing = await findUserById(tx, id);
    if (!existing) throw notFound('User', 'user.not_found');
    if (input.organisationId) await requireOrganisation(tx, input.organisationId);
    const wanted = input.roles === undefined ? undefined : [...new Set(input.roles)];
    const rolesChange = wanted !== undefined && (wanted.length !== existing.roles.length || wanted.some((role) => !existing.roles.includes(role)));
    // Nobody changes their own roles, not even to give one up: a second administrator does.
    if (rolesChange && actor.userId === id) throw new AppError('user.own_roles', 403, 'You cannot change your own roles; ask another administrator');
    const losesAdmin =
      existing.roles.includes('administrator') &&
      !existing.disabled &&
      (input.disabled === true || (input.roles !== undefined && !input.roles.includes('administrator')));
    if (losesAdmin && (await countActiveAdministrators(tx)) <= 1) {
      throw new AppError('user.last_administrator', 409, 'This is the last active administrator; appoint another first');
    }
    const set: Parameters<typeof updateUserColumns>[2] = {};
    if (input.displayName !== undefined) set.display_name = input.displayName;
    if (input.email !== undefined) set.email = input.email;
    if (input.organisationId !== undefined) set.organisation_id = input.organisationId;
    if (input.disabled !== undefined) set.disabled_at = input.disabled ? new Date() : null;
    if (passwordHash) set.password_hash = passwordHash;
    if (input.resetTotp) {
      set.totp_secret_encrypted = null;
      set.totp_enabled_at = null;
    }
    await updateUserColumns(tx, id, set);
    // Roles are taken away at once; an added four-eyes role waits for a second administrator (through the API).
    const added = wanted?.filter((role) => !existing.roles.includes(role)) ?? [];
    const toRequest = isOperator(actor) ? [] : added.filter(isFourEyesRole);
    if (wanted && rolesChange) await replaceUserRoles(tx, id, wanted.filter((role) => !toRequest.includes(role)));
    if (input.areaScopes) await replaceUserAreaScopes(tx, id, [...new Set(input.areaScopes)]);
    // Disabling, a new password or a new second factor end every session of the user at once.
    let sessionsEnded = 0;
    if (input.disabled === true || passwordHash || input.resetTotp) sessionsEnded = await deleteUserSessions(tx, id);
    // A disabled account's tokens are revoked, not suspended: enabling it again brings none of them back.
    const tokensRevoked = input.disabled === true ? await revokeTokensOfUser(tx, id, new Date()) : 0;
    const { password: _password, ...auditable } = input;
    await withAudit(tx, actor, 'user.update', { type: 'user', id }, {
      changes: { ...auditable, passwordChanged: passwordHash !== undefined },
      ...(toRequest.length > 0 ? { rolesAwaitingApproval: toRequest } : {}),
      sessionsEnded,
      tokensRevoked,
    });
    if (wanted) {
      // Setting the roles without a role that waits for approval withdraws that request.
      await withdrawRoleGrantsExcept(tx, actor, id, wanted);
      await requestRoleGrants(tx, actor, id, toRequest);
    }
    const updated = await loadUser(tx, id);
    if (!updated) throw new Error('user vanished after update');
    return updated;
  });
}
