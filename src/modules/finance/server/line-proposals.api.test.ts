import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACTIVITY_NAMES, findDemoActivityIdsByName } from '../../programmes/index.js';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { DEMO_SOURCES } from './demo-data.js';

/**
 * A budget line proposed from the activity page, decided by finance (docs/finance.md "Proposing a budget
 * line"), on the demo. The safe-routes activity runs March 2027 – March 2028 and has no line; it serves the
 * strategic goals "fysieke leefomgeving" and "veiligheid" and the operational goal "Nieuw-Krispijn". Nothing
 * is budgeted in 2027 yet. "Cofinanciering Agenda Dordrecht 2030" (2023–2027) has € 1.500.000, of which
 * 180.000 + 45.000 (half the renovation line) + 60.000 = € 285.000 finances lines of this year (2026). The
 * demo books its current-year lines in the year of the app clock: this test is for 2026, as the demo's others.
 */
let t: TestApp;
let regisseur: TestSession;
let financien: TestSession;
let corporatie: TestSession;
let analist: TestSession;
let both: TestSession;
let programmeId: string;
let safeRoutesId: string;
let agendaId: string;
let preventieId: string;
const year = 2027;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'finance'] });
  [regisseur, financien, corporatie, analist] = await Promise.all([t.login('regisseur'), t.login('financien'), t.login('corporatie'), t.login('analist')]);
  const admin = await t.login('beheerder');
  const org = await t.database.db.selectFrom('users').select('organisation_id').where('username', '=', 'regisseur').executeTakeFirstOrThrow();
  // One person holding both roles: may propose and decide, but never their own proposal.
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { username: 'dubbelrol', displayName: 'Dubbele Rol', password: 'correct horse battery', organisationId: org.organisation_id, roles: ['programme_manager', 'finance'], areaScopes: [] } });
  expect(created.statusCode, created.body).toBe(201);
  both = await t.login('dubbelrol', 'correct horse battery');
  safeRoutesId = (await findDemoActivityIdsByName(t.database.db)).get(DEMO_ACTIVITY_NAMES.safeRoutes) ?? '';
  const options = (await get(regisseur, '/api/v1/finance/programmes')).json();
  programmeId = options.items[0].id;
  const sources = (await get(financien, '/api/v1/funding-sources')).json().items as { id: string; name: string }[];
  agendaId = sources.find((s) => s.name === DEMO_SOURCES.agenda2030)?.id ?? '';
  preventieId = sources.find((s) => s.name === DEMO_SOURCES.preventie)?.id ?? '';
}, 180_000);
afterAll(() => t.close());

function get(s: TestSession, url: string) {
  return t.app.inject({ method: 'GET', url, headers: s.headers });
}
function post(s: TestSession, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: { ...s.headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
}
const propose = (s: TestSession, extra: Record<string, unknown> = {}) =>
  post(s, '/api/v1/budget-line-proposals', { activityId: safeRoutesId, year, fundingSourceId: agendaId, amountCents: 5_000_000, description: 'Verlichting looproutes', ...extra });
const budget = async () => (await get(regisseur, `/api/v1/programmes/${programmeId}/budget?year=${year}`)).json();
const activityMoney = async () => (await get(regisseur, `/api/v1/activities/${safeRoutesId}/budget`)).json();
const pending = async (s: TestSession = financien) => (await get(s, '/api/v1/budget-line-proposals/pending')).json().items as { id: string; canDecide: boolean; effect: unknown; status: string }[];
const proposalCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM budget_line_proposals`.execute(t.database.db)).rows[0]?.n;
type GoalRow = { id: string | null; name: string | null; activityCount: number; budgetCents: number };
const goalFigures = (rows: GoalRow[]) => Object.fromEntries(rows.map((r) => [r.name ?? '(geen doel)', [r.activityCount, r.budgetCents]]));

describe('proposing a budget line from the activity page', () => {
  let rejectedId: string;
  let approvedId: string;

  it('holds a proposal apart: shown as proposed, in no total, until finance decides', async () => {
    expect((await budget()).totals.budgetCents).toBe(0);
    const response = await propose(regisseur);
    expect(response.statusCode, response.body).toBe(201);
    const proposal = response.json();
    expect(proposal).toMatchObject({ status: 'pending', amountCents: 5_000_000, year, fundingSourceName: DEMO_SOURCES.agenda2030, activityName: DEMO_ACTIVITY_NAMES.safeRoutes, canDecide: false, budgetLineId: null });
    rejectedId = proposal.id;

    const money = await activityMoney();
    expect(money.lines).toEqual([]);
    expect(money.totals.budgetCents).toBe(0);
    expect(money.proposals.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([[rejectedId, 'pending']]);
    const after = await budget();
    expect(after.totals.budgetCents).toBe(0);
    expect(after.proposedLines.map((p: { id: string }) => p.id)).toEqual([rejectedId]);
  });

  it('shows finance the proposal waiting with its effect, hand-checked', async () => {
    const [item] = (await pending()).filter((p) => p.id === rejectedId);
    expect(item).toMatchObject({
      canDecide: true,
      effect: {
        activityYear: { budgetCents: 0, afterCents: 5_000_000 },
        programmeYear: { budgetCents: 0, afterCents: 5_000_000 },
        // € 1.500.000 − € 285.000 − € 50.000 = € 1.165.000 left of the source.
        source: { totalCents: 150_000_000, allocatedCents: 28_500_000, otherPendingCents: 0, leftAfterCents: 116_500_000, leftAfterPendingCents: 116_500_000 },
      },
    });
    // The programme manager sees it in the queue too, but may not decide it.
    expect((await pending(regisseur)).find((p) => p.id === rejectedId)?.canDecide).toBe(false);
  });

  it('refuses the programme manager a decision, and a rejection without a reason', async () => {
    expect((await post(regisseur, `/api/v1/budget-line-proposals/${rejectedId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const noReason = await post(financien, `/api/v1/budget-line-proposals/${rejectedId}/decision`, { decision: 'reject', note: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().type).toBe('urn:wijkregie:problem:finance.reason_required');
    expect((await pending()).find((p) => p.id === rejectedId)?.status).toBe('pending');
  });

  it('lets finance reject with a reason; the activity shows why, the budget no longer lists it', async () => {
    const response = await post(financien, `/api/v1/budget-line-proposals/${rejectedId}/decision`, { decision: 'reject', note: 'Eerst de offerte van de aannemer' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'rejected', decisionNote: 'Eerst de offerte van de aannemer', budgetLineId: null });
    expect((await activityMoney()).proposals).toMatchObject([{ id: rejectedId, status: 'rejected', decisionNote: 'Eerst de offerte van de aannemer' }]);
    const after = await budget();
    expect(after.proposedLines).toEqual([]);
    expect(after.totals.budgetCents).toBe(0);
    expect((await post(financien, `/api/v1/budget-line-proposals/${rejectedId}/decision`, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('lets finance approve: the line counts in the activity, the programme and its goals (hand-checked)', async () => {
    approvedId = (await propose(regisseur)).json().id;
    const response = await post(financien, `/api/v1/budget-line-proposals/${approvedId}/decision`, { decision: 'approve', note: '' });
    expect(response.statusCode, response.body).toBe(200);
    const decided = response.json();
    expect(decided.status).toBe('approved');
    expect(decided.budgetLineId).toEqual(expect.any(String));
    // € 1.500.000 − € 285.000 − € 50.000 left of the source.
    expect(decided.after).toEqual({ activityYearBudgetCents: 5_000_000, programmeYearBudgetCents: 5_000_000, sourceLeftCents: 116_500_000 });

    const money = await activityMoney();
    expect(money.lines).toMatchObject([{ id: decided.budgetLineId, year, description: 'Verlichting looproutes', budgetCents: 5_000_000, allocations: [{ fundingSourceId: agendaId, amountCents: 5_000_000 }] }]);
    expect(money.totals.budgetCents).toBe(5_000_000);
    expect(money.proposals.map((p: { id: string }) => p.id)).toEqual([rejectedId]);

    const after = await budget();
    expect(after.totals.budgetCents).toBe(5_000_000);
    // The activity serves two strategic goals and counts under both: together € 100.000, the programme € 50.000.
    const strategic = goalFigures(after.goals.strategic);
    expect(strategic['Het verbeteren van de fysieke leefomgeving']).toEqual([1, 5_000_000]);
    expect(strategic['Het vergroten van de veiligheid']).toEqual([1, 5_000_000]);
    expect(Object.values(strategic).filter(([, cents]) => (cents ?? 0) > 0)).toHaveLength(2);
    expect(after.goals.strategic).toHaveLength(10);
    const operational = goalFigures(after.goals.operational);
    expect(operational['Voorbeeld: Nieuw-Krispijn groeit na herstructurering naar 5.600 inwoners']).toEqual([1, 5_000_000]);
    expect(Object.values(operational).filter(([, cents]) => (cents ?? 0) > 0)).toHaveLength(1);
    // Every activity with money serves an operational goal: no last row.
    expect(after.goals.operational.map((g: GoalRow) => g.id)).not.toContain(null);
    expect((await post(financien, `/api/v1/budget-line-proposals/${approvedId}/decision`, { decision: 'reject', note: 'te laat' })).statusCode).toBe(409);
  });

  it('says when approving would set down more than the source holds', async () => {
    const big = (await propose(regisseur, { amountCents: 130_000_000, description: 'Nieuwe verlichting hele wijk' })).json();
    const item = (await pending()).find((p) => p.id === big.id);
    // € 1.500.000 − (€ 285.000 + the € 50.000 approved above) − € 1.300.000 = − € 135.000: over by € 135.000.
    expect(item?.effect).toMatchObject({ source: { totalCents: 150_000_000, allocatedCents: 33_500_000, leftAfterCents: -13_500_000 } });
    expect((await post(financien, `/api/v1/budget-line-proposals/${big.id}/decision`, { decision: 'reject', note: 'Past niet in de bron' })).statusCode).toBe(200);
  });

  it('audits every step', async () => {
    const { rows } = await sql<{ action: string; actor_username: string }>`SELECT action, actor_username FROM audit_log WHERE subject_id IN (${rejectedId}, ${approvedId}) ORDER BY id`.execute(t.database.db);
    expect(rows.map((r) => `${r.action} ${r.actor_username}`)).toEqual([
      'finance.budget_line.propose regisseur',
      'finance.budget_line.reject financien',
      'finance.budget_line.propose regisseur',
      'finance.budget_line.approve financien',
    ]);
    const line = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'finance.budget_line.create' AND detail->>'proposalId' = ${approvedId}`.execute(t.database.db);
    expect(line.rows[0]?.n).toBe(1);
  });

  it('never lets the proposer decide their own proposal, even holding both roles', async () => {
    const own = (await propose(both, { amountCents: 100_000 })).json();
    const refused = await post(both, `/api/v1/budget-line-proposals/${own.id}/decision`, { decision: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toBe('urn:wijkregie:problem:finance.four_eyes');
    expect((await pending(both)).find((p) => p.id === own.id)?.canDecide).toBe(false);
    expect((await pending(financien)).find((p) => p.id === own.id)?.canDecide).toBe(true);
    // Nor can a write past the service: the database refuses an approval by the proposer.
    const lineId = (await sql<{ id: string }>`SELECT id FROM budget_lines LIMIT 1`.execute(t.database.db)).rows[0]?.id;
    await expect(
      sql`UPDATE budget_line_proposals SET status = 'approved', decided_by = proposed_by, decided_name = 'x', decided_at = now(), budget_line_id = ${lineId} WHERE id = ${own.id}`.execute(t.database.db),
    ).rejects.toThrow(/check constraint/);
    // Another finance person may decide it.
    expect((await post(financien, `/api/v1/budget-line-proposals/${own.id}/decision`, { decision: 'reject', note: 'dubbel' })).statusCode).toBe(200);
  });

  it('refuses bad input with 422 naming the field, and changes nothing', async () => {
    const before = await proposalCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ amountCents: 0 }, 'amountCents'],
      [{ amountCents: -500 }, 'amountCents'],
      [{ amountCents: 100_000_000_001 }, 'amountCents'],
      [{ amountCents: 12.5 }, 'amountCents'],
      [{ fundingSourceId: '00000000-0000-4000-8000-000000000000' }, 'fundingSourceId'],
      [{ activityId: '00000000-0000-4000-8000-000000000000' }, 'activityId'],
      // The activity runs from 2027; Preventie met Gezag may be spent up to 30 June 2026.
      [{ year: 2026 }, 'year'],
      [{ fundingSourceId: preventieId }, 'year'],
      [{ year: 1999 }, 'year'],
      [{ description: '   ' }, 'description'],
      [{ extra: true }, ''],
    ];
    for (const [extra, path] of cases) {
      const response = await propose(regisseur, extra);
      expect(response.statusCode, JSON.stringify(extra)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (path) expect(JSON.stringify(response.json().errors), JSON.stringify(extra)).toContain(path);
    }
    expect((await propose(regisseur, { fundingSourceId: preventieId })).json().type).toBe('urn:wijkregie:problem:finance.year_outside_source');
    expect((await propose(regisseur, { year: 2026 })).json().type).toBe('urn:wijkregie:problem:finance.year_outside_activity');
    expect(await proposalCount()).toBe(before);
  });

  it('refuses partners and roles without the right, and an unknown proposal', async () => {
    const before = await proposalCount();
    expect((await propose(corporatie)).statusCode).toBe(403);
    expect((await propose(analist)).statusCode).toBe(403);
    expect((await get(corporatie, '/api/v1/budget-line-proposals/pending')).statusCode).toBe(403);
    expect((await post(corporatie, `/api/v1/budget-line-proposals/${approvedId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    expect(await proposalCount()).toBe(before);
    const unknown = await post(financien, '/api/v1/budget-line-proposals/00000000-0000-4000-8000-000000000000/decision', { decision: 'approve' });
    expect(unknown.statusCode).toBe(404);
    expect((await post(financien, '/api/v1/budget-line-proposals/abc/decision', { decision: 'approve' })).statusCode).toBe(422);
  });

  it('gives this year (2026) per goal by the pillars’ rule, hand-checked, and 2025 only under "veiligheid"', async () => {
    const body = (await get(regisseur, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
    const strategic = goalFigures(body.goals.strategic);
    // Renovation € 90.000 (two strategic goals), energy help € 180.000 and debt help € 60.000 (income), youth € 725.000.
    expect(Object.fromEntries(Object.entries(strategic).filter(([, [, cents]]) => (cents ?? 0) > 0))).toEqual({
      'Het verbeteren van de fysieke leefomgeving': [1, 9_000_000],
      'Het bieden van meer toekomstbestendig wonen': [1, 9_000_000],
      'Het bieden van een beter perspectief op een leven lang voldoende en stabiel inkomen': [2, 24_000_000],
      'Het vergroten van de veiligheid': [1, 72_500_000],
    });
    expect(body.goals.strategic[0]).toMatchObject({ pillarName: 'Wonen en fysieke leefomgeving', pendingCents: 2_400_000 });
    const operational = goalFigures(body.goals.operational);
    expect(operational['Voorbeeld: Wielwijk groeit naar 7.000 inwoners']).toEqual([1, 9_000_000]);
    // Youth, energy and debt help serve no operational goal: € 725.000 + € 180.000 + € 60.000 in the last row.
    expect(body.goals.operational.at(-1)).toMatchObject({ id: null, name: null, activityCount: 3, budgetCents: 96_500_000 });

    const earlier = (await get(regisseur, `/api/v1/programmes/${programmeId}/budget?year=2025`)).json();
    const strategic2025 = goalFigures(earlier.goals.strategic);
    expect(strategic2025['Het vergroten van de veiligheid']).toEqual([1, 145_000_000]);
    expect(Object.values(strategic2025).filter(([, cents]) => (cents ?? 0) > 0)).toHaveLength(1);
    expect(earlier.goals.operational.at(-1)).toMatchObject({ id: null, activityCount: 1, budgetCents: 145_000_000 });
  });

  it('shows a partner only the goals of the lines its money finances', async () => {
    const body = (await get(corporatie, `/api/v1/programmes/${programmeId}/budget?year=2026`)).json();
    // The corporation co-finances only the renovation line (its programme-office source).
    const served = body.goals.strategic.filter((g: GoalRow) => g.budgetCents > 0).map((g: GoalRow) => g.name);
    expect(served).toEqual(['Het verbeteren van de fysieke leefomgeving', 'Het bieden van meer toekomstbestendig wonen']);
    expect(body.proposedLines).toEqual([]);
  });
});
