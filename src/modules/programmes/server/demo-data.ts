import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Actor, type Database } from '../../../platform/server/index.js';
import { getAreaSeries } from '../../indicators/index.js';
import type { ActivityStatus } from '../contract.js';
import { ActivityInput, GoalInput, ProgrammeInput } from '../contract.js';
import { changeActivityStatus, createActivity, reportProgress } from './activities.service.js';
import { createGoal } from './goals.service.js';
import { findActivityIdsByName } from './activities.queries.js';
import { findGoalRows } from './goals.queries.js';
import { DEMO_ACTIVITY_NAMES, DEMO_PROGRAMME_NAME } from './module-api.js';
import { addAnalysisItem, choosePriority, createPlan, listPlans, setAgenda } from './plans.service.js';
import { findProgrammeRows, findStrategicGoals } from './programmes.queries.js';
import { createProgramme, getProgrammeOptions, setProgrammePublication } from './programmes.service.js';
import { programmesDb } from './programmes.tables.js';

/**
 * Demo data from the council information letter on the Nationaal Programma Dordt West (seed 004): the
 * programme, its ambition, five pillars and ten strategic goals as written there. The operational goals,
 * activities and the neighbourhood plan are ILLUSTRATIVE (the letter gives no SMART goals): goals are marked
 * `isExample`, programme and plan `isDemo`, and the UI labels them. Baselines are read from the real CBS
 * figures the demo loads, so the statuses are computed, not made up.
 */

const FOCUS_AREA = 'FAdordt-west';

const AMBITION =
  'De volgende generatie jeugd groeit gezonder en veiliger op, heeft betere ontwikkelkansen, meer perspectief op werk en een fijnere woon- en leefomgeving. Daarvoor investeren we niet alleen in de jeugd, maar ook in het wonen, werken en leven van de overige bewoners. We groeien met Dordt West naar het Dordts gemiddelde.';

const PILLARS = ['Wonen en fysieke leefomgeving', 'Gezond en samen leven', 'Leren en ontwikkelen', 'Werk en inkomen', 'Leefbaar en veilig'] as const;

const STRATEGIC_GOALS: { name: string; pillar: (typeof PILLARS)[number] }[] = [
  { name: 'Het verbeteren van de fysieke leefomgeving', pillar: 'Wonen en fysieke leefomgeving' },
  { name: 'Het bieden van meer toekomstbestendig wonen', pillar: 'Wonen en fysieke leefomgeving' },
  { name: 'Het verkleinen van gezondheidsachterstanden', pillar: 'Gezond en samen leven' },
  { name: 'Een meer samenredzame gemeenschap', pillar: 'Gezond en samen leven' },
  { name: 'Meer kinderen groeien kansrijk op', pillar: 'Leren en ontwikkelen' },
  { name: 'Meer inwoners krijgen kansen om zich te blijven ontwikkelen', pillar: 'Leren en ontwikkelen' },
  { name: 'Het bieden van een beter perspectief op betaald werk', pillar: 'Werk en inkomen' },
  { name: 'Het bieden van een beter perspectief op een leven lang voldoende en stabiel inkomen', pillar: 'Werk en inkomen' },
  { name: 'Het vergroten van de leefbaarheid', pillar: 'Leefbaar en veilig' },
  { name: 'Het vergroten van de veiligheid', pillar: 'Leefbaar en veilig' },
];

/** Illustrative goals; the baseline is the area's 2020 figure, read at seed time. */
const EXAMPLE_GOALS: { name: string; strategic: number; indicator: string; area: string; target: number | 'municipality_average'; targetDate: string }[] = [
  { name: 'Voorbeeld: Dordt West groeit naar 33.000 inwoners in 2030', strategic: 1, indicator: 'inhabitants', area: FOCUS_AREA, target: 33000, targetDate: '2030-01-01' },
  { name: 'Voorbeeld: Nieuw-Krispijn groeit na herstructurering naar 5.600 inwoners', strategic: 0, indicator: 'inhabitants', area: 'WK050504', target: 5600, targetDate: '2030-01-01' },
  { name: 'Voorbeeld: Wielwijk groeit naar 7.000 inwoners', strategic: 1, indicator: 'inhabitants', area: 'WK050507', target: 7000, targetDate: '2030-01-01' },
  { name: 'Voorbeeld: aandeel eenpersoonshuishoudens naar het Dordts gemiddelde (gevarieerder woningaanbod)', strategic: 1, indicator: 'share_one_person_households', area: FOCUS_AREA, target: 'municipality_average', targetDate: '2043-01-01' },
];

const ORG = {
  gemeente: 'Gemeente Dordrecht',
  politie: 'Politie (demopartner)',
  corporatie: 'Woningcorporatie (demopartner)',
  welzijn: 'Wijkteam welzijn en zorg (demopartner)',
  bewoners: 'Bewonersorganisatie Dordt West (demopartner)',
} as const;
type OrgKey = keyof typeof ORG;

interface DemoActivity {
  name: string;
  description: string;
  owner: OrgKey;
  ownerUser: string | null;
  partners: OrgKey[];
  areas: string[];
  strategic: number[];
  goals: number[];
  start: string;
  end: string;
  path: ActivityStatus[];
  progress: { percent: number; narrative: string }[];
  milestones: { name: string; dueDate: string }[];
}

const ACTIVITIES: DemoActivity[] = [
  {
    name: DEMO_ACTIVITY_NAMES.youthPrevention,
    description: 'Vroegsignalering en begeleiding van jongeren die dreigen af te glijden naar criminaliteit, met jongerenwerk, wijkagenten en jeugdboa’s (voorbeeld).',
    owner: 'politie',
    ownerUser: 'Demo Wijkagent',
    partners: ['gemeente', 'welzijn'],
    areas: ['WK050508'],
    strategic: [9],
    goals: [],
    start: '2023-07-01',
    end: '2026-06-30',
    path: ['planned', 'running'],
    progress: [
      { percent: 40, narrative: 'Groepsaanpak gestart met twee jeugdgroepen; samenwerking met het jongerenwerk loopt.' },
      { percent: 65, narrative: 'Eindevaluatie vertraagd: de cijfers van de tweede tranche ontbreken nog.' },
    ],
    milestones: [
      { name: 'Plan van aanpak positief beoordeeld', dueDate: '2023-06-01' },
      { name: 'Eindevaluatie opgeleverd', dueDate: '2026-06-30' },
    ],
  },
  {
    name: DEMO_ACTIVITY_NAMES.housingRenovation,
    description: 'Groot onderhoud en isolatie van portiekflats, met bewonersbegeleiding tijdens de werkzaamheden (voorbeeld).',
    owner: 'corporatie',
    ownerUser: 'Demo Wijkconsulent',
    partners: ['gemeente', 'bewoners'],
    areas: ['WK050507'],
    strategic: [0, 1],
    goals: [2, 3],
    start: '2024-03-01',
    end: '2028-12-31',
    path: ['planned', 'running'],
    progress: [{ percent: 25, narrative: 'Eerste twee blokken geïsoleerd; bewonersavonden goed bezocht.' }],
    milestones: [
      { name: 'Eerste blok opgeleverd', dueDate: '2025-06-30' },
      { name: 'Alle blokken geïsoleerd', dueDate: '2028-09-30' },
    ],
  },
  {
    name: DEMO_ACTIVITY_NAMES.energyPoverty,
    description: 'Energiehulpen bezoeken huishoudens met hoge energielasten en helpen met kleine maatregelen en regelingen (voorbeeld).',
    owner: 'gemeente',
    ownerUser: 'Demo Programmamanager',
    partners: ['welzijn', 'corporatie'],
    areas: [FOCUS_AREA],
    strategic: [7],
    goals: [],
    start: '2024-01-01',
    end: '2026-12-31',
    path: ['planned', 'running'],
    progress: [{ percent: 70, narrative: 'Ruim 600 huishoudens bezocht; uitbreiding met extra energiehulpen in voorbereiding.' }],
    milestones: [{ name: 'Tussenrapportage aan de raad', dueDate: '2025-10-01' }],
  },
  {
    name: DEMO_ACTIVITY_NAMES.healthySchool,
    description: 'Gezonde schoolomgeving, dagelijks bewegen en buurtsport na schooltijd voor kinderen van 4 tot 12 jaar (voorbeeld).',
    owner: 'welzijn',
    ownerUser: 'Demo Wijkwerker',
    partners: ['gemeente'],
    areas: ['WK050503'],
    strategic: [2, 4],
    goals: [],
    start: '2027-01-01',
    end: '2027-12-31',
    path: ['planned'],
    progress: [],
    milestones: [{ name: 'Scholen aangesloten', dueDate: '2026-12-15' }],
  },
  {
    name: DEMO_ACTIVITY_NAMES.safeRoutes,
    description: 'Samen met bewoners donkere en onveilige looproutes in kaart brengen en de verlichting verbeteren (voorbeeld).',
    owner: 'gemeente',
    ownerUser: null,
    partners: ['politie', 'bewoners'],
    areas: ['WK050504'],
    strategic: [0, 9],
    goals: [1],
    start: '2027-03-01',
    end: '2028-03-01',
    path: [],
    progress: [],
    milestones: [],
  },
  {
    name: DEMO_ACTIVITY_NAMES.debtHelp,
    description: 'Wekelijks inloopspreekuur in het wijkcentrum voor vragen over geld, schulden en regelingen (voorbeeld).',
    owner: 'welzijn',
    ownerUser: 'Demo Wijkwerker',
    partners: ['gemeente'],
    areas: [FOCUS_AREA],
    strategic: [7],
    goals: [],
    start: '2023-09-01',
    end: '2024-12-31',
    path: ['planned', 'running', 'done'],
    progress: [{ percent: 100, narrative: 'Spreekuur is opgenomen in het reguliere aanbod van het wijkteam.' }],
    milestones: [],
  },
];

/** The demo seed acts as the system (audited as such), with a programme manager's rights and no area limit. */
function demoActor(): Actor {
  // The system has no user or organisation id: the audit log records it as "system", as for other seeds.
  return {
    ...SYSTEM_ACTOR,
    displayName: 'Demo-gegevens',
    organisationName: '',
    organisationKind: '',
    roles: ['programme_manager'],
    areaScopes: [],
    locale: 'nl',
    totpEnabled: false,
    via: 'token',
  } as unknown as Actor;
}

async function baselineOf(db: Kysely<Database>, actor: Actor, area: string, indicator: string): Promise<number | null> {
  const series = await getAreaSeries(db, actor, area, indicator);
  return series.items.find((i) => i.period === 2020)?.value ?? null;
}

/** Idempotent: each piece is created only when missing, so a partial earlier run is completed. */
export async function seedDemoProgrammes(db: Kysely<Database>): Promise<void> {
  const actor = demoActor();
  const pdb = programmesDb(db);
  const areaPresent = await db.withTables<{ areas: { code: string } }>().selectFrom('areas').select('code').where('code', '=', FOCUS_AREA).executeTakeFirst();
  if (!areaPresent) return;

  let [programme] = await findProgrammeRows(pdb, { name: DEMO_PROGRAMME_NAME });
  if (!programme) {
    const input = ProgrammeInput.parse({
      name: DEMO_PROGRAMME_NAME,
      municipality: 'GM0505',
      ambition: AMBITION,
      horizonStart: '2023-01-01',
      horizonEnd: '2043-12-31',
      areas: [FOCUS_AREA],
      pillars: [...PILLARS],
      strategicGoals: STRATEGIC_GOALS,
      executionProgrammes: [{ name: 'Uitvoeringsprogramma 2024–2027', periodStart: '2024-01-01', periodEnd: '2027-12-31' }],
    });
    await createProgramme(db, actor, input, { isDemo: true });
    [programme] = await findProgrammeRows(pdb, { name: DEMO_PROGRAMME_NAME });
    // Published for residents when it is made, so a fresh demo shows a real public page (/openbaar); a
    // manager who withdraws it later is not overruled at the next start.
    if (programme) await setProgrammePublication(db, actor, programme.id, true, new Date());
  }
  if (!programme) return;
  const programmeId = programme.id;
  const strategic = await findStrategicGoals(pdb, programmeId);

  const existingGoals = new Set((await findGoalRows(pdb, { programmeId })).map((g) => g.name));
  for (const goal of EXAMPLE_GOALS) {
    if (existingGoals.has(goal.name)) continue;
    const baseline = await baselineOf(db, actor, goal.area, goal.indicator);
    if (baseline === null) continue;
    await createGoal(
      db,
      actor,
      programmeId,
      GoalInput.parse({
        name: goal.name,
        strategicGoalId: strategic[goal.strategic]?.id ?? null,
        indicator: goal.indicator,
        area: goal.area,
        baseline,
        baselineDate: '2020-01-01',
        targetKind: goal.target === 'municipality_average' ? 'municipality_average' : 'fixed',
        ...(goal.target === 'municipality_average' ? {} : { target: goal.target }),
        targetDate: goal.targetDate,
        isExample: true,
      }),
    );
  }
  const goalIds = new Map((await findGoalRows(pdb, { programmeId })).map((g) => [g.name, g.id]));

  const options = await getProgrammeOptions(db);
  const orgId = (key: OrgKey) => options.organisations.find((o) => o.name === ORG[key])?.id;
  const existingActivities = new Set((await findActivityIdsByName(pdb, programmeId)).map((a) => a.name));
  const executionProgrammeId = (await pdb.selectFrom('execution_programmes').select('id').where('programme_id', '=', programmeId).executeTakeFirst())?.id ?? null;
  for (const a of ACTIVITIES) {
    if (existingActivities.has(a.name)) continue;
    const owner = orgId(a.owner);
    const partners = a.partners.map(orgId);
    if (!owner || partners.some((p) => p === undefined)) continue;
    const ownerUser = a.ownerUser ? (options.users.find((u) => u.name === a.ownerUser && u.organisationId === owner)?.id ?? null) : null;
    // Each status change is dated when it would have happened (an idea three months before the start, planned
    // two months before, running at the start, done at the end), never after today: reports count what started
    // and finished in a period.
    const daysBeforeStart = (days: number) => new Date(Date.parse(`${a.start}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const dated = (day: string) => new Date(Math.min(Date.parse(`${day}T09:00:00Z`), Date.now()));
    const changedOn = (status: ActivityStatus) => dated(status === 'planned' ? daysBeforeStart(61) : status === 'done' ? a.end : a.start);
    const created = await createActivity(
      db,
      actor,
      programmeId,
      ActivityInput.parse({
        name: a.name,
        description: a.description,
        executionProgrammeId,
        ownerOrganisationId: owner,
        ownerUserId: ownerUser,
        partnerOrganisationIds: partners,
        areas: a.areas,
        strategicGoalIds: a.strategic.flatMap((i) => (strategic[i] ? [strategic[i].id] : [])),
        operationalGoalIds: a.goals.flatMap((i) => {
          const id = goalIds.get(EXAMPLE_GOALS[i]?.name ?? '');
          return id ? [id] : [];
        }),
        start: a.start,
        end: a.end,
        milestones: a.milestones,
      }),
      { now: a.path.length ? dated(daysBeforeStart(92)) : new Date() },
    );
    for (const [i, status] of a.path.entries()) {
      // Progress is reported while the activity runs, before it closes.
      if (status === 'done') for (const p of a.progress) await reportProgress(db, actor, created.id, p, new Date(changedOn('done').getTime() - 86_400_000));
      await changeActivityStatus(db, actor, created.id, status, i === 0 ? 'Opgenomen in het uitvoeringsprogramma' : '', changedOn(status));
    }
    if (!a.path.includes('done')) for (const p of a.progress) await reportProgress(db, actor, created.id, p);
  }

  const plans = await listPlans(db, actor, { area: FOCUS_AREA });
  if (plans.some((p) => p.isDemo)) return;
  const plan = await createPlan(
    db,
    actor,
    {
      programmeId,
      area: FOCUS_AREA,
      title: 'Wijkontwikkelingsplan Dordt West 2024–2027 (voorbeeld)',
      summary: 'Een voorbeeld van een wijkontwikkelingsplan: de analyse van sterke punten en knelpunten met de cijfers van het gebied, de gekozen prioriteiten en de uitvoeringsagenda. Klein beginnen: het gebied kiest eerst twee thema’s.',
      focusLimit: 3,
    },
    { isDemo: true },
  );
  const items: { kind: 'strength' | 'bottleneck'; theme: string; text: string; indicators: string[] }[] = [
    { kind: 'bottleneck', theme: 'Wonen', text: 'Eenzijdige woningvoorraad met veel kleine, verouderde portiekwoningen; gezinnen vertrekken als ze groeien.', indicators: ['share_one_person_households', 'average_household_size'] },
    { kind: 'strength', theme: 'Opgroeien', text: 'Een jonge wijk met veel kinderen: kansen voor de volgende generatie als school, sport en zorg samenwerken.', indicators: ['share_age_0_14', 'share_households_with_children'] },
    { kind: 'bottleneck', theme: 'Veiligheid', text: 'Zorgen over jongerenoverlast rond de winkelcentra; signalen van partners worden hier gekoppeld zodra de signalenmodule er is.', indicators: [] },
    { kind: 'strength', theme: 'Fysieke leefomgeving', text: 'Veel groen en water in Crabbehof/Zuidhoven en Wielwijk, een basis voor ontmoeting en bewegen.', indicators: ['area_water_ha'] },
  ];
  for (const item of items) await addAnalysisItem(db, actor, plan.id, item);
  await choosePriority(db, actor, plan.id, { theme: 'Kansrijk opgroeien', motivation: 'Past bij de centrale ambitie: de volgende generatie groeit gezonder en veiliger op.', chosenOn: '2024-01-15' });
  await choosePriority(db, actor, plan.id, { theme: 'Toekomstbestendig wonen', motivation: 'Renovatie en verduurzaming zijn al gepland; de wijk sluit hierop aan.', chosenOn: '2024-01-15' });
  const activityIds = new Map((await findActivityIdsByName(pdb, programmeId)).map((a) => [a.name, a.id]));
  const agenda = [DEMO_ACTIVITY_NAMES.youthPrevention, DEMO_ACTIVITY_NAMES.healthySchool, DEMO_ACTIVITY_NAMES.housingRenovation, DEMO_ACTIVITY_NAMES.energyPoverty].flatMap((n) => {
    const id = activityIds.get(n);
    return id ? [id] : [];
  });
  await setAgenda(db, actor, plan.id, agenda);
}
