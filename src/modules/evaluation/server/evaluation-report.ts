import type { OtherDocument } from '../../reports/index.js';
import type { Block, TableCell } from '../../reports/contract.js';
import type { CriterionView, EvaluationDetail, EvidenceItem, FactorView, FrameworkCode, GoalFigures } from '../contract.js';

/**
 * An evaluation as a document for the council and the programme board (DOCX or PDF on the reports module's
 * machinery): what was evaluated, against which frameworks (with their source), per point the median, the
 * spread and every score with its evaluator and reason, the conclusion and the evidence, then the success and
 * failure factors. Built from the evaluation as the requester sees it (evaluation-view.ts), so evidence they
 * may not see keeps its place without its label or web address. Only made once scoring is closed (the service
 * refuses earlier); until it is established the document says "Concept" on its first page and in its title.
 */

const nl = (value: number, decimals = 2) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: decimals }).format(value);
/** 2026-12-01 → "1 december 2026" (a calendar day, read in UTC so no time zone can move it). */
export const dutchDay = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
const bold = (text: string): TableCell => ({ text, bold: true });
/** A unit after a number; "aantal" (a count) reads better as the bare number. */
const withUnit = (text: string, unit: string) => (unit && unit !== 'aantal' ? `${text} ${unit}` : text);

const KIND: Record<EvaluationDetail['kind'], string> = { interim: 'Tussenevaluatie', final: 'Eindevaluatie' };
const FRAMEWORK: Record<FrameworkCode, string> = { platform31: 'Platform31 — zes lessen', programme_goals: 'Doelen van het programma' };
const SCORE: Record<number, string> = { 1: '1 – Niet', 2: '2 – Nauwelijks', 3: '3 – Deels', 4: '4 – Grotendeels', 5: '5 – Volledig' };
const GOAL_STATUS: Record<GoalFigures['status'], string> = { on_track: 'op koers', at_risk: 'risico', off_track: 'niet op koers', no_data: 'geen gegevens' };
const EVIDENCE_KIND: Record<EvidenceItem['kind'], string> = { figure: 'Cijfer', activity: 'Activiteit', goal: 'Doel', decision: 'Besluit', document: 'Document' };

export interface EvaluationReportInput {
  evaluation: EvaluationDetail;
  /** Name and source of each framework version the criteria were copied from. */
  frameworks: readonly { code: string; name: string; source: string }[];
  municipalityName: string;
  /** The Dutch calendar day it was established (YYYY-MM-DD), or null while it is not. */
  establishedOn: string | null;
  /** Today's Dutch calendar day: the day the document was made, and of the goals' current figures. */
  today: string;
}

function goalText(goal: GoalFigures, today: string): string {
  const value = (v: number) => withUnit(nl(v, goal.decimals), goal.unit);
  const latest = goal.latestValue === null ? 'nog geen meting' : `nu ${value(goal.latestValue)}${goal.latestPeriod !== null ? ` (${goal.latestPeriod})` : ''}`;
  const target = goal.target === null ? 'doel nog niet bekend' : `doel ${value(goal.target)} op ${dutchDay(goal.targetDate)}`;
  return `Stand van het doel op ${dutchDay(today)}: ${GOAL_STATUS[goal.status]}. ${goal.indicatorName} in ${goal.areaName}: ${latest}, start ${value(goal.baseline)}, ${target}.`;
}

function scoreBlocks(criterion: CriterionView): Block[] {
  const summary = criterion.summary;
  const scores = criterion.scores ?? [];
  if (!summary || scores.length === 0) return [{ type: 'paragraph', tone: 'normal', text: 'Geen scores.' }];
  const parts = [`Mediaan: ${summary.median === null ? 'geen' : nl(summary.median, 1)}`, `verschil hoogste en laagste: ${summary.spread === null ? 'geen' : nl(summary.spread, 0)}`];
  if (summary.notAssessable > 0) parts.push(`${summary.notAssessable} keer niet te beoordelen`);
  const blocks: Block[] = [{ type: 'paragraph', tone: 'normal', text: `${parts.join('; ')}.` }];
  if (summary.disagreement) blocks.push({ type: 'paragraph', tone: 'note', text: 'De beoordelaars verschillen 2 punten of meer over dit punt.' });
  blocks.push({
    type: 'table',
    caption: `Scores bij ${criterion.title}`,
    header: ['Beoordelaar', 'Score', 'Waarom'],
    numeric: [false, false, false],
    rows: scores.map((s) => [s.evaluatorName ?? 'Een beoordelaar', s.score === null ? 'Niet te beoordelen' : (SCORE[s.score] ?? String(s.score)), s.motivation || '—']),
  });
  return blocks;
}

/** One item of evidence in words; what the requester may not see is only counted, never described. */
function evidenceText(item: EvidenceItem): string {
  // Worded for the reader of the document, who is often not the one who made it.
  if (!item.visible) return 'Niet getoond: onderbouwing die de maker van dit document niet mag inzien.';
  let text = `${EVIDENCE_KIND[item.kind]}: ${item.label ?? ''}`;
  if (item.figure) {
    const { unit, value, liveValue, liveYear } = item.figure;
    const atLinking = value === null ? 'geen waarde' : withUnit(nl(value), unit);
    const now = liveValue === null ? 'nu geen waarde' : `nu ${withUnit(nl(liveValue), unit)} (${liveYear ?? ''})`;
    text += `; bij koppelen ${atLinking} (${item.figure.year}), ${now}`;
  }
  if (item.url) text += ` (${item.url})`;
  if (item.note) text += ` — ${item.note}`;
  return `${text} (gekoppeld door ${item.addedBy})`;
}

function criterionBlocks(criterion: CriterionView, today: string): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 2, text: criterion.title }];
  if (criterion.explanation) blocks.push({ type: 'paragraph', tone: 'normal', text: criterion.explanation });
  if (criterion.goal) blocks.push({ type: 'paragraph', tone: 'normal', text: goalText(criterion.goal, today) });
  blocks.push({ type: 'heading', level: 3, text: 'Scores' }, ...scoreBlocks(criterion));
  blocks.push({ type: 'heading', level: 3, text: 'Conclusie' }, { type: 'paragraph', tone: 'normal', text: criterion.conclusion.trim() || 'Nog geen conclusie.' });
  blocks.push({ type: 'heading', level: 3, text: 'Onderbouwing' });
  blocks.push(criterion.evidence.length ? { type: 'list', ordered: false, items: criterion.evidence.map(evidenceText) } : { type: 'paragraph', tone: 'normal', text: 'Geen onderbouwing gekoppeld.' });
  return blocks;
}

function overview(criteria: readonly CriterionView[]): Block {
  return {
    type: 'table',
    caption: 'Mediaan en verschil per punt',
    header: ['Kader', 'Punt', 'Mediaan', 'Verschil'],
    numeric: [false, false, true, true],
    rows: criteria.map((c) => {
      const median = c.summary?.median ?? null;
      const spread = c.summary?.spread ?? null;
      const row: TableCell[] = [FRAMEWORK[c.framework], c.title, median === null ? '—' : nl(median, 1), spread === null ? '—' : nl(spread, 0)];
      return c.summary?.disagreement ? row.map((cell) => bold(typeof cell === 'string' ? cell : cell.text)) : row;
    }),
  };
}

function factorBlocks(factors: readonly FactorView[], kind: FactorView['kind']): Block[] {
  const own = factors.filter((f) => f.kind === kind);
  return [
    { type: 'heading', level: 2, text: kind === 'success' ? 'Succesfactoren' : 'Faalfactoren' },
    own.length
      ? { type: 'list', ordered: false, items: own.map((f) => `${f.title}: ${f.explanation}${f.criterionTitle ? ` (bij: ${f.criterionTitle})` : ''}`) }
      : { type: 'paragraph', tone: 'normal', text: kind === 'success' ? 'Geen succesfactoren vastgelegd.' : 'Geen faalfactoren vastgelegd.' },
  ];
}

const slug = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'evaluatie';

export function evaluationReport({ evaluation, frameworks, municipalityName, establishedOn, today }: EvaluationReportInput): OtherDocument {
  const concept = evaluation.status !== 'established';
  const blocks: Block[] = [];
  if (evaluation.isDemo) {
    blocks.push({ type: 'paragraph', tone: 'example', text: 'Illustratief: deze evaluatie hoort bij de demo. De scores en toelichtingen zijn verzonnen; ze komen niet uit een echte evaluatie.' });
  }
  if (concept) {
    blocks.push({ type: 'paragraph', tone: 'note', text: 'Concept: deze evaluatie is nog niet vastgesteld. Het beoordelen is gesloten, maar conclusies en factoren kunnen nog veranderen.' });
  }
  blocks.push({
    type: 'fields',
    rows: [
      { label: 'Programma', value: evaluation.programmeName },
      { label: 'Gebied', value: evaluation.areaName },
      { label: 'Soort', value: KIND[evaluation.kind] },
      { label: 'Stand', value: establishedOn ? `Vastgesteld op ${dutchDay(establishedOn)}` : 'Concept (beoordelen gesloten, nog niet vastgesteld)' },
      { label: 'Leider', value: evaluation.lead.name },
      { label: 'Beoordelaars', value: evaluation.evaluators.map((e) => e.name).join(', ') },
      { label: 'Document gemaakt op', value: dutchDay(today) },
    ],
  });
  blocks.push(
    { type: 'heading', level: 1, text: 'Uitkomst per punt' },
    { type: 'paragraph', tone: 'normal', text: 'Scores: 1 niet, 2 nauwelijks, 3 deels, 4 grotendeels, 5 volledig gelukt. Niet te beoordelen telt niet mee in mediaan en verschil. Vet: de beoordelaars verschillen 2 punten of meer.' },
    overview(evaluation.criteria),
  );
  for (const code of ['platform31', 'programme_goals'] as const) {
    const criteria = evaluation.criteria.filter((c) => c.framework === code);
    if (criteria.length === 0) continue;
    const used = frameworks.find((f) => f.code === code);
    blocks.push({ type: 'heading', level: 1, text: used?.name ?? FRAMEWORK[code] });
    if (used?.source) blocks.push({ type: 'paragraph', tone: 'note', text: `Bron: ${used.source}` });
    if (code === 'programme_goals') blocks.push({ type: 'paragraph', tone: 'note', text: 'Elk operationeel doel van het programma is een punt. De stand en cijfers van de doelen zijn die op de dag dat dit document is gemaakt.' });
    for (const criterion of criteria) blocks.push(...criterionBlocks(criterion, today));
  }
  blocks.push({ type: 'heading', level: 1, text: 'Succes- en faalfactoren' }, ...factorBlocks(evaluation.factors, 'success'), ...factorBlocks(evaluation.factors, 'failure'));
  if (evaluation.adoptedFactors.length) {
    blocks.push(
      { type: 'heading', level: 1, text: 'Lessen uit eerdere evaluaties' },
      { type: 'paragraph', tone: 'normal', text: 'Lessen uit eerdere evaluaties en documenten die in deze evaluatie zijn getoetst.' },
      { type: 'list', ordered: false, items: evaluation.adoptedFactors.map((f) => `${f.kind === 'success' ? 'Succesfactor' : 'Faalfactor'}: ${f.title} — ${f.explanation}${f.origin ? ` (uit: ${f.origin})` : ''}${f.note ? `. Waarom overgenomen: ${f.note}` : ''}`) },
    );
  }
  return {
    title: `${concept ? 'Concept: ' : ''}${evaluation.title}`,
    subtitle: `${KIND[evaluation.kind]} van ${evaluation.programmeName}, ${evaluation.areaName}${evaluation.isDemo && !/illustratief/i.test(evaluation.title) ? ' (illustratief)' : ''}`,
    // The cover and every page footer say the peildatum: the evaluation's own.
    peildatum: evaluation.peildatum,
    municipalityName,
    fileName: `evaluatie-${slug(evaluation.title)}-${concept ? 'concept' : 'vastgesteld'}-${today}`,
    blocks,
  };
}
