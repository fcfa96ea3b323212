import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { MkbaDetail, MkbaResult, MkbaSummary } from '../contract.js';
import { calculateAlternative } from '../mkba/calculation.js';
import { seedMkbaDemo } from './demo-mkba.js';

/** The MKBA calculator through the API: the demo, building one, the result, audit, and bad input that changes nothing. */

let t: TestApp;
let analyst: TestSession;
let finance: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'learning'] });
  [analyst, finance] = [await t.login('analist'), await t.login('financien')];
}, 300_000);
afterAll(() => t?.close());

const get = <T>(url: string, session = analyst) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>(), raw: r }));
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, session = analyst) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const counts = async () => Promise.all(['mkbas', 'mkba_alternatives', 'mkba_measures', 'mkba_lines', 'audit_log'].map((table) => countRows(t.database, table)));

describe('the demo MKBA of Dordt West', () => {
  it('is listed for the focus area, marked as demo, and its result is the calculation of its lines', async () => {
    const list = await get<{ items: MkbaSummary[] }>('/api/v1/mkbas?area=FAdordt-west', finance);
    expect(list.status).toBe(200);
    const demo = list.body.items.find((m) => m.isDemo);
    expect(demo).toMatchObject({ areaCode: 'FAdordt-west', areaName: 'Dordt West', discountRate: 2.25, baseYear: 2026, horizonYears: 10, alternativeCount: 2 });
    const detail = (await get<MkbaDetail>(`/api/v1/mkbas/${demo!.id}`, finance)).body;
    const result = await get<MkbaResult>(`/api/v1/mkbas/${demo!.id}/result`, finance);
    expect(result.status).toBe(200);
    expect(result.body.isDemo).toBe(true);
    for (const [i, alternative] of detail.alternatives.entries()) {
      const expected = calculateAlternative(alternative.lines, { baseYear: 2026, horizonYears: 10, rate: 0.0225 });
      const got = result.body.alternatives[i]!;
      expect(got.ncwCents).toBe(expected.ncwCents);
      expect(got.actors.reduce((s, a) => s + a.balanceCents, 0)).toBe(got.ncwCents);
    }
    expect(result.body.alternatives[0]!.pmItems.map((p) => p.description)).toContain('Meer vertrouwen van bewoners in elkaar en in de buurt');
  });

  it('is seeded once, however often the seed runs', async () => {
    const before = await counts();
    await seedMkbaDemo(t.database.db);
    expect(await counts()).toEqual(before);
  });
});

describe('building an MKBA', () => {
  let mkba: MkbaDetail;
  let alternativeId: string;

  beforeAll(async () => {
    const created = await send('POST', '/api/v1/mkbas', { areaCode: 'FAdordt-west', name: 'Testpakket', nullAlternative: 'Niets extra', baseYear: 2026, horizonYears: 10 });
    expect(created.statusCode, created.body).toBe(201);
    mkba = created.json<MkbaDetail>();
    const withAlternative = await send('POST', `/api/v1/mkbas/${mkba.id}/alternatives`, { name: 'Variant A' });
    expect(withAlternative.statusCode).toBe(201);
    alternativeId = withAlternative.json<MkbaDetail>().alternatives[0]!.id;
  });

  it('uses 2.25 % unless told otherwise, and discounts € 100 in year 10 to € 80.05', async () => {
    expect(mkba).toMatchObject({ discountRate: 2.25, rateJustification: null, isDemo: false, areaName: 'Dordt West' });
    const added = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { kind: 'benefit', actor: 'bewoners', year: 2036, amountCents: 10_000 });
    expect(added.statusCode, added.body).toBe(201);
    const result = (await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body;
    expect(result.alternatives[0]).toMatchObject({ pvBenefitsCents: 8005, pvCostsCents: 0, ncwCents: 8005, benefitCostRatio: null, irrPercent: null, irrNone: 'no_sign_change' });
  });

  it('gives an IRR of 10 % for −€ 100 in the base year and +€ 110 a year later', async () => {
    const other = (await send('POST', `/api/v1/mkbas/${mkba.id}/alternatives`, { name: 'Variant B' })).json<MkbaDetail>();
    const id = other.alternatives[1]!.id;
    const measure = (await send('POST', `/api/v1/mkba-alternatives/${id}/measures`, { name: 'Maatregel 1' })).json<MkbaDetail>().alternatives[1]!.measures[0]!;
    expect((await send('POST', `/api/v1/mkba-alternatives/${id}/lines`, { kind: 'cost', actor: 'gemeente', year: 2026, amountCents: 10_000, measureId: measure.id })).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/mkba-alternatives/${id}/lines`, { kind: 'benefit', actor: 'politie', year: 2027, amountCents: 11_000, measureId: measure.id })).statusCode).toBe(201);
    const result = (await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body.alternatives[1]!;
    expect(result.irrPercent).toBeCloseTo(10, 6);
    expect(result.irrUnique).toBe(true);
    expect(result.actors).toEqual([
      { actor: 'gemeente', pvCostsCents: 10_000, pvBenefitsCents: 0, balanceCents: -10_000 },
      { actor: 'politie', pvCostsCents: 0, pvBenefitsCents: Math.round(11_000 / 1.0225), balanceCents: Math.round(11_000 / 1.0225) },
    ]);
    // At 0–6 % the NCW stays positive except above the IRR (none here): no flips on the rate.
    expect(result.sensitivity.rate.every((r) => !r.signFlips)).toBe(true);
    expect(result.sensitivity.effectSize.find((r) => r.value === 50)).toMatchObject({ signFlips: true });
  });

  it('keeps PM items out of the sums and lists them beside', async () => {
    const before = (await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body.alternatives[0]!;
    const added = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { kind: 'benefit', actor: 'zorg', year: 2028, amountCents: null, description: 'Minder eenzaamheid' });
    expect(added.statusCode, added.body).toBe(201);
    const after = (await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body.alternatives[0]!;
    expect({ ...after, pmItems: [] }).toEqual({ ...before, pmItems: [] });
    expect(after.pmItems.map((p) => p.description)).toEqual(['Minder eenzaamheid']);
  });

  it('takes another rate only with a justification, and recalculates', async () => {
    const refused = await send('PATCH', `/api/v1/mkbas/${mkba.id}`, { discountRate: 4 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toContain('mkba.rate_needs_justification');
    const accepted = await send('PATCH', `/api/v1/mkbas/${mkba.id}`, { discountRate: 4, rateJustification: 'Gevoeligheid voor de gemeenteraad' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<MkbaDetail>()).toMatchObject({ discountRate: 4, rateJustification: 'Gevoeligheid voor de gemeenteraad' });
    const result = (await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body;
    expect(result.alternatives[0]!.pvBenefitsCents).toBe(Math.round(10_000 / 1.04 ** 10));
    // Back to the standard rate: the justification goes with it.
    const back = await send('PATCH', `/api/v1/mkbas/${mkba.id}`, { discountRate: 2.25 });
    expect(back.json<MkbaDetail>()).toMatchObject({ discountRate: 2.25, rateJustification: null });
  });

  it('audits every change', async () => {
    const { rows } = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('detail', 'is not', null)
      .execute()
      .then((r) => ({ rows: r.map((x) => x.action) }));
    for (const action of ['mkba.create', 'mkba.alternative.create', 'mkba.measure.create', 'mkba.line.create', 'mkba.update']) expect(rows).toContain(action);
  });

  it('deletes a line and the result follows', async () => {
    const detail = (await get<MkbaDetail>(`/api/v1/mkbas/${mkba.id}`)).body;
    const pm = detail.alternatives[0]!.lines.find((l) => l.amountCents === null)!;
    const removed = await send('DELETE', `/api/v1/mkba-lines/${pm.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await get<MkbaResult>(`/api/v1/mkbas/${mkba.id}/result`)).body.alternatives[0]!.pmItems).toEqual([]);
  });

  describe('bad input is refused with 422 and changes nothing', () => {
    const line = { kind: 'cost', actor: 'gemeente', year: 2027, amountCents: 500 };
    const cases: [string, () => [string, string, object]][] = [
      ['a negative year', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, year: -5 }]],
      ['a year outside the horizon', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, year: 2037 }]],
      ['a year before the base year', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, year: 2025 }]],
      ['an amount that is not whole cents', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, amountCents: 12.5 }]],
      ['a negative amount', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, amountCents: -100 }]],
      ['an unknown actor', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, actor: 'waterschap' }]],
      ['a PM item without description', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, amountCents: null }]],
      ['an unknown property', () => ['POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, vat: true }]],
      ['a rate without justification', () => ['POST', '/api/v1/mkbas', { areaCode: 'FAdordt-west', name: 'X', nullAlternative: 'Y', baseYear: 2026, horizonYears: 10, discountRate: 3 }]],
      ['a rate with three decimals', () => ['POST', '/api/v1/mkbas', { areaCode: 'FAdordt-west', name: 'X', nullAlternative: 'Y', baseYear: 2026, horizonYears: 10, discountRate: 2.255, rateJustification: 'z' }]],
      ['an unknown focus area', () => ['POST', '/api/v1/mkbas', { areaCode: 'FAnergens', name: 'X', nullAlternative: 'Y', baseYear: 2026, horizonYears: 10 }]],
      ['an unknown wijk', () => ['POST', '/api/v1/mkbas', { areaCode: 'WK999999', name: 'X', nullAlternative: 'Y', baseYear: 2026, horizonYears: 10 }]],
      ['a municipality as area', () => ['POST', '/api/v1/mkbas', { areaCode: 'GM0505', name: 'X', nullAlternative: 'Y', baseYear: 2026, horizonYears: 10 }]],
      ['a horizon that leaves lines outside', () => ['PATCH', `/api/v1/mkbas/${mkba.id}`, { horizonYears: 5 }]],
      ['a zero horizon', () => ['PATCH', `/api/v1/mkbas/${mkba.id}`, { horizonYears: 0 }]],
      ['another rate without justification', () => ['PATCH', `/api/v1/mkbas/${mkba.id}`, { discountRate: 0 }]],
      ['an empty alternative name', () => ['POST', `/api/v1/mkbas/${mkba.id}/alternatives`, { name: '  ' }]],
    ];
    it.each(cases)('%s', async (_name, make) => {
      const [method, url, payload] = make();
      const before = await counts();
      const detailBefore = (await get<MkbaDetail>(`/api/v1/mkbas/${mkba.id}`)).body;
      const response = await send(method as 'POST', url, payload);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await counts()).toEqual(before);
      expect((await get<MkbaDetail>(`/api/v1/mkbas/${mkba.id}`)).body).toEqual(detailBefore);
    });

    it('a measure of another alternative', async () => {
      const detail = (await get<MkbaDetail>(`/api/v1/mkbas/${mkba.id}`)).body;
      const foreign = detail.alternatives[1]!.measures[0]!.id;
      const before = await counts();
      const response = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, { ...line, measureId: foreign });
      expect(response.statusCode).toBe(422);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for an unknown MKBA, alternative or line', async () => {
      const none = '00000000-0000-4000-8000-000000000000';
      expect((await get(`/api/v1/mkbas/${none}`)).status).toBe(404);
      expect((await send('POST', `/api/v1/mkba-alternatives/${none}/lines`, line)).statusCode).toBe(404);
      expect((await send('DELETE', `/api/v1/mkba-lines/${none}`)).statusCode).toBe(404);
    });
  });

  it('lets finance read but not change', async () => {
    expect((await get(`/api/v1/mkbas/${mkba.id}/result`, finance)).status).toBe(200);
    expect((await send('PATCH', `/api/v1/mkbas/${mkba.id}`, { name: 'Anders' }, finance)).statusCode).toBe(403);
  });
});
