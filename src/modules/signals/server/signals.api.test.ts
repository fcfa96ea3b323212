import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/test-app.js';
import { countRows } from '../../../../test/support/test-app.js';
import { createSignalsTestApp, get, post, signalBody, POINTS } from './testing/signals-test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createSignalsTestApp();
});
afterAll(() => t.close());

describe('registering a signal', () => {
  it('places a point in its buurt, defaults retention per category, stores persons as pseudonyms', async () => {
    const politie = await t.login('politie');
    const response = await post(t, politie, '/api/v1/signals', signalBody({ persons: [{ reference: 'demo-persoon-901' }] }));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.areaCode).toMatch(/^BU0505/);
    expect(body.retentionUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.subjects).toHaveLength(1);
    expect(body.subjects[0].pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(body)).not.toContain('demo-persoon-901');
    const detail = await get(t, politie, `/api/v1/signals/${body.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().sourceOrganisation.name).toBe('Politie (demopartner)');
  });

  it('refuses ondermijning under a regime without criminal-law data (422) and stores nothing', async () => {
    const politie = await t.login('politie');
    const before = await countRows(t.database, 'signals');
    const response = await post(t, politie, '/api/v1/signals', signalBody({ category: 'ondermijning', legalRegime: 'municipal-task', location: POINTS.centrum }));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain('legalRegime');
    expect(await countRows(t.database, 'signals')).toBe(before);
  });

  it('hides ondermijning under wgs-riec from a housing corporation: absent from lists, 404 on detail', async () => {
    const politie = await t.login('politie');
    const created = await post(t, politie, '/api/v1/signals', signalBody({ category: 'ondermijning', legalRegime: 'wgs-riec', confidentiality: 'restricted', location: POINTS.centrum, details: { indicator: 'witwassen' } }));
    expect(created.statusCode).toBe(201);
    const corporatie = await t.login('corporatie');
    expect((await get(t, corporatie, `/api/v1/signals/${created.json().id}`)).statusCode).toBe(404);
    const list = await get(t, corporatie, '/api/v1/signals?municipality=GM0505&category=ondermijning');
    expect(list.json().total).toBe(0);
    const regisseur = await t.login('regisseur');
    expect((await get(t, regisseur, `/api/v1/signals/${created.json().id}`)).statusCode).toBe(200);
  });
});
