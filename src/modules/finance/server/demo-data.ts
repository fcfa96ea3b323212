import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, type Database, type Role } from '../../../platform/server/index.js';
import { DEMO_ACTIVITY_NAMES, findDemoActivityIdsByName, findDemoProgrammeId } from '../../programmes/index.js';
import { daysBetween, daysInYear, isoDay } from '../money/forecast.js';
import { createBudgetLine } from './budget.service.js';
import { apportion } from '../money/cents.js';
import { createEntry, decide } from './entries.service.js';
import type { FinanceActor } from './finance-scope.js';
import { entryWithDocumentExists, findFundingSources, findLines, lineExists } from './finance.queries.js';
import { financeDb } from './finance.tables.js';
import { createFundingSource } from './funding.service.js';
import { createProposal, findProposalIdByTitle } from './proposals.service.js';

/**
 * Demo money, seeded through the services so every row is audited as the system. Real figures from the seed
 * documents: the Preventie met Gezag total (€ 4.301.208, four yearly tranches through June 2026) and the
 * budget proposal "Project leefbaarheid wijken" (19/56/56/56 × € 1.000, half paid by the housing
 * corporation). How the total splits over tranches, their dates, the other amounts and all spend are
 * illustrative and flagged so; the UI says so.
 */
const DEMO_ACTOR: FinanceActor = { ...SYSTEM_ACTOR, displayName: 'Systeem (demogegevens)', roles: ['finance'] };

export const DEMO_SOURCES = {
  preventie: 'Preventie met Gezag',
  agenda2030: 'Cofinanciering Agenda Dordrecht 2030 – Dordt West',
  programmabureau: 'Inzet programmabureau Dordt West (uitgeleende formatie partners)',
  gezond: 'Gezonde leefomgeving (VWS) – Dordt West',
  veiligheid: 'Gemeentelijk budget Veiligheid – project leefbaarheid wijken',
  area: 'Bijdrage woningcorporatie – inhuur externe projectleider',
} as const;

export const DEMO_PROPOSAL_TITLE = 'Project leefbaarheid wijken';

async function organisationId(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

async function seedSources(db: Kysely<Database>): Promise<Map<string, string>> {
  const corporatie = await organisationId(db, 'Woningcorporatie (demopartner)');
  const politie = await organisationId(db, 'Politie (demopartner)');
  const zorg = await organisationId(db, 'Wijkteam welzijn en zorg (demopartner)');
  const tranche = 107_530_200; // € 4.301.208 in four equal tranches of € 1.075.302
  const sources = [
    {
      name: DEMO_SOURCES.preventie,
      kind: 'rijkssubsidie' as const,
      funderName: 'Ministerie van Justitie en Veiligheid',
      totalCents: 430_120_800,
      conditions:
        'Voor de aanpak Preventie met Gezag in stedelijk focusgebied Dordt West: de preventieve aanpak en de gezagskant (Zorg- en Veiligheidshuis, gecertificeerde instellingen, jeugdboa’s). Niet bestede middelen worden teruggevorderd. Deelname aan de leerkring is verplicht.',
      spendFrom: '2023-07-01',
      spendUntil: '2026-06-30',
      repayUnspent: true,
      viaMunicipalBudget: true,
      reference: 'Plan van aanpak april 2023',
      tranches: [
        { amountCents: tranche, dueDate: '2023-07-01', receivedDate: '2023-07-12', receivedCents: tranche },
        { amountCents: tranche, dueDate: '2024-03-01', receivedDate: '2024-03-06', receivedCents: tranche },
        { amountCents: tranche, dueDate: '2025-03-01', receivedDate: '2025-03-04', receivedCents: tranche },
        { amountCents: tranche, dueDate: '2026-03-01', receivedDate: null },
      ],
      obligations: [
        { kind: 'voortgangsrapportage', dueDate: '2024-07-01', description: 'Voortgang eerste jaar aan het ministerie', deliveredOn: '2024-06-24' },
        { kind: 'voortgangsrapportage', dueDate: '2025-07-01', description: 'Voortgang tweede jaar aan het ministerie', deliveredOn: '2025-06-30' },
        { kind: 'schriftelijke_verantwoording', dueDate: '2026-12-31', description: 'Inhoudelijke en financiële eindverantwoording over de hele periode' },
      ],
    },
    {
      name: DEMO_SOURCES.agenda2030,
      kind: 'cofinanciering' as const,
      funderName: 'Gemeente Dordrecht',
      totalCents: 150_000_000,
      conditions: 'Cofinanciering van het Nationaal Programma Leefbaarheid en Veiligheid uit de Agenda Dordrecht 2030.',
      spendFrom: '2023-01-01',
      spendUntil: '2027-12-31',
      repayUnspent: false,
      viaMunicipalBudget: true,
      reference: 'Agenda Dordrecht 2030',
      tranches: [],
      obligations: [],
    },
    {
      name: DEMO_SOURCES.programmabureau,
      kind: 'inzet_in_natura' as const,
      funderName: 'Partners van de Alliantie Dordt West',
      funderOrganisationId: corporatie,
      coFinancerOrganisationIds: [politie, zorg].filter((id): id is string => id !== null),
      totalCents: 45_000_000,
      conditions: 'Partners lenen formatie uit aan het integrale programmabureau; gewaardeerd tegen loonkosten.',
      spendFrom: '2024-01-01',
      spendUntil: '2027-12-31',
      repayUnspent: false,
      viaMunicipalBudget: false,
      reference: '',
      tranches: [],
      obligations: [],
    },
    {
      name: DEMO_SOURCES.gezond,
      kind: 'rijkssubsidie' as const,
      funderName: 'Ministerie van Volksgezondheid, Welzijn en Sport',
      totalCents: 36_000_000,
      conditions: 'Stimuleren van een gezonde leefomgeving in de 20 gebieden van het Nationaal Programma (2,4 miljoen per jaar, 2023–2025, voor alle gebieden samen).',
      spendFrom: '2023-09-01',
      spendUntil: '2025-12-31',
      repayUnspent: true,
      viaMunicipalBudget: true,
      reference: '',
      tranches: [
        { amountCents: 12_000_000, dueDate: '2023-10-01', receivedDate: '2023-10-10', receivedCents: 12_000_000 },
        { amountCents: 12_000_000, dueDate: '2024-04-01', receivedDate: '2024-04-03', receivedCents: 12_000_000 },
        { amountCents: 12_000_000, dueDate: '2025-04-01', receivedDate: '2025-04-02', receivedCents: 12_000_000 },
      ],
      obligations: [{ kind: 'financiele_verantwoording', dueDate: '2026-07-01', description: 'Verantwoording via SiSa-bijlage' }],
    },
    {
      name: DEMO_SOURCES.veiligheid,
      kind: 'gemeentelijk_budget' as const,
      funderName: 'Gemeente Dordrecht, programma Veiligheid',
      totalCents: 18_700_000,
      conditions: 'Structureel budget taakveld Openbare orde en veiligheid.',
      spendFrom: '2021-01-01',
      spendUntil: '2024-12-31',
      repayUnspent: false,
      viaMunicipalBudget: true,
      reference: 'Fcl/Ecl 41400175/30000',
      tranches: [],
      obligations: [],
    },
    {
      name: DEMO_SOURCES.area,
      kind: 'partnerbijdrage' as const,
      funderName: 'Woningcorporatie (demopartner)',
      funderOrganisationId: corporatie,
      totalCents: 18_700_000,
      conditions: 'De corporatie betaalt de helft van de inhuurkosten van de externe projectleider rechtstreeks.',
      spendFrom: '2021-01-01',
      spendUntil: '2024-12-31',
      repayUnspent: false,
      viaMunicipalBudget: false,
      reference: '',
      tranches: [],
      obligations: [],
    },
  ];
  const existing = new Map((await findFundingSources(financeDb(db), {})).map((s) => [s.name, s.id]));
  for (const source of sources) {
    if (existing.has(source.name)) continue;
    const { id } = await createFundingSource(db, DEMO_ACTOR, { coFinancerOrganisationIds: [], funderOrganisationId: null, ...source }, { illustrative: true });
    existing.set(source.name, id);
  }
  return existing;
}

async function seedProposal(db: Kysely<Database>, sources: Map<string, string>): Promise<void> {
  if (await findProposalIdByTitle(db, DEMO_PROPOSAL_TITLE)) return;
  const veiligheid = sources.get(DEMO_SOURCES.veiligheid);
  const area = sources.get(DEMO_SOURCES.area);
  if (!veiligheid || !area) return;
  await createProposal(
    db,
    DEMO_ACTOR,
    {
      title: DEMO_PROPOSAL_TITLE,
      reference: 'Fcl/Ecl 41400175/30000',
      subject: 'Offerte 2021-2024, programma Veiligheid, taakveld Openbare orde en veiligheid',
      activityId: null,
      firstYear: 2021,
      lastYear: 2024,
      structural: true,
      // The hire of the external project leader, gross; the corporation pays half of it directly.
      operating: [
        { year: 2021, amountCents: 3_800_000 },
        { year: 2022, amountCents: 11_200_000 },
        { year: 2023, amountCents: 11_200_000 },
        { year: 2024, amountCents: 11_200_000 },
      ],
      financing: [
        { fundingSourceId: veiligheid, shareBp: 5000 },
        { fundingSourceId: area, shareBp: 5000 },
      ],
      investment: null,
      interestBp: 150,
      reserveCoversCapital: false,
    },
    { illustrative: true },
  );
}

/**
 * Budget lines of the demo programme. One line is spent ahead of the calendar, so the overview shows an
 * overrun signal whatever day the demo starts: its spend so far is 115 % of the pro-rata budget, a
 * forecast-overrun warning. From late November that would pass the budget itself; the line is then 5 % over
 * budget, an alert.
 */
async function seedBudget(db: Kysely<Database>, sources: Map<string, string>, now: Date): Promise<void> {
  const activities = await findDemoActivityIdsByName(db);
  if (activities.size === 0) return;
  const year = now.getUTCFullYear();
  const today = isoDay(now);
  const src = (name: string) => sources.get(name) ?? '';
  const plan = [
    { activity: DEMO_ACTIVITY_NAMES.youthPrevention, year: 2023, description: 'Jongerenwerk en jeugdboa’s', amountCents: 40_000_000, allocations: [{ fundingSourceId: src(DEMO_SOURCES.preventie), shareBp: 10_000 }], spent: 35_000_000 },
    { activity: DEMO_ACTIVITY_NAMES.youthPrevention, year: 2024, description: 'Jongerenwerk en jeugdboa’s', amountCents: 120_000_000, allocations: [{ fundingSourceId: src(DEMO_SOURCES.preventie), shareBp: 10_000 }], spent: 115_000_000 },
    { activity: DEMO_ACTIVITY_NAMES.youthPrevention, year: 2025, description: 'Jongerenwerk en jeugdboa’s', amountCents: 145_000_000, allocations: [{ fundingSourceId: src(DEMO_SOURCES.preventie), shareBp: 10_000 }], spent: 132_500_000 },
    { activity: DEMO_ACTIVITY_NAMES.youthPrevention, year: 2026, description: 'Jongerenwerk en jeugdboa’s', amountCents: 72_500_000, allocations: [{ fundingSourceId: src(DEMO_SOURCES.preventie), shareBp: 10_000 }], spent: 61_000_000 },
    { activity: DEMO_ACTIVITY_NAMES.energyPoverty, year, description: 'Energiehulpen: inzet en kleine maatregelen', amountCents: 18_000_000, allocations: [{ fundingSourceId: src(DEMO_SOURCES.agenda2030), shareBp: 10_000 }], overrun: true },
    { activity: DEMO_ACTIVITY_NAMES.housingRenovation, year, description: 'Procesbegeleiding bewoners bij renovatie', amountCents: 9_000_000, allocations: [{ fundingSourceId: src(DEMO_SOURCES.agenda2030), amountCents: 4_500_000 }, { fundingSourceId: src(DEMO_SOURCES.programmabureau), shareBp: 5000 }], share: 0.5 },
    { activity: DEMO_ACTIVITY_NAMES.debtHelp, year, description: 'Inloopspreekuur: ruimte en coördinatie', amountCents: 6_000_000, allocations: [{ fundingSourceId: src(DEMO_SOURCES.agenda2030), shareBp: 10_000 }], share: 0.6 },
  ];
  for (const item of plan) {
    const activityId = activities.get(item.activity);
    if (!activityId || item.allocations.some((a) => !a.fundingSourceId)) continue;
    if (await lineExists(financeDb(db), { activityId, year: item.year, description: item.description })) continue;
    const { id } = await createBudgetLine(db, DEMO_ACTOR, { activityId, year: item.year, description: item.description, amountCents: item.amountCents, allocations: item.allocations });
    const elapsed = item.year === year ? Math.min(daysBetween(`${year}-01-01`, today) + 1, daysInYear(year)) / daysInYear(year) : 1;
    const spentShare = item.overrun ? (1.15 * elapsed <= 1 ? 1.15 * elapsed : 1.05) : Math.min(1, (item.share ?? 0) * elapsed);
    const spent = item.spent ?? Math.round(item.amountCents * spentShare);
    // Spend on the subsidy stops at its deadline (June 2026).
    await seedSpend(db, id, item.year, spent, item.activity === DEMO_ACTIVITY_NAMES.youthPrevention && today > '2026-06-30' ? '2026-06-30' : today, now);
  }
}

/** The demo users who book and approve spend (four-eyes); null when the demo accounts are not there. */
async function demoPair(db: Kysely<Database>): Promise<{ submitter: FinanceActor; approver: FinanceActor } | null> {
  const load = async (username: string, role: Role): Promise<FinanceActor | null> => {
    const user = await db.selectFrom('users').select(['id', 'username', 'display_name', 'organisation_id']).where('username', '=', username).executeTakeFirst();
    return user ? { userId: user.id, username: user.username, organisationId: user.organisation_id, displayName: user.display_name, roles: [role] } : null;
  };
  const submitter = await load('regisseur', 'programme_manager');
  const approver = await load('financien', 'finance');
  return submitter && approver ? { submitter, approver } : null;
}

/** Quarterly invoices from January up to today (or the whole year, for a past year); large ones approved by a second person. */
async function seedSpend(db: Kysely<Database>, lineId: string, year: number, totalCents: number, today: string, now: Date): Promise<void> {
  const pair = await demoPair(db);
  if (!pair || totalCents <= 0) return;
  const starts = ['01', '04', '07', '10'].map((month) => `${year}-${month}-01`).filter((date) => date <= today);
  if (starts.length === 0) return;
  const amounts = apportion(totalCents, starts.map(() => 1));
  for (const [i, amountCents] of amounts.entries()) {
    const bookedOn = starts[i] ?? today;
    const quarter = `Q${i + 1}-${year}`;
    const entry = await createEntry(db, pair.submitter, { budgetLineId: lineId, kind: 'spend', amountCents, bookedOn, description: `Kwartaalfactuur ${quarter} (demo)`, documentRef: `DEMO-${quarter}-${lineId.slice(0, 4)}` }, now);
    if (entry.status === 'pending') await decide(db, pair.approver, entry.id, { decision: 'approve', note: 'Gecontroleerd tegen de opdracht (demo).' }, new Date(`${bookedOn}T12:00:00Z`));
  }
}

/** One commitment above the threshold waits for a second person, so the approvals queue is not empty. */
async function seedPending(db: Kysely<Database>, now: Date): Promise<void> {
  const fdb = financeDb(db);
  const programmeId = await findDemoProgrammeId(db);
  if (!programmeId) return;
  const lines = await findLines(fdb, { programmeId, year: now.getUTCFullYear() });
  const line = lines.find((l) => l.description.startsWith('Procesbegeleiding'));
  if (!line) return;
  const pair = await demoPair(db);
  if (!pair || (await entryWithDocumentExists(fdb, line.id, 'DEMO-OPDRACHT-001'))) return;
  await createEntry(db, pair.submitter, { budgetLineId: line.id, kind: 'commitment', amountCents: 2_400_000, bookedOn: isoDay(now), description: 'Opdracht bewonersbegeleiding tweede fase (demo)', documentRef: 'DEMO-OPDRACHT-001' }, now);
}

export async function seedFinanceDemo(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const sources = await seedSources(db);
  await seedProposal(db, sources);
  await seedBudget(db, sources, now);
  await seedPending(db, now);
}

export async function demoProgrammeIds(db: Kysely<Database>): Promise<string[]> {
  const id = await findDemoProgrammeId(db);
  return id ? [id] : [];
}
