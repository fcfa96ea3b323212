import { balanceRows, REPAYMENT_NOTE } from '../../finance/index.js';
import { formatChartNumber } from '../chart.js';
import { mapAlt, mapUnit } from '../map.js';
import type { Block, ChartSpec, LetterFields, LetterSections, ReportDocument, SnapshotContent, SnapshotGoal, SnapshotSource, TableCell, TemplateContent } from '../contract.js';
import { dutchDate } from './dates.js';
import { activityFigures, doorpakFigures, goalStatusCounts, overdueActions, type Period } from './figures.js';

/**
 * The documents, as a format-neutral model (headings, paragraphs, lists, tables with a header row, charts
 * with alt text, letter fields, signature). DOCX, PDF and the HTML preview are all rendered from it, so
 * every format shows the same figures. Texts in Dutch: the documents go to the council and the ministry.
 */

export interface SnapshotMeta {
  id: string;
  title: string;
  periodStart: string;
  peildatum: string;
  content: SnapshotContent;
}

const STATUS: Record<SnapshotGoal['status'], string> = { on_track: 'op koers', at_risk: 'risico', off_track: 'niet op koers', no_data: 'geen gegevens' };
const ACTIVITY_STATUS: Record<string, string> = { idea: 'idee', planned: 'gepland', running: 'loopt', done: 'afgerond', stopped: 'gestopt' };
const ACTION_STATUS: Record<string, string> = { open: 'open', in_progress: 'in uitvoering', done: 'gedaan', cancelled: 'vervallen' };
const MEETING_KIND: Record<string, string> = { kernteam: 'Kernteam', wijkoverleg: 'Wijkoverleg', casusoverleg: 'Casusoverleg', other: 'Overleg' };
const FUNDING_KIND: Record<string, string> = {
  rijkssubsidie: 'Rijkssubsidie',
  gemeentelijk_budget: 'Gemeentelijk budget',
  partnerbijdrage: 'Partnerbijdrage',
  cofinanciering: 'Cofinanciering',
  inzet_in_natura: 'Inzet in natura',
};
const OBLIGATION: Record<string, string> = {
  schriftelijke_verantwoording: 'Schriftelijke verantwoording',
  voortgangsrapportage: 'Voortgangsrapportage',
  financiele_verantwoording: 'Financiële verantwoording',
  accountantsverklaring: 'Accountantsverklaring',
};

/**
 * € 4.301.208 or € 1.234,56: whole euros without cents, as the council letter writes amounts. The space after
 * the sign does not break, so an amount is never split over two lines.
 */
export function euro(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const text = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: abs % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 }).format(abs / 100);
  return `${negative ? '−\u00a0' : ''}€\u00a0${text}`;
}
/** "1 overleg", "3 overleggen". */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const num = (value: number | null, decimals: number) => (value === null ? '—' : formatChartNumber(value, decimals));
const percent = (share: number | null) => (share === null ? '—' : `${formatChartNumber(share * 100, 0)} %`);
const shortDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '—');
const bold = (text: string): TableCell => ({ text, bold: true });

/** A file name from a title: at most 80 characters, cut between words (never "2043" into "204"). */
function slug(text: string): string {
  const full = text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  if (full.length <= 80) return full || 'rapport';
  const cut = full.slice(0, 81);
  const space = cut.lastIndexOf('-');
  return cut.slice(0, space > 0 ? space : 80);
}

function base(kind: ReportDocument['kind'], snapshot: SnapshotMeta, template: TemplateContent, title: string, subtitle: string, blocks: Block[]): ReportDocument {
  return {
    kind,
    title,
    subtitle,
    peildatum: snapshot.peildatum,
    language: 'nl-NL',
    municipalityName: template.municipalityName,
    style: template.style,
    logo: template.logo,
    fileName: `${slug(title)}-${snapshot.peildatum}`,
    blocks,
  };
}

function peildatumLine(snapshot: SnapshotMeta): Block {
  return { type: 'paragraph', tone: 'note', text: `Peildatum ${dutchDate(snapshot.peildatum)}. Periode ${dutchDate(snapshot.periodStart)} tot en met ${dutchDate(snapshot.peildatum)}. Alle cijfers komen uit de momentopname "${snapshot.title}" en veranderen niet meer.` };
}

function demoNote(content: SnapshotContent): Block[] {
  return content.programme.isDemo
    ? [{ type: 'paragraph', tone: 'example', text: 'Demogegevens: het programma, de pijlers en de strategische doelen komen uit de raadsinformatiebrief van Dordrecht (29 augustus 2023); operationele doelen, activiteiten, bedragen en overleggen zijn illustratief.' }]
    : [];
}

export function goalChart(goal: SnapshotGoal, peildatum: string): ChartSpec {
  return {
    kind: 'trajectory',
    unit: goal.unit,
    decimals: goal.decimals,
    baseline: { date: goal.baselineDate, value: goal.baseline },
    target: goal.target === null ? null : { date: goal.targetDate, value: goal.target },
    measurements: goal.measurements.filter((m) => m.value !== null && m.date <= peildatum).map((m) => ({ date: m.date, value: m.value as number })),
    municipality: goal.targetKind === 'municipality_average' ? goal.measurements.filter((m) => m.municipalityValue !== null).map((m) => ({ date: m.date, value: m.municipalityValue as number })) : [],
    peildatum,
  };
}

/**
 * A goal's unit as it follows a figure: "45 %", "12 per 1 000 inwoners", "11.020 inwoners per km²"; nothing
 * for a plain count ("aantal") or a code, where the goal's name says what is counted.
 */
function unitAfterFigure(unit: string): string {
  const words = unit.replace(/^aantal\b\s*/, '').trim();
  return words === '' || words === 'code' ? '' : ` ${words}`;
}

/** The alt text of a goal's chart: what a sighted reader takes from it, in words and figures. */
export function goalChartAlt(goal: SnapshotGoal): string {
  const unit = unitAfterFigure(goal.unit);
  const parts = [`Lijndiagram ${goal.indicatorName} in ${goal.areaName}: beginwaarde ${num(goal.baseline, goal.decimals)}${unit} op ${dutchDate(goal.baselineDate)}`];
  if (goal.target !== null) parts.push(`doel ${num(goal.target, goal.decimals)}${unit} op ${dutchDate(goal.targetDate)}`);
  if (goal.latest && goal.latest.value !== null) parts.push(`laatste meting ${num(goal.latest.value, goal.decimals)}${unit} (${goal.latest.period})`);
  if (goal.expected !== null) parts.push(`verwacht volgens traject ${num(goal.expected, goal.decimals)}${unit}`);
  parts.push(`status ${STATUS[goal.status]}`);
  return `${parts.join('; ')}.`;
}

/**
 * The map of the programme's area with its figures as a table (the map's data for who does not see it).
 * Nothing for a snapshot taken before maps were kept, or whose area had no figures with boundaries.
 */
function areaMapBlocks(content: SnapshotContent): Block[] {
  const map = content.map;
  if (!map) return [];
  const plural = map.level === 'buurt' ? 'buurten' : 'wijken';
  const caption = `${map.indicatorName} per ${map.level} in ${map.areaName}, ${map.year}`;
  return [
    { type: 'heading', level: 1, text: 'Het gebied' },
    {
      type: 'paragraph',
      tone: 'normal',
      text: `De ${plural} van ${map.areaName} naar ${map.indicatorName.toLowerCase()}, ${map.year}: de nieuwste cijfers tot de peildatum van een indicator die de doelen gebruiken, op de grenzen van ${map.boundaryYear}.`,
    },
    { type: 'map', map, alt: mapAlt(map), caption: `${caption}. Bron: CBS, Kadaster.` },
    {
      type: 'table',
      caption: `${caption} (de cijfers van de kaart)`,
      header: [map.level === 'buurt' ? 'Buurt' : 'Wijk', `${map.indicatorName}${mapUnit(map.unit) ? ` (${map.unit})` : ''}`],
      numeric: [false, true],
      rows: [...map.areas].sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((a) => [a.name, a.value === null ? 'geen cijfer' : num(a.value, map.decimals)]),
    },
  ];
}

function goalTable(goals: readonly SnapshotGoal[], caption: string): Block {
  return {
    type: 'table',
    caption,
    header: ['Operationeel doel', 'Gebied', 'Beginwaarde', 'Laatste meting', 'Verwacht', 'Doel', 'Status'],
    numeric: [false, false, true, true, true, true, false],
    rows: goals.map((g) => {
      // The unit with every figure, as on the programme page ("45 %", not "45").
      const figure = (value: number | null) => (value === null ? num(value, g.decimals) : `${num(value, g.decimals)}${unitAfterFigure(g.unit)}`);
      return [
        g.isExample && !/voorbeeld/i.test(g.name) ? `${g.name} (voorbeeld)` : g.name,
        g.areaName,
        `${figure(g.baseline)} (${g.baselineDate.slice(0, 4)})`,
        g.latest && g.latest.value !== null ? `${figure(g.latest.value)} (${g.latest.period})` : '—',
        figure(g.expected),
        g.target === null ? '—' : `${figure(g.target)} (${g.targetDate.slice(0, 4)})`,
        STATUS[g.status],
      ];
    }),
  };
}

function goalsByPillar(content: SnapshotContent, peildatum: string, withCharts: boolean): Block[] {
  const blocks: Block[] = [];
  const strategicOf = new Map(content.strategicGoals.map((s) => [s.id, s]));
  const pillarOfGoal = (g: SnapshotGoal) => (g.strategicGoalId ? (strategicOf.get(g.strategicGoalId)?.pillarId ?? null) : null);
  const groups = [...content.pillars.map((p) => ({ id: p.id as string | null, name: p.name })), { id: null, name: 'Zonder pijler' }];
  for (const pillar of groups) {
    const strategic = content.strategicGoals.filter((s) => s.pillarId === pillar.id);
    const goals = content.goals.filter((g) => pillarOfGoal(g) === pillar.id);
    if (pillar.id === null && strategic.length === 0 && goals.length === 0) continue;
    blocks.push({ type: 'heading', level: 2, text: pillar.name });
    if (strategic.length) blocks.push({ type: 'list', ordered: false, items: strategic.map((s) => s.name) });
    if (goals.length === 0) {
      blocks.push({ type: 'paragraph', tone: 'normal', text: 'Nog geen operationele doelen onder deze pijler.' });
      continue;
    }
    blocks.push(goalTable(goals, `Doelen onder ${pillar.name}, stand op de peildatum`));
    if (withCharts) {
      for (const g of goals) {
        if (g.measurements.length === 0) continue;
        blocks.push({ type: 'chart', chart: goalChart(g, peildatum), alt: goalChartAlt(g), caption: `${g.name}: gemeten tegen het traject` });
      }
    }
  }
  return blocks;
}

function activityTable(caption: string, activities: SnapshotContent['activities'], dateLabel: string, dateOf: (a: SnapshotContent['activities'][number]) => string | null): Block[] {
  if (activities.length === 0) return [{ type: 'paragraph', tone: 'normal', text: `${caption}: geen.` }];
  return [
    {
      type: 'table',
      caption,
      header: ['Activiteit', 'Eigenaar', dateLabel, 'Einddatum', 'Status', 'Voortgang'],
      numeric: [false, false, false, false, false, true],
      rows: activities.map((a) => [a.name, a.ownerOrganisation, shortDate(dateOf(a)), shortDate(a.end), ACTIVITY_STATUS[a.status] ?? a.status, `${a.progress} %`]),
    },
  ];
}

/** Every activity of the programme as it stood at the peildatum, with its latest progress report. */
function allActivities(activities: SnapshotContent['activities']): Block[] {
  if (activities.length === 0) return [{ type: 'paragraph', tone: 'normal', text: 'Het programma heeft nog geen activiteiten.' }];
  return [
    {
      type: 'table',
      caption: 'Alle activiteiten op de peildatum',
      header: ['Activiteit', 'Eigenaar', 'Start', 'Einde', 'Status', 'Voortgang', 'Laatste voortgangsmelding'],
      numeric: [false, false, false, false, false, true, false],
      rows: activities.map((a) => [
        a.name,
        a.ownerOrganisation,
        shortDate(a.start),
        shortDate(a.end),
        ACTIVITY_STATUS[a.status] ?? a.status,
        `${a.progress} %`,
        a.latestProgress ? `${a.latestProgress.narrative} (${shortDate(a.latestProgress.reportedOn)})` : '—',
      ]),
    },
  ];
}

/** A funding source's name, marked when its amounts are made up (the demo's), in every table that names it. */
const sourceName = (s: { name: string; illustrative: boolean }) => (s.illustrative ? `${s.name} (illustratief)` : s.name);

function moneyBlocks(content: SnapshotContent): Block[] {
  const blocks: Block[] = [];
  const illustrative = new Set(content.money.sources.filter((s) => s.illustrative).map((s) => s.id));
  for (const year of content.money.years) {
    if (year.sources.length === 0 && year.totals.budgetCents === 0) continue;
    blocks.push({
      type: 'table',
      caption: `Geld per financieringsbron, begrotingsjaar ${year.year}`,
      header: ['Bron', 'Begroot', 'Verplicht', 'Besteed', 'Prognose jaareinde'],
      numeric: [false, true, true, true, true],
      rows: [
        ...year.sources.map((s) => [sourceName({ name: s.name, illustrative: illustrative.has(s.id) }), euro(s.budgetCents), euro(s.committedCents), euro(s.spentCents), euro(s.forecastCents)]),
        [bold('Totaal'), bold(euro(year.totals.budgetCents)), bold(euro(year.totals.committedCents)), bold(euro(year.totals.spentCents)), bold(euro(year.totals.forecastCents))],
      ],
    });
  }
  if (content.money.sources.length) blocks.push(...sourcesTables(content.money.sources));
  if (blocks.length === 0) blocks.push({ type: 'paragraph', tone: 'normal', text: 'Geen begrotingsregels voor dit programma.' });
  return blocks;
}

/** The funding sources with their totals, and every tranche: amount, due date and when it was received. */
function sourcesTables(sources: readonly SnapshotSource[]): Block[] {
  if (sources.length === 0) return [{ type: 'paragraph', tone: 'normal', text: 'Geen financieringsbronnen voor dit programma.' }];
  const withTranches = sources.filter((s) => s.tranches.length > 0);
  return [
    {
      type: 'table',
      caption: 'Financieringsbronnen',
      header: ['Bron', 'Soort', 'Totaal', 'Ontvangen', 'Besteed (alle jaren)'],
      numeric: [false, false, true, true, true],
      rows: sources.map((s) => [sourceName(s), FUNDING_KIND[s.kind] ?? s.kind, euro(s.totalCents), euro(s.receivedCents), euro(s.spentCents)]),
    },
    ...(withTranches.length
      ? [
          {
            type: 'table' as const,
            caption: 'Tranches van de financieringsbronnen',
            header: ['Bron', 'Tranche', 'Bedrag', 'Vervaldatum', 'Ontvangen op'],
            numeric: [false, true, true, false, false],
            rows: withTranches.flatMap((s) => s.tranches.map((t) => [sourceName(s), String(t.seq), euro(t.amountCents), shortDate(t.dueDate), t.receivedDate ? shortDate(t.receivedDate) : 'nog niet'])),
          },
        ]
      : []),
  ];
}

/** "Kernteam: Dordt West", but "Kernteam Dordt West" as it is when the title already says its kind. */
function meetingName(m: SnapshotContent['meetings'][number]): string {
  const kind = MEETING_KIND[m.kind] ?? m.kind;
  return m.title.toLowerCase().startsWith(kind.toLowerCase()) ? m.title : `${kind}: ${m.title}`;
}

function decisionsList(content: SnapshotContent, period: Period): Block[] {
  const rows = content.meetings
    .filter((m) => m.heldOn >= period.start && m.heldOn <= period.end)
    .flatMap((m) => m.agendaItems.flatMap((i) => i.decisions.map((d) => [shortDate(m.heldOn), meetingName(m), d.text])));
  if (rows.length === 0) return [{ type: 'paragraph', tone: 'normal', text: 'Geen besluiten in deze periode.' }];
  return [{ type: 'table', caption: 'Besluiten in de periode', header: ['Datum', 'Overleg', 'Besluit'], numeric: [false, false, false], rows }];
}

function doorpakBlocks(content: SnapshotContent, period: Period): Block[] {
  const f = doorpakFigures(content.meetings, period);
  const overdue = overdueActions(content, period.end);
  return [
    {
      type: 'paragraph',
      tone: 'normal',
      text: 'Bewoners klagen over eindeloze overleggen. Deze cijfers laten zien of overleg tot besluiten leidt en besluiten tot uitgevoerde acties (definities in de toelichting).',
    },
    {
      type: 'table',
      caption: 'Doorpakken in de periode',
      header: ['Kengetal', 'Waarde'],
      numeric: [false, true],
      rows: [
        ['Overleggen gehouden', String(f.meetings)],
        ['Agendapunten', String(f.agendaItems)],
        ['Agendapunten met een besluit', `${f.itemsWithDecision} van ${f.agendaItems} (${percent(f.decisionShare)})`],
        ['Besluiten genomen', String(f.decisions)],
        ['Acties afgesproken', String(f.actions)],
        ['Acties op tijd gedaan', String(f.actionsDoneOnTime)],
        ['Acties te laat gedaan', String(f.actionsDoneLate)],
        ['Mediaan dagen van besluit tot actie gedaan', f.medianDaysDecisionToDone === null ? 'nog geen acties gedaan' : formatChartNumber(f.medianDaysDecisionToDone, f.medianDaysDecisionToDone % 1 === 0 ? 0 : 1)],
        ['Acties te laat op de peildatum', String(f.actionsOverdue)],
      ],
    },
    ...(overdue.length
      ? [
          {
            type: 'table' as const,
            caption: 'Te late acties op de peildatum',
            header: ['Actie', 'Eigenaar', 'Uiterlijk', 'Dagen te laat', 'Uit overleg'],
            numeric: [false, false, false, true, false],
            rows: overdue.map((a) => [a.title, a.ownerOrganisation, shortDate(a.dueDate), String(a.daysOverdue), `${a.meeting} (${shortDate(a.heldOn)})`]),
          },
        ]
      : []),
  ];
}

const DEFINITIONS: Block = {
  type: 'list',
  ordered: false,
  items: [
    'Status van een doel: de laatste meting na de beginwaarde tegen het rechte traject van beginwaarde naar doel; op koers bij een achterstand van hoogstens 10 % van de geplande verandering, risico tot en met 25 %, daarboven niet op koers.',
    'Gestart of afgerond: de activiteit ging in de periode voor het eerst naar "loopt" of naar "afgerond". Uitlopend: op de peildatum voorbij de einddatum en niet afgerond of gestopt.',
    'Geld: per begrotingsjaar het deel van elke bron in de begrotingsregels van het programma; verplicht en besteed zijn goedgekeurde boekingen; de prognose is de besteding doorgetrokken naar het jaareinde.',
    'Agendapunten met een besluit: agendapunten van overleggen in de periode met minstens één besluit, gedeeld door alle agendapunten van die overleggen.',
    'Mediaan dagen van besluit tot actie gedaan: voor elke gedane actie bij een besluit van een overleg in de periode het aantal dagen van de overlegdatum tot de dag dat de actie gedaan werd; daarvan de mediaan.',
    'Te late acties: acties van de overleggen van het programma die op de peildatum nog open of in uitvoering zijn en waarvan de uiterste datum vóór de peildatum ligt.',
  ],
};

export function progressReport(snapshot: SnapshotMeta, template: TemplateContent): ReportDocument {
  const c = snapshot.content;
  const period: Period = { start: snapshot.periodStart, end: snapshot.peildatum };
  const counts = goalStatusCounts(c.goals);
  const act = activityFigures(c.activities, period);
  const doorpak = doorpakFigures(c.meetings, period);
  const blocks: Block[] = [
    peildatumLine(snapshot),
    ...demoNote(c),
    { type: 'toc' },
    { type: 'heading', level: 1, text: 'Samenvatting' },
    {
      type: 'list',
      ordered: false,
      items: [
        `Doelen: ${counts.on_track} op koers, ${counts.at_risk} met risico, ${counts.off_track} niet op koers, ${counts.no_data} zonder gegevens.`,
        `Activiteiten: ${act.started.length} gestart, ${act.finished.length} afgerond, ${act.slipping.length} uitlopend.`,
        `Overleg: ${plural(doorpak.meetings, 'overleg', 'overleggen')}, ${percent(doorpak.decisionShare)} van de agendapunten eindigde in een besluit, ${plural(doorpak.actionsOverdue, 'actie', 'acties')} te laat.`,
      ],
    },
    ...areaMapBlocks(c),
    { type: 'heading', level: 1, text: 'Doelen per pijler' },
    ...(c.programme.ambition ? [{ type: 'paragraph' as const, tone: 'normal' as const, text: `Ambitie: ${c.programme.ambition}` }] : []),
    ...goalsByPillar(c, snapshot.peildatum, true),
    { type: 'heading', level: 1, text: 'Activiteiten' },
    ...allActivities(c.activities),
    ...activityTable('Gestart in de periode', act.started, 'Gestart op', (a) => a.startedOn),
    ...activityTable('Afgerond in de periode', act.finished, 'Afgerond op', (a) => a.finishedOn),
    ...activityTable('Uitlopend op de peildatum', act.slipping, 'Begonnen', (a) => a.start),
    { type: 'heading', level: 1, text: 'Geld' },
    ...moneyBlocks(c),
    { type: 'heading', level: 1, text: 'Besluiten en acties' },
    ...decisionsList(c, period),
    { type: 'heading', level: 1, text: 'Doorpakken' },
    ...doorpakBlocks(c, period),
    { type: 'heading', level: 1, text: 'Toelichting' },
    DEFINITIONS,
  ];
  return base('progress', snapshot, template, `Voortgangsrapportage ${c.programme.name}`, `${dutchDate(snapshot.periodStart)} tot en met ${dutchDate(snapshot.peildatum)}`, blocks);
}

export function annualReport(snapshot: SnapshotMeta, template: TemplateContent): ReportDocument {
  const c = snapshot.content;
  const period: Period = { start: snapshot.periodStart, end: snapshot.peildatum };
  const act = activityFigures(c.activities, period);
  const narratives = c.activities.filter((a) => a.latestProgress !== null);
  const blocks: Block[] = [
    peildatumLine(snapshot),
    ...demoNote(c),
    { type: 'toc' },
    { type: 'heading', level: 1, text: 'Kwalitatieve verantwoording' },
    ...(c.programme.ambition ? [{ type: 'paragraph' as const, tone: 'normal' as const, text: c.programme.ambition }] : []),
    { type: 'heading', level: 2, text: 'Wat er gebeurde per activiteit' },
    ...(narratives.length
      ? narratives.flatMap((a): Block[] => [
          { type: 'heading', level: 3, text: a.name },
          { type: 'paragraph', tone: 'normal', text: `${a.ownerOrganisation}; status ${ACTIVITY_STATUS[a.status] ?? a.status}, voortgang ${a.progress} %. ${a.latestProgress?.narrative ?? ''} (gemeld ${shortDate(a.latestProgress?.reportedOn ?? null)})` },
        ])
      : [{ type: 'paragraph' as const, tone: 'normal' as const, text: 'Nog geen voortgangsmeldingen.' }]),
    { type: 'heading', level: 1, text: 'Kwantitatieve verantwoording' },
    { type: 'heading', level: 2, text: 'Doelen' },
    goalTable(c.goals, 'Operationele doelen op de peildatum'),
    { type: 'heading', level: 2, text: 'Activiteiten' },
    {
      type: 'table',
      caption: 'Activiteiten in het jaar',
      header: ['Kengetal', 'Aantal'],
      numeric: [false, true],
      rows: [
        ['Activiteiten in het programma', String(c.activities.length)],
        ['Gestart in de periode', String(act.started.length)],
        ['Afgerond in de periode', String(act.finished.length)],
        ['Uitlopend op de peildatum', String(act.slipping.length)],
      ],
    },
    { type: 'heading', level: 2, text: 'Geld' },
    ...moneyBlocks(c),
    { type: 'heading', level: 2, text: 'Doorpakken' },
    ...doorpakBlocks(c, period),
    { type: 'heading', level: 1, text: 'Toelichting' },
    DEFINITIONS,
  ];
  return base('annual', snapshot, template, `Jaarverantwoording ${c.programme.name}`, `${dutchDate(snapshot.periodStart)} tot en met ${dutchDate(snapshot.peildatum)}`, blocks);
}

export function decisionList(snapshot: SnapshotMeta, template: TemplateContent, meetingId: string): ReportDocument | null {
  const m = snapshot.content.meetings.find((x) => x.id === meetingId);
  if (!m) return null;
  const items = [...m.agendaItems].sort((a, b) => a.position - b.position);
  const blocks: Block[] = [
    peildatumLine(snapshot),
    ...(m.demo ? [{ type: 'paragraph' as const, tone: 'example' as const, text: 'Demogegevens: dit overleg is een illustratief voorbeeld.' }] : []),
    {
      type: 'fields',
      rows: [
        { label: 'Overleg', value: meetingName(m) },
        { label: 'Datum', value: dutchDate(m.heldOn) },
        { label: 'Plaats', value: m.location || '—' },
        { label: 'Gebied', value: m.areaName ?? '—' },
        { label: 'Deelnemers', value: m.participants.join(', ') || '—' },
        { label: 'Status', value: m.status === 'closed' ? 'gesloten' : 'open' },
      ],
    },
    { type: 'heading', level: 1, text: 'Besluiten' },
    {
      type: 'table',
      caption: 'Agendapunten en besluiten',
      header: ['Nr.', 'Agendapunt', 'Besluit'],
      numeric: [true, false, false],
      rows: items.map((i) => [String(i.position), i.title, i.decisions.length ? i.decisions.map((d) => d.text).join(' ') : `Geen besluit: ${i.noDecisionReason ?? 'nog open'}`]),
    },
    { type: 'heading', level: 1, text: 'Acties' },
    m.actions.length
      ? {
          type: 'table',
          caption: 'Acties met eigenaar en uiterste datum',
          header: ['Actie', 'Eigenaar', 'Uiterlijk', 'Status op de peildatum'],
          numeric: [false, false, false, false],
          rows: m.actions.map((a) => [a.title, a.ownerOrganisation, shortDate(a.dueDate), `${ACTION_STATUS[a.status] ?? a.status}${a.completedOn ? ` (${shortDate(a.completedOn)})` : ''}`]),
        }
      : { type: 'paragraph', tone: 'normal', text: 'Geen acties.' },
  ];
  return base('decisions', snapshot, template, `Besluitenlijst ${m.title} ${shortDate(m.heldOn)}`, snapshot.content.programme.name, blocks);
}

export function subsidyReport(snapshot: SnapshotMeta, template: TemplateContent, sourceId: string): ReportDocument | null {
  const s = snapshot.content.money.sources.find((x) => x.id === sourceId);
  if (!s) return null;
  const blocks: Block[] = [
    peildatumLine(snapshot),
    ...(s.illustrative ? [{ type: 'paragraph' as const, tone: 'example' as const, text: 'Demogegevens: bedragen en data van de tranches zijn illustratief.' }] : []),
    {
      type: 'fields',
      rows: [
        { label: 'Soort', value: FUNDING_KIND[s.kind] ?? s.kind },
        { label: 'Verstrekker', value: s.funderName },
        ...(s.reference ? [{ label: 'Kenmerk', value: s.reference }] : []),
        { label: 'Totaal toegekend', value: euro(s.totalCents) },
        { label: 'Te besteden', value: `${dutchDate(s.spendFrom)} tot en met ${dutchDate(s.spendUntil)}` },
      ],
    },
    { type: 'heading', level: 1, text: 'Ontvangen tranches' },
    {
      type: 'table',
      caption: 'Tranches',
      header: ['Tranche', 'Bedrag', 'Vervaldatum', 'Ontvangen op', 'Ontvangen'],
      numeric: [false, true, false, false, true],
      rows: [...s.tranches.map((t) => [`Tranche ${t.seq}`, euro(t.amountCents), shortDate(t.dueDate), shortDate(t.receivedDate), euro(t.receivedCents)]), [bold('Totaal ontvangen'), '', '', '', bold(euro(s.receivedCents))]],
    },
    { type: 'heading', level: 1, text: 'Besteding per activiteit' },
    {
      type: 'table',
      caption: 'Besteding per activiteit',
      header: ['Activiteit', 'Begroot uit deze bron', 'Besteed'],
      numeric: [false, true, true],
      rows: [...s.activities.map((a) => [a.activityName ?? 'Activiteit niet zichtbaar', euro(a.allocatedCents), euro(a.spentCents)]), [bold('Totaal'), bold(euro(s.allocatedCents)), bold(euro(s.spentCents))]],
    },
    { type: 'heading', level: 1, text: 'Saldo' },
    {
      type: 'table',
      caption: 'Saldo',
      header: ['Post', 'Bedrag'],
      numeric: [false, true],
      rows: s.repayment
        ? balanceRows({ ...s, repayUnspent: s.repayUnspent ?? false, repayment: s.repayment }).map((r) => (r.bold ? [bold(r.label), bold(euro(r.cents))] : [r.label, euro(r.cents)]))
        : [
            ['Ontvangen', euro(s.receivedCents)],
            ['Besteed', euro(s.spentCents)],
            [bold('Restant (ontvangen − besteed)'), bold(euro(s.receivedCents - s.spentCents))],
            ['Nog te ontvangen', euro(s.totalCents - s.receivedCents)],
            ['Niet besteed van het totaal', euro(s.totalCents - s.spentCents)],
          ],
    },
    ...(s.repayment ? [{ type: 'paragraph' as const, tone: 'note' as const, text: REPAYMENT_NOTE }] : []),
    { type: 'heading', level: 1, text: 'Verantwoordingsverplichtingen' },
    s.obligations.length
      ? {
          type: 'table',
          caption: 'Verantwoordingsverplichtingen',
          header: ['Wat', 'Uiterlijk', 'Geleverd op', 'Toelichting'],
          numeric: [false, false, false, false],
          rows: s.obligations.map((o) => [OBLIGATION[o.kind] ?? o.kind, shortDate(o.dueDate), shortDate(o.deliveredOn), o.description]),
        }
      : { type: 'paragraph', tone: 'normal', text: 'Geen verplichtingen vastgelegd.' },
    ...(s.conditions ? [{ type: 'paragraph' as const, tone: 'normal' as const, text: `Voorwaarden: ${s.conditions}` }] : []),
    { type: 'paragraph', tone: 'note', text: 'Besteding van een begrotingsregel wordt aan de financieringsbronnen toegerekend naar rato van hun aandeel in die regel.' },
  ];
  return base('subsidy', snapshot, template, `Verantwoording ${s.name}`, snapshot.content.programme.name, blocks);
}

/** A text the author wrote: paragraphs separated by an empty line. */
function authorText(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ type: 'paragraph' as const, tone: 'normal' as const, text: p.replace(/\s*\n\s*/g, ' ') }));
}

export interface LetterInput {
  fields: LetterFields;
  sections: LetterSections;
  signers: string[];
}

/** The raadsinformatiebrief: the author's texts, with what the system knows from the snapshot added to its sections. */
export function councilLetter(snapshot: SnapshotMeta, template: TemplateContent, letter: LetterInput): ReportDocument {
  const c = snapshot.content;
  const period: Period = { start: snapshot.periodStart, end: snapshot.peildatum };
  const generated: Record<string, Block[]> = {
    informatie: [
      { type: 'heading', level: 3, text: 'Ambitie' },
      ...(c.programme.ambition ? [{ type: 'paragraph' as const, tone: 'normal' as const, text: c.programme.ambition }] : []),
      { type: 'paragraph', tone: 'normal', text: 'De programmapijlers:' },
      { type: 'list', ordered: false, items: c.pillars.map((p) => p.name) },
      { type: 'heading', level: 3, text: 'Doelen' },
      { type: 'list', ordered: true, items: c.strategicGoals.map((s) => s.name) },
      ...(c.goals.length ? [goalTable(c.goals, `Stand van de operationele doelen op ${dutchDate(snapshot.peildatum)}`)] : []),
    ],
    kosten: sourcesTables(c.money.sources),
    besluiten: decisionsList(c, period),
  };
  const values = { ...letter.fields };
  const blocks: Block[] = [
    { type: 'fields', rows: template.fields.map((f) => ({ label: f.label, value: values[f.key] || '—' })) },
    ...demoNote(c),
  ];
  for (const section of template.sections) {
    blocks.push({ type: 'heading', level: 2, text: section.title });
    blocks.push(...authorText(letter.sections[section.key]));
    blocks.push(...(generated[section.key] ?? []));
  }
  blocks.push({ type: 'paragraph', tone: 'note', text: `De cijfers in deze brief hebben peildatum ${dutchDate(snapshot.peildatum)}.` });
  blocks.push({ type: 'signature', closing: template.signature.closing, signers: template.signature.roles.map((role, i) => ({ role, name: letter.signers[i] ?? '' })) });
  const betreft = letter.fields.betreft || `Voortgang ${c.programme.name}`;
  return { ...base('letter', snapshot, template, template.documentName, betreft, blocks), fileName: `${slug(`${template.documentName} ${betreft}`)}-${snapshot.peildatum}` };
}
