import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { findDemoProgrammeId } from '../../programmes/index.js';

/**
 * The public area pages' API (docs/publicpages.md) on the demo: Dordt West published with one public decision.
 * No session needed or made; ETag / Last-Modified with 304s that turn into a 200 when the data changes; only
 * published programmes and public decisions; no person, signal or address in any answer.
 */

const AREA = 'FAdordt-west';
const PAGE = `/api/v1/public/areas/${AREA}`;
const PUBLIC_DECISION = 'Het jongerenwerk verlengt de avondopenstelling';
const INTERNAL_DECISION = 'Woningcorporatie, politie en gemeente controleren gezamenlijk';

let t: TestApp;
let manager: TestSession;
let programmeId: string;
beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance', 'signals'] });
  manager = await t.login('regisseur');
  programmeId = (await findDemoProgrammeId(t.database.db)) as string;
}, 600_000);
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

async function meetingDecisions(): Promise<{ meetingId: string; decisions: { id: string; text: string; isPublic: boolean }[] }> {
  const meetings = (await get('/api/v1/meetings', { cookie: manager.cookie })).json().items as { id: string; title: string }[];
  const meetingId = meetings.find((m) => m.title === 'Kernteam Dordt West')?.id as string;
  const detail = (await get(`/api/v1/meetings/${meetingId}`, { cookie: manager.cookie })).json();
  return { meetingId, decisions: detail.agendaItems.flatMap((i: { decisions: unknown[] }) => i.decisions) };
}

describe('public area pages: what is shown', () => {
  it('lists Dordt West, the area of the published demo programme, to a visitor without a session, and sets no cookie', async () => {
    const list = await get('/api/v1/public/areas');
    expect(list.statusCode).toBe(200);
    expect(list.headers['set-cookie']).toBeUndefined();
    expect(list.json().items).toEqual([{ code: AREA, name: 'Dordt West', level: 'focus', municipalityName: 'Dordrecht', programmes: [{ id: programmeId, name: expect.stringContaining('Dordt West') }] }]);
  });

  it('shows goals with status, activities with owner organisation, money per pillar, key figures and only the public decision', async () => {
    const response = await get(PAGE);
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const page = response.json();
    expect(page.area).toEqual({ code: AREA, name: 'Dordt West', level: 'focus', municipalityCode: 'GM0505', municipalityName: 'Dordrecht' });
    const [programme] = page.programmes;
    // The statuses the programmes module computes against the trajectory (docs/programmes.md, the demo example).
    expect(programme.goals.find((g: { name: string }) => g.name.includes('Dordt West groeit'))).toMatchObject({ status: 'at_risk', baseline: 30495, latest: { period: 2024, value: 31030 } });
    expect(programme.activities.find((a: { name: string }) => a.name.startsWith('Preventie met Gezag'))).toMatchObject({ ownerOrganisationName: 'Politie (demopartner)', status: 'running', progress: 65 });
    // Money: approved lines and spend of the demo, 2023: € 400,000 budget, € 350,000 spent, all under "Leefbaar en veilig".
    const y2023 = programme.money.find((m: { year: number }) => m.year === 2023);
    expect(y2023.totals).toEqual({ budgetCents: 40_000_000, spentCents: 35_000_000 });
    expect(y2023.pillars.find((p: { name: string }) => p.name === 'Leefbaar en veilig')).toMatchObject({ budgetCents: 40_000_000, spentCents: 35_000_000 });
    // Only the decision marked public, with what became of it.
    expect(programme.decisions).toHaveLength(1);
    expect(programme.decisions[0].text).toContain(PUBLIC_DECISION);
    expect(programme.decisions[0].actions.map((a: { status: string }) => a.status).sort()).toEqual(['done', 'open']);
    expect(response.body).not.toContain(INTERNAL_DECISION);
    // Key figures against the city: inhabitants (a count: no index) and shares with an index (100 = Dordrecht).
    const inhabitants = page.figures.items.find((f: { indicator: string }) => f.indicator === 'inhabitants');
    expect(inhabitants.years.find((y: { period: number }) => y.period === 2024)).toEqual({ period: 2024, value: 31030, municipalityValue: 122070, index: null, suppressed: false });
    const young = page.figures.items.find((f: { indicator: string }) => f.indicator === 'share_age_0_14');
    expect(young.years[0].index).toBeCloseTo((100 * young.years[0].value) / young.years[0].municipalityValue, 6);
    expect(page.figures.licence).toEqual({ name: 'CC BY 4.0', url: expect.stringContaining('creativecommons.org/licenses/by/4.0'), attribution: 'Bron: CBS' });
  });

  it('carries no person, signal or address: no user name, no signal text or address, no person fields', async () => {
    const body = (await get(PAGE)).body;
    const { rows: users } = await sql<{ display_name: string }>`SELECT display_name FROM users`.execute(t.database.db);
    expect(users.length).toBeGreaterThan(3);
    for (const user of users) expect(body).not.toContain(user.display_name);
    const { rows: signals } = await sql<{ description: string; address: string | null }>`SELECT description, address FROM signals`.execute(t.database.db);
    expect(signals.length).toBeGreaterThan(0);
    for (const signal of signals) {
      expect(body).not.toContain(signal.description);
      if (signal.address) expect(body).not.toContain(signal.address);
    }
    const keys = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          keys.add(key);
          walk(inner);
        }
    };
    walk(JSON.parse(body));
    for (const personal of ['userId', 'userName', 'owner', 'reportedBy', 'changedBy', 'statusNote', 'participants', 'address', 'signals', 'cases', 'description', 'narrative']) expect(keys.has(personal)).toBe(false);
  });

  it('answers an unknown area, or one without a published programme, with a 404 problem, and a malformed code with a 422', async () => {
    for (const code of ['GM9999', 'FAnope', 'WK050504', 'BU05050301']) {
      const response = await get(`/api/v1/public/areas/${code}`);
      expect(response.statusCode, code).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().type).toBe('urn:wijkregie:problem:public.area_not_found');
      expect((await get(`/api/v1/public/areas/${code}/figures.csv`)).statusCode).toBe(404);
    }
    for (const code of ['%3Cscript%3E', 'x', "1'%20OR%20'1'='1"]) {
      const response = await get(`/api/v1/public/areas/${code}`);
      expect(response.statusCode, code).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('public area pages: caching', () => {
  it('answers 304 to If-None-Match and to If-Modified-Since, and a new 200 once a decision is made public', async () => {
    const first = await get(PAGE);
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);

    const byTag = await get(PAGE, { 'if-none-match': etag });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe('');
    expect(byTag.headers.etag).toBe(etag);
    expect(byTag.headers['set-cookie']).toBeUndefined();
    expect((await get(PAGE, { 'if-modified-since': lastModified })).statusCode).toBe(304);
    // A browser that accepts gzip gets it compressed, with the same tag (the tag is over the JSON itself).
    const compressed = await get(PAGE, { 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.etag).toBe(etag);
    // An older copy is refreshed.
    expect((await get(PAGE, { 'if-modified-since': new Date(Date.parse(lastModified) - 60_000).toUTCString() })).statusCode).toBe(200);

    // The programme manager makes the other decision public: the page changes at the very next request.
    const { decisions } = await meetingDecisions();
    const internal = decisions.find((d) => d.text.startsWith(INTERNAL_DECISION)) as { id: string };
    t.clock.advanceMinutes(1);
    const published = await t.app.inject({ method: 'PUT', url: `/api/v1/decisions/${internal.id}/publication`, headers: manager.headers, payload: { public: true } });
    expect(published.statusCode).toBe(200);
    const after = await get(PAGE, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json().programmes[0].decisions).toHaveLength(2);
    expect((await get(PAGE, { 'if-modified-since': lastModified })).statusCode).toBe(200);
    expect((await get(PAGE, { 'if-none-match': after.headers.etag as string })).statusCode).toBe(304);

    // And back: the decision leaves the page again.
    await t.app.inject({ method: 'PUT', url: `/api/v1/decisions/${internal.id}/publication`, headers: manager.headers, payload: { public: false } });
    expect((await get(PAGE)).json().programmes[0].decisions).toHaveLength(1);
  });
});

describe('publishing', () => {
  it('withdrawing the programme takes the area off the public pages (404, absent from the list); audited; publishing brings it back', async () => {
    const off = await t.app.inject({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, headers: manager.headers, payload: { published: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json().publishedAt).toBeNull();
    expect((await get(PAGE)).statusCode).toBe(404);
    expect((await get(`${PAGE}/figures.json`)).statusCode).toBe(404);
    expect((await get('/api/v1/public/areas')).json().items).toEqual([]);

    const on = await t.app.inject({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, headers: manager.headers, payload: { published: true } });
    expect(on.json().publishedAt).toEqual(expect.any(String));
    expect((await get(PAGE)).statusCode).toBe(200);
    const admin = await t.login('beheerder');
    const audit = (await get('/api/v1/audit?subjectType=programme', { cookie: admin.cookie })).json().items.map((r: { action: string }) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['programme.publish', 'programme.unpublish']));
  });

  it('refuses bad input (422), callers without the right (401/403) and a case meeting decision (409), changing nothing', async () => {
    // Logging in is audited too: count after it.
    const analyst = await t.login('analist');
    const before = await countRows(t.database, 'audit_log');
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, headers: manager.headers, payload: { published: 'ja' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, headers: manager.headers, payload: { published: false, extra: 1 } })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, payload: { published: false } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, headers: analyst.headers, payload: { published: false } })).statusCode).toBe(403);
    const { decisions } = await meetingDecisions();
    const decision = decisions[0] as { id: string };
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/decisions/${decision.id}/publication`, headers: analyst.headers, payload: { public: true } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/decisions/00000000-0000-4000-8000-000000000000/publication', headers: manager.headers, payload: { public: true } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/decisions/${decision.id}/publication`, headers: manager.headers, payload: {} })).statusCode).toBe(422);
    expect(await countRows(t.database, 'audit_log')).toBe(before);
    expect((await get(PAGE)).json().programmes).toHaveLength(1);

    // A case meeting is about persons: its decisions never become public. New ones are recorded on their case in
    // signals; one from before that rule is still in the meetings table, so it is put there directly.
    const { rows: [caseMeeting] } = await sql<{ id: string }>`INSERT INTO meetings (municipality_code, area_code, kind, title, held_on) VALUES ('GM0505', ${AREA}, 'casusoverleg', 'Casusoverleg', '2026-11-30') RETURNING id`.execute(t.database.db);
    const { rows: [item] } = await sql<{ id: string }>`INSERT INTO meeting_agenda_items (meeting_id, position, title) VALUES (${caseMeeting?.id}, 1, 'Casus') RETURNING id`.execute(t.database.db);
    const { rows: [caseRow] } = await sql<{ id: string }>`INSERT INTO meeting_decisions (meeting_id, agenda_item_id, text, requires_action) VALUES (${caseMeeting?.id}, ${item?.id}, 'Zorgplan opstellen', false) RETURNING id`.execute(t.database.db);
    const caseDecision = caseRow?.id as string;
    const refused = await t.app.inject({ method: 'PUT', url: `/api/v1/decisions/${caseDecision}/publication`, headers: manager.headers, payload: { public: true } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toBe('urn:wijkregie:problem:decision.case_meeting_not_public');
    // Even flagged public by hand in the database, it stays off the page.
    await sql`UPDATE meeting_decisions SET is_public = true WHERE id = ${caseDecision}`.execute(t.database.db);
    await t.app.inject({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, headers: manager.headers, payload: { published: true } });
    t.app.readCache.clear();
    const shown = (await get(PAGE)).json().programmes[0].decisions as { text: string }[];
    expect(shown.map((d) => d.text)).not.toContain('Zorgplan opstellen');
    expect(shown).toHaveLength(1);
  });
});

describe('open data', () => {
  it('gives the key figures as a CSV that Excel opens (BOM, semicolons, decimal comma) with the licence on every row', async () => {
    const response = await get(`${PAGE}/figures.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="kerncijfers-FAdordt-west.csv"');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(response.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.bron?.startsWith('Bron: CBS') && r.licentie?.startsWith('CC BY 4.0'))).toBe(true);
    expect(rows.find((r) => r.indicator_code === 'inhabitants' && r.jaar === '2024')).toMatchObject({ gebied: 'Dordt West', waarde: '31030', gemeente_waarde: '122070', index_gemeente_100: '', status: 'bekend' });
    const share = rows.find((r) => r.indicator_code === 'share_age_0_14' && r.jaar === '2020') as Record<string, string>;
    expect(share.waarde).toMatch(/^\d+,\d+$/);
    expect(Number((share.waarde ?? '').replace(',', '.'))).toBeCloseTo(17.8616, 3);

    const json = await get(`${PAGE}/figures.json`);
    expect(json.json().licence.attribution).toBe('Bron: CBS');
    expect(json.json().items.map((i: { indicator: string }) => i.indicator)).toEqual([...new Set(rows.map((r) => r.indicator_code))]);
    expect((await get(`${PAGE}/figures.csv`, { 'if-none-match': response.headers.etag as string })).statusCode).toBe(304);
  });
});
