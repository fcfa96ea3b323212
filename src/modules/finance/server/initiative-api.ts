import type { Transaction } from 'kysely';
import { conflict, withAudit, type AuditActor, type Database } from '../../../platform/server/index.js';
import { fundingSourceNameTaken, insertFundingSource, insertLine } from './finance.queries.js';
import { financeDb } from './finance.tables.js';
import { checkLineCaps } from './money-caps.js';

/**
 * What the initiatives module uses of finance (docs/initiatives.md, "Wijkbudget"): a wijkbudget is a funding
 * source (kind gemeentelijk budget, spent in its year), and a granted initiative a budget line wholly financed
 * by it. Both run inside the caller's transaction, so the wijkbudget, the grant, the activity and the line are
 * written together or not at all.
 */

export async function createWijkbudgetSource(
  tx: Transaction<Database>,
  actor: AuditActor,
  input: { name: string; funderName: string; year: number; totalCents: number; illustrative: boolean },
  now: Date,
): Promise<string> {
  const fdb = financeDb(tx);
  if (await fundingSourceNameTaken(fdb, input.name)) throw conflict('finance.funding_source_exists', `A funding source named ${input.name} exists already`);
  const start = `${input.year}-01-01`;
  const id = await insertFundingSource(
    fdb,
    {
      name: input.name,
      kind: 'gemeentelijk_budget',
      funderName: input.funderName,
      funderOrganisationId: null,
      totalCents: input.totalCents,
      conditions: 'Wijkbudget voor bewonersinitiatieven: alleen toegekende initiatieven worden eruit betaald.',
      spendFrom: start,
      spendUntil: `${input.year}-12-31`,
      repayUnspent: false,
      viaMunicipalBudget: true,
      reference: '',
      illustrative: input.illustrative,
    },
    [],
    // The municipality's own money: available from the start of the year, as one tranche.
    [{ amountCents: input.totalCents, dueDate: start, receivedDate: start, receivedCents: input.totalCents }],
    [],
  );
  await withAudit(tx, actor, 'finance.funding_source.create', { type: 'funding_source', id }, { name: input.name, kind: 'gemeentelijk_budget', totalCents: input.totalCents, tranches: 1, wijkbudget: true }, now);
  return id;
}

export async function addGrantedInitiativeLine(
  tx: Transaction<Database>,
  actor: AuditActor,
  input: { programmeId: string; activityId: string; activityName: string; year: number; description: string; amountCents: number; fundingSourceId: string },
  initiativeId: string,
  now: Date,
): Promise<string> {
  const fdb = financeDb(tx);
  await checkLineCaps(fdb, { programmeId: input.programmeId, year: input.year, amountCents: input.amountCents, resolved: [{ fundingSourceId: input.fundingSourceId, amountCents: input.amountCents }] });
  const id = await insertLine(
    fdb,
    { programmeId: input.programmeId, activityId: input.activityId, activityName: input.activityName, year: input.year, description: input.description, amountCents: input.amountCents },
    [{ fundingSourceId: input.fundingSourceId, amountCents: input.amountCents }],
  );
  await withAudit(tx, actor, 'finance.budget_line.create', { type: 'budget_line', id }, { activityId: input.activityId, year: input.year, amountCents: input.amountCents, allocations: [{ fundingSourceId: input.fundingSourceId, amountCents: input.amountCents }], initiativeId }, now);
  return id;
}
