import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { NotificationList, NotificationSettings } from '../contract.js';
import { NOTIFY_JOB } from '../index.js';

/**
 * Notifications on the demo of Dordt West, without an SMTP server (e-mail off): the job tells each person
 * once of what is new on their worklist — the controller of the € 24.000 commitment waiting for approval, the
 * corporation of its overdue action — and nothing of what is not a notification kind (the police's action due
 * in 10 days, beyond the 3-day deadline notice). Settings per kind are the person's own and audited; e-mail
 * cannot be chosen while it is off.
 */
let t: TestApp;
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance'] });
  for (const user of ['regisseur', 'financien', 'corporatie', 'politie', 'zorg', 'analist']) s[user] = await t.login(user);
}, 300_000);
afterAll(() => t?.close());

const runJob = () => NOTIFY_JOB.run({ db: t.database.db, config: t.config, now: t.clock.now });

async function call<T>(user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: T; type: string }> {
  const response = await t.app.inject({ method, url, headers: user ? s[user]?.headers : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<T>(), type: String(response.headers['content-type']) };
}
const inbox = async (user: string) => (await call<NotificationList>(user, 'GET', '/api/v1/me/notifications')).body;
const auditCount = async (action: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`.execute(t.database.db)).rows[0]?.n ?? 0;
const ALL_IN_APP = { action: 'in_app', approval: 'in_app', escalation: 'in_app', deadline: 'in_app' };

describe('settings', () => {
  it('start in the app for every kind, and say that e-mail is off and the account has no address', async () => {
    const { status, body } = await call<NotificationSettings>('regisseur', 'GET', '/api/v1/me/notification-settings');
    expect(status).toBe(200);
    expect(body).toEqual({ emailAvailable: false, hasEmailAddress: false, settings: ALL_IN_APP });
  });

  it('refuse e-mail while the server has no SMTP server (422, field named), and change nothing', async () => {
    const before = await auditCount('notification.settings.update');
    const { status, body, type } = await call<{ type: string; errors: { path: string }[] }>('regisseur', 'PUT', '/api/v1/me/notification-settings', { settings: { ...ALL_IN_APP, approval: 'email_now' } });
    expect(status).toBe(422);
    expect(type).toContain('application/problem+json');
    expect(body.type).toBe('urn:wijkregie:problem:notifications.email_off');
    expect(body.errors.map((e) => e.path)).toEqual(['settings.approval']);
    expect((await call<NotificationSettings>('regisseur', 'GET', '/api/v1/me/notification-settings')).body.settings).toEqual(ALL_IN_APP);
    expect(await auditCount('notification.settings.update')).toBe(before);
  });

  it.each([
    ['an unknown way', { settings: { ...ALL_IN_APP, deadline: 'sms' } }],
    ['an unknown kind', { settings: { ...ALL_IN_APP, signal: 'in_app' } }],
    ['a missing kind', { settings: { action: 'in_app', approval: 'in_app', escalation: 'in_app' } }],
    ['another person', { settings: ALL_IN_APP, userId: '00000000-0000-0000-0000-000000000001' }],
  ])('refuse %s with 422 problem+json', async (_name, payload) => {
    const { status, type } = await call('regisseur', 'PUT', '/api/v1/me/notification-settings', payload);
    expect(status).toBe(422);
    expect(type).toContain('application/problem+json');
  });

  it('are saved per person and audited with before and after', async () => {
    const before = await auditCount('notification.settings.update');
    const { status, body } = await call<NotificationSettings>('politie', 'PUT', '/api/v1/me/notification-settings', { settings: { ...ALL_IN_APP, action: 'off' } });
    expect(status).toBe(200);
    expect(body.settings).toEqual({ ...ALL_IN_APP, action: 'off' });
    expect((await call<NotificationSettings>('zorg', 'GET', '/api/v1/me/notification-settings')).body.settings).toEqual(ALL_IN_APP);
    expect(await auditCount('notification.settings.update')).toBe(before + 1);
    const { rows } = await sql<{ detail: { before: unknown; after: unknown }; actor_username: string }>`SELECT detail, actor_username FROM audit_log WHERE action = 'notification.settings.update' ORDER BY id DESC LIMIT 1`.execute(t.database.db);
    expect(rows[0]).toMatchObject({ actor_username: 'politie', detail: { before: ALL_IN_APP, after: { ...ALL_IN_APP, action: 'off' } } });
  });

  it('need a session (401)', async () => {
    expect((await call(null, 'GET', '/api/v1/me/notification-settings')).status).toBe(401);
    expect((await call(null, 'GET', '/api/v1/me/notifications')).status).toBe(401);
  });
});

describe('the notification job', () => {
  it('tells each person once of the new items on their worklist that are notification kinds', async () => {
    await runJob();
    const finance = await inbox('financien');
    expect(finance.items).toEqual([expect.objectContaining({ kind: 'approval', title: 'Opdracht bewonersbegeleiding tweede fase (demo)', href: '/financien/accordering', readAt: null })]);
    expect(finance.unreadCount).toBe(1);
    // The corporation's action is 4 days late: a deadline.
    expect((await inbox('corporatie')).items).toEqual([expect.objectContaining({ kind: 'deadline', title: 'Adressenlijst met signalen aanleveren aan politie en gemeente' })]);
    // Due in 10 and 7 days: beyond the 3-day notice. The programme manager's own booking waits for someone else.
    for (const user of ['politie', 'zorg', 'regisseur', 'analist']) expect((await inbox(user)).items, user).toEqual([]);

    await runJob();
    expect((await inbox('financien')).items).toHaveLength(1);
    expect((await inbox('corporatie')).items).toHaveLength(1);
  });

  it('tells every other approver of a new booking, not the one who booked it', async () => {
    const pending = await call<{ items: { budgetLineId: string }[] }>('financien', 'GET', '/api/v1/finance-entries/pending');
    const booking = await call<{ status: string }>('financien', 'POST', '/api/v1/finance-entries', {
      budgetLineId: pending.body.items[0]?.budgetLineId,
      kind: 'spend',
      amountCents: 1_500_000,
      bookedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()),
      description: 'Factuur procesbegeleiding (meldingen)',
      documentRef: 'TEST-NOTIFY-1',
    });
    expect(booking.body.status).toBe('pending');
    await runJob();
    expect((await inbox('regisseur')).items).toEqual([expect.objectContaining({ kind: 'approval', title: 'Factuur procesbegeleiding (meldingen)' })]);
    expect((await inbox('financien')).items).toHaveLength(1);
  });

  it('tells a person of an action assigned to them by someone else, unless they turned that kind off; an item is told once', async () => {
    const organisations = (await call<{ items: { id: string; name: string }[] }>('regisseur', 'GET', '/api/v1/organisations')).body.items;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const meeting = await call<{ id: string }>('regisseur', 'POST', '/api/v1/meetings', { kind: 'wijkoverleg', title: 'Wijkoverleg Wielwijk (meldingen)', heldOn: today, municipality: 'GM0505', participantOrganisationIds: organisations.map((o) => o.id) });
    expect(meeting.status).toBe(201);
    for (const [user, title] of [
      ['zorg', 'Huisbezoeken plannen in de portiekflats'],
      ['politie', 'Extra surveillance rond het winkelcentrum'],
    ] as const) {
      const added = await call('regisseur', 'POST', `/api/v1/meetings/${meeting.body.id}/actions`, { title, ownerUserId: s[user]?.userId, dueDate: '2027-03-01' });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
    await runJob();
    expect((await inbox('zorg')).items).toEqual([expect.objectContaining({ kind: 'action', title: 'Huisbezoeken plannen in de portiekflats', href: `/overleggen/${meeting.body.id}` })]);
    // The police turned new actions off: nothing, and turning it on later does not bring the old item back.
    expect((await inbox('politie')).items).toEqual([]);
    await call('politie', 'PUT', '/api/v1/me/notification-settings', { settings: ALL_IN_APP });
    await runJob();
    expect((await inbox('politie')).items).toEqual([]);
    expect((await inbox('zorg')).items).toHaveLength(1);
  });

  it('audits each person\u2019s new notifications as the system', async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'notification.create' AND actor_username = 'system'`.execute(t.database.db);
    // financien, corporatie (first run), regisseur (booking), zorg (action).
    expect(rows[0]?.n).toBe(4);
  });
});

describe('the in-app list', () => {
  it('marks one\u2019s own notifications read, audited; another person\u2019s id is refused with 404 and changes nothing', async () => {
    const theirs = (await inbox('corporatie')).items[0]?.id;
    const refused = await call<{ code: string }>('financien', 'POST', '/api/v1/me/notifications/read', { ids: [theirs] });
    expect(refused.status).toBe(404);
    expect(refused.type).toContain('application/problem+json');
    expect((await inbox('corporatie')).unreadCount).toBe(1);

    const own = (await inbox('financien')).items[0]?.id;
    const before = await auditCount('notification.read');
    const marked = await call<{ marked: number; unreadCount: number }>('financien', 'POST', '/api/v1/me/notifications/read', { ids: [own] });
    expect(marked.body).toEqual({ marked: 1, unreadCount: 0 });
    expect((await inbox('financien')).items[0]?.readAt).not.toBeNull();
    expect(await auditCount('notification.read')).toBe(before + 1);

    expect((await call('corporatie', 'POST', '/api/v1/me/notifications/read', { all: true })).body).toEqual({ marked: 1, unreadCount: 0 });
  });

  it.each([
    ['an empty body', {}],
    ['both ids and all', { ids: ['00000000-0000-0000-0000-000000000001'], all: true }],
    ['an id that is not a uuid', { ids: ['x'] }],
    ['all: false', { all: false }],
  ])('refuses %s with 422', async (_name, payload) => {
    const { status, type } = await call('financien', 'POST', '/api/v1/me/notifications/read', payload);
    expect(status).toBe(422);
    expect(type).toContain('application/problem+json');
  });
});
