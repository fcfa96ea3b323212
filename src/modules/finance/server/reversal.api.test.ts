import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type TestSession } from '../../../../test/support/test-app.js';
import { createFinanceKit, createLine, createProgrammeWithActivities, createSource, type FinanceKit } from './testing/finance-test-kit.js';

/**
 * Issue 9: no API removed a wrong entry. Finance reverses it instead: a counter-entry of the opposite amount
 * with a reason, audited, waiting for a second person when the original would have; nothing is deleted.
 * Threshold € 10.000 (1 000 000 cents).
 */
let kit: FinanceKit;
let finance: TestSession;
let regisseur: TestSession;
let corporatie: TestSession;
let programmeId: string;
let lineId: string;

const book = async (session: TestSession, amountCents: number, over: Record<string, unknown> = {}) => {
  const response = await kit.post(session, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'spend', amountCents, bookedOn: '2026-05-01', description: 'Factuur', documentRef: `F-${Math.random().toString(36).slice(2, 10)}`, ...over });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string };
};
const reverse = (session: TestSession, id: string, reason = 'Dubbel geboekt') => kit.post(session, `/api/v1/finance-entries/${id}/reversal`, { reason });
const line = async () => (await kit.get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json().lines[0];

beforeAll(async () => {
  kit = await createFinanceKit();
  finance = await kit.t.login('financien');
  regisseur = await kit.t.login('regisseur');
  corporatie = await kit.t.login('corporatie');
  const made = await createProgrammeWithActivities(kit, regisseur, 'Programma terugboeken', [{ name: 'Wijkschouw', ownerOrganisationId: await kit.organisationId('gemeente') }]);
  programmeId = made.programmeId;
  lineId = await createLine(kit, finance, made.activityIds[0] ?? '', await createSource(kit, finance, 'Bron terugboeken'), 'Schouwen', 10_000_000);
});
afterAll(() => kit.t.close());

describe('reversing an entry', () => {
  it('books a counter-entry with the reason, audited; the original stays and the figures net out', async () => {
    const original = await book(regisseur, 50_000);
    expect((await line()).spentCents).toBe(50_000);
    const before = await countRows(kit.t.database, 'finance_entries');
    const reversal = await reverse(finance, original.id);
    expect(reversal.statusCode, reversal.body).toBe(201);
    expect(reversal.json()).toMatchObject({ kind: 'spend', amountCents: -50_000, status: 'approved', reversesId: original.id, description: 'Dubbel geboekt', bookedOn: '2026-07-01', submittedBy: 'Demo Controller' });
    expect(await countRows(kit.t.database, 'finance_entries')).toBe(before + 1);
    const after = await line();
    expect(after.spentCents).toBe(0);
    const budget = (await kit.get(finance, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
    expect(budget.spend.find((e: { id: string }) => e.id === original.id)).toMatchObject({ amountCents: 50_000, status: 'approved', reversedById: reversal.json().id });
    const { rows } = await sql<{ action: string; actor_username: string; detail: { reverses: string; amountCents: number; reason: string } }>`SELECT action, actor_username, detail FROM audit_log WHERE subject_id = ${reversal.json().id}`.execute(kit.t.database.db);
    expect(rows.map((r) => [r.action, r.actor_username])).toEqual([['finance.entry.reverse', 'financien']]);
    expect(rows[0]?.detail).toMatchObject({ reverses: original.id, amountCents: -50_000, reason: 'Dubbel geboekt' });
  });

  it('refuses a second reversal, reversing a counter-entry, a pending entry, or no reason, changing nothing', async () => {
    const original = await book(regisseur, 20_000);
    const reversal = (await reverse(finance, original.id)).json();
    const before = await countRows(kit.t.database, 'finance_entries');
    expect((await reverse(finance, original.id)).json().type).toContain('finance.already_reversed');
    expect((await reverse(finance, reversal.id)).statusCode).toBe(409);
    const pending = await book(regisseur, 3_000_000);
    expect(pending.status).toBe('pending');
    expect((await reverse(finance, pending.id)).statusCode).toBe(409);
    const noReason = await reverse(finance, original.id, '');
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors.map((e: { path: string }) => e.path)).toContain('body.reason');
    expect((await reverse(finance, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await countRows(kit.t.database, 'finance_entries')).toBe(before + 1); // only the pending booking
  });

  it('a reversal at or above the threshold waits for a second person, like the original did', async () => {
    const big = await book(regisseur, 2_000_000);
    expect((await kit.post(finance, `/api/v1/finance-entries/${big.id}/decision`, { decision: 'approve', note: '' })).statusCode).toBe(200);
    const spentBefore = (await line()).spentCents;
    const reversal = (await reverse(finance, big.id, 'Factuur gecrediteerd')).json();
    expect(reversal).toMatchObject({ amountCents: -2_000_000, status: 'pending', approvalReason: 'amount' });
    expect((await line()).spentCents).toBe(spentBefore);
    expect((await line()).pendingCents).toBe(3_000_000 - 2_000_000); // the waiting € 30.000 booking and this − € 20.000
    const self = await kit.post(finance, `/api/v1/finance-entries/${reversal.id}/decision`, { decision: 'approve', note: '' });
    expect(self.statusCode).toBe(403);
    expect((await kit.post(regisseur, `/api/v1/finance-entries/${reversal.id}/decision`, { decision: 'approve', note: 'Creditnota gezien' })).statusCode).toBe(200);
    expect((await line()).spentCents).toBe(spentBefore - 2_000_000);
  });

  it('a commitment with spend against it is reversed only after that spend; no spend against a reversed commitment', async () => {
    const commitment = await book(regisseur, 500_000, { kind: 'commitment' });
    const paid = await book(regisseur, 100_000, { commitmentId: commitment.id });
    const blocked = await reverse(finance, commitment.id);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().type).toContain('finance.commitment_has_spend');
    expect((await reverse(finance, paid.id)).statusCode).toBe(201);
    expect((await reverse(finance, commitment.id)).statusCode).toBe(201);
    const after = await kit.post(regisseur, '/api/v1/finance-entries', { budgetLineId: lineId, kind: 'spend', amountCents: 1_000, bookedOn: '2026-05-02', description: 'Na terugboeking', documentRef: 'F-NA', commitmentId: commitment.id });
    expect(after.statusCode).toBe(422);
    expect(after.json().errors.map((e: { path: string }) => e.path)).toContain('commitmentId');
    expect(await line()).toMatchObject({ committedCents: 0 });
  });

  it('only finance reverses: the programme manager and a partner get 403', async () => {
    const original = await book(regisseur, 10_000);
    expect((await reverse(regisseur, original.id)).statusCode).toBe(403);
    expect((await reverse(corporatie, original.id)).statusCode).toBe(403);
  });
});
