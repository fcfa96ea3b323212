import { SYSTEM_ACTOR } from '../../src/platform/server/index.js';
import type { TestApp, TestSession } from './test-app.js';
import { createUser } from '../../src/modules/auth/server/users.service.js';

/**
 * Test help for the four-eyes rule on case_officer and administrator (docs/adr/0007): a second
 * administrator, made as an operator makes one with the CLI, who decides the grants the demo
 * administrator asks for. Suites that need a case officer create it through the API as `beheerder` and
 * then call approvePendingRoleGrants.
 */
export const SECOND_ADMINISTRATOR = { username: 'tweede.beheerder', password: 'vier-ogen molen regenjas' };

export async function createSecondAdministrator(t: TestApp): Promise<TestSession> {
  const existing = await t.database.db.selectFrom('users').select('id').where('username', '=', SECOND_ADMINISTRATOR.username).executeTakeFirst();
  if (!existing) {
    const gemeente = await t.database.db.selectFrom('organisations').select('id').where('kind', '=', 'gemeente').orderBy('created_at').executeTakeFirstOrThrow();
    await createUser(t.database.db, SYSTEM_ACTOR, {
      username: SECOND_ADMINISTRATOR.username,
      displayName: 'Tweede Beheerder',
      password: SECOND_ADMINISTRATOR.password,
      organisationId: gemeente.id,
      roles: ['administrator'],
      areaScopes: [],
    });
  }
  return t.login(SECOND_ADMINISTRATOR.username, SECOND_ADMINISTRATOR.password);
}

/** Approves, as the second administrator, every grant waiting for the user (requested by someone else). */
export async function approvePendingRoleGrants(t: TestApp, userId: string): Promise<void> {
  const second = await createSecondAdministrator(t);
  const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: second.cookie } })).json().items as { id: string; pendingRoleGrants?: { id: string }[] }[];
  for (const grant of users.find((user) => user.id === userId)?.pendingRoleGrants ?? []) {
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/role-grants/${grant.id}/decision`, headers: second.headers, payload: { decision: 'approve' } });
    if (response.statusCode !== 200) throw new Error(`approving role grant ${grant.id} failed: ${response.statusCode} ${response.body}`);
  }
}
