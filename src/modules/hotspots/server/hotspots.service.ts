import type { Kysely } from 'kysely';
import { hasPermission, invalid, notFound, SYSTEM_ACTOR, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { HotspotRequest as HotspotRequestSchema, HotspotResult as HotspotResultSchema } from '../contract.js';
import type { HotspotRequest, HotspotResult, SavedHotspotAnalysis, SavedHotspotSummary, SaveHotspotAnalysis } from '../contract.js';
import { deleteExpiredAnalyses, findSavedAnalyses, insertSavedAnalysis, type SavedAnalysisRow } from './hotspots.queries.js';
import { hotspotDb } from './hotspots.tables.js';
import { savedAnalysisAccess } from './saved-access.js';
import { analyseIndicator } from './indicator-source.js';
import { analyseSignals } from './signal-source.js';

const municipalityOf = (request: HotspotRequest): string => ('signals' in request.source ? request.source.signals.municipality : request.source.municipality);

/** One analysis with, for a signal source, the need-to-know facts of its signals (kept when it is saved). */
async function analyse(db: Kysely<Database>, actor: Actor, request: HotspotRequest): Promise<{ result: HotspotResult; signalAccess: unknown[] | null }> {
  const source = request.source;
  if ('signals' in source) {
    const { result, access } = await analyseSignals(db, actor, source, request.weights, request.statistic);
    return { result, signalAccess: access };
  }
  return { result: await analyseIndicator(db, source, request.weights, request.statistic), signalAccess: null };
}

/** Runs one analysis; nothing is stored. Signal-based analyses see only the signals the actor may see. */
export async function runHotspotAnalysis(db: Kysely<Database>, actor: Actor, request: HotspotRequest): Promise<HotspotResult> {
  return (await analyse(db, actor, request)).result;
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
 * carries the earliest retention date of its signals and is deleted then (SECURITY 10), and the
 * need-to-know facts of its signals, which decide who may open it (saved-access.ts).
 */
export async function saveHotspotAnalysis(db: Kysely<Database>, actor: Actor, input: SaveHotspotAnalysis, now: Date): Promise<SavedHotspotAnalysis> {
  const { result, signalAccess } = await analyse(db, actor, input.request);
  const sourceKind = 'signals' in input.request.source ? 'signals' : 'indicator';
  if (sourceKind === 'signals' && result.expiresAt === null) {
    throw invalid('hotspots.no_signals', 'There are no signals in this selection to save an analysis of', [{ path: 'request.source.signals', message: 'no signals found' }]);
  }
  return db.transaction().execute(async (tx) => {
    const hdb = hotspotDb(tx);
    const id = await insertSavedAnalysis(hdb, {
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
      signalAccess,
    });
    await withAudit(tx, actor, 'hotspots.save', { type: 'hotspot_analysis', id }, { name: input.name, request: input.request, n: result.n, expiresAt: result.expiresAt }, now);
    // Shown back to its author, who has just seen every signal in it: the save's audit row covers this read.
    const [row] = await findSavedAnalyses(hdb, { id, now, withResult: true, limit: 1, offset: 0 });
    if (!row) throw new Error('saved analysis vanished after insert');
    return toSaved(row);
  });
}

const LIST_LIMIT = 500;

/** The saved analyses the actor may open, newest first (at most 500); one audit row per list read. */
export async function listSavedHotspotAnalyses(db: Kysely<Database>, actor: Actor, municipality: string | undefined, now: Date): Promise<SavedHotspotSummary[]> {
  return db.transaction().execute(async (tx) => {
    const mayOpen = await savedAnalysisAccess(tx, actor);
    const shown: SavedAnalysisRow[] = [];
    // Pages until the list is full, so analyses the actor may not open do not crowd out those they may.
    for (let offset = 0; shown.length < LIST_LIMIT; offset += LIST_LIMIT) {
      const page = await findSavedAnalyses(hotspotDb(tx), { municipality, now, withResult: false, limit: LIST_LIMIT, offset });
      shown.push(...page.filter(mayOpen));
      if (page.length < LIST_LIMIT) break;
    }
    const items = shown.slice(0, LIST_LIMIT);
    await withAudit(tx, actor, 'hotspots.list', { type: 'hotspot_analysis' }, { municipality: municipality ?? null, shown: items.length, signalBased: items.filter((r) => r.source_kind === 'signals').length }, now);
    return items.map(toSummary);
  });
}

/**
 * One saved analysis, or null when it does not exist, has expired or may not be opened by the actor
 * (saved-access.ts). Every call writes a `hotspots.read` audit row in its own transaction, with the result
 * shown, not_visible or not_found, as reads of signals do. Exported for neighbourhood plans.
 */
export async function findSavedHotspotAnalysis(db: Kysely<Database>, actor: Actor, id: string, now: Date = new Date()): Promise<SavedHotspotAnalysis | null> {
  return db.transaction().execute(async (tx) => {
    const [row] = await findSavedAnalyses(hotspotDb(tx), { id, now, withResult: true, limit: 1, offset: 0 });
    const mayOpen = row !== undefined && (await savedAnalysisAccess(tx, actor))(row);
    const result = row === undefined ? 'not_found' : mayOpen ? 'shown' : 'not_visible';
    await withAudit(tx, actor, 'hotspots.read', { type: 'hotspot_analysis', id }, { result, sourceKind: row?.source_kind ?? null }, now);
    return row && mayOpen ? toSaved(row) : null;
  });
}

/**
 * Which of these saved analyses the actor may open (the rule of findSavedHotspotAnalysis), for a module that
 * keeps only an analysis' id and name (the spatial advice's hot-spot triggers) and must not name one its
 * reader could not open. Reads neither the result nor the note, so it writes no audit row; an expired
 * (deleted) analysis is not openable.
 */
export async function findOpenableHotspotAnalysisIds(db: Kysely<Database>, actor: Actor, ids: readonly string[], now: Date = new Date()): Promise<Set<string>> {
  const openable = new Set<string>();
  // Saved analyses are opened through routes that need hotspots.run; without it none is openable.
  if (ids.length === 0 || !hasPermission(actor.roles, 'hotspots.run')) return openable;
  const mayOpen = await savedAnalysisAccess(db, actor);
  for (const id of new Set(ids)) {
    const [row] = await findSavedAnalyses(hotspotDb(db), { id, now, withResult: false, limit: 1, offset: 0 });
    if (row && mayOpen(row)) openable.add(id);
  }
  return openable;
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
