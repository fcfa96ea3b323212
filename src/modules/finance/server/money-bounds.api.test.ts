import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type TestSession } from '../../../../test/support/test-app.js';
import { createFinanceKit, createLine, createProgrammeWithActivities, createSource, type FinanceKit } from './testing/finance-test-kit.js';

/**
 * Issue 9: 12 approved entries of 9e14 cents on one line made the budget answer 500 for good. Amounts are
 * bounded by what a municipality can spend: € 1.000.000.000 (1e11 cents) per booking, per budget line and for
 * a line's bookings of one kind; € 10.000.000.000 (1e12 cents) per funding source and for the bookings of one
 * kind in a programme's year or on all lines of one source. Above a cap: 422 naming the field, nothing stored.
 */
const LINE_CAP = 100_000_000_000;
const TOTAL_CAP = 1_000_000_000_000;

let kit: FinanceKit;
let finance: TestSession;
let regisseur: TestSession;
let gemeente: string;
let activityId: string;
let bigSource: string;

const spend = (budgetLineId: string, amountCents: number, over: Record<string, unknown> = {}) => ({
  budgetLineId,
  kind: 'spend',
  amountCents,
  bookedOn: '2026-01-01',
  description: 'Factuur',
  documentRef: `F-${Math.random().toString(36).slice(2, 10)}`,
  ...over,
});

async function expect422(response: Awaited<ReturnType<FinanceKit['post']>>, path: string) {
  expect(response.statusCode, response.body).toBe(422);
  expect(response.headers['content-type']).toContain('application/problem+json');
  // Schema errors name the part of the request ("body.amountCents"), the service's own the field.
  expect(response.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ''))).toContain(path);
}

beforeAll(async () => {
  kit = await createFinanceKit();
  finance = await kit.t.login('financien');
  regisseur = await kit.t.login('regisseur');
  gemeente = await kit.organisationId('gemeente');
  const made = await createProgrammeWithActivities(kit, regisseur, 'Programma grote bedragen', [{ name: 'Grote werken', ownerOrganisationId: gemeente }]);
  activityId = made.activityIds[0] ?? '';
  bigSource = await createSource(kit, finance, 'Grote bron', { totalCents: TOTAL_CAP });
});
afterAll(() => kit.t.close());

describe('amounts are bounded by what a municipality can spend', () => {
  it('refuses the 9e14-cent booking of the issue, and one cent above € 1.000.000.000, naming amountCents', async () => {
    const lineId = await createLine(kit, finance, activityId, bigSource, 'Kapotte regel', LINE_CAP);
    const before = await countRows(kit.t.database, 'finance_entries');
    await expect422(await kit.post(finance, '/api/v1/finance-entries', spend(lineId, 900_000_000_000_000)), 'amountCents');
    await expect422(await kit.post(finance, '/api/v1/finance-entries', spend(lineId, LINE_CAP + 1)), 'amountCents');
    expect(await countRows(kit.t.database, 'finance_entries')).toBe(before);
    expect((await kit.post(finance, '/api/v1/finance-entries', spend(lineId, LINE_CAP))).statusCode).toBe(201);
  });

  it('refuses a line, a source, a tranche, a threshold or a proposal above its cap', async () => {
    await expect422(await kit.post(finance, '/api/v1/budget-lines', { activityId, year: 2026, description: 'Te groot', amountCents: LINE_CAP + 1, allocations: [] }), 'amountCents');
    await expect422(await kit.post(finance, '/api/v1/funding-sources', { name: 'Te grote bron', kind: 'rijkssubsidie', funderName: 'Rijk', totalCents: TOTAL_CAP + 1, spendFrom: '2026-01-01', spendUntil: '2026-12-31' }), 'totalCents');
    await expect422(
      await kit.post(finance, '/api/v1/funding-sources', { name: 'Te grote tranche', kind: 'rijkssubsidie', funderName: 'Rijk', totalCents: TOTAL_CAP, spendFrom: '2026-01-01', spendUntil: '2026-12-31', tranches: [{ amountCents: TOTAL_CAP + 1, dueDate: '2026-03-01' }] }),
      'tranches.0.amountCents',
    );
    await expect422(await kit.put(finance, '/api/v1/finance/settings', { approvalThresholdCents: LINE_CAP + 1, reason: 'Nooit meer accorderen' }), 'approvalThresholdCents');
    await expect422(await kit.post(finance, '/api/v1/budget-proposals', { title: 'Te groot voorstel', firstYear: 2026, lastYear: 2026, operating: [{ year: 2026, amountCents: TOTAL_CAP + 1 }] }), 'operating.0.amountCents');
  });

  it("refuses a booking that takes a line's bookings of one kind past € 1.000.000.000 (waiting ones count)", async () => {
    const lineId = await createLine(kit, finance, activityId, bigSource, 'Vol', 1_000);
    expect((await kit.post(regisseur, '/api/v1/finance-entries', spend(lineId, 60_000_000_000))).json().status).toBe('pending');
    expect((await kit.post(regisseur, '/api/v1/finance-entries', spend(lineId, 40_000_000_000))).statusCode).toBe(201);
    const over = await kit.post(regisseur, '/api/v1/finance-entries', spend(lineId, 1));
    await expect422(over, 'amountCents');
    expect(over.json().errors[0].message).toContain('budget line');
    // Commitments are counted apart from spend.
    expect((await kit.post(regisseur, '/api/v1/finance-entries', spend(lineId, 1, { kind: 'commitment' }))).statusCode).toBe(201);
  });

  it("refuses a booking that takes a programme's year past € 10.000.000.000", async () => {
    const made = await createProgrammeWithActivities(kit, regisseur, 'Programma jaarplafond', [{ name: 'Veel regels', ownerOrganisationId: gemeente }]);
    // Each line has its own source, so only the programme's year reaches its cap.
    const line = async (i: number) => createLine(kit, finance, made.activityIds[0] ?? '', await createSource(kit, finance, `Bron jaarplafond ${i}`), `Regel ${i}`, 1_000);
    for (let i = 0; i < 10; i += 1) {
      expect((await kit.post(regisseur, '/api/v1/finance-entries', spend(await line(i), LINE_CAP))).statusCode).toBe(201);
    }
    const eleventh = await line(10);
    const over = await kit.post(regisseur, '/api/v1/finance-entries', spend(eleventh, 1));
    await expect422(over, 'amountCents');
    expect(over.json().errors[0].message).toContain('programme');
  });

  it('forecasts the largest legal line exactly: € 1.000.000.000 spent by 1 July', async () => {
    const made = await createProgrammeWithActivities(kit, regisseur, 'Programma prognose', [{ name: 'Groot project', ownerOrganisationId: gemeente }]);
    const lineId = await createLine(kit, finance, made.activityIds[0] ?? '', bigSource, 'Alles in een keer', LINE_CAP);
    const entry = (await kit.post(regisseur, '/api/v1/finance-entries', spend(lineId, LINE_CAP))).json();
    expect((await kit.post(finance, `/api/v1/finance-entries/${entry.id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(200);
    const budget = await kit.get(finance, `/api/v1/programmes/${made.programmeId}/budget?year=2026`);
    expect(budget.statusCode, budget.body).toBe(200);
    // 1e11 × 365 / 182 = 200 549 450 549,45… → 200 549 450 549 cents (day 182 of 365, today included).
    expect(budget.json().lines[0]).toMatchObject({ spentCents: LINE_CAP, forecastCents: 200_549_450_549, remainingCents: 0 });
  });
});

describe('bookings stored before the caps existed', () => {
  it('12 approved entries of 9e14 cents: the budget names them (409) instead of failing, and reversing them restores it', async () => {
    const made = await createProgrammeWithActivities(kit, regisseur, 'Programma oude gegevens', [{ name: 'Oud', ownerOrganisationId: gemeente }]);
    const lineId = await createLine(kit, finance, made.activityIds[0] ?? '', bigSource, 'Overloop', LINE_CAP);
    // As an older version let them in: written past the caps (the constraint is dropped in this test database only).
    await sql`ALTER TABLE finance_entries DROP CONSTRAINT finance_entries_amount_cap`.execute(kit.t.database.db);
    const users = await kit.t.database.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['regisseur', 'financien']).execute();
    const id = (u: string) => users.find((x) => x.username === u)?.id ?? '';
    for (let i = 0; i < 12; i += 1) {
      await sql`INSERT INTO finance_entries (budget_line_id, kind, amount_cents, booked_on, description, document_ref, status, submitted_by, submitted_name, decided_by, decided_name, decided_at)
        VALUES (${lineId}, 'spend', 900000000000000, '2026-02-01', 'Oud', ${`OUD-${i}`}, 'approved', ${id('regisseur')}, 'Demo Programmamanager', ${id('financien')}, 'Demo Controller', now())`.execute(kit.t.database.db);
    }
    const broken = await kit.get(finance, `/api/v1/programmes/${made.programmeId}/budget?year=2026`);
    expect(broken.statusCode, broken.body).toBe(409);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const named = broken.json().errors.map((e: { path: string }) => e.path);
    expect(named).toHaveLength(12);
    for (const path of named) {
      const entryId = path.replace(/^entries\./, '');
      const reversal = await kit.post(finance, `/api/v1/finance-entries/${entryId}/reversal`, { reason: 'Fout bedrag uit oude versie' });
      expect(reversal.statusCode, reversal.body).toBe(201);
      expect(reversal.json()).toMatchObject({ amountCents: -900_000_000_000_000, status: 'pending', reversesId: entryId });
      expect((await kit.post(regisseur, `/api/v1/finance-entries/${reversal.json().id}/decision`, { decision: 'approve', note: 'Terugboeking akkoord' })).statusCode).toBe(200);
    }
    const restored = await kit.get(finance, `/api/v1/programmes/${made.programmeId}/budget?year=2026`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().lines[0]).toMatchObject({ spentCents: 0, pendingCents: 0, forecastCents: 0 });
    expect(restored.json().spend).toHaveLength(24);
  });
});
