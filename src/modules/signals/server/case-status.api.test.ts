import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { approvePendingRoleGrants } from '../../../../test/support/four-eyes.js';
import { createSignalsTestApp, get, post, signalBody, POINTS } from './testing/signals-test-app.js';

/**
 * A case's status (docs/signals.md): open → in_progress → closed with a reason, closed → in_progress
 * (reopened) with a reason; who may edit the case may do it, a role that may not see the case gets 404,
 * and every change writes one audit row in the same transaction and one entry on the case's timeline.
 */
let t: TestApp;
let casus: TestSession;
let regisseur: TestSession;
let politie: TestSession;
let caseId = '';
let confidentialCaseId = '';

beforeAll(async () => {
  t = await createSignalsTestApp({ SIGNALS_SUPPRESS_BELOW: '1' });
  const admin = await t.login('beheerder');
  const organisations = (await get(t, admin, '/api/v1/organisations')).json().items as { id: string; kind: string }[];
  const created = await post(t, admin, '/api/v1/users', { username: 'casus', displayName: 'Casus Regisseur', roles: ['case_officer'], organisationId: organisations.find((o) => o.kind === 'gemeente')!.id, areaScopes: [], password: 'correct horse battery' });
  expect(created.statusCode, created.body).toBe(201);
  await approvePendingRoleGrants(t, created.json().id);
  casus = await t.login('casus', 'correct horse battery');
  regisseur = await t.login('regisseur');
  politie = await t.login('politie');
  const open = await post(t, casus, '/api/v1/signals', signalBody({ category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.krispijn }));
  const secret = await post(t, casus, '/api/v1/signals', signalBody({ category: 'woonoverlast', legalRegime: 'wgs-zvh', confidentiality: 'confidential', location: POINTS.krispijn, persons: [{ reference: 'demo-persoon-301' }] }));
  expect(open.statusCode, open.body).toBe(201);
  expect(secret.statusCode, secret.body).toBe(201);
  const base = { focusKind: 'address', focusAddress: 'Demostraat 1 (fictief)', purpose: 'Aanpak verloedering' };
  caseId = (await post(t, casus, '/api/v1/signal-cases', { ...base, title: 'Casus status', signalIds: [open.json().id] })).json().id;
  confidentialCaseId = (await post(t, casus, '/api/v1/signal-cases', { ...base, title: 'Casus vertrouwelijk', signalIds: [secret.json().id] })).json().id;
  expect(caseId && confidentialCaseId).toBeTruthy();
}, 120_000);
afterAll(() => t.close());

const setStatus = (session: TestSession, id: string, body: unknown) => post(t, session, `/api/v1/signal-cases/${id}/status`, body);

async function lastAudit(id: string) {
  return t.database.db.selectFrom('audit_log').select(['action', 'actor_username', 'detail']).where('subject_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

describe('case status', () => {
  it('a new case is open, with a timeline that starts at its creation', async () => {
    const c = (await get(t, casus, `/api/v1/signal-cases/${caseId}`)).json();
    expect(c.status).toBe('open');
    expect(c.timeline).toEqual([expect.objectContaining({ kind: 'created', by: 'Casus Regisseur', signalCount: 1 })]);
  });

  it('refuses to close an open case (422) and to reopen it, and writes nothing', async () => {
    const before = await countRows(t.database, 'audit_log');
    const close = await setStatus(casus, caseId, { status: 'closed', reasonCode: 'resolved' });
    expect(close.statusCode, close.body).toBe(422);
    expect(close.json().type).toContain('signal_case.status_transition');
    expect(await countRows(t.database, 'audit_log')).toBe(before);
  });

  it('takes the case up: open → in_progress, one audit row', async () => {
    const before = await countRows(t.database, 'audit_log');
    const response = await setStatus(casus, caseId, { status: 'in_progress' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ status: 'in_progress' });
    expect(await countRows(t.database, 'audit_log')).toBe(before + 1);
    expect(await lastAudit(caseId)).toMatchObject({ action: 'signals.case_status', actor_username: 'casus', detail: { from: 'open', to: 'in_progress' } });
    const again = await setStatus(casus, caseId, { status: 'in_progress' });
    expect(again.statusCode).toBe(422);
  });

  it('closing needs a reason from the list; "other" needs text; no obvious person data in the text', async () => {
    for (const [body, path] of [
      [{ status: 'closed' }, 'reasonCode'],
      [{ status: 'closed', reasonCode: 'new_signals' }, 'reasonCode'],
      [{ status: 'closed', reasonCode: 'other' }, 'reasonText'],
      [{ status: 'closed', reasonCode: 'other', reasonText: '  ' }, 'reasonText'],
      [{ status: 'closed', reasonCode: 'resolved', reasonText: 'bewoner 123456782 verhuisd' }, 'reasonText'],
      [{ status: 'closed', reasonCode: 'resolved', reasonText: 'mail naar j.jansen@example.nl' }, 'reasonText'],
      [{ status: 'closed', reasonCode: 'resolved', reasonText: 'gebeld 06-12345678' }, 'reasonText'],
    ] as const) {
      const response = await setStatus(casus, caseId, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(response.json()), JSON.stringify(body)).toContain(path);
    }
    expect((await get(t, casus, `/api/v1/signal-cases/${caseId}`)).json().status).toBe('in_progress');
  });

  it('bad input: unknown status, unknown reason, extra fields, too long text, bad id', async () => {
    for (const body of [{ status: 'open' }, { status: 'afgesloten' }, { status: 'closed', reasonCode: 'weg' }, { status: 'closed', reasonCode: 'resolved', extra: 1 }, { status: 'closed', reasonCode: 'other', reasonText: 'x'.repeat(501) }, {}, null]) {
      const response = await setStatus(casus, caseId, body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
    }
    expect((await setStatus(casus, 'not-a-uuid', { status: 'in_progress' })).statusCode).toBe(422);
    expect((await setStatus(casus, '00000000-0000-4000-8000-000000000000', { status: 'in_progress' })).statusCode).toBe(404);
  });

  it('a role without the case permission gets 403; one that may not see the case gets 404 and changes nothing', async () => {
    expect((await setStatus(politie, caseId, { status: 'closed', reasonCode: 'resolved' })).statusCode).toBe(403);
    // The programme manager may edit cases but not see a confidential one: 404, as if it did not exist.
    const hidden = await setStatus(regisseur, confidentialCaseId, { status: 'in_progress' });
    expect(hidden.statusCode, hidden.body).toBe(404);
    expect((await get(t, casus, `/api/v1/signal-cases/${confidentialCaseId}`)).json().status).toBe('open');
  });

  it('closes with a reason and reopens with a reason, both audited and on the timeline in order', async () => {
    const close = await setStatus(casus, caseId, { status: 'closed', reasonCode: 'resolved', reasonText: 'Pand opgeknapt, geen nieuwe meldingen' });
    expect(close.statusCode, close.body).toBe(200);
    expect(await lastAudit(caseId)).toMatchObject({ action: 'signals.case_status', detail: { from: 'in_progress', to: 'closed', reasonCode: 'resolved', reasonText: true } });
    expect((await setStatus(casus, caseId, { status: 'in_progress' })).statusCode).toBe(422); // reopening needs a reason
    expect((await setStatus(casus, caseId, { status: 'in_progress', reasonCode: 'resolved' })).statusCode).toBe(422); // not a reopen reason
    const reopen = await setStatus(regisseur, caseId, { status: 'in_progress', reasonCode: 'new_signals' });
    expect(reopen.statusCode, reopen.body).toBe(200);
    expect(await lastAudit(caseId)).toMatchObject({ action: 'signals.case_status', actor_username: 'regisseur', detail: { from: 'closed', to: 'in_progress', reasonCode: 'new_signals', reasonText: false } });
    const c = (await get(t, politie, `/api/v1/signal-cases/${caseId}`)).json();
    expect(c.status).toBe('in_progress');
    expect(c.timeline.map((e: { kind: string; toStatus?: string }) => e.toStatus ?? e.kind)).toEqual(['created', 'in_progress', 'closed', 'in_progress']);
    expect(c.timeline[2]).toMatchObject({ by: 'Casus Regisseur', fromStatus: 'in_progress', reasonCode: 'resolved', reasonText: 'Pand opgeknapt, geen nieuwe meldingen' });
    expect(c.timeline[3]).toMatchObject({ fromStatus: 'closed', reasonCode: 'new_signals', reasonText: null });
    const at = c.timeline.map((e: { at: string }) => e.at);
    expect([...at].sort()).toEqual(at);
  });

  it('meetings and signals linked later appear on the timeline', async () => {
    const organisations = (await get(t, casus, '/api/v1/organisations')).json().items as { id: string }[];
    expect((await post(t, casus, `/api/v1/signal-cases/${caseId}/meetings`, { heldOn: '2026-10-20', decisions: ['Huisbezoek plannen'], interventions: [] })).statusCode).toBe(201);
    const extra = await post(t, casus, '/api/v1/signals', signalBody({ category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.krispijn }));
    expect((await post(t, casus, `/api/v1/signal-cases/${caseId}/signals`, { signalIds: [extra.json().id] })).statusCode).toBe(204);
    const timeline = (await get(t, casus, `/api/v1/signal-cases/${caseId}`)).json().timeline as { kind: string }[];
    expect(timeline.slice(-2)).toEqual([expect.objectContaining({ kind: 'meeting', heldOn: '2026-10-20', by: 'Casus Regisseur' }), expect.objectContaining({ kind: 'signals_linked', signalCount: 1 })]);
    expect(organisations.length).toBeGreaterThan(0);
  });
});
