import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { seedFinanceDemo } from './demo-data.js';
import { readZipEntry } from './read-zip-entry.js';

/** The finance API on PGlite and PostgreSQL, with the clock set to 1 July 2026 (day 182 of 365). */
let t: TestApp;
let finance: TestSession;
let regisseur: TestSession;
let corporatie: TestSession;
let politie: TestSession;
let programmeId: string;
let activityId: string;
let otherActivityId: string;
let corporatieOrgId: string;

const json = (s: TestSession) => ({ ...s.headers, 'content-type': 'application/json' });

async function post(session: TestSession, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: json(session), payload: JSON.stringify(payload) });
}
async function get(session: TestSession, url: string) {
  return t.app.inject({ method: 'GET', url, headers: session.headers });
}

const subsidy = (over: Record<string, unknown> = {}) => ({
  name: 'Testsubsidie jeugd',
  kind: 'rijkssubsidie',
  funderName: 'Ministerie van J&V',
  totalCents: 40_000_000,
  spendFrom: '2026-01-01',
  spendUntil: '2026-12-31',
  repayUnspent: true,
  conditions: 'Alleen voor jongerenwerk',
  tranches: [
    { amountCents: 20_000_000, dueDate: '2026-01-15', receivedDate: '2026-01-20', receivedCents: 20_000_000 },
    { amountCents: 20_000_000, dueDate: '2026-06-01' },
  ],
  obligations: [{ kind: 'voortgangsrapportage', dueDate: '2026-09-01', description: 'Halfjaar' }],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  t.clock.advanceMinutes(Math.round((Date.parse('2026-07-01T10:00:00Z') - Date.now()) / 60_000));
  finance = await t.login('financien');
  regisseur = await t.login('regisseur');
  corporatie = await t.login('corporatie');
  politie = await t.login('politie');
  const orgs = await t.database.db.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
  const gemeente = orgs.find((o) => o.kind === 'gemeente');
  corporatieOrgId = orgs.find((o) => o.name.startsWith('Woningcorporatie'))?.id ?? '';
  // Programmes and activities belong to the programmes module: made here the way any client would.
  const programme = await post(regisseur, '/api/v1/programmes', { name: 'Testprogramma', municipality: 'GM0505', horizonStart: '2023-01-01', horizonEnd: '2043-12-31' });
  expect(programme.statusCode, programme.body).toBe(201);
  programmeId = programme.json().id;
  const activity = (name: string) => post(regisseur, `/api/v1/programmes/${programmeId}/activities`, { name, ownerOrganisationId: gemeente?.id, start: '2026-01-01', end: '2026-12-31' });
  const a = await activity('Jongerenwerk');
  expect(a.statusCode, a.body).toBe(201);
  activityId = a.json().id;
  otherActivityId = (await activity('Buurtbeheer')).json().id;
});
afterAll(() => t.close());

describe('funding sources', () => {
  let sourceId: string;
  let partnerSourceId: string;

  it('registers a subsidy with tranches and lists it in the API.md shape', async () => {
    const created = await post(finance, '/api/v1/funding-sources', subsidy());
    expect(created.statusCode, created.body).toBe(201);
    sourceId = created.json().id;
    const list = await get(finance, '/api/v1/funding-sources');
    const item = list.json().items.find((i: { id: string }) => i.id === sourceId);
    expect(item).toMatchObject({ id: sourceId, name: 'Testsubsidie jeugd', kind: 'rijkssubsidie', totalCents: 40_000_000, receivedCents: 20_000_000 });
    expect(item.tranches[0]).toMatchObject({ amountCents: 20_000_000, dueDate: '2026-01-15', receivedDate: '2026-01-20' });
    // Tranche 2 was due on 1 June and has not come in.
    expect(item.signals).toContainEqual(expect.objectContaining({ level: 'alert', code: 'tranche_overdue', amountCents: 20_000_000, subject: '2' }));
  });

  it('refuses bad input with 422 and field paths, and changes nothing', async () => {
    const before = await countRows(t.database, 'funding_sources');
    const tooMuch = await post(finance, '/api/v1/funding-sources', subsidy({ name: 'X', totalCents: 100 }));
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors).toContainEqual(expect.objectContaining({ path: 'tranches' }));
    const floatMoney = await post(finance, '/api/v1/funding-sources', subsidy({ name: 'Y', totalCents: 10.5 }));
    expect(floatMoney.statusCode).toBe(422);
    const backwards = await post(finance, '/api/v1/funding-sources', subsidy({ name: 'Z', spendUntil: '2025-01-01' }));
    expect(backwards.statusCode).toBe(422);
    const duplicate = await post(finance, '/api/v1/funding-sources', subsidy());
    expect(duplicate.statusCode).toBe(409);
    expect(await countRows(t.database, 'funding_sources')).toBe(before);
  });

  it('shows a partner only the money of its own organisation', async () => {
    const created = await post(finance, '/api/v1/funding-sources', {
      name: 'Bijdrage corporatie',
      kind: 'partnerbijdrage',
      funderName: 'Woningcorporatie',
      funderOrganisationId: corporatieOrgId,
      totalCents: 5_000_000,
      spendFrom: '2026-01-01',
      spendUntil: '2026-12-31',
      viaMunicipalBudget: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    partnerSourceId = created.json().id;
    const own = (await get(corporatie, '/api/v1/funding-sources')).json().items.map((i: { id: string }) => i.id);
    expect(own).toEqual([partnerSourceId]);
    expect((await get(politie, '/api/v1/funding-sources')).json().items).toEqual([]);
    expect((await get(politie, `/api/v1/funding-sources/${partnerSourceId}`)).statusCode).toBe(404);
    expect((await get(corporatie, `/api/v1/funding-sources/${sourceId}`)).statusCode).toBe(404);
  });

  it('records a tranche receipt, audited', async () => {
    const response = await t.app.inject({ method: 'PUT', url: `/api/v1/funding-sources/${sourceId}/tranches/2/receipt`, headers: json(finance), payload: JSON.stringify({ receivedDate: '2026-06-20', receivedCents: 20_000_000 }) });
    expect(response.statusCode, response.body).toBe(204);
    const detail = (await get(finance, `/api/v1/funding-sources/${sourceId}`)).json();
    expect(detail.receivedCents).toBe(40_000_000);
    expect(detail.signals.filter((s: { code: string }) => s.code === 'tranche_overdue')).toEqual([]);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'finance.tranche.receive'`.execute(t.database.db);
    expect(rows[0]?.n).toBe(1);
  });

  describe('budget, spend, four-eyes and the overview', () => {
    let lineId: string;

    it('budgets a line financed 50/50 and refuses allocations that do not fit', async () => {
      const bad = await post(finance, '/api/v1/budget-lines', { activityId, year: 2026, description: 'Jongerenwerkers', amountCents: 10_000_000, allocations: [{ fundingSourceId: sourceId, shareBp: 6000 }, { fundingSourceId: partnerSourceId, amountCents: 5_000_000 }] });
      expect(bad.statusCode).toBe(422);
      const unknownActivity = await post(finance, '/api/v1/budget-lines', { activityId: '00000000-0000-4000-8000-000000000000', year: 2026, description: 'X', amountCents: 1, allocations: [] });
      expect(unknownActivity.statusCode).toBe(422);
      expect(unknownActivity.json().errors[0].path).toBe('activityId');
      const created = await post(finance, '/api/v1/budget-lines', { activityId, year: 2026, description: 'Jongerenwerkers', amountCents: 10_000_001, allocations: [{ fundingSourceId: sourceId, shareBp: 5000 }, { fundingSourceId: partnerSourceId, shareBp: 5000 }] });
      expect(created.statusCode, created.body).toBe(201);
      lineId = created.json().id;
      const other = await post(finance, '/api/v1/budget-lines', { activityId: otherActivityId, year: 2026, description: 'Schoonmaak', amountCents: 2_000_000, allocations: [{ fundingSourceId: sourceId, amountCents: 2_000_000 }] });
      expect(other.statusCode).toBe(201);
      const budget = (await get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
      const line = budget.lines.find((l: { id: string }) => l.id === lineId);
      // The odd cent goes to the first source (largest remainder); the parts add up to the line.
      expect(line.allocations.map((a: { amountCents: number }) => a.amountCents).sort()).toEqual([5_000_000, 5_000_001]);
      expect(line.uncoveredCents).toBe(0);
    });

    it('holds spend at or above the threshold for a second person (four-eyes)', async () => {
      // Exactly at the € 10.000 threshold: it waits too (four-eyes.api.test.ts has the finer rules).
      const atThreshold = await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'spend', amountCents: 1_000_000, bookedOn: '2026-03-01', description: 'Factuur maart', documentRef: 'F-2026-001' });
      expect(atThreshold.statusCode, atThreshold.body).toBe(201);
      expect(atThreshold.json()).toMatchObject({ status: 'pending', approvalReason: 'amount' });
      expect((await post(finance, `/api/v1/finance-entries/${atThreshold.json().id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(200);
      const large = await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'spend', amountCents: 5_000_000, bookedOn: '2026-06-15', description: 'Factuur Q2', documentRef: 'F-2026-002' });
      expect(large.json().status).toBe('pending');
      const id = large.json().id;
      const queue = (await get(finance, '/api/v1/finance-entries/pending')).json();
      expect(queue.items.map((e: { id: string }) => e.id)).toContain(id);
      const self = await post(regisseur, `/api/v1/finance-entries/${id}/decision`, { decision: 'approve', note: '' });
      expect(self.statusCode).toBe(403);
      expect(self.json().type).toContain('finance.four_eyes');
      const noReason = await post(finance, `/api/v1/finance-entries/${id}/decision`, { decision: 'reject', note: '' });
      expect(noReason.statusCode).toBe(422);
      const approved = await post(finance, `/api/v1/finance-entries/${id}/decision`, { decision: 'approve', note: 'Akkoord' });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().status).toBe('approved');
      expect(approved.json().decidedBy).not.toBeNull();
      expect(approved.json().decidedBy).not.toBe(approved.json().submittedBy);
      expect((await post(finance, `/api/v1/finance-entries/${id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(409);
      const { rows } = await sql<{ action: string; actor_username: string; detail: { submittedBy: string } }>`SELECT action, actor_username, detail FROM audit_log WHERE subject_id = ${id} ORDER BY id`.execute(t.database.db);
      expect(rows.map((r) => [r.action, r.actor_username])).toEqual([
        ['finance.spend', 'regisseur'],
        ['finance.entry.approve', 'financien'],
      ]);
    });

    it('refuses spend without a document reference, on an unknown line, or in fractions of a cent', async () => {
      const before = await countRows(t.database, 'finance_entries');
      expect((await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'spend', amountCents: 100, bookedOn: '2026-03-01', description: 'x', documentRef: '' })).statusCode).toBe(422);
      expect((await post(regisseur, '/api/v1/finance-entries', { budgetLineId: '00000000-0000-4000-8000-000000000000', kind: 'spend', amountCents: 100, bookedOn: '2026-03-01', description: 'x', documentRef: 'y' })).statusCode).toBe(422);
      expect((await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'spend', amountCents: 0.5, bookedOn: '2026-03-01', description: 'x', documentRef: 'y' })).statusCode).toBe(422);
      expect((await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'spend', amountCents: 100, bookedOn: '2026-02-30', description: 'x', documentRef: 'y' })).statusCode).toBe(422);
      expect(await countRows(t.database, 'finance_entries')).toBe(before);
    });

    it('forecasts the year end from the spending rate and warns of an overrun of 10 % or more', async () => {
      const budget = (await get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
      const line = budget.lines.find((l: { id: string }) => l.id === lineId);
      // € 60.000 spent by 1 July (day 182 of 365): 6 000 000 × 365 / 182 = 12 032 967,03 → 12 032 967 cents.
      expect(line).toMatchObject({ budgetCents: 10_000_001, spentCents: 6_000_000, remainingCents: 4_000_001, forecastCents: 12_032_967 });
      expect(line.signal).toMatchObject({ level: 'warning', code: 'forecast_overrun', amountCents: 2_032_966 });
      expect(budget.alerts).toContainEqual(expect.objectContaining({ code: 'forecast_overrun', scope: expect.objectContaining({ type: 'line', id: lineId }) }));
      expect(budget.totals.budgetCents).toBe(12_000_001);
      // Per funding source, the parts add up to the programme's totals to the cent.
      const sum = (key: string) => budget.fundingSources.reduce((s: number, f: Record<string, number>) => s + (f[key] ?? 0), 0);
      expect([sum('budgetCents'), sum('spentCents'), sum('forecastCents')]).toEqual([budget.totals.budgetCents, budget.totals.spentCents, budget.totals.forecastCents]);
      expect(budget.fundingSources.find((f: { id: string }) => f.id === partnerSourceId)).toMatchObject({ spentCents: 3_000_000 });
      // The subsidy: € 40.000 + € 20.000 of spend attributed (50 % of the line); far below the € 400.000 by year end.
      expect(budget.alerts).toContainEqual(expect.objectContaining({ code: 'repayment_risk', scope: expect.objectContaining({ id: sourceId }) }));
    });

    it('alerts when commitments and spend pass the budget', async () => {
      const commit = await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'commitment', amountCents: 900_000, bookedOn: '2026-06-30', description: 'Opdracht', documentRef: 'O-1' });
      expect(commit.statusCode).toBe(201);
      const big = await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'commitment', amountCents: 4_000_000, bookedOn: '2026-06-30', description: 'Opdracht 2', documentRef: 'O-2' });
      await post(finance, `/api/v1/finance-entries/${big.json().id}/decision`, { decision: 'approve', note: '' });
      const budget = (await get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
      const line = budget.lines.find((l: { id: string }) => l.id === lineId);
      expect(line.committedCents).toBe(4_900_000);
      expect(line.signal).toMatchObject({ level: 'alert', code: 'over_budget', amountCents: 6_000_000 + 4_900_000 - 10_000_001 });
    });

    it('shows a partner only the lines its money finances', async () => {
      const own = (await get(corporatie, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
      expect(own.lines.map((l: { id: string }) => l.id)).toEqual([lineId]);
      const none = (await get(politie, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
      expect(none.lines).toEqual([]);
      expect(none.spend).toEqual([]);
    });

    it('exports the accountability statement as XLSX and DOCX, audited', async () => {
      const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/funding-sources/${sourceId}/accountability?format=xlsx`, headers: finance.headers });
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cells = workbook.worksheets[0]?.getSheetValues().flat().filter((v) => v !== undefined && v !== null) ?? [];
      expect(cells).toContain('Verantwoording Testsubsidie jeugd');
      expect(cells).toContain('Jongerenwerk');
      expect(cells).toContain(400_000); // received, in euros
      const docx = await t.app.inject({ method: 'GET', url: `/api/v1/funding-sources/${sourceId}/accountability?format=docx`, headers: finance.headers });
      const xml = readZipEntry(docx.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
      expect(xml).toContain('Besteding per activiteit');
      expect(xml).toContain('€\u00a0400.000,00');
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'finance.export' AND subject_id = ${sourceId}`.execute(t.database.db);
      expect(rows[0]?.n).toBe(2);
    });
  });
});

describe('budget proposals', () => {
  it('reproduces the budget-effect table of seed 000 and exports it', async () => {
    const gemeente = (await post(finance, '/api/v1/funding-sources', { name: 'Budget Veiligheid', kind: 'gemeentelijk_budget', funderName: 'Gemeente', totalCents: 18_700_000, spendFrom: '2021-01-01', spendUntil: '2024-12-31' })).json().id;
    const area = (await post(finance, '/api/v1/funding-sources', { name: 'Bijdrage Area', kind: 'partnerbijdrage', funderName: 'Area', totalCents: 18_700_000, spendFrom: '2021-01-01', spendUntil: '2024-12-31', viaMunicipalBudget: false })).json().id;
    const created = await post(finance, '/api/v1/budget-proposals', {
      title: 'Project leefbaarheid wijken (test)',
      reference: 'Fcl/Ecl 41400175/30000',
      firstYear: 2021,
      lastYear: 2024,
      operating: [
        { year: 2021, amountCents: 3_800_000 },
        { year: 2022, amountCents: 11_200_000 },
        { year: 2023, amountCents: 11_200_000 },
        { year: 2024, amountCents: 11_200_000 },
      ],
      financing: [
        { fundingSourceId: gemeente, shareBp: 5000 },
        { fundingSourceId: area, shareBp: 5000 },
      ],
      interestBp: 150,
    });
    expect(created.statusCode, created.body).toBe(201);
    const proposal = created.json();
    expect(proposal.table.map((y: { year: number; thousands: Record<string, number> }) => [y.year, y.thousands.operating, y.thousands.coverage, y.thousands.toCover])).toEqual([
      [2021, 19, 0, 19],
      [2022, 56, 0, 56],
      [2023, 56, 0, 56],
      [2024, 56, 0, 56],
    ]);
    expect(proposal.outsideBudget[0]).toEqual({ year: 2021, amountCents: 1_900_000 });

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/budget-proposals/${proposal.id}/export?format=xlsx`, headers: regisseur.headers });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = new Map<string, unknown[]>();
    sheet?.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (typeof values[0] === 'string') rows.set(values[0], values.slice(1));
    });
    expect(rows.get('Jaarlasten')).toEqual(['2021', '2022', '2023', '2024']);
    expect(rows.get('Kapitaallasten (rente 1,5%)')).toEqual([0, 0, 0, 0]);
    expect(rows.get('Overige exploitatielasten')).toEqual([19, 56, 56, 56]);
    expect(rows.get('Te dekken')).toEqual([19, 56, 56, 56]);

    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/budget-proposals/${proposal.id}/export?format=docx`, headers: regisseur.headers });
    const xml = readZipEntry(docx.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('Budgettair effect (x € 1.000)');
    expect(xml).toMatch(/Te dekken.*19.*56.*56.*56/s);
  });

  it('refuses a proposal whose shares pass 100 % or whose years run backwards', async () => {
    const before = await countRows(t.database, 'budget_proposals');
    const bad = await post(finance, '/api/v1/budget-proposals', { title: 'Fout', firstYear: 2024, lastYear: 2021 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ path: 'lastYear' }));
    expect(await countRows(t.database, 'budget_proposals')).toBe(before);
  });
});

describe('demo data', () => {
  it('seeds Preventie met Gezag and the seed-000 proposal, idempotently, labelled illustrative', async () => {
    await seedFinanceDemo(t.database.db);
    const counts = [await countRows(t.database, 'funding_sources'), await countRows(t.database, 'budget_proposals'), await countRows(t.database, 'finance_entries')];
    await seedFinanceDemo(t.database.db);
    expect([await countRows(t.database, 'funding_sources'), await countRows(t.database, 'budget_proposals'), await countRows(t.database, 'finance_entries')]).toEqual(counts);
    const sources = (await get(finance, '/api/v1/funding-sources')).json().items;
    const pmg = sources.find((s: { name: string }) => s.name === 'Preventie met Gezag');
    expect(pmg).toMatchObject({ kind: 'rijkssubsidie', totalCents: 430_120_800, illustrative: true });
    expect(pmg.tranches).toHaveLength(4);
    expect(pmg.tranches.reduce((s: number, t: { amountCents: number }) => s + t.amountCents, 0)).toBe(430_120_800);
    const proposals = (await get(finance, '/api/v1/budget-proposals')).json().items;
    const leefbaarheid = proposals.find((p: { title: string }) => p.title === 'Project leefbaarheid wijken');
    expect(leefbaarheid.table.map((y: { thousands: { toCover: number } }) => y.thousands.toCover)).toEqual([19, 56, 56, 56]);
    // The corporation sees the proposal its money half pays for; the police do not.
    expect((await get(corporatie, '/api/v1/budget-proposals')).json().items.map((p: { title: string }) => p.title)).toContain('Project leefbaarheid wijken');
    expect((await get(politie, `/api/v1/budget-proposals/${leefbaarheid.id}`)).statusCode).toBe(404);
  });
});
