import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActorUser, SYSTEM_ACTOR, type Actor } from '../../../platform/server/index.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { runImport } from '../../indicators/index.js';
import { canActorSeeActivity, findActivityRef, findProgrammeSummary, listActivitiesOfProgramme, listGoalsWithStatus, listSlippingActivities } from '../index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';

/**
 * The programmes API on a small hand-made municipality (GM9999) whose figures are known by heart:
 *   2020: BU99990101 1,000 inhabitants, share 60 %; BU99990102 3,000, 45 %; BU99990103 a water polygon
 *         without figures; the gemeente has only its inhabitants (4,000), like Dordrecht in the demo.
 *   2024: BU99990101 1,000, 62 %; BU99990102 3,000, 46 %.
 * The municipality's share is then the inhabitant-weighted mean of its buurten:
 *   2020 (600 + 1350) / 4000 = 48.75 %;  2024 (620 + 1380) / 4000 = 50.0 %.
 */

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 51], [x + 0.01, 51], [x + 0.01, 51.01], [x, 51.01], [x, 51]]] });
const areasFile = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'GM9999', name: 'Proefstad', level: 'gemeente', parentCode: null }, geometry: square(5) },
    { type: 'Feature', properties: { code: 'WK999901', name: 'Wijk Proef', level: 'wijk', parentCode: 'GM9999' }, geometry: square(5) },
    { type: 'Feature', properties: { code: 'BU99990101', name: 'Buurt Noord', level: 'buurt', parentCode: 'WK999901' }, geometry: square(5) },
    { type: 'Feature', properties: { code: 'BU99990102', name: 'Buurt Zuid', level: 'buurt', parentCode: 'WK999901' }, geometry: square(5.02) },
    { type: 'Feature', properties: { code: 'BU99990103', name: 'Water', level: 'buurt', parentCode: 'WK999901' }, geometry: square(5.04) },
  ],
});
const VALUES = [
  'area_code,indicator,period,value',
  'GM9999,inhabitants,2020,4000',
  'BU99990101,inhabitants,2020,1000',
  'BU99990102,inhabitants,2020,3000',
  'BU99990101,share_test,2020,60',
  'BU99990102,share_test,2020,45',
  'BU99990101,inhabitants,2024,1000',
  'BU99990102,inhabitants,2024,3000',
  'BU99990101,share_test,2024,62',
  'BU99990102,share_test,2024,46',
].join('\n');

let t: TestApp;
let manager: TestSession;
let analyst: TestSession;
let police: TestSession;
let housing: TestSession;
let welfare: TestSession;
let viewerless: TestSession;
const orgs: Record<string, string> = {};
let programmeId = '';

const api = (session: TestSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

const actorOf = async (session: TestSession): Promise<Actor> => {
  const user = await loadActorUser(t.database.db, session.userId);
  if (!user) throw new Error('no such user');
  return { ...user, via: 'session' };
};

const PROGRAMME = {
  name: 'Programma Proefstad Zuid 2024–2040',
  municipality: 'GM9999',
  ambition: 'Zuid groeit naar het stedelijk gemiddelde.',
  horizonStart: '2024-01-01',
  horizonEnd: '2040-12-31',
  areas: ['BU99990102'],
  pillars: ['Wonen', 'Veilig'],
  strategicGoals: [
    { name: 'Beter wonen', pillar: 'Wonen' },
    { name: 'Veiliger buurt', pillar: 'Veilig' },
  ],
  executionProgrammes: [{ name: 'Uitvoering 2024–2027', periodStart: '2024-01-01', periodEnd: '2027-12-31' }],
};

beforeAll(async () => {
  t = await createTestApp();
  [manager, analyst, police, housing, welfare, viewerless] = await Promise.all([t.login('regisseur'), t.login('analist'), t.login('politie'), t.login('corporatie'), t.login('zorg'), t.login('financien')]);
  for (const indicator of [
    { code: 'inhabitants', name: 'Aantal inwoners', theme: 'Bevolking', unit: 'aantal', polarity: 'neutral', aggregation: 'sum' },
    { code: 'share_test', name: 'Aandeel proef', theme: 'Proef', unit: '%', polarity: 'higher_is_better', aggregation: 'weighted_mean', weightIndicator: 'inhabitants' },
  ]) {
    expect((await api(analyst, 'POST', '/api/v1/indicators', indicator)).statusCode).toBe(201);
  }
  for (const year of [2020, 2024]) await runImport(t.database.db, SYSTEM_ACTOR, { kind: 'areas-geojson', fileName: 'proefstad.geojson', content: Buffer.from(areasFile), year });
  await runImport(t.database.db, SYSTEM_ACTOR, { kind: 'values-csv', fileName: 'proefstad.csv', content: Buffer.from(VALUES) });
  const organisations = (await api(manager, 'GET', '/api/v1/programme-options')).json().organisations as { id: string; name: string }[];
  for (const o of organisations) orgs[o.name] = o.id;
});
afterAll(() => t.close());

describe('programmes', () => {
  it('a programme manager creates a programme with pillars and strategic goals; the list has the API.md shape', async () => {
    const auditBefore = await countRows(t.database, 'audit_log');
    const response = await api(manager, 'POST', '/api/v1/programmes', PROGRAMME);
    expect(response.statusCode).toBe(201);
    const created = response.json();
    programmeId = created.id;
    expect(created.pillars.map((p: { name: string }) => p.name)).toEqual(['Wonen', 'Veilig']);
    expect(created.strategicGoals[1]).toMatchObject({ name: 'Veiliger buurt', pillarId: created.pillars[1].id });
    expect(created.areas).toEqual([{ code: 'BU99990102', name: 'Buurt Zuid' }]);
    expect(await countRows(t.database, 'audit_log')).toBe(auditBefore + 1);

    const list = await api(police, 'GET', '/api/v1/programmes');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((p: { id: string }) => p.id === programmeId);
    expect(item).toEqual({ id: programmeId, name: PROGRAMME.name, horizonStart: '2024-01-01', horizonEnd: '2040-12-31', municipalityCode: 'GM9999', municipalityName: 'Proefstad', isDemo: false });
    expect(await findProgrammeSummary(t.database.db, programmeId)).toEqual(item);
  });

  it('editing keeps pillars and goals whose names stay, so their links survive', async () => {
    const before = (await api(manager, 'GET', `/api/v1/programmes/${programmeId}`)).json();
    const response = await api(manager, 'PUT', `/api/v1/programmes/${programmeId}`, { ...PROGRAMME, pillars: ['Veilig', 'Wonen', 'Werk'], strategicGoals: [...PROGRAMME.strategicGoals, { name: 'Meer werk', pillar: 'Werk' }] });
    expect(response.statusCode).toBe(200);
    const after = response.json();
    expect(after.pillars.map((p: { name: string }) => p.name)).toEqual(['Veilig', 'Wonen', 'Werk']);
    expect(after.pillars.find((p: { name: string }) => p.name === 'Wonen').id).toBe(before.pillars.find((p: { name: string }) => p.name === 'Wonen').id);
    expect(after.strategicGoals.map((g: { name: string }) => g.name)).toEqual(['Beter wonen', 'Veiliger buurt', 'Meer werk']);
  });

  it.each([
    ['horizon end before start', { ...PROGRAMME, name: 'X', horizonEnd: '2020-01-01' }, 'body.horizonEnd'],
    ['an area of another municipality', { ...PROGRAMME, name: 'X', areas: ['BU05050101'] }, 'body.areas.0'],
    ['a goal under an unknown pillar', { ...PROGRAMME, name: 'X', strategicGoals: [{ name: 'Y', pillar: 'Onbekend' }] }, 'body.strategicGoals.0.pillar'],
    ['an impossible date', { ...PROGRAMME, name: 'X', horizonStart: '2024-02-30' }, 'horizonStart'],
    ['an unknown property', { ...PROGRAMME, name: 'X', budget: 5 }, ''],
  ])('refuses %s with 422 and stores nothing', async (_what, body, path) => {
    const before = await countRows(t.database, 'programmes');
    const response = await api(manager, 'POST', '/api/v1/programmes', body);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(response.json().errors)).toContain(path);
    expect(await countRows(t.database, 'programmes')).toBe(before);
  });

  it('a second programme with the same name in the municipality: 409', async () => {
    expect((await api(manager, 'POST', '/api/v1/programmes', PROGRAMME)).statusCode).toBe(409);
  });
});

describe('operational goals and their status', () => {
  let goalId = '';
  const GOAL = {
    name: 'Zuid naar het stedelijk gemiddelde',
    indicator: 'share_test',
    area: 'BU99990102',
    baseline: 45,
    baselineDate: '2020-01-01',
    targetKind: 'municipality_average',
    targetDate: '2030-01-01',
  };

  it('"reach the municipality average": the target is the weighted mean of the buurten, the status computed against the trajectory', async () => {
    const response = await api(manager, 'POST', `/api/v1/programmes/${programmeId}/goals`, GOAL);
    expect(response.statusCode).toBe(201);
    const goal = response.json();
    goalId = goal.id;
    // Municipality 2024 = (620 + 1380) / 4000 = 50.0 (the water buurt without figures is no part of it);
    // expected = 45 + 5 × 1461/3653 = 46.99973; shortfall = (46.99973 − 46) / 5 = 0.19995 → at risk.
    expect(goal.target).toBeCloseTo(50, 9);
    expect(goal.municipalityValueSource).toBe('aggregated_from_buurten');
    expect(goal.latest).toEqual({ period: 2024, date: '2024-01-01', value: 46, municipalityValue: 50 });
    expect(goal.expected).toBeCloseTo(45 + 5 * (1461 / 3653), 9);
    expect(goal.shortfall).toBeCloseTo(0.19995, 4);
    expect(goal.status).toBe('at_risk');
    expect(goal.measurements).toEqual([
      { period: 2020, date: '2020-01-01', value: 45, municipalityValue: 48.75 },
      { period: 2024, date: '2024-01-01', value: 46, municipalityValue: 50 },
    ]);
  });

  it('the programme detail lists the goal with the API.md fields', async () => {
    const detail = (await api(welfare, 'GET', `/api/v1/programmes/${programmeId}`)).json();
    const goal = detail.operationalGoals.find((g: { id: string }) => g.id === goalId);
    expect(goal).toMatchObject({ indicator: 'share_test', area: 'BU99990102', baseline: 45, targetDate: '2030-01-01', status: 'at_risk' });
    expect(goal.target).toBeCloseTo(50, 9);
  });

  it('a gemeente figure of its own wins over the aggregate', async () => {
    await runImport(t.database.db, SYSTEM_ACTOR, { kind: 'values-csv', fileName: 'gemeente.csv', content: Buffer.from('area_code,indicator,period,value\nGM9999,share_test,2024,52\n') });
    const goal = (await api(manager, 'GET', `/api/v1/programmes/${programmeId}/goals/${goalId}`)).json();
    // expected = 45 + 7 × 0.39995 = 47.7996; shortfall = 1.7996 / 7 = 0.2571 → off track
    expect(goal).toMatchObject({ target: 52, municipalityValueSource: 'own', status: 'off_track' });
    expect(goal.shortfall).toBeCloseTo((45 + 7 * (1461 / 3653) - 46) / 7, 9);
  });

  it('a fixed target: 1,000 → 1,200 inhabitants in Noord, unchanged in 2024, is off track; editing the target changes it', async () => {
    const created = await api(manager, 'POST', `/api/v1/programmes/${programmeId}/goals`, { name: 'Noord groeit', indicator: 'inhabitants', area: 'BU99990101', baseline: 1000, baselineDate: '2020-01-01', targetKind: 'fixed', target: 1200, targetDate: '2030-01-01' });
    expect(created.statusCode).toBe(201);
    // expected = 1000 + 200 × 0.39995 = 1079.99; shortfall = 79.99 / 200 = 0.39995
    expect(created.json()).toMatchObject({ status: 'off_track', municipalityValueSource: null });
    const edited = await api(manager, 'PUT', `/api/v1/programmes/${programmeId}/goals/${created.json().id}`, { name: 'Noord groeit', indicator: 'inhabitants', area: 'BU99990101', baseline: 1000, baselineDate: '2020-01-01', targetKind: 'fixed', target: 1020, targetDate: '2030-01-01' });
    // expected = 1000 + 20 × 0.39995 = 1007.999; shortfall = 0.39995 still; a target of 1,000 (hold) is on track
    expect(edited.json().status).toBe('off_track');
    const hold = await api(manager, 'PUT', `/api/v1/programmes/${programmeId}/goals/${created.json().id}`, { name: 'Noord houdt stand', indicator: 'inhabitants', area: 'BU99990101', baseline: 1000, baselineDate: '2020-01-01', targetKind: 'fixed', target: 1000, targetDate: '2030-01-01' });
    expect(hold.json()).toMatchObject({ name: 'Noord houdt stand', status: 'on_track', shortfall: 0 });
    expect((await api(manager, 'DELETE', `/api/v1/programmes/${programmeId}/goals/${created.json().id}`)).statusCode).toBe(204);
    expect((await api(manager, 'GET', `/api/v1/programmes/${programmeId}/goals/${created.json().id}`)).statusCode).toBe(404);
  });

  it('listGoalsWithStatus gives the dashboard the same goals', async () => {
    const goals = await listGoalsWithStatus(t.database.db, await actorOf(viewerless), programmeId);
    expect(goals.map((g) => [g.id, g.status])).toEqual([[goalId, 'off_track']]);
  });

  it.each([
    ['a fixed target without a value', { ...GOAL, targetKind: 'fixed' }, 'body.target'],
    ['a municipality average with a value', { ...GOAL, target: 50 }, 'body.target'],
    ['a count against the municipality average', { ...GOAL, indicator: 'inhabitants' }, 'body.targetKind'],
    ['an unknown indicator', { ...GOAL, indicator: 'no_such_thing' }, 'body.indicator'],
    ['an area outside the municipality', { ...GOAL, area: 'GM0505' }, 'body.area'],
    ['a target date before the baseline', { ...GOAL, targetDate: '2019-01-01' }, 'body.targetDate'],
    ['a strategic goal of nobody', { ...GOAL, strategicGoalId: '00000000-0000-4000-8000-000000000000' }, 'body.strategicGoalId'],
    ['a baseline that is not a number', { ...GOAL, baseline: 'veel' }, 'baseline'],
  ])('refuses %s with 422 and stores nothing', async (_what, body, path) => {
    const before = await countRows(t.database, 'operational_goals');
    const response = await api(manager, 'POST', `/api/v1/programmes/${programmeId}/goals`, body);
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json().errors)).toContain(path);
    expect(await countRows(t.database, 'operational_goals')).toBe(before);
  });
});

describe('activities', () => {
  let activityId = '';
  const activity = () => ({
    name: 'Buurtpreventie Zuid',
    ownerOrganisationId: orgs['Politie (demopartner)'],
    partnerOrganisationIds: [orgs['Wijkteam welzijn en zorg (demopartner)'], orgs['Gemeente Dordrecht']],
    areas: ['BU99990102'],
    start: '2025-01-01',
    end: '2026-06-30',
    milestones: [{ name: 'Start', dueDate: '2025-02-01' }],
  });

  it('the programme manager adds an activity; it has the API.md fields', async () => {
    const response = await api(manager, 'POST', `/api/v1/programmes/${programmeId}/activities`, activity());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    activityId = created.id;
    expect(created).toMatchObject({
      owner: { organisationId: orgs['Politie (demopartner)'], organisationName: 'Politie (demopartner)', userId: null },
      areas: [{ code: 'BU99990102', name: 'Buurt Zuid' }],
      goals: [],
      start: '2025-01-01',
      end: '2026-06-30',
      status: 'idea',
      progress: 0,
      nextStatuses: ['planned', 'stopped'],
    });
    expect(created.partners.map((p: { name: string }) => p.name).sort()).toEqual(['Gemeente Dordrecht', 'Wijkteam welzijn en zorg (demopartner)']);
    expect(created.milestones).toHaveLength(1);
    expect(await findActivityRef(t.database.db, activityId)).toMatchObject({ id: activityId, programmeId, status: 'idea', start: '2025-01-01', end: '2026-06-30' });
    expect((await listActivitiesOfProgramme(t.database.db, programmeId)).map((a) => a.id)).toEqual([activityId]);
  });

  it('partners see what they own or take part in, and nothing else (lists and detail)', async () => {
    const seen = async (session: TestSession) => (await api(session, 'GET', `/api/v1/programmes/${programmeId}/activities`)).json().items.map((a: { id: string }) => a.id);
    expect(await seen(police)).toEqual([activityId]);
    expect(await seen(welfare)).toEqual([activityId]);
    expect(await seen(housing)).toEqual([]);
    expect(await seen(viewerless)).toEqual([activityId]);
    expect((await api(housing, 'GET', `/api/v1/activities/${activityId}`)).statusCode).toBe(404);
    expect(await canActorSeeActivity(t.database.db, await actorOf(housing), activityId)).toBe(false);
    expect(await canActorSeeActivity(t.database.db, await actorOf(police), activityId)).toBe(true);
    const byArea = (await api(housing, 'GET', '/api/v1/areas/BU99990102/activities')).json().items;
    expect(byArea).toEqual([]);
    expect((await api(police, 'GET', '/api/v1/areas/BU99990102/activities')).json().items.map((a: { id: string }) => a.id)).toEqual([activityId]);
  });

  it('the workflow: transitions not in the table are refused with 409 and change nothing', async () => {
    const refused = await api(manager, 'POST', `/api/v1/activities/${activityId}/status`, { status: 'done' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toContain('activity.transition_not_allowed');
    expect((await findActivityRef(t.database.db, activityId))?.status).toBe('idea');
    expect((await api(manager, 'POST', `/api/v1/activities/${activityId}/status`, { status: 'planned', note: 'In het uitvoeringsprogramma' })).statusCode).toBe(200);
  });

  it('the owning partner moves it on; a partner organisation may only report progress; others nothing', async () => {
    expect((await api(welfare, 'POST', `/api/v1/activities/${activityId}/status`, { status: 'running' })).statusCode).toBe(403);
    expect((await api(housing, 'POST', `/api/v1/activities/${activityId}/status`, { status: 'running' })).statusCode).toBe(404);
    expect((await api(police, 'PUT', `/api/v1/activities/${activityId}`, activity())).statusCode).toBe(403);
    const running = await api(police, 'POST', `/api/v1/activities/${activityId}/status`, { status: 'running' });
    expect(running.statusCode).toBe(200);
    expect(running.json().statusHistory.map((c: { to: string }) => c.to)).toEqual(['idea', 'planned', 'running']);
    const progress = await api(welfare, 'POST', `/api/v1/activities/${activityId}/progress`, { percent: 40, narrative: 'Twee bijeenkomsten gehouden.' });
    expect(progress.statusCode).toBe(201);
    expect(progress.json()).toMatchObject({ progress: 40, progressUpdates: [{ percent: 40, narrative: 'Twee bijeenkomsten gehouden.', organisationName: 'Wijkteam welzijn en zorg (demopartner)' }] });
    expect((await api(housing, 'POST', `/api/v1/activities/${activityId}/progress`, { percent: 50, narrative: 'x' })).statusCode).toBe(404);
    const milestone = progress.json().milestones[0].id;
    expect((await api(welfare, 'PUT', `/api/v1/activities/${activityId}/milestones/${milestone}`, { reachedOn: '2025-02-03' })).statusCode).toBe(403);
    const reached = await api(police, 'PUT', `/api/v1/activities/${activityId}/milestones/${milestone}`, { reachedOn: '2025-02-03' });
    expect(reached.json().milestones[0].reachedOn).toBe('2025-02-03');
  });

  it('past its end date and still running, it is slipping (for the direction dashboard)', async () => {
    // The server's today is the Dutch day (docs/time.md).
    const today = calendarDayOf(t.clock.now());
    expect(today > '2026-06-30').toBe(true);
    expect((await api(manager, 'GET', `/api/v1/activities/${activityId}`)).json().slipping).toBe(true);
    const slipping = await listSlippingActivities(t.database.db, await actorOf(manager), today);
    expect(slipping.map((a) => [a.id, a.programmeName, a.ownerOrganisationName])).toEqual([[activityId, PROGRAMME.name, 'Politie (demopartner)']]);
    expect(slipping[0]?.daysOverdue).toBe(Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse('2026-06-30T00:00:00Z')) / 86_400_000));
    expect(await listSlippingActivities(t.database.db, await actorOf(housing), today)).toEqual([]);
  });

  it('done is final: no more progress, no reopening', async () => {
    expect((await api(police, 'POST', `/api/v1/activities/${activityId}/status`, { status: 'done' })).statusCode).toBe(200);
    expect((await api(police, 'POST', `/api/v1/activities/${activityId}/progress`, { percent: 100, narrative: 'Klaar' })).statusCode).toBe(409);
    expect((await api(manager, 'POST', `/api/v1/activities/${activityId}/status`, { status: 'running' })).statusCode).toBe(409);
    expect(await listSlippingActivities(t.database.db, await actorOf(manager), '2030-01-01')).toEqual([]);
  });

  it.each([
    ['an end before the start', { end: '2024-01-01' }, 'body.end'],
    ['an unknown owner organisation', { ownerOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'body.ownerOrganisationId'],
    ['the owner also as partner', { partnerOrganisationIds: ['OWNER'] }, 'body.partnerOrganisationIds.0'],
    ['an area of another municipality', { areas: ['GM0505'] }, 'body.areas.0'],
    ['a goal of another programme', { operationalGoalIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.operationalGoalIds.0'],
    ['an empty name', { name: '' }, 'name'],
  ])('refuses %s with 422 and stores nothing', async (_what, change, path) => {
    const body: Record<string, unknown> = { ...activity(), ...change };
    if (Array.isArray(body.partnerOrganisationIds) && body.partnerOrganisationIds[0] === 'OWNER') body.partnerOrganisationIds = [body.ownerOrganisationId];
    const before = await countRows(t.database, 'activities');
    const response = await api(manager, 'POST', `/api/v1/programmes/${programmeId}/activities`, body);
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json().errors)).toContain(path);
    expect(await countRows(t.database, 'activities')).toBe(before);
  });

  it('refuses a progress update out of range with 422', async () => {
    const before = await countRows(t.database, 'activity_progress_updates');
    for (const body of [{ percent: 101, narrative: 'x' }, { percent: -1, narrative: 'x' }, { percent: 50.5, narrative: 'x' }, { percent: 50, narrative: '' }]) {
      expect((await api(manager, 'POST', `/api/v1/activities/${activityId}/progress`, body)).statusCode).toBe(422);
    }
    expect(await countRows(t.database, 'activity_progress_updates')).toBe(before);
  });
});

describe('neighbourhood development plans', () => {
  let planId = '';

  it('an analyst writes a plan with strengths and bottlenecks backed by indicators', async () => {
    const created = await api(analyst, 'POST', '/api/v1/plans', { programmeId, area: 'BU99990102', title: 'Wijkontwikkelingsplan Zuid', focusLimit: 2 });
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    const item = await api(analyst, 'POST', `/api/v1/plans/${planId}/analysis`, { kind: 'bottleneck', theme: 'Proef', text: 'Aandeel blijft achter bij de stad.', indicators: ['share_test'] });
    expect(item.statusCode).toBe(201);
    expect(item.json().analysis).toEqual([
      { id: expect.any(String), kind: 'bottleneck', theme: 'Proef', text: 'Aandeel blijft achter bij de stad.', position: 0, evidence: [{ id: expect.any(String), kind: 'indicator', reference: 'share_test', note: '', label: 'Aandeel proef' }] },
    ]);
    expect((await api(analyst, 'POST', `/api/v1/plans/${planId}/analysis`, { kind: 'strength', theme: 'X', text: 'Y', indicators: ['nope'] })).statusCode).toBe(422);
  });

  it('the focus limit: at most N active priorities; ending one frees a place', async () => {
    const choose = (theme: string) => api(manager, 'POST', `/api/v1/plans/${planId}/priorities`, { theme, chosenOn: '2025-01-01' });
    expect((await choose('Wonen')).statusCode).toBe(201);
    expect((await choose('wonen')).statusCode).toBe(409);
    const second = await choose('Veiligheid');
    expect(second.json().activePriorities).toBe(2);
    const third = await choose('Werk');
    expect(third.statusCode).toBe(409);
    expect(third.json().type).toContain('plan.focus_limit_reached');
    expect((await api(manager, 'PUT', `/api/v1/plans/${planId}`, { title: 'Wijkontwikkelingsplan Zuid', summary: '', focusLimit: 1 })).statusCode).toBe(422);
    const wonen = second.json().priorities.find((p: { theme: string }) => p.theme === 'Wonen').id;
    expect((await api(manager, 'PUT', `/api/v1/plans/${planId}/priorities/${wonen}`, { endedOn: '2024-12-31' })).statusCode).toBe(422);
    expect((await api(manager, 'PUT', `/api/v1/plans/${planId}/priorities/${wonen}`, { endedOn: '2025-06-30' })).statusCode).toBe(200);
    expect((await choose('Werk')).statusCode).toBe(201);
  });

  it('the execution agenda lists the programme’s activities, as far as the reader may see them', async () => {
    const [activity] = await listActivitiesOfProgramme(t.database.db, programmeId);
    const set = await api(manager, 'PUT', `/api/v1/plans/${planId}/agenda`, { activityIds: [activity?.id] });
    expect(set.statusCode).toBe(200);
    expect(set.json().agenda.map((a: { id: string }) => a.id)).toEqual([activity?.id]);
    expect((await api(housing, 'GET', `/api/v1/plans/${planId}`)).json().agenda).toEqual([]);
    expect((await api(manager, 'PUT', `/api/v1/plans/${planId}/agenda`, { activityIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(422);
  });

  it('every change was audited, and the chain still verifies', async () => {
    const admin = await t.login('beheerder');
    const verify = await api(admin, 'POST', '/api/v1/audit/verify');
    expect(verify.json().valid).toBe(true);
    const { rows } = await sql<{ action: string }>`SELECT DISTINCT action FROM audit_log WHERE action LIKE 'plan.%' OR action LIKE 'activity.%' OR action LIKE 'goal.%' OR action LIKE 'programme.%' ORDER BY action`.execute(t.database.db);
    expect(rows.map((r) => r.action)).toEqual([
      'activity.create',
      'activity.milestone',
      'activity.progress',
      'activity.status',
      'goal.create',
      'goal.delete',
      'goal.update',
      'plan.agenda',
      'plan.analysis_add',
      'plan.create',
      'plan.priority_choose',
      'plan.priority_end',
      'programme.create',
      'programme.update',
    ]);
  });
});
