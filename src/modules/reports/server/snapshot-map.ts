import type { Kysely } from 'kysely';
import { AppError, type Actor, type Database } from '../../../platform/server/index.js';
import { findAreaForFigures, findAreaPolygons, findChildAreasOf } from '../../areas/index.js';
import { getIndicatorValues, listIndicators } from '../../indicators/index.js';
import type { SnapshotMap } from '../contract.js';

/**
 * The map a snapshot freezes (docs/reports.md "Map"): the buurten of the programme's area (else its wijken)
 * coloured by one indicator its goals use, with the figures of the newest year up to the peildatum that has
 * them, on the boundaries of that year, simplified to keep the documents small.
 */

/** Douglas–Peucker tolerance in metres: about half a point when the area fills the width of an A4 page. */
export const SIMPLIFY_METRES = 5;
/** At most this many points per area: the tolerance doubles until the area fits. */
export const MAX_POINTS_PER_AREA = 300;
/** How many years back from the peildatum the figures are looked for. */
const YEARS_BACK = 10;

type Point = [number, number];

/** Douglas–Peucker on one ring, in metres of a local projection (1° latitude ≈ 111.2 km). */
export function simplifyRing(ring: readonly Point[], toleranceMetres: number): Point[] {
  if (ring.length <= 4) return ring.map((p) => [p[0], p[1]]);
  const k = Math.cos((ring[0]![1] * Math.PI) / 180);
  const m = ring.map(([lon, lat]) => [lon * k * 111_195, lat * 111_195] as const);
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = m[a]!;
    const [bx, by] = m[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i += 1) {
      const [px, py] = m[i]!;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
      const dist = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (dist > worst) [worst, at] = [dist, i];
    }
    if (worst > toleranceMetres) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return ring.filter((_, i) => keep[i]).map((p) => [p[0], p[1]]);
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** The rings of a GeoJSON Polygon or MultiPolygon, simplified, rings under four points (slivers of a few metres) left out. */
export function simplifiedRings(geometry: unknown): Point[][] {
  const g = geometry as { type?: string; coordinates?: unknown };
  const polygons = g.type === 'Polygon' ? [g.coordinates as Point[][]] : g.type === 'MultiPolygon' ? (g.coordinates as Point[][][]) : [];
  const rings = polygons.flat();
  for (let tolerance = SIMPLIFY_METRES; ; tolerance *= 2) {
    const out = rings.map((r) => simplifyRing(r, tolerance).map(([lon, lat]) => [round5(lon), round5(lat)] as Point)).filter((r) => r.length >= 4);
    if (out.reduce((n, r) => n + r.length, 0) <= MAX_POINTS_PER_AREA || tolerance > 1000) return out;
  }
}

interface Members {
  name: string;
  municipality: string;
  wijken: string[];
  buurten: string[];
  whole: boolean;
}

/** The wijken and buurten the programme's areas are made of (a focus area's members, or the area itself). */
async function membersOf(db: Kysely<Database>, actor: Actor, codes: readonly string[]): Promise<Members | null> {
  const out: Members = { name: '', municipality: '', wijken: [], buurten: [], whole: false };
  const names: string[] = [];
  for (const code of codes) {
    let area;
    try {
      area = await findAreaForFigures(db, actor, code);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) continue;
      throw error;
    }
    names.push(area.name);
    out.municipality ||= area.municipalityCode;
    for (const member of area.members ?? [code]) {
      if (member.startsWith('WK')) out.wijken.push(member);
      else if (member.startsWith('BU')) out.buurten.push(member);
      else if (member.startsWith('GM')) out.whole = true;
    }
  }
  out.name = names.join(', ');
  return out.municipality ? out : null;
}

/** The map of the programme's area for the snapshot, or undefined when its area has no figures with boundaries. */
export async function collectSnapshotMap(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaCodes: readonly string[]; goalIndicators: readonly string[]; peildatum: string },
): Promise<SnapshotMap | undefined> {
  const members = await membersOf(db, actor, input.areaCodes);
  if (!members) return undefined;
  const catalogue = await listIndicators(db);
  const known = new Map(catalogue.map((i) => [i.code, i]));
  // A goal's share or rate before a count (a count mostly maps the size of an area); inhabitants when no goal has figures.
  const goalCodes = [...new Set(input.goalIndicators)].filter((c) => known.has(c));
  const candidates = [...goalCodes.filter((c) => known.get(c)?.aggregation !== 'sum'), ...goalCodes.filter((c) => known.get(c)?.aggregation === 'sum'), 'inhabitants'];
  const lastYear = Number(input.peildatum.slice(0, 4));
  const cache = new Map<string, Promise<Set<string>>>();
  const codesAt = (level: 'buurt' | 'wijk', year: number) => {
    const key = `${level}:${year}`;
    if (!cache.has(key)) cache.set(key, areasAt(db, members, level, year));
    return cache.get(key) as Promise<Set<string>>;
  };
  for (const level of ['buurt', 'wijk'] as const) {
    for (const code of [...new Set(candidates)]) {
      const indicator = known.get(code);
      if (!indicator) continue;
      for (let year = lastYear; year > lastYear - YEARS_BACK; year -= 1) {
        const wanted = await codesAt(level, year);
        if (wanted.size === 0) continue;
        const values = await getIndicatorValues(db, { indicator: code, level, period: year, municipality: members.municipality });
        const found = values.items.filter((v) => wanted.has(v.areaCode));
        if (!found.some((v) => v.value !== null)) continue;
        const polygons = await findAreaPolygons(db, members.municipality, level, year);
        const shapes = polygons.items.filter((p) => wanted.has(p.code));
        if (shapes.length === 0 || polygons.year === null) continue;
        const valueOf = new Map(found.map((v) => [v.areaCode, v.value]));
        return {
          level,
          areaName: members.name,
          indicator: code,
          indicatorName: indicator.name,
          unit: indicator.unit,
          decimals: indicator.decimals,
          year,
          boundaryYear: polygons.year,
          areas: shapes
            .map((s) => ({ code: s.code, name: s.name, value: valueOf.get(s.code) ?? null, rings: simplifiedRings(s.geometry) }))
            .sort((a, b) => a.code.localeCompare(b.code)),
        };
      }
    }
  }
  return undefined;
}

/** The codes of the map's areas at a level in a year: the members' buurten (a wijk's buurten included), or the wijken. */
async function areasAt(db: Kysely<Database>, members: Members, level: 'buurt' | 'wijk', year: number): Promise<Set<string>> {
  if (members.whole) {
    const all = await findAreaPolygons(db, members.municipality, level, year);
    return new Set(all.items.map((i) => i.code));
  }
  if (level === 'wijk') return new Set(members.wijken);
  const children = members.wijken.length ? await findChildAreasOf(db, members.wijken, year) : [];
  return new Set([...members.buurten, ...children.filter((c) => c.level === 'buurt').map((c) => c.code)]);
}
