import type { Kysely } from 'kysely';
import { invalid, notFound, SYSTEM_ACTOR, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { HotspotRequest as HotspotRequestSchema, HotspotResult as HotspotResultSchema } from '../contract.js';
import type { HotspotRequest, HotspotResult, SavedHotspotAnalysis, SavedHotspotSummary, SaveHotspotAnalysis } from '../contract.js';
import { deleteExpiredAnalyses, findSavedAnalyses, insertSavedAnalysis, type SavedAnalysisRow } from './hotspots.queries.js';
import { hotspotDb } from './hotspots.tables.js';
import { analyseIndicator } from './indicator-source.js';
import { analyseSignals } from './signal-source.js';

const municipalityOf = (request: HotspotRequest): string => ('signals' in request.source ? request.source.signals.municipality : request.source.municipality);

/** Runs one analysis; nothing is stored. Signal-based analyses see only the signals the actor may see. */
export async function runHotspotAnalysis(db: Kysely<Database>, actor: Actor, request: HotspotRequest): Promise<HotspotResult> {
  const source = request.source;
  if ('signals' in source) return analyseSignals(db, actor, source, request.weights, request.statistic);
  return analyseIndicator(db, source, request.weights, request.statistic);
}

function toSummary(row: SavedAnalysisRow): SavedHotspotSummary {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    municipality: row.municipality_code,
    sourceKind: row.source_kind === 'signals' ? 'signals' : 'indicator',
    statistic: row.statistic === 'local_moran' ? 'local_moran' : 'gi_star',
    createdBy: row.username,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
  };
}

function toSaved(row: SavedAnalysisRow): SavedHotspotAnalysis {
  return { ...toSummary(row), request: HotspotRequestSchema.parse(row.request), result: HotspotResultSchema.parse(row.result) };
}

/**
 * Saves an analysis with its result as shown, so a neighbourhood plan can cite it. A signal-based one
 * carries the earliest retention date of its signals and is deleted then (SECURITY 10).
 */
export async function saveHotspotAnalysis(db: Kysely<Database>, actor: Actor, input: SaveHotspotAnalysis, now: Date): Promise<SavedHotspotAnalysis> {
  const result = await runHotspotAnalysis(db, actor, input.request);
  const sourceKind = 'signals' in input.request.source ? 'signals' : 'indicator';
  if (sourceKind === 'signals' && result.expiresAt === null) {
    throw invalid('hotspots.no_signals', 'There are no signals in this selection to save an analysis of', [{ path: 'request.source.signals', message: 'no signals found' }]);
  }
  const id = await db.transaction().execute(async (tx) => {
    const saved = await insertSavedAnalysis(hotspotDb(tx), {
      name: input.name,
      note: input.note ?? '',
      municipality: municipalityOf(input.request),
      sourceKind,
      statistic: input.request.statistic,
      request: input.request,
      result,
      createdBy: actor.userId,
      organisationId: actor.organisationId,
      expiresAt: result.expiresAt ? new Date(result.expiresAt) : null,
    });
    await withAudit(tx, actor, 'hotspots.save', { type: 'hotspot_analysis', id: saved }, { name: input.name, request: input.request, n: result.n, expiresAt: result.expiresAt });
    return saved;
  });
  const found = await findSavedHotspotAnalysis(db, actor, id, now);
  if (!found) throw new Error('saved analysis vanished after insert');
  return found;
}

export async function listSavedHotspotAnalyses(db: Kysely<Database>, actor: Actor, municipality: string | undefined, now: Date): Promise<SavedHotspotSummary[]> {
  const rows = await findSavedAnalyses(hotspotDb(db), { municipality, organisationId: actor.organisationId, now, withResult: false });
  return rows.map(toSummary);
}

/**
 * One saved analysis, or null when it does not exist, has expired or is not the actor's to see (a
 * signal-based analysis belongs to the organisation that made it). Exported for neighbourhood plans.
 */
export async function findSavedHotspotAnalysis(db: Kysely<Database>, actor: Actor, id: string, now: Date = new Date()): Promise<SavedHotspotAnalysis | null> {
  const [row] = await findSavedAnalyses(hotspotDb(db), { id, organisationId: actor.organisationId, now, withResult: true });
  return row ? toSaved(row) : null;
}

export async function getSavedHotspotAnalysis(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<SavedHotspotAnalysis> {
  const found = await findSavedHotspotAnalysis(db, actor, id, now);
  if (!found) throw notFound('Hot-spot analysis', 'hotspots.not_found');
  return found;
}

/**
 * The retention job: deletes saved signal-based analyses whose signals' retention has passed, with one audit
 * row per run that deleted something. Safe to run again: a second run finds nothing.
 */
export async function deleteExpiredHotspotAnalyses(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const ids = await deleteExpiredAnalyses(hotspotDb(tx), now);
    if (ids.length) await withAudit(tx, SYSTEM_ACTOR, 'hotspots.retention', { type: 'hotspot_analysis', id: 'expired' }, { deleted: ids.length, ids, at: now.toISOString() });
    return ids.length;
  });
}
