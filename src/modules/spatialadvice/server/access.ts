import type { Actor, Role } from '../../../platform/server/index.js';
import type { SpatialDb } from './spatialadvice.tables.js';

/**
 * Who sees which advice (docs/spatialadvice.md, "Who sees what"). Two rules, applied to every read and write
 * of this module — lists, detail, the counts on the area and programme pages, the map, the document, the
 * photos, the conditions on the worklist — so an advice outside them is absent from lists and answers 404
 * like an unknown id:
 *
 *  1. Area scope. A user with area scopes sees an advice only when its area lies within one of them: the
 *     scope names the municipality, the area itself, or (for a buurt) its wijk. The same codes the signals
 *     module matches a signal against (municipality, wijk, buurt); a hot-spot trigger comes from an analysis
 *     of signals, so it must not reach further than those signals would. A focus area lies within a scope
 *     that names it or its municipality (as the areas module decides who sees a focus area).
 *  2. Partners. The municipal roles that work on advices (administrator, programme manager, analyst) open
 *     every scan in their scope. Anyone else (the partner role: police, housing corporation, care) sees the
 *     triggers of their scope — that an advice is needed, running or given and its outcome — but opens a
 *     scan (participants, scores, remarks, evidence, photos, the advice text, its conditions and the
 *     document) only when invited to it as a participant or named as the owner of one of its conditions.
 *
 * There is no shared platform helper for area scopes: each module matches the codes its records carry
 * (signals' need-to-know, programmes' withinAreaScope, areas' canSeeFocusArea); this is the same match.
 */

/** Roles whose holders open every scan within their area scope (like the meetings module's municipal roles). */
const MUNICIPAL_ROLES: readonly Role[] = ['administrator', 'programme_manager', 'analyst'];

/** The place of an advice: its trigger's area and municipality. */
export interface AdvicePlace {
  municipalityCode: string;
  areaCode: string;
}

/** Whether the area lies within the scopes; no scopes means no area limit. */
export function withinAreaScope(areaScopes: readonly string[], place: AdvicePlace): boolean {
  if (areaScopes.length === 0) return true;
  if (areaScopes.includes(place.municipalityCode) || areaScopes.includes(place.areaCode)) return true;
  // A buurt code is its wijk's code plus two digits: BU05050700 lies in WK050507.
  return /^BU\d{8}$/.test(place.areaCode) && areaScopes.includes(`WK${place.areaCode.slice(2, 8)}`);
}

export function opensEveryScan(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((role) => MUNICIPAL_ROLES.includes(role));
}

/**
 * The actor's view: which places they see, and which scans they open. For a partner the scans they take part
 * in or own a condition of are read once, so a list decides every row without a query per row.
 */
export interface AdviceView {
  seesPlace(place: AdvicePlace): boolean;
  opensScan(scanId: string, place: AdvicePlace): boolean;
}

export async function adviceView(db: SpatialDb, actor: Pick<Actor, 'userId' | 'roles' | 'areaScopes'>): Promise<AdviceView> {
  const seesPlace = (place: AdvicePlace) => withinAreaScope(actor.areaScopes, place);
  if (opensEveryScan(actor)) return { seesPlace, opensScan: (_scanId, place) => seesPlace(place) };
  const involved = await involvedScanIds(db, actor.userId);
  return { seesPlace, opensScan: (scanId, place) => seesPlace(place) && involved.has(scanId) };
}

/** The scans a person is invited to, or owns a condition of. */
async function involvedScanIds(db: SpatialDb, userId: string): Promise<Set<string>> {
  const participant = await db.selectFrom('spatial_participants').select('scan_id').where('user_id', '=', userId).execute();
  const owner = await db.selectFrom('spatial_conditions').select('scan_id').where('owner_user_id', '=', userId).execute();
  return new Set([...participant, ...owner].map((row) => row.scan_id));
}
