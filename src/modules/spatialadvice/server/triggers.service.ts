import { cellToBoundary, cellToLatLng, isValidCell } from 'h3-js';
import type { Kysely } from 'kysely';
import { conflict, hasPermission, invalid, notFound, SYSTEM_ACTOR, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { findBuurtContainingPoint, findFocusAreaMembers } from '../../areas/index.js';
import { findOpenableHotspotAnalysisIds, findSavedHotspotAnalysis } from '../../hotspots/index.js';
import { canActorSeeProgramme, findProgrammeSummary, listProgrammeAreas, listProgrammeIdsOfArea } from '../../programmes/index.js';
import type { HotspotTrigger, ManualTrigger, TriggerSummary } from '../contract.js';
import { adviceView, withinAreaScope, type AdviceView } from './access.js';
import { areaNames, areaOutline, markerHexagon, outsideScope, triggerArea, type TriggerArea } from './place.js';
import * as q from './spatialadvice.queries.js';
import { spatialDb } from './spatialadvice.tables.js';

/**
 * Triggers: an advice is required when a public space with a staying function, a masterplan for a wijk or
 * buurt, or a safety hot spot is touched (Antwerp's advies ruimtelijke veiligheid, seed 002). Raised by hand,
 * from a saved hot-spot analysis (only its cell and name: never signals or people), and by the system for
 * every programme that covers an area (checkPlanTriggers, a job and a button). Each raise is audited.
 */

const triggerNotFound = () => notFound('Trigger', 'spatialadvice.trigger_not_found');

/** What the reader may be told beyond the trigger itself (access.ts; the programmes and hotspots modules decide theirs). */
interface TriggerReading {
  names: Map<string, string>;
  /** Name by id of the programmes the reader may open; others are "a programme" without an id. */
  programmes: Map<string, string>;
  /** The saved hot-spot analyses the reader may open; others are not named. */
  analyses: Set<string>;
  view: AdviceView;
}

export function toTriggerSummary(row: q.TriggerRow, reading: TriggerReading): TriggerSummary {
  const place = { municipalityCode: row.municipality_code, areaCode: row.area_code };
  const analysisShown = row.hotspot_analysis_id !== null && reading.analyses.has(row.hotspot_analysis_id);
  const programmeName = row.programme_id ? reading.programmes.get(row.programme_id) : undefined;
  return {
    id: row.id,
    kind: row.kind as TriggerSummary['kind'],
    status: row.status as TriggerSummary['status'],
    municipalityCode: row.municipality_code,
    areaCode: row.area_code,
    areaName: reading.names.get(row.area_code) ?? row.area_code,
    placeName: row.place_name,
    description: row.description,
    point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    geometry: row.geometry ?? null,
    hotspot: row.hotspot_analysis_id && row.hotspot_cell ? { analysisId: analysisShown ? row.hotspot_analysis_id : null, cell: row.hotspot_cell, analysisName: analysisShown ? (row.hotspot_name ?? '') : null } : null,
    programme: row.programme_id ? (programmeName !== undefined ? { id: row.programme_id, name: programmeName } : { id: null, name: null }) : null,
    dismissReason: row.dismiss_reason,
    scanId: row.scan_id && reading.view.opensScan(row.scan_id, place) ? row.scan_id : null,
    outcome: (row.outcome as TriggerSummary['outcome']) ?? null,
    isDemo: row.is_demo,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The programmes among `ids` the actor may open (programmes' own rule), with their names. */
async function openableProgrammes(db: Kysely<Database>, actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!hasPermission(actor.roles, 'programmes.read')) return names;
  for (const id of new Set(ids)) {
    if (!(await canActorSeeProgramme(db, actor, id))) continue;
    const programme = await findProgrammeSummary(db, id);
    if (programme) names.set(id, programme.name);
  }
  return names;
}

/** Summaries of rows the actor sees (the caller has filtered them with the same view). */
async function summariesOf(db: Kysely<Database>, actor: Actor, view: AdviceView, rows: readonly q.TriggerRow[]): Promise<TriggerSummary[]> {
  const reading: TriggerReading = {
    names: await areaNames(db, rows.map((r) => r.area_code)),
    programmes: await openableProgrammes(db, actor, rows.flatMap((r) => (r.programme_id ? [r.programme_id] : []))),
    analyses: await findOpenableHotspotAnalysisIds(db, actor, rows.flatMap((r) => (r.hotspot_analysis_id ? [r.hotspot_analysis_id] : []))),
    view,
  };
  return rows.map((row) => toTriggerSummary(row, reading));
}

const placeOf = (row: { municipality_code: string; area_code: string }) => ({ municipalityCode: row.municipality_code, areaCode: row.area_code });

/**
 * The triggers the actor sees (area scope, access.ts), newest first; of one area (a focus area includes its
 * members, a wijk its buurten), or of one programme — nothing for a programme the actor may not open, so
 * its id does not tell which advices belong to it.
 */
export async function listTriggers(db: Kysely<Database>, actor: Actor, filter: { area?: string | undefined; programme?: string | undefined }): Promise<TriggerSummary[]> {
  if (filter.programme && !(await openableProgrammes(db, actor, [filter.programme])).has(filter.programme)) return [];
  const sdb = spatialDb(db);
  const view = await adviceView(sdb, actor);
  let rows = (await q.findTriggers(sdb, filter.programme ? { programmeId: filter.programme } : {})).filter((row) => view.seesPlace(placeOf(row)));
  if (filter.area) {
    const areaCodes = filter.area.startsWith('FA') ? [filter.area, ...(await findFocusAreaMembers(db, filter.area))] : [filter.area];
    // A wijk also holds the triggers of its buurten (BU + the wijk's digits).
    rows = rows.filter((row) => areaCodes.some((code) => row.area_code === code || (code.startsWith('WK') && row.area_code.startsWith(`BU${code.slice(2)}`))));
  }
  return summariesOf(db, actor, view, rows);
}

/** One trigger the actor sees; 404 otherwise, exactly like an unknown id. */
export async function readTrigger(db: Kysely<Database>, actor: Actor, id: string): Promise<TriggerSummary> {
  const sdb = spatialDb(db);
  const row = await q.findTrigger(sdb, id);
  const view = await adviceView(sdb, actor);
  if (!row || !view.seesPlace(placeOf(row))) throw triggerNotFound();
  const [summary] = await summariesOf(db, actor, view, [row]);
  return summary!;
}

/** A public space with a staying function, or a masterplan, raised by hand with an area and optionally a point. */
export async function raiseManualTrigger(db: Kysely<Database>, actor: Actor, body: ManualTrigger, options: { isDemo?: boolean; auditActor?: AuditActor } = {}): Promise<TriggerSummary> {
  const area = await triggerArea(db, actor, body.areaCode);
  const geometry = body.point ? markerHexagon(body.point) : await areaOutline(db, area);
  const id = await db.transaction().execute(async (tx) => {
    const id = await q.insertTrigger(spatialDb(tx), {
      kind: body.kind,
      municipality_code: area.municipalityCode,
      area_code: area.code,
      place_name: body.placeName,
      description: body.description ?? '',
      lat: body.point?.lat ?? null,
      lon: body.point?.lon ?? null,
      geometry: geometry ? JSON.stringify(geometry) : null,
      raised_by: options.auditActor ? null : actor.userId,
      is_demo: options.isDemo ?? false,
    });
    if (!id) throw new Error('a manual trigger cannot conflict');
    await withAudit(tx, options.auditActor ?? actor, 'spatialadvice.trigger.create', { type: 'spatial_trigger', id }, { kind: body.kind, area: area.code, placeName: body.placeName, point: body.point ?? null, demo: options.isDemo ?? false });
    return id;
  });
  return readTrigger(db, actor, id);
}

/**
 * A hot spot of a saved analysis the actor may open (hotspots' index.ts, which audits that read). Only a cell
 * the analysis found hot (a positive confidence bin) and within the actor's areas qualifies; the trigger keeps
 * the cell, its name and the analysis name. The same cell again answers the trigger it already has (200,
 * nothing written) — to who may open the analysis, so an id and a cell do not tell whether a trigger exists.
 */
export async function raiseHotspotTrigger(db: Kysely<Database>, actor: Actor, body: HotspotTrigger): Promise<{ created: boolean; trigger: TriggerSummary }> {
  const analysis = await findSavedHotspotAnalysis(db, actor, body.analysisId);
  if (!analysis) throw invalid('spatialadvice.unknown_hotspot_analysis', 'No saved hot-spot analysis with this id that you may open', [{ path: 'body.analysisId', message: 'not a saved analysis you may open' }]);
  const item = analysis.result.items.find((i) => i.id === body.cell);
  if (!item || item.bin < 1) throw invalid('spatialadvice.not_a_hotspot', 'This cell is not a hot spot of the analysis', [{ path: 'body.cell', message: 'not a hot spot of this analysis' }]);
  const place = await hotspotPlace(db, actor, analysis.municipality, body.cell);
  if (!withinAreaScope(actor.areaScopes, { municipalityCode: analysis.municipality, areaCode: place.areaCode })) throw outsideScope('body.cell');
  const existing = await q.findHotspotTrigger(spatialDb(db), body.analysisId, body.cell);
  if (existing) return { created: false, trigger: await readTrigger(db, actor, existing) };
  const placeName = item.name ? `${item.name} (hotspot)` : `Hotspot ${body.cell}`;
  const id = await db.transaction().execute(async (tx) => {
    const id = await q.insertTrigger(spatialDb(tx), {
      kind: 'hotspot',
      municipality_code: analysis.municipality,
      area_code: place.areaCode,
      place_name: placeName,
      description: '',
      lat: place.point?.lat ?? null,
      lon: place.point?.lon ?? null,
      geometry: place.geometry ? JSON.stringify(place.geometry) : null,
      hotspot_analysis_id: analysis.id,
      hotspot_cell: body.cell,
      hotspot_name: analysis.name,
      raised_by: actor.userId,
    });
    if (!id) throw conflict('spatialadvice.trigger_exists', 'This hot spot has just been raised by someone else');
    await withAudit(tx, actor, 'spatialadvice.trigger.create', { type: 'spatial_trigger', id }, { kind: 'hotspot', analysis: analysis.id, cell: body.cell, area: place.areaCode });
    return id;
  });
  return { created: true, trigger: await readTrigger(db, actor, id) };
}

async function hotspotPlace(db: Kysely<Database>, actor: Actor, municipality: string, cell: string): Promise<{ areaCode: string; point: { lat: number; lon: number } | null; geometry: unknown }> {
  if (isValidCell(cell)) {
    const [lat, lon] = cellToLatLng(cell);
    const buurt = await findBuurtContainingPoint(db, { lat, lon }, { municipality });
    // A cell outside every buurt still belongs to the municipality's analysis.
    const areaCode = buurt?.code ?? municipality;
    return { areaCode, point: { lat, lon }, geometry: { type: 'Polygon', coordinates: [cellToBoundary(cell, true)] } };
  }
  const area = await triggerArea(db, actor, cell, 'body.cell');
  return { areaCode: area.code, point: null, geometry: await areaOutline(db, area) };
}

/**
 * The system's own trigger: every programme that covers an area (programmes' index.ts: listProgrammeAreas,
 * listProgrammeIdsOfArea) is a plan for that area and needs an advice, once per programme and area. Run by
 * a job and by the button "Plannen nagaan"; safe to run again (the unique index keeps one per pair).
 */
export async function checkPlanTriggers(db: Kysely<Database>, actor: AuditActor = SYSTEM_ACTOR): Promise<number> {
  let raised = 0;
  const sdb = spatialDb(db);
  for (const areaCode of await listProgrammeAreas(db)) {
    if (!/^(WK|BU|FA)/.test(areaCode)) continue; // a whole municipality is no wijk or buurt plan
    for (const programmeId of await listProgrammeIdsOfArea(db, areaCode)) {
      if (await q.planTriggerExists(sdb, programmeId, areaCode)) continue;
      const programme = await findProgrammeSummary(db, programmeId);
      if (!programme) continue;
      const name = (await areaNames(db, [areaCode])).get(areaCode) ?? areaCode;
      const members = areaCode.startsWith('FA') ? await findFocusAreaMembers(db, areaCode) : null;
      const area: TriggerArea = { code: areaCode, name, municipalityCode: programme.municipalityCode, level: areaCode.startsWith('FA') ? 'focus' : areaCode.startsWith('WK') ? 'wijk' : 'buurt', members };
      const geometry = await areaOutline(db, area);
      const created = await db.transaction().execute(async (tx) => {
        const id = await q.insertTrigger(spatialDb(tx), {
          kind: 'plan',
          municipality_code: programme.municipalityCode,
          area_code: areaCode,
          place_name: name,
          description: '',
          geometry: geometry ? JSON.stringify(geometry) : null,
          programme_id: programmeId,
        });
        if (id) await withAudit(tx, actor, 'spatialadvice.trigger.create', { type: 'spatial_trigger', id }, { kind: 'plan', programme: programmeId, area: areaCode });
        return id !== null;
      });
      if (created) raised += 1;
    }
  }
  return raised;
}

/** No advice needed after all (no physical change, say): closed with the reason; only an open trigger. */
export async function dismissTrigger(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<TriggerSummary> {
  await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const trigger = await q.lockTrigger(sdb, id);
    if (!trigger || !withinAreaScope(actor.areaScopes, placeOf(trigger))) throw triggerNotFound();
    if (trigger.status !== 'open') throw conflict('spatialadvice.trigger_not_open', 'Only an open trigger can be closed without an advice');
    await q.setTriggerStatus(sdb, id, 'dismissed', reason);
    await withAudit(tx, actor, 'spatialadvice.trigger.dismiss', { type: 'spatial_trigger', id }, { reason });
  });
  return readTrigger(db, actor, id);
}
