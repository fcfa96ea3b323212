import type { Kysely } from 'kysely';
import { hasPermission, type Database } from '../../../platform/server/index.js';
import type { MoneySlip } from '../contract.js';
import { findActivity } from './activity-directory.js';
import { getProgrammeBudget, listProgrammeOptions } from './budget.service.js';
import type { FinanceActor } from './finance-scope.js';
import { findOrganisationNames } from './finance.queries.js';
import { financeDb } from './finance.tables.js';
import { listFundingSources } from './funding.service.js';

const RANK: Record<string, number> = { repayment_due: 0, over_budget: 1, tranche_overdue: 2, accountability_overdue: 3, repayment_risk: 4, forecast_overrun: 5, underspend_risk: 6 };

/**
 * What slips in money, for the Regie dashboard, with this module's rules and visibility: budget lines of the
 * current year that are over budget or forecast to overrun, and the signals of every visible funding source
 * (late tranches, repayment due or at risk by docs/finance.md "Repayment risk", underspend, overdue
 * accountability). Null for an actor without finance.read: the dashboard then shows no money at all.
 * Alerts first, then by kind.
 */
export async function listMoneySlips(db: Kysely<Database>, actor: FinanceActor, today: string): Promise<MoneySlip[] | null> {
  return (await listMoneySlipsWithOwners(db, actor, today))?.map((s) => s.slip) ?? null;
}

/** The same, each with the activity a line's signal belongs to (null for a funding source's), for the worklist. */
export async function listMoneySlipsWithOwners(db: Kysely<Database>, actor: FinanceActor, today: string): Promise<{ slip: MoneySlip; activityId: string | null }[] | null> {
  if (!hasPermission(actor.roles, 'finance.read')) return null;
  const year = Number(today.slice(0, 4));
  const lineSlips: { slip: MoneySlip; ownerId: string | null; activityId: string }[] = [];
  const ownerOf = new Map<string, string | null>();
  for (const programme of (await listProgrammeOptions(db, actor, [])).items) {
    const budget = await getProgrammeBudget(db, actor, programme.id, year, today);
    for (const line of budget.lines) {
      if (!line.signal) continue;
      // The owner follows the activity: not named to whom may not see the activity.
      if (line.activityName !== null && !ownerOf.has(line.activityId)) ownerOf.set(line.activityId, (await findActivity(db, line.activityId))?.ownerOrganisationId ?? null);
      const ownerId = line.activityName === null ? null : (ownerOf.get(line.activityId) ?? null);
      lineSlips.push({ slip: { signal: line.signal, programme: budget.programme, year, owner: { kind: 'activity_owner', name: null } }, ownerId, activityId: line.activityId });
    }
  }
  const names = await findOrganisationNames(financeDb(db), [...new Set(lineSlips.flatMap((l) => (l.ownerId ? [l.ownerId] : [])))]);
  const slips: { slip: MoneySlip; activityId: string | null }[] = lineSlips.map(({ slip, ownerId, activityId }) => ({ slip: { ...slip, owner: { kind: 'activity_owner', name: ownerId ? (names.get(ownerId) ?? null) : null } }, activityId }));
  for (const source of (await listFundingSources(db, actor, today)).items) {
    for (const signal of source.signals) slips.push({ slip: { signal, programme: null, year: null, owner: { kind: 'funder', name: source.funderName } }, activityId: null });
  }
  return slips.sort(({ slip: a }, { slip: b }) => (a.signal.level === b.signal.level ? 0 : a.signal.level === 'alert' ? -1 : 1) || (RANK[a.signal.code] ?? 9) - (RANK[b.signal.code] ?? 9));
}
