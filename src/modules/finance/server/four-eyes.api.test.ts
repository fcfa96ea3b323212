import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type TestSession } from '../../../../test/support/test-app.js';
import { createFinanceKit, createLine, createProgrammeWithActivities, createSource, type FinanceKit } from './testing/finance-test-kit.js';

/**
 * Issue 8: one finance user could get around four-eyes — raise the threshold, book, lower it again; split a
 * purchase into bookings just below (or at) the threshold; pay against a commitment nobody approved yet.
 * The default threshold is € 10.000 (1 000 000 cents).
 */
let kit: FinanceKit;
let finance: TestSession;
let regisseur: TestSession;
let activityId: string;
let sourceId: string;

const entry = (budgetLineId: string, amountCents: number, over: Record<string, unknown> = {}) => ({
  budgetLineId,
  kind: 'spend',
  amountCents,
  bookedOn: '2026-06-15',
  description: 'Factuur',
  documentRef: `F-${Math.random().toString(36).slice(2, 10)}`,
  ...over,
});

async function auditActions(subjectId: string): Promise<[string, string][]> {
  const { rows } = await sql<{ action: string; actor_username: string }>`SELECT action, actor_username FROM audit_log WHERE subject_id = ${subjectId} ORDER BY id`.execute(kit.t.database.db);
  return rows.map((r) => [r.action, r.actor_username]);
}

beforeAll(async () => {
  kit = await createFinanceKit();
  finance = await kit.t.login('financien');
  regisseur = await kit.t.login('regisseur');
  const made = await createProgrammeWithActivities(kit, regisseur, 'Programma vier ogen', [{ name: 'Straatcoaches', ownerOrganisationId: await kit.organisationId('gemeente') }]);
  activityId = made.activityIds[0] ?? '';
  sourceId = await createSource(kit, finance, 'Budget vier ogen', { totalCents: 90_000_000_000 });
});
afterAll(() => kit.t.close());

describe('the approval threshold changes only with a second person', () => {
  it('a raise proposed by one finance user does not take effect, so a large booking still waits', async () => {
    const lineId = await createLine(kit, finance, activityId, sourceId, 'Drempeltruc', 60_000_000_000);
    const proposed = await kit.put(finance, '/api/v1/finance/settings', { approvalThresholdCents: 10_000_000_000, reason: 'Grote aanbesteding' });
    expect(proposed.statusCode, proposed.body).toBe(202);
    expect(proposed.json()).toMatchObject({ approvalThresholdCents: 1_000_000, pendingChange: { fromCents: 1_000_000, toCents: 10_000_000_000, status: 'pending', reason: 'Grote aanbesteding' } });
    const big = await kit.post(finance, '/api/v1/finance-entries', entry(lineId, 5_000_000_000));
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json()).toMatchObject({ status: 'pending', approvalReason: 'amount' });
    const changeId = proposed.json().pendingChange.id;
    const self = await kit.post(finance, `/api/v1/finance/settings/changes/${changeId}/decision`, { decision: 'approve', note: '' });
    expect(self.statusCode).toBe(403);
    expect(self.json().type).toContain('finance.four_eyes');
    expect((await kit.get(finance, '/api/v1/finance/settings')).json()).toMatchObject({ approvalThresholdCents: 1_000_000, pendingChange: { id: changeId, status: 'pending' } });
  });

  it('a second person approves it (audited), after which it counts; the decided change cannot be decided again', async () => {
    const current = (await kit.get(regisseur, '/api/v1/finance/settings')).json();
    const changeId = current.pendingChange.id;
    const noReason = await kit.post(regisseur, `/api/v1/finance/settings/changes/${changeId}/decision`, { decision: 'reject', note: '' });
    expect(noReason.statusCode).toBe(422);
    const approved = await kit.post(regisseur, `/api/v1/finance/settings/changes/${changeId}/decision`, { decision: 'approve', note: 'Akkoord voor de aanbesteding' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ approvalThresholdCents: 10_000_000_000, change: { status: 'approved', decidedBy: 'Demo Programmamanager' } });
    expect((await kit.get(finance, '/api/v1/finance/settings')).json()).toMatchObject({ approvalThresholdCents: 10_000_000_000, pendingChange: null });
    expect((await kit.post(finance, `/api/v1/finance/settings/changes/${changeId}/decision`, { decision: 'reject', note: 'te laat' })).statusCode).toBe(409);
    expect(await auditActions(changeId)).toEqual([
      ['finance.settings.propose', 'financien'],
      ['finance.settings.approve', 'regisseur'],
    ]);
    // Back to € 10.000, again by two people.
    const back = await kit.put(regisseur, '/api/v1/finance/settings', { approvalThresholdCents: 1_000_000, reason: 'Aanbesteding afgerond' });
    expect(back.statusCode).toBe(403); // the programme manager may not propose (finance.manage)
    const down = await kit.put(finance, '/api/v1/finance/settings', { approvalThresholdCents: 1_000_000, reason: 'Aanbesteding afgerond' });
    expect(down.statusCode).toBe(202);
    expect((await kit.post(regisseur, `/api/v1/finance/settings/changes/${down.json().pendingChange.id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(200);
    expect((await kit.get(finance, '/api/v1/finance/settings')).json().approvalThresholdCents).toBe(1_000_000);
  });

  it('a new proposal replaces one still waiting; a rejection needs a reason and changes nothing', async () => {
    const first = (await kit.put(finance, '/api/v1/finance/settings', { approvalThresholdCents: 2_000_000, reason: 'Eerste voorstel' })).json().pendingChange;
    const second = (await kit.put(finance, '/api/v1/finance/settings', { approvalThresholdCents: 1_500_000, reason: 'Beter voorstel' })).json().pendingChange;
    expect((await kit.post(regisseur, `/api/v1/finance/settings/changes/${first.id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(409);
    const rejected = await kit.post(regisseur, `/api/v1/finance/settings/changes/${second.id}/decision`, { decision: 'reject', note: 'Niet nodig' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ approvalThresholdCents: 1_000_000, change: { status: 'rejected', decisionNote: 'Niet nodig' } });
    expect(await auditActions(second.id)).toEqual([
      ['finance.settings.propose', 'financien'],
      ['finance.settings.reject', 'regisseur'],
    ]);
  });

  it('refuses a proposal without a reason, for the current value, or of a fraction of a cent, and stores nothing', async () => {
    const before = await countRows(kit.t.database, 'finance_setting_changes');
    for (const body of [{ approvalThresholdCents: 2_000_000 }, { approvalThresholdCents: 1_000_000, reason: 'Zelfde' }, { approvalThresholdCents: 1.5, reason: 'Half' }]) {
      const response = await kit.put(finance, '/api/v1/finance/settings', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await countRows(kit.t.database, 'finance_setting_changes')).toBe(before);
  });
});

describe('which bookings need a second person', () => {
  it('an entry exactly at the threshold waits; one cent below counts at once', async () => {
    const lineId = await createLine(kit, finance, activityId, sourceId, 'Grens');
    const at = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 1_000_000));
    expect(at.json()).toMatchObject({ status: 'pending', approvalReason: 'amount' });
    const below = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 999_999, { kind: 'commitment' }));
    expect(below.json()).toMatchObject({ status: 'approved', approvalReason: null });
  });

  it('bookings by one person on one line within 30 days that together reach the threshold wait (split purchase)', async () => {
    const lineId = await createLine(kit, finance, activityId, sourceId, 'Opknippen');
    const otherLineId = await createLine(kit, finance, activityId, sourceId, 'Andere regel');
    const first = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 600_000));
    expect(first.json().status).toBe('approved');
    // € 6.000 + € 4.000 = exactly the threshold: the second part waits, flagged as a split.
    const second = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 400_000));
    expect(second.json()).toMatchObject({ status: 'pending', approvalReason: 'split', splitTotalCents: 1_000_000 });
    // Not the same person, line or kind: each counts on its own.
    expect((await kit.post(finance, '/api/v1/finance-entries', entry(lineId, 600_000))).json().status).toBe('approved');
    expect((await kit.post(regisseur, '/api/v1/finance-entries', entry(otherLineId, 600_000))).json().status).toBe('approved');
    expect((await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 600_000, { kind: 'commitment' }))).json().status).toBe('approved');
    // € 6.000 + € 3.999,99 stays below: counts at once (the € 4.000 that waits is not released by one person).
    const third = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 399_999));
    expect(third.json()).toMatchObject({ status: 'approved', approvalReason: null });
    const { rows } = await sql<{ detail: { approvalReason: string; splitTotalCents: number; splitEntryIds: string[] } }>`SELECT detail FROM audit_log WHERE subject_id = ${second.json().id}`.execute(kit.t.database.db);
    expect(rows[0]?.detail).toMatchObject({ approvalReason: 'split', splitTotalCents: 1_000_000, splitEntryIds: [first.json().id] });
    // The registration time counts, not the date on the invoice: 31 days later the window has passed.
    kit.t.clock.advanceMinutes(31 * 24 * 60);
    // Sessions do not outlive a month idle: log in again.
    regisseur = await kit.t.login('regisseur');
    finance = await kit.t.login('financien');
    const later = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 600_000, { bookedOn: '2026-06-15' }));
    expect(later.json()).toMatchObject({ status: 'approved', approvalReason: null });
  });

  it('spend is booked only against an approved commitment', async () => {
    const lineId = await createLine(kit, finance, activityId, sourceId, 'Verplichtingen');
    const pending = (await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 5_000_000, { kind: 'commitment' }))).json();
    expect(pending.status).toBe('pending');
    const before = await countRows(kit.t.database, 'finance_entries');
    const againstPending = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 100_000, { commitmentId: pending.id }));
    expect(againstPending.statusCode).toBe(422);
    expect(againstPending.json().errors).toContainEqual(expect.objectContaining({ path: 'commitmentId' }));
    expect(await countRows(kit.t.database, 'finance_entries')).toBe(before);
    expect((await kit.post(finance, `/api/v1/finance-entries/${pending.id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(200);
    const againstApproved = await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 100_000, { commitmentId: pending.id }));
    expect(againstApproved.statusCode, againstApproved.body).toBe(201);
    const rejected = (await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 2_000_000, { kind: 'commitment' }))).json();
    await kit.post(finance, `/api/v1/finance-entries/${rejected.id}/decision`, { decision: 'reject', note: 'Geen budget' });
    expect((await kit.post(regisseur, '/api/v1/finance-entries', entry(lineId, 100_000, { commitmentId: rejected.id }))).statusCode).toBe(422);
  });
});
