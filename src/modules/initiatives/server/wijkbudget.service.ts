import type { Kysely } from 'kysely';
import { conflict, invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { findAreaNames, findBuurtOrWijk, findFocusAreaMembers } from '../../areas/index.js';
import { createWijkbudgetSource } from '../../finance/index.js';
import type { BudgetCheck, CreateWijkbudget, WijkbudgetOverview, WijkbudgetSummary } from '../contract.js';
import { cents, initiativesDb, type InitiativesDb } from './initiatives.tables.js';
import { findGrantedOf, findWijkbudgets, insertWijkbudget, sumPendingOf, type InitiativeRow, type WijkbudgetRow } from './initiatives.queries.js';

export function yearOf(now: Date): number {
  return Number(calendarDayOf(now).slice(0, 4));
}

export function toSummary(row: WijkbudgetRow): WijkbudgetSummary {
  const total = cents(row.total_cents);
  const granted = cents(row.granted_cents);
  return {
    id: row.id,
    areaCode: row.area_code,
    areaName: row.area_name,
    year: row.year,
    totalCents: total,
    grantedCents: granted,
    remainingCents: total - granted,
    fourEyesThresholdCents: cents(row.four_eyes_threshold_cents),
    fundingSourceId: row.funding_source_id,
    isDemo: row.is_demo,
  };
}

/**
 * Finance sets a wijkbudget for an area (buurt, wijk or focus area) and year. It is made as a funding source
 * in finance in the same transaction, so the money shows in finance's totals; one per area and year (409).
 */
export async function createWijkbudget(db: Kysely<Database>, actor: Actor | (AuditActor & { organisationName: string }), input: Required<CreateWijkbudget>, now: Date, options: { isDemo?: boolean } = {}): Promise<WijkbudgetSummary> {
  const areaName = await nameOfArea(db, input.areaCode);
  if (!areaName) throw invalid('initiatives.unknown_area', 'Unknown area', [{ path: 'areaCode', message: 'not a buurt, wijk or focus area' }]);
  const idb = initiativesDb(db);
  if ((await findWijkbudgets(idb, { year: input.year, areaCodes: [input.areaCode] })).length) throw conflict('initiatives.wijkbudget_exists', `${areaName} has a wijkbudget for ${input.year} already`);
  const id = await db.transaction().execute(async (tx) => {
    const sourceId = await createWijkbudgetSource(tx, actor, { name: `Wijkbudget ${areaName} ${input.year}`, funderName: actor.organisationName, year: input.year, totalCents: input.totalCents, illustrative: options.isDemo ?? false }, now);
    const id = await insertWijkbudget(initiativesDb(tx), {
      areaCode: input.areaCode,
      areaName,
      year: input.year,
      totalCents: input.totalCents,
      fourEyesThresholdCents: input.fourEyesThresholdCents,
      fundingSourceId: sourceId,
      isDemo: options.isDemo ?? false,
      createdBy: actor.userId,
    });
    await withAudit(tx, actor, 'initiatives.wijkbudget.create', { type: 'wijkbudget', id }, { areaCode: input.areaCode, year: input.year, totalCents: input.totalCents, fourEyesThresholdCents: input.fourEyesThresholdCents, fundingSourceId: sourceId }, now);
    return id;
  });
  const [row] = (await findWijkbudgets(idb, { year: input.year, areaCodes: [input.areaCode] })).filter((r) => r.id === id);
  if (!row) throw notFound('Wijkbudget');
  return toSummary(row);
}

async function nameOfArea(db: Kysely<Database>, code: string): Promise<string | null> {
  const placed = await findBuurtOrWijk(db, code);
  if (placed) return placed.name;
  // A focus area: it has members, and its name comes with the area names.
  if ((await findFocusAreaMembers(db, code)).length === 0) return null;
  return (await findAreaNames(db, [code])).get(code) ?? code;
}

export async function listWijkbudgets(db: Kysely<Database>): Promise<{ items: WijkbudgetSummary[] }> {
  return { items: (await findWijkbudgets(initiativesDb(db))).map(toSummary) };
}

/** The wijkbudget an initiative draws on in a year: of its buurt or wijk, else its wijk, else its focus area. */
export async function wijkbudgetFor(idb: InitiativesDb, initiative: Pick<InitiativeRow, 'area_code' | 'wijk_code' | 'focus_code'>, year: number): Promise<WijkbudgetRow | undefined> {
  const order = [initiative.area_code, initiative.wijk_code, initiative.focus_code].filter((c): c is string => Boolean(c));
  const rows = await findWijkbudgets(idb, { year, areaCodes: order });
  return order.map((code) => rows.find((r) => r.area_code === code)).find((r) => r !== undefined);
}

export async function budgetCheckOf(idb: InitiativesDb, row: WijkbudgetRow): Promise<BudgetCheck> {
  const summary = toSummary(row);
  return {
    wijkbudgetId: row.id,
    areaName: row.area_name,
    year: row.year,
    totalCents: summary.totalCents,
    grantedCents: summary.grantedCents,
    remainingCents: summary.remainingCents,
    pendingCents: await sumPendingOf(idb, row.id),
    fourEyesThresholdCents: summary.fourEyesThresholdCents,
  };
}

/**
 * The public per-area page: how much of the year's wijkbudget went to which goal, and the granted
 * initiatives (title, goal, amount, status) — never contact details or who submitted. 404 without a wijkbudget.
 */
export async function wijkbudgetOverview(db: Kysely<Database>, areaCode: string, year: number): Promise<WijkbudgetOverview> {
  const idb = initiativesDb(db);
  const [row] = await findWijkbudgets(idb, { year, areaCodes: [areaCode] });
  if (!row) throw notFound('Wijkbudget', 'initiatives.wijkbudget_not_found');
  const granted = await findGrantedOf(idb, row.id);
  const perGoal = new Map<string, { grantedCents: number; count: number }>();
  for (const g of granted) {
    const entry = perGoal.get(g.goal_name) ?? { grantedCents: 0, count: 0 };
    entry.grantedCents += cents(g.granted_cents ?? 0);
    entry.count += 1;
    perGoal.set(g.goal_name, entry);
  }
  const summary = toSummary(row);
  return {
    areaCode: row.area_code,
    areaName: row.area_name,
    year: row.year,
    totalCents: summary.totalCents,
    grantedCents: summary.grantedCents,
    remainingCents: summary.remainingCents,
    perGoal: [...perGoal.entries()].map(([goalName, v]) => ({ goalName, ...v })).sort((a, b) => b.grantedCents - a.grantedCents || a.goalName.localeCompare(b.goalName, 'nl')),
    initiatives: granted.map((g) => ({ title: g.title, goalName: g.goal_name, grantedCents: cents(g.granted_cents ?? 0), status: g.status, isExample: g.is_example })),
  };
}
