import type { SnapshotContent, SnapshotMap, SnapshotMeeting } from '../contract.js';
import type { SnapshotMeta } from './documents.js';

/**
 * A small snapshot whose figures are computed by hand (docs/reports.md "Figures", worked example), for the
 * tests of the figures and of every format. Period 1 January – 30 June 2026, peildatum 30 June 2026.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const action = (n: number, decision: number | null, dueDate: string, status: SnapshotMeeting['actions'][number]['status'], completedOn: string | null): SnapshotMeeting['actions'][number] => ({
  id: id(300 + n),
  title: `Actie ${n}`,
  agendaItemId: null,
  decisionId: decision === null ? null : id(200 + decision),
  ownerOrganisation: 'Woningcorporatie',
  dueDate,
  status,
  completedOn,
});
const item = (n: number, decisions: number[], noDecisionReason: string | null = null) => ({
  id: id(100 + n),
  position: n,
  title: `Agendapunt ${n}`,
  noDecisionReason,
  decisions: decisions.map((d) => ({ id: id(200 + d), text: `Besluit ${d}`, requiresAction: true })),
});
const meeting = (n: number, heldOn: string, agendaItems: SnapshotMeeting['agendaItems'], actions: SnapshotMeeting['actions']): SnapshotMeeting => ({
  id: id(400 + n),
  kind: 'kernteam',
  title: `Kernteam ${n}`,
  heldOn,
  location: 'Wijkcentrum',
  areaName: 'Dordt West',
  status: 'closed',
  demo: false,
  participants: ['Gemeente Dordrecht', 'Woningcorporatie'],
  agendaItems,
  actions,
});

const content: SnapshotContent = {
  schemaVersion: 1,
  programme: { id: id(1), name: 'Testprogramma West', municipalityCode: 'GM0505', ambition: 'De wijk groeit naar het stedelijk gemiddelde.', horizonStart: '2023-01-01', horizonEnd: '2043-12-31', isDemo: false, areas: [{ code: 'FAdordt-west', name: 'Dordt West' }] },
  pillars: [
    { id: id(11), name: 'Wonen en fysieke leefomgeving' },
    { id: id(12), name: 'Leefbaar en veilig' },
  ],
  strategicGoals: [
    { id: id(21), name: 'Het bieden van meer toekomstbestendig wonen', pillarId: id(11) },
    { id: id(22), name: 'Het vergroten van de veiligheid', pillarId: id(12) },
  ],
  goals: [
    {
      id: id(31),
      name: 'Meer inwoners in Dordt West',
      strategicGoalId: id(21),
      indicatorName: 'Inwoners',
      unit: 'aantal',
      decimals: 0,
      areaName: 'Dordt West',
      baseline: 30495,
      baselineDate: '2020-01-01',
      targetKind: 'fixed',
      target: 33000,
      targetDate: '2030-01-01',
      status: 'at_risk',
      latest: { period: 2024, date: '2024-01-01', value: 31030, municipalityValue: 121000 },
      expected: 31496.9,
      shortfall: 0.186,
      isExample: true,
      measurements: [
        { period: 2020, date: '2020-01-01', value: 30495, municipalityValue: 119000 },
        { period: 2024, date: '2024-01-01', value: 31030, municipalityValue: 121000 },
      ],
    },
  ],
  activities: [
    { id: id(41), name: 'Renovatie portiekflats', ownerOrganisation: 'Woningcorporatie', partnerOrganisations: [], start: '2026-01-01', end: '2027-12-31', status: 'running', progress: 30, slipping: false, startedOn: '2026-03-01', finishedOn: null, stoppedOn: null, latestProgress: { percent: 30, narrative: 'Eerste blok opgeleverd.', reportedOn: '2026-06-01', organisationName: 'Woningcorporatie' } },
    { id: id(42), name: 'Schuldhulp in de wijk', ownerOrganisation: 'Wijkteam', partnerOrganisations: ['Gemeente Dordrecht'], start: '2025-01-01', end: '2026-04-30', status: 'done', progress: 100, slipping: false, startedOn: '2025-01-15', finishedOn: '2026-04-10', stoppedOn: null, latestProgress: null },
    { id: id(43), name: 'Jongerenaanpak', ownerOrganisation: 'Politie', partnerOrganisations: [], start: '2025-09-01', end: '2026-05-31', status: 'running', progress: 60, slipping: true, startedOn: '2025-09-01', finishedOn: null, stoppedOn: null, latestProgress: null },
  ],
  money: {
    years: [
      {
        year: 2026,
        totals: { budgetCents: 50_000_000, committedCents: 20_000_000, spentCents: 12_345_678, pendingCents: 0, remainingCents: 17_654_322, forecastCents: 24_900_000 },
        sources: [{ id: id(51), name: 'Preventie met Gezag', kind: 'rijkssubsidie', budgetCents: 50_000_000, committedCents: 20_000_000, spentCents: 12_345_678, pendingCents: 0, remainingCents: 17_654_322, forecastCents: 24_900_000 }],
      },
    ],
    sources: [
      {
        id: id(51),
        name: 'Preventie met Gezag',
        kind: 'rijkssubsidie',
        funderName: 'Ministerie van Justitie en Veiligheid',
        reference: '',
        conditions: '',
        illustrative: false,
        totalCents: 430_120_800,
        receivedCents: 322_590_600,
        allocatedCents: 50_000_000,
        spentCents: 12_345_678,
        spendFrom: '2023-07-01',
        spendUntil: '2026-06-30',
        tranches: [1, 2, 3, 4].map((seq) => ({ seq, amountCents: 107_530_200, dueDate: `${2022 + seq}-07-01`, receivedDate: seq < 4 ? `${2022 + seq}-07-15` : null, receivedCents: seq < 4 ? 107_530_200 : 0 })),
        obligations: [],
        activities: [{ activityId: id(43), activityName: 'Jongerenaanpak', allocatedCents: 50_000_000, spentCents: 12_345_678 }],
      },
    ],
  },
  meetings: [
    meeting(0, '2025-11-01', [item(0, [0])], [action(0, 0, '2025-12-01', 'open', null)]),
    meeting(1, '2026-02-10', [item(1, [1]), item(2, [2]), item(3, [], 'Geen punten ingebracht.')], [action(1, 1, '2026-02-20', 'done', '2026-02-18'), action(2, 2, '2026-03-01', 'done', '2026-03-11'), action(3, 2, '2026-04-01', 'open', null)]),
    meeting(2, '2026-05-05', [item(4, [3]), item(5, [4])], [action(4, 3, '2026-05-15', 'done', '2026-05-20'), action(5, 4, '2026-07-15', 'in_progress', null), action(6, 4, '2026-05-30', 'cancelled', null)]),
  ],
};

export const FIXTURE: SnapshotMeta = { id: id(999), title: 'Eerste halfjaar 2026', periodStart: '2026-01-01', peildatum: '2026-06-30', content };

/** A rectangle of buurt size (about 700 by 550 m) with its south-west corner at (lon, lat), closed. */
const block = (lon: number, lat: number): [number, number][] => [
  [lon, lat],
  [lon + 0.01, lat],
  [lon + 0.01, lat + 0.005],
  [lon, lat + 0.005],
  [lon, lat],
];

/**
 * The map of a snapshot taken since maps are kept: four buurten, one without a figure. Three distinct values
 * give three classes (bounds at the sorted values at positions ⌊3·1/3⌋ = 1 and ⌊3·2/3⌋ = 2: 52 and 61).
 */
export const FIXTURE_MAP: SnapshotMap = {
  level: 'buurt',
  areaName: 'Dordt West',
  indicator: 'share_one_person_households',
  indicatorName: 'Percentage eenpersoonshuishoudens',
  unit: '%',
  decimals: 0,
  year: 2020,
  boundaryYear: 2020,
  areas: [
    { code: 'BU05050400', name: 'Crabbehof-Zuid', value: 38, rings: [block(4.64, 51.8)] },
    { code: 'BU05050401', name: 'Wielwijk-Noord', value: 61, rings: [block(4.65, 51.8)] },
    { code: 'BU05050402', name: 'Oud-Krispijn', value: 52, rings: [block(4.64, 51.805)] },
    { code: 'BU05050403', name: 'Nijverheid', value: null, rings: [block(4.65, 51.805)] },
  ],
};

/** The same snapshot with the map (FIXTURE is one taken before maps were kept). */
export const FIXTURE_WITH_MAP: SnapshotMeta = { ...FIXTURE, content: { ...content, map: FIXTURE_MAP } };
