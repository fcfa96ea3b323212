import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type Database } from '../../../platform/server/index.js';
import type { MkbaActor } from '../contract.js';
import { findDemoProgrammeId, listGoalsOfActivities } from '../../programmes/index.js';
import { learningDb, type LearningDb } from './learning.tables.js';
import * as lq from './linked-benefits.queries.js';
import * as q from './mkba.queries.js';

/**
 * Demo MKBA for Dordt West: the package "Aanpak jongeren en overlast". Every figure here is illustrative —
 * made up to show the calculator, not taken from a study — and the MKBA is stored with is_demo, which the
 * pages show as "Voorbeeld". Idempotent: nothing happens when it is there, or while the focus area is not.
 */

const AREA = 'FAdordt-west';
const NAME = 'Aanpak jongeren en overlast Dordt West (voorbeeld)';
const BASE_YEAR = 2026;
const HORIZON = 10;

type DemoLine = { kind: 'cost' | 'benefit'; actor: MkbaActor; from: number; to?: number; euros: number | null; description: string; measure?: number };

const yearsOf = (l: DemoLine) => Array.from({ length: (l.to ?? l.from) - l.from + 1 }, (_, i) => l.from + i);

const ALTERNATIVES: { name: string; description: string; measures: string[]; lines: DemoLine[] }[] = [
  {
    name: 'Integrale aanpak',
    description: 'Jongerenwerk en straatcoaches vijf jaar lang, en de hangplekken opnieuw ingericht.',
    measures: ['Jongerenwerk en straatcoaches', 'Herinrichting speel- en hangplekken'],
    lines: [
      { kind: 'cost', actor: 'gemeente', from: 2026, to: 2030, euros: 180_000, description: 'Jongerenwerk (voorbeeldbedrag)', measure: 0 },
      { kind: 'cost', actor: 'gemeente', from: 2026, to: 2030, euros: 90_000, description: 'Straatcoaches (voorbeeldbedrag)', measure: 0 },
      { kind: 'cost', actor: 'gemeente', from: 2026, euros: 250_000, description: 'Herinrichting openbare ruimte (voorbeeldbedrag)', measure: 1 },
      { kind: 'cost', actor: 'corporatie', from: 2026, euros: 100_000, description: 'Verlichting en hekwerk bij de flats (voorbeeldbedrag)', measure: 1 },
      { kind: 'benefit', actor: 'politie', from: 2027, to: 2036, euros: 60_000, description: 'Minder meldingen jeugdoverlast × kosten per melding (voorbeeld)' },
      { kind: 'benefit', actor: 'bewoners', from: 2027, to: 2036, euros: 80_000, description: 'Minder overlast ervaren (voorbeeldwaardering)' },
      { kind: 'benefit', actor: 'corporatie', from: 2027, to: 2036, euros: 25_000, description: 'Minder vernieling en schoonmaak (voorbeeld)', measure: 1 },
      { kind: 'benefit', actor: 'zorg', from: 2028, to: 2036, euros: 30_000, description: 'Minder zorg- en hulpverleningstrajecten (voorbeeld)', measure: 0 },
      { kind: 'benefit', actor: 'bewoners', from: 2027, euros: null, description: 'Meer vertrouwen van bewoners in elkaar en in de buurt' },
      { kind: 'benefit', actor: 'rijk', from: 2030, euros: null, description: 'Minder doorstroom van jongeren naar criminaliteit op lange termijn' },
    ],
  },
  {
    name: 'Alleen herinrichting',
    description: 'Alleen de speel- en hangplekken opnieuw ingericht, zonder extra jongerenwerk.',
    measures: ['Herinrichting speel- en hangplekken'],
    lines: [
      { kind: 'cost', actor: 'gemeente', from: 2026, euros: 250_000, description: 'Herinrichting openbare ruimte (voorbeeldbedrag)', measure: 0 },
      { kind: 'cost', actor: 'corporatie', from: 2026, euros: 100_000, description: 'Verlichting en hekwerk bij de flats (voorbeeldbedrag)', measure: 0 },
      { kind: 'benefit', actor: 'politie', from: 2027, to: 2036, euros: 15_000, description: 'Minder meldingen jeugdoverlast (voorbeeld)' },
      { kind: 'benefit', actor: 'bewoners', from: 2027, to: 2036, euros: 20_000, description: 'Minder overlast ervaren (voorbeeldwaardering)' },
      { kind: 'benefit', actor: 'corporatie', from: 2027, to: 2036, euros: 10_000, description: 'Minder vernieling (voorbeeld)', measure: 0 },
    ],
  },
];

/**
 * The linked benefit of the demo: the programmes module's illustrative goal "Dordt West groeit naar 33.000
 * inwoners in 2030" (its baseline is the real 2020 CBS figure) × a made-up value per extra inhabitant. The
 * goal is the demo programme's; without it (programmes' demo not loaded) the MKBA has no linked benefit.
 */
const DEMO_GOAL_NAME = 'Voorbeeld: Dordt West groeit naar 33.000 inwoners in 2030';
const DEMO_LINKED_BENEFIT = {
  actor: 'gemeente',
  unit_value_cents: 500,
  unit_value_source: 'Illustratief: € 5 per extra inwoner per jaar, verzonnen om de koppeling met een doel te laten zien; geen bron.',
  description: 'Meer inwoners blijven en komen wonen in Dordt West (voorbeeld)',
} as const;

export async function seedMkbaDemo(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const ldb = learningDb(tx);
    const existing = await q.findMkbaByName(ldb, AREA, NAME);
    if (existing) {
      // An MKBA seeded before linked benefits existed gets its linked benefit now.
      await seedLinkedBenefit(tx, existing.id);
      return;
    }
    // The focus area is the areas module's demo data; it appears once the demo wijken are imported.
    const { rows } = await sql<{ one: number }>`SELECT 1 AS one FROM areas WHERE code = ${AREA}`.execute(tx);
    if (rows.length === 0) return;
    const id = await q.insertMkba(ldb, {
      municipality_code: 'GM0505',
      area_code: AREA,
      name: NAME,
      null_alternative: 'Zonder het pakket blijven jongerenwerk en handhaving op het huidige niveau; de overlast blijft zoals in de afgelopen jaren. (Voorbeeld: alle bedragen in dit MKBA zijn verzonnen om de rekenhulp te laten zien.)',
      base_year: BASE_YEAR,
      horizon_years: HORIZON,
      discount_rate_bp: 225,
      rate_justification: null,
      created_by: null,
      is_demo: true,
    });
    await withAudit(tx, SYSTEM_ACTOR, 'mkba.create', { type: 'mkba', id }, { area: AREA, name: NAME, demo: true });
    for (const alternative of ALTERNATIVES) await seedAlternative(ldb, id, alternative);
    await seedLinkedBenefit(tx, id);
  });
}

async function seedLinkedBenefit(tx: Kysely<Database>, mkbaId: string): Promise<void> {
  const ldb = learningDb(tx);
  const [first] = await q.findAlternatives(ldb, mkbaId);
  if (!first || (await lq.findLinkedBenefits(ldb, [first.id])).length > 0) return;
  const programmeId = await findDemoProgrammeId(tx);
  if (!programmeId) return;
  const goal = (await listGoalsOfActivities(tx, programmeId)).operationalGoals.find((g) => g.name === DEMO_GOAL_NAME);
  if (!goal) return;
  const values: lq.LinkedBenefitValues = { alternative_id: first.id, measure_id: null, goal_id: goal.id, quantity_kind: 'none', quantity_value: null, quantity_source: null, ...DEMO_LINKED_BENEFIT };
  const id = await lq.insertLinkedBenefit(ldb, values);
  await withAudit(tx, SYSTEM_ACTOR, 'mkba.linked_benefit.create', { type: 'mkba_linked_benefit', id }, { ...values, demo: true });
}

async function seedAlternative(ldb: LearningDb, mkbaId: string, alternative: (typeof ALTERNATIVES)[number]): Promise<void> {
  const alternativeId = await q.insertAlternative(ldb, { mkba_id: mkbaId, name: alternative.name, description: alternative.description });
  const measureIds: string[] = [];
  for (const name of alternative.measures) measureIds.push(await q.insertMeasure(ldb, { alternative_id: alternativeId, name, description: '' }));
  for (const line of alternative.lines) {
    for (const year of yearsOf(line)) {
      await q.insertLine(ldb, {
        alternative_id: alternativeId,
        measure_id: line.measure === undefined ? null : (measureIds[line.measure] ?? null),
        kind: line.kind,
        actor: line.actor,
        year,
        amount_cents: line.euros === null ? null : line.euros * 100,
        description: line.description,
      });
    }
  }
}
