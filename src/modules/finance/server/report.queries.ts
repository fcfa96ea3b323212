import type { FinanceDb } from './finance.tables.js';

/** SQL for the reports module's reads (report-api.ts). */

/** Funding sources that finance at least one budget line of the programme, in any year; by name. */
export async function findSourceIdsOfProgramme(db: FinanceDb, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('budget_allocations')
    .innerJoin('budget_lines', 'budget_lines.id', 'budget_allocations.budget_line_id')
    .innerJoin('funding_sources', 'funding_sources.id', 'budget_allocations.funding_source_id')
    .select(['funding_sources.id', 'funding_sources.name'])
    .where('budget_lines.programme_id', '=', programmeId)
    .groupBy(['funding_sources.id', 'funding_sources.name'])
    .orderBy('funding_sources.name')
    .execute();
  return rows.map((r) => r.id);
}
