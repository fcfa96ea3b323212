import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { EvaluationDetail, EvaluationSummary, EvidenceOptions, FactorLibrary } from '../contract.js';
import { evaluationForSharing } from '../index.js';
import { seedEvaluationDemo } from './demo-evaluation.js';

/**
 * Evaluations through the API on both databases: the states, scores hidden until one submits, evidence and
 * its access checks, factors into the library, bad input that changes nothing, and the audit rows.
 */

let t: TestApp;
let lead: TestSession; // regisseur, programme_manager
let second: TestSession; // analist
let finance: TestSession; // financien: may read evaluations, not invited
let partner: TestSession; // politie: no evaluation.read
let programmeId: string;
let outsiderId: string;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'evaluation'] });
  [lead, second, finance, partner] = [await t.login('regisseur'), await t.login('analist'), await t.login('financien'), await t.login('politie')];
  const programmes = await t.app.inject({ url: '/api/v1/programmes', headers: { cookie: lead.cookie } });
  programmeId = programmes.json<{ items: { id: string; name: string }[] }>().items.find((p) => p.name.includes('Dordt West'))!.id;
  // An analyst limited to a wijk outside the programme's areas: may read evaluations, not this programme.
  const admin = await t.login('beheerder');
  const organisations = await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } });
  const gemeente = organisations.json<{ items: { id: string; kind: string }[] }>().items.find((o) => o.kind === 'gemeente')!;
  const outsider = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.headers,
    payload: { username: 'buitenwijk', displayName: 'Analist Elders', password: 'correct horse battery staple', organisationId: gemeente.id, roles: ['analyst'], areaScopes: ['WK050301'] },
  });
  expect(outsider.statusCode, outsider.body).toBe(201);
  outsiderId = outsider.json<{ id: string }>().id;
}, 300_000);
afterAll(() => t?.close());

const get = <T>(url: string, session: TestSession) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>(), raw: r }));
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, session: TestSession, payload?: object) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const tables = ['evaluations', 'evaluation_criteria', 'evaluation_evaluators', 'evaluation_scores', 'evaluation_evidence', 'evaluation_factors', 'evaluation_adopted_factors', 'audit_log'];
const counts = () => Promise.all(tables.map((table) => countRows(t.database, table)));
const userIdOf = async (session: TestSession) => (await get<{ user: { id: string } }>('/api/v1/session', session)).body.user.id;

async function expectProblem(response: Awaited<ReturnType<typeof send>>, status: number, code?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (code) expect(response.json<{ type: string }>().type).toBe(`urn:wijkregie:problem:${code}`);
}

describe('the frameworks and the factor library', () => {
  it('installs Platform31\'s six lessons and the Braakhuizen Zuid factors with their source', async () => {
    const frameworks = await get<{ items: { code: string; criteria: { title: string }[] }[] }>('/api/v1/evaluation-frameworks', finance);
    expect(frameworks.body.items.find((f) => f.code === 'platform31')?.criteria.map((c) => c.title)).toEqual(['Urgentie', 'Keuzes maken met data', 'Klein beginnen', 'Compact kernteam', 'Lange adem', 'Balans in samenwerking']);
    const library = await get<FactorLibrary>('/api/v1/evaluation-factors?q=Braakhuizen', finance);
    expect(library.body.items.length).toBe(6);
    expect(library.body.items.every((f) => f.origin.type === 'document' && f.origin.source.includes('Braakhuizen Zuid'))).toBe(true);
    expect(library.body.items.filter((f) => f.kind === 'failure').length).toBe(2);
    // % is a literal character in a search, not a wildcard.
    expect((await get<FactorLibrary>('/api/v1/evaluation-factors?q=%25', finance)).body.items).toEqual([]);
  });
});

describe('the demo evaluation', () => {
  it('is an interim evaluation of Dordt West, scored by two evaluators and closed, marked as demo', async () => {
    const list = await get<{ items: EvaluationSummary[] }>(`/api/v1/evaluations?programme=${programmeId}`, finance);
    const demo = list.body.items.find((e) => e.isDemo)!;
    expect(demo).toMatchObject({ kind: 'interim', status: 'scoring_closed', evaluatorCount: 2 });
    const detail = (await get<EvaluationDetail>(`/api/v1/evaluations/${demo.id}`, finance)).body;
    expect(detail.criteria).toHaveLength(6);
    expect(detail.criteria[1]!.summary).toMatchObject({ median: 3, spread: 2, disagreement: true });
    expect(detail.criteria[1]!.scores!.map((s) => s.evaluatorName).sort()).toEqual(['Demo Analist', 'Demo Programmamanager'].sort());
  });

  it('is seeded once, however often the seed runs', async () => {
    const before = await counts();
    await seedEvaluationDemo(t.database.db);
    expect(await counts()).toEqual(before);
  });
});

describe('an evaluation from start to established', () => {
  let evaluation: EvaluationDetail;
  let secondId: string;

  beforeAll(async () => {
    secondId = await userIdOf(second);
    const created = await send('POST', '/api/v1/evaluations', lead, { programmeId, title: 'Testevaluatie', kind: 'final', peildatum: '2026-12-01', frameworks: ['platform31', 'programme_goals'] });
    expect(created.statusCode, created.body).toBe(201);
    evaluation = created.json<EvaluationDetail>();
  });

  it('starts as a concept led by its maker, with the six lessons and the programme\'s goals as criteria', async () => {
    expect(evaluation).toMatchObject({ status: 'concept', isLead: true, kind: 'final', peildatum: '2026-12-01', areaName: 'Dordt West' });
    const goals = evaluation.criteria.filter((c) => c.framework === 'programme_goals');
    expect(evaluation.criteria.filter((c) => c.framework === 'platform31')).toHaveLength(6);
    expect(goals.length).toBeGreaterThan(0);
    expect(goals[0]!.goal).toMatchObject({ status: expect.stringMatching(/on_track|at_risk|off_track|no_data/) });
  });

  it('invites only users who may read the programme and its evaluations', async () => {
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/evaluators`, lead, { userId: outsiderId }), 422, 'evaluation.not_eligible');
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/evaluators`, lead, { userId: await userIdOf(partner) }), 422, 'evaluation.not_eligible');
    const candidates = await get<{ items: { id: string }[] }>(`/api/v1/evaluations/${evaluation.id}/candidates`, lead);
    expect(candidates.body.items.map((c) => c.id)).toContain(secondId);
    expect(candidates.body.items.map((c) => c.id)).not.toContain(outsiderId);
    // Only the lead invites.
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/evaluators`, second, { userId: secondId }), 403);
    const invited = await send('POST', `/api/v1/evaluations/${evaluation.id}/evaluators`, lead, { userId: secondId });
    expect(invited.statusCode).toBe(200);
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/evaluators`, lead, { userId: secondId }), 409, 'evaluation.already_evaluator');
  });

  it('hides the evaluation from someone who may not see the programme', async () => {
    const outsider = await t.login('buitenwijk', 'correct horse battery staple');
    expect((await get(`/api/v1/evaluations/${evaluation.id}`, outsider)).status).toBe(404);
    expect((await get<{ items: unknown[] }>('/api/v1/evaluations', outsider)).body.items.some((e) => (e as { id: string }).id === evaluation.id)).toBe(false);
  });

  it('refuses scores before scoring opens', async () => {
    await expectProblem(await send('PUT', `/api/v1/evaluation-criteria/${evaluation.criteria[0]!.id}/my-score`, lead, { score: 4, motivation: 'Goed' }), 409, 'evaluation.wrong_status');
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'scoring_open' })).statusCode).toBe(200);
  });

  it('keeps each evaluator\'s scores hidden from the others until they submit', async () => {
    const [c0, c1] = [evaluation.criteria[0]!.id, evaluation.criteria[1]!.id];
    expect((await send('PUT', `/api/v1/evaluation-criteria/${c0}/my-score`, lead, { score: 5, motivation: 'Breed gedragen' })).statusCode).toBe(200);
    expect((await send('PUT', `/api/v1/evaluation-criteria/${c0}/my-score`, second, { score: 2, motivation: 'Vooral bij de gemeente' })).statusCode).toBe(200);
    const seenBySecond = (await get<EvaluationDetail>(`/api/v1/evaluations/${evaluation.id}`, second)).body;
    expect(seenBySecond.scoresVisible).toBe(false);
    expect(seenBySecond.criteria[0]!.myScore).toEqual({ score: 2, motivation: 'Vooral bij de gemeente' });
    expect(seenBySecond.criteria[0]!.scores).toBeNull();
    expect(seenBySecond.criteria[0]!.summary).toBeNull();
    expect(JSON.stringify(seenBySecond)).not.toContain('Breed gedragen');
    // A reader who is not an evaluator sees no scores before closing either.
    expect(JSON.stringify((await get<EvaluationDetail>(`/api/v1/evaluations/${evaluation.id}`, finance)).body)).not.toContain('Breed gedragen');
    // Submitting needs every criterion scored.
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/submission`, second), 422, 'evaluation.scores_missing');
    for (const criterion of evaluation.criteria.slice(1)) {
      const body = criterion.id === c1 ? { score: null, motivation: '' } : { score: 3, motivation: 'Redelijk' };
      expect((await send('PUT', `/api/v1/evaluation-criteria/${criterion.id}/my-score`, second, body)).statusCode).toBe(200);
    }
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/submission`, second)).statusCode).toBe(200);
    // Having submitted, the second evaluator sees submitted scores only — the lead has not submitted yet.
    const afterSubmit = (await get<EvaluationDetail>(`/api/v1/evaluations/${evaluation.id}`, second)).body;
    expect(afterSubmit.scoresVisible).toBe(true);
    expect(afterSubmit.criteria[0]!.scores).toEqual([{ evaluatorName: null, score: 2, motivation: 'Vooral bij de gemeente' }]);
    expect(JSON.stringify(afterSubmit)).not.toContain('Breed gedragen');
    expect(afterSubmit.criteria[1]!.summary).toMatchObject({ median: null, notAssessable: 1 });
    // The lead, who has not submitted, still sees only their own.
    expect(JSON.stringify((await get<EvaluationDetail>(`/api/v1/evaluations/${evaluation.id}`, lead)).body)).not.toContain('Vooral bij de gemeente');
    // Submitted scores no longer change.
    await expectProblem(await send('PUT', `/api/v1/evaluation-criteria/${c0}/my-score`, second, { score: 4, motivation: 'Toch beter' }), 409, 'evaluation.already_submitted');
  });

  it('lets only evaluators score, and each only their own row', async () => {
    await expectProblem(await send('PUT', `/api/v1/evaluation-criteria/${evaluation.criteria[0]!.id}/my-score`, finance, { score: 3, motivation: 'x' }), 403);
    await expectProblem(await send('PUT', `/api/v1/evaluation-criteria/${evaluation.criteria[0]!.id}/my-score`, partner, { score: 3, motivation: 'x' }), 403);
  });

  it('refuses bad scores with 422 and changes nothing', async () => {
    const before = await counts();
    const url = `/api/v1/evaluation-criteria/${evaluation.criteria[2]!.id}/my-score`;
    await expectProblem(await send('PUT', url, lead, { score: 4, motivation: '  ' }), 422, 'evaluation.motivation_required');
    await expectProblem(await send('PUT', url, lead, { score: 6, motivation: 'Te hoog' }), 422);
    await expectProblem(await send('PUT', url, lead, { score: 2.5, motivation: 'Half' }), 422);
    await expectProblem(await send('PUT', url, lead, { score: 3, motivation: 'ok', extra: true }), 422);
    await expectProblem(await send('PUT', '/api/v1/evaluation-criteria/not-a-uuid/my-score', lead, { score: 3, motivation: 'ok' }), 422);
    await expectProblem(await send('PUT', '/api/v1/evaluation-criteria/00000000-0000-4000-8000-000000000000/my-score', lead, { score: 3, motivation: 'ok' }), 404);
    await expectProblem(await send('POST', '/api/v1/evaluations', lead, { programmeId, title: '', kind: 'final', peildatum: '2026-12-01', frameworks: ['platform31'] }), 422);
    await expectProblem(await send('POST', '/api/v1/evaluations', lead, { programmeId, title: 'x', kind: 'halfway', peildatum: '2026-12-01', frameworks: ['platform31'] }), 422);
    await expectProblem(await send('POST', '/api/v1/evaluations', lead, { programmeId, title: 'x', kind: 'final', peildatum: '2026-02-30', frameworks: ['platform31'] }), 422);
    await expectProblem(await send('POST', '/api/v1/evaluations', lead, { programmeId, title: 'x', kind: 'final', peildatum: '2026-12-01', frameworks: [] }), 422);
    await expectProblem(await send('POST', '/api/v1/evaluations', lead, { programmeId: '00000000-0000-4000-8000-000000000000', title: 'x', kind: 'final', peildatum: '2026-12-01', frameworks: ['platform31'] }), 422, 'evaluation.unknown_programme');
    await expectProblem(await send('POST', '/api/v1/evaluations', lead, { programmeId, title: 'x', kind: 'final', peildatum: '2026-12-01', frameworks: ['platform31'], adoptFactorIds: ['00000000-0000-4000-8000-000000000000'] }), 422, 'evaluation.unknown_factor');
    expect(await counts()).toEqual(before);
  });

  it('links evidence the evaluator may see, keeps the figure as it was, and refuses what they may not', async () => {
    const options = (await get<EvidenceOptions>(`/api/v1/evaluations/${evaluation.id}/evidence-options`, lead)).body;
    const figure = options.figures[0]!;
    expect(figure).toBeDefined();
    expect(options.activities.length).toBeGreaterThan(0);
    const criterion = evaluation.criteria[0]!.id;
    const before = await counts();
    const bad = [
      { kind: 'figure', areaCode: figure.areaCode, indicator: figure.indicator, year: 1901 },
      { kind: 'figure', areaCode: 'FAnot-here', indicator: figure.indicator, year: figure.year },
      { kind: 'activity', activityId: '00000000-0000-4000-8000-000000000000' },
      { kind: 'goal', goalId: '00000000-0000-4000-8000-000000000000' },
      { kind: 'decision', decisionId: '00000000-0000-4000-8000-000000000000' },
      { kind: 'document', title: 'Rapport', url: 'javascript:alert(1)' },
      { kind: 'meeting', id: 'x' },
    ];
    for (const body of bad) await expectProblem(await send('POST', `/api/v1/evaluation-criteria/${criterion}/evidence`, lead, body), 422);
    // Not an evaluator of this evaluation: refused even with a valid target.
    await expectProblem(await send('POST', `/api/v1/evaluation-criteria/${criterion}/evidence`, finance, { kind: 'activity', activityId: options.activities[0]!.id }), 403);
    await expectProblem(await send('POST', `/api/v1/evaluation-criteria/${criterion}/evidence`, partner, { kind: 'activity', activityId: options.activities[0]!.id }), 403);
    expect(await counts()).toEqual(before);

    const linked = await send('POST', `/api/v1/evaluation-criteria/${criterion}/evidence`, lead, { kind: 'figure', areaCode: figure.areaCode, indicator: figure.indicator, year: figure.year, note: 'Stand bij de peildatum' });
    expect(linked.statusCode, linked.body).toBe(201);
    expect((await send('POST', `/api/v1/evaluation-criteria/${criterion}/evidence`, second, { kind: 'activity', activityId: options.activities[0]!.id })).statusCode).toBe(201);
    if (options.decisions[0]) expect((await send('POST', `/api/v1/evaluation-criteria/${criterion}/evidence`, lead, { kind: 'decision', decisionId: options.decisions[0].id })).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/evaluation-criteria/${criterion}/evidence`, lead, { kind: 'document', title: 'Wijkschouw 2026', url: 'https://example.org/wijkschouw.pdf' })).statusCode).toBe(201);
    const evidence = (await get<EvaluationDetail>(`/api/v1/evaluations/${evaluation.id}`, lead)).body.criteria[0]!.evidence;
    const stored = evidence.find((e) => e.kind === 'figure')!;
    expect(stored.figure).toMatchObject({ year: figure.year, value: figure.value, liveValue: expect.any(Number) });
    // The stored value stays when the figure changes later: it was written with the row.
    const { rows } = await sql<{ value: number; year: number }>`SELECT value, year FROM evaluation_evidence WHERE id = ${stored.id}`.execute(t.database.db);
    expect(rows[0]).toEqual({ value: figure.value, year: figure.year });
    // Someone else's evidence is removed only by the lead.
    const activityItem = evidence.find((e) => e.kind === 'activity')!;
    await expectProblem(await send('DELETE', `/api/v1/evaluation-evidence/${stored.id}`, second), 403);
    expect((await send('DELETE', `/api/v1/evaluation-evidence/${activityItem.id}`, lead)).statusCode).toBe(200);
  });

  it('shows every score with its evaluator once the lead closes scoring, then takes conclusions and factors', async () => {
    for (const criterion of evaluation.criteria.slice(1)) await send('PUT', `/api/v1/evaluation-criteria/${criterion.id}/my-score`, lead, { score: 4, motivation: 'Ruim voldoende' });
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, second, { to: 'scoring_closed' }), 403);
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'established' }), 409, 'evaluation.wrong_status');
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'scoring_closed' })).statusCode).toBe(200);
    const closed = (await get<EvaluationDetail>(`/api/v1/evaluations/${evaluation.id}`, finance)).body;
    expect(closed.criteria[0]!.scores).toEqual(
      expect.arrayContaining([
        { evaluatorName: 'Demo Programmamanager', score: 5, motivation: 'Breed gedragen' },
        { evaluatorName: 'Demo Analist', score: 2, motivation: 'Vooral bij de gemeente' },
      ]),
    );
    expect(closed.criteria[0]!.summary).toEqual({ median: 3.5, spread: 3, scored: 2, notAssessable: 0, disagreement: true });
    expect(closed.criteria[2]!.summary!.disagreement).toBe(false);

    await expectProblem(await send('PUT', `/api/v1/evaluation-criteria/${evaluation.criteria[0]!.id}/conclusion`, second, { conclusion: 'x' }), 403);
    await expectProblem(await send('PUT', `/api/v1/evaluation-criteria/${evaluation.criteria[0]!.id}/conclusion`, lead, { conclusion: '' }), 422);
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'established' }), 422, 'evaluation.conclusions_missing');
    for (const criterion of evaluation.criteria) expect((await send('PUT', `/api/v1/evaluation-criteria/${criterion.id}/conclusion`, lead, { conclusion: `Conclusie over ${criterion.title}` })).statusCode).toBe(200);
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/factors`, lead, { kind: 'success', title: 'x', explanation: 'y', criterionId: '00000000-0000-4000-8000-000000000000' }), 422, 'evaluation.unknown_criterion');
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/factors`, lead, { kind: 'success', title: 'Vaste wijkregisseur', explanation: 'Eén gezicht voor bewoners en partners.', criterionId: evaluation.criteria[3]!.id })).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/factors`, lead, { kind: 'failure', title: 'Te veel overleg', explanation: 'Iedereen overal bij betrekken vertraagde besluiten.' })).statusCode).toBe(201);
    // Not in the library until established.
    expect((await get<FactorLibrary>('/api/v1/evaluation-factors?q=wijkregisseur', finance)).body.items).toEqual([]);
    expect(await evaluationForSharing(t.database.db, evaluation.id)).toBeNull();
  });

  it('is read-only once established, its factors in the library with where they came from', async () => {
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'established' })).statusCode).toBe(200);
    const before = await counts();
    await expectProblem(await send('PUT', `/api/v1/evaluation-criteria/${evaluation.criteria[0]!.id}/conclusion`, lead, { conclusion: 'Nog anders' }), 409, 'evaluation.established');
    await expectProblem(await send('POST', `/api/v1/evaluation-criteria/${evaluation.criteria[0]!.id}/evidence`, lead, { kind: 'document', title: 'Laat' }), 409, 'evaluation.established');
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/factors`, lead, { kind: 'success', title: 'Laat', explanation: 'Te laat' }), 409, 'evaluation.established');
    await expectProblem(await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'scoring_open' }), 409, 'evaluation.established');
    expect(await counts()).toEqual(before);

    const library = (await get<FactorLibrary>('/api/v1/evaluation-factors?q=wijkregisseur', finance)).body.items;
    expect(library).toHaveLength(1);
    expect(library[0]).toMatchObject({ kind: 'success', criterionTitle: 'Compact kernteam', origin: { type: 'evaluation', evaluationTitle: 'Testevaluatie', programmeName: expect.stringContaining('Dordt West') } });
    // Someone who may not see the programme does not see its factors.
    const outsider = await t.login('buitenwijk', 'correct horse battery staple');
    expect((await get<FactorLibrary>('/api/v1/evaluation-factors?q=wijkregisseur', outsider)).body.items).toEqual([]);

    const shared = await evaluationForSharing(t.database.db, evaluation.id);
    expect(shared).toMatchObject({ title: 'Testevaluatie', areaName: 'Dordt West', kind: 'final', peildatum: '2026-12-01', status: 'established' });
    expect(shared!.criteria[0]).toEqual({ framework: 'Platform31 — zes lessen', criterion: 'Urgentie', medianScore: 3.5, conclusion: 'Conclusie over Urgentie' });
    expect(shared!.successFactors).toEqual([{ title: 'Vaste wijkregisseur', explanation: 'Eén gezicht voor bewoners en partners.' }]);
    expect(JSON.stringify(shared)).not.toMatch(/Demo Programmamanager|Demo Analist|Wijkschouw|example\.org/);
    expect(JSON.parse(JSON.stringify(shared))).toEqual(shared);
  });

  it('takes a library factor into a new evaluation, once', async () => {
    const factor = (await get<FactorLibrary>('/api/v1/evaluation-factors?q=wijkregisseur', lead)).body.items[0]!;
    const created = await send('POST', '/api/v1/evaluations', lead, { programmeId, title: 'Volgende ronde', kind: 'interim', peildatum: '2027-06-01', frameworks: ['platform31'], adoptFactorIds: [factor.id] });
    expect(created.statusCode, created.body).toBe(201);
    const next = created.json<EvaluationDetail>();
    expect(next.adoptedFactors).toEqual([expect.objectContaining({ factorId: factor.id, title: 'Vaste wijkregisseur', origin: expect.stringContaining('Testevaluatie') })]);
    await expectProblem(await send('POST', `/api/v1/evaluations/${next.id}/adopted-factors`, lead, { factorId: factor.id }), 409, 'evaluation.factor_adopted');
    const seed = (await get<FactorLibrary>('/api/v1/evaluation-factors?kind=failure&q=formatie', lead)).body.items[0]!;
    expect((await send('POST', `/api/v1/evaluations/${next.id}/adopted-factors`, lead, { factorId: seed.id, note: 'Let op de bezetting' })).statusCode).toBe(201);
  });

  it('wrote an audit row for every step', async () => {
    const { rows } = await sql<{ action: string; n: number }>`
      SELECT action, count(*)::int AS n FROM audit_log WHERE subject_id = ${evaluation.id} OR detail->>'evaluation' = ${evaluation.id} GROUP BY action ORDER BY action`.execute(t.database.db);
    const actions = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(actions).toMatchObject({
      'evaluation.create': 1,
      'evaluation.evaluator.invite': 1,
      'evaluation.scoring_open': 1,
      'evaluation.scoring_close': 1,
      'evaluation.establish': 1,
      'evaluation.submit': 1,
      'evaluation.evidence.delete': 1,
      'evaluation.factor.create': 2,
    });
    expect(actions['evaluation.score.save']).toBeGreaterThanOrEqual(evaluation.criteria.length * 2);
    expect(actions['evaluation.conclusion.save']).toBe(evaluation.criteria.length);
    expect(actions['evaluation.evidence.create']).toBeGreaterThanOrEqual(3);
  });
});
