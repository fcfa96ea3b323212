import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { runSignalRetention } from '../index.js';
import { createSignalsTestApp, get, post, signalBody, POINTS } from './testing/signals-test-app.js';
import { approvePendingRoleGrants } from '../../../../test/support/four-eyes.js';

let t: TestApp;
const lines: string[] = [];
let casus: TestSession;

beforeAll(async () => {
  const stream = new PassThrough();
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  t = await createSignalsTestApp({ LOG_LEVEL: 'info', SIGNALS_UNUSUAL_READS_PER_HOUR: '3' }, { logStream: stream });
  const admin = await t.login('beheerder');
  const organisations = (await get(t, admin, '/api/v1/organisations')).json().items as { id: string; kind: string }[];
  const created = await post(t, admin, '/api/v1/users', {
    username: 'casus',
    displayName: 'Test Casusregisseur',
    password: 'correct horse battery',
    organisationId: organisations.find((o) => o.kind === 'gemeente')!.id,
    roles: ['case_officer'],
  });
  expect(created.statusCode).toBe(201);
  // case_officer waits for a second administrator (four eyes, docs/adr/0007).
  await approvePendingRoleGrants(t, created.json().id);
  casus = await t.login('casus', 'correct horse battery');
});
afterAll(() => t.close());

describe('registering a signal', () => {
  it('places a point in its buurt, defaults retention per category, stores persons as pseudonyms', async () => {
    const politie = await t.login('politie');
    const response = await post(t, politie, '/api/v1/signals', signalBody({ persons: [{ reference: 'demo-persoon-901' }] }));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.areaCode).toBe('BU05050305');
    expect(body.retentionUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.subjects[0].pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(body)).not.toContain('demo-persoon-901');
    const detail = await get(t, politie, `/api/v1/signals/${body.id}`);
    expect(detail.json().sourceOrganisation.name).toBe('Politie (demopartner)');
    expect(detail.body).not.toContain('demo-persoon-901');
  });

  it('refuses criminal-law data under the wrong regime (422), stores nothing, and hides it from outside partners', async () => {
    const politie = await t.login('politie');
    const before = await countRows(t.database, 'signals');
    const wrong = await post(t, politie, '/api/v1/signals', signalBody({ category: 'ondermijning', legalRegime: 'municipal-task', location: POINTS.centrum }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toContain('legalRegime');
    expect(await countRows(t.database, 'signals')).toBe(before);
    const right = await post(t, politie, '/api/v1/signals', signalBody({ category: 'ondermijning', legalRegime: 'wgs-riec', confidentiality: 'restricted', location: POINTS.centrum }));
    expect(right.statusCode).toBe(201);
    const corporatie = await t.login('corporatie');
    expect((await get(t, corporatie, `/api/v1/signals/${right.json().id}`)).statusCode).toBe(404);
    expect((await get(t, corporatie, '/api/v1/signals?municipality=GM0505&category=ondermijning')).json().total).toBe(0);
  });

  it('refuses any payload missing purpose, regime or a valid retention date (422) and stores nothing', async () => {
    const politie = await t.login('politie');
    const before = await countRows(t.database, 'signals');
    const broken = fc.record({
      drop: fc.subarray(['purpose', 'legalRegime', 'category', 'occurredAt', 'location', 'confidentiality'], { minLength: 1 }),
      retention: fc.option(fc.constantFrom(null, '', '2020-01-01', 'morgen', '2026-02-30', 12, '9999-12-31'), { nil: undefined }),
      extra: fc.option(fc.constantFrom({ sourceOrganisation: 'Politie' }, { bsn: '123456782' }, { purpose: '' }, { legalRegime: 'geen' }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(broken, async ({ drop, retention, extra }) => {
        const body: Record<string, unknown> = signalBody({ ...(extra ?? {}) });
        for (const key of drop) delete body[key];
        if (retention !== undefined) body.retentionUntil = retention;
        const response = await post(t, politie, '/api/v1/signals', body);
        expect(response.statusCode).toBe(422);
        expect(response.json().errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
    for (const retention of ['2020-01-01', '2099-01-01']) {
      expect((await post(t, politie, '/api/v1/signals', signalBody({ retentionUntil: retention }))).statusCode).toBe(422);
    }
    expect(await countRows(t.database, 'signals')).toBe(before);
  });
});

describe('suppression', () => {
  it('shows a cell with 3 signals as suppressed, a cell with 5 as its count, and no total', async () => {
    const gemeente = await t.login('regisseur');
    for (let i = 0; i < 3; i += 1) expect((await post(t, gemeente, '/api/v1/signals', signalBody({ category: 'verkeersonveiligheid', location: POINTS.stadspolders }))).statusCode).toBe(201);
    for (let i = 0; i < 5; i += 1) expect((await post(t, gemeente, '/api/v1/signals', signalBody({ category: 'verkeersonveiligheid', location: POINTS.krispijn }))).statusCode).toBe(201);
    const counts = (await get(t, gemeente, '/api/v1/signals/counts?municipality=GM0505&category=verkeersonveiligheid')).json();
    expect(counts.threshold).toBe(5);
    expect(counts.total).toBeNull();
    const cells = counts.items as { areaCode: string; count: number | null; suppressed: boolean }[];
    expect(cells.find((c) => c.areaCode === 'BU05050305')).toMatchObject({ count: 5, suppressed: false });
    const small = cells.find((c) => c.areaCode !== 'BU05050305');
    expect(small).toMatchObject({ count: null, suppressed: true });
  });
});

describe('pseudonymisation', () => {
  it('keeps identities out of reach without the case-officer role', async () => {
    const zorg = await t.login('zorg');
    const created = await post(t, zorg, '/api/v1/signals', signalBody({ category: 'zorgsignaal', legalRegime: 'wgs-zvh', confidentiality: 'restricted', persons: [{ reference: 'demo-persoon-777' }] }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const analist = await t.login('analist');
    expect((await get(t, analist, `/api/v1/signals/${id}/identities`)).statusCode).toBe(403);
    expect((await get(t, zorg, `/api/v1/signals/${id}/identities`)).statusCode).toBe(403);
    const identities = await get(t, casus, `/api/v1/signals/${id}/identities`);
    expect(identities.statusCode).toBe(200);
    expect(identities.json().items).toEqual([{ pseudonym: created.json().subjects[0].pseudonym, kind: 'person', reference: 'demo-persoon-777' }]);
    // Not even the database holds the reference in clear text.
    const { rows } = await sql<{ dump: string }>`SELECT (SELECT string_agg(s::text, '') FROM signals s) || (SELECT string_agg(i::text, '') FROM signal_identities i) || (SELECT string_agg(a::text, '') FROM audit_log a) AS dump`.execute(t.database.db);
    expect(rows[0]!.dump).not.toContain('demo-persoon-777');
  });

  it('raises an unusual-reads alert when one user reads more distinct persons in an hour than allowed', async () => {
    const regisseur = await t.login('regisseur');
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const created = await post(t, regisseur, '/api/v1/signals', signalBody({ persons: [{ reference: `demo-persoon-5${i}0` }] }));
      ids.push(created.json().id);
    }
    const reader = await t.login('corporatie');
    for (const id of ids) expect((await get(t, reader, `/api/v1/signals/${id}`)).statusCode).toBe(200);
    for (const id of ids) await get(t, reader, `/api/v1/signals/${id}`);
    const admin = await t.login('beheerder');
    const alerts = (await get(t, admin, '/api/v1/signals/unusual-reads')).json();
    expect(alerts.items.filter((a: { username: string }) => a.username === 'corporatie')).toHaveLength(1);
    expect(alerts.items[0].distinctPseudonyms).toBe(4);
    expect(await countRows(t.database, 'audit_log')).toBeGreaterThan(0);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'signals.unusual_reads' AND actor_username = 'corporatie'`.execute(t.database.db);
    expect(rows[0]!.n).toBe(1);
  });
});

describe('cases', () => {
  it('bundles signals, records a case meeting with interventions, and stays need-to-know', async () => {
    const a = await post(t, casus, '/api/v1/signals', signalBody({ confidentiality: 'confidential', legalRegime: 'wgs-zvh', address: undefined, persons: [{ reference: 'demo-persoon-321' }] }));
    const b = await post(t, casus, '/api/v1/signals', signalBody({ location: { ...POINTS.krispijn, address: 'Demostraat 2 (fictief)' } }));
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    const created = await post(t, casus, '/api/v1/signal-cases', { title: 'Casus Demostraat', focusKind: 'person', focusReference: 'demo-persoon-321', purpose: 'Zorg- en veiligheidsaanpak', signalIds: [a.json().id, b.json().id] });
    expect(created.statusCode).toBe(201);
    const caseId = created.json().id as string;
    const organisations = (await get(t, casus, '/api/v1/organisations')).json().items as { id: string; kind: string }[];
    const meeting = await post(t, casus, `/api/v1/signal-cases/${caseId}/meetings`, {
      heldOn: '2026-10-20',
      attendees: 'Gemeente, corporatie, wijkteam',
      decisions: ['Huisbezoek plannen'],
      interventions: [
        { kind: 'preventive', description: 'Huisbezoek wijkteam', ownerOrganisationId: organisations.find((o) => o.kind === 'welzijn_zorg')!.id, dueDate: '2026-11-01' },
        { kind: 'repressive', description: 'Waarschuwingsbrief', ownerOrganisationId: organisations.find((o) => o.kind === 'gemeente')!.id, dueDate: '2027-01-15' },
      ],
    });
    expect(meeting.statusCode).toBe(201);
    const detail = (await get(t, casus, `/api/v1/signal-cases/${caseId}`)).json();
    expect(detail.confidentiality).toBe('confidential');
    expect(detail.signals).toHaveLength(2);
    expect(detail.meetings[0].decisions).toEqual(['Huisbezoek plannen']);
    // The case list carries the days of its case meetings, for the meetings overview; the regisseur below sees neither.
    const listed = (await get(t, casus, '/api/v1/signal-cases?municipality=GM0505')).json().items as { id: string; meetingDates: string[] }[];
    expect(listed.find((c) => c.id === caseId)?.meetingDates).toEqual(['2026-10-20']);
    expect(detail.interventions.map((i: { kind: string; overdue: boolean }) => [i.kind, i.overdue])).toEqual([
      ['preventive', true],
      ['repressive', false],
    ]);
    const done = await t.app.inject({ method: 'PATCH', url: `/api/v1/signal-cases/${caseId}/interventions/${detail.interventions[0].id}`, headers: casus.headers, payload: { status: 'done' } });
    expect(done.statusCode).toBe(204);
    const regisseur = await t.login('regisseur');
    expect((await get(t, regisseur, `/api/v1/signal-cases/${caseId}`)).statusCode).toBe(404);
    expect((await get(t, regisseur, '/api/v1/signal-cases?municipality=GM0505')).json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    // A case cannot take in a signal its maker may not see.
    const politie = await t.login('politie');
    const hidden = await post(t, politie, '/api/v1/signals', signalBody({ category: 'ondermijning', legalRegime: 'wgs-riec', confidentiality: 'restricted' }));
    const corporatie = await t.login('corporatie');
    expect((await post(t, corporatie, '/api/v1/signal-cases', { title: 'X', focusKind: 'location', purpose: 'test', signalIds: [hidden.json().id] })).statusCode).toBe(403);
    expect((await post(t, regisseur, `/api/v1/signal-cases/${caseId}/signals`, { signalIds: [hidden.json().id] })).statusCode).toBe(404);
  });
});

describe('data-subject export', () => {
  it('gives every record about one pseudonym across partners, and nothing else (golden file)', async () => {
    const politie = await t.login('politie');
    const zorg = await t.login('zorg');
    const reference = 'demo-persoon-042';
    expect((await post(t, politie, '/api/v1/signals', signalBody({ category: 'woonoverlast', occurredAt: '2026-03-01T10:00:00Z', description: 'Geluidsoverlast (test)', persons: [{ reference }, { reference: 'demo-persoon-043' }] }))).statusCode).toBe(201);
    expect((await post(t, zorg, '/api/v1/signals', signalBody({ category: 'zorgsignaal', legalRegime: 'wgs-zvh', confidentiality: 'restricted', occurredAt: '2026-04-01T10:00:00Z', description: 'Zorgen om bewoner (test)', persons: [{ reference: 'Demo-Persoon-042 ' }] }))).statusCode).toBe(201);
    expect((await post(t, zorg, '/api/v1/signals', signalBody({ category: 'zorgsignaal', legalRegime: 'wgs-zvh', occurredAt: '2026-05-01T10:00:00Z', description: 'Iemand anders (test)', persons: [{ reference: 'demo-persoon-044' }] }))).statusCode).toBe(201);
    expect((await post(t, politie, '/api/v1/signals/subject-export', { reference })).statusCode).toBe(403);
    const response = await post(t, casus, '/api/v1/signals/subject-export', { reference });
    expect(response.statusCode).toBe(200);
    const normalised = JSON.parse(
      response.body
        .replace(/"(generatedAt|registeredAt)":"[^"]+"/g, '"$1":"<time>"')
        .replace(/"retentionUntil":"[^"]+"/g, '"retentionUntil":"<date>"'),
    );
    const golden = new URL('./testdata/subject-export.golden.json', import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(normalised, null, 2)}\n`);
    expect(normalised).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    // The same export by the pseudonym alone (as a case shows it).
    const byPseudonym = await post(t, casus, '/api/v1/signals/subject-export', { pseudonym: response.json().subject.pseudonym });
    expect(byPseudonym.json().signals).toEqual(response.json().signals);
    expect((await post(t, casus, '/api/v1/signals/subject-export', { reference, pseudonym: response.json().subject.pseudonym })).statusCode).toBe(422);
  });
});

describe('retention', () => {
  it('deletes expired signals and what derives from them; a second run changes nothing', async () => {
    const zorg = await t.login('zorg');
    const created = await post(t, zorg, '/api/v1/signals', signalBody({ category: 'woonoverlast', persons: [{ reference: 'demo-persoon-600' }] }));
    const id = created.json().id as string;
    const pseudonym = created.json().subjects[0].pseudonym as string;
    const extended = await post(t, casus, `/api/v1/signals/${id}/retention`, { retentionUntil: '2031-01-01', reason: 'short' });
    expect(extended.statusCode).toBe(422);
    const regisseur = await t.login('regisseur');
    const ok = await post(t, regisseur, `/api/v1/signals/${id}/retention`, { retentionUntil: '2031-01-01', reason: 'Lopend handhavingstraject, besluit casusoverleg 12-11' });
    expect(ok.statusCode).toBe(200);
    expect((await get(t, regisseur, `/api/v1/signals/${id}`)).json().retentionExtensions).toHaveLength(1);
    await sql`UPDATE signals SET retention_until = DATE '2020-01-01' WHERE id = ${id}`.execute(t.database.db);
    const beforeAudit = await countRows(t.database, 'audit_log');
    const first = await runSignalRetention(t.database.db, new Date());
    expect(first.signals).toBe(1);
    expect(first.identities).toBeGreaterThanOrEqual(1);
    expect(await countRows(t.database, 'audit_log')).toBe(beforeAudit + 1);
    const second = await runSignalRetention(t.database.db, new Date());
    expect(second).toEqual({ signals: 0, cases: 0, identities: 0 });
    expect(await countRows(t.database, 'audit_log')).toBe(beforeAudit + 1);
    expect((await get(t, regisseur, `/api/v1/signals/${id}`)).statusCode).toBe(404);
    const { rows } = await sql<{ n: number }>`SELECT (SELECT count(*) FROM signal_subjects WHERE pseudonym = ${pseudonym}) + (SELECT count(*) FROM signal_identities WHERE pseudonym = ${pseudonym}) + (SELECT count(*) FROM signal_retention_extensions WHERE signal_id = ${id}) AS n`.execute(t.database.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});

describe('no personal values in URLs or logs', () => {
  it('keeps references out of the OpenAPI paths and query parameters, and out of every log line', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    for (const [path, operations] of Object.entries(spec.paths)) {
      expect(path).not.toMatch(/reference|person|bsn|name/i);
      for (const operation of Object.values(operations)) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'query' || parameter.in === 'path') expect(parameter.name).not.toMatch(/reference|person|bsn|name|address|pseudonym/i);
        }
      }
    }
    const politie = await t.login('politie');
    const value = 'Jan de Vries 1980-01-01';
    const created = await post(t, politie, '/api/v1/signals', signalBody({ persons: [{ reference: value }], location: { ...POINTS.krispijn, address: 'Voorstraat 1' } }));
    await get(t, politie, `/api/v1/signals/${created.json().id}`);
    await post(t, casus, '/api/v1/signals/subject-export', { reference: value });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain('Jan de Vries');
      expect(line).not.toContain('Voorstraat');
      expect(line).not.toContain('demo-persoon');
    }
  });
});
