import type { FinanceActor } from './finance-scope.js';
import type { Kysely } from 'kysely';
import { conflict, invalid, notFound, withAudit , type Database, type FieldError } from '../../../platform/server/index.js';
import type { FundingSourceDetail, FundingSourceSummary } from '../contract.js';
import { sumCents } from '../money/cents.js';
import { activityNamer } from './activity-directory.js';
import { partnerFilter } from './finance-scope.js';
import { existingOrganisationIds, findFundingSources, findObligations, findPartners, findTranches, fundingSourceNameTaken, insertFundingSource, updateTrancheReceipt, type FundingSourceRow } from './finance.queries.js';
import { financeDb, type FinanceDb } from './finance.tables.js';
import { computeSourceFigures, sourceRepayment, sourceSignals } from './source-figures.js';

type CreateInput = {
  name: string;
  kind: FundingSourceRow['kind'];
  funderName: string;
  funderOrganisationId?: string | null | undefined;
  coFinancerOrganisationIds: string[];
  totalCents: number;
  conditions: string;
  spendFrom: string;
  spendUntil: string;
  repayUnspent: boolean;
  viaMunicipalBudget: boolean;
  reference: string;
  tranches: { amountCents: number; dueDate: string; receivedDate?: string | null | undefined; receivedCents?: number | undefined }[];
  obligations: { kind: string; dueDate: string; description: string; deliveredOn?: string | null | undefined }[];
};

async function summaries(fdb: FinanceDb, sources: readonly FundingSourceRow[], today: string): Promise<FundingSourceSummary[]> {
  const ids = sources.map((s) => s.id);
  const [tranches, figures] = await Promise.all([findTranches(fdb, ids), computeSourceFigures(fdb, ids, today)]);
  const signals = await sourceSignals(fdb, sources, figures, tranches, today);
  return sources.map((s) => {
    const own = tranches.filter((t) => t.fundingSourceId === s.id);
    const f = figures.get(s.id);
    return {
      id: s.id,
      name: s.name,
      kind: s.kind as FundingSourceSummary['kind'],
      totalCents: s.totalCents,
      tranches: own.map((t) => ({ seq: t.seq, amountCents: t.amountCents, dueDate: t.dueDate, receivedDate: t.receivedDate, receivedCents: t.receivedCents })),
      funderName: s.funderName,
      spendFrom: s.spendFrom,
      spendUntil: s.spendUntil,
      receivedCents: sumCents(own.map((t) => t.receivedCents)),
      allocatedCents: f?.allocatedCents ?? 0,
      spentCents: f?.spentCents ?? 0,
      illustrative: s.illustrative,
      repayment: sourceRepayment(s, f, tranches, today),
      signals: signals.get(s.id) ?? [],
    };
  });
}

export async function listFundingSources(db: Kysely<Database>, actor: FinanceActor, today: string): Promise<{ items: FundingSourceSummary[] }> {
  const fdb = financeDb(db);
  const sources = await findFundingSources(fdb, { visibleToOrganisation: partnerFilter(actor) });
  return { items: await summaries(fdb, sources, today) };
}

/** One source the caller may see; 404 (not 403) otherwise, so a partner cannot probe for others' sources. */
export async function findVisibleSource(fdb: FinanceDb, actor: FinanceActor, id: string): Promise<FundingSourceRow> {
  const [source] = await findFundingSources(fdb, { ids: [id], visibleToOrganisation: partnerFilter(actor) });
  if (!source) throw notFound('Funding source', 'finance.funding_source_not_found');
  return source;
}

export async function getFundingSource(db: Kysely<Database>, actor: FinanceActor, id: string, today: string): Promise<FundingSourceDetail> {
  const fdb = financeDb(db);
  const source = await findVisibleSource(fdb, actor, id);
  const [[summary], obligations, partners, figures] = await Promise.all([
    summaries(fdb, [source], today),
    findObligations(fdb, [id]),
    findPartners(fdb, [id]),
    computeSourceFigures(fdb, [id], today),
  ]);
  if (!summary) throw notFound('Funding source', 'finance.funding_source_not_found');
  const perActivity = [...(figures.get(id)?.activities.values() ?? [])];
  const nameOf = await activityNamer(db, actor, perActivity.map((a) => a.activityId));
  // Hidden activities (null names) last; the others by name.
  const activities = perActivity
    .map((a) => ({ ...a, activityName: nameOf(a.activityId, a.activityName) }))
    .sort((a, b) => (a.activityName === null ? 1 : b.activityName === null ? -1 : a.activityName.localeCompare(b.activityName, 'nl')));
  return {
    ...summary,
    funderOrganisationId: source.funderOrganisationId,
    coFinancers: partners.map((p) => ({ id: p.id, name: p.name })),
    conditions: source.conditions,
    repayUnspent: source.repayUnspent,
    viaMunicipalBudget: source.viaMunicipalBudget,
    reference: source.reference,
    obligations: obligations.map((o) => ({ id: o.id, kind: o.kind as FundingSourceDetail['obligations'][number]['kind'], dueDate: o.dueDate, description: o.description, deliveredOn: o.deliveredOn })),
    activities,
  };
}

function checkSource(input: CreateInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.spendUntil < input.spendFrom) errors.push({ path: 'spendUntil', message: 'must not be before spendFrom', code: 'date_before_start', params: { start: input.spendFrom } });
  const trancheTotal = sumCents(input.tranches.map((t) => t.amountCents));
  if (trancheTotal > input.totalCents) errors.push({ path: 'tranches', message: `tranches add up to ${trancheTotal} cents, more than the total of ${input.totalCents}` });
  input.tranches.forEach((t, i) => {
    const received = t.receivedCents ?? 0;
    if (received > t.amountCents) errors.push({ path: `tranches.${i}.receivedCents`, message: 'more than the tranche amount' });
    if ((received > 0) !== Boolean(t.receivedDate)) errors.push({ path: `tranches.${i}.receivedDate`, message: 'a received amount needs a received date, and the other way round' });
  });
  if (new Set(input.coFinancerOrganisationIds).size !== input.coFinancerOrganisationIds.length) errors.push({ path: 'coFinancerOrganisationIds', message: 'an organisation is listed twice' });
  return errors;
}

export async function createFundingSource(db: Kysely<Database>, actor: FinanceActor, input: CreateInput, options: { illustrative?: boolean } = {}): Promise<{ id: string }> {
  const errors = checkSource(input);
  if (errors.length) throw invalid('finance.invalid_funding_source', 'The funding source is not valid', errors);
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    const orgIds = [...(input.funderOrganisationId ? [input.funderOrganisationId] : []), ...input.coFinancerOrganisationIds];
    const known = await existingOrganisationIds(fdb, orgIds);
    const missing = orgIds.filter((id) => !known.has(id));
    if (missing.length) throw invalid('finance.unknown_organisation', 'Unknown organisation', missing.map((id) => ({ path: id === input.funderOrganisationId ? 'funderOrganisationId' : 'coFinancerOrganisationIds', message: `no organisation ${id}` })));
    if (await fundingSourceNameTaken(fdb, input.name)) throw conflict('finance.funding_source_exists', `A funding source named ${input.name} exists already`);
    const id = await insertFundingSource(
      fdb,
      {
        name: input.name,
        kind: input.kind,
        funderName: input.funderName,
        funderOrganisationId: input.funderOrganisationId ?? null,
        totalCents: input.totalCents,
        conditions: input.conditions,
        spendFrom: input.spendFrom,
        spendUntil: input.spendUntil,
        repayUnspent: input.repayUnspent,
        viaMunicipalBudget: input.viaMunicipalBudget,
        reference: input.reference,
        illustrative: options.illustrative ?? false,
      },
      input.coFinancerOrganisationIds,
      input.tranches.map((t) => ({ amountCents: t.amountCents, dueDate: t.dueDate, receivedDate: t.receivedDate ?? null, receivedCents: t.receivedCents ?? 0 })),
      input.obligations,
    );
    await withAudit(tx, actor, 'finance.funding_source.create', { type: 'funding_source', id }, { name: input.name, kind: input.kind, totalCents: input.totalCents, tranches: input.tranches.length });
    return { id };
  });
}

export async function recordTrancheReceipt(db: Kysely<Database>, actor: FinanceActor, id: string, seq: number, receipt: { receivedDate: string; receivedCents: number }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    const source = await findVisibleSource(fdb, actor, id);
    const tranche = (await findTranches(fdb, [id])).find((t) => t.seq === seq);
    if (!tranche) throw notFound('Tranche', 'finance.tranche_not_found');
    if (receipt.receivedCents > tranche.amountCents) throw invalid('finance.invalid_receipt', 'More received than the tranche amount', [{ path: 'receivedCents', message: `at most ${tranche.amountCents}` }]);
    await updateTrancheReceipt(fdb, id, seq, receipt.receivedDate, receipt.receivedCents);
    await withAudit(tx, actor, 'finance.tranche.receive', { type: 'funding_source', id }, { name: source.name, seq, ...receipt });
  });
}
