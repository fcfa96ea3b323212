import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import {
  ActivityBudget,
  BudgetQuery,
  CreateBudgetLine,
  CreateEntry,
  CreateFundingSource,
  CreateProposal,
  Decision,
  DecidedLineProposal,
  LineProposal,
  LineProposalList,
  ProposeBudgetLine,
  Entry,
  DecidedEntry,
  EntryList,
  ExportQuery,
  FinanceSettingsView,
  FundingSourceDetail,
  FundingSourceList,
  IdParams,
  ProgrammeBudget,
  ProgrammeOptions,
  Proposal,
  ProposalList,
  RecordTrancheReceipt,
  Reversal,
  SettingChangeDecided,
  ThresholdProposal,
  TrancheParams,
} from '../contract.js';
import { isoDay } from '../money/forecast.js';
import { decideLineProposal, listPendingLineProposals, proposeBudgetLine } from './line-proposals.service.js';
import { getActivityBudget } from './activity-budget.service.js';
import { createBudgetLine, getProgrammeBudget, listProgrammeOptions } from './budget.service.js';
import { createEntry, decide, listPendingEntries } from './entries.service.js';
import { exportAccountability, exportBudgetEffect, type ExportFile } from './export.service.js';
import { createFundingSource, getFundingSource, listFundingSources, recordTrancheReceipt } from './funding.service.js';
import { createProposal, getProposal, listProposals } from './proposals.service.js';
import { demoProgrammeIds } from './demo-data.js';
import { reverseEntry } from './reversal.service.js';
import { decideThresholdChange, getFinanceSettings, proposeThreshold } from './settings.service.js';

const Created = { 201: IdParams.loose() };

/** Finance routes. Thin: validate → authorize (config.access) → service; the service applies partner limits. */
export async function financeRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const today = () => isoDay(app.ctx.clock());
  const tags = ['finance'];
  const send = (reply: { header: (k: string, v: string) => typeof reply; send: (b: Buffer) => unknown }, file: ExportFile) =>
    reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);

  typed.get('/api/v1/funding-sources', { config: { access: 'finance.read' }, schema: { tags, summary: 'Funding sources with tranches, spend and warnings (partners: only their own)', response: { 200: FundingSourceList } } }, async (request) =>
    listFundingSources(db(), requireActor(request), today()),
  );
  typed.post('/api/v1/funding-sources', { config: { access: 'finance.manage' }, schema: { tags, summary: 'Register a funding source with tranches and accountability duties', body: CreateFundingSource, response: Created } }, async (request, reply) =>
    reply.code(201).send(await createFundingSource(db(), requireActor(request), request.body)),
  );
  typed.get('/api/v1/funding-sources/:id', { config: { access: 'finance.read' }, schema: { tags, summary: 'One funding source with conditions, duties and spend per activity', params: IdParams, response: { 200: FundingSourceDetail } } }, async (request) =>
    getFundingSource(db(), requireActor(request), request.params.id, today()),
  );
  typed.put('/api/v1/funding-sources/:id/tranches/:seq/receipt', { config: { access: 'finance.manage' }, schema: { tags, summary: 'Record that a tranche came in', params: TrancheParams, body: RecordTrancheReceipt } }, async (request, reply) => {
    await recordTrancheReceipt(db(), requireActor(request), request.params.id, request.params.seq, request.body);
    return reply.code(204).send();
  });
  typed.get('/api/v1/funding-sources/:id/accountability', { config: { access: 'finance.export' }, schema: { tags, summary: 'Subsidy accountability statement as XLSX or DOCX; audited', params: IdParams, querystring: ExportQuery } }, async (request, reply) =>
    send(reply, await exportAccountability(db(), requireActor(request), request.params.id, request.query.format, today())),
  );

  typed.post('/api/v1/budget-lines', { config: { access: 'finance.manage' }, schema: { tags, summary: 'Budget an activity for a year, financed by amounts or shares of funding sources', body: CreateBudgetLine, response: Created } }, async (request, reply) =>
    reply.code(201).send(await createBudgetLine(db(), requireActor(request), request.body)),
  );
  typed.post('/api/v1/budget-line-proposals', { config: { access: 'finance.propose' }, schema: { tags, summary: 'Propose a budget line on an activity, financed by one source; it counts once finance approves it; audited', body: ProposeBudgetLine, response: { 201: LineProposal } } }, async (request, reply) =>
    reply.code(201).send(await proposeBudgetLine(db(), requireActor(request), request.body, app.ctx.clock())),
  );
  typed.get('/api/v1/budget-line-proposals/pending', { config: { access: 'finance.approve' }, schema: { tags, summary: 'Proposed budget lines waiting for finance, each with the effect approving it has', response: { 200: LineProposalList } } }, async (request) =>
    listPendingLineProposals(db(), requireActor(request), app.ctx.clock()),
  );
  typed.post('/api/v1/budget-line-proposals/:id/decision', { config: { access: 'finance.manage' }, schema: { tags, summary: 'Approve (the line is made) or reject with a reason a proposed budget line (four-eyes: not the proposer); audited', params: IdParams, body: Decision, response: { 200: DecidedLineProposal } } }, async (request) =>
    decideLineProposal(db(), requireActor(request), request.params.id, request.body, app.ctx.clock()),
  );
  typed.get('/api/v1/programmes/:id/budget', { config: { access: 'finance.read' }, schema: { tags, summary: 'Budget of a programme for a year: lines, spend, forecast and alerts', params: IdParams, querystring: BudgetQuery, response: { 200: ProgrammeBudget } } }, async (request) =>
    getProgrammeBudget(db(), requireActor(request), request.params.id, request.query.year, today()),
  );
  typed.get('/api/v1/activities/:id/budget', { config: { access: 'finance.read' }, schema: { tags, summary: 'Budget lines of one activity, every year: budget, commitments, spend, pending, remaining and forecast', params: IdParams, response: { 200: ActivityBudget } } }, async (request) =>
    getActivityBudget(db(), requireActor(request), request.params.id, today()),
  );
  typed.get('/api/v1/finance/programmes', { config: { access: 'finance.read' }, schema: { tags, summary: 'Programmes with budgets, and their activities', response: { 200: ProgrammeOptions } } }, async (request) =>
    listProgrammeOptions(db(), requireActor(request), await demoProgrammeIds(db())),
  );

  typed.post('/api/v1/finance-entries', { config: { access: 'finance.spend' }, schema: { tags, summary: 'Record a commitment or spend; above the threshold it waits for approval', body: CreateEntry, response: { 201: Entry } } }, async (request, reply) =>
    reply.code(201).send(await createEntry(db(), requireActor(request), request.body, app.ctx.clock())),
  );
  typed.get('/api/v1/finance-entries/pending', { config: { access: 'finance.approve' }, schema: { tags, summary: 'Commitments and spend waiting for a second person', response: { 200: EntryList } } }, async (request) =>
    listPendingEntries(db(), requireActor(request), app.ctx.clock()),
  );
  typed.post('/api/v1/finance-entries/:id/decision', { config: { access: 'finance.approve' }, schema: { tags, summary: 'Approve or reject (four-eyes: not the submitter); audited', params: IdParams, body: Decision, response: { 200: DecidedEntry } } }, async (request) =>
    decide(db(), requireActor(request), request.params.id, request.body, app.ctx.clock()),
  );
  typed.post('/api/v1/finance-entries/:id/reversal', { config: { access: 'finance.manage' }, schema: { tags, summary: 'Reverse an approved entry with a counter-entry and a reason (never deleted); four-eyes as for a booking; audited', params: IdParams, body: Reversal, response: { 201: Entry } } }, async (request, reply) =>
    reply.code(201).send(await reverseEntry(db(), requireActor(request), request.params.id, request.body, app.ctx.clock())),
  );
  typed.get('/api/v1/finance/settings', { config: { access: 'finance.approve' }, schema: { tags, summary: 'The approval threshold in force and a proposed change waiting for a second person', response: { 200: FinanceSettingsView } } }, async () =>
    getFinanceSettings(db()),
  );
  typed.put('/api/v1/finance/settings', { config: { access: 'finance.manage' }, schema: { tags, summary: 'Propose a new approval threshold (202): it takes effect once someone else approves it; audited', body: ThresholdProposal, response: { 202: FinanceSettingsView } } }, async (request, reply) =>
    reply.code(202).send(await proposeThreshold(db(), requireActor(request), request.body, app.ctx.clock())),
  );
  typed.post('/api/v1/finance/settings/changes/:id/decision', { config: { access: 'finance.approve' }, schema: { tags, summary: 'Approve or reject a proposed threshold (four-eyes: not the proposer); audited', params: IdParams, body: Decision, response: { 200: SettingChangeDecided } } }, async (request) =>
    decideThresholdChange(db(), requireActor(request), request.params.id, request.body, app.ctx.clock()),
  );

  typed.get('/api/v1/budget-proposals', { config: { access: 'finance.read' }, schema: { tags, summary: 'Budget proposals with their budget-effect tables', response: { 200: ProposalList } } }, async (request) => listProposals(db(), requireActor(request)));
  typed.post('/api/v1/budget-proposals', { config: { access: 'finance.manage' }, schema: { tags, summary: 'Add a budget proposal (begrotingsvoorstel)', body: CreateProposal, response: { 201: Proposal } } }, async (request, reply) =>
    reply.code(201).send(await createProposal(db(), requireActor(request), request.body)),
  );
  typed.get('/api/v1/budget-proposals/:id', { config: { access: 'finance.read' }, schema: { tags, summary: 'One proposal with its budget-effect table (× € 1.000)', params: IdParams, response: { 200: Proposal } } }, async (request) =>
    getProposal(db(), requireActor(request), request.params.id),
  );
  typed.get('/api/v1/budget-proposals/:id/export', { config: { access: 'finance.export' }, schema: { tags, summary: 'The budget-effect table as XLSX or DOCX; audited', params: IdParams, querystring: ExportQuery } }, async (request, reply) =>
    send(reply, await exportBudgetEffect(db(), requireActor(request), request.params.id, request.query.format)),
  );
}
