import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Actor, type Database } from '../../../platform/server/index.js';
import { loadAreaOptions } from './area-options.service.js';
import { findWijkbudgets } from './initiatives.queries.js';
import { initiativesDb } from './initiatives.tables.js';
import { submitInitiative } from './submit.service.js';
import { createWijkbudget, yearOf } from './wijkbudget.service.js';
import { assessInitiative, changeStatus } from './workflow.service.js';

/** The demo's wijkbudget: Wielwijk, a wijk of Dordt West, for the current year. Amount and threshold illustrative. */
export const DEMO_WIJK = 'WK050507';
export const DEMO_WIJKBUDGET_CENTS = 2_500_000;

/**
 * Example initiatives, clearly labelled as such (title "Voorbeeld: …", `is_example`), not real residents, with
 * contact details at example.org: one assessed and ready for a grant decision, one found admissible and waiting
 * for assessment, one just in. None is granted: a grant would add an activity and a budget line to the demo
 * programme, whose hand-checked money figures (docs/finance.md) other pages and tests rely on.
 */
const EXAMPLES = [
  { title: 'Voorbeeld: moestuin bij de speeltuin', goal: 'Een meer samenredzame gemeenschap', costCents: 350_000, step: 'assessed', description: 'Een gezamenlijke moestuin naast de speeltuin, onderhouden door buren en de basisschool. Voorbeeldinitiatief van de demo.' },
  { title: 'Voorbeeld: bankjes en bloembakken op het pleintje', goal: 'Het verbeteren van de fysieke leefomgeving', costCents: 120_000, step: 'admissible', description: 'Drie bankjes en bloembakken, zodat ouderen en ouders er kunnen zitten. Voorbeeldinitiatief van de demo.' },
  { title: 'Voorbeeld: huiswerkclub in het buurthuis', goal: 'Meer kinderen groeien kansrijk op', costCents: 800_000, step: 'submitted', description: 'Twee middagen per week huiswerkbegeleiding door vrijwilligers. Voorbeeldinitiatief van de demo.' },
] as const;

async function demoActor(db: Kysely<Database>): Promise<Actor | null> {
  const gemeente = await db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'gemeente').orderBy('created_at').executeTakeFirst();
  if (!gemeente) return null;
  // The system, audited as such, acting for the municipality (an activity needs an owner organisation).
  return { ...SYSTEM_ACTOR, organisationId: gemeente.id, organisationName: gemeente.name, displayName: 'Demo-gegevens', organisationKind: 'gemeente', roles: ['programme_manager', 'finance'], areaScopes: [], locale: 'nl', totpEnabled: false, via: 'token' } as unknown as Actor;
}

/** Idempotent: does nothing once the demo wijkbudget of this year exists, or while the programme is not loaded. */
export async function seedInitiativesDemo(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const year = yearOf(now);
  if ((await findWijkbudgets(initiativesDb(db), { year, areaCodes: [DEMO_WIJK] })).length) return;
  const { areas, goals } = await loadAreaOptions(db);
  const wijk = areas.get(DEMO_WIJK);
  const actor = await demoActor(db);
  if (!wijk || !actor) return;
  await createWijkbudget(db, actor, { areaCode: DEMO_WIJK, year, totalCents: DEMO_WIJKBUDGET_CENTS, fourEyesThresholdCents: 500_000 }, now, { isDemo: true });
  const buurt = [...areas.values()].find((a) => a.wijkCode === DEMO_WIJK && a.level === 'buurt') ?? wijk;
  for (const [i, example] of EXAMPLES.entries()) {
    const goal = [...goals.values()].find((g) => g.name === example.goal && wijk.goalIds.includes(g.id));
    if (!goal) continue;
    const area = i === 0 ? buurt : wijk;
    const { id } = await submitInitiative(
      db,
      { title: example.title, description: example.description, areaCode: area.code, place: 'Voorbeeldplek', costCents: example.costCents, goalId: goal.id, contact: { name: `Voorbeeldbewoner ${i + 1}`, email: `voorbeeld${i + 1}@example.org`, phone: '' } },
      now,
      { isExample: true },
    );
    if (example.step === 'submitted') continue;
    await changeStatus(db, actor, id, { to: 'ontvankelijk', reason: 'Past binnen de regels van het wijkbudget (voorbeeld).' }, now);
    if (example.step === 'admissible') continue;
    await assessInitiative(db, actor, id, { rubric: { goal: 3, support: 2, feasibility: 2, value: 2 }, reason: 'Draagt duidelijk bij aan het doel; steun van buren en school (voorbeeld).' }, now);
  }
}
