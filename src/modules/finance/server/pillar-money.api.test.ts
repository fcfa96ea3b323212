import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';

/** The budget's money per pillar (GET /api/v1/programmes/{id}/budget → pillars) on the demo, hand-checked. */
let t: TestApp;
let regisseur: TestSession;
let corporatie: TestSession;
let programmeId: string;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'finance'] });
  regisseur = await t.login('regisseur');
  corporatie = await t.login('corporatie');
  programmeId = (await t.app.inject({ method: 'GET', url: '/api/v1/finance/programmes', headers: regisseur.headers })).json().items[0].id;
}, 180_000);
afterAll(() => t.close());

type PillarRow = { id: string | null; name: string | null; activityCount: number; budgetCents: number; spentCents: number; pendingCents: number };
const budget = async (s: TestSession, year: number) => (await t.app.inject({ method: 'GET', url: `/api/v1/programmes/${programmeId}/budget?year=${year}`, headers: s.headers })).json();
const byName = (pillars: PillarRow[]) => Object.fromEntries(pillars.map((p) => [p.name ?? '(geen pijler)', [p.activityCount, p.budgetCents, p.spentCents]]));

describe('money per pillar', () => {
  it('puts 2025 (only the youth approach, strategic goal "veiligheid") under Leefbaar en veilig', async () => {
    const body = await budget(regisseur, 2025);
    expect(body.pillars.map((p: PillarRow) => p.name)).toEqual(['Wonen en fysieke leefomgeving', 'Gezond en samen leven', 'Leren en ontwikkelen', 'Werk en inkomen', 'Leefbaar en veilig']);
    expect(byName(body.pillars)).toEqual({
      'Wonen en fysieke leefomgeving': [0, 0, 0],
      'Gezond en samen leven': [0, 0, 0],
      'Leren en ontwikkelen': [0, 0, 0],
      'Werk en inkomen': [0, 0, 0],
      'Leefbaar en veilig': [1, 145_000_000, 132_500_000],
    });
  });

  it('sums this year per pillar through the activities’ goals', async () => {
    const year = new Date().getUTCFullYear();
    const body = await budget(regisseur, year);
    const pillar = (name: string) => body.pillars.find((p: PillarRow) => p.name === name) as PillarRow;
    const line = (start: string) => body.lines.find((l: { description: string }) => l.description.startsWith(start)) as { spentCents: number };
    // Wielwijk renovation (fysieke leefomgeving, toekomstbestendig wonen): € 90.000 with € 24.000 waiting.
    expect(pillar('Wonen en fysieke leefomgeving')).toMatchObject({ activityCount: 1, budgetCents: 9_000_000, pendingCents: 2_400_000, spentCents: line('Procesbegeleiding').spentCents });
    // Energy help (€ 180.000) and debt help (€ 60.000) both serve "perspectief op inkomen".
    expect(pillar('Werk en inkomen')).toMatchObject({ activityCount: 2, budgetCents: 24_000_000, spentCents: line('Energiehulpen').spentCents + line('Inloopspreekuur').spentCents });
    if (year === 2026) expect(pillar('Leefbaar en veilig')).toMatchObject({ activityCount: 1, budgetCents: 72_500_000, spentCents: 61_000_000 });
    expect(body.pillars.some((p: PillarRow) => p.id === null)).toBe(false);
  });

  it('gives a partner only the pillar of the line its money finances', async () => {
    const body = await budget(corporatie, new Date().getUTCFullYear());
    expect(byName(body.pillars)).toMatchObject({ 'Wonen en fysieke leefomgeving': [1, 9_000_000, expect.any(Number)], 'Werk en inkomen': [0, 0, 0], 'Leefbaar en veilig': [0, 0, 0] });
  });
});
