import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActorUser, type Actor } from '../../../platform/server/index.js';
import { countRows, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { listSignalPointsForAnalysis } from '../index.js';
import { createSignalsTestApp, get, post, signalBody, POINTS } from './testing/signals-test-app.js';
import { approvePendingRoleGrants } from '../../../../test/support/four-eyes.js';

/**
 * The need-to-know matrix: users × records × endpoints with exact expectations written out by hand (not
 * computed with the code under test). Suppression is off here (threshold 1) so counts can be compared.
 */
type User = 'regisseur' | 'analist' | 'politie' | 'corporatie' | 'zorg' | 'casus' | 'politie-west';
type Rec = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

const RECORDS: Record<Rec, { by: User; body: Record<string, unknown> }> = {
  R1: { by: 'politie', body: { category: 'ondermijning', legalRegime: 'wgs-riec', confidentiality: 'restricted', location: POINTS.centrum, persons: [{ reference: 'demo-persoon-101' }] } },
  R2: { by: 'corporatie', body: { category: 'woonoverlast', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.krispijn, persons: [{ reference: 'demo-persoon-102' }] } },
  R3: { by: 'zorg', body: { category: 'zorgsignaal', legalRegime: 'wgs-zvh', confidentiality: 'restricted', location: POINTS.krispijn, persons: [{ reference: 'demo-persoon-103' }] } },
  R4: { by: 'regisseur', body: { category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.stadspolders } },
  R5: { by: 'casus', body: { category: 'woonoverlast', legalRegime: 'wgs-zvh', confidentiality: 'confidential', location: POINTS.krispijn, persons: [{ reference: 'demo-persoon-105' }] } },
  R6: { by: 'politie', body: { category: 'jeugdoverlast', legalRegime: 'police-provided', confidentiality: 'internal', location: POINTS.krispijn, groups: [{ reference: 'demo-groep-106' }] } },
  R7: { by: 'politie-west', body: { category: 'verloedering', legalRegime: 'municipal-task', confidentiality: 'internal', location: POINTS.stadspolders } },
};

// Worked out from docs/signals.md, record by record.
const VISIBLE: Record<User, Rec[]> = {
  regisseur: ['R1', 'R2', 'R3', 'R4', 'R6', 'R7'], // restricted clearance: not the confidential R5
  analist: ['R2', 'R4', 'R6', 'R7'], // internal only
  politie: ['R1', 'R2', 'R4', 'R6', 'R7'], // no care data (R3), no confidential (R5)
  corporatie: ['R2', 'R4', 'R7'], // not a RIEC partner, no care or youth categories
  zorg: ['R2', 'R3', 'R4', 'R7'], // not a partner of police-provided (R6)
  casus: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'],
  // Scope WK050503 limits the own organisation's signals too: not R1 (the centre) nor R4 (Stadspolders);
  // R7 lies outside as well, but this user registered it.
  'politie-west': ['R2', 'R6', 'R7'],
};

let t: TestApp;
const sessions = new Map<User, TestSession>();
const actors = new Map<User, Actor>();
const ids = new Map<Rec, string>();

beforeAll(async () => {
  t = await createSignalsTestApp({ SIGNALS_SUPPRESS_BELOW: '1' });
  const admin = await t.login('beheerder');
  const organisations = (await get(t, admin, '/api/v1/organisations')).json().items as { id: string; kind: string }[];
  const orgOf = (kind: string) => organisations.find((o) => o.kind === kind)!.id;
  const users = [
    { username: 'casus', roles: ['case_officer'], organisationId: orgOf('gemeente'), areaScopes: [] },
    { username: 'politie-west', roles: ['partner'], organisationId: orgOf('politie'), areaScopes: ['WK050503'] },
  ];
  for (const u of users) {
    const created = await post(t, admin, '/api/v1/users', { ...u, displayName: u.username, password: 'correct horse battery' });
    expect(created.statusCode).toBe(201);
    // case_officer waits for a second administrator (four eyes, docs/adr/0007).
    await approvePendingRoleGrants(t, created.json().id);
  }
  for (const user of Object.keys(VISIBLE) as User[]) {
    const session = ['casus', 'politie-west'].includes(user) ? await t.login(user, 'correct horse battery') : await t.login(user);
    sessions.set(user, session);
    const loaded = await loadActorUser(t.database.db, session.userId);
    actors.set(user, { ...loaded!, via: 'session' });
  }
  for (const [rec, { by, body }] of Object.entries(RECORDS) as [Rec, (typeof RECORDS)[Rec]][]) {
    const response = await post(t, sessions.get(by)!, '/api/v1/signals', signalBody(body));
    expect(response.statusCode, `${rec}: ${response.body}`).toBe(201);
    ids.set(rec, response.json().id);
  }
});
afterAll(() => t.close());

const cases = (Object.keys(VISIBLE) as User[]).map((user) => ({ user, visible: VISIBLE[user] }));

async function oneAuditRow<T>(call: () => Promise<T>): Promise<T> {
  const before = await countRows(t.database, 'audit_log');
  const result = await call();
  expect(await countRows(t.database, 'audit_log')).toBe(before + 1);
  return result;
}

describe('need-to-know matrix', () => {
  it.each(cases)('$user: list shows exactly $visible', async ({ user, visible }) => {
    const response = await oneAuditRow(() => get(t, sessions.get(user)!, '/api/v1/signals?municipality=GM0505'));
    expect(response.statusCode).toBe(200);
    const shown = (response.json().items as { id: string }[]).map((i) => i.id).sort();
    expect(shown).toEqual(visible.map((r) => ids.get(r)).sort());
    expect(response.json().total).toBe(visible.length);
  });

  it.each(cases)('$user: detail is 200 for visible records and 404 for the rest, one audit row each', async ({ user, visible }) => {
    for (const rec of Object.keys(RECORDS) as Rec[]) {
      const response = await oneAuditRow(() => get(t, sessions.get(user)!, `/api/v1/signals/${ids.get(rec)}`));
      expect(response.statusCode, `${user} ${rec}`).toBe(visible.includes(rec) ? 200 : 404);
    }
  });

  it.each(cases)('$user: counts, export and analysis points agree with the list', async ({ user, visible }) => {
    const counts = await oneAuditRow(() => get(t, sessions.get(user)!, '/api/v1/signals/counts?municipality=GM0505&level=buurt'));
    expect(counts.json().total).toBe(visible.length);
    const analysis = await oneAuditRow(() => listSignalPointsForAnalysis(t.database.db, actors.get(user)!, { municipality: 'GM0505', from: '2026-01-01', to: '2026-12-31' }));
    expect(analysis.points).toHaveLength(visible.length);
    if (user === 'analist') return; // no export permission (403 in the authorization matrix)
    const csv = await oneAuditRow(() => get(t, sessions.get(user)!, '/api/v1/signals/export?municipality=GM0505'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\r\n')).toHaveLength(visible.length + 1);
  });

  it('filters by category the same way', async () => {
    const response = await get(t, sessions.get('corporatie')!, '/api/v1/signals?municipality=GM0505&category=ondermijning');
    expect(response.json().total).toBe(0);
    const politie = await get(t, sessions.get('politie')!, '/api/v1/signals?municipality=GM0505&category=ondermijning');
    expect(politie.json().items.map((i: { id: string }) => i.id)).toEqual([ids.get('R1')]);
  });

  it('records who read which pseudonyms, and why', async () => {
    await get(t, sessions.get('regisseur')!, `/api/v1/signals/${ids.get('R1')}`);
    const row = await t.database.db.selectFrom('audit_log').select(['action', 'actor_username', 'detail']).where('subject_id', '=', ids.get('R1')!).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.action).toBe('signals.read');
    expect(row.actor_username).toBe('regisseur');
    const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as { pseudonyms: string[]; purpose: string; result: string };
    expect(detail.pseudonyms).toHaveLength(1);
    expect(detail.result).toBe('shown');
    expect(detail.purpose).toBe('Aanpak woonoverlast in de wijk');
  });
});
