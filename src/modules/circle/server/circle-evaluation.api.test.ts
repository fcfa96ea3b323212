import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { EvaluationDetail } from '../../evaluation/contract.js';
import { BUNDLE_FORMAT, type Bundle, type BundleItem, type Overview, type ReceivedDetail, type SearchHit, type ShareableItem } from '../contract.js';
import { newKeyPair, signText } from '../bundle/keys.js';
import { signedText } from './exchange.service.js';

/**
 * Evaluations as an item kind of the learning circle, on both databases: only an established evaluation the
 * sharer may see can be shared; the bundle carries its outcome without evaluators' names or evidence; a
 * member's evaluation shows in full and its factors are found by the lesson search; a payload in another
 * form is refused and changes nothing.
 */

let t: TestApp;
let admin: TestSession;
let manager: TestSession;
let evaluation: EvaluationDetail;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'evaluation'] });
  [admin, manager] = [await t.login('beheerder'), await t.login('regisseur')];
  const identity = await send('PUT', '/api/v1/circle/identity', { name: 'Gemeente Dordrecht', municipalityCode: 'GM0505' }, admin);
  expect(identity.statusCode, identity.body).toBe(200);
}, 300_000);
afterAll(() => t?.close());

const get = <T>(url: string, session = manager) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
const send = (method: 'POST' | 'PUT', url: string, payload?: object, session = manager) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const shareable = async (session = manager) => (await get<{ items: ShareableItem[] }>('/api/v1/circle/shares', session)).body.items.filter((i) => i.kind === 'evaluation');

async function establishedEvaluation(): Promise<EvaluationDetail> {
  const programmes = (await get<{ items: { id: string; name: string }[] }>('/api/v1/programmes')).body.items;
  const programmeId = programmes.find((p) => p.name.includes('Dordt West'))!.id;
  const created = await send('POST', '/api/v1/evaluations', { programmeId, title: 'Tussenstand kringtest', kind: 'interim', peildatum: '2026-11-01', frameworks: ['platform31'] });
  expect(created.statusCode, created.body).toBe(201);
  const detail = created.json<EvaluationDetail>();
  for (const to of ['scoring_open', 'scoring_closed']) expect((await send('POST', `/api/v1/evaluations/${detail.id}/status`, { to })).statusCode).toBe(200);
  for (const c of detail.criteria) expect((await send('PUT', `/api/v1/evaluation-criteria/${c.id}/conclusion`, { conclusion: `Conclusie over ${c.title}` })).statusCode).toBe(200);
  const factor = await send('POST', `/api/v1/evaluations/${detail.id}/factors`, { kind: 'success', title: 'Buurtconciërge', explanation: 'Een vast aanspreekpunt in de portiekflats hield de trappenhuizen schoon.' });
  expect(factor.statusCode, factor.body).toBe(201);
  return detail;
}

describe('sharing an evaluation', () => {
  it('offers no evaluation that is not established: the demo one is still being concluded', async () => {
    expect(await shareable()).toEqual([]);
  });

  it('offers an established evaluation, and refuses it to a manager who may not see its programme', async () => {
    evaluation = await establishedEvaluation();
    expect(await shareable()).toEqual([]);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, { to: 'established' })).statusCode).toBe(200);
    expect(await shareable()).toEqual([{ kind: 'evaluation', key: evaluation.id, title: 'Tussenstand kringtest (Dordt West)', level: 'internal', isIllustrative: false }]);

    const organisations = (await get<{ items: { id: string; kind: string }[] }>('/api/v1/organisations', admin)).body.items;
    const elsewhere = await send(
      'POST',
      '/api/v1/users',
      { username: 'regie-elders', displayName: 'Regisseur Elders', password: 'correct horse battery staple', organisationId: organisations.find((o) => o.kind === 'gemeente')!.id, roles: ['programme_manager'], areaScopes: ['WK050301'] },
      admin,
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const outsider = await t.login('regie-elders', 'correct horse battery staple');
    expect(await shareable(outsider)).toEqual([]);
    const before = await countRows(t.database, 'circle_shares');
    const refused = await send('PUT', '/api/v1/circle/shares', { kind: 'evaluation', key: evaluation.id, level: 'circle' }, outsider);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await countRows(t.database, 'circle_shares')).toBe(before);
  });

  it('exports its outcome, factors and conclusions, without the evaluators or the evidence', async () => {
    expect((await send('PUT', '/api/v1/circle/shares', { kind: 'evaluation', key: evaluation.id, level: 'circle' })).statusCode).toBe(200);
    const exported = await send('POST', '/api/v1/circle/exports');
    expect(exported.statusCode, exported.body).toBe(200);
    const item = exported.json<Bundle>().items.find((i) => i.kind === 'evaluation')!;
    expect(item).toMatchObject({ key: evaluation.id, level: 'circle', title: 'Tussenstand kringtest' });
    expect(item.payload).toMatchObject({ areaName: 'Dordt West', kind: 'interim', peildatum: '2026-11-01', status: 'established', isIllustrative: false });
    expect(item.payload.criteria).toHaveLength(6);
    expect(item.payload.successFactors).toEqual([{ title: 'Buurtconciërge', explanation: 'Een vast aanspreekpunt in de portiekflats hield de trappenhuizen schoon.' }]);
    expect(JSON.stringify(item)).not.toMatch(/Demo Programmamanager|Demo Analist|lead|evaluator/i);
  });
});

describe('an evaluation received from a member', () => {
  const member = { keys: newKeyPair(), code: 'GM0193', name: 'Gemeente Zwolle' };
  let sequence = 0;
  const payload = {
    title: 'Eindevaluatie Holtenbroek',
    programmeName: 'Wijkaanpak Holtenbroek',
    areaName: 'Holtenbroek',
    kind: 'final',
    peildatum: '2026-06-30',
    status: 'established',
    isIllustrative: false,
    criteria: [{ framework: 'Platform31 — zes lessen', criterion: 'Lange adem', medianScore: 4, conclusion: 'De raad bleef tien jaar achter de aanpak staan.' }],
    successFactors: [{ title: 'Vaste wijkteams', explanation: 'Dezelfde gezichten in de straten, jaren achter elkaar.' }],
    failureFactors: [],
  };
  const bundle = (items: BundleItem[]) => {
    const unsigned = { format: BUNDLE_FORMAT, issuer: { name: member.name, municipalityCode: member.code, publicKey: member.keys.publicKey }, sequence: ++sequence, createdAt: new Date().toISOString(), items };
    return JSON.stringify({ ...unsigned, signature: signText(member.keys.privateKey, signedText(unsigned)) });
  };

  beforeAll(async () => {
    const added = await send('POST', '/api/v1/circle/members', { name: member.name, municipalityCode: member.code, publicKey: member.keys.publicKey }, admin);
    expect(added.statusCode, added.body).toBe(201);
  });

  it('shows in full and its factors are found by the search, stemmed', async () => {
    const imported = await send('POST', '/api/v1/circle/imports', { bundle: bundle([{ kind: 'evaluation', key: 'e1', level: 'circle', title: payload.title, payload }]) });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ items: 1, skippedUnknownKinds: 0 });
    const received = (await get<Overview>('/api/v1/circle')).body.received.find((r) => r.kind === 'evaluation')!;
    const detail = (await get<ReceivedDetail>(`/api/v1/circle/received/${received.id}`)).body;
    expect(detail.evaluation).toEqual(payload);
    const hits = (await get<{ items: SearchHit[] }>(`/api/v1/circle/lesson-search?q=${encodeURIComponent('straat')}`)).body.items;
    expect(hits).toEqual([expect.objectContaining({ source: 'member', kind: 'evaluation', id: received.id, memberName: 'Gemeente Zwolle' })]);
  });

  it('is refused, changing nothing, when it carries more than the outcome (evaluators) or a score out of range', async () => {
    const before = await countRows(t.database, 'circle_received_items');
    for (const bad of [{ ...payload, evaluators: ['Jan Jansen'] }, { ...payload, criteria: [{ ...payload.criteria[0]!, medianScore: 9 }] }]) {
      const refused = await send('POST', '/api/v1/circle/imports', { bundle: bundle([{ kind: 'evaluation', key: 'e1', level: 'circle', title: payload.title, payload: bad }]) });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.bundle_unreadable' });
    }
    expect(await countRows(t.database, 'circle_received_items')).toBe(before);
  });
});
