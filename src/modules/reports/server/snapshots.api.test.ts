import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { SnapshotDetail, SnapshotSummary } from '../contract.js';
import { addYears, calendarDate } from './dates.js';

/** Snapshots through the API: frozen content, the same figures on every read, who may take and read them, bad input. */

let t: TestApp;
let manager: TestSession;
let admin: TestSession;
let finance: TestSession;
let police: TestSession;
let programmeId: string;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance'] });
  [manager, admin, finance, police] = [await t.login('regisseur'), await t.login('beheerder'), await t.login('financien'), await t.login('politie')];
  const list = await t.app.inject({ url: '/api/v1/programmes', headers: { cookie: manager.cookie } });
  programmeId = list.json<{ items: { id: string; isDemo: boolean }[] }>().items.find((p) => p.isDemo)?.id ?? '';
  expect(programmeId).not.toBe('');
}, 300_000);
afterAll(() => t?.close());

const today = () => calendarDate(t.clock.now());
const take = (payload: object, session: TestSession = manager, id = programmeId) => t.app.inject({ method: 'POST', url: `/api/v1/programmes/${id}/report-snapshots`, headers: session.headers, payload });
const read = (id: string, session: TestSession = manager) => t.app.inject({ url: `/api/v1/report-snapshots/${id}`, headers: { cookie: session.cookie } });

describe('taking a snapshot of Dordt West', () => {
  let snapshot: SnapshotSummary;
  let detail: SnapshotDetail;

  beforeAll(async () => {
    const response = await take({ title: 'Voortgang dit jaar', periodStart: `${today().slice(0, 4)}-01-01` });
    expect(response.statusCode, response.body).toBe(201);
    snapshot = response.json<SnapshotSummary>();
    const got = await read(snapshot.id);
    expect(got.statusCode).toBe(200);
    detail = got.json<SnapshotDetail>();
  });

  it('says its peildatum (today) and who took it, and is listed with the programme', async () => {
    expect(snapshot).toMatchObject({ programmeId, peildatum: today(), periodStart: `${today().slice(0, 4)}-01-01`, takenBy: expect.any(String), title: 'Voortgang dit jaar' });
    const list = await t.app.inject({ url: `/api/v1/programmes/${programmeId}/report-snapshots`, headers: { cookie: admin.cookie } });
    expect(list.json<{ items: SnapshotSummary[] }>().items.map((s) => s.id)).toContain(snapshot.id);
  });

  it('holds the programme, its pillars and goals, activities, money per source and the kernteam meeting', () => {
    const c = detail.content;
    expect(c.programme.name).toBe('Nationaal Programma Dordt West 2023–2043');
    expect(c.pillars.map((p) => p.name)).toEqual(['Wonen en fysieke leefomgeving', 'Gezond en samen leven', 'Leren en ontwikkelen', 'Werk en inkomen', 'Leefbaar en veilig']);
    expect(c.strategicGoals).toHaveLength(10);
    expect(c.goals.length).toBeGreaterThan(0);
    expect(c.activities).toHaveLength(6);
    const pmg = c.money.sources.find((s) => s.name.startsWith('Preventie met Gezag'));
    expect(pmg?.totalCents).toBe(430_120_800);
    expect(pmg?.tranches).toHaveLength(4);
    expect(c.meetings.map((m) => m.title)).toContain('Kernteam Dordt West');
  });

  it('names no person: owners are organisations', () => {
    const text = JSON.stringify(detail.content);
    expect(text).not.toMatch(/userName|reportedBy|changedBy|"userId"/);
  });

  it('gives the same bytes on every read, and its hash is over them', async () => {
    const again = (await read(snapshot.id)).json<SnapshotDetail>();
    expect(JSON.stringify(again.content)).toBe(JSON.stringify(detail.content));
    expect(createHash('sha256').update(JSON.stringify(detail.content)).digest('hex')).toBe(snapshot.contentSha256);
  });

  it('does not change when the live data changes; a new snapshot does', async () => {
    const activity = detail.content.activities.find((a) => a.status === 'running' && !a.slipping);
    expect(activity).toBeDefined();
    const progress = await t.app.inject({ method: 'POST', url: `/api/v1/activities/${activity?.id}/progress`, headers: manager.headers, payload: { percent: 99, narrative: 'Bijna klaar' } });
    expect(progress.statusCode, progress.body).toBe(201);
    const frozen = (await read(snapshot.id)).json<SnapshotDetail>();
    expect(frozen.content.activities.find((a) => a.id === activity?.id)?.progress).toBe(activity?.progress);
    const newer = (await take({ title: 'Later', periodStart: `${today().slice(0, 4)}-01-01` })).json<SnapshotSummary>();
    const newerDetail = (await read(newer.id)).json<SnapshotDetail>();
    expect(newerDetail.content.activities.find((a) => a.id === activity?.id)?.progress).toBe(99);
    expect(newer.contentSha256).not.toBe(snapshot.contentSha256);
  });

  it('writes an audit row, and the database refuses to change or delete a snapshot', async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.snapshot.take' AND subject_id = ${snapshot.id}`.execute(t.database.db);
    expect(rows[0]?.n).toBe(1);
    await expect(sql`UPDATE report_snapshots SET title = 'x' WHERE id = ${snapshot.id}`.execute(t.database.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM report_snapshots WHERE id = ${snapshot.id}`.execute(t.database.db)).rejects.toThrow(/immutable/);
  });

  it('is read by the administrator and finance, not by a partner; an unknown one is 404', async () => {
    expect((await read(snapshot.id, admin)).statusCode).toBe(200);
    expect((await read(snapshot.id, finance)).statusCode).toBe(200);
    expect((await read(snapshot.id, police)).statusCode).toBe(403);
    expect((await read('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('bad input stores nothing', () => {
  it.each([
    [{ title: 'x', periodStart: '2999-01-01' }, 'body.periodStart'],
    [{ title: 'x', periodStart: '2001-01-01' }, 'body.periodStart'],
    [{ title: 'x', periodStart: '2026-02-30' }, 'periodStart'],
    [{ title: '', periodStart: '2026-01-01' }, 'title'],
    [{ periodStart: '2026-01-01' }, 'title'],
    [{ title: 'x', periodStart: '2026-01-01', extra: 1 }, ''],
  ])('%j → 422 naming %s', async (payload, path) => {
    const before = [await countRows(t.database, 'report_snapshots'), await countRows(t.database, 'audit_log')];
    const response = await take(payload);
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json().errors)).toContain(path);
    expect([await countRows(t.database, 'report_snapshots'), await countRows(t.database, 'audit_log')]).toEqual(before);
  });

  it('a start outside the period says so with a code the form can word: in the future, or before the first day allowed', async () => {
    const future = (await take({ title: 'x', periodStart: addYears(today(), 1) })).json().errors;
    expect(future).toEqual([expect.objectContaining({ path: 'body.periodStart', code: 'date_in_future' })]);
    const early = (await take({ title: 'x', periodStart: '2001-01-01' })).json().errors;
    const fiveYearsBack = addYears(today(), -5);
    expect(early).toEqual([expect.objectContaining({ path: 'body.periodStart', code: 'out_of_range', params: { minimum: fiveYearsBack } })]);
  });

  it('an unknown programme is 404, a partner may not take one (403)', async () => {
    expect((await take({ title: 'x', periodStart: '2026-01-01' }, manager, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await take({ title: 'x', periodStart: '2026-01-01' }, police)).statusCode).toBe(403);
  });
});

describe('documents of a snapshot', () => {
  let snapshotId: string;
  beforeAll(async () => {
    snapshotId = (await take({ title: 'Voor documenten', periodStart: `${today().slice(0, 4)}-01-01` })).json<SnapshotSummary>().id;
  });

  it('gives the progress report as a model that says its peildatum, with the doorpak table', async () => {
    const response = await t.app.inject({ url: `/api/v1/report-snapshots/${snapshotId}/document?kind=progress`, headers: { cookie: admin.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const doc = response.json<{ peildatum: string; title: string; blocks: { type: string; caption?: string }[] }>();
    expect(doc.peildatum).toBe(today());
    expect(doc.title).toBe('Voortgangsrapportage Nationaal Programma Dordt West 2023–2043');
    expect(doc.blocks.some((b) => b.type === 'table' && b.caption === 'Doorpakken in de periode')).toBe(true);
  });

  it('downloads a tagged PDF and a DOCX, each audited as an export', async () => {
    const before = await countRows(t.database, 'audit_log');
    const pdf = await t.app.inject({ url: `/api/v1/report-snapshots/${snapshotId}/file?kind=progress&format=pdf`, headers: { cookie: manager.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await t.app.inject({ url: `/api/v1/report-snapshots/${snapshotId}/file?kind=progress&format=docx`, headers: { cookie: manager.cookie } });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await countRows(t.database, 'audit_log')).toBe(before + 2);
  }, 60_000);

  it('refuses bad queries (422) and a meeting that is not in the snapshot (404)', async () => {
    const bad = await t.app.inject({ url: `/api/v1/report-snapshots/${snapshotId}/document?kind=nonsense`, headers: { cookie: manager.cookie } });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('kind');
    const format = await t.app.inject({ url: `/api/v1/report-snapshots/${snapshotId}/file?kind=progress&format=odt`, headers: { cookie: manager.cookie } });
    expect(format.statusCode).toBe(422);
    const missing = await t.app.inject({ url: `/api/v1/report-snapshots/${snapshotId}/document?kind=decisions&subject=00000000-0000-4000-8000-000000000000`, headers: { cookie: manager.cookie } });
    expect(missing.statusCode).toBe(404);
  });
});
