import type { FinanceActor } from './finance-scope.js';
import type { Kysely } from 'kysely';
import { conflict, invalid, notFound, withAudit , type Database, type FieldError } from '../../../platform/server/index.js';
import type { Proposal } from '../contract.js';
import { budgetEffect, type EffectLine } from '../money/budget-effect.js';
import { resolveAllocations } from '../money/cents.js';
import { findActivity } from './activity-directory.js';
import { partnerFilter } from './finance-scope.js';
import { findFundingSources, findProposalFinancing, findProposalYears, findProposals, insertProposal, type ProposalRow } from './finance.queries.js';
import { financeDb, type FinanceDb } from './finance.tables.js';

type ProposalInput = {
  title: string;
  reference: string;
  subject: string;
  activityId?: string | null | undefined;
  firstYear: number;
  lastYear: number;
  structural: boolean;
  operating: { year: number; amountCents: number }[];
  financing: { fundingSourceId: string; shareBp: number }[];
  investment?: { amountCents: number; depreciationYears: number; investmentYear: number; releaseFirstYear: boolean } | null | undefined;
  interestBp: number;
  reserveCoversCapital: boolean;
};

function checkProposal(input: ProposalInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.lastYear < input.firstYear) errors.push({ path: 'lastYear', message: 'must not be before firstYear', code: 'too_small', params: { minimum: input.firstYear, inclusive: true } });
  if (input.lastYear - input.firstYear >= 30) errors.push({ path: 'lastYear', message: 'at most 30 years' });
  const years = new Set<number>();
  input.operating.forEach((o, i) => {
    if (o.year < input.firstYear || o.year > input.lastYear) errors.push({ path: `operating.${i}.year`, message: `outside ${input.firstYear}–${input.lastYear}` });
    if (years.has(o.year)) errors.push({ path: `operating.${i}.year`, message: 'year listed twice' });
    years.add(o.year);
  });
  const shares = input.financing.reduce((s, f) => s + f.shareBp, 0);
  if (shares > 10_000) errors.push({ path: 'financing', message: 'shares add up to more than 100 %' });
  if (new Set(input.financing.map((f) => f.fundingSourceId)).size !== input.financing.length) errors.push({ path: 'financing', message: 'a funding source is listed twice' });
  return errors;
}

export async function createProposal(db: Kysely<Database>, actor: FinanceActor, input: ProposalInput, options: { illustrative?: boolean } = {}): Promise<Proposal> {
  const errors = checkProposal(input);
  if (errors.length) throw invalid('finance.invalid_proposal', 'The budget proposal is not valid', errors);
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    if (input.activityId && !(await findActivity(tx, input.activityId))) throw invalid('finance.unknown_activity', 'Unknown activity', [{ path: 'activityId', message: 'no such activity' }]);
    const sources = await findFundingSources(fdb, { ids: input.financing.map((f) => f.fundingSourceId) });
    if (sources.length !== input.financing.length) throw invalid('finance.unknown_funding_source', 'Unknown funding source', [{ path: 'financing', message: 'no such funding source' }]);
    if ((await findProposals(fdb, { title: input.title })).length) throw conflict('finance.proposal_exists', `A proposal titled ${input.title} exists already`);
    const inv = input.investment ?? null;
    const id = await insertProposal(
      fdb,
      {
        title: input.title,
        reference: input.reference,
        subject: input.subject,
        activityId: input.activityId ?? null,
        illustrative: options.illustrative ?? false,
        firstYear: input.firstYear,
        lastYear: input.lastYear,
        structural: input.structural,
        investmentCents: inv?.amountCents ?? 0,
        depreciationYears: inv?.depreciationYears ?? null,
        interestBp: input.interestBp,
        investmentYear: inv?.investmentYear ?? null,
        releaseFirstYear: inv?.releaseFirstYear ?? false,
        reserveCoversCapital: input.reserveCoversCapital,
      },
      input.operating,
      input.financing,
    );
    await withAudit(tx, actor, 'finance.proposal.create', { type: 'budget_proposal', id }, { title: input.title, firstYear: input.firstYear, lastYear: input.lastYear, operating: input.operating, financing: input.financing, investment: inv, interestBp: input.interestBp });
    const [proposal] = await loadProposals(fdb, { id });
    if (!proposal) throw notFound('Proposal');
    return proposal;
  });
}

async function loadProposals(fdb: FinanceDb, filter: { id?: string }): Promise<Proposal[]> {
  const rows = await findProposals(fdb, filter);
  const ids = rows.map((r) => r.id);
  const [years, financing] = await Promise.all([findProposalYears(fdb, ids), findProposalFinancing(fdb, ids)]);
  return rows.map((row) => toProposal(row, years.filter((y) => y.proposalId === row.id), financing.filter((f) => f.proposalId === row.id)));
}

function toProposal(row: ProposalRow, years: { year: number; amountCents: number }[], financing: Awaited<ReturnType<typeof findProposalFinancing>>): Proposal {
  const range = Array.from({ length: row.lastYear - row.firstYear + 1 }, (_, i) => row.firstYear + i);
  const investment =
    row.investmentCents > 0 && row.depreciationYears !== null && row.investmentYear !== null
      ? { investmentCents: row.investmentCents, depreciationYears: row.depreciationYears, interestBp: row.interestBp, investmentYear: row.investmentYear, releaseFirstYear: row.releaseFirstYear }
      : null;
  const lines: EffectLine[] = years.map((y) => {
    const { amounts, uncoveredCents } = resolveAllocations(y.amountCents, financing.map((f) => ({ shareBp: f.shareBp })));
    return {
      year: y.year,
      amountCents: y.amountCents,
      uncoveredCents,
      parts: financing.map((f, i) => ({ amountCents: amounts[i] ?? 0, viaMunicipalBudget: f.viaMunicipalBudget, municipalMoney: f.kind === 'gemeentelijk_budget' })),
    };
  });
  const table = budgetEffect({ years: range, investment, reserveCoversCapital: row.reserveCoversCapital, lines });
  return {
    id: row.id,
    title: row.title,
    reference: row.reference,
    subject: row.subject,
    activityId: row.activityId,
    illustrative: row.illustrative,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    structural: row.structural,
    operating: years.map((y) => ({ year: y.year, amountCents: y.amountCents })),
    financing: financing.map((f) => ({ fundingSourceId: f.fundingSourceId, fundingSourceName: f.fundingSourceName, shareBp: f.shareBp, viaMunicipalBudget: f.viaMunicipalBudget, kind: f.kind as Proposal['financing'][number]['kind'] })),
    investment: investment ? { amountCents: investment.investmentCents, depreciationYears: investment.depreciationYears, investmentYear: investment.investmentYear, releaseFirstYear: investment.releaseFirstYear } : null,
    interestBp: row.interestBp,
    reserveCoversCapital: row.reserveCoversCapital,
    table: table.map((t) => ({ year: t.year, exactCents: t.exactCents, thousands: t.thousands })),
    outsideBudget: range.map((year) => ({
      year,
      amountCents: lines.filter((l) => l.year === year).reduce((s, l) => s + l.parts.filter((p) => !p.viaMunicipalBudget).reduce((t, p) => t + p.amountCents, 0), 0),
    })),
  };
}

/** Partners see a proposal only when one of its funding sources is theirs (finance-scope.ts). */
async function visibleProposals(db: Kysely<Database>, actor: FinanceActor, filter: { id?: string }): Promise<Proposal[]> {
  const fdb = financeDb(db);
  const proposals = await loadProposals(fdb, filter);
  const org = partnerFilter(actor);
  if (!org) return proposals;
  const own = new Set((await findFundingSources(fdb, { visibleToOrganisation: org })).map((s) => s.id));
  return proposals.filter((p) => p.financing.some((f) => own.has(f.fundingSourceId)));
}

export async function listProposals(db: Kysely<Database>, actor: FinanceActor): Promise<{ items: Proposal[] }> {
  return { items: await visibleProposals(db, actor, {}) };
}

export async function getProposal(db: Kysely<Database>, actor: FinanceActor, id: string): Promise<Proposal> {
  const [proposal] = await visibleProposals(db, actor, { id });
  if (!proposal) throw notFound('Budget proposal', 'finance.proposal_not_found');
  return proposal;
}

export async function findProposalIdByTitle(db: Kysely<Database>, title: string): Promise<string | null> {
  const [row] = await findProposals(financeDb(db), { title });
  return row?.id ?? null;
}
