import type { Kysely } from 'kysely';
import { AppError, forbidden, invalid, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import type { AreaDetail, Geometry } from '../contract.js';
import { canSeeFocusArea } from './area-visibility.js';
import { findAreaKind, findLatestAreaYear, findLatestVersionsByCode } from './areas.queries.js';
import { getAreaDetail, findVisibleFocusArea } from './areas.service.js';
import { areasDb, type AreasDb } from './areas.tables.js';
import { focusAreaCode } from './focus-area-code.js';
import { deleteFocusArea, findBuurtShapes, focusCodeTaken, insertFocusArea } from './focus-areas.queries.js';
import { isAreaGeometry, polygonProblem } from './geometry.js';
import { areasInsidePolygon } from './polygon-members.js';

type CreateInput = {
  name: string;
  municipality: string;
  description: string;
  members?: string[] | undefined;
  polygon?: Geometry | undefined;
  year?: number | undefined;
};

export async function createFocusArea(db: Kysely<Database>, actor: Actor, input: CreateInput): Promise<AreaDetail> {
  if (!canSeeFocusArea(actor.areaScopes, { code: '', municipalityCode: input.municipality })) {
    throw forbidden('You may only define focus areas in the municipalities of your area scope');
  }
  return db.transaction().execute(async (tx) => {
    const adb = areasDb(tx);
    const municipality = await findAreaKind(adb, input.municipality);
    if (!municipality || municipality.level !== 'gemeente') {
      throw invalid('focus_area.unknown_municipality', `Municipality ${input.municipality} is not loaded`, [{ path: 'municipality', message: 'unknown municipality' }]);
    }
    const members = input.polygon ? await membersFromPolygon(adb, input.municipality, input.polygon, input.year) : await checkMembers(adb, input.municipality, input.members ?? []);
    const free = await firstFreeCode(adb, input.name);
    await insertFocusArea(adb, {
      code: free,
      municipality: input.municipality,
      name: input.name,
      description: input.description,
      polygon: input.polygon ?? null,
      createdBy: actor.userId,
      members,
    });
    await withAudit(tx, actor, 'focus_area.create', { type: 'area', id: free }, {
      name: input.name,
      municipality: input.municipality,
      members,
      fromPolygon: input.polygon !== undefined,
      year: input.year ?? null,
    });
    return getAreaDetail(tx, actor, free, { geometry: false });
  });
}

async function firstFreeCode(adb: AreasDb, name: string): Promise<string> {
  // Rare: the same name twice. The areas primary key settles any race between two creators.
  const tried = new Set<string>();
  for (let n = 0; n < 100; n += 1) {
    const candidate = focusAreaCode(name, (c) => tried.has(c));
    if (!(await focusCodeTaken(adb, candidate))) return candidate;
    tried.add(candidate);
  }
  throw new AppError('focus_area.code_exhausted', 409, 'Too many focus areas with this name');
}

/** Members must be buurten or wijken of the municipality, and may not overlap (a wijk and one of its buurten). */
async function checkMembers(adb: AreasDb, municipality: string, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)].sort();
  const versions = await findLatestVersionsByCode(adb, unique);
  const byCode = new Map(versions.map((v) => [v.code, v]));
  const errors: FieldError[] = [];
  codes.forEach((code, i) => {
    const version = byCode.get(code);
    if (!version || version.municipality_code !== municipality) errors.push({ path: `members.${i}`, message: `${code} is not a buurt or wijk of ${municipality}` });
    else if (version.parent_code && byCode.has(version.parent_code)) {
      errors.push({ path: `members.${i}`, message: `${code} lies in member ${version.parent_code}: it would be counted twice` });
    }
  });
  if (errors.length) throw invalid('focus_area.invalid_members', 'Some members are not valid', errors);
  return unique;
}

async function membersFromPolygon(adb: AreasDb, municipality: string, polygon: Geometry, year: number | undefined): Promise<string[]> {
  const problem = polygonProblem(polygon);
  if (problem) throw invalid('focus_area.invalid_polygon', `The polygon is not valid: ${problem}`, [{ path: 'polygon', message: problem }]);
  const shapeYear = year ?? (await findLatestAreaYear(adb, { municipality, level: 'buurt' }));
  if (shapeYear === null) throw invalid('focus_area.no_buurten', `No buurten of ${municipality} are loaded`, [{ path: 'polygon', message: 'no buurten to select from' }]);
  const shapes = await findBuurtShapes(adb, municipality, shapeYear);
  const members = areasInsidePolygon(
    polygon,
    shapes.flatMap((s) => (isAreaGeometry(s.geometry) ? [{ code: s.code, geometry: s.geometry }] : [])),
  );
  if (members.length === 0) {
    throw invalid('focus_area.empty_polygon', `No buurt of ${municipality} in ${shapeYear} lies inside the polygon`, [{ path: 'polygon', message: 'no buurt inside' }]);
  }
  return members;
}

export async function removeFocusArea(db: Kysely<Database>, actor: Actor, code: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const focus = await findVisibleFocusArea(tx, actor, code);
    await deleteFocusArea(areasDb(tx), code);
    await withAudit(tx, actor, 'focus_area.delete', { type: 'area', id: code }, { name: focus.name, municipality: focus.municipality_code });
  });
}

