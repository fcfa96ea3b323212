import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { DirectionDashboard } from '../contract.js';

/**
 * The Regie dashboard's money rows on the demo of Dordt West: what slips in money, from the finance module,
 * for whom may see finance; each row names its owner. The amounts are finance's own (docs/finance.md).
 */
let t: TestApp;
let regisseur: TestSession;
let beheerder: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance'] });
  regisseur = await t.login('regisseur');
  beheerder = await t.login('beheerder');
}, 300_000);
afterAll(() => t?.close());

const get = async <T>(url: string, s: TestSession) => {
  const response = await t.app.inject({ url, headers: s.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

describe('money on the Regie dashboard', () => {
  it('shows the programme manager overruns, late tranches, repayment and late accountability, with owners, as finance computes them', async () => {
    const dashboard = await get<DirectionDashboard>('/api/v1/direction', regisseur);
    const money = dashboard.money ?? [];
    const codes = new Set(money.map((m) => m.signal.code));
    // The energy-help line is spent ahead of the calendar: forecast overrun (or, late in the year, over budget).
    const energy = money.find((m) => m.signal.scope.type === 'line' && m.signal.scope.name?.includes('Energiehulpen'));
    expect(energy?.signal.code).toMatch(/^(forecast_overrun|over_budget)$/);
    expect(energy?.programme?.name).toBeTruthy();
    expect(energy?.owner).toEqual({ kind: 'activity_owner', name: expect.any(String) });
    // Preventie met Gezag: tranche 4 is late; nothing is paid back (more spent than received).
    const pmg = money.filter((m) => m.signal.scope.name === 'Preventie met Gezag');
    expect(pmg.map((m) => m.signal.code)).toEqual(['tranche_overdue']);
    expect(pmg[0]).toMatchObject({ signal: { amountCents: 107_530_200, subject: '4' }, owner: { kind: 'funder', name: 'Ministerie van Justitie en Veiligheid' } });
    // Every funding-source row says exactly what the funding source says.
    const sources = (await get<{ items: { id: string; signals: unknown[] }[] }>('/api/v1/funding-sources', regisseur)).items;
    for (const row of money.filter((m) => m.signal.scope.type === 'funding_source')) {
      expect(sources.find((s) => s.id === row.signal.scope.id)?.signals).toContainEqual(row.signal);
    }
    if (dashboard.today > '2026-07-01') {
      expect(codes).toContain('accountability_overdue');
      // The VWS money (period to the end of 2025) was received and not spent on any line: all of it goes back.
      expect(money.find((m) => m.signal.code === 'repayment_due')).toMatchObject({ signal: { amountCents: 36_000_000 }, owner: { kind: 'funder', name: 'Ministerie van Volksgezondheid, Welzijn en Sport' } });
    }
    // Alerts first.
    const levels = money.map((m) => m.signal.level);
    expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === 'alert' ? -1 : 1)));
  });

  it('gives no money rows to the administrator, who may see the dashboard but not finance', async () => {
    const dashboard = await get<DirectionDashboard>('/api/v1/direction', beheerder);
    expect(dashboard.money).toBeNull();
    expect(JSON.stringify(dashboard)).not.toMatch(/tranche_overdue|repayment|Ministerie/);
  });
});
