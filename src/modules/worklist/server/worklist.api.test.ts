import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { DEMO_ACTIVITY_NAMES, findDemoActivityIdsByName } from '../../programmes/index.js';
import type { Worklist, WorklistItem } from '../contract.js';

/**
 * The personal worklist on the demo of Dordt West (hand-checked against the demo seeds):
 *  - the kernteam meeting of 14 days ago left three open actions, owned by organisations: the corporation's
 *    address list due 4 days ago, the police's joint inspection due in 10 days, the youth worker's evening
 *    rota due in 7 days (meetings/server/demo-meeting.ts);
 *  - the programme manager booked a € 24.000 commitment on the Wielwijk renovation that waits for a second
 *    person; the controller may approve it, the programme manager may not (four-eyes; finance demo-data.ts);
 *  - the programme manager owns the energy-help activity, whose line this year is spent ahead of the calendar;
 *    the police's officer owns the youth approach, which ended on 30 June 2026 and is still running;
 *  - the analyst and the administrator own nothing and have nothing waiting.
 * Then changes by one person show up on another's list: a status change, an escalation, a booking.
 */
let t: TestApp;
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance'] });
  for (const user of ['regisseur', 'financien', 'corporatie', 'politie', 'zorg', 'analist', 'beheerder']) s[user] = await t.login(user);
}, 300_000);
afterAll(() => t?.close());

async function worklistOf(user: string): Promise<Worklist> {
  const response = await t.app.inject({ url: '/api/v1/me/worklist', headers: s[user]?.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Worklist>();
}

const inSection = (list: Worklist, section: WorklistItem['section']) => list.items.filter((i) => i.section === section);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ADDRESS_LIST = 'Adressenlijst met signalen aanleveren aan politie en gemeente';

describe('the worklist of each demo user', () => {
  it('gives the corporation its overdue action, 4 days late, with a link to the meeting, and nothing else', async () => {
    const list = await worklistOf('corporatie');
    expect(list.items).toHaveLength(1);
    // Owned by the corporation as a whole (no person named).
    expect(list.items[0]).toMatchObject({ section: 'overdue', kind: 'action', title: ADDRESS_LIST, context: 'Kernteam Dordt West', dueDate: addDays(list.today, -4), daysOverdue: 4, urgency: 'alert', person: null, detail: 'organisation' });
    expect(list.items[0]?.href).toMatch(/^\/overleggen\/[0-9a-f-]{36}$/);
  });

  it('gives the police its action due in 10 days and the youth approach it owns that ran past its end date', async () => {
    const list = await worklistOf('politie');
    expect(inSection(list, 'upcoming')).toEqual([expect.objectContaining({ kind: 'action', title: 'Integrale controle inplannen met handhaving', dueDate: addDays(list.today, 10), urgency: 'info' })]);
    const [late] = inSection(list, 'signals');
    expect(inSection(list, 'signals')).toHaveLength(1);
    expect(late).toMatchObject({ kind: 'activity_past_end', title: 'Preventie met Gezag: jongerenaanpak Crabbehof', dueDate: '2026-06-30', urgency: 'alert' });
    expect(late?.daysOverdue).toBe(Math.round((Date.parse(`${list.today}T00:00:00Z`) - Date.parse('2026-06-30T00:00:00Z')) / 86_400_000));
    expect(late?.href).toMatch(/^\/activiteiten\/[0-9a-f-]{36}$/);
    // Never another organisation's action.
    expect(JSON.stringify(list)).not.toContain(ADDRESS_LIST);
    expect(inSection(list, 'overdue')).toEqual([]);
    expect(inSection(list, 'waiting')).toEqual([]);
  });

  it('gives the youth worker its rota action due in 7 days', async () => {
    const list = await worklistOf('zorg');
    expect(list.items).toEqual([expect.objectContaining({ section: 'upcoming', kind: 'action', title: 'Rooster avondopenstelling rondmaken en delen met de wijkagent', dueDate: addDays(list.today, 7) })]);
  });

  it('gives the programme manager the overdue action to chase (owner named), the energy-help overrun and the off-track goal, but not its own booking to approve', async () => {
    const list = await worklistOf('regisseur');
    expect(inSection(list, 'overdue')).toEqual([expect.objectContaining({ kind: 'action_follow_up', title: ADDRESS_LIST, daysOverdue: 4, person: 'Woningcorporatie (demopartner)' })]);
    expect(inSection(list, 'upcoming')).toEqual([]);
    // The € 24.000 commitment is its own submission: someone else must approve it.
    expect(inSection(list, 'waiting')).toEqual([]);
    const signals = inSection(list, 'signals');
    const money = signals.filter((i) => i.kind === 'money');
    expect(money).toHaveLength(1);
    expect(money[0]?.title).toContain('Energiehulpen');
    expect(money[0]?.context).toBe('Nationaal Programma Dordt West 2023–2043');
    expect(money[0]?.signal?.code).toMatch(/^(forecast_overrun|over_budget)$/);
    expect(money[0]?.href).toMatch(/^\/activiteiten\//);
    // Funding sources' signals are for whoever manages money, not for the programme manager's list.
    expect(signals.some((i) => i.signal?.scope.type === 'funding_source')).toBe(false);
    expect(signals.filter((i) => i.kind === 'goal_off_track').map((i) => i.title)).toEqual(['Voorbeeld: Nieuw-Krispijn groeit na herstructurering naar 5.600 inwoners']);
  });

  it('gives the controller the € 24.000 commitment to approve and the funding sources\u2019 signals', async () => {
    const list = await worklistOf('financien');
    expect(inSection(list, 'waiting')).toEqual([
      expect.objectContaining({ kind: 'finance_entry', title: 'Opdracht bewonersbegeleiding tweede fase (demo)', context: 'Renovatie en verduurzaming portiekflats Wielwijk', amountCents: 2_400_000, detail: 'commitment', person: 'Demo Programmamanager', href: '/financien/accordering' }),
    ]);
    const tranche = inSection(list, 'signals').find((i) => i.signal?.code === 'tranche_overdue');
    expect(tranche).toMatchObject({ kind: 'money', title: 'Preventie met Gezag', context: 'Ministerie van Justitie en Veiligheid', amountCents: 107_530_200, urgency: 'alert' });
    expect(tranche?.href).toMatch(/^\/financien\/bronnen\//);
    expect(inSection(list, 'overdue')).toEqual([]);
  });

  it('is empty for the analyst and the administrator, who own nothing and have nothing waiting', async () => {
    for (const user of ['analist', 'beheerder']) {
      const list = await worklistOf(user);
      expect(list.items, user).toEqual([]);
      expect(list.horizonDays).toBe(14);
    }
  });
});

describe('changes by others reach the right lists', () => {
  it('shows a status change by the programme manager on the owner\u2019s list as a recent change, not on the one who made it', async () => {
    const actionId = (await worklistOf('corporatie')).items[0]?.href ?? '';
    const meeting = await t.app.inject({ url: `/api/v1${actionId.replace('/overleggen', '/meetings')}`, headers: s.regisseur?.headers });
    const action = meeting.json<{ agendaItems: unknown[]; actions: { id: string; title: string }[] }>().actions.find((a) => a.title === ADDRESS_LIST);
    expect(action).toBeTruthy();
    const update = await t.app.inject({ method: 'PATCH', url: `/api/v1/meeting-actions/${action?.id}`, headers: s.regisseur?.headers, payload: { status: 'in_progress', statusNote: 'Nagebeld' } });
    expect(update.statusCode, update.body).toBe(200);

    const corporation = await worklistOf('corporatie');
    expect(inSection(corporation, 'recent')).toEqual([expect.objectContaining({ kind: 'change', title: ADDRESS_LIST, person: 'Demo Programmamanager', detail: 'status', context: 'Kernteam Dordt West' })]);
    // Still late: in progress is not done.
    expect(inSection(corporation, 'overdue')).toHaveLength(1);
    expect(inSection(await worklistOf('regisseur'), 'recent')).toEqual([]);
    expect(inSection(await worklistOf('politie'), 'recent')).toEqual([]);
  });

  it('shows an escalation of the corporation\u2019s action to the corporation and the administrators, not to other partners or the analyst', async () => {
    const corporation = await worklistOf('corporatie');
    const meetingId = corporation.items[0]?.href.split('/').at(-1);
    const meeting = await t.app.inject({ url: `/api/v1/meetings/${meetingId}`, headers: s.regisseur?.headers });
    const action = meeting.json<{ actions: { id: string; title: string }[] }>().actions.find((a) => a.title === ADDRESS_LIST);
    const escalate = await t.app.inject({ method: 'POST', url: '/api/v1/escalations', headers: s.regisseur?.headers, payload: { subject: { kind: 'action', id: action?.id }, reason: 'Lijst is al twee keer toegezegd' } });
    expect(escalate.statusCode, escalate.body).toBe(201);

    const escalationOf = async (user: string) => inSection(await worklistOf(user), 'signals').filter((i) => i.kind === 'escalation');
    for (const user of ['corporatie', 'beheerder', 'regisseur']) {
      expect(await escalationOf(user), user).toEqual([expect.objectContaining({ title: ADDRESS_LIST, person: 'Demo Programmamanager', href: `/overleggen/${meetingId}` })]);
    }
    for (const user of ['politie', 'zorg', 'analist', 'financien']) expect(await escalationOf(user), user).toEqual([]);
  });

  it('puts a booking waiting for approval on the list of every other approver, never the submitter\u2019s or a partner\u2019s', async () => {
    const pending = await t.app.inject({ url: '/api/v1/finance-entries/pending', headers: s.financien?.headers });
    const lineId = pending.json<{ items: { budgetLineId: string }[] }>().items[0]?.budgetLineId;
    const booking = await t.app.inject({
      method: 'POST',
      url: '/api/v1/finance-entries',
      headers: s.financien?.headers,
      payload: { budgetLineId: lineId, kind: 'spend', amountCents: 1_500_000, bookedOn: (await worklistOf('financien')).today, description: 'Factuur procesbegeleiding (test)', documentRef: 'TEST-WL-1' },
    });
    expect(booking.statusCode, booking.body).toBe(201);
    expect(booking.json<{ status: string }>().status).toBe('pending');

    const waitingOf = async (user: string) => inSection(await worklistOf(user), 'waiting').map((i) => i.title);
    expect(await waitingOf('regisseur')).toEqual(['Factuur procesbegeleiding (test)']);
    expect(await waitingOf('financien')).toEqual(['Opdracht bewonersbegeleiding tweede fase (demo)']);
    for (const user of ['corporatie', 'politie', 'zorg', 'analist', 'beheerder']) expect(await waitingOf(user), user).toEqual([]);
  });
});

describe('a budget line proposed from an activity', () => {
  it('waits on the list of finance, who decides it, not on the proposer’s', async () => {
    const safeRoutes = { id: (await findDemoActivityIdsByName(t.database.db)).get(DEMO_ACTIVITY_NAMES.safeRoutes), name: DEMO_ACTIVITY_NAMES.safeRoutes };
    const sources = (await t.app.inject({ url: '/api/v1/funding-sources', headers: s.financien?.headers })).json<{ items: { id: string; name: string }[] }>().items;
    const agenda = sources.find((src) => src.name.startsWith('Cofinanciering Agenda'));
    const proposed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/budget-line-proposals',
      headers: s.regisseur?.headers,
      payload: { activityId: safeRoutes.id, year: 2027, fundingSourceId: agenda?.id, amountCents: 5_000_000, description: 'Verlichting looproutes' },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const waiting = inSection(await worklistOf('financien'), 'waiting').filter((i) => i.kind === 'line_proposal');
    expect(waiting).toEqual([expect.objectContaining({ title: 'Verlichting looproutes', amountCents: 5_000_000, person: 'Demo Programmamanager', href: '/financien/accordering', context: safeRoutes.name })]);
    expect(inSection(await worklistOf('regisseur'), 'waiting').filter((i) => i.kind === 'line_proposal')).toEqual([]);
  });
});

describe('bad requests', () => {
  it('refuses a parameter with 422 problem+json: the worklist is always the caller\u2019s own', async () => {
    const response = await t.app.inject({ url: `/api/v1/me/worklist?userId=${s.corporatie?.userId}`, headers: s.regisseur?.headers });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 401 problem+json without a session', async () => {
    const response = await t.app.inject({ url: '/api/v1/me/worklist' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
