import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { loadActorUser, type Actor } from '../../../platform/server/index.js';
import { deleteExpiredHotspotAnalyses, findSavedHotspotAnalysis } from '../index.js';
import { twoSidedP } from './engine/normal-tail.js';

/** POST /api/v1/analyses/hotspots on the real Dordrecht 2020 buurten (demo CBS data), and saved analyses. */

let t: TestApp;
let analyst: TestSession;
let partner: TestSession;
beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas'] });
  analyst = await t.login('analist');
  partner = await t.login('politie');
});
afterAll(() => t.close());

const INDICATOR_REQUEST = {
  source: { indicator: 'population_density', municipality: 'GM0505', level: 'buurt', period: '2020' },
  weights: 'queen',
  statistic: 'gi_star',
} as const;

const run = (payload: unknown, session: TestSession = analyst) => t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots', headers: session.headers, payload: payload as object });

interface Item {
  id: string;
  value: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  bin: number;
  neighbours: number;
  I?: number | null;
  quadrant?: string | null;
}

describe('POST /api/v1/analyses/hotspots on an indicator', () => {
  it('answers in the shape of API.md, with ArcGIS bins after Benjamini–Hochberg', async () => {
    const response = await run(INDICATOR_REQUEST);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ alpha: [0.1, 0.05, 0.01], correction: 'fdr-bh', statistic: 'gi_star', weights: 'queen', cell: 'area', year: 2020 });
    const items = body.items as Item[];
    expect(body.n).toBe(items.length);
    expect(body.n).toBeGreaterThan(50);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'value', 'z', 'p', 'bin']));
      expect(item.id).toMatch(/^BU0505/);
      expect([-3, -2, -1, 0, 1, 2, 3]).toContain(item.bin);
      expect(item.p).toBeCloseTo(twoSidedP(item.z!), 14);
      // The bin follows from the adjusted p and the sign of z, as in ArcGIS's Gi_Bin with FDR.
      const level = item.pAdjusted! <= 0.01 ? 3 : item.pAdjusted! <= 0.05 ? 2 : item.pAdjusted! <= 0.1 ? 1 : 0;
      expect(item.bin).toBe(level === 0 ? 0 : level * Math.sign(item.z!));
      expect(item.pAdjusted!).toBeGreaterThanOrEqual(item.p!);
    }
    // The dense city centre is a hot spot, so not every bin is 0.
    expect(items.some((i) => i.bin >= 2)).toBe(true);
  });

  it('leaves areas without a value out and lists them', async () => {
    const body = (await run(INDICATOR_REQUEST)).json();
    const areas = (await t.app.inject({ url: '/api/v1/areas?municipality=GM0505&level=buurt&year=2020', headers: { cookie: analyst.cookie } })).json();
    expect(body.n + body.excluded.length).toBe(areas.items.length);
  });

  it('counts fewer neighbours with rook than with queen, and exactly k with knn', async () => {
    const neighbours = async (weights: string) => ((await run({ ...INDICATOR_REQUEST, weights })).json().items as Item[]).reduce((s, i) => s + i.neighbours, 0);
    const queen = await neighbours('queen');
    const rook = await neighbours('rook');
    expect(rook).toBeLessThan(queen);
    const knn = (await run({ ...INDICATOR_REQUEST, weights: 'knn:5' })).json();
    expect((knn.items as Item[]).every((i) => i.neighbours === 5)).toBe(true);
  });

  it("local Moran's I returns I, z, p and a quadrant", async () => {
    const response = await run({ ...INDICATOR_REQUEST, statistic: 'local_moran', weights: 'knn:6' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Item[];
    expect(items.every((i) => typeof i.I === 'number' || i.I === null)).toBe(true);
    expect(new Set(items.map((i) => i.quadrant))).toEqual(expect.any(Set));
    expect(items.some((i) => i.quadrant === 'high-high' && i.bin > 0)).toBe(true);
  });

  it('refuses bad input with 422 and a path, and changes nothing', async () => {
    const audit = await countRows(t.database, 'audit_log');
    const cases: [unknown, string][] = [
      [{ ...INDICATOR_REQUEST, weights: 'ring:1' }, 'weights'],
      [{ ...INDICATOR_REQUEST, weights: 'knn:0' }, 'weights'],
      [{ ...INDICATOR_REQUEST, weights: 'distance:500' }, 'weights'],
      [{ ...INDICATOR_REQUEST, statistic: 'getis' }, 'statistic'],
      [{ ...INDICATOR_REQUEST, source: { ...INDICATOR_REQUEST.source, indicator: 'no_such_thing' } }, 'source.indicator'],
      [{ ...INDICATOR_REQUEST, source: { ...INDICATOR_REQUEST.source, municipality: 'GM9999' } }, 'source'],
      [{ ...INDICATOR_REQUEST, extra: true }, ''],
      [{ ...INDICATOR_REQUEST, source: { ...INDICATOR_REQUEST.source, level: 'gemeente' } }, 'source'],
      [{ weights: 'queen', statistic: 'gi_star' }, 'source'],
    ];
    for (const [payload, path] of cases) {
      const response = await run(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const errors = response.json().errors as { path: string }[];
      expect(errors.length).toBeGreaterThan(0);
      // Schema errors carry the request part (body.weights), service errors the field itself (weights).
      if (path) expect(errors.some((e) => e.path.replace(/^body\./, '').startsWith(path)), JSON.stringify(errors)).toBe(true);
    }
    expect(await countRows(t.database, 'audit_log')).toBe(audit);
  });
});

describe('saved analyses', () => {
  it('saves with an id, audits it, and reopens it for the module and for neighbourhood plans', async () => {
    const audit = await countRows(t.database, 'audit_log');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/analyses/hotspots/saved',
      headers: analyst.headers,
      payload: { name: 'Dichtheid Dordrecht 2020', note: 'voor het wijkontwikkelingsplan', request: INDICATOR_REQUEST },
    });
    expect(response.statusCode).toBe(201);
    const saved = response.json();
    expect(saved).toMatchObject({ name: 'Dichtheid Dordrecht 2020', sourceKind: 'indicator', expiresAt: null, createdBy: 'analist', request: INDICATOR_REQUEST });
    expect(saved.result.n).toBeGreaterThan(50);
    expect(await countRows(t.database, 'audit_log')).toBe(audit + 1);

    const again = await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${saved.id}`, headers: { cookie: partner.cookie } });
    expect(again.statusCode).toBe(200);
    expect(again.json().result).toEqual(saved.result);
    const list = await t.app.inject({ url: '/api/v1/analyses/hotspots/saved?municipality=GM0505', headers: { cookie: analyst.cookie } });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(saved.id);

    const actor: Actor = { ...(await loadActorUser(t.database.db, analyst.userId))!, via: 'session' };
    expect((await findSavedHotspotAnalysis(t.database.db, actor, saved.id))?.name).toBe('Dichtheid Dordrecht 2020');
    expect(await findSavedHotspotAnalysis(t.database.db, actor, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('gives 404 for an unknown id and 422 for a bad name', async () => {
    expect((await t.app.inject({ url: '/api/v1/analyses/hotspots/saved/00000000-0000-4000-8000-000000000000', headers: { cookie: analyst.cookie } })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots/saved', headers: analyst.headers, payload: { name: ' ', request: INDICATOR_REQUEST } });
    expect(bad.statusCode).toBe(422);
  });

  it('the retention job leaves indicator analyses alone and is safe to run twice', async () => {
    const before = await countRows(t.database, 'hotspot_analyses');
    expect(await deleteExpiredHotspotAnalyses(t.database.db, new Date('2100-01-01T00:00:00Z'))).toBe(0);
    expect(await countRows(t.database, 'hotspot_analyses')).toBe(before);
  });
});
