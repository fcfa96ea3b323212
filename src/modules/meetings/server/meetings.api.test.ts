import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { Action, DirectionDashboard, MeetingDetail, MeetingList } from '../contract.js';
import { addDays, calendarDate } from './calendar-date.js';
import { DEMO_MEETING_TITLE } from './demo-meeting.js';

/** Meetings end to end through the API: the close rule, owners and due dates, partner access, overdue, escalation. */

let t: TestApp;
let manager: TestSession;
let police: TestSession;
let housing: TestSession;
let analyst: TestSession;
let organisations: Map<string, string>;
const org = (name: string): string => {
  const id = organisations.get(name);
  if (!id) throw new Error(`no organisation ${name}`);
  return id;
};

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings'] });
  [manager, police, housing, analyst] = [await t.login('regisseur'), await t.login('politie'), await t.login('corporatie'), await t.login('analist')];
  const list = await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: manager.cookie } });
  organisations = new Map((list.json().items as { id: string; name: string }[]).map((o) => [o.name, o.id]));
}, 300_000);
afterAll(() => t?.close());

const today = () => calendarDate(t.clock.now());
const get = <T>(url: string, session: TestSession = manager) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
const send = (method: 'POST' | 'PATCH', url: string, payload: object, session: TestSession = manager) => t.app.inject({ method, url, headers: session.headers, payload });
const counts = async () => ({
  meetings: await countRows(t.database, 'meetings'),
  items: await countRows(t.database, 'meeting_agenda_items'),
  decisions: await countRows(t.database, 'meeting_decisions'),
  actions: await countRows(t.database, 'meeting_actions'),
  escalations: await countRows(t.database, 'escalations'),
  audit: await countRows(t.database, 'audit_log'),
});

async function newMeeting(extra: object = {}): Promise<MeetingDetail> {
  const response = await send('POST', '/api/v1/meetings', {
    kind: 'wijkoverleg',
    title: 'Wijkoverleg Crabbehof',
    heldOn: today(),
    municipality: 'GM0505',
    areaCode: 'FAdordt-west',
    participantOrganisationIds: [org('Gemeente Dordrecht')],
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<MeetingDetail>();
}

describe('the demo meeting', () => {
  it('is a closed kernteam of Dordt West whose every item has an outcome, with one overdue action', async () => {
    const list = await get<MeetingList>('/api/v1/meetings');
    const summary = list.body.items.find((m) => m.title === DEMO_MEETING_TITLE);
    expect(summary).toMatchObject({ kind: 'kernteam', status: 'closed', demo: true, areaCode: 'FAdordt-west', agendaItemCount: 4, overdueActionCount: 1 });
    const detail = (await get<MeetingDetail>(`/api/v1/meetings/${summary?.id}`)).body;
    expect(detail.heldOn).toBe(addDays(today(), -14));
    for (const item of detail.agendaItems) expect(item.decisions.length > 0 || item.noDecisionReason !== null).toBe(true);
    expect(detail.agendaItems[0]?.links).toContainEqual({ kind: 'priority', id: 'FAdordt-west', label: 'Dordt West' });
    // Linked to the demo programme's activity and goal, through the programmes module.
    expect(detail.agendaItems[0]?.links.map((l) => l.kind).sort()).toEqual(['activity', 'goal', 'priority']);
    expect(detail.agendaItems[0]?.links).toContainEqual(expect.objectContaining({ kind: 'activity', label: 'Renovatie en verduurzaming portiekflats Wielwijk' }));
    const overdue = detail.actions.filter((a) => a.overdue);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ owner: { organisationName: 'Woningcorporatie (demopartner)', userId: null }, dueDate: addDays(today(), -4), daysOverdue: 4 });
    expect(detail.closeBlockers).toEqual([]);
  });
});

describe('closing a meeting', () => {
  it('is refused while an item has no decision or reason, or a decision has no action; then it closes and is final', async () => {
    const meeting = await newMeeting();
    const empty = await send('POST', `/api/v1/meetings/${meeting.id}/close`, {});
    expect(empty.statusCode).toBe(409);
    expect(empty.json().errors).toEqual([expect.objectContaining({ path: 'agendaItems' })]);

    await send('POST', `/api/v1/meetings/${meeting.id}/agenda-items`, { title: 'Verlichting speelplein', links: [{ kind: 'priority', id: 'FAdordt-west' }] });
    let detail = (await send('POST', `/api/v1/meetings/${meeting.id}/agenda-items`, { title: 'Rondvraag' })).json<MeetingDetail>();
    const [lights, questions] = detail.agendaItems;
    if (!lights || !questions) throw new Error('items missing');
    const before = await counts();
    const refused = await send('POST', `/api/v1/meetings/${meeting.id}/close`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['agendaItems.0', 'agendaItems.1']);
    expect(await counts()).toEqual(before);

    detail = (await send('POST', `/api/v1/agenda-items/${lights.id}/decisions`, { text: 'De gemeente plaatst twee extra lichtmasten.' })).json<MeetingDetail>();
    const decision = detail.agendaItems[0]?.decisions[0];
    expect((await send('PATCH', `/api/v1/agenda-items/${questions.id}`, { noDecisionReason: 'Geen vragen.' })).statusCode).toBe(200);
    const stillRefused = await send('POST', `/api/v1/meetings/${meeting.id}/close`, {});
    expect(stillRefused.statusCode).toBe(409);
    expect(stillRefused.json().errors).toEqual([expect.objectContaining({ path: `agendaItems.0.decisions.${decision?.id}` })]);
    // A decision on an item closed without one would contradict it.
    expect((await send('POST', `/api/v1/agenda-items/${questions.id}/decisions`, { text: 'Toch een besluit' })).statusCode).toBe(409);

    const action = await send('POST', `/api/v1/meetings/${meeting.id}/actions`, { title: 'Lichtmasten bestellen', decisionId: decision?.id, ownerOrganisationId: org('Gemeente Dordrecht'), dueDate: addDays(today(), 30) });
    expect(action.statusCode).toBe(201);
    expect(action.json<Action>()).toMatchObject({ agendaItemId: lights.id, overdue: false, status: 'open' });
    const closed = await send('POST', `/api/v1/meetings/${meeting.id}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json<MeetingDetail>()).toMatchObject({ status: 'closed', closeBlockers: [] });

    const after = await counts();
    for (const late of [
      send('POST', `/api/v1/meetings/${meeting.id}/agenda-items`, { title: 'Nog iets' }),
      send('POST', `/api/v1/agenda-items/${lights.id}/decisions`, { text: 'Nog een besluit' }),
      send('POST', `/api/v1/meetings/${meeting.id}/actions`, { title: 'Nog een actie', ownerOrganisationId: org('Gemeente Dordrecht'), dueDate: addDays(today(), 3) }),
      send('POST', `/api/v1/meetings/${meeting.id}/close`, {}),
    ]) {
      expect((await late).statusCode).toBe(409);
    }
    expect(await counts()).toEqual(after);
  });
});

describe('links to the programmes module', () => {
  it('offers the demo programme\u2019s goals and activities, stores links with their names, and shows what slips', async () => {
    const options = (await get<{ items: { kind: string; id: string; label: string }[] }>('/api/v1/meeting-link-options?municipality=GM0505')).body.items;
    const activity = options.find((o) => o.kind === 'activity' && o.label.startsWith('Preventie met Gezag'));
    const goal = options.find((o) => o.kind === 'goal');
    expect(options.some((o) => o.kind === 'programme')).toBe(true);
    if (!activity || !goal) throw new Error('no programme options');
    const meeting = await newMeeting({ title: 'Kernteam met programmakoppeling' });
    const detail = (await send('POST', `/api/v1/meetings/${meeting.id}/agenda-items`, { title: 'Jongerenaanpak loopt uit', links: [{ kind: 'activity', id: activity.id }, { kind: 'goal', id: goal.id }] })).json<MeetingDetail>();
    expect(detail.agendaItems[0]?.links).toEqual(expect.arrayContaining([{ kind: 'activity', id: activity.id, label: activity.label }, { kind: 'goal', id: goal.id, label: goal.label }]));

    const dashboard = (await get<DirectionDashboard>('/api/v1/direction')).body;
    const slipping = dashboard.slippingActivities.find((a) => a.id === activity.id);
    expect(slipping).toMatchObject({ endDate: '2026-06-30', ownerOrganisationName: 'Politie (demopartner)', escalated: false });
    const escalation = await send('POST', '/api/v1/escalations', { subject: { kind: 'activity', id: activity.id }, reason: 'Loopt al maanden uit zonder nieuwe planning.' });
    expect(escalation.statusCode).toBe(201);
    expect(escalation.json()).toMatchObject({ subject: { kind: 'activity', label: activity.label }, meetingId: null });
    expect((await get<DirectionDashboard>('/api/v1/direction')).body.slippingActivities.find((a) => a.id === activity.id)?.escalated).toBe(true);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['no title', { title: undefined }],
    ['an unknown kind', { kind: 'borrel' }],
    ['a date that does not exist', { heldOn: '2026-02-30' }],
    ['an unknown municipality', { municipality: 'GM9999' }],
    ['an area of another municipality', { areaCode: 'WK036300' }],
    ['an unknown participant', { participantOrganisationIds: ['00000000-0000-4000-8000-000000000000'] }],
    ['an unknown property', { secret: true }],
  ])('a meeting with %s → 422', async (_name, change) => {
    const before = await counts();
    const response = await send('POST', '/api/v1/meetings', { kind: 'kernteam', title: 'Kernteam', heldOn: today(), municipality: 'GM0505', ...change });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('refuses to plan a casusoverleg: it is recorded on its case, and says so', async () => {
    const before = await counts();
    const response = await send('POST', '/api/v1/meetings', { kind: 'casusoverleg', title: 'Casusoverleg', heldOn: today(), municipality: 'GM0505' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:meeting.case_meeting_on_case', errors: [{ path: 'kind' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses actions without owner, with an owner of another organisation, or due before the meeting', async () => {
    const meeting = await newMeeting();
    const users = (await get<{ users: { id: string; organisationName: string }[] }>('/api/v1/meeting-owners')).body.users;
    const policeOfficer = users.find((u) => u.organisationName === 'Politie (demopartner)');
    const before = await counts();
    const cases: [object, string][] = [
      [{ title: 'Zonder eigenaar', dueDate: today() }, 'ownerUserId'],
      [{ title: 'Zonder datum', ownerOrganisationId: org('Gemeente Dordrecht') }, 'dueDate'],
      [{ title: 'Te vroeg', ownerOrganisationId: org('Gemeente Dordrecht'), dueDate: addDays(today(), -1) }, 'dueDate'],
      [{ title: 'Verkeerde organisatie', ownerUserId: policeOfficer?.id, ownerOrganisationId: org('Gemeente Dordrecht'), dueDate: today() }, 'ownerOrganisationId'],
      [{ title: 'Onbekende persoon', ownerUserId: '00000000-0000-4000-8000-000000000000', dueDate: today() }, 'ownerUserId'],
      [{ title: 'Vreemd besluit', decisionId: '00000000-0000-4000-8000-000000000000', ownerOrganisationId: org('Gemeente Dordrecht'), dueDate: today() }, 'decisionId'],
    ];
    for (const [payload, path] of cases) {
      const response = await send('POST', `/api/v1/meetings/${meeting.id}/actions`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ''))).toContain(path);
    }
    const badLinks = await send('POST', `/api/v1/meetings/${meeting.id}/agenda-items`, { title: 'Punt', links: [{ kind: 'priority', id: 'FAnergens' }, { kind: 'goal', id: 'geen-doel' }] });
    expect(badLinks.statusCode).toBe(422);
    expect(badLinks.json().errors.map((e: { path: string }) => e.path)).toEqual(['links.0.id', 'links.1.id']);
    expect((await send('PATCH', `/api/v1/agenda-items/${meeting.id}`, { noDecisionReason: 'x' })).statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });
});

describe('partners', () => {
  it('see only meetings they take part in or own an action of, and update only the status of their own actions', async () => {
    const meeting = await newMeeting({ title: 'Kernteam (alleen gemeente)', kind: 'kernteam' });
    expect((await get<MeetingList>('/api/v1/meetings', police)).body.items.map((m) => m.id)).not.toContain(meeting.id);
    expect((await get(`/api/v1/meetings/${meeting.id}`, police)).status).toBe(404);
    expect((await get(`/api/v1/meetings/${meeting.id}`, analyst)).status).toBe(200);

    const own = (await send('POST', `/api/v1/meetings/${meeting.id}/actions`, { title: 'Wijkagent spreekt de eigenaar aan', ownerOrganisationId: org('Politie (demopartner)'), dueDate: addDays(today(), 5) })).json<Action>();
    const other = (await send('POST', `/api/v1/meetings/${meeting.id}/actions`, { title: 'Gemeente stuurt een brief', ownerOrganisationId: org('Gemeente Dordrecht'), dueDate: addDays(today(), 5) })).json<Action>();
    const seen = (await get<MeetingDetail>(`/api/v1/meetings/${meeting.id}`, police)).body;
    expect(seen.actions.find((a) => a.id === own.id)?.canUpdate).toBe(true);
    expect(seen.actions.find((a) => a.id === other.id)?.canUpdate).toBe(false);
    // The form offers what the update allows: the partner never "cancelled", the manager does; no one a status for another's action.
    expect(seen.actions.find((a) => a.id === own.id)?.nextStatuses).toEqual(['open', 'in_progress', 'done']);
    expect(seen.actions.find((a) => a.id === other.id)?.nextStatuses).toEqual([]);
    expect((await get<MeetingDetail>(`/api/v1/meetings/${meeting.id}`)).body.actions.find((a) => a.id === own.id)?.nextStatuses).toEqual(['open', 'in_progress', 'done', 'cancelled']);
    expect((await get<{ items: Action[] }>('/api/v1/my-actions', police)).body.items.map((a) => a.id)).toContain(own.id);

    const before = await counts();
    expect((await send('PATCH', `/api/v1/meeting-actions/${other.id}`, { status: 'done' }, police)).statusCode).toBe(403);
    expect((await send('PATCH', `/api/v1/meeting-actions/${own.id}`, { dueDate: addDays(today(), 60) }, police)).statusCode).toBe(403);
    expect((await send('PATCH', `/api/v1/meeting-actions/${own.id}`, { status: 'cancelled' }, police)).statusCode).toBe(403);
    expect((await send('PATCH', `/api/v1/meeting-actions/${own.id}`, { status: 'done' }, housing)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);

    const done = await send('PATCH', `/api/v1/meeting-actions/${own.id}`, { status: 'done', statusNote: 'Gesprek gevoerd op 12 november.' }, police);
    expect(done.statusCode).toBe(200);
    expect(done.json<Action>()).toMatchObject({ status: 'done', statusNote: 'Gesprek gevoerd op 12 november.' });
    expect(await countRows(t.database, 'audit_log')).toBe(before.audit + 1);
    // done → cancelled is not a step of the workflow, whoever asks.
    expect((await send('PATCH', `/api/v1/meeting-actions/${own.id}`, { status: 'cancelled' })).statusCode).toBe(422);
  });

  it('cannot plan meetings, see the direction dashboard or escalate', async () => {
    expect((await send('POST', '/api/v1/meetings', { kind: 'kernteam', title: 'X', heldOn: today(), municipality: 'GM0505' }, police)).statusCode).toBe(403);
    expect((await get('/api/v1/direction', police)).status).toBe(403);
    expect((await send('POST', '/api/v1/escalations', { subject: { kind: 'action', id: '00000000-0000-4000-8000-000000000000' }, reason: 'Dit loopt vast.' }, police)).statusCode).toBe(403);
  });
});

describe('the direction dashboard', () => {
  it('shows an action as overdue once the clock passes its due date, and escalation puts it on the administrators\u2019 agenda', async () => {
    const meeting = await newMeeting({ title: 'Kernteam met deadline morgen' });
    const action = (await send('POST', `/api/v1/meetings/${meeting.id}/actions`, { title: 'Plan van aanpak portiekflats', ownerOrganisationId: org('Woningcorporatie (demopartner)'), dueDate: addDays(today(), 1) })).json<Action>();
    let dashboard = (await get<DirectionDashboard>('/api/v1/direction')).body;
    expect(dashboard.overdueActions.map((a) => a.id)).not.toContain(action.id);
    expect(dashboard.overdueActions.map((a) => a.title)).toContain('Adressenlijst met signalen aanleveren aan politie en gemeente');
    expect(Array.isArray(dashboard.slippingActivities) && Array.isArray(dashboard.offTrackGoals)).toBe(true);

    t.clock.advanceMinutes(2 * 24 * 60);
    // Two days on, the session has expired by its idle timeout.
    manager = await t.login('regisseur');
    dashboard = (await get<DirectionDashboard>('/api/v1/direction')).body;
    expect(dashboard.today).toBe(today());
    expect(dashboard.overdueActions.find((a) => a.id === action.id)).toMatchObject({ overdue: true, daysOverdue: 1, escalated: false });
    // The meeting was held before today and its agenda is empty; the demo decision on overbewoning waits for its actions.
    expect(dashboard.waitingDecisions.map((w) => w.waitingFor)).toContain('open_actions');

    const before = await counts();
    for (const [payload, status] of [
      [{ subject: { kind: 'action', id: action.id }, reason: 'Te kort' }, 422],
      [{ subject: { kind: 'action', id: '00000000-0000-4000-8000-000000000000' }, reason: 'Onbekende actie die vastloopt.' }, 422],
      [{ subject: { kind: 'goal', id: 'doel-1' }, reason: 'Doel bestaat niet in deze build.' }, 422],
    ] as const) {
      expect((await send('POST', '/api/v1/escalations', payload)).statusCode).toBe(status);
    }
    expect(await counts()).toEqual(before);
    const escalation = await send('POST', '/api/v1/escalations', { subject: { kind: 'action', id: action.id }, reason: 'De corporatie heeft geen capaciteit; bestuurlijke afspraak nodig.' });
    expect(escalation.statusCode).toBe(201);
    expect(escalation.json()).toMatchObject({ status: 'open', subject: { kind: 'action', label: 'Plan van aanpak portiekflats' }, escalatedBy: 'Demo Programmamanager', meetingId: meeting.id });
    expect((await send('POST', '/api/v1/escalations', { subject: { kind: 'action', id: action.id }, reason: 'Nog een keer hetzelfde punt.' })).statusCode).toBe(409);

    dashboard = (await get<DirectionDashboard>('/api/v1/direction')).body;
    expect(dashboard.overdueActions.find((a) => a.id === action.id)?.escalated).toBe(true);
    expect(dashboard.escalations.map((e) => e.id)).toContain(escalation.json().id);
    expect((await get('/api/v1/direction', await t.login('beheerder'))).status).toBe(200);

    const id = escalation.json().id as string;
    expect((await send('PATCH', `/api/v1/escalations/${id}`, { resolution: '' })).statusCode).toBe(422);
    const handled = await send('PATCH', `/api/v1/escalations/${id}`, { resolution: 'Wethouder spreekt directeur corporatie aan; nieuwe datum over twee weken.' });
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({ status: 'handled' });
    expect((await send('PATCH', `/api/v1/escalations/${id}`, { resolution: 'Nogmaals.' })).statusCode).toBe(409);
    expect((await get<{ items: { id: string }[] }>('/api/v1/escalations?status=open')).body.items.map((e) => e.id)).not.toContain(id);
    expect((await get<{ items: { id: string }[] }>('/api/v1/escalations?status=handled')).body.items.map((e) => e.id)).toContain(id);
  });
});
