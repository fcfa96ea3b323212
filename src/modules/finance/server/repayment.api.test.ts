import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { readZipEntry } from './read-zip-entry.js';

/**
 * The repayment risk (docs/finance.md) through the API: the alarm on the funding source, its repayment
 * figures and the accountability statement (XLSX and DOCX) say the same amount, before and after the end of
 * the spending period. Hand-computed; the clock is moved.
 */
let t: TestApp;
let finance: TestSession;
let regisseur: TestSession;
let sourceId: string;
let lineId: string;

const json = (s: TestSession) => ({ ...s.headers, 'content-type': 'application/json' });
const post = (s: TestSession, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: json(s), payload: JSON.stringify(payload) });
const get = (s: TestSession, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
const moveClockTo = (iso: string) => t.clock.advanceMinutes(Math.round((Date.parse(iso) - t.clock.now().getTime()) / 60_000));

async function book(kind: 'spend' | 'commitment', amountCents: number, bookedOn: string, ref: string): Promise<void> {
  const entry = await post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind, amountCents, bookedOn, description: ref, documentRef: ref });
  expect(entry.statusCode, entry.body).toBe(201);
  if (entry.json().status === 'pending') expect((await post(finance, `/api/v1/finance-entries/${entry.json().id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(200);
}

/** The statement's balance as label → euros, from the XLSX. */
async function xlsxBalance(): Promise<Map<string, number>> {
  const file = await get(finance, `/api/v1/funding-sources/${sourceId}/accountability?format=xlsx`);
  expect(file.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const rows = new Map<string, number>();
  workbook.worksheets[0]?.eachRow((row) => {
    const cells = (row.values as unknown[]).filter((v) => v !== undefined && v !== null);
    if (cells.length === 2 && typeof cells[0] === 'string' && typeof cells[1] === 'number') rows.set(cells[0], cells[1]);
  });
  return rows;
}
const row = (rows: Map<string, number>, start: string) => [...rows].find(([label]) => label.startsWith(start))?.[1];

async function docxText(): Promise<string> {
  const file = await get(finance, `/api/v1/funding-sources/${sourceId}/accountability?format=docx`);
  return readZipEntry(file.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
}

beforeAll(async () => {
  t = await createTestApp();
  moveClockTo('2026-10-01T10:00:00Z');
  finance = await t.login('financien');
  regisseur = await t.login('regisseur');
  const gemeente = (await t.database.db.selectFrom('organisations').select(['id', 'kind']).execute()).find((o) => o.kind === 'gemeente');
  const programme = await post(regisseur, '/api/v1/programmes', { name: 'Programma terugbetaling', municipality: 'GM0505', horizonStart: '2023-01-01', horizonEnd: '2043-12-31' });
  expect(programme.statusCode, programme.body).toBe(201);
  const activity = await post(regisseur, `/api/v1/programmes/${programme.json().id}/activities`, { name: 'Jeugdpreventie', ownerOrganisationId: gemeente?.id, start: '2026-01-01', end: '2026-12-31' });
  expect(activity.statusCode, activity.body).toBe(201);
  const source = await post(finance, '/api/v1/funding-sources', {
    name: 'Subsidie terugbetaling',
    kind: 'rijkssubsidie',
    funderName: 'Ministerie',
    totalCents: 100_000_000,
    spendFrom: '2026-01-01',
    spendUntil: '2026-12-31',
    repayUnspent: true,
    tranches: [
      { amountCents: 75_000_000, dueDate: '2026-01-10', receivedDate: '2026-01-10', receivedCents: 75_000_000 },
      { amountCents: 25_000_000, dueDate: '2026-09-01' },
    ],
  });
  expect(source.statusCode, source.body).toBe(201);
  sourceId = source.json().id;
  const line = await post(finance, '/api/v1/budget-lines', { activityId: activity.json().id, year: 2026, description: 'Jongerenwerk', amountCents: 90_000_000, allocations: [{ fundingSourceId: sourceId, shareBp: 10_000 }] });
  expect(line.statusCode, line.body).toBe(201);
  lineId = line.json().id;
  await book('spend', 60_000_000, '2026-06-01', 'F-1');
  await book('commitment', 5_000_000, '2026-09-15', 'O-1');
}, 120_000);
afterAll(() => t.close());

describe('repayment risk: alarm, figures and statement agree', () => {
  it('while the period runs: underspend of money not yet received is not repayment', async () => {
    const s = (await get(finance, `/api/v1/funding-sources/${sourceId}`)).json();
    // Day 274 of 365: € 600.000 × 365 / 274 = € 799.270,07 by the end; € 750.000 received is used up.
    expect(s.repayment).toEqual({ phase: 'running', openCommitmentCents: 5_000_000, usableCents: 79_927_007, repaymentCents: 0, stillToReceiveCents: 4_927_007, unusedCents: 20_072_993 });
    expect(s.signals.map((x: { code: string }) => x.code).sort()).toEqual(['tranche_overdue', 'underspend_risk']);
    expect(s.signals.find((x: { code: string }) => x.code === 'underspend_risk').amountCents).toBe(20_072_993);
    const balance = await xlsxBalance();
    expect(row(balance, 'Terugbetaalrisico')).toBe(0);
    expect(row(balance, 'Naar verwachting niet benut')).toBe(200_729.93);
  });

  it('after the period: received − (spent + open commitments), the same in the alarm, the XLSX and the DOCX', async () => {
    moveClockTo('2027-01-15T10:00:00Z');
    // Sessions end 12 hours after login: log in again at the new date.
    finance = await t.login('financien');
    regisseur = await t.login('regisseur');
    const s = (await get(finance, `/api/v1/funding-sources/${sourceId}`)).json();
    // € 750.000 received − (€ 600.000 spent + € 50.000 committed) = € 100.000 back; the late € 250.000 lapses with the rest.
    expect(s.repayment).toEqual({ phase: 'ended', openCommitmentCents: 5_000_000, usableCents: 65_000_000, repaymentCents: 10_000_000, stillToReceiveCents: 0, unusedCents: 35_000_000 });
    const alarm = s.signals.find((x: { code: string }) => x.code === 'repayment_due');
    expect(alarm).toMatchObject({ level: 'alert', amountCents: 10_000_000 });
    const listed = (await get(finance, '/api/v1/funding-sources')).json().items.find((i: { id: string }) => i.id === sourceId);
    expect(listed.signals).toContainEqual(alarm);
    const balance = await xlsxBalance();
    expect(row(balance, 'Terug te betalen')).toBe(alarm.amountCents / 100);
    expect(row(balance, 'Niet benut van het totaal')).toBe(350_000);
    expect(await docxText()).toContain('€\u00a0100.000,00');
  });

  it('after the period, with more spent than received (as Preventie met Gezag in the demo): nothing back, the rest still to receive', async () => {
    await book('spend', 20_000_000, '2026-12-15', 'F-2');
    const s = (await get(finance, `/api/v1/funding-sources/${sourceId}`)).json();
    // € 800.000 spent + € 50.000 committed = € 850.000 covered; € 750.000 received: € 100.000 still to receive, nothing back.
    expect(s.repayment).toMatchObject({ usableCents: 85_000_000, repaymentCents: 0, stillToReceiveCents: 10_000_000, unusedCents: 15_000_000 });
    expect(s.signals.map((x: { code: string }) => x.code)).toEqual(['tranche_overdue']);
    const balance = await xlsxBalance();
    expect(row(balance, 'Terug te betalen')).toBe(0);
    expect(row(balance, 'Nog te ontvangen op grond van de besteding')).toBe(100_000);
    expect(row(balance, 'Restant (ontvangen − besteed)')).toBe(-50_000);
  });
});
