import type { HotspotDb } from './hotspots.tables.js';

export interface SavedAnalysisRow {
  id: string;
  name: string;
  note: string;
  municipality_code: string;
  source_kind: string;
  statistic: string;
  request: unknown;
  result: unknown;
  created_by: string;
  organisation_id: string;
  created_at: Date;
  expires_at: Date | null;
  signal_access: unknown;
  username: string;
}

export async function insertSavedAnalysis(
  db: HotspotDb,
  row: {
    name: string;
    note: string;
    municipality: string;
    sourceKind: 'indicator' | 'signals';
    statistic: string;
    request: unknown;
    result: unknown;
    createdBy: string;
    organisationId: string;
    expiresAt: Date | null;
    signalAccess: unknown[] | null;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('hotspot_analyses')
    .values({
      name: row.name,
      note: row.note,
      municipality_code: row.municipality,
      source_kind: row.sourceKind,
      statistic: row.statistic,
      request: JSON.stringify(row.request),
      result: JSON.stringify(row.result),
      created_by: row.createdBy,
      organisation_id: row.organisationId,
      expires_at: row.expiresAt,
      signal_access: row.signalAccess === null ? null : JSON.stringify(row.signalAccess),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Saved analyses that have not expired at `now`, newest first, one page; the result snapshot only when asked
 * for. Who may open which is decided by the service (saved-access.ts) on what this returns.
 */
export async function findSavedAnalyses(
  db: HotspotDb,
  filter: { id?: string; municipality?: string | undefined; now: Date; withResult: boolean; limit: number; offset: number },
): Promise<SavedAnalysisRow[]> {
  let query = db
    .selectFrom('hotspot_analyses')
    .innerJoin('users', 'users.id', 'hotspot_analyses.created_by')
    .select([
      'hotspot_analyses.id',
      'hotspot_analyses.name',
      'hotspot_analyses.note',
      'hotspot_analyses.municipality_code',
      'hotspot_analyses.source_kind',
      'hotspot_analyses.statistic',
      'hotspot_analyses.request',
      'hotspot_analyses.created_by',
      'hotspot_analyses.organisation_id',
      'hotspot_analyses.created_at',
      'hotspot_analyses.expires_at',
      'hotspot_analyses.signal_access',
      'users.username',
    ])
    .where((eb) => eb.or([eb('hotspot_analyses.expires_at', 'is', null), eb('hotspot_analyses.expires_at', '>', filter.now)]))
    .orderBy('hotspot_analyses.created_at', 'desc')
    .orderBy('hotspot_analyses.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.id) query = query.where('hotspot_analyses.id', '=', filter.id);
  if (filter.municipality) query = query.where('hotspot_analyses.municipality_code', '=', filter.municipality);
  if (!filter.withResult) return (await query.execute()).map((r) => ({ ...r, result: null }));
  return query.select('hotspot_analyses.result').execute();
}

/** Removes the saved analyses whose signals' retention has passed; returns their ids. */
export async function deleteExpiredAnalyses(db: HotspotDb, now: Date): Promise<string[]> {
  const rows = await db.deleteFrom('hotspot_analyses').where('expires_at', 'is not', null).where('expires_at', '<=', now).returning('id').execute();
  return rows.map((r) => r.id);
}
