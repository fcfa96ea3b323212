import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { runContactRetention } from '../index.js';
import { DEMO_WIJK, DEMO_WIJKBUDGET_CENTS } from './demo-data.js';

/**
 * Resident initiatives and the wijkbudget (docs/initiatives.md) on the demo: Dordt West's programme and its
 * strategic goals, the Wielwijk wijkbudget of € 25.000 for this (Dutch) year with nothing granted yet (the
 * example initiatives are submitted, admissible and assessed); the four-eyes threshold is € 5.000.
 */
let t: TestApp;
let regisseur: TestSession;
let financien: TestSession;
let politie: TestSession;
let options: { areas: { code: string; name: string; level: string; wijkName: string; focusCode: string | null; wijkbudgetThisYear: boolean; goalIds: string[] }[]; goals: { id: string; name: string }[] };
const year = Number(calendarDayOf(new Date()).slice(0, 4));

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'finance', 'initiatives'] });
  [regisseur, financien, politie] = await Promise.all([t.login('regisseur'), t.login('financien'), t.login('politie')]);
  options = (await t.app.inject({ url: '/api/v1/public/initiative-options' })).json();
}, 120_000);
afterAll(() => t.close());

const get = (who: TestSession | null, url: string) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
const post = (who: TestSession, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
const goalId = (name: string) => options.goals.find((g) => g.name === name)?.id ?? '';
const wielwijkBuurt = () => options.areas.find((a) => a.wijkName.includes('Wielwijk') && a.level === 'buurt') ?? { code: '' };

function submission(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Speelplek opknappen',
    description: 'Nieuwe schommels en een bankje voor de ouders.',
    areaCode: wielwijkBuurt().code,
    place: 'Achter de school aan de Karel Doormanweg',
    costCents: 250_000,
    goalId: goalId('Een meer samenredzame gemeenschap'),
    contact: { name: 'Testbewoner Een', email: 'een@example.org', phone: '06 12345678' },
    ...overrides,
  };
}

async function submit(overrides: Record<string, unknown> = {}): Promise<{ id: string; followToken: string }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/public/initiatives', payload: submission(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function assessed(overrides: Record<string, unknown> = {}, rubric = { goal: 3, support: 2, feasibility: 2, value: 1 }): Promise<string> {
  const { id } = await submit(overrides);
  expect((await post(regisseur, `/api/v1/initiatives/${id}/status`, { to: 'ontvankelijk', reason: 'Voldoet aan de regels.' })).statusCode).toBe(200);
  const response = await post(regisseur, `/api/v1/initiatives/${id}/assessment`, { rubric, reason: 'Draagt bij aan het doel.' });
  expect(response.statusCode, response.body).toBe(200);
  return id;
}

async function wielwijkBudget() {
  const items = (await get(financien, '/api/v1/wijkbudgets')).json().items as { areaCode: string; year: number; totalCents: number; grantedCents: number; remainingCents: number; id: string }[];
  return items.find((b) => b.areaCode === DEMO_WIJK && b.year === year);
}

describe('the public form', () => {
  it('offers the wijken of Dordt West and their buurten, each with the programme\'s strategic goals', () => {
    const wijken = options.areas.filter((a) => a.level === 'wijk').map((a) => a.code);
    expect(wijken.sort()).toEqual(['WK050503', 'WK050504', 'WK050507', 'WK050508']);
    expect(options.areas.find((a) => a.code === DEMO_WIJK)?.name).toBe('Wijk 07 Wielwijk');
    expect(options.areas.some((a) => a.level === 'buurt' && a.wijkName === 'Wijk 07 Wielwijk')).toBe(true);
    expect(options.goals.map((g) => g.name)).toContain('Het vergroten van de veiligheid');
    expect(options.areas.every((a) => a.goalIds.length === 10)).toBe(true);
  });

  it('says which of them has a wijkbudget this year and through which focus area, for the public area page\'s links', () => {
    // The demo gives Wielwijk alone a wijkbudget; every wijk is covered through the focus area Dordt West.
    expect(options.areas.filter((a) => a.wijkbudgetThisYear).map((a) => a.code)).toEqual([DEMO_WIJK]);
    expect(new Set(options.areas.map((a) => a.focusCode))).toEqual(new Set(['FAdordt-west']));
  });

  it('stores the initiative and the contact details apart, and the follow link shows the history without them', async () => {
    const { id, followToken } = await submit();
    expect(followToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await t.database.db.selectFrom('initiatives' as never).selectAll().where('id' as never, '=', id as never).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('example.org');
    expect(JSON.stringify(stored)).not.toContain(followToken);
    const contact = await t.database.db.selectFrom('initiative_contacts' as never).selectAll().where('initiative_id' as never, '=', id as never).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ name: 'Testbewoner Een', email: 'een@example.org', phone: '06 12345678' });

    const follow = await get(null, `/api/v1/public/initiatives/follow/${followToken}`);
    expect(follow.statusCode).toBe(200);
    expect(follow.json()).toMatchObject({ title: 'Speelplek opknappen', status: 'ingediend', costCents: 250_000, goalName: 'Een meer samenredzame gemeenschap', history: [{ status: 'ingediend', role: 'resident' }] });
    expect(follow.body).not.toMatch(/example\.org|Testbewoner|06 12345678/);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'initiatives.submit').where('subject_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.detail)).not.toContain('example.org');
  });

  it('answers a wrong follow token with 404 and a malformed one with 422', async () => {
    const wrong = await get(null, `/api/v1/public/initiatives/follow/${'x'.repeat(43)}`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().type).toBe('urn:wijkregie:problem:initiatives.not_found');
    for (const token of ['bestaat-niet', 'x'.repeat(44), `${'x'.repeat(42)}+`]) {
      expect((await get(null, `/api/v1/public/initiatives/follow/${encodeURIComponent(token)}`)).statusCode).toBe(422);
    }
  });

  it('refuses bad input with 422 naming the field, and stores nothing', async () => {
    const before = [await countRows(t.database, 'initiatives'), await countRows(t.database, 'initiative_contacts')];
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ' }, 'title'],
      [{ costCents: 0 }, 'costCents'],
      [{ costCents: 12.5 }, 'costCents'],
      [{ contact: { name: 'A', email: 'geen-adres' } }, 'contact.email'],
      [{ contact: { name: 'A', email: 'a@example.org', phone: 'bel me' } }, 'contact.phone'],
      [{ areaCode: 'WK999999' }, 'areaCode'],
      [{ goalId: '00000000-0000-4000-8000-000000000000' }, 'goalId'],
      [{ extra: 'x' }, ''],
    ];
    for (const [overrides, path] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/public/initiatives', payload: submission(overrides) });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (path) expect(response.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ''))).toContain(path);
    }
    expect([await countRows(t.database, 'initiatives'), await countRows(t.database, 'initiative_contacts')]).toEqual(before);
  });
});

describe('the workflow', () => {
  it('allows only the documented steps (422 otherwise), each with a reason and who decided', async () => {
    const { id, followToken } = await submit({ title: 'Workflowtest' });
    const skip = await post(regisseur, `/api/v1/initiatives/${id}/status`, { to: 'uitgevoerd', reason: 'Te vroeg.' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().type).toBe('urn:wijkregie:problem:initiatives.transition_not_allowed');
    const early = await post(regisseur, `/api/v1/initiatives/${id}/grant`, { amountCents: 1000, reason: 'Te vroeg.' });
    expect(early.statusCode).toBe(422);
    const noReason = await post(regisseur, `/api/v1/initiatives/${id}/status`, { to: 'ontvankelijk', reason: ' ' });
    expect(noReason.statusCode).toBe(422);
    expect((await get(regisseur, `/api/v1/initiatives/${id}`)).json()).toMatchObject({ status: 'ingediend', allowedSteps: ['ontvankelijk', 'niet_ontvankelijk'] });

    const ok = await post(regisseur, `/api/v1/initiatives/${id}/status`, { to: 'ontvankelijk', reason: 'Voldoet aan de regels.' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().history.at(-1)).toMatchObject({ status: 'ontvankelijk', reason: 'Voldoet aan de regels.', decidedBy: 'Demo Programmamanager', role: 'programme_manager' });
    const follow = (await get(null, `/api/v1/public/initiatives/follow/${followToken}`));
    expect(follow.json().history.at(-1)).toMatchObject({ status: 'ontvankelijk', reason: 'Voldoet aan de regels.', role: 'programme_manager' });
    expect(follow.body).not.toContain('Demo Programmamanager');
    expect(follow.json().history.at(-1).organisation.length).toBeGreaterThan(0);

    const bad = await post(regisseur, `/api/v1/initiatives/${id}/assessment`, { rubric: { goal: 4, support: 1, feasibility: 1, value: 1 }, reason: 'x' });
    expect(bad.statusCode).toBe(422);
    const weak = await post(regisseur, `/api/v1/initiatives/${id}/assessment`, { rubric: { goal: 1, support: 3, feasibility: 3, value: 3 }, reason: 'Het doel is niet duidelijk.' });
    expect(weak.json()).toMatchObject({ status: 'beoordeeld', rubricTotal: 10, rubricPasses: false });
    const refused = await post(regisseur, `/api/v1/initiatives/${id}/grant`, { amountCents: 1000, reason: 'Toch?' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe('urn:wijkregie:problem:initiatives.rubric_not_passed');
    const rejected = await post(regisseur, `/api/v1/initiatives/${id}/status`, { to: 'afgewezen', reason: 'Draagt niet genoeg bij aan het doel.' });
    expect(rejected.json()).toMatchObject({ status: 'afgewezen', allowedSteps: [] });
    expect((await post(regisseur, `/api/v1/initiatives/${id}/status`, { to: 'ontvankelijk', reason: 'Terug?' })).statusCode).toBe(422);
  });

  it('refuses the workflow to roles without the permission and unknown ids', async () => {
    const { id } = await submit({ title: 'Rechtentest' });
    expect((await post(politie, `/api/v1/initiatives/${id}/status`, { to: 'ontvankelijk', reason: 'x' })).statusCode).toBe(403);
    expect((await post(financien, `/api/v1/initiatives/${id}/status`, { to: 'ontvankelijk', reason: 'x' })).statusCode).toBe(403);
    expect((await get(politie, `/api/v1/initiatives/${id}`)).statusCode).toBe(403);
    expect((await get(financien, `/api/v1/initiatives/${id}/contact`)).statusCode).toBe(403);
    expect((await post(regisseur, '/api/v1/initiatives/00000000-0000-4000-8000-000000000000/status', { to: 'ontvankelijk', reason: 'x' })).statusCode).toBe(404);
    expect((await get(regisseur, `/api/v1/initiatives/${id}`)).json().status).toBe('ingediend');
  });
});

describe('granting from the wijkbudget', () => {
  it('starts from the demo: € 25.000 in Wielwijk, nothing granted, three example initiatives', async () => {
    expect(await wielwijkBudget()).toMatchObject({ totalCents: DEMO_WIJKBUDGET_CENTS, grantedCents: 0, remainingCents: 2_500_000 });
    const examples = (await get(regisseur, '/api/v1/initiatives')).json().items.filter((i: { isExample: boolean }) => i.isExample);
    expect(examples.map((i: { status: string }) => i.status).sort()).toEqual(['beoordeeld', 'ingediend', 'ontvankelijk']);
    const contact = (await get(regisseur, `/api/v1/initiatives/${examples[0].id}/contact`)).json().contact;
    expect(contact.email).toMatch(/^voorbeeld\d@example\.org$/);
  });

  it('grants within the threshold at once: an activity under the goal and an approved line on the wijkbudget', async () => {
    const id = await assessed({ title: 'Bloembakken', costCents: 150_000 });
    const detail = (await get(regisseur, `/api/v1/initiatives/${id}`)).json();
    expect(detail.budget).toMatchObject({ remainingCents: 2_500_000, fourEyesThresholdCents: 500_000 });
    const granted = await post(regisseur, `/api/v1/initiatives/${id}/grant`, { amountCents: 150_000, reason: 'Past in het wijkbudget.' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ outcome: 'granted', status: 'toegekend', grantedCents: 150_000, budget: { remainingCents: 2_350_000 } });
    const activityId = granted.json().activityId as string;
    const activity = (await get(regisseur, `/api/v1/activities/${activityId}`)).json();
    expect(activity.name).toBe('Bewonersinitiatief: Bloembakken');
    expect(activity.description).toContain('Ontstaan uit een bewonersinitiatief');
    expect(activity.goals.map((g: { name: string }) => g.name)).toEqual(['Een meer samenredzame gemeenschap']);
    // The activity page finds the initiative it came from.
    const origin = (await get(regisseur, `/api/v1/initiatives?activity=${activityId}`)).json().items;
    expect(origin.map((i: { id: string; activityId: string }) => [i.id, i.activityId])).toEqual([[id, activityId]]);
    expect((await get(regisseur, '/api/v1/initiatives?activity=00000000-0000-4000-8000-000000000000')).json().items).toEqual([]);
    const money = (await get(financien, `/api/v1/activities/${activityId}/budget`)).json();
    expect(money.lines).toEqual([expect.objectContaining({ year, budgetCents: 150_000 })]);
    expect((await wielwijkBudget())?.remainingCents).toBe(2_350_000);
  });

  it('never grants more than is left: 422 with what is left, and nothing changes', async () => {
    const id = await assessed({ title: 'Te duur', costCents: 3_000_000 });
    const lines = await countRows(t.database, 'budget_lines');
    const over = await post(financien, `/api/v1/initiatives/${id}/grant`, { amountCents: 2_350_001, reason: 'Te veel.' });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ type: 'urn:wijkregie:problem:initiatives.over_budget', errors: [{ path: 'amountCents' }] });
    expect(await countRows(t.database, 'budget_lines')).toBe(lines);
    expect((await get(regisseur, `/api/v1/initiatives/${id}`)).json().status).toBe('beoordeeld');
    expect((await wielwijkBudget())?.remainingCents).toBe(2_350_000);
  });

  it('needs four eyes above the threshold: the proposer cannot approve, a second person can', async () => {
    const id = await assessed({ title: 'Buurtfeest met sport', costCents: 600_000 });
    const proposed = await post(regisseur, `/api/v1/initiatives/${id}/grant`, { amountCents: 600_000, reason: 'Groot, maar past.' });
    expect(proposed.json()).toMatchObject({ outcome: 'waiting_for_second_person', status: 'beoordeeld', grantProposal: { amountCents: 600_000, canDecide: false } });
    expect((await wielwijkBudget())?.remainingCents).toBe(2_350_000);
    const own = await post(regisseur, `/api/v1/initiatives/${id}/grant/decision`, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().type).toBe('urn:wijkregie:problem:initiatives.four_eyes');
    expect((await post(regisseur, `/api/v1/initiatives/${id}/grant`, { amountCents: 100_000, reason: 'Nog een keer.' })).statusCode).toBe(409);
    expect((await get(financien, `/api/v1/initiatives/${id}`)).json().grantProposal.canDecide).toBe(true);
    expect((await post(financien, `/api/v1/initiatives/${id}/grant/decision`, { decision: 'reject' })).statusCode).toBe(422);
    const approved = await post(financien, `/api/v1/initiatives/${id}/grant/decision`, { decision: 'approve', note: 'Akkoord.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ outcome: 'granted', status: 'toegekend', grantedCents: 600_000, grantProposal: null });
    expect((await wielwijkBudget())?.remainingCents).toBe(1_750_000);
    // The database refuses an approval by the proposer, whatever the service does.
    await expect(sql`UPDATE initiative_grant_proposals SET decided_by = proposed_by WHERE initiative_id = ${id}`.execute(t.database.db)).rejects.toThrow();
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['initiatives.grant.propose', 'initiatives.grant.approve', 'initiatives.granted']));
  });

  it('lets two grants at once never take more than the wijkbudget holds', async () => {
    const created = await post(financien, '/api/v1/wijkbudgets', { areaCode: 'WK050504', year, totalCents: 1_000_000, fourEyesThresholdCents: 1_000_000 });
    expect(created.statusCode, created.body).toBe(201);
    const area = options.areas.find((a) => a.code === 'WK050504')?.code ?? '';
    const [a, b] = [await assessed({ title: 'Gelijktijdig A', areaCode: area, costCents: 600_000 }), await assessed({ title: 'Gelijktijdig B', areaCode: area, costCents: 600_000 })];
    const results = await Promise.all([a, b].map((id) => post(financien, `/api/v1/initiatives/${id}/grant`, { amountCents: 600_000, reason: 'Tegelijk.' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    const budget = ((await get(financien, '/api/v1/wijkbudgets')).json().items as { areaCode: string; grantedCents: number }[]).find((x) => x.areaCode === 'WK050504');
    expect(budget?.grantedCents).toBe(600_000);
    // Under the lock, the database itself refuses grants above the total.
    await expect(sql`UPDATE wijkbudgets SET granted_cents = total_cents + 1 WHERE area_code = 'WK050504'`.execute(t.database.db)).rejects.toThrow();
  });

  it('sets a wijkbudget only for finance, once per area and year, for a known area', async () => {
    expect((await post(regisseur, '/api/v1/wijkbudgets', { areaCode: 'WK050503', year, totalCents: 100_000 })).statusCode).toBe(403);
    expect((await post(financien, '/api/v1/wijkbudgets', { areaCode: DEMO_WIJK, year, totalCents: 100_000 })).statusCode).toBe(409);
    expect((await post(financien, '/api/v1/wijkbudgets', { areaCode: 'WK999999', year, totalCents: 100_000 })).statusCode).toBe(422);
    expect((await post(financien, '/api/v1/wijkbudgets', { areaCode: 'WK050503', year, totalCents: 0 })).statusCode).toBe(422);
  });

  it('shows the public per-area overview per goal, without any contact details', async () => {
    const response = await get(null, `/api/v1/public/wijkbudgets/${DEMO_WIJK}`);
    expect(response.statusCode).toBe(200);
    const overview = response.json();
    expect(overview).toMatchObject({ areaName: 'Wijk 07 Wielwijk', year, totalCents: 2_500_000, grantedCents: 750_000, remainingCents: 1_750_000 });
    expect(overview.perGoal).toEqual([{ goalName: 'Een meer samenredzame gemeenschap', grantedCents: 750_000, count: 2 }]);
    expect(overview.initiatives.map((i: { title: string }) => i.title)).toEqual(['Bloembakken', 'Buurtfeest met sport']);
    expect(response.body).not.toMatch(/@|Testbewoner|Voorbeeldbewoner|Demo Programmamanager/);
    expect((await get(null, '/api/v1/public/wijkbudgets/WK050508')).statusCode).toBe(404);
  });
});

describe('contact details', () => {
  it('are read only with initiatives.contacts, each read audited, and removed after the retention period', async () => {
    const closed = await submit({ title: 'Wordt gesloten', contact: { name: 'Testbewoner Twee', email: 'twee@example.org' } });
    const open = await submit({ title: 'Blijft open', contact: { name: 'Testbewoner Drie', email: 'drie@example.org' } });
    await post(regisseur, `/api/v1/initiatives/${closed.id}/status`, { to: 'niet_ontvankelijk', reason: 'Valt buiten het wijkbudget.' });
    const read = await get(regisseur, `/api/v1/initiatives/${closed.id}/contact`);
    expect(read.json()).toEqual({ contact: { name: 'Testbewoner Twee', email: 'twee@example.org', phone: '' }, removedAt: null });
    const audited = await t.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'initiatives.contact.read').where('subject_id', '=', closed.id).execute();
    expect(audited).toHaveLength(1);

    // A day short of the period nothing goes; past it, the closed one's details go and the initiative stays.
    const day = 86_400_000;
    expect(await runContactRetention(t.database.db, new Date(Date.now() + 364 * day), 365)).toEqual({ contacts: 0 });
    expect(await runContactRetention(t.database.db, new Date(Date.now() + 366 * day), 365)).toEqual({ contacts: expect.any(Number) });
    const after = (await get(regisseur, `/api/v1/initiatives/${closed.id}/contact`)).json();
    expect(after.contact).toBeNull();
    expect(after.removedAt).not.toBeNull();
    expect((await get(regisseur, `/api/v1/initiatives/${closed.id}`)).json()).toMatchObject({ title: 'Wordt gesloten', status: 'niet_ontvankelijk', contactRemoved: true });
    expect((await get(regisseur, `/api/v1/initiatives/${open.id}/contact`)).json().contact).toMatchObject({ email: 'drie@example.org' });
    expect(await runContactRetention(t.database.db, new Date(Date.now() + 366 * day), 365)).toEqual({ contacts: 0 });
  });
});

describe('abuse', () => {
  it('rate-limits submissions per IP (429), without storing the refused ones', async () => {
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) status = (await t.app.inject({ method: 'POST', url: '/api/v1/public/initiatives', payload: {} })).statusCode;
    expect(status).toBe(429);
  });
});
