import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { MkbaDetail, MkbaResult } from '../contract.js';

/**
 * Changing an MKBA after it was built, through the API: a linked benefit's unit value, quantity, sources,
 * measure and actor (PATCH /api/v1/mkba-linked-benefits/{id}); deleting a measure or an alternative with what
 * goes with it; the base year, horizon and nulalternatief. Each with hand-worked figures, its audit row, and
 * bad input refused with 422 problem+json that changes nothing.
 */

let t: TestApp;
let analyst: TestSession;
let manager: TestSession;
let finance: TestSession;
let programmeId = '';
let mkba: MkbaDetail;
let alternativeId = '';

const get = <T>(url: string, session = analyst) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, session = analyst) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const TABLES = ['mkbas', 'mkba_alternatives', 'mkba_measures', 'mkba_lines', 'mkba_linked_benefits', 'audit_log'];
const counts = async () => Promise.all(TABLES.map((table) => countRows(t.database, table)));
const stored = async (id: string) => (await sql<Record<string, unknown>>`SELECT * FROM mkba_linked_benefits WHERE id = ${id}`.execute(t.database.db)).rows[0];
const auditOf = async (id: string) => (await sql<{ action: string; details: Record<string, unknown> }>`SELECT action, detail AS details FROM audit_log WHERE subject_id = ${id} ORDER BY id`.execute(t.database.db)).rows;

/** The hand-checked example of mkba/linked-benefit.test.ts: 120 incidents down to 90, 1-1-2026 to 1-1-2030. */
const INCIDENTS_GOAL = {
  name: 'Minder jeugdzorgtrajecten (wijzigen, test)',
  indicator: 'youth_care_clients',
  area: 'FAdordt-west',
  baseline: 120,
  baselineDate: '2026-01-01',
  targetKind: 'fixed',
  target: 90,
  targetDate: '2030-01-01',
};
/** A share: 20 % of households with a low income down to 15 %, same dates. */
const SHARE_GOAL = { ...INCIDENTS_GOAL, name: 'Minder huishoudens met een laag inkomen (wijzigen, test)', indicator: 'share_households_low_income', baseline: 20, target: 15 };

async function createGoal(body: object): Promise<string> {
  const response = await send('POST', `/api/v1/programmes/${programmeId}/goals`, body, manager);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function link(body: object): Promise<string> {
  const response = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/linked-benefits`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<MkbaDetail>().alternatives.find((a) => a.id === alternativeId)!.linkedBenefits.at(-1)!.id;
}

const linkedResult = async (id: string) => (await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body.alternatives.flatMap((a) => a.linkedBenefits).find((b) => b.id === id)!;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'learning'] });
  [analyst, manager, finance] = [await t.login('analist'), await t.login('regisseur'), await t.login('financien')];
  const programmes = await get<{ items: { id: string; isDemo: boolean }[] }>('/api/v1/programmes', manager);
  programmeId = programmes.body.items.find((p) => p.isDemo)!.id;
  const created = await send('POST', '/api/v1/mkbas', { areaCode: 'FAdordt-west', name: 'Wijzigen (test)', nullAlternative: 'Niets extra', baseYear: 2026, horizonYears: 6 });
  expect(created.statusCode, created.body).toBe(201);
  mkba = created.json<MkbaDetail>();
  const withAlternative = await send('POST', `/api/v1/mkbas/${mkba.id}/alternatives`, { name: 'Aanpak' });
  alternativeId = withAlternative.json<MkbaDetail>().alternatives[0]!.id;
}, 300_000);
afterAll(() => t?.close());

describe('changing a linked benefit', () => {
  let countId = '';
  let shareId = '';
  let countGoalId = '';

  beforeAll(async () => {
    countGoalId = await createGoal(INCIDENTS_GOAL);
    countId = await link({ goalId: countGoalId, actor: 'zorg', unitValueCents: 250_000, unitValueSource: 'Kosten per traject, voorbeeld' });
    shareId = await link({ goalId: await createGoal(SHARE_GOAL), actor: 'gemeente', unitValueCents: 100_000, unitValueSource: 'Voorbeeldwaarde per huishouden', quantity: { kind: 'entered', value: 4000, source: 'Woningregister (test)' } });
  });

  it('takes a new unit value and its source: twice the value, twice each year (to the cent)', async () => {
    expect((await linkedResult(countId)).pvCents).toBe(30_814_138);
    const response = await send('PATCH', `/api/v1/mkba-linked-benefits/${countId}`, { unitValueCents: 500_000, unitValueSource: 'Kosten per traject, herzien' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<MkbaDetail>().alternatives[0]!.linkedBenefits.find((b) => b.id === countId)).toMatchObject({ unitValueCents: 500_000, unitValueSource: 'Kosten per traject, herzien', goalId: countGoalId, actor: 'zorg' });
    const linked = await linkedResult(countId);
    // effect × € 5.000: 30 × 365/1461 = 7,4949 → € 37.474,33; 30 × 730/1461 → € 74.948,67; 30 × 1096/1461 →
    // € 112.525,67; then 30 × € 5.000 = € 150.000 a year. Discounted at 2.25 % to 2026: € 616.282,77.
    expect(linked.years.map((y) => y.amountCents)).toEqual([0, 3_747_433, 7_494_867, 11_252_567, 15_000_000, 15_000_000, 15_000_000]);
    expect(linked.pvCents).toBe(61_628_277);
    expect(linked.unitValueSource).toBe('Kosten per traject, herzien');
  });

  it('takes a new quantity and its source for a share: 6 000 households instead of 4 000', async () => {
    // 5 points of 4 000 households / 100 = 200 households × € 1.000 = € 200.000 a year from the target on.
    expect((await linkedResult(shareId)).years[4]!.amountCents).toBe(20_000_000);
    const response = await send('PATCH', `/api/v1/mkba-linked-benefits/${shareId}`, { quantity: { kind: 'entered', value: 6000, source: 'Woningregister 2026 (test)' } });
    expect(response.statusCode, response.body).toBe(200);
    const linked = await linkedResult(shareId);
    // 5 points of 6 000 / 100 = 300 households × € 1.000 = € 300.000; before the target 5 × 365/1461 points first.
    expect(linked.quantity).toMatchObject({ value: 6000, source: 'entered', sourceText: 'Woningregister 2026 (test)', per: 100 });
    expect(linked.years.map((y) => y.amountCents)).toEqual([0, 7_494_867, 14_989_733, 22_505_133, 30_000_000, 30_000_000, 30_000_000]);
    // And the area's own figure of households instead.
    const area = await send('PATCH', `/api/v1/mkba-linked-benefits/${shareId}`, { quantity: { kind: 'area_figure' } });
    expect(area.statusCode, area.body).toBe(200);
    expect((await linkedResult(shareId)).quantity).toMatchObject({ source: 'area_figure', per: 100 });
    expect(await stored(shareId)).toMatchObject({ quantity_kind: 'area_figure', quantity_value: null, quantity_source: null });
  });

  it('is tied to a measure of its alternative, and loose again', async () => {
    const withMeasure = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/measures`, { name: 'Jongerenwerk (test)' });
    const measureId = withMeasure.json<MkbaDetail>().alternatives[0]!.measures[0]!.id;
    const tied = await send('PATCH', `/api/v1/mkba-linked-benefits/${countId}`, { measureId, actor: 'gemeente', description: 'Minder trajecten' });
    expect(tied.statusCode, tied.body).toBe(200);
    expect(tied.json<MkbaDetail>().alternatives[0]!.linkedBenefits.find((b) => b.id === countId)).toMatchObject({ measureId, actor: 'gemeente', description: 'Minder trajecten', unitValueCents: 500_000 });
    const loose = await send('PATCH', `/api/v1/mkba-linked-benefits/${countId}`, { measureId: null });
    expect(loose.json<MkbaDetail>().alternatives[0]!.linkedBenefits.find((b) => b.id === countId)!.measureId).toBeNull();
  });

  it('is audited in the same transaction, with what it was before', async () => {
    const rows = await auditOf(countId);
    expect(rows.map((r) => r.action)).toEqual(['mkba.linked_benefit.create', 'mkba.linked_benefit.update', 'mkba.linked_benefit.update', 'mkba.linked_benefit.update']);
    expect(rows[1]!.details).toMatchObject({ unit_value_cents: 500_000, previous: { unitValueCents: 250_000, unitValueSource: 'Kosten per traject, voorbeeld' } });
  });

  describe('bad changes are refused with 422 problem+json and change nothing', () => {
    const refused = async (id: () => string, body: object, code: string, path: string) => {
      const before = [await counts(), await stored(id())];
      const response = await send('PATCH', `/api/v1/mkba-linked-benefits/${id()}`, body);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json<{ type: string; errors: { path: string }[] }>();
      expect(problem.type).toMatch(new RegExp(`${code.replace('.', '\\.')}$`));
      expect(problem.errors.map((e) => e.path)).toContain(path);
      expect([await counts(), await stored(id())]).toEqual(before);
    };

    it('a unit value that is not whole cents ≥ 1, or a source left empty', async () => {
      for (const unitValueCents of [0, -100, 12.5, 'veel']) await refused(() => countId, { unitValueCents }, 'validation', 'body.unitValueCents');
      await refused(() => countId, { unitValueSource: '  ' }, 'validation', 'body.unitValueSource');
    });

    it('a share without its quantity, a quantity for a count, a quantity without its source', async () => {
      await refused(() => shareId, { quantity: null }, 'mkba.quantity_required', 'body.quantity');
      await refused(() => countId, { quantity: { kind: 'entered', value: 10, source: 'x' } }, 'mkba.quantity_not_applicable', 'body.quantity');
      await refused(() => shareId, { quantity: { kind: 'entered', value: 0, source: 'x' } }, 'validation', 'body.quantity.value');
      await refused(() => shareId, { quantity: { kind: 'entered', value: 10, source: '' } }, 'validation', 'body.quantity.source');
    });

    it('another goal (link anew for that), an unknown actor, a measure of another alternative', async () => {
      await refused(() => countId, { goalId: countGoalId }, 'validation', 'body');
      await refused(() => countId, { actor: 'buren' }, 'validation', 'body.actor');
      const other = await send('POST', `/api/v1/mkbas/${mkba.id}/alternatives`, { name: 'Andere variant (test)' });
      const otherAlternative = other.json<MkbaDetail>().alternatives.find((a) => a.name === 'Andere variant (test)')!;
      const withMeasure = await send('POST', `/api/v1/mkba-alternatives/${otherAlternative.id}/measures`, { name: 'Elders (test)' });
      const elsewhere = withMeasure.json<MkbaDetail>().alternatives.find((a) => a.id === otherAlternative.id)!.measures[0]!.id;
      await refused(() => countId, { measureId: elsewhere }, 'mkba.measure_not_in_alternative', 'body.measureId');
      await send('DELETE', `/api/v1/mkba-alternatives/${otherAlternative.id}`);
    });

    it('a malformed id is 422, an unknown one 404; finance may not change', async () => {
      const malformed = await send('PATCH', '/api/v1/mkba-linked-benefits/not-an-id', { description: 'x' });
      expect(malformed.statusCode).toBe(422);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      expect((await send('PATCH', '/api/v1/mkba-linked-benefits/00000000-0000-4000-8000-000000000000', { description: 'x' })).statusCode).toBe(404);
      const before = await stored(countId);
      expect((await send('PATCH', `/api/v1/mkba-linked-benefits/${countId}`, { unitValueCents: 1 }, finance)).statusCode).toBe(403);
      expect(await stored(countId)).toEqual(before);
    });
  });

  it("once its goal is gone: a description or unit value can still be corrected, a new quantity is refused", async () => {
    const goalId = await createGoal({ ...SHARE_GOAL, name: 'Verdwijnt (test)' });
    const id = await link({ goalId, actor: 'gemeente', unitValueCents: 100, unitValueSource: 'x', quantity: { kind: 'entered', value: 100, source: 'y' } });
    expect((await send('DELETE', `/api/v1/programmes/${programmeId}/goals/${goalId}`, undefined, manager)).statusCode).toBe(204);
    const corrected = await send('PATCH', `/api/v1/mkba-linked-benefits/${id}`, { description: 'Doel vervallen', unitValueCents: 200 });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await linkedResult(id)).toMatchObject({ state: 'goal_unavailable', pvCents: 0, description: 'Doel vervallen' });
    const before = [await counts(), await stored(id)];
    const refused = await send('PATCH', `/api/v1/mkba-linked-benefits/${id}`, { quantity: { kind: 'entered', value: 200, source: 'y' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ type: string }>().type).toMatch(/mkba\.unknown_goal$/);
    expect([await counts(), await stored(id)]).toEqual(before);
    await send('DELETE', `/api/v1/mkba-linked-benefits/${id}`);
  });
});

describe('the base year, horizon and nulalternatief', () => {
  it('a longer horizon adds the years after it: the linked benefit holds at its target', async () => {
    const benefitId = await link({ goalId: await createGoal({ ...INCIDENTS_GOAL, name: 'Horizon (test)' }), actor: 'zorg', unitValueCents: 250_000, unitValueSource: 'Voorbeeld' });
    expect((await linkedResult(benefitId)).pvCents).toBe(30_814_138);
    const response = await send('PATCH', `/api/v1/mkbas/${mkba.id}`, { horizonYears: 8, nullAlternative: 'Zonder pakket: niets extra, de trajecten blijven op 120 per jaar.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<MkbaDetail>()).toMatchObject({ horizonYears: 8, baseYear: 2026, nullAlternative: 'Zonder pakket: niets extra, de trajecten blijven op 120 per jaar.' });
    // 2033 and 2034 add € 75.000 each: 7500000 / 1.0225^7 + 7500000 / 1.0225^8 = 6418270.94 + 6277037.60.
    const linked = await linkedResult(benefitId);
    expect(linked.years).toHaveLength(9);
    expect(linked.pvCents).toBe(43_509_447);
    await send('DELETE', `/api/v1/mkba-linked-benefits/${benefitId}`);
  });

  it('a later base year moves the period; lines then outside it, or an empty nulalternatief, are refused and change nothing', async () => {
    const withLine = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { kind: 'cost', actor: 'gemeente', year: 2027, amountCents: 100 });
    expect(withLine.statusCode).toBe(201);
    const moved = await send('PATCH', `/api/v1/mkbas/${mkba.id}`, { baseYear: 2027 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<MkbaDetail>()).toMatchObject({ baseYear: 2027, horizonYears: 8 });
    const before = [await counts(), (await get<MkbaDetail>(`/api/v1/mkbas/${mkba.id}`)).body];
    for (const [body, code, path] of [
      [{ baseYear: 2028 }, 'mkba.lines_outside_horizon', 'body.horizonYears'],
      [{ baseYear: 1999 }, 'validation', 'body.baseYear'],
      [{ horizonYears: 101 }, 'validation', 'body.horizonYears'],
      [{ nullAlternative: '   ' }, 'validation', 'body.nullAlternative'],
    ] as const) {
      const response = await send('PATCH', `/api/v1/mkbas/${mkba.id}`, body);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json<{ type: string; errors: { path: string }[] }>()).toMatchObject({ type: expect.stringMatching(new RegExp(`${code.replace('.', '\\.')}$`)) as unknown });
      expect(response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    }
    expect([await counts(), (await get<MkbaDetail>(`/api/v1/mkbas/${mkba.id}`)).body]).toEqual(before);
  });
});

describe('deleting a measure or an alternative', () => {
  it('a measure goes with its lines and linked benefits; the rest of the alternative stays; audited with what went', async () => {
    const withMeasure = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/measures`, { name: 'Weg ermee (test)' });
    const measureId = withMeasure.json<MkbaDetail>().alternatives[0]!.measures.find((m) => m.name === 'Weg ermee (test)')!.id;
    for (const year of [2027, 2028]) await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { kind: 'cost', actor: 'gemeente', year, amountCents: 1000, measureId });
    const benefitId = await link({ goalId: await createGoal({ ...INCIDENTS_GOAL, name: 'Maatregel (test)' }), actor: 'zorg', unitValueCents: 100, unitValueSource: 'x', measureId });
    const before = (await get<MkbaDetail>(`/api/v1/mkbas/${mkba.id}`)).body.alternatives[0]!;
    const removed = await send('DELETE', `/api/v1/mkba-measures/${measureId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const after = removed.json<MkbaDetail>().alternatives[0]!;
    expect(after.measures.map((m) => m.id)).not.toContain(measureId);
    expect(after.lines).toHaveLength(before.lines.length - 2);
    expect(after.linkedBenefits.map((b) => b.id)).not.toContain(benefitId);
    expect(after.linkedBenefits).toHaveLength(before.linkedBenefits.length - 1);
    expect((await auditOf(measureId)).at(-1)).toMatchObject({ action: 'mkba.measure.delete', details: { name: 'Weg ermee (test)', lines: 2, linkedBenefits: 1 } });
    expect((await send('DELETE', `/api/v1/mkba-measures/${measureId}`)).statusCode).toBe(404);
  });

  it('an alternative goes with its measures, lines and linked benefits; audited with what went; finance may not', async () => {
    const created = await send('POST', `/api/v1/mkbas/${mkba.id}/alternatives`, { name: 'Weg (test)' });
    const id = created.json<MkbaDetail>().alternatives.find((a) => a.name === 'Weg (test)')!.id;
    await send('POST', `/api/v1/mkba-alternatives/${id}/measures`, { name: 'Iets' });
    await send('POST', `/api/v1/mkba-alternatives/${id}/lines`, { kind: 'benefit', actor: 'bewoners', year: 2028, amountCents: 500 });
    const before = await counts();
    expect((await send('DELETE', `/api/v1/mkba-alternatives/${id}`, undefined, finance)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const removed = await send('DELETE', `/api/v1/mkba-alternatives/${id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<MkbaDetail>().alternatives.map((a) => a.id)).not.toContain(id);
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: 'mkba.alternative.delete', details: { name: 'Weg (test)', measures: 1, lines: 1, linkedBenefits: 0 } });
    expect((await send('DELETE', `/api/v1/mkba-alternatives/not-an-id`)).statusCode).toBe(422);
  });
});
