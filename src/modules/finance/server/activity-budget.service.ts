import type { Kysely } from 'kysely';
import { notFound, type Database } from '../../../platform/server/index.js';
import type { ActivityBudget } from '../contract.js';
import { activityNamer, findActivity } from './activity-directory.js';
import { publicFigures, toBudgetLine, toSignal } from './budget.service.js';
import { partnerFilter, type FinanceActor } from './finance-scope.js';
import { findAllocations, findEntries, findFundingSources, findLines } from './finance.queries.js';
import { financeDb } from './finance.tables.js';
import { addFigures, emptyFigures, lineFigures, signalOf, type Figures } from './line-figures.js';
import { visibleLineProposals } from './line-proposals.service.js';
import { figuresOrConflict } from './out-of-range.js';

/**
 * The money of one activity, every budget year: the same line figures as the programme's budget page. The
 * activity must be one the caller may see by the programmes module's rule (else 404, as GET /activities/{id});
 * a partner sees only the lines its organisation's sources finance, as on the budget page.
 */
export async function getActivityBudget(db: Kysely<Database>, actor: FinanceActor, activityId: string, today: string): Promise<ActivityBudget> {
  const activity = await findActivity(db, activityId);
  const nameOf = activity ? await activityNamer(db, actor, [activity.id]) : null;
  if (!activity || !nameOf || nameOf(activity.id, activity.name) === null) throw notFound('Activity', 'finance.activity_not_found');
  const fdb = financeDb(db);
  const org = partnerFilter(actor);
  const visibleSources = org ? (await findFundingSources(fdb, { visibleToOrganisation: org })).map((s) => s.id) : undefined;
  const lines = await findLines(fdb, { activityId: activity.id, ...(visibleSources ? { fundingSourceIds: visibleSources } : {}) });
  const lineIds = lines.map((l) => l.id);
  // Proposed lines that wait for finance or were turned down (with the reason): shown apart, counted nowhere.
  const proposals = await visibleLineProposals(db, actor, { activityId: activity.id, status: ['pending', 'rejected'] });
  return figuresOrConflict(fdb, lineIds, async () => {
    const [allocations, entries] = await Promise.all([findAllocations(fdb, lineIds), findEntries(fdb, { lineIds })]);
    const figures = lines.map((line) => lineFigures(line, allocations, entries, today)).sort((a, b) => a.line.year - b.line.year || a.line.description.localeCompare(b.line.description, 'nl'));
    const byYear = new Map<number, Figures>();
    for (const f of figures) byYear.set(f.line.year, addFigures(byYear.get(f.line.year) ?? emptyFigures(), f));
    const totals = figures.reduce<Figures>((sum, f) => addFigures(sum, f), emptyFigures());
    return {
      activity: { id: activity.id, name: activity.name, programmeId: activity.programmeId, start: activity.start, end: activity.end },
      today,
      lines: figures.map((f) => toBudgetLine(f, activity.name, allocations, entries, today)),
      years: [...byYear.entries()].map(([year, sum]) => {
        const signal = signalOf(sum);
        return { year, ...publicFigures(sum), signal: signal ? toSignal(signal, { type: 'activity', id: activity.id, name: activity.name }) : null };
      }),
      totals: publicFigures(totals),
      proposals,
    };
  });
}
