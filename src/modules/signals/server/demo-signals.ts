import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type AppConfig, type Database } from '../../../platform/server/index.js';
import { createUser, DEMO_PASSWORD, findUsers } from '../../auth/index.js';
import { findBuurtContainingPoint, type PlacedArea } from '../../areas/index.js';
import { linkSignals, insertCase, insertInterventions, insertMeeting, refreshCaseConfidentiality } from './cases.queries.js';
import { pseudonymKeys, pseudonymOf, sealReference, type PseudonymKeys } from './pseudonyms.js';
import { defaultRetentionUntil, isoDay } from './signal-rules.js';
import { insertSignal, type SignalInsert } from './signals.queries.js';
import { signalsDb } from './signals.tables.js';
import { findCategories } from './taxonomy.queries.js';

/**
 * SYNTHETIC demonstration signals in Dordrecht (labelled so in the UI): a seeded random background over the
 * city and planted clusters in three buurten of Dordt West that the hot-spot analysis should find. No real
 * person data: persons are "demo-persoon-NNN". Deterministic: the same seed gives the same points.
 */

export const DEMO_CASE_OFFICER = { username: 'casusregisseur', displayName: 'Demo Casusregisseur' } as const;

/** Mulberry32: small, seeded, good enough to scatter demo points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

interface Planted {
  name: string;
  lon: number;
  lat: number;
  n: number;
  categories: string[];
}

// Centres in Dordt West (wijken 03, 04, 07, 08); spread ~80 m, so each cluster stays in or near one buurt.
export const PLANTED_CLUSTERS: Planted[] = [
  { name: 'Krispijnse Driehoek', lon: 4.6633, lat: 51.8008, n: 70, categories: ['woonoverlast', 'illegale-kamerverhuur', 'verloedering'] },
  { name: 'Van Kinsbergenstraat e.o.', lon: 4.657, lat: 51.7875, n: 60, categories: ['jeugdoverlast', 'verloedering'] },
  { name: 'Crabbehof-Noord', lon: 4.6658, lat: 51.7949, n: 60, categories: ['drugsoverlast', 'verloedering', 'jeugdoverlast'] },
];
// The built-up city, west of the Biesbosch: background noise where people live.
const BACKGROUND = { n: 230, minLon: 4.63, maxLon: 4.725, minLat: 51.775, maxLat: 51.825, categories: ['verloedering', 'verkeersonveiligheid', 'woonoverlast', 'jeugdoverlast', 'drugsoverlast'] };

const DESCRIPTIONS: Record<string, string[]> = {
  woonoverlast: ['Geluidsoverlast in portiek, meerdere avonden', 'Vervuiling rond woning en tuin', 'Burenruzie met bedreigende taal'],
  'illegale-kamerverhuur': ['Veel wisselende bewoners, vermoedelijk kamerverhuur', 'Overbewoning gemeld door buren'],
  verloedering: ['Zwerfafval en grofvuil bij containers', 'Graffiti op gevels', 'Vernielde verlichting in brandgang'],
  jeugdoverlast: ['Groep jongeren hinderlijk aanwezig bij speelplaats', 'Scooters rijden over stoep'],
  drugsoverlast: ['Vermoedelijke drugshandel bij winkelstrip', 'Drugsgebruik in portiek'],
  verkeersonveiligheid: ['Te hard rijden in 30-km-zone', 'Onoverzichtelijke oversteek bij school'],
  ondermijning: ['Vermoedelijke witwasconstructie via winkelpand', 'Signaal van drugsproductie in bedrijfsunit'],
  zorgsignaal: ['Zorgen over vereenzaamde bewoner', 'Vermoedelijke verwaarlozing woning'],
};

const SOURCE_BY_CATEGORY: Record<string, { org: string; regime: string; confidentiality: 'internal' | 'restricted' }> = {
  woonoverlast: { org: 'Woningcorporatie (demopartner)', regime: 'municipal-task', confidentiality: 'internal' },
  'illegale-kamerverhuur': { org: 'Gemeente Dordrecht', regime: 'municipal-task', confidentiality: 'internal' },
  verloedering: { org: 'Gemeente Dordrecht', regime: 'municipal-task', confidentiality: 'internal' },
  jeugdoverlast: { org: 'Politie (demopartner)', regime: 'municipal-task', confidentiality: 'internal' },
  drugsoverlast: { org: 'Politie (demopartner)', regime: 'police-provided', confidentiality: 'internal' },
  verkeersonveiligheid: { org: 'Gemeente Dordrecht', regime: 'municipal-task', confidentiality: 'internal' },
  ondermijning: { org: 'Politie (demopartner)', regime: 'wgs-riec', confidentiality: 'restricted' },
  zorgsignaal: { org: 'Wijkteam welzijn en zorg (demopartner)', regime: 'wgs-zvh', confidentiality: 'restricted' },
};

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_SPAN_MS = Date.UTC(2026, 9, 31) - YEAR_START;

export interface DemoPoint {
  lon: number;
  lat: number;
  category: string;
  occurredAt: Date;
  cluster: string | null;
}

/** The demo points before placing them in buurten; pure and deterministic. */
export function demoPoints(seed = 505): DemoPoint[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const when = () => new Date(YEAR_START + Math.floor(rand() * YEAR_SPAN_MS / 60_000) * 60_000);
  const points: DemoPoint[] = [];
  for (const c of PLANTED_CLUSTERS) {
    for (let i = 0; i < c.n; i += 1) {
      points.push({ lon: c.lon + gaussian(rand) * 0.0012, lat: c.lat + gaussian(rand) * 0.0008, category: pick(c.categories), occurredAt: when(), cluster: c.name });
    }
  }
  for (let i = 0; i < BACKGROUND.n * 3; i += 1) {
    points.push({
      lon: BACKGROUND.minLon + rand() * (BACKGROUND.maxLon - BACKGROUND.minLon),
      lat: BACKGROUND.minLat + rand() * (BACKGROUND.maxLat - BACKGROUND.minLat),
      category: pick(BACKGROUND.categories),
      occurredAt: when(),
      cluster: null,
    });
  }
  return points;
}

async function ensureCaseOfficer(db: Kysely<Database>, gemeenteId: string): Promise<void> {
  const users = await findUsers(db);
  if (users.some((u) => u.username === DEMO_CASE_OFFICER.username)) return;
  await createUser(
    db,
    SYSTEM_ACTOR,
    { username: DEMO_CASE_OFFICER.username, displayName: DEMO_CASE_OFFICER.displayName, password: DEMO_PASSWORD, organisationId: gemeenteId, roles: ['case_officer'], areaScopes: [] },
    { isDemo: true },
  );
}

function subject(keys: PseudonymKeys, kind: 'person' | 'group', reference: string) {
  return { kind, pseudonym: pseudonymOf(keys, kind, reference), sealedReference: sealReference(keys, reference) };
}

/** Idempotent: does nothing once demo signals exist, or while the organisations or buurten are missing. */
export async function seedDemoSignals(db: Kysely<Database>, config?: AppConfig): Promise<void> {
  if (!config) return;
  const sdb = signalsDb(db);
  const organisations = await sdb.selectFrom('organisations').select(['id', 'name']).execute();
  const orgId = new Map(organisations.map((o) => [o.name, o.id]));
  const gemeenteId = orgId.get('Gemeente Dordrecht');
  if (!gemeenteId || !Object.values(SOURCE_BY_CATEGORY).every((s) => orgId.has(s.org))) return;
  await ensureCaseOfficer(db, gemeenteId);
  const existing = await sdb.selectFrom('signals').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  if (existing) return;
  if (!(await findBuurtContainingPoint(db, PLANTED_CLUSTERS[0]!, { municipality: 'GM0505' }))) return;

  const keys = pseudonymKeys(config.sessionSecret);
  const categories = new Map((await findCategories(sdb)).map((c) => [c.code, c]));
  const today = isoDay(new Date());
  const inserts: SignalInsert[] = [];
  let background = 0;
  let personNo = 0;
  const person = () => `demo-persoon-${String((personNo++ % 40) + 1).padStart(3, '0')}`;
  for (const [index, p] of demoPoints().entries()) {
    if (!p.cluster && background >= BACKGROUND.n) continue;
    const place: PlacedArea | null = await findBuurtContainingPoint(db, p, { municipality: 'GM0505' });
    if (!place) continue;
    if (!p.cluster) background += 1;
    const source = SOURCE_BY_CATEGORY[p.category]!;
    const category = categories.get(p.category)!;
    const subjects = category.allows_persons && index % 4 === 0 ? [subject(keys, 'person', person())] : category.allows_groups && index % 5 === 0 ? [subject(keys, 'group', `demo-groep-${String((index % 6) + 1).padStart(2, '0')}`)] : [];
    inserts.push(demoInsert(p, place, source, category.default_retention_months, today, orgId, subjects, index));
  }
  // A few restricted signals: criminal-law and care data, seen only by the partners of their regime.
  const restricted: [string, { lon: number; lat: number }][] = [
    ['ondermijning', { lon: 4.6705, lat: 51.7990 }],
    ['ondermijning', { lon: 4.6612, lat: 51.8050 }],
    ['ondermijning', { lon: 4.6580, lat: 51.7985 }],
    ['zorgsignaal', { lon: 4.6640, lat: 51.8005 }],
    ['zorgsignaal', { lon: 4.6560, lat: 51.7880 }],
  ];
  for (const [i, [code, point]] of restricted.entries()) {
    const place = await findBuurtContainingPoint(db, point, { municipality: 'GM0505' });
    if (!place) continue;
    const category = categories.get(code)!;
    inserts.push(demoInsert({ ...point, category: code, occurredAt: new Date(Date.UTC(2026, 8, 3 + i * 5, 14, 0)), cluster: null }, place, SOURCE_BY_CATEGORY[code]!, category.default_retention_months, today, orgId, [subject(keys, 'person', person())], 10_000 + i));
  }

  await db.transaction().execute(async (tx) => {
    const t = signalsDb(tx);
    const ids: string[] = [];
    for (const row of inserts) {
      const id = await insertSignal(t, row);
      if (id) ids.push(id);
    }
    await withAudit(tx, SYSTEM_ACTOR, 'signals.demo_seed', { type: 'signal' }, { signals: ids.length, synthetic: true, clusters: PLANTED_CLUSTERS.map((c) => c.name) });
    // One demonstration case around a (fictitious) address in the first cluster.
    const caseSignals = await t
      .selectFrom('signals')
      .select(['id', 'area_code', 'wijk_code'])
      .where('is_demo', '=', true)
      .where('category', '=', 'woonoverlast')
      .where('lon', '>', PLANTED_CLUSTERS[0]!.lon - 0.002)
      .where('lon', '<', PLANTED_CLUSTERS[0]!.lon + 0.002)
      .where('lat', '>', PLANTED_CLUSTERS[0]!.lat - 0.0015)
      .where('lat', '<', PLANTED_CLUSTERS[0]!.lat + 0.0015)
      .orderBy('occurred_at')
      .limit(4)
      .execute();
    const first = caseSignals[0];
    if (!first) return;
    const caseId = await insertCase(t, {
      municipalityCode: 'GM0505',
      title: 'Aanhoudende woonoverlast portiekflat (synthetisch)',
      focusKind: 'address',
      focusAddress: 'Demostraat 1 (fictief adres)',
      focusPseudonym: null,
      areaCode: first.area_code,
      wijkCode: first.wijk_code,
      category: 'woonoverlast',
      legalRegime: 'municipal-task',
      confidentiality: 'internal',
      purpose: 'Gezamenlijke aanpak woonoverlast door gemeente, corporatie en politie',
      ownerOrganisationId: gemeenteId,
      createdBy: null,
    });
    await linkSignals(t, caseId, caseSignals.map((s) => s.id), null);
    await refreshCaseConfidentiality(t, [caseId]);
    const meetingId = await insertMeeting(t, {
      caseId,
      heldOn: '2026-10-15',
      attendees: 'Gemeente (casusregie), woningcorporatie, wijkagent',
      decisions: ['Gezamenlijk huisbezoek door corporatie en wijkagent', 'Gedragsaanwijzing voorbereiden als overlast aanhoudt'],
      createdBy: null,
    });
    await insertInterventions(t, [
      { caseId, meetingId, kind: 'preventive', description: 'Huisbezoek en keukentafelgesprek', ownerOrganisationId: orgId.get('Woningcorporatie (demopartner)')!, dueDate: '2026-11-01' },
      { caseId, meetingId, kind: 'repressive', description: 'Voorbereiden gedragsaanwijzing (art. 151d Gemeentewet)', ownerOrganisationId: gemeenteId, dueDate: '2026-12-15' },
    ]);
    await withAudit(tx, SYSTEM_ACTOR, 'signals.case_create', { type: 'signal_case', id: caseId }, { demo: true, signals: caseSignals.length });
  });
}

function demoInsert(
  p: DemoPoint,
  place: PlacedArea,
  source: { org: string; regime: string; confidentiality: 'internal' | 'restricted' },
  retentionMonths: number,
  today: string,
  orgId: Map<string, string>,
  subjects: SignalInsert['subjects'],
  index: number,
): SignalInsert {
  const texts = DESCRIPTIONS[p.category] ?? ['Signaal'];
  return {
    municipalityCode: place.municipalityCode,
    category: p.category,
    occurredAt: p.occurredAt,
    lon: Math.round(p.lon * 1e6) / 1e6,
    lat: Math.round(p.lat * 1e6) / 1e6,
    address: null,
    areaCode: place.code,
    wijkCode: place.wijkCode,
    description: `${texts[index % texts.length]} (synthetische demonstratiegegevens)`,
    details: {},
    sourceOrganisationId: orgId.get(source.org)!,
    registeredBy: null,
    confidentiality: source.confidentiality,
    legalRegime: source.regime,
    purpose: 'Demonstratie van de gebiedsgerichte aanpak Dordt West (synthetisch)',
    retentionUntil: defaultRetentionUntil(today, retentionMonths),
    isDemo: true,
    importId: null,
    externalKey: `demo-${index}`,
    subjects,
  };
}
