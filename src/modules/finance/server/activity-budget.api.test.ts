import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDemoActivityIdsByName, DEMO_ACTIVITY_NAMES } from '../../programmes/index.js';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';

/** GET /api/v1/activities/{id}/budget on the demo (docs/finance.md, "Money of one activity"). */
let t: TestApp;
let regisseur: TestSession;
let corporatie: TestSession;
let politie: TestSession;
let analist: TestSession;
let youthId: string;
let housingId: string;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'finance'] });
  regisseur = await t.login('regisseur');
  corporatie = await t.login('corporatie');
  politie = await t.login('politie');
  analist = await t.login('analist');
  const ids = await findDemoActivityIdsByName(t.database.db);
  youthId = ids.get(DEMO_ACTIVITY_NAMES.youthPrevention) ?? '';
  housingId = ids.get(DEMO_ACTIVITY_NAMES.housingRenovation) ?? '';
}, 180_000);
afterAll(() => t.close());

const get = (s: TestSession | null, url: string) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });

describe('the money of one activity', () => {
  it('gives the youth approach its four yearly lines, as the demo books them (hand-checked)', async () => {
    const response = await get(regisseur, `/api/v1/activities/${youthId}/budget`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.activity).toMatchObject({ id: youthId, name: DEMO_ACTIVITY_NAMES.youthPrevention });
    const pick = (y: { year: number; budgetCents: number; committedCents: number; spentCents: number; pendingCents: number; remainingCents: number }) =>
      [y.year, y.budgetCents, y.committedCents, y.spentCents, y.pendingCents, y.remainingCents];
    // Budget − spent (no commitments): € 400.000 − € 350.000, € 1.200.000 − € 1.150.000, € 1.450.000 − € 1.325.000, € 725.000 − € 610.000.
    expect(body.years.map(pick)).toEqual([
      [2023, 40_000_000, 0, 35_000_000, 0, 5_000_000],
      [2024, 120_000_000, 0, 115_000_000, 0, 5_000_000],
      [2025, 145_000_000, 0, 132_500_000, 0, 12_500_000],
      [2026, 72_500_000, 0, 61_000_000, 0, 11_500_000],
    ]);
    expect(body.lines.map((l: { year: number; description: string }) => `${l.year} ${l.description}`)).toEqual(['2023 Jongerenwerk en jeugdboa’s', '2024 Jongerenwerk en jeugdboa’s', '2025 Jongerenwerk en jeugdboa’s', '2026 Jongerenwerk en jeugdboa’s']);
    // A past year's forecast is what was spent; the same total as the Preventie met Gezag source spent (€ 3.435.000).
    expect(body.years.slice(0, 3).map((y: { forecastCents: number }) => y.forecastCents)).toEqual([35_000_000, 115_000_000, 132_500_000]);
    expect(body.totals).toMatchObject({ budgetCents: 377_500_000, spentCents: 343_500_000 });
    const today: string = body.today;
    if (today.startsWith('2026-')) {
      // This year: spend extrapolated to the year end, € 610.000 × 365 / days elapsed.
      const elapsed = (Date.parse(today) - Date.parse('2026-01-01')) / 86_400_000 + 1;
      expect(body.years[3].forecastCents).toBe(Math.round((61_000_000 * 365) / elapsed));
    }
  });

  it('shows the renovation line with the commitment that waits for a second person', async () => {
    const body = (await get(regisseur, `/api/v1/activities/${housingId}/budget`)).json();
    expect(body.lines).toHaveLength(1);
    const line = body.lines[0];
    expect(line).toMatchObject({ description: 'Procesbegeleiding bewoners bij renovatie', budgetCents: 9_000_000, pendingCents: 2_400_000, committedCents: 0 });
    expect(line.remainingCents).toBe(line.budgetCents - line.spentCents);
    expect(line.remainingAfterPendingCents).toBe(line.remainingCents - 2_400_000);
    expect(body.years).toHaveLength(1);
  });

  it('shows a partner its own activity with the lines its money finances, and hides others', async () => {
    const own = await get(corporatie, `/api/v1/activities/${housingId}/budget`);
    expect(own.statusCode).toBe(200);
    expect(own.json().lines.map((l: { description: string }) => l.description)).toEqual(['Procesbegeleiding bewoners bij renovatie']);
    // The police's activity is not the corporation's to see: 404, as GET /activities/{id}.
    expect((await get(corporatie, `/api/v1/activities/${youthId}/budget`)).statusCode).toBe(404);
    // The police may see its activity, but no source of its own finances it: no money shown.
    const police = await get(politie, `/api/v1/activities/${youthId}/budget`);
    expect(police.statusCode).toBe(200);
    expect(police.json()).toMatchObject({ lines: [], years: [], totals: { budgetCents: 0, spentCents: 0 } });
  });

  it('refuses whoever may not read finance, unknown activities and bad ids', async () => {
    expect((await get(analist, `/api/v1/activities/${youthId}/budget`)).statusCode).toBe(403);
    expect((await get(null, `/api/v1/activities/${youthId}/budget`)).statusCode).toBe(401);
    const unknown = await get(regisseur, '/api/v1/activities/00000000-0000-4000-8000-000000000000/budget');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe('urn:wijkregie:problem:finance.activity_not_found');
    for (const bad of ['abc', '1', `${youthId}x`, '%27%20OR%201%3D1']) {
      expect((await get(regisseur, `/api/v1/activities/${bad}/budget`)).statusCode).toBe(422);
    }
  });
});
