import { sql } from 'kysely';
import type { SurveyDb } from './survey.tables.js';

/** SQL of the survey module. */

export interface SurveyRow {
  id: string;
  municipality_code: string;
  municipality_name: string;
  title: string;
  year: number;
  opens_on: string;
  closes_on: string;
  min_respondents: number;
  indicator_prefix: string;
  published_at: Date | null;
}

function surveySelect(db: SurveyDb) {
  return db
    .selectFrom('surveys')
    .select(['id', 'municipality_code', 'municipality_name', 'title', 'year', 'min_respondents', 'indicator_prefix', 'published_at'])
    .select([sql<string>`opens_on::text`.as('opens_on'), sql<string>`closes_on::text`.as('closes_on')]);
}

export async function findSurveys(db: SurveyDb): Promise<SurveyRow[]> {
  return surveySelect(db).orderBy('opens_on', 'desc').orderBy('title').execute();
}

export async function findSurvey(db: SurveyDb, id: string): Promise<SurveyRow | undefined> {
  return surveySelect(db).where('id', '=', id).executeTakeFirst();
}

/** The row locked for the rest of the transaction (a submission against a change of the closing day). */
export async function lockSurvey(db: SurveyDb, id: string): Promise<void> {
  await db.selectFrom('surveys').select('id').where('id', '=', id).forShare().execute();
}

/**
 * One answer at a time per buurt (code channel) or per survey (open channel), until the transaction ends.
 * Without it two concurrent answers would each rewrite only the rows they can see, and the later one's own
 * code (or token) would keep a transaction id of its own, the same as its answer's.
 */
export async function lockAnswersOf(db: SurveyDb, scope: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`survey-answers:${scope}`}, 0))`.execute(db);
}

export async function findQuestions(db: SurveyDb, surveyId: string) {
  return db.selectFrom('survey_questions').select(['key', 'kind', 'text_nl', 'text_en', 'options']).where('survey_id', '=', surveyId).orderBy('position').execute();
}

export async function findSurveyAreas(db: SurveyDb, surveyId: string) {
  return db.selectFrom('survey_areas').select(['buurt_code', 'buurt_name', 'wijk_code', 'wijk_name']).where('survey_id', '=', surveyId).orderBy('wijk_code').orderBy('buurt_code').execute();
}

export async function findCodesIssued(db: SurveyDb, surveyId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('survey_code_batches')
    .select(['buurt_code', sql<string>`sum(count)`.as('issued')])
    .where('survey_id', '=', surveyId)
    .groupBy('buurt_code')
    .execute();
  return new Map(rows.map((r) => [r.buurt_code, Number(r.issued)]));
}

export async function insertSurvey(
  db: SurveyDb,
  survey: { municipalityCode: string; municipalityName: string; title: string; year: number; opensOn: string; closesOn: string; minRespondents: number; indicatorPrefix: string; createdBy: string | null },
): Promise<string> {
  const row = await db
    .insertInto('surveys')
    .values({
      municipality_code: survey.municipalityCode,
      municipality_name: survey.municipalityName,
      title: survey.title,
      year: survey.year,
      opens_on: survey.opensOn,
      closes_on: survey.closesOn,
      min_respondents: survey.minRespondents,
      indicator_prefix: survey.indicatorPrefix,
      created_by: survey.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSurveyAreas(db: SurveyDb, surveyId: string, areas: { buurtCode: string; buurtName: string; wijkCode: string; wijkName: string }[]): Promise<void> {
  await db
    .insertInto('survey_areas')
    .values(areas.map((a) => ({ survey_id: surveyId, buurt_code: a.buurtCode, buurt_name: a.buurtName, wijk_code: a.wijkCode, wijk_name: a.wijkName })))
    .execute();
}

export async function insertQuestions(db: SurveyDb, surveyId: string, questions: { key: string; kind: string; textNl: string; textEn: string; options: unknown[] }[]): Promise<void> {
  await db
    .insertInto('survey_questions')
    .values(questions.map((q, i) => ({ survey_id: surveyId, key: q.key, position: i + 1, kind: q.kind, text_nl: q.textNl, text_en: q.textEn, options: JSON.stringify(q.options) })))
    .execute();
}

export async function updateSurveySettings(db: SurveyDb, id: string, changes: { min_respondents?: number; closes_on?: string }): Promise<void> {
  await db.updateTable('surveys').set(changes).where('id', '=', id).execute();
}

export async function markPublished(db: SurveyDb, id: string, at: Date): Promise<void> {
  await db.updateTable('surveys').set({ published_at: at }).where('id', '=', id).execute();
}

export async function insertCodeBatch(db: SurveyDb, batch: { surveyId: string; buurtCode: string; count: number; createdBy: string }): Promise<void> {
  await db.insertInto('survey_code_batches').values({ survey_id: batch.surveyId, buurt_code: batch.buurtCode, count: batch.count, created_by: batch.createdBy }).execute();
}

/** Codes in random order, so not even the insertion order follows the printed letters. */
export async function insertCodes(db: SurveyDb, surveyId: string, codes: { hash: string; buurtCode: string }[]): Promise<void> {
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    await sql`
      INSERT INTO survey_codes (code_hash, survey_id, buurt_code, used)
      SELECT t.hash, ${surveyId}::uuid, t.buurt, false
      FROM unnest(${chunk.map((c) => c.hash)}::text[], ${chunk.map((c) => c.buurtCode)}::text[]) AS t(hash, buurt)
      ORDER BY random()`.execute(db);
  }
}

export async function findCode(db: SurveyDb, hash: string) {
  return db.selectFrom('survey_codes').select(['survey_id', 'buurt_code', 'used']).where('code_hash', '=', hash).executeTakeFirst();
}

/** Marks the code used if it was not; false when another request used it first (the row lock decides). */
export async function claimCode(db: SurveyDb, hash: string): Promise<boolean> {
  const result = await db.updateTable('survey_codes').set({ used: true }).where('code_hash', '=', hash).where('used', '=', false).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Rewrites every used code of the buurt, in random order, in the transaction that used one. Afterwards all
 * of them carry this transaction's id (xmin) and sit in the table in random order: neither the system
 * columns nor the physical order tell which of them was used last, or in which order they were used.
 */
export async function reshuffleUsedCodes(db: SurveyDb, surveyId: string, buurtCode: string): Promise<void> {
  await sql`
    WITH used AS (DELETE FROM survey_codes WHERE survey_id = ${surveyId} AND buurt_code = ${buurtCode} AND used RETURNING code_hash, survey_id, buurt_code)
    INSERT INTO survey_codes (code_hash, survey_id, buurt_code, used)
    SELECT code_hash, survey_id, buurt_code, true FROM used ORDER BY random()`.execute(db);
}

export async function insertResponse(db: SurveyDb, response: { surveyId: string; buurtCode: string; channel: 'code' | 'open'; answers: Record<string, number | string> }): Promise<void> {
  await db
    .insertInto('survey_responses')
    .values({ survey_id: response.surveyId, buurt_code: response.buurtCode, channel: response.channel, answers: JSON.stringify(response.answers) })
    .execute();
}

/** False when the token was seen before in this survey. */
export async function insertOpenToken(db: SurveyDb, surveyId: string, hash: string): Promise<boolean> {
  const rows = await db.insertInto('survey_open_tokens').values({ token_hash: hash, survey_id: surveyId }).onConflict((oc) => oc.column('token_hash').doNothing()).returning('token_hash').execute();
  return rows.length === 1;
}

/** The same treatment as the used codes: every token of the survey rewritten in random order. */
export async function reshuffleOpenTokens(db: SurveyDb, surveyId: string): Promise<void> {
  await sql`
    WITH tokens AS (DELETE FROM survey_open_tokens WHERE survey_id = ${surveyId} RETURNING token_hash, survey_id)
    INSERT INTO survey_open_tokens (token_hash, survey_id) SELECT token_hash, survey_id FROM tokens ORDER BY random()`.execute(db);
}

/** Tokens of surveys closed before `today` are no longer needed. */
export async function deleteTokensOfClosedSurveys(db: SurveyDb, today: string): Promise<number> {
  const result = await sql`DELETE FROM survey_open_tokens t USING surveys s WHERE s.id = t.survey_id AND s.closes_on < ${today}::date`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function findResponses(db: SurveyDb, surveyId: string) {
  return db.selectFrom('survey_responses').select(['buurt_code', 'channel', 'answers']).where('survey_id', '=', surveyId).execute();
}
