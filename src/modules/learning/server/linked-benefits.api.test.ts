import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { LinkableGoal, MkbaDetail, MkbaResult } from '../contract.js';

/**
 * Benefits tied to a programme goal, through the API, on the demo programme of Dordt West: the MKBA reads the
 * goal's figures when it is calculated, so changing the goal's target changes the MKBA; a goal of another
 * area, without a readable indicator, or a unit value that is not positive is refused with 422 and changes
 * nothing; a deleted goal leaves the benefit in place, counted as 0 and marked.
 */

let t: TestApp;
let analyst: TestSession;
let manager: TestSession;
let programmeId = '';
let mkba: MkbaDetail;
let alternativeId = '';

const get = <T>(url: string, session = analyst) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, session = analyst) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const counts = async () => Promise.all(['mkba_linked_benefits', 'audit_log'].map((table) => countRows(t.database, table)));

/** The hand-checked example of mkba/linked-benefit.test.ts: 120 incidents down to 90 in four years. */
const INCIDENTS_GOAL = {
  name: 'Minder jeugdzorgtrajecten (test)',
  indicator: 'youth_care_clients',
  area: 'FAdordt-west',
  baseline: 120,
  baselineDate: '2026-01-01',
  targetKind: 'fixed',
  target: 90,
  targetDate: '2030-01-01',
};

async function createGoal(body: object): Promise<string> {
  const response = await send('POST', `/api/v1/programmes/${programmeId}/goals`, body, manager);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'learning'] });
  [analyst, manager] = [await t.login('analist'), await t.login('regisseur')];
  const programmes = await get<{ items: { id: string; isDemo: boolean }[] }>('/api/v1/programmes', manager);
  programmeId = programmes.body.items.find((p) => p.isDemo)!.id;
  const created = await send('POST', '/api/v1/mkbas', { areaCode: 'FAdordt-west', name: 'Gekoppelde baten (test)', nullAlternative: 'Niets extra', baseYear: 2026, horizonYears: 6 });
  expect(created.statusCode, created.body).toBe(201);
  mkba = created.json<MkbaDetail>();
  const withAlternative = await send('POST', `/api/v1/mkbas/${mkba.id}/alternatives`, { name: 'Aanpak' });
  alternativeId = withAlternative.json<MkbaDetail>().alternatives[0]!.id;
}, 300_000);
afterAll(() => t?.close());

const result = async () => (await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body.alternatives[0]!;

describe('the demo MKBA of Dordt West', () => {
  it('has one benefit tied to the demo goal on inhabitants, counted, and stays illustrative', async () => {
    const list = await get<{ items: { id: string; isDemo: boolean }[] }>('/api/v1/mkbas?area=FAdordt-west');
    const demo = list.body.items.find((m) => m.isDemo)!;
    const detail = (await get<MkbaDetail>(`/api/v1/mkbas/${demo.id}`)).body;
    expect(detail.alternatives[0]!.linkedBenefits).toHaveLength(1);
    expect(detail.alternatives[0]!.linkedBenefits[0]!.unitValueSource).toContain('Illustratief');
    const demoResult = (await get<MkbaResult>(`/api/v1/mkbas/${demo.id}/result`)).body;
    expect(demoResult.isDemo).toBe(true);
    const linked = demoResult.alternatives[0]!.linkedBenefits[0]!;
    expect(linked).toMatchObject({ state: 'ok', actor: 'gemeente', goal: { name: 'Voorbeeld: Dordt West groeit naar 33.000 inwoners in 2030', target: 33000, direction: 1 } });
    expect(linked.pvCents).toBeGreaterThan(0);
    // Its amounts are in the actor matrix: the municipality's benefits include the linked benefit's PV.
    expect(demoResult.alternatives[0]!.actors.find((a) => a.actor === 'gemeente')!.pvBenefitsCents).toBeGreaterThanOrEqual(linked.pvCents - 1);
  });
});

describe('a benefit tied to a goal', () => {
  let goalId = '';
  let benefitId = '';

  it('is offered among the goals of the area and computed from the goal: the hand-checked example', async () => {
    goalId = await createGoal(INCIDENTS_GOAL);
    const linkable = await get<{ items: LinkableGoal[] }>(`/api/v1/mkbas/${mkba.id}/linkable-goals`);
    expect(linkable.status).toBe(200);
    expect(linkable.body.items.find((g) => g.id === goalId)).toMatchObject({ needsQuantity: false, baseline: 120, target: 90 });
    const response = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/linked-benefits`, { goalId, actor: 'zorg', unitValueCents: 250_000, unitValueSource: 'Kosten per traject, voorbeeld' });
    expect(response.statusCode, response.body).toBe(201);
    benefitId = response.json<MkbaDetail>().alternatives[0]!.linkedBenefits[0]!.id;
    const alternative = await result();
    // mkba/linked-benefit.test.ts works these out by hand.
    expect(alternative.pvBenefitsCents).toBe(30_814_138);
    expect(alternative.ncwCents).toBe(30_814_138);
    const linked = alternative.linkedBenefits[0]!;
    expect(linked).toMatchObject({ state: 'ok', actor: 'zorg', pvCents: 30_814_138, goal: { name: INCIDENTS_GOAL.name, baseline: 120, target: 90, direction: -1 }, quantity: { source: 'none', value: 1, per: 1 } });
    expect(linked.years.map((y) => y.amountCents)).toEqual([0, 1_873_717, 3_747_433, 5_626_283, 7_500_000, 7_500_000, 7_500_000]);
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE subject_id = ${benefitId}`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['mkba.linked_benefit.create']);
  });

  it('is found from the goal: the MKBAs with a benefit tied to it (the goal page\'s "Gebruikt in MKBA")', async () => {
    const ofGoal = await get<{ items: { id: string }[] }>(`/api/v1/mkbas?goal=${goalId}`);
    expect(ofGoal.status).toBe(200);
    expect(ofGoal.body.items.map((m) => m.id)).toEqual([mkba.id]);
    expect((await get<{ items: unknown[] }>('/api/v1/mkbas?goal=00000000-0000-4000-8000-000000000000')).body.items).toEqual([]);
    const malformed = await t.app.inject({ url: '/api/v1/mkbas?goal=not-a-goal', headers: { cookie: analyst.cookie } });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('changes with the goal: a target of 60 doubles the effect from the target year on', async () => {
    const changed = await send('PUT', `/api/v1/programmes/${programmeId}/goals/${goalId}`, { ...INCIDENTS_GOAL, target: 60 }, manager);
    expect(changed.statusCode, changed.body).toBe(200);
    const linked = (await result()).linkedBenefits[0]!;
    expect(linked.goal?.target).toBe(60);
    expect(linked.years[4]!.amountCents).toBe(15_000_000);
    expect(linked.pvCents).toBeGreaterThan(60_000_000);
  });

  it('stays when its goal is deleted, counted as 0 and marked, until someone removes it', async () => {
    const deleted = await send('DELETE', `/api/v1/programmes/${programmeId}/goals/${goalId}`, undefined, manager);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const alternative = await result();
    expect(alternative.linkedBenefits[0]).toMatchObject({ id: benefitId, state: 'goal_unavailable', goal: null, pvCents: 0 });
    expect(alternative.pvBenefitsCents).toBe(0);
    const removed = await send('DELETE', `/api/v1/mkba-linked-benefits/${benefitId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<MkbaDetail>().alternatives[0]!.linkedBenefits).toEqual([]);
  });
});

describe('a rate or share', () => {
  it('applies to the area figure (households) or to a number with its source, and needs one of them', async () => {
    const goalId = await createGoal({ ...INCIDENTS_GOAL, name: 'Minder huishoudens met een laag inkomen (test)', indicator: 'share_households_low_income', baseline: 20, target: 15 });
    const url = `/api/v1/mkba-alternatives/${alternativeId}/linked-benefits`;
    const body = { goalId, actor: 'gemeente', unitValueCents: 100_000, unitValueSource: 'Voorbeeldwaarde per huishouden' };
    const before = await counts();
    const missing = await send('POST', url, body);
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ type: string }>().type).toMatch(/mkba\.quantity_required$/);
    expect(await counts()).toEqual(before);
    const entered = await send('POST', url, { ...body, quantity: { kind: 'entered', value: 4000, source: 'Woningregister (test)' } });
    expect(entered.statusCode, entered.body).toBe(201);
    const linked = (await result()).linkedBenefits.find((b) => b.quantity?.source === 'entered')!;
    // 5 points of 4 000 households / 100 = 200 households × € 1.000 at the target (2030).
    expect(linked.years[4]!.amountCents).toBe(20_000_000);
    const area = await send('POST', url, { ...body, quantity: { kind: 'area_figure' } });
    expect(area.statusCode, area.body).toBe(201);
    const fromArea = (await result()).linkedBenefits.find((b) => b.quantity?.source === 'area_figure')!;
    expect(fromArea.quantity).toMatchObject({ per: 100 });
    expect(fromArea.quantity!.value).toBeGreaterThan(1000);
    expect(fromArea.quantity!.sourceText).toMatch(/20\d\d/);
  });
});

describe('bad links are refused with 422 and change nothing', () => {
  const url = () => `/api/v1/mkba-alternatives/${alternativeId}/linked-benefits`;
  const refused = async (body: object, code: string, path: string) => {
    const before = await counts();
    const response = await send('POST', url(), body);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json<{ type: string; errors: { path: string }[] }>();
    expect(problem.type).toMatch(new RegExp(`${code.replace('.', '\\.')}$`));
    expect(problem.errors.map((e) => e.path)).toContain(path);
    expect(await counts()).toEqual(before);
  };

  it('a goal of another area', async () => {
    const goalId = await createGoal({ ...INCIDENTS_GOAL, name: 'Nieuw-Krispijn (test)', area: 'WK050504' });
    await refused({ goalId, actor: 'zorg', unitValueCents: 100, unitValueSource: 'x' }, 'mkba.goal_other_area', 'body.goalId');
  });

  it('a goal whose indicator cannot be read', async () => {
    const goalId = await createGoal({ ...INCIDENTS_GOAL, name: 'Zonder indicator (test)' });
    await sql`UPDATE operational_goals SET indicator_code = 'no_longer_in_the_catalogue' WHERE id = ${goalId}`.execute(t.database.db);
    await refused({ goalId, actor: 'zorg', unitValueCents: 100, unitValueSource: 'x' }, 'mkba.goal_without_indicator', 'body.goalId');
  });

  it('an unknown goal, and a goal whose target is no gain', async () => {
    await refused({ goalId: '00000000-0000-4000-8000-000000000000', actor: 'zorg', unitValueCents: 100, unitValueSource: 'x' }, 'mkba.unknown_goal', 'body.goalId');
    const worse = await createGoal({ ...INCIDENTS_GOAL, name: 'Meer trajecten (test)', target: 130 });
    await refused({ goalId: worse, actor: 'zorg', unitValueCents: 100, unitValueSource: 'x' }, 'mkba.goal_without_gain', 'body.goalId');
  });

  it('a unit value of 0 or less, or without its source; a quantity for a count', async () => {
    const goalId = await createGoal({ ...INCIDENTS_GOAL, name: 'Telbaar (test)' });
    for (const unitValueCents of [0, -250_000, 12.5]) await refused({ goalId, actor: 'zorg', unitValueCents, unitValueSource: 'x' }, 'validation', 'body.unitValueCents');
    await refused({ goalId, actor: 'zorg', unitValueCents: 100, unitValueSource: ' ' }, 'validation', 'body.unitValueSource');
    await refused({ goalId, actor: 'zorg', unitValueCents: 100, unitValueSource: 'x', quantity: { kind: 'entered', value: 10, source: 'y' } }, 'mkba.quantity_not_applicable', 'body.quantity');
  });

  it('may only be made by who manages MKBAs', async () => {
    const finance = await t.login('financien');
    const response = await send('POST', url(), { goalId: '00000000-0000-4000-8000-000000000000', actor: 'zorg', unitValueCents: 100, unitValueSource: 'x' }, finance);
    expect(response.statusCode).toBe(403);
  });
});
