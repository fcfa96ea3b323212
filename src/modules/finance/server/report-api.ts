import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { FundingSourceDetail, ProgrammeBudget } from '../contract.js';
import { getProgrammeBudget } from './budget.service.js';
import type { FinanceActor } from './finance-scope.js';
import { financeDb } from './finance.tables.js';
import { getFundingSource } from './funding.service.js';
import { findSourceIdsOfProgramme } from './report.queries.js';

/**
 * What the reports module reads of a programme's money, through index.ts, with this module's own rules and
 * visibility for the actor: the budget overview of each asked year (GET /programmes/{id}/budget) and the
 * detail of every funding source that finances a line of the programme (GET /funding-sources/{id}, the
 * subsidy accountability statement's data), all "as of" `today`.
 */
export async function programmeMoneyForReport(
  db: Kysely<Database>,
  actor: FinanceActor,
  programmeId: string,
  years: readonly number[],
  today: string,
): Promise<{ budgets: ProgrammeBudget[]; sources: FundingSourceDetail[] }> {
  const budgets: ProgrammeBudget[] = [];
  for (const year of years) budgets.push(await getProgrammeBudget(db, actor, programmeId, year, today));
  const sources: FundingSourceDetail[] = [];
  for (const id of await findSourceIdsOfProgramme(financeDb(db), programmeId)) sources.push(await getFundingSource(db, actor, id, today));
  return { budgets, sources };
}
