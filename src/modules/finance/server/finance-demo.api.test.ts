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

  it('attributes the youth spend to Preventie met Gezag and shows what must be paid back after June 2026', async () => {
    const sources = (await get(finance, '/api/v1/funding-sources')).json().items;
    const pmg = sources.find((s: { name: string }) => s.name === 'Preventie met Gezag');
    expect(pmg.spentCents).toBeGreaterThan(300_000_000);
    const repayment = pmg.signals.find((s: { code: string }) => s.code === 'repayment_due' || s.code === 'underspend_risk');
    if (new Date().toISOString().slice(0, 10) > '2026-06-30') expect(repayment).toMatchObject({ code: 'repayment_due', amountCents: 430_120_800 - pmg.spentCents });
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
