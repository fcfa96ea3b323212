import type { Kysely } from 'kysely';
import { findAreaNames, findBuurtOrWijk } from '../../areas/index.js';
import { writeSurveyFigures, type OwnFigure } from '../../indicators/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { conflict, invalid, notFound, withAudit, type Actor, type AuditActor, type Database, type FieldError } from '../../../platform/server/index.js';
import {
  DEFAULT_MIN_RESPONDENTS,
  type CreateSurvey,
  type PublicSurvey,
  type PublishResult,
  type Question,
  type QuestionKind,
  type SurveyDetail,
  type SurveyResults,
  type SurveySummary,
  type UpdateSurvey,
} from '../contract.js';
import { computeResults, surveyIndicators } from './results.js';
import {
  findCodesIssued,
  findQuestions,
  findResponses,
  findSurvey,
  findSurveyAreas,
  findSurveys,
  insertQuestions,
  insertSurvey,
  insertSurveyAreas,
  markPublished,
  updateSurveySettings,
  type SurveyRow,
} from './survey.queries.js';
import { surveyDb } from './survey.tables.js';

/** Surveys as the municipality defines them, their results, and publishing the figures (docs/survey.md). */

export const isOpenOn = (row: Pick<SurveyRow, 'opens_on' | 'closes_on'>, day: string) => row.opens_on <= day && day <= row.closes_on;

export function toSummary(row: SurveyRow, now: Date): SurveySummary {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    title: row.title,
    year: row.year,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    open: isOpenOn(row, calendarDayOf(now)),
    minRespondents: row.min_respondents,
    indicatorPrefix: row.indicator_prefix,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
  };
}

export async function requireSurvey(db: Kysely<Database>, id: string): Promise<SurveyRow> {
  const row = await findSurvey(surveyDb(db), id);
  if (!row) throw notFound('Survey', 'survey.not_found');
  return row;
}

export async function loadQuestions(db: Kysely<Database>, surveyId: string): Promise<Question[]> {
  const rows = await findQuestions(surveyDb(db), surveyId);
  return rows.map((q) => ({ key: q.key, kind: q.kind as QuestionKind, textNl: q.text_nl, textEn: q.text_en, options: q.options }));
}

export async function publicSurvey(db: Kysely<Database>, row: SurveyRow, now: Date): Promise<PublicSurvey> {
  const areas = await findSurveyAreas(surveyDb(db), row.id);
  return {
    id: row.id,
    title: row.title,
    municipalityName: row.municipality_name,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    open: isOpenOn(row, calendarDayOf(now)),
    questions: await loadQuestions(db, row.id),
    buurten: areas.map((a) => ({ code: a.buurt_code, name: a.buurt_name, wijkCode: a.wijk_code, wijkName: a.wijk_name })),
  };
}

export async function listSurveys(db: Kysely<Database>, now: Date): Promise<SurveySummary[]> {
  return (await findSurveys(surveyDb(db))).map((row) => toSummary(row, now));
}

export async function readSurvey(db: Kysely<Database>, id: string, now: Date): Promise<SurveyDetail> {
  const row = await requireSurvey(db, id);
  const [areas, issued] = [await findSurveyAreas(surveyDb(db), id), await findCodesIssued(surveyDb(db), id)];
  return {
    ...toSummary(row, now),
    questions: await loadQuestions(db, id),
    buurten: areas.map((a) => ({ code: a.buurt_code, name: a.buurt_name, wijkCode: a.wijk_code, wijkName: a.wijk_name, codesIssued: issued.get(a.buurt_code) ?? 0 })),
  };
}

/** The buurten with their wijk as the area list knows them; every code must be a buurt of the municipality. */
async function resolveBuurten(db: Kysely<Database>, municipalityCode: string, codes: readonly string[]) {
  const errors: FieldError[] = [];
  const found: { buurtCode: string; buurtName: string; wijkCode: string; wijkName: string }[] = [];
  for (const [i, code] of codes.entries()) {
    const area = await findBuurtOrWijk(db, code);
    if (!area || area.level !== 'buurt' || area.municipalityCode !== municipalityCode || !area.wijkCode) {
      errors.push({ path: `body.buurtCodes.${i}`, message: `${code} is not a buurt of ${municipalityCode}` });
      continue;
    }
    found.push({ buurtCode: code, buurtName: area.name, wijkCode: area.wijkCode, wijkName: '' });
  }
  if (errors.length) throw invalid('survey.unknown_buurt', 'Some buurten are not buurten of this municipality', errors);
  const wijkNames = await findAreaNames(db, found.map((b) => b.wijkCode));
  return found.map((b) => ({ ...b, wijkName: wijkNames.get(b.wijkCode) ?? b.wijkCode }));
}

export async function createSurvey(db: Kysely<Database>, actor: AuditActor, input: CreateSurvey, now: Date): Promise<SurveyDetail> {
  const municipalityName = (await findAreaNames(db, [input.municipalityCode])).get(input.municipalityCode);
  if (!municipalityName) throw invalid('survey.unknown_municipality', `Unknown municipality ${input.municipalityCode}`, [{ path: 'body.municipalityCode', message: 'unknown municipality' }]);
  const buurten = await resolveBuurten(db, input.municipalityCode, input.buurtCodes);
  const indicatorPrefix = `enq_${input.municipalityCode.toLowerCase()}_${input.year}`;
  const taken = (await findSurveys(surveyDb(db))).some((s) => s.indicator_prefix === indicatorPrefix);
  if (taken) throw conflict('survey.exists_for_year', `There is already a survey of ${input.municipalityCode} for ${input.year}: its figures would share the indicators`);
  const id = await db.transaction().execute(async (tx) => {
    const created = await insertSurvey(surveyDb(tx), {
      municipalityCode: input.municipalityCode,
      municipalityName,
      title: input.title,
      year: input.year,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      minRespondents: input.minRespondents ?? DEFAULT_MIN_RESPONDENTS,
      indicatorPrefix,
      createdBy: actor.userId,
    });
    await insertSurveyAreas(surveyDb(tx), created, buurten);
    await insertQuestions(surveyDb(tx), created, input.questions.map((q) => ({ ...q, options: q.options ?? [] })));
    await withAudit(tx, actor, 'survey.create', { type: 'survey', id: created }, { title: input.title, municipalityCode: input.municipalityCode, year: input.year, buurten: buurten.length, questions: input.questions.length }, now);
    return created;
  });
  return readSurvey(db, id, now);
}

export async function updateSurvey(db: Kysely<Database>, actor: Actor, id: string, input: UpdateSurvey, now: Date): Promise<SurveyDetail> {
  const row = await requireSurvey(db, id);
  if (input.closesOn !== undefined && input.closesOn < row.opens_on) throw invalid('survey.closes_before_opening', 'The survey would close before it opens', [{ path: 'body.closesOn', message: 'closes before it opens' }]);
  await db.transaction().execute(async (tx) => {
    await updateSurveySettings(surveyDb(tx), id, { ...(input.minRespondents !== undefined ? { min_respondents: input.minRespondents } : {}), ...(input.closesOn !== undefined ? { closes_on: input.closesOn } : {}) });
    await withAudit(tx, actor, 'survey.update', { type: 'survey', id }, { ...input }, now);
  });
  return readSurvey(db, id, now);
}

async function computeFor(db: Kysely<Database>, row: SurveyRow) {
  const [areas, questions, responses] = [await findSurveyAreas(surveyDb(db), row.id), await loadQuestions(db, row.id), await findResponses(surveyDb(db), row.id)];
  const computed = computeResults({ totalCode: row.municipality_code, totalName: row.municipality_name, areas, questions, responses, threshold: row.min_respondents });
  return { areas, questions, responses, computed };
}

const sourceLabel = (row: SurveyRow) => `Bewonersenquête ${row.municipality_name} ${row.year}`;

export async function readResults(db: Kysely<Database>, id: string, now: Date): Promise<SurveyResults> {
  const row = await requireSurvey(db, id);
  const { questions, responses, computed } = await computeFor(db, row);
  const openTexts = questions
    .filter((q) => q.kind === 'open')
    .map((q) => ({ questionKey: q.key, texts: responses.map((r) => r.answers[q.key]).filter((v): v is string => typeof v === 'string').sort((a, b) => a.localeCompare(b, 'nl')) }));
  return {
    survey: toSummary(row, now),
    areas: computed.areas,
    respondents: computed.respondents,
    questions: computed.questions,
    openTexts,
    indicators: surveyIndicators(row.indicator_prefix, sourceLabel(row), questions).map((i) => ({ code: i.code, name: i.name })),
  };
}

/** Writes the results per buurt, wijk and the total as indicator values (suppressed cells as suppressed), with an audit row. */
export async function publishFigures(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<PublishResult> {
  const row = await requireSurvey(db, id);
  const { questions, computed } = await computeFor(db, row);
  const indicators = surveyIndicators(row.indicator_prefix, sourceLabel(row), questions);
  const figures: OwnFigure[] = [];
  for (const area of computed.areas) {
    for (const indicator of indicators) {
      let value: number | null;
      if (indicator.stat === 'respondents') value = computed.respondents[area.code]?.all ?? null;
      else {
        const result = computed.questions.find((q) => q.key === indicator.questionKey)?.rows.find((r) => r.areaCode === area.code);
        value = result ? (indicator.stat === 'mean' ? result.mean : indicator.stat === 'better' ? result.better : result.worse) : null;
      }
      figures.push({ areaCode: area.code, indicatorCode: indicator.code, value, suppressed: value === null });
    }
  }
  const written = await db.transaction().execute(async (tx) => {
    const result = await writeSurveyFigures(tx, { year: row.year, indicators: indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, definition: i.definition, source: sourceLabel(row), polarity: i.polarity, decimals: i.decimals })), figures });
    await markPublished(surveyDb(tx), id, now);
    await withAudit(tx, actor, 'survey.publish', { type: 'survey', id }, { indicators: indicators.length, values: result.values, suppressed: result.suppressed, threshold: row.min_respondents }, now);
    return result;
  });
  return { publishedAt: now.toISOString(), indicators: indicators.length, values: written.values, suppressed: written.suppressed };
}
