import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { seedDemoIndicatorData } from './demo-data.js';

/** GET/POST /api/v1/indicators on the catalogue the demo ships (data/demo/indicator-catalogue.json). */

interface CatalogueItem {
  code: string;
  name: string;
  aggregation: string;
  weightIndicator: string | null;
  suppressBelow: number | null;
}
const shipped = (JSON.parse(readFileSync(new URL('../../../../data/demo/indicator-catalogue.json', import.meta.url), 'utf8')) as { items: CatalogueItem[] }).items;

let t: TestApp;
let analyst: TestSession;
let partner: TestSession;
let manager: TestSession;
beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators'] });
  analyst = await t.login('analist');
  partner = await t.login('politie');
  manager = await t.login('regisseur');
});
afterAll(() => t.close());

const post = (payload: object, session: TestSession = analyst) => t.app.inject({ method: 'POST', url: '/api/v1/indicators', headers: session.headers, payload });
const counts = async () => ({ indicators: await countRows(t.database, 'indicators'), audit: await countRows(t.database, 'audit_log') });

const NEW = {
  code: 'bike_thefts',
  name: 'Fietsdiefstallen',
  theme: 'Veiligheid',
  unit: 'aantal',
  polarity: 'lower_is_better',
  aggregation: 'sum',
} as const;

describe('GET /api/v1/indicators', () => {
  it('lists the shipped catalogue, every entry with its aggregation rule', async () => {
    const response = await t.app.inject({ url: '/api/v1/indicators', headers: { cookie: partner.cookie } });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as (CatalogueItem & { polarity: string; source: string })[];
    expect(shipped).toHaveLength(150);
    expect(items.map((i) => i.code).sort()).toEqual(shipped.map((i) => i.code).sort());
    expect(items.find((i) => i.code === 'inhabitants')).toMatchObject({ name: 'Aantal inwoners', aggregation: 'sum', weightIndicator: null, polarity: 'neutral' });
    expect(items.find((i) => i.code === 'share_one_person_households')).toMatchObject({ aggregation: 'weighted_mean', weightIndicator: 'households', suppressBelow: 50 });
    // Every weighted mean names a denominator that is itself in the catalogue.
    const codes = new Set(items.map((i) => i.code));
    for (const item of items.filter((i) => i.aggregation === 'weighted_mean')) expect(codes.has(item.weightIndicator ?? ''), item.code).toBe(true);
  });

  it('a second demo seed writes nothing (every file is recognised by its hash)', async () => {
    const before = { ...(await counts()), values: await countRows(t.database, 'indicator_values'), imports: await countRows(t.database, 'imports') };
    await seedDemoIndicatorData(t.database.db);
    expect({ ...(await counts()), values: await countRows(t.database, 'indicator_values'), imports: await countRows(t.database, 'imports') }).toEqual(before);
  });
});

describe('POST /api/v1/indicators', () => {
  it('an analyst adds an indicator: 201, listed, audited', async () => {
    const before = await counts();
    const response = await post(NEW);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ ...NEW, source: '', definition: '', weightIndicator: null, decimals: 0, suppressBelow: null });
    expect(await counts()).toEqual({ indicators: before.indicators + 1, audit: before.audit + 1 });
    const list = (await t.app.inject({ url: '/api/v1/indicators', headers: { cookie: analyst.cookie } })).json().items as { code: string }[];
    expect(list.map((i) => i.code)).toContain('bike_thefts');
  });

  it('a weighted mean with a known weight indicator and suppression: 201', async () => {
    const response = await post({ ...NEW, code: 'bike_thefts_per_1000', unit: 'per 1.000 inwoners', aggregation: 'weighted_mean', weightIndicator: 'inhabitants', suppressBelow: 100, decimals: 1 });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ code: 'bike_thefts_per_1000', aggregation: 'weighted_mean', weightIndicator: 'inhabitants', suppressBelow: 100, decimals: 1 });
  });

  it('refuses a taken code (409) and an invalid rule (422) and writes nothing', async () => {
    const before = await counts();
    const taken = await post({ ...NEW, code: 'inhabitants' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().type).toBe('urn:wijkregie:problem:indicator.code_taken');
    expect((await post(NEW)).statusCode).toBe(409);

    const noWeight = await post({ ...NEW, code: 'share_a', aggregation: 'weighted_mean' });
    expect(noWeight.statusCode).toBe(422);
    expect(noWeight.json().errors).toEqual([{ path: 'body.weightIndicator', message: 'required for aggregation weighted_mean' }]);
    const unknownWeight = await post({ ...NEW, code: 'share_b', aggregation: 'weighted_mean', weightIndicator: 'no_such_indicator' });
    expect(unknownWeight.statusCode).toBe(422);
    expect(unknownWeight.json().type).toBe('urn:wijkregie:problem:indicator.weight_unknown');
    const unusedWeight = await post({ ...NEW, code: 'share_c', aggregation: 'sum', weightIndicator: 'inhabitants' });
    expect(unusedWeight.statusCode).toBe(422);
    const badCode = await post({ ...NEW, code: 'Bike Thefts' });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().errors).toContainEqual(expect.objectContaining({ path: expect.stringContaining('code') }));
    const badPolarity = await post({ ...NEW, code: 'share_d', polarity: 'up' });
    expect(badPolarity.statusCode).toBe(422);
    const extra = await post({ ...NEW, code: 'share_e', cbsKey: 'AantalInwoners' });
    expect(extra.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('is refused to a partner and a programme manager (403), nothing written', async () => {
    const before = await counts();
    for (const session of [partner, manager]) {
      const response = await post({ ...NEW, code: 'share_f' }, session);
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await counts()).toEqual(before);
  });
});
