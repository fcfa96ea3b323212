import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDbKind, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { calendarDayOf } from '../../../platform/shared/time.js';

let t: TestApp;
let admin: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('beheerder');
});
afterAll(() => t.close());

describe('audit log', () => {
  it('filters by actor, subject, action and period, newest first, with keyset paging', async () => {
    for (const name of ['Partner A', 'Partner B', 'Partner C']) {
      await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name, kind: 'overig' } });
    }
    const byActor = (await t.app.inject({ url: '/api/v1/audit?actor=beheerder&action=organisation.create', headers: { cookie: admin.cookie } })).json();
    expect(byActor.items.map((i: { detail: { name: string } }) => i.detail.name)).toEqual(['Partner C', 'Partner B', 'Partner A']);
    const page1 = (await t.app.inject({ url: '/api/v1/audit?actor=beheerder&action=organisation.create&limit=2', headers: { cookie: admin.cookie } })).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await t.app.inject({ url: `/api/v1/audit?actor=beheerder&action=organisation.create&limit=2&before=${page1.nextBefore}`, headers: { cookie: admin.cookie } })).json();
    expect(page2.items.map((i: { detail: { name: string } }) => i.detail.name)).toEqual(['Partner A']);
    expect(page2.nextBefore).toBeNull();
    const subjectId = byActor.items[0].subjectId as string;
    const bySubject = (await t.app.inject({ url: `/api/v1/audit?subject=organisation:${subjectId}`, headers: { cookie: admin.cookie } })).json();
    expect(bySubject.items).toHaveLength(1);
    // A bare date is a day in the Netherlands (docs/time.md): around midnight it differs from the UTC date.
    const today = calendarDayOf(t.clock.now());
    const inPeriod = (await t.app.inject({ url: `/api/v1/audit?from=${today}&to=${today}&action=organisation.create&actor=beheerder`, headers: { cookie: admin.cookie } })).json();
    expect(inPeriod.items).toHaveLength(3);
    const before = (await t.app.inject({ url: `/api/v1/audit?to=2000-01-01`, headers: { cookie: admin.cookie } })).json();
    expect(before.items).toHaveLength(0);
  });

  it('is append-only for the application: UPDATE, DELETE and TRUNCATE fail', async () => {
    await expect(sql`UPDATE audit_log SET action = 'forged' WHERE id = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, records the check, and catches an edited row', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: admin.headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().valid).toBe(true);
    const rowsBefore = ok.json().rows as number;
    const again = (await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: admin.headers })).json();
    expect(again.rows).toBe(rowsBefore + 1); // the first check is itself on the record
    // Someone with superuser rights on the database edits a row behind the application's back.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`.execute(t.database.db);
    await sql`UPDATE audit_log SET detail = '{"name":"vervalst"}'::jsonb WHERE id = 3`.execute(t.database.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`.execute(t.database.db);
    const caught = (await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: admin.headers })).json();
    expect(caught).toMatchObject({ valid: false, firstInvalidId: '3' });
    expect(testDbKind()).toMatch(/pglite|postgres/);
  });
});
