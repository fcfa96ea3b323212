import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActorUser } from '../../../platform/server/index.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { DEMO_ACTIVITY_NAMES, DEMO_PROGRAMME_NAME, findDemoActivityIdsByName, findDemoProgrammeId, listSlippingActivities } from '../index.js';
import { seedDemoProgrammes } from './demo-data.js';

/** The demo programme Dordt West (seed 004) on the real CBS demo figures. */

let t: TestApp;
let manager: TestSession;
beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes'] });
  manager = await t.login('regisseur');
});
afterAll(() => t.close());

describe('demo programme Dordt West', () => {
  it('has the ambition, five pillars and ten strategic goals of the council letter, each under a pillar', async () => {
    const id = await findDemoProgrammeId(t.database.db);
    const detail = (await t.app.inject({ url: `/api/v1/programmes/${id}`, headers: manager.headers })).json();
    expect(detail).toMatchObject({ name: DEMO_PROGRAMME_NAME, horizonStart: '2023-01-01', horizonEnd: '2043-12-31', isDemo: true, areas: [{ code: 'FAdordt-west', name: 'Dordt West' }] });
    expect(detail.ambition).toMatch(/^De volgende generatie jeugd groeit gezonder en veiliger op.*We groeien met Dordt West naar het Dordts gemiddelde\.$/);
    expect(detail.pillars.map((p: { name: string }) => p.name)).toEqual(['Wonen en fysieke leefomgeving', 'Gezond en samen leven', 'Leren en ontwikkelen', 'Werk en inkomen', 'Leefbaar en veilig']);
    expect(detail.strategicGoals).toHaveLength(10);
    const pillarIds = new Set(detail.pillars.map((p: { id: string }) => p.id));
    for (const goal of detail.strategicGoals) expect(pillarIds.has(goal.pillarId)).toBe(true);
    expect(detail.strategicGoals[9].name).toBe('Het vergroten van de veiligheid');
  });

  it('example goals on real figures: statuses computed from the 2020 baseline and the 2024 figures', async () => {
    const id = await findDemoProgrammeId(t.database.db);
    const goals = (await t.app.inject({ url: `/api/v1/programmes/${id}`, headers: manager.headers })).json().operationalGoals as { name: string; isExample: boolean; status: string; target: number | null; baseline: number; municipalityValueSource: string | null }[];
    expect(goals.every((g) => g.isExample && g.name.startsWith('Voorbeeld:'))).toBe(true);
    const byName = (part: string) => goals.find((g) => g.name.includes(part));
    // Dordt West 30,495 inhabitants in 2020 (the four wijken), 31,030 in 2024, aiming at 33,000 in 2030.
    expect(byName('Dordt West groeit')).toMatchObject({ baseline: 30495, status: 'at_risk' });
    expect(byName('Nieuw-Krispijn')).toMatchObject({ baseline: 5285, status: 'off_track' });
    expect(byName('Wielwijk')).toMatchObject({ baseline: 6120, status: 'on_track' });
    // Only 2020 has this share; the Dordrecht value is aggregated from the buurten (the gemeente file has none).
    const average = byName('eenpersoonshuishoudens');
    expect(average).toMatchObject({ status: 'no_data' });
    expect(average?.target).toBeGreaterThan(30);
  });

  it('a running police activity whose end date has passed is slipping; the finance seed finds activities by name', async () => {
    const user = await loadActorUser(t.database.db, manager.userId);
    const slipping = await listSlippingActivities(t.database.db, { ...user!, via: 'session' }, '2026-11-22');
    expect(slipping.map((a) => a.name)).toContain(DEMO_ACTIVITY_NAMES.youthPrevention);
    const ids = await findDemoActivityIdsByName(t.database.db);
    expect([...ids.keys()].sort()).toEqual(Object.values(DEMO_ACTIVITY_NAMES).sort());
  });

  it('a neighbourhood development plan for Dordt West with two of three priorities and an agenda', async () => {
    const plans = (await t.app.inject({ url: '/api/v1/plans?area=FAdordt-west', headers: manager.headers })).json().items;
    expect(plans).toHaveLength(1);
    const plan = (await t.app.inject({ url: `/api/v1/plans/${plans[0].id}`, headers: manager.headers })).json();
    expect(plan).toMatchObject({ focusLimit: 3, activePriorities: 2, isDemo: true });
    expect(plan.analysis.length).toBeGreaterThanOrEqual(4);
    expect(plan.agenda.length).toBe(4);
  });

  it('seeding again adds nothing', async () => {
    const tables = ['programmes', 'operational_goals', 'activities', 'activity_progress_updates', 'neighbourhood_plans', 'audit_log'];
    const before = await Promise.all(tables.map((table) => countRows(t.database, table)));
    await seedDemoProgrammes(t.database.db);
    expect(await Promise.all(tables.map((table) => countRows(t.database, table)))).toEqual(before);
  });
});
