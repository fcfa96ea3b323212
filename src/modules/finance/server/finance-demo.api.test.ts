import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { seedFinanceDemo } from './demo-data.js';

/** The demo as `npm start` seeds it (with the programmes module's Dordt West programme). */
let t: TestApp;
let finance: TestSession;
let corporatie: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'finance'] });
  finance = await t.login('financien');
  corporatie = await t.login('corporatie');
}, 180_000);
afterAll(() => t.close());

const get = (s: TestSession, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

describe('finance demo on the Dordt West programme', () => {
  it('shows a budget overview of this year with a forecast-overrun warning (or, late in the year, an alert)', async () => {
    const options = (await get(finance, '/api/v1/finance/programmes')).json().items;
    expect(options).toHaveLength(1);
    const year = new Date().getUTCFullYear();
    const budget = (await get(finance, `/api/v1/programmes/${options[0].id}/budget?year=${year}`)).json();
    const energy = budget.lines.find((l: { description: string }) => l.description.startsWith('Energiehulpen'));
    expect(energy.signal?.code).toMatch(/^(forecast_overrun|over_budget)$/);
    expect(budget.alerts.some((a: { code: string }) => a.code === 'forecast_overrun' || a.code === 'over_budget')).toBe(true);
    expect(budget.totals.pendingCents).toBe(2_400_000);
  });

  it('attributes the youth spend to Preventie met Gezag; after June 2026 nothing is paid back, as more was spent than received', async () => {
    const sources = (await get(finance, '/api/v1/funding-sources')).json().items;
    const pmg = sources.find((s: { name: string }) => s.name === 'Preventie met Gezag');
    // € 3.435.000 spent; three tranches of € 1.075.302 received (€ 3.225.906); the fourth is late.
    expect(pmg.spentCents).toBe(343_500_000);
    expect(pmg.receivedCents).toBe(322_590_600);
    expect(pmg.signals).toContainEqual(expect.objectContaining({ level: 'alert', code: 'tranche_overdue', amountCents: 107_530_200, subject: '4' }));
    if (new Date().toISOString().slice(0, 10) > '2026-06-30') {
      expect(pmg.signals.map((s: { code: string }) => s.code)).not.toContain('repayment_due');
      // What was once shown as "€ 866.208 moet worden terugbetaald" lapses; € 209.094 is still to receive on the spend.
      expect(pmg.repayment).toMatchObject({ phase: 'ended', repaymentCents: 0, stillToReceiveCents: 20_909_400, unusedCents: 86_620_800 });
    }
    const detail = (await get(finance, `/api/v1/funding-sources/${pmg.id}`)).json();
    expect(detail.activities.map((a: { activityName: string }) => a.activityName)).toEqual(['Preventie met Gezag: jongerenaanpak Crabbehof']);
  });

  it('queues one commitment for approval, and seeding again adds nothing', async () => {
    const queue = (await get(finance, '/api/v1/finance-entries/pending')).json();
    expect(queue.items.map((e: { documentRef: string }) => e.documentRef)).toEqual(['DEMO-OPDRACHT-001']);
    const before = await countRows(t.database, 'finance_entries');
    await seedFinanceDemo(t.database.db);
    expect(await countRows(t.database, 'finance_entries')).toBe(before);
  });

  it('shows the housing corporation the lines its in-kind staff finances, and no others', async () => {
    const options = (await get(corporatie, '/api/v1/finance/programmes')).json().items;
    const year = new Date().getUTCFullYear();
    const budget = (await get(corporatie, `/api/v1/programmes/${options[0].id}/budget?year=${year}`)).json();
    expect(budget.lines.map((l: { description: string }) => l.description)).toEqual(['Procesbegeleiding bewoners bij renovatie']);
  });
});
