import type { Kysely } from 'kysely';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { conflict, invalid, notFound, type Database, type FieldError } from '../../../platform/server/index.js';
import { normaliseCode, OPEN_TEXT_MAX, TREND_ANSWERS, type Answers, type CodeLookupResult, type Question } from '../contract.js';
import { codeHash, openTokenHash } from './codes.js';
import { claimCode, findCode, findSurveyAreas, insertOpenToken, insertResponse, lockAnswersOf, lockSurvey, reshuffleOpenTokens, reshuffleUsedCodes, type SurveyRow } from './survey.queries.js';
import { isOpenOn, loadQuestions, publicSurvey, requireSurvey } from './survey.service.js';
import { surveyDb } from './survey.tables.js';

/**
 * What a resident does: look up an invitation code, answer with it (once), or answer through the open link.
 *
 * Deliberately without an audit row: the audit log has a time and a sequence per row, and a row per answer
 * would be exactly the per-answer timestamp the unlinkability design leaves out (docs/survey.md). Residents
 * are anonymous; what officials do with surveys (define, make codes, publish) is audited.
 */

export interface ResidentDeps {
  db: Kysely<Database>;
  /** Keys the HMAC of codes and browser tokens (derived from the server secret). */
  key: Buffer;
  now: Date;
}

function requireOpen(row: SurveyRow, now: Date): void {
  if (!isOpenOn(row, calendarDayOf(now))) throw conflict('survey.closed', `This survey is open from ${row.opens_on} to ${row.closes_on}`);
}

/** The code as stored, or 422 for text that cannot be a code at all. */
export function hashOfTypedCode(key: Buffer, typed: string): string {
  const code = normaliseCode(typed);
  if (!code) throw invalid('survey.code_malformed', 'An invitation code has 12 letters and digits', [{ path: 'body.code', message: 'an invitation code has 12 letters and digits' }]);
  return codeHash(key, code);
}

async function codeSurvey(deps: ResidentDeps, typed: string) {
  const hash = hashOfTypedCode(deps.key, typed);
  const code = await findCode(surveyDb(deps.db), hash);
  if (!code) throw notFound('Invitation code', 'survey.code_unknown');
  const survey = await requireSurvey(deps.db, code.survey_id);
  return { hash, code, survey };
}

export async function lookupCode(deps: ResidentDeps, typed: string): Promise<CodeLookupResult> {
  const { code, survey } = await codeSurvey(deps, typed);
  if (code.used) throw conflict('survey.code_used', 'This invitation code has been used');
  requireOpen(survey, deps.now);
  const form = await publicSurvey(deps.db, survey, deps.now);
  const buurt = form.buurten.find((b) => b.code === code.buurt_code);
  if (!buurt) throw notFound('Invitation code', 'survey.code_unknown');
  return { survey: form, buurt };
}

/** Checks every answer against its question; unknown keys and wrong values are refused with 422, all at once. */
export function checkAnswers(questions: readonly Question[], answers: Answers): Record<string, number | string> {
  const errors: FieldError[] = [];
  const clean: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(answers)) {
    const question = questions.find((q) => q.key === key);
    const path = `body.answers.${key}`;
    if (!question) errors.push({ path, message: 'not a question of this survey' });
    else if (question.kind === 'rating' && !(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10)) errors.push({ path, message: 'a rating from 1 to 10' });
    else if (question.kind === 'trend' && !(TREND_ANSWERS as readonly unknown[]).includes(value)) errors.push({ path, message: 'better, same or worse' });
    else if (question.kind === 'choice' && !question.options.some((o) => o.key === value)) errors.push({ path, message: 'one of the options' });
    else if (question.kind === 'open' && !(typeof value === 'string' && value.trim() && value.length <= OPEN_TEXT_MAX)) errors.push({ path, message: `text of at most ${OPEN_TEXT_MAX} characters` });
    else clean[key] = question.kind === 'open' ? (value as string).trim() : value;
  }
  if (errors.length) throw invalid('survey.bad_answers', 'Some answers do not fit their question', errors);
  if (Object.keys(clean).length === 0) throw invalid('survey.no_answers', 'Answer at least one question', [{ path: 'body.answers', message: 'answer at least one question' }]);
  return clean;
}

/** Answers with an invitation code: the code is marked used and the answers stored in one transaction, once. */
export async function submitWithCode(deps: ResidentDeps, typed: string, answers: Answers): Promise<void> {
  const { hash, code, survey } = await codeSurvey(deps, typed);
  if (code.used) throw conflict('survey.code_used', 'This invitation code has been used');
  requireOpen(survey, deps.now);
  const clean = checkAnswers(await loadQuestions(deps.db, survey.id), answers);
  await deps.db.transaction().execute(async (tx) => {
    const db = surveyDb(tx);
    await lockSurvey(db, survey.id);
    await lockAnswersOf(db, `${survey.id}:${code.buurt_code}`);
    // Two requests with one code: the row lock lets one of them change it; the other finds it used.
    if (!(await claimCode(db, hash))) throw conflict('survey.code_used', 'This invitation code has been used');
    await reshuffleUsedCodes(db, survey.id, code.buurt_code);
    await insertResponse(db, { surveyId: survey.id, buurtCode: code.buurt_code, channel: 'code', answers: clean });
  });
}

/** Answers through the open link: the resident names their buurt; a browser token seen before is refused. */
export async function submitOpen(deps: ResidentDeps, surveyId: string, input: { buurtCode: string; answers: Answers; browserToken: string }): Promise<void> {
  const survey = await requireSurvey(deps.db, surveyId);
  requireOpen(survey, deps.now);
  const areas = await findSurveyAreas(surveyDb(deps.db), surveyId);
  if (!areas.some((a) => a.buurt_code === input.buurtCode)) throw invalid('survey.unknown_buurt', 'This buurt is not part of the survey', [{ path: 'body.buurtCode', message: 'not a buurt of this survey' }]);
  const clean = checkAnswers(await loadQuestions(deps.db, surveyId), input.answers);
  await deps.db.transaction().execute(async (tx) => {
    const db = surveyDb(tx);
    await lockSurvey(db, surveyId);
    await lockAnswersOf(db, `${surveyId}:open`);
    if (!(await insertOpenToken(db, surveyId, openTokenHash(deps.key, surveyId, input.browserToken)))) throw conflict('survey.already_answered', 'This browser has already answered this survey');
    await reshuffleOpenTokens(db, surveyId);
    await insertResponse(db, { surveyId, buurtCode: input.buurtCode, channel: 'open', answers: clean });
  });
}

export async function openSurveyForm(deps: ResidentDeps, surveyId: string) {
  const survey = await requireSurvey(deps.db, surveyId);
  return publicSurvey(deps.db, survey, deps.now);
}
