import type { ChannelCounts, Question, QuestionResultRow, ResultArea } from '../contract.js';
import { cellId, suppressCells, surveyGroups, type AreaTree } from './suppression.js';

/**
 * Results of a survey from its stored responses: counts per area (buurt, wijk, the survey's total) and
 * channel, and per question the mean rating or the shares better/same/worse, with small-number suppression
 * over each count table (suppression.ts). Open answers never become figures.
 */

export interface ResponseRecord {
  buurt_code: string;
  channel: string;
  answers: Record<string, number | string>;
}

export interface SurveyAreaRecord {
  buurt_code: string;
  buurt_name: string;
  wijk_code: string;
  wijk_name: string;
}

export interface ComputedResults {
  areas: ResultArea[];
  respondents: Record<string, ChannelCounts>;
  questions: (Question & { rows: QuestionResultRow[] })[];
  /** How many cells (area × channel, respondents and questions) were withheld. */
  suppressedCells: number;
}

const CHANNEL_KEYS = ['code', 'open', 'all'] as const;

export function resultAreas(totalCode: string, totalName: string, areas: readonly SurveyAreaRecord[]): { list: ResultArea[]; tree: AreaTree } {
  const wijken = new Map<string, string[]>();
  const wijkNames = new Map<string, string>();
  for (const a of areas) {
    wijken.set(a.wijk_code, [...(wijken.get(a.wijk_code) ?? []), a.buurt_code]);
    wijkNames.set(a.wijk_code, a.wijk_name);
  }
  const list: ResultArea[] = [{ code: totalCode, name: totalName, level: 'gemeente', wijkCode: null }];
  for (const [wijk, buurten] of wijken) {
    list.push({ code: wijk, name: wijkNames.get(wijk) ?? wijk, level: 'wijk', wijkCode: null });
    for (const b of buurten) list.push({ code: b, name: areas.find((a) => a.buurt_code === b)?.buurt_name ?? b, level: 'buurt', wijkCode: wijk });
  }
  return { list, tree: { totalCode, wijken } };
}

/** Adds a response's count to its buurt, its wijk and the total, for its channel and for 'all'. */
function countInto(counts: Map<string, number>, tree: AreaTree, buurt: string, channel: string, wijkOf: ReadonlyMap<string, string>) {
  const wijk = wijkOf.get(buurt);
  for (const area of [buurt, wijk, tree.totalCode]) {
    if (!area) continue;
    for (const c of [channel, 'all']) counts.set(cellId(area, c), (counts.get(cellId(area, c)) ?? 0) + 1);
  }
}

function emptyCounts(list: readonly ResultArea[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const area of list) for (const c of CHANNEL_KEYS) counts.set(cellId(area.code, c), 0);
  return counts;
}

export function computeResults(input: {
  totalCode: string;
  totalName: string;
  areas: readonly SurveyAreaRecord[];
  questions: readonly Question[];
  responses: readonly ResponseRecord[];
  threshold: number;
}): ComputedResults {
  const { list, tree } = resultAreas(input.totalCode, input.totalName, input.areas);
  const wijkOf = new Map(input.areas.map((a) => [a.buurt_code, a.wijk_code]));
  const groups = surveyGroups(tree);
  const responses = input.responses.filter((r) => wijkOf.has(r.buurt_code));
  let suppressedCells = 0;

  const respondentCounts = emptyCounts(list);
  for (const r of responses) countInto(respondentCounts, tree, r.buurt_code, r.channel, wijkOf);
  const respondentSuppressed = suppressCells(respondentCounts, groups, input.threshold);
  suppressedCells += respondentSuppressed.size;
  const respondents: Record<string, ChannelCounts> = {};
  for (const area of list) {
    const figure = (c: (typeof CHANNEL_KEYS)[number]) => (respondentSuppressed.has(cellId(area.code, c)) ? null : (respondentCounts.get(cellId(area.code, c)) ?? 0));
    respondents[area.code] = { code: figure('code'), open: figure('open'), all: figure('all') };
  }

  const questions = input.questions.map((question) => {
    if (question.kind === 'open') return { ...question, rows: [] };
    const answered = responses.filter((r) => r.answers[question.key] !== undefined);
    const counts = emptyCounts(list);
    for (const r of answered) countInto(counts, tree, r.buurt_code, r.channel, wijkOf);
    const suppressed = suppressCells(counts, groups, input.threshold);
    suppressedCells += suppressed.size;
    const rows: QuestionResultRow[] = list.map((area) => {
      const inArea = answered.filter((r) => area.level === 'gemeente' || r.buurt_code === area.code || wijkOf.get(r.buurt_code) === area.code);
      const row: QuestionResultRow = { areaCode: area.code, n: null, mean: null, better: null, same: null, worse: null, options: null };
      // Figures are published for all channels together; a suppressed cell shows nothing at all.
      if (suppressed.has(cellId(area.code, 'all'))) return row;
      const values = inArea.map((r) => r.answers[question.key]!);
      row.n = values.length;
      const share = (match: (v: number | string) => boolean) => (100 * values.filter(match).length) / values.length;
      if (question.kind === 'rating') row.mean = values.reduce<number>((sum, v) => sum + Number(v), 0) / values.length;
      if (question.kind === 'trend') {
        row.better = share((v) => v === 'better');
        row.same = share((v) => v === 'same');
        row.worse = share((v) => v === 'worse');
      }
      if (question.kind === 'choice') row.options = Object.fromEntries(question.options.map((o) => [o.key, share((v) => v === o.key)]));
      return row;
    });
    return { ...question, rows };
  });
  return { areas: list, respondents, questions, suppressedCells };
}

/** The indicators a survey publishes: respondents, and per rating its mean, per trend question the shares better and worse. */
export function surveyIndicators(prefix: string, sourceLabel: string, questions: readonly Question[]) {
  const entries: { code: string; name: string; unit: string; definition: string; polarity: 'higher_is_better' | 'lower_is_better' | 'neutral'; decimals: number; questionKey: string | null; stat: 'respondents' | 'mean' | 'better' | 'worse' }[] = [
    { code: `${prefix}_respondents`, name: `Respondenten (${sourceLabel})`, unit: 'aantal', definition: 'Aantal bewoners dat de enquête invulde (code en open link samen).', polarity: 'neutral', decimals: 0, questionKey: null, stat: 'respondents' },
  ];
  for (const q of questions) {
    if (q.kind === 'rating') entries.push({ code: `${prefix}_${q.key}_gem`, name: `${q.textNl} (gemiddeld cijfer)`, unit: 'rapportcijfer', definition: `Gemiddeld rapportcijfer (1–10) op de vraag: ${q.textNl}`, polarity: 'higher_is_better', decimals: 1, questionKey: q.key, stat: 'mean' });
    if (q.kind === 'trend') {
      entries.push({ code: `${prefix}_${q.key}_beter`, name: `${q.textNl}: beter (%)`, unit: '%', definition: `Aandeel dat "beter" antwoordde op: ${q.textNl}`, polarity: 'higher_is_better', decimals: 0, questionKey: q.key, stat: 'better' });
      entries.push({ code: `${prefix}_${q.key}_slechter`, name: `${q.textNl}: slechter (%)`, unit: '%', definition: `Aandeel dat "slechter" antwoordde op: ${q.textNl}`, polarity: 'lower_is_better', decimals: 0, questionKey: q.key, stat: 'worse' });
    }
  }
  return entries;
}
