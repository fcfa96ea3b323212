import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../../../test/support/test-app.js';
import { readZipEntry } from './read-zip-entry.js';
import { createFinanceKit, createLine, createProgrammeWithActivities, createSource, type FinanceKit } from './testing/finance-test-kit.js';

/**
 * Issue 12: finance shows an activity's name only to who may see the activity under the programmes module's
 * rule. A partner whose money finances a line of an activity it does not take part in sees the money but not
 * the name; an area-scoped finance user does not see it in lists, queues or exports either.
 */
const SECRET = 'Geheime aanpak ondermijning Wielwijk';
const OWN = 'Buurtpreventie met de corporatie';

let kit: FinanceKit;
let finance: TestSession;
let corporatie: TestSession;
let scopedFinance: TestSession;
let regisseur: TestSession;
let programmeId: string;
let secretActivityId: string;
let ownActivityId: string;
let sourceId: string;
let secretLineId: string;

beforeAll(async () => {
  kit = await createFinanceKit();
  finance = await kit.t.login('financien');
  regisseur = await kit.t.login('regisseur');
  corporatie = await kit.t.login('corporatie');
  const gemeente = await kit.organisationId('gemeente');
  const corporatieOrg = await kit.organisationId('woningcorporatie');
  const admin = await kit.t.login('beheerder');
  // A finance user limited to one district: the activities of this test lie outside it.
  const user = await kit.post(admin, '/api/v1/users', { username: 'financien-west', displayName: 'Controller West', password: 'Kasboek-Controle-2026!x', organisationId: gemeente, roles: ['finance'], areaScopes: ['WK050503'] });
  expect(user.statusCode, user.body).toBe(201);
  scopedFinance = await kit.t.login('financien-west', 'Kasboek-Controle-2026!x');
  const made = await createProgrammeWithActivities(kit, regisseur, 'Programma zichtbaarheid', [
    { name: SECRET, ownerOrganisationId: gemeente },
    { name: OWN, ownerOrganisationId: corporatieOrg },
  ]);
  programmeId = made.programmeId;
  [secretActivityId = '', ownActivityId = ''] = made.activityIds;
  sourceId = await createSource(kit, finance, 'Bijdrage corporatie zichtbaarheid', { kind: 'partnerbijdrage', funderName: 'Woningcorporatie', funderOrganisationId: corporatieOrg });
  secretLineId = await createLine(kit, finance, secretActivityId, sourceId, 'Inhuur onderzoekers');
  await createLine(kit, finance, ownActivityId, sourceId, 'Buurtavonden');
  // One booking waits in the approvals queue (above the threshold), one counts at once.
  expect((await kit.post(regisseur, '/api/v1/finance-entries', { budgetLineId: secretLineId, kind: 'spend', amountCents: 5_000_000, bookedOn: '2026-06-01', description: 'Factuur onderzoek', documentRef: 'F-ZICHT-1' })).statusCode).toBe(201);
  expect((await kit.post(regisseur, '/api/v1/finance-entries', { budgetLineId: secretLineId, kind: 'spend', amountCents: 10_000, bookedOn: '2026-06-02', description: 'Kopieerwerk', documentRef: 'F-ZICHT-2' })).statusCode).toBe(201);
});
afterAll(() => kit.t.close());

describe('activity names in finance follow the programmes visibility rule', () => {
  it('the programmes module hides the secret activity from the partner and the scoped user (the premise)', async () => {
    expect((await kit.get(corporatie, `/api/v1/activities/${secretActivityId}`)).statusCode).toBe(404);
    expect((await kit.get(scopedFinance, `/api/v1/activities/${secretActivityId}`)).statusCode).toBe(404);
    expect((await kit.get(corporatie, `/api/v1/activities/${ownActivityId}`)).statusCode).toBe(200);
  });

  it('GET /finance/programmes lists only activities the caller may see', async () => {
    const response = await kit.get(corporatie, '/api/v1/finance/programmes');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(SECRET);
    const programme = response.json().items.find((p: { id: string }) => p.id === programmeId);
    expect(programme.activities.map((a: { name: string }) => a.name)).toEqual([OWN]);
    // Finance sees every activity (no area scope).
    const full = (await kit.get(finance, '/api/v1/finance/programmes')).json().items.find((p: { id: string }) => p.id === programmeId);
    expect(full.activities.map((a: { name: string }) => a.name).sort()).toEqual([OWN, SECRET].sort());
  });

  it('the budget shows the partner its money on the line but not the activity name', async () => {
    const response = await kit.get(corporatie, `/api/v1/programmes/${programmeId}/budget?year=2026`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(SECRET);
    const budget = response.json();
    const line = budget.lines.find((l: { id: string }) => l.id === secretLineId);
    expect(line).toMatchObject({ activityId: secretActivityId, activityName: null, description: 'Inhuur onderzoekers', spentCents: 10_000, pendingCents: 5_000_000 });
    expect(budget.activities.find((a: { id: string }) => a.id === secretActivityId).name).toBeNull();
    expect(budget.activities.find((a: { id: string }) => a.id === ownActivityId).name).toBe(OWN);
    expect(budget.spend.map((e: { activityName: string | null }) => e.activityName)).toEqual([null, null]);
    // Finance still reads the name.
    expect((await kit.get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`)).body).toContain(SECRET);
  });

  it('the funding source shows its spend per activity without the hidden name', async () => {
    const response = await kit.get(corporatie, `/api/v1/funding-sources/${sourceId}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(SECRET);
    const names = response.json().activities.map((a: { activityName: string | null }) => a.activityName);
    expect(names).toContain(OWN);
    expect(names).toContain(null);
  });

  it('the approvals queue and the statement export of an area-scoped finance user leave the name out', async () => {
    const queue = await kit.get(scopedFinance, '/api/v1/finance-entries/pending');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.length).toBeGreaterThan(0);
    expect(queue.body).not.toContain(SECRET);
    const xlsx = await kit.get(scopedFinance, `/api/v1/funding-sources/${sourceId}/accountability?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0]?.getSheetValues().flat().filter((v) => typeof v === 'string') ?? [];
    expect(cells).not.toContain(SECRET);
    expect(cells).toContain('Activiteit niet zichtbaar voor jou');
    const docx = await kit.get(scopedFinance, `/api/v1/funding-sources/${sourceId}/accountability?format=docx`);
    const xml = readZipEntry(docx.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
    expect(xml).not.toContain(SECRET);
    // The unscoped controller's statement names both activities.
    const full = await kit.get(finance, `/api/v1/funding-sources/${sourceId}/accountability?format=docx`);
    expect(readZipEntry(full.rawPayload, 'word/document.xml')?.toString('utf8')).toContain(SECRET);
  });
});
