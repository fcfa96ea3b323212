import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { runSignalRetention } from '../index.js';
import { createSignalsTestApp, get, post, signalBody, POINTS } from './testing/signals-test-app.js';
import { approvePendingRoleGrants } from '../../../../test/support/four-eyes.js';

/**
 * The need-to-know matrix of cases: users × cases × endpoints, expectations written out by hand from
 * docs/signals.md. A case is visible only to who may see every signal it holds, so a case that bundles a
 * harmless signal with a restricted one is as closed as the restricted one, whichever came first, and a
 * signal added later closes it further.
 */
type User = 'regisseur' | 'analist' | 'politie' | 'corporatie' | 'zorg' | 'casus' | 'politie-west';
type Sig = 'vK' | 'oC' | 'vK2' | 'wC' | 'cW' | 'vS' | 'zW' | 'zS';
type CaseKey = 'C1' | 'C2' | 'C3' | 'C4' | 'C5';

const SIGNALS: Record<Sig, { by: User; body: Record<string, unknown> }> = {
  vK: { by: 'casus', body: { category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.krispijn } },
  oC: { by: 'casus', body: { category: 'ondermijning', legalRegime: 'wgs-riec', confidentiality: 'restricted', location: POINTS.centrum, persons: [{ reference: 'demo-persoon-201' }] } },
  vK2: { by: 'regisseur', body: { category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.krispijn } },
  wC: { by: 'casus', body: { category: 'woonoverlast', legalRegime: 'wgs-zvh', confidentiality: 'confidential', location: POINTS.krispijn, persons: [{ reference: 'demo-persoon-202' }] } },
  cW: { by: 'corporatie', body: { category: 'woonoverlast', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.krispijn, persons: [{ reference: 'demo-persoon-203' }] } },
  vS: { by: 'regisseur', body: { category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.stadspolders } },
  zW: { by: 'zorg', body: { category: 'woonoverlast', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.krispijn } },
  zS: { by: 'zorg', body: { category: 'zorgsignaal', legalRegime: 'wgs-zvh', confidentiality: 'restricted', location: POINTS.krispijn, persons: [{ reference: 'demo-persoon-204' }] } },
};

// The signals in the order given at creation (the first one used to decide the case's visibility), and any added later.
const CASES: Record<CaseKey, { by: User; signals: Sig[]; added?: Sig[]; focus?: string }> = {
  C1: { by: 'casus', signals: ['vK', 'oC'], focus: 'demo-persoon-201' }, // the probe of issue 12
  C2: { by: 'casus', signals: ['vK2'], added: ['wC'] }, // closed by a confidential signal added later
  C3: { by: 'regisseur', signals: ['cW'] },
  C4: { by: 'regisseur', signals: ['vS'] }, // outside WK050503
  C5: { by: 'casus', signals: ['zW', 'zS'] }, // care data behind a harmless first signal
};

// Worked out signal by signal: a user sees a case when they see all of its signals.
const VISIBLE: Record<User, CaseKey[]> = {
  regisseur: ['C1', 'C3', 'C4', 'C5'], // restricted clearance: not C2 (confidential wC)
  analist: ['C3', 'C4'], // internal only
  politie: ['C1', 'C3', 'C4'], // no care data (C5)
  corporatie: ['C3', 'C4'], // no RIEC (C1), no care data (C5)
  zorg: ['C3', 'C4', 'C5'], // no RIEC (C1)
  casus: ['C1', 'C2', 'C3', 'C4', 'C5'],
  'politie-west': ['C3'], // scope WK050503: ondermijning in the centre (C1) and the Stadspolders (C4) lie outside
};
const MANAGERS: User[] = ['regisseur', 'casus'];

let t: TestApp;
const sessions = new Map<User, TestSession>();
const signalIds = new Map<Sig, string>();
const caseIds = new Map<CaseKey, string>();
let interventionOfC2 = '';

beforeAll(async () => {
  t = await createSignalsTestApp({ SIGNALS_SUPPRESS_BELOW: '1' });
  const admin = await t.login('beheerder');
  const organisations = (await get(t, admin, '/api/v1/organisations')).json().items as { id: string; kind: string }[];
  const orgOf = (kind: string) => organisations.find((o) => o.kind === kind)!.id;
  for (const u of [
    { username: 'casus', roles: ['case_officer'], organisationId: orgOf('gemeente'), areaScopes: [] },
    { username: 'politie-west', roles: ['partner'], organisationId: orgOf('politie'), areaScopes: ['WK050503'] },
  ]) {
    const created = await post(t, admin, '/api/v1/users', { ...u, displayName: u.username, password: 'correct horse battery' });
    expect(created.statusCode).toBe(201);
    // case_officer waits for a second administrator (four eyes, docs/adr/0007).
    await approvePendingRoleGrants(t, created.json().id);
  }
  for (const user of Object.keys(VISIBLE) as User[]) {
    sessions.set(user, ['casus', 'politie-west'].includes(user) ? await t.login(user, 'correct horse battery') : await t.login(user));
  }
  for (const [sig, { by, body }] of Object.entries(SIGNALS) as [Sig, (typeof SIGNALS)[Sig]][]) {
    const response = await post(t, sessions.get(by)!, '/api/v1/signals', signalBody(body));
    expect(response.statusCode, `${sig}: ${response.body}`).toBe(201);
    signalIds.set(sig, response.json().id);
  }
  for (const [key, c] of Object.entries(CASES) as [CaseKey, (typeof CASES)[CaseKey]][]) {
    const session = sessions.get(c.by)!;
    const body = c.focus
      ? { title: `Casus ${key}`, focusKind: 'person', focusReference: c.focus, purpose: `Doel van casus ${key}`, signalIds: c.signals.map((s) => signalIds.get(s)) }
      : { title: `Casus ${key}`, focusKind: 'address', focusAddress: 'Demostraat 1 (fictief)', purpose: `Doel van casus ${key}`, signalIds: c.signals.map((s) => signalIds.get(s)) };
    const created = await post(t, session, '/api/v1/signal-cases', body);
    expect(created.statusCode, `${key}: ${created.body}`).toBe(201);
    caseIds.set(key, created.json().id);
    const meeting = await post(t, session, `/api/v1/signal-cases/${created.json().id}/meetings`, {
      heldOn: '2026-10-20',
      decisions: [`Besluit in casus ${key}`],
      interventions: [{ kind: 'preventive', description: `Huisbezoek ${key}`, ownerOrganisationId: orgOf('gemeente'), dueDate: '2027-01-15' }],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    if (c.added) {
      const added = await post(t, session, `/api/v1/signal-cases/${created.json().id}/signals`, { signalIds: c.added.map((s) => signalIds.get(s)) });
      expect(added.statusCode, added.body).toBe(204);
    }
  }
  interventionOfC2 = (await get(t, sessions.get('casus')!, `/api/v1/signal-cases/${caseIds.get('C2')}`)).json().interventions[0].id;
}, 180_000);
afterAll(() => t.close());

const rows = (Object.keys(VISIBLE) as User[]).map((user) => ({ user, visible: VISIBLE[user] }));
const signalsOf = (key: CaseKey) => [...CASES[key].signals, ...(CASES[key].added ?? [])];

async function oneAuditRow<T>(call: () => Promise<T>): Promise<T> {
  const before = await countRows(t.database, 'audit_log');
  const result = await call();
  expect(await countRows(t.database, 'audit_log')).toBe(before + 1);
  return result;
}

describe('need-to-know matrix of cases', () => {
  it.each(rows)('$user: the case list shows exactly $visible, with all their signals counted', async ({ user, visible }) => {
    const response = await oneAuditRow(() => get(t, sessions.get(user)!, '/api/v1/signal-cases?municipality=GM0505'));
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; signalCount: number; openInterventions: number }[];
    expect(items.map((i) => i.id).sort()).toEqual(visible.map((c) => caseIds.get(c)).sort());
    for (const key of visible) {
      expect(items.find((i) => i.id === caseIds.get(key))).toMatchObject({ signalCount: signalsOf(key).length, openInterventions: 1 });
    }
  });

  it.each(rows)('$user: case detail is 200 for visible cases, with every signal shown, and 404 for the rest', async ({ user, visible }) => {
    for (const key of Object.keys(CASES) as CaseKey[]) {
      const response = await oneAuditRow(() => get(t, sessions.get(user)!, `/api/v1/signal-cases/${caseIds.get(key)}`));
      expect(response.statusCode, `${user} ${key}`).toBe(visible.includes(key) ? 200 : 404);
      if (!visible.includes(key)) {
        // Nothing of the case leaks in the answer: not its title, purpose or decisions.
        expect(response.body).not.toMatch(new RegExp(`Casus ${key}|Doel van casus ${key}|Besluit in casus ${key}`));
        continue;
      }
      const body = response.json();
      expect(body.signals.map((s: { id: string }) => s.id).sort()).toEqual(signalsOf(key).map((s) => signalIds.get(s)).sort());
      expect(body.signalCount).toBe(signalsOf(key).length);
    }
  });

  it.each(rows)('$user: a visible signal names only the cases the user may open', async ({ user, visible }) => {
    for (const key of Object.keys(CASES) as CaseKey[]) {
      for (const sig of signalsOf(key)) {
        const response = await get(t, sessions.get(user)!, `/api/v1/signals/${signalIds.get(sig)}`);
        if (response.statusCode === 404) continue;
        expect(response.json().caseIds, `${user} ${sig}`).toEqual(visible.includes(key) ? [caseIds.get(key)] : []);
      }
    }
  });

  it.each(MANAGERS.map((user) => ({ user, hidden: (Object.keys(CASES) as CaseKey[]).filter((c) => !VISIBLE[user].includes(c)) })))(
    '$user: meetings, interventions and new signals of a case they may not see answer 404 and change nothing',
    async ({ user, hidden }) => {
      const session = sessions.get(user)!;
      const counts = async () => Promise.all(['signal_case_meetings', 'signal_interventions', 'signal_case_signals'].map((table) => countRows(t.database, table)));
      const before = await counts();
      for (const key of hidden) {
        const id = caseIds.get(key)!;
        const meeting = await post(t, session, `/api/v1/signal-cases/${id}/meetings`, { heldOn: '2026-10-21', decisions: ['Nog een besluit'] });
        expect(meeting.statusCode, `${user} ${key}`).toBe(404);
        const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/signal-cases/${id}/interventions/${interventionOfC2}`, headers: session.headers, payload: { status: 'done' } });
        expect(patch.statusCode).toBe(404);
        const link = await post(t, session, `/api/v1/signal-cases/${id}/signals`, { signalIds: [signalIds.get('vS')] });
        expect(link.statusCode).toBe(404);
      }
      expect(await counts()).toEqual(before);
    },
  );

  it('gives a case the confidentiality of its most restrictive signal, also after a signal is added', async () => {
    const casus = sessions.get('casus')!;
    const levels = await Promise.all((Object.keys(CASES) as CaseKey[]).map(async (key) => (await get(t, casus, `/api/v1/signal-cases/${caseIds.get(key)}`)).json().confidentiality));
    expect(levels).toEqual(['restricted', 'confidential', 'internal', 'internal', 'restricted']);
  });

  it('closes a case to whoever cannot see a signal added to it', async () => {
    // C4 is open to every user but the scoped police officer; adding a restricted RIEC signal narrows it.
    const regisseur = sessions.get('regisseur')!;
    const extra = await post(t, sessions.get('politie')!, '/api/v1/signals', signalBody({ category: 'ondermijning', legalRegime: 'wgs-riec', confidentiality: 'restricted', location: POINTS.stadspolders }));
    expect(extra.statusCode).toBe(201);
    const id = caseIds.get('C4')!;
    expect((await post(t, regisseur, `/api/v1/signal-cases/${id}/signals`, { signalIds: [extra.json().id] })).statusCode).toBe(204);
    for (const [user, status] of [['regisseur', 200], ['politie', 200], ['casus', 200], ['analist', 404], ['corporatie', 404], ['zorg', 404]] as const) {
      expect((await get(t, sessions.get(user)!, `/api/v1/signal-cases/${id}`)).statusCode, user).toBe(status);
      const list = (await get(t, sessions.get(user)!, '/api/v1/signal-cases?municipality=GM0505')).json().items as { id: string }[];
      expect(list.some((c) => c.id === id), user).toBe(status === 200);
    }
    expect((await get(t, regisseur, `/api/v1/signal-cases/${id}`)).json().confidentiality).toBe('restricted');
  });
});

describe('cases after retention', () => {
  it('follow the signals they still hold when retention removes one, and go when none is left', async () => {
    // C2 was closed by its confidential signal; when retention deletes that signal the case is recomputed.
    const stored = async () => (await sql<{ confidentiality: string }>`SELECT confidentiality FROM signal_cases WHERE id = ${caseIds.get('C2')!}`.execute(t.database.db)).rows[0];
    expect(await stored()).toEqual({ confidentiality: 'confidential' });
    await sql`UPDATE signals SET retention_until = DATE '2020-01-01' WHERE id = ${signalIds.get('wC')!}`.execute(t.database.db);
    await sql`UPDATE signals SET retention_until = DATE '2020-01-01' WHERE id = ${signalIds.get('cW')!}`.execute(t.database.db);
    const run = await runSignalRetention(t.database.db, new Date());
    expect(run).toMatchObject({ signals: 2, cases: 1 });
    const regisseur = sessions.get('regisseur')!;
    const c2 = await get(t, regisseur, `/api/v1/signal-cases/${caseIds.get('C2')}`);
    expect(c2.statusCode).toBe(200);
    expect(c2.json()).toMatchObject({ confidentiality: 'internal', signalCount: 1 });
    expect(await stored()).toEqual({ confidentiality: 'internal' });
    expect((await get(t, regisseur, `/api/v1/signal-cases/${caseIds.get('C3')}`)).statusCode).toBe(404);
    expect(await runSignalRetention(t.database.db, new Date())).toEqual({ signals: 0, cases: 0, identities: 0 });
  });
});
