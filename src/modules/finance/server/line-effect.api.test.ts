import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../../../test/support/test-app.js';
import { createFinanceKit, createLine, createProgrammeWithActivities, createSource, type FinanceKit } from './testing/finance-test-kit.js';

/**
 * Issue 13, item 2: booking and approving show their effect on the line first. The line is the demo's
 * "Procesbegeleiding bewoners bij renovatie" as the issue found it: budget € 90.000, € 41.918 spent (so
 * € 48.082 left), a € 24.000 commitment waiting, then € 40.000 booked on top. Threshold € 10.000.
 */
let kit: FinanceKit;
let finance: TestSession;
let regisseur: TestSession;
let programmeId: string;
let lineId: string;
let waiting24: string;
let waiting40: string;

const booking = (kind: 'spend' | 'commitment', amountCents: number, documentRef: string, over: Record<string, unknown> = {}) => ({
  budgetLineId: lineId,
  kind,
  amountCents,
  bookedOn: '2026-06-15',
  description: `Boeking ${documentRef}`,
  documentRef,
  ...over,
});

async function queueItem(id: string) {
  const queue = await kit.get(finance, '/api/v1/finance-entries/pending');
  expect(queue.statusCode, queue.body).toBe(200);
  return queue.json().items.find((e: { id: string }) => e.id === id);
}

beforeAll(async () => {
  kit = await createFinanceKit();
  finance = await kit.t.login('financien');
  regisseur = await kit.t.login('regisseur');
  const made = await createProgrammeWithActivities(kit, regisseur, 'Renovatie Wielwijk (test)', [{ name: 'Renovatie Wielwijk', ownerOrganisationId: await kit.organisationId('gemeente') }]);
  programmeId = made.programmeId;
  const sourceId = await createSource(kit, finance, 'Agenda effect', { totalCents: 90_000_000 });
  lineId = await createLine(kit, finance, made.activityIds[0] ?? '', sourceId, 'Procesbegeleiding bewoners bij renovatie', 9_000_000);
  const spent = await kit.post(regisseur, '/api/v1/finance-entries', booking('spend', 4_191_800, 'F-1'));
  expect(spent.json().status).toBe('pending');
  expect((await kit.post(finance, `/api/v1/finance-entries/${spent.json().id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(200);
  const c24 = await kit.post(regisseur, '/api/v1/finance-entries', booking('commitment', 2_400_000, 'O-24'));
  expect(c24.json().status).toBe('pending');
  waiting24 = c24.json().id;
});
afterAll(() => kit.t.close());

describe('the effect of a booking on its line', () => {
  it('the budget gives each line what is left after the waiting bookings, so the form can show the effect', async () => {
    const budget = await kit.get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`);
    expect(budget.statusCode, budget.body).toBe(200);
    const line = budget.json().lines.find((l: { id: string }) => l.id === lineId);
    expect(line).toMatchObject({ budgetCents: 9_000_000, remainingCents: 4_808_200, pendingCents: 2_400_000, remainingAfterPendingCents: 2_408_200 });
  });

  it('each waiting entry in the queue carries the effect approving it has; € 40.000 on top goes 17,69 % over with the waiting € 24.000', async () => {
    const c40 = await kit.post(finance, '/api/v1/finance-entries', booking('commitment', 4_000_000, 'O-40'));
    waiting40 = c40.json().id;
    expect((await queueItem(waiting24)).lineEffect).toEqual({ budgetCents: 9_000_000, remainingCents: 4_808_200, remainingAfterCents: 2_408_200, remainingAfterPendingCents: -1_591_800, over: null, overWithPending: { overCents: 1_591_800, overBp: 1769 } });
    expect((await queueItem(waiting40)).lineEffect).toMatchObject({ remainingAfterCents: 808_200, remainingAfterPendingCents: -1_591_800, over: null });
    const line = (await kit.get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json().lines.find((l: { id: string }) => l.id === lineId);
    expect(line.remainingAfterPendingCents).toBe(-1_591_800);
  });

  it('approving answers with what the line has left; the next approval then shows it goes over', async () => {
    const approved = await kit.post(finance, `/api/v1/finance-entries/${waiting24}/decision`, { decision: 'approve', note: 'Past binnen de opdracht' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: waiting24, status: 'approved', amountCents: 2_400_000, lineRemainingCents: 2_408_200 });
    expect((await queueItem(waiting40)).lineEffect).toEqual({ budgetCents: 9_000_000, remainingCents: 2_408_200, remainingAfterCents: -1_591_800, remainingAfterPendingCents: -1_591_800, over: { overCents: 1_591_800, overBp: 1769 }, overWithPending: { overCents: 1_591_800, overBp: 1769 } });
  });

  it('spend against an approved commitment uses up the commitment, not the line twice: approving it leaves the line as it is', async () => {
    const pay = await kit.post(regisseur, '/api/v1/finance-entries', booking('spend', 1_500_000, 'F-2', { commitmentId: waiting24 }));
    expect(pay.json().status).toBe('pending');
    expect((await queueItem(pay.json().id)).lineEffect).toMatchObject({ remainingCents: 2_408_200, remainingAfterCents: 2_408_200, over: null });
  });

  it('a rejection answers with the line unchanged', async () => {
    const rejected = await kit.post(regisseur, `/api/v1/finance-entries/${waiting40}/decision`, { decision: 'reject', note: 'Past niet binnen het budget' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', lineRemainingCents: 2_408_200 });
  });

  it('refuses bad input: an unknown decision, a malformed id, a budget year that is no year', async () => {
    const pending = await kit.post(regisseur, '/api/v1/finance-entries', booking('commitment', 2_000_000, 'O-20'));
    const bad = await kit.post(finance, `/api/v1/finance-entries/${pending.json().id}/decision`, { decision: 'maybe', note: '' });
    expect(bad.statusCode).toBe(422);
    expect((await kit.post(finance, '/api/v1/finance-entries/not-an-id/decision', { decision: 'approve', note: '' })).statusCode).toBe(422);
    expect((await kit.get(finance, `/api/v1/programmes/${programmeId}/budget?year=twintig`)).statusCode).toBe(422);
    expect((await queueItem(pending.json().id)).lineEffect).toMatchObject({ remainingAfterCents: 408_200, over: null });
  });
});
