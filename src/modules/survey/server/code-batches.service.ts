import type { Kysely } from 'kysely';
import { invalid, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { CodeBatchRequest } from '../contract.js';
import { codeHash, newInvitationCode } from './codes.js';
import { lettersCsv, lettersPdf, type LetterCode } from './letters.js';
import { findSurveyAreas, insertCodeBatch, insertCodes } from './survey.queries.js';
import { requireSurvey } from './survey.service.js';
import { surveyDb } from './survey.tables.js';

/**
 * Makes invitation codes for letters: stores their keyed hashes with the buurt (unused), audits how many per
 * buurt, and hands the codes back once, as the print file. They cannot be shown again.
 */
export async function makeCodeBatch(
  db: Kysely<Database>,
  deps: { key: Buffer; now: Date; answerUrl: string },
  actor: Actor,
  surveyId: string,
  input: CodeBatchRequest,
): Promise<{ body: Buffer | string; contentType: string; fileName: string }> {
  const survey = await requireSurvey(db, surveyId);
  const areas = await findSurveyAreas(surveyDb(db), surveyId);
  const errors = input.buurtCodes.flatMap((code, i) => (areas.some((a) => a.buurt_code === code) ? [] : [{ path: `body.buurtCodes.${i}`, message: `${code} is not a buurt of this survey` }]));
  if (errors.length) throw invalid('survey.unknown_buurt', 'Some buurten are not part of the survey', errors);
  const codes: LetterCode[] = [];
  for (const buurtCode of input.buurtCodes) {
    const buurtName = areas.find((a) => a.buurt_code === buurtCode)!.buurt_name;
    const seen = new Set<string>();
    while (seen.size < input.perBuurt) seen.add(newInvitationCode());
    for (const code of seen) codes.push({ code, buurtCode, buurtName });
  }
  await db.transaction().execute(async (tx) => {
    // A collision with an earlier code (about 1 in 10^8 for a million codes) fails the primary key: nothing is stored, try again.
    await insertCodes(surveyDb(tx), surveyId, codes.map((c) => ({ hash: codeHash(deps.key, c.code), buurtCode: c.buurtCode })));
    for (const buurtCode of input.buurtCodes) await insertCodeBatch(surveyDb(tx), { surveyId, buurtCode, count: input.perBuurt, createdBy: actor.userId });
    await withAudit(tx, actor, 'survey.codes.create', { type: 'survey', id: surveyId }, { buurten: input.buurtCodes, perBuurt: input.perBuurt, format: input.format }, deps.now);
  });
  const context = { title: survey.title, municipalityName: survey.municipality_name, opensOn: survey.opens_on, closesOn: survey.closes_on, answerUrl: deps.answerUrl };
  const stem = `uitnodigingscodes-${survey.indicator_prefix}`;
  if (input.format === 'csv') return { body: lettersCsv(codes, context), contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
  return { body: await lettersPdf(codes, context), contentType: 'application/pdf', fileName: `${stem}.pdf` };
}
