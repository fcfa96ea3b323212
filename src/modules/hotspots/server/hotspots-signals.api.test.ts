import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { loadActorUser, SYSTEM_ACTOR, type Actor } from '../../../platform/server/index.js';
import { findBuurtContainingPoint } from '../../areas/index.js';
import { runImport } from '../../indicators/index.js';
import { findSavedHotspotAnalysis, hotspotsModule } from '../index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';

/**
 * Signal-based hot spots through the real signals module: need-to-know decides which signals count, small
 * counts are suppressed (SECURITY 12), and a saved result expires with its signals (SECURITY 10).
 */

const DEMO_DIR = fileURLToPath(new URL('../../../../data/demo/', import.meta.url));
let t: TestApp;
let politie: TestSession;
let analyst: TestSession;
let manager: TestSession;

// A busy spot at the edge of Oud Krispijn (its centre cell lies in the buurt Nieuweweg en omgeving) and a quiet cell in the Stadspolders with 3 signals.
const HOT_CELL = latLngToCell(51.7995, 4.6745, 9);
const SMALL_CELL = latLngToCell(51.794, 4.72, 9);
const today = new Date();
// Dutch days, as the server counts them (docs/time.md).
const isoDay = (offsetDays: number) => calendarDayOf(new Date(today.getTime() + offsetDays * 86_400_000));
const EARLIEST_RETENTION = isoDay(40);

function signal(cell: string, retentionUntil?: string) {
  const [lat, lon] = cellToLatLng(cell);
  return {
    category: 'woonoverlast',
    occurredAt: `${isoDay(-10)}T21:30:00Z`,
    location: { lon, lat },
    description: 'Geluidsoverlast in de nacht (testgegevens).',
    confidentiality: 'restricted',
    legalRegime: 'municipal-task',
    purpose: 'Aanpak woonoverlast in de wijk',
    ...(retentionUntil ? { retentionUntil } : {}),
  };
}

const SIGNALS_REQUEST = {
  source: { signals: { municipality: 'GM0505', from: isoDay(-30), to: isoDay(0) }, cell: 'h3:9' },
  weights: 'ring:1',
  statistic: 'gi_star',
} as const;

beforeAll(async () => {
  t = await createTestApp();
  for (const file of ['dordrecht_gemeente_2020.geojson', 'dordrecht_wijken_2020.geojson', 'dordrecht_buurten_2020.geojson']) {
    await runImport(t.database.db, SYSTEM_ACTOR, { kind: 'pdok-geojson', fileName: file, content: readFileSync(`${DEMO_DIR}${file}`), year: 2020 });
  }
  politie = await t.login('politie');
  analyst = await t.login('analist');
  manager = await t.login('regisseur');
  const bodies = [
    ...gridDisk(HOT_CELL, 1).flatMap((cell) => Array.from({ length: 8 }, () => signal(cell))),
    signal(HOT_CELL, EARLIEST_RETENTION),
    ...Array.from({ length: 3 }, () => signal(SMALL_CELL)),
  ];
  for (const body of bodies) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: politie.headers, payload: body });
    if (response.statusCode !== 201) throw new Error(`signal not created: ${response.body}`);
  }
}, 180_000);
afterAll(() => t.close());

const run = (session: TestSession, payload: unknown = SIGNALS_REQUEST) => t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots', headers: session.headers, payload: payload as object });

interface Item {
  id: string;
  name: string | null;
  value: number | null;
  suppressed: boolean;
  z: number | null;
  p: number | null;
  bin: number;
}

describe('hot spots of signals on H3 cells', () => {
  it('bins the signals the caller may see into the cells of Dordrecht and finds the busy spot', async () => {
    const response = await run(politie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ cell: 'h3:9', weights: 'ring:1', correction: 'fdr-bh', alpha: [0.1, 0.05, 0.01], suppressBelow: 5 });
    const items = body.items as Item[];
    expect(body.n).toBeGreaterThan(500); // every res-9 cell of the municipality, most of them empty
    // The study area is the municipality, not just where signals are: an empty cell in the Biesbosch counts as 0.
    expect(items.find((i) => i.id === latLngToCell(51.74, 4.64, 9))).toMatchObject({ value: 0, bin: expect.any(Number) });
    expect(items.find((i) => i.id === HOT_CELL)).toMatchObject({ value: 9, suppressed: false, bin: 3 });
    expect(items.filter((i) => (i.value ?? 0) > 0).reduce((s, i) => s + i.value!, 0)).toBe(7 * 8 + 1);
  });

  it('names each cell by the buurt it lies in', async () => {
    const items = (await run(politie)).json().items as Item[];
    // The areas module's own point lookup on the cell's centre is the reference, for the busy cell and every 25th.
    const sample = [items.find((i) => i.id === HOT_CELL)!, ...items.filter((_, index) => index % 25 === 0)];
    for (const item of sample) {
      const [lat, lon] = cellToLatLng(item.id);
      const buurt = await findBuurtContainingPoint(t.database.db, { lon, lat }, { municipality: 'GM0505' });
      if (buurt) expect(item.name, item.id).toBe(buurt.name);
    }
    expect(sample[0]!.name).toBe('Nieuweweg en omgeving');
    // Cells are taken from the municipality's boundary, so (nearly) every one lies in a buurt.
    expect(items.filter((i) => i.name === null).length).toBeLessThan(items.length / 50);
  });

  it('shows a cell with 3 signals as suppressed, without its count, z or p', async () => {
    const items = (await run(politie)).json().items as Item[];
    expect(items.find((i) => i.id === SMALL_CELL)).toMatchObject({ suppressed: true, value: null, z: null, p: null });
    expect(items.every((i) => i.value === null || i.value === 0 || i.value >= 5)).toBe(true);
  });

  it("only counts what the caller may see: the analyst is not cleared for the police's restricted signals", async () => {
    const items = (await run(analyst)).json().items as Item[];
    expect(items.every((i) => i.value === 0)).toBe(true);
    expect(items.every((i) => i.bin === 0)).toBe(true);
  });

  it('refuses polygon weights, a reversed period and a too fine resolution for H3 cells', async () => {
    for (const [payload, path] of [
      [{ ...SIGNALS_REQUEST, weights: 'queen' }, 'weights'],
      [{ ...SIGNALS_REQUEST, source: { ...SIGNALS_REQUEST.source, signals: { ...SIGNALS_REQUEST.source.signals, from: isoDay(1), to: isoDay(-1) } } }, 'source.signals.to'],
      [{ ...SIGNALS_REQUEST, source: { ...SIGNALS_REQUEST.source, cell: 'h3:15' } }, 'body.source'],
      [{ ...SIGNALS_REQUEST, source: { ...SIGNALS_REQUEST.source, signals: { ...SIGNALS_REQUEST.source.signals, from: 'gisteren' } } }, 'body.source'],
    ] as const) {
      const response = await run(politie, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect((response.json().errors as { path: string }[]).some((e) => e.path.startsWith(path)), response.body).toBe(true);
    }
  });
});

describe('a saved signal-based analysis', () => {
  it('expires with the earliest retention date of its signals and is deleted by the retention job, twice safely', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots/saved', headers: politie.headers, payload: { name: 'Woonoverlast Krispijn', request: SIGNALS_REQUEST } });
    expect(response.statusCode).toBe(201);
    const saved = response.json();
    expect(saved.expiresAt).toBe(`${EARLIEST_RETENTION}T00:00:00.000Z`);
    expect(saved.sourceKind).toBe('signals');
    // Whoever may see every signal it was made from may open it, in any organisation; the analyst may not.
    expect((await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${saved.id}`, headers: { cookie: manager.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${saved.id}`, headers: { cookie: analyst.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${saved.id}`, headers: { cookie: politie.cookie } })).statusCode).toBe(200);

    const job = hotspotsModule.jobs!.find((j) => j.name === 'hotspots.retention')!;
    const ctx = (now: Date) => ({ db: t.database.db, config: t.config, now: () => now });
    expect(await job.run(ctx(new Date(`${isoDay(39)}T12:00:00Z`)))).toBe(0);
    expect(await countRows(t.database, 'hotspot_analyses')).toBe(1);
    const audit = await countRows(t.database, 'audit_log');
    expect(await job.run(ctx(new Date(`${isoDay(41)}T00:00:00Z`)))).toBe(1);
    expect(await job.run(ctx(new Date(`${isoDay(41)}T00:00:00Z`)))).toBe(0);
    expect(await countRows(t.database, 'hotspot_analyses')).toBe(0);
    expect(await countRows(t.database, 'audit_log')).toBe(audit + 1);
    expect((await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${saved.id}`, headers: { cookie: politie.cookie } })).statusCode).toBe(404);
  });

  it('is not even shown once its expiry has passed, before the job has run', async () => {
    const saved = (await t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots/saved', headers: politie.headers, payload: { name: 'Kort bewaard', request: SIGNALS_REQUEST } })).json();
    const actor: Actor = { ...(await loadActorUser(t.database.db, politie.userId))!, via: 'session' };
    expect((await findSavedHotspotAnalysis(t.database.db, actor, saved.id, new Date(`${isoDay(39)}T00:00:00Z`)))?.id).toBe(saved.id);
    expect(await findSavedHotspotAnalysis(t.database.db, actor, saved.id, new Date(`${isoDay(40)}T00:00:00Z`))).toBeNull();
  });

  it('refuses to save an analysis of no signals at all', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots/saved', headers: analyst.headers, payload: { name: 'Leeg', request: SIGNALS_REQUEST } });
    expect(response.statusCode).toBe(422);
  });
});

describe('who may open a saved signal-based analysis', () => {
  // The analysis is built on the police's restricted woonoverlast signals in Oud Krispijn and the Stadspolders.
  const readers: Record<string, number> = {
    politie: 200, // their own organisation's signals
    regisseur: 200, // gemeente: partner of the regime, reader of the category, cleared for restricted
    corporatie: 200, // the same for the housing corporation
    analist: 404, // internal clearance only
    'politie-analist': 404, // same organisation as the author, but internal clearance only
    'politie-stadspolders': 404, // same organisation, scoped to the Stadspolders: sees 3 of the signals, not all
  };
  const sessions = new Map<string, TestSession>();
  let savedId = '';

  beforeAll(async () => {
    const admin = await t.login('beheerder');
    const organisations = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } })).json().items as { id: string; kind: string }[];
    const politieId = organisations.find((o) => o.kind === 'politie')!.id;
    for (const [username, roles, areaScopes] of [
      ['politie-analist', ['analyst'], []],
      ['politie-stadspolders', ['partner'], ['WK050511']],
    ] as const) {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { username, displayName: username, password: 'correct horse battery', organisationId: politieId, roles, areaScopes } });
      expect(created.statusCode, created.body).toBe(201);
      sessions.set(username, await t.login(username, 'correct horse battery'));
    }
    for (const username of ['politie', 'regisseur', 'corporatie', 'analist']) sessions.set(username, await t.login(username));
    const saved = await t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots/saved', headers: politie.headers, payload: { name: 'Woonoverlast Dordt West', note: 'Notitie van de wijkagent', request: SIGNALS_REQUEST } });
    expect(saved.statusCode, saved.body).toBe(201);
    savedId = saved.json().id;
  });

  it.each(Object.entries(readers))('%s: opening it answers %i, with one audit row in either case', async (username, status) => {
    const before = await countRows(t.database, 'audit_log');
    const response = await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${savedId}`, headers: { cookie: sessions.get(username)!.cookie } });
    expect(response.statusCode).toBe(status);
    if (status === 404) expect(response.body).not.toContain('Woonoverlast Dordt West');
    expect(await countRows(t.database, 'audit_log')).toBe(before + 1);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_username', 'subject_id', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'hotspots.read', actor_username: username, subject_id: savedId });
    const detail = (typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail) as { result: string };
    expect(detail.result).toBe(status === 200 ? 'shown' : 'not_visible');
  });

  it.each(Object.entries(readers))('%s: the list holds it only when it may be opened (%i)', async (username, status) => {
    const before = await countRows(t.database, 'audit_log');
    const list = await t.app.inject({ url: '/api/v1/analyses/hotspots/saved?municipality=GM0505', headers: { cookie: sessions.get(username)!.cookie } });
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { id: string }[]).some((i) => i.id === savedId)).toBe(status === 200);
    expect(await countRows(t.database, 'audit_log')).toBe(before + 1);
  });

  it('opens one saved before the facts of its signals were kept to its author only', async () => {
    const legacy = (await t.app.inject({ method: 'POST', url: '/api/v1/analyses/hotspots/saved', headers: politie.headers, payload: { name: 'Van voor de regel', request: SIGNALS_REQUEST } })).json();
    await sql`UPDATE hotspot_analyses SET signal_access = NULL WHERE id = ${legacy.id}`.execute(t.database.db);
    expect((await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${legacy.id}`, headers: { cookie: politie.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/analyses/hotspots/saved/${legacy.id}`, headers: { cookie: manager.cookie } })).statusCode).toBe(404);
  });
});
