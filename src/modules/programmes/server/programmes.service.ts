import type { Kysely } from 'kysely';
import { findAreaNames } from '../../areas/index.js';
import { conflict, invalid, notFound, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import type { ProgrammeDetail, ProgrammeInputParsed, ProgrammeOptions, ProgrammeSummary } from '../contract.js';
import { withinAreaScope } from './activity-access.js';
import { GoalFigures } from './goal-figures.js';
import { findGoalRows } from './goals.queries.js';
import {
  findActiveOrganisations,
  findActiveUsers,
  findExecutionProgrammes,
  findPillars,
  findProgrammeAreaCodes,
  findProgrammeRows,
  findStrategicGoals,
  insertProgramme,
  programmeNameTaken,
  replaceProgrammeAreas,
  syncExecutionProgrammes,
  syncPillars,
  syncStrategicGoals,
  updatePublication,
  updateProgrammeRow,
  type ProgrammeRow,
} from './programmes.queries.js';
import { programmesDb } from './programmes.tables.js';

type ScopeActor = Pick<Actor, 'areaScopes'>;

/** `names`: municipality names by code (findAreaNames). */
export function toProgrammeSummary(row: ProgrammeRow, names: ReadonlyMap<string, string>): ProgrammeSummary {
  return { id: row.id, name: row.name, horizonStart: row.horizon_start, horizonEnd: row.horizon_end, municipalityCode: row.municipality_code, municipalityName: names.get(row.municipality_code) ?? null, isDemo: row.is_demo };
}

/** Programmes in the actor's area scope (a municipality in the scope, or one of the programme's areas). */
export async function listProgrammes(db: Kysely<Database>, actor: ScopeActor): Promise<ProgrammeSummary[]> {
  const pdb = programmesDb(db);
  const rows = await findProgrammeRows(pdb);
  const areas = await findProgrammeAreaCodes(pdb, rows.map((r) => r.id));
  const visible = rows.filter((r) => withinAreaScope(actor, r.municipality_code, areas.get(r.id) ?? []));
  const names = await findAreaNames(db, visible.map((r) => r.municipality_code));
  return visible.map((r) => toProgrammeSummary(r, names));
}

/** One programme the actor may see; 404 otherwise, exactly like an unknown one. */
export async function findVisibleProgramme(db: Kysely<Database>, actor: ScopeActor, id: string): Promise<ProgrammeRow & { areaCodes: string[] }> {
  const pdb = programmesDb(db);
  const [row] = await findProgrammeRows(pdb, { id });
  if (!row) throw notFound('Programme', 'programme.not_found');
  const areaCodes = (await findProgrammeAreaCodes(pdb, [id])).get(id) ?? [];
  if (!withinAreaScope(actor, row.municipality_code, areaCodes)) throw notFound('Programme', 'programme.not_found');
  return { ...row, areaCodes };
}

export async function getProgramme(db: Kysely<Database>, actor: Actor, id: string): Promise<ProgrammeDetail> {
  const programme = await findVisibleProgramme(db, actor, id);
  const pdb = programmesDb(db);
  const [pillars, strategic, execution, goalRows] = await Promise.all([findPillars(pdb, id), findStrategicGoals(pdb, id), findExecutionProgrammes(pdb, id), findGoalRows(pdb, { programmeId: id })]);
  const figures = new GoalFigures(db, actor);
  const areas = [];
  for (const code of programme.areaCodes) areas.push({ code, name: (await figures.area(code))?.name ?? code });
  // On a PostgreSQL server the goals' figure queries run side by side; PGlite queues them on its one connection.
  const operationalGoals = await Promise.all(goalRows.map((row) => figures.evaluate(row)));
  return {
    ...toProgrammeSummary(programme, await findAreaNames(db, [programme.municipality_code])),
    ambition: programme.ambition,
    areas,
    pillars: pillars.map((p) => ({ id: p.id, name: p.name, position: p.position })),
    strategicGoals: strategic.map((g) => ({ id: g.id, name: g.name, pillarId: g.pillar_id, position: g.position })),
    operationalGoals,
    executionProgrammes: execution.map((e) => ({ id: e.id, name: e.name, periodStart: e.period_start, periodEnd: e.period_end })),
    publishedAt: programme.published_at ? programme.published_at.toISOString() : null,
  };
}

/**
 * Show the programme to residents on the public area pages, or withdraw it (docs/publicpages.md). The same
 * right as editing the programme; audited. Publishing again keeps the first date: residents' "public since"
 * does not move with every click.
 */
export async function setProgrammePublication(db: Kysely<Database>, actor: Actor, id: string, published: boolean, now: Date): Promise<ProgrammeDetail> {
  const programme = await findVisibleProgramme(db, actor, id);
  if (published !== (programme.published_at !== null)) {
    await db.transaction().execute(async (tx) => {
      await updatePublication(programmesDb(tx), id, published ? { at: now, by: actor.userId } : null);
      await withAudit(tx, actor, published ? 'programme.publish' : 'programme.unpublish', { type: 'programme', id }, { name: programme.name });
    });
  }
  return getProgramme(db, actor, id);
}

async function checkProgrammeInput(db: Kysely<Database>, actor: Actor, input: ProgrammeInputParsed): Promise<void> {
  const errors: FieldError[] = [];
  if (input.horizonEnd <= input.horizonStart) errors.push({ path: 'body.horizonEnd', message: 'must lie after horizonStart' });
  if (!withinAreaScope(actor, input.municipality, input.areas)) errors.push({ path: 'body.municipality', message: 'outside your area scope' });
  const figures = new GoalFigures(db, actor);
  for (const [i, code] of input.areas.entries()) {
    const area = await figures.area(code);
    if (!area) errors.push({ path: `body.areas.${i}`, message: `unknown area ${code}` });
    else if (area.municipalityCode !== input.municipality) errors.push({ path: `body.areas.${i}`, message: `${code} does not lie in ${input.municipality}` });
  }
  if (new Set(input.areas).size !== input.areas.length) errors.push({ path: 'body.areas', message: 'an area is listed twice' });
  if (new Set(input.pillars).size !== input.pillars.length) errors.push({ path: 'body.pillars', message: 'a pillar is listed twice' });
  const pillars = new Set(input.pillars);
  input.strategicGoals.forEach((g, i) => {
    if (g.pillar !== null && !pillars.has(g.pillar)) errors.push({ path: `body.strategicGoals.${i}.pillar`, message: 'not one of the pillars' });
  });
  if (new Set(input.strategicGoals.map((g) => g.name)).size !== input.strategicGoals.length) errors.push({ path: 'body.strategicGoals', message: 'a strategic goal is listed twice' });
  input.executionProgrammes.forEach((e, i) => {
    if (e.periodEnd <= e.periodStart) errors.push({ path: `body.executionProgrammes.${i}.periodEnd`, message: 'must lie after periodStart' });
  });
  if (new Set(input.executionProgrammes.map((e) => e.name)).size !== input.executionProgrammes.length) errors.push({ path: 'body.executionProgrammes', message: 'an execution programme is listed twice' });
  if (errors.length) throw invalid('programme.invalid', 'The programme is not valid', errors);
}

async function writeStructure(tx: Kysely<Database>, id: string, input: ProgrammeInputParsed): Promise<void> {
  const pdb = programmesDb(tx);
  await replaceProgrammeAreas(pdb, id, input.areas);
  const pillarIds = await syncPillars(pdb, id, input.pillars);
  await syncStrategicGoals(pdb, id, input.strategicGoals.map((g) => ({ name: g.name, pillarId: g.pillar === null ? null : (pillarIds.get(g.pillar) ?? null) })));
  await syncExecutionProgrammes(pdb, id, input.executionProgrammes);
}

export async function createProgramme(db: Kysely<Database>, actor: Actor, input: ProgrammeInputParsed, options: { isDemo?: boolean } = {}): Promise<ProgrammeDetail> {
  await checkProgrammeInput(db, actor, input);
  const id = await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    if (await programmeNameTaken(pdb, input.municipality, input.name)) throw conflict('programme.name_taken', 'A programme with this name exists already in this municipality');
    const id = await insertProgramme(pdb, {
      municipalityCode: input.municipality,
      name: input.name,
      ambition: input.ambition,
      horizonStart: input.horizonStart,
      horizonEnd: input.horizonEnd,
      isDemo: options.isDemo ?? false,
      createdBy: actor.userId,
    });
    await writeStructure(tx, id, input);
    await withAudit(tx, actor, 'programme.create', { type: 'programme', id }, { name: input.name, municipality: input.municipality, pillars: input.pillars.length, strategicGoals: input.strategicGoals.length });
    return id;
  });
  return getProgramme(db, actor, id);
}

export async function updateProgramme(db: Kysely<Database>, actor: Actor, id: string, input: ProgrammeInputParsed): Promise<ProgrammeDetail> {
  await findVisibleProgramme(db, actor, id);
  await checkProgrammeInput(db, actor, input);
  await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    if (await programmeNameTaken(pdb, input.municipality, input.name, id)) throw conflict('programme.name_taken', 'A programme with this name exists already in this municipality');
    await updateProgrammeRow(pdb, id, { municipalityCode: input.municipality, name: input.name, ambition: input.ambition, horizonStart: input.horizonStart, horizonEnd: input.horizonEnd });
    await writeStructure(tx, id, input);
    await withAudit(tx, actor, 'programme.update', { type: 'programme', id }, { name: input.name, pillars: input.pillars, strategicGoals: input.strategicGoals.map((g) => g.name) });
  });
  return getProgramme(db, actor, id);
}

export async function getProgrammeOptions(db: Kysely<Database>): Promise<ProgrammeOptions> {
  const pdb = programmesDb(db);
  const [organisations, users] = await Promise.all([findActiveOrganisations(pdb), findActiveUsers(pdb)]);
  return {
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    users: users.map((u) => ({ id: u.id, name: u.display_name, organisationId: u.organisation_id })),
  };
}
