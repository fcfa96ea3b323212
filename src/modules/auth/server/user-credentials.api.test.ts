import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithSystemActor, validateCreateUser } from '../../../cli/commands/create-user.js';
import { apiTokenHash, newApiTokenValue } from '../../../platform/server/index.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';

/**
 * Credentials of an account: a new password is checked against the common and breached passwords, and
 * disabling an account (or its organisation) revokes its API tokens for good.
 */
let t: TestApp;
let admin: TestSession;
let organisations: { id: string; kind: string; name: string }[];
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('beheerder');
  organisations = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } })).json().items;
});
afterAll(() => t.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
const patch = (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: admin.headers, payload });
const orgOf = (kind: string) => organisations.find((o) => o.kind === kind)!;
const userIdOf = async (username: string) => (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

/** A token for a user, as its owner would hold it (issued straight in the database, whoever may create one). */
async function tokenFor(userId: string): Promise<Record<string, string>> {
  const token = newApiTokenValue();
  await t.database.db
    .insertInto('api_tokens')
    .values({ user_id: userId, name: 'koppeling', token_hash: apiTokenHash(token), token_prefix: token.slice(0, 10), created_by: userId, expires_at: null, revoked_at: null, last_used_at: null })
    .execute();
  return { authorization: `Bearer ${token}` };
}

describe('a new password', () => {
  const base = () => ({ displayName: 'Nieuwe Collega', organisationId: orgOf('gemeente').id, roles: ['viewer'] });

  it.each(['password1234', 'Welkom2024!!', 'wachtwoord1234', 'qwerty123456'])('is refused when common or leaked (%s), and nothing is stored', async (password) => {
    const before = await countRows(t.database, 'users');
    const response = await post('/api/v1/users', { ...base(), username: 'nieuwe.collega', password });
    expect(response.statusCode).toBe(422);
    expect(response.json().type).toBe('urn:wijkregie:problem:user.password_weak');
    expect(response.json().errors).toEqual([{ path: 'body.password', message: expect.stringMatching(/too easy to guess/) }]);
    expect(await countRows(t.database, 'users')).toBe(before);
  });

  it('is refused when built from the username', async () => {
    const response = await post('/api/v1/users', { ...base(), username: 'r.vandijk', password: 'r.vandijk1234567' });
    expect(response.statusCode).toBe(422);
  });

  it('is refused on a password change, which then changes nothing', async () => {
    const id = await userIdOf('analist');
    const response = await patch(`/api/v1/users/${id}`, { password: 'password1234', displayName: 'Ander' });
    expect(response.statusCode).toBe(422);
    expect(response.json().type).toBe('urn:wijkregie:problem:user.password_weak');
    expect((await t.login('analist')).userId).toBe(id);
    const row = await t.database.db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Demo Analist');
  });

  it('is refused by the CLI create-user too', async () => {
    const request = validateCreateUser({ username: 'cli.collega', displayName: 'CLI Collega', organisation: orgOf('gemeente').name, roles: ['viewer'], areas: [] }, 'password1234');
    await expect(createUserWithSystemActor(t.database, request)).rejects.toThrow(/too easy to guess/);
  });

  it('of a long passphrase is accepted', async () => {
    const response = await post('/api/v1/users', { ...base(), username: 'nieuwe.collega', password: 'fiets regen kaas molen' });
    expect(response.statusCode).toBe(201);
  });
});

describe('disabling an account', () => {
  it('revokes the user’s API tokens for good: enabling the user again does not bring them back', async () => {
    const id = await userIdOf('zorg');
    const bearer = await tokenFor(id);
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: bearer })).statusCode).toBe(200);
    expect((await patch(`/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: bearer })).statusCode).toBe(401);
    expect((await patch(`/api/v1/users/${id}`, { disabled: false })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: bearer })).statusCode).toBe(401);
    const tokens = await t.database.db.selectFrom('api_tokens').select('revoked_at').where('user_id', '=', id).execute();
    expect(tokens.every((token) => token.revoked_at !== null)).toBe(true);
  });

  it('of an organisation revokes the API tokens of its members for good', async () => {
    const organisation = (await post('/api/v1/organisations', { name: 'Partner met koppeling', kind: 'overig' })).json();
    const member = await post('/api/v1/users', { username: 'koppeling.partner', displayName: 'Koppeling', password: 'fiets regen kaas molen', organisationId: organisation.id, roles: ['partner'] });
    expect(member.statusCode).toBe(201);
    const bearer = await tokenFor(member.json().id);
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: bearer })).statusCode).toBe(200);
    await patch(`/api/v1/organisations/${organisation.id}`, { disabled: true });
    await patch(`/api/v1/organisations/${organisation.id}`, { disabled: false });
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: bearer })).statusCode).toBe(401);
  });
});
