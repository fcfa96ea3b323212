import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedFinanceDemo } from './server/demo-data.js';
import { financeRoutes } from './server/finance.routes.js';

/**
 * Finance: funding sources with tranches and accountability duties, budget lines per activity and year,
 * commitments and spend with four-eyes approval, forecasts and warnings, budget-effect tables and subsidy
 * accountability. docs/finance.md describes the rules.
 */
export const financeModule: ServerModule = {
  name: 'finance',
  routes: async (app: FastifyInstance) => {
    await financeRoutes(app);
  },
  seedDemo: (db) => seedFinanceDemo(db),
};

/*
 * For the reports module (snapshots of a programme), with this module's rules and visibility:
 *  programmeMoneyForReport(db, actor, programmeId, years, today) → { budgets: ProgrammeBudget[] (one per year, as
 *      GET /programmes/{id}/budget), sources: FundingSourceDetail[] (every source financing a line of the
 *      programme, as GET /funding-sources/{id}: tranches, spend per activity, obligations) }
 */
export { programmeMoneyForReport } from './server/report-api.js';
export type { FundingSourceDetail, ProgrammeBudget, RepaymentFigures } from './contract.js';
/*
 *  balanceRows(source) → the balance of a funding source as documents write it (received, spent, open
 *      commitments, covered, to be paid back, still to receive, lapsed), with REPAYMENT_NOTE explaining the
 *      repayment figure; the one definition of repayment risk is money/repayment.ts (docs/finance.md)
 */
export { balanceRows, REPAYMENT_NOTE, type BalanceRow } from './money/balance.js';
/*
 * For the Regie dashboard (meetings module):
 *  listMoneySlips(db, actor, today) → MoneySlip[] (contract.ts): this year's budget lines over budget or
 *      forecast to overrun, and every visible funding source's signals, each with its programme and owner;
 *      null when the actor lacks finance.read
 */
export { listMoneySlips } from './server/direction-api.js';
export type { MoneySlip } from './contract.js';
export type { FinanceActor } from './server/finance-scope.js';
/*
 * For the personal worklist (worklist module):
 *  listApprovalsWaitingFor(db, actor, now) → ApprovalWaiting[]: pending bookings, a pending threshold change and
 *      proposed budget lines this caller may decide (finance.approve / finance.manage; four-eyes: never their own)
 *  listMoneySignalsFor(db, actor, today, ownedActivityIds) → OwnedMoneySignal[]: the Regie dashboard's money
 *      signals on lines of the given activities, and, for finance.manage, every visible funding source's signals
 */
export { listApprovalsWaitingFor, listMoneySignalsFor, type ApprovalWaiting, type OwnedMoneySignal } from './server/worklist-api.js';
/*
 * For the worklist (approvals waiting for a person):
 *  listLineProposalsToDecide(db, actor) → LineProposal[] (contract.ts): budget lines proposed from an activity
 *      page that wait for this actor's decision — finance (finance.manage), never the proposer; empty for anyone
 *      else. Decided at /financien/accordering (POST /api/v1/budget-line-proposals/{id}/decision).
 */
export { listLineProposalsToDecide } from './server/line-proposals.service.js';
export type { LineProposal } from './contract.js';
/*
 * For the initiatives module (docs/initiatives.md, "Wijkbudget"), inside the caller's transaction:
 *  createWijkbudgetSource(tx, actor, { name, funderName, year, totalCents, illustrative }, now) → the id of a new
 *      funding source (gemeentelijk budget, spent in that year, received at its start); audited
 *  addGrantedInitiativeLine(tx, actor, { programmeId, activityId, activityName, year, description, amountCents,
 *      fundingSourceId }, initiativeId, now) → the id of an approved budget line wholly financed by the
 *      wijkbudget's source (caps checked); audited as finance.budget_line.create with the initiative
 */
export { createWijkbudgetSource, addGrantedInitiativeLine } from './server/initiative-api.js';
