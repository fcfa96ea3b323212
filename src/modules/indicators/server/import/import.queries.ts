import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../../platform/server/index.js';
import type { IndicatorTables } from '../indicator-tables.js';
import { SUPPRESSED, type FigureRow } from './figure-rows.js';
import type { AreaRecord } from './import-model.js';

type Db = Kysely<Database> | Transaction<Database>;
const tables = (db: Db) => db.withTables<IndicatorTables>();

/**
 * Rows per statement. Small enough that one statement is a short stretch of work: PGlite runs each
 * statement on the server's own thread, so a 10,000-row statement kept it from answering for a second.
 */
const BATCH = 1_000;
/** Geometry text per statement (boundaries): a few detailed polygons make a statement as heavy as many rows (PGlite parses the jsonb on the server thread). */
const GEOMETRY_BYTES_PER_STATEMENT = 1_000_000;

export async function findImportByHash(db: Db, kind: string, sha256: string) {
  return tables(db).selectFrom('imports').select(['id', 'rows']).where('kind', '=', kind).where('content_sha256', '=', sha256).executeTakeFirst();
}

export async function findImports(db: Db) {
  return tables(db)
    .selectFrom('imports')
    .leftJoin('users', 'users.id', 'imports.created_by')
    .select(['imports.id', 'imports.kind', 'imports.file_name', 'imports.year', 'imports.rows', 'imports.report', 'imports.created_at', 'users.username'])
    .orderBy('imports.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function insertImport(db: Db, row: { kind: string; fileName: string; sha256: string; year: number | null; createdBy: string | null }): Promise<string> {
  const inserted = await tables(db)
    .insertInto('imports')
    .values({ kind: row.kind, file_name: row.fileName, content_sha256: row.sha256, year: row.year, rows: 0, created_by: row.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function finishImport(db: Db, id: string, rows: number, report: Record<string, unknown>): Promise<void> {
  await tables(db).updateTable('imports').set({ rows, report: JSON.stringify(report) }).where('id', '=', id).execute();
}

export async function findCatalogueForImport(db: Db) {
  return tables(db).selectFrom('indicators').select(['code', 'cbs_key', 'aggregation', 'weight_indicator', 'suppress_below', 'slot']).execute();
}

/** Areas (code, level, municipality) for the records and their parents, created when new. */
export async function ensureAreas(db: Db, areas: { code: string; level: string; municipalityCode: string }[]): Promise<void> {
  for (let i = 0; i < areas.length; i += BATCH) {
    const chunk = areas.slice(i, i + BATCH);
    await sql`
      INSERT INTO areas (code, level, municipality_code)
      SELECT * FROM unnest(${chunk.map((a) => a.code)}::text[], ${chunk.map((a) => a.level)}::text[], ${chunk.map((a) => a.municipalityCode)}::text[])
      ON CONFLICT (code) DO NOTHING`.execute(db);
  }
}

/**
 * Creates or updates area versions. A real name replaces the stored one; a fallback name is used only for
 * a new version, taken from the area's latest other version when it has one (wijk names outlive a year).
 * Geometry and parent are replaced only by a known value.
 */
export async function upsertAreaVersions(db: Db, records: (AreaRecord & { geometryJson?: string | null })[], importId: string): Promise<void> {
  const geometryOf = (a: AreaRecord & { geometryJson?: string | null }) => a.geometryJson ?? (a.geometry ? JSON.stringify(a.geometry) : null);
  for (let i = 0; i < records.length; ) {
    let end = i;
    for (let bytes = 0; end < records.length && end - i < BATCH && (end === i || bytes < GEOMETRY_BYTES_PER_STATEMENT); end += 1) bytes += geometryOf(records[end]!)?.length ?? 0;
    const chunk = records.slice(i, end);
    i = end;
    await sql`
      INSERT INTO area_versions (area_code, year, name, parent_code, municipality_code, level, geometry, min_lon, min_lat, max_lon, max_lat, import_id)
      SELECT t.code, t.year,
             CASE WHEN t.fallback THEN coalesce((SELECT v.name FROM area_versions v WHERE v.area_code = t.code ORDER BY v.year DESC LIMIT 1), t.name) ELSE t.name END,
             t.parent, t.municipality, t.level, t.geometry::jsonb, t.min_lon, t.min_lat, t.max_lon, t.max_lat, ${importId}::uuid
      FROM unnest(
        ${chunk.map((a) => a.code)}::text[], ${chunk.map((a) => a.year)}::int[], ${chunk.map((a) => a.name)}::text[],
        ${chunk.map((a) => a.nameIsFallback)}::boolean[], ${chunk.map((a) => a.parentCode)}::text[], ${chunk.map((a) => a.municipalityCode)}::text[],
        ${chunk.map((a) => a.level)}::text[], ${chunk.map(geometryOf)}::text[],
        ${chunk.map((a) => a.bbox?.[0] ?? null)}::float8[], ${chunk.map((a) => a.bbox?.[1] ?? null)}::float8[],
        ${chunk.map((a) => a.bbox?.[2] ?? null)}::float8[], ${chunk.map((a) => a.bbox?.[3] ?? null)}::float8[]
      ) AS t(code, year, name, fallback, parent, municipality, level, geometry, min_lon, min_lat, max_lon, max_lat)
      ON CONFLICT (area_code, year) DO UPDATE SET
        parent_code = coalesce(excluded.parent_code, area_versions.parent_code),
        geometry = coalesce(excluded.geometry, area_versions.geometry),
        min_lon = CASE WHEN excluded.geometry IS NULL THEN area_versions.min_lon ELSE excluded.min_lon END,
        min_lat = CASE WHEN excluded.geometry IS NULL THEN area_versions.min_lat ELSE excluded.min_lat END,
        max_lon = CASE WHEN excluded.geometry IS NULL THEN area_versions.max_lon ELSE excluded.max_lon END,
        max_lat = CASE WHEN excluded.geometry IS NULL THEN area_versions.max_lat ELSE excluded.max_lat END,
        import_id = excluded.import_id`.execute(db);
    // Real names replace stored ones; a second statement because ON CONFLICT cannot see the fallback flag.
    const named = chunk.filter((a) => !a.nameIsFallback);
    if (named.length) {
      await sql`
        UPDATE area_versions v SET name = t.name
        FROM unnest(${named.map((a) => a.code)}::text[], ${named.map((a) => a.year)}::int[], ${named.map((a) => a.name)}::text[]) AS t(code, year, name)
        WHERE v.area_code = t.code AND v.year = t.year AND v.name <> t.name`.execute(db);
    }
  }
}

/**
 * The area version each (area, year) pair's values attach to: the code's newest version at or before the
 * year (a version stays valid until a newer one of the code is imported, docs/figures.md), unless a crosswalk
 * re-divided the code away after that version. Pairs without one are absent from `found`; those a crosswalk
 * ended are in `ended` with the year of that crosswalk.
 */
export async function findValidAreaVersions(
  db: Db,
  pairs: { areaCode: string; year: number }[],
): Promise<{ found: Map<string, { level: string; municipalityCode: string; versionYear: number }>; ended: Map<string, number> }> {
  const found = new Map<string, { level: string; municipalityCode: string; versionYear: number }>();
  const ended = new Map<string, number>();
  for (let i = 0; i < pairs.length; i += BATCH) {
    const chunk = pairs.slice(i, i + BATCH);
    const { rows } = await sql<{ area_code: string; year: number; version_year: number; level: string; municipality_code: string; ended_in: number | null }>`
      SELECT t.code AS area_code, t.year, v.year AS version_year, v.level, v.municipality_code, e.year AS ended_in
      FROM unnest(${chunk.map((p) => p.areaCode)}::text[], ${chunk.map((p) => p.year)}::int[]) AS t(code, year)
      JOIN LATERAL (
        SELECT a.year, a.level, a.municipality_code FROM area_versions a
        WHERE a.area_code = t.code AND a.year <= t.year ORDER BY a.year DESC LIMIT 1) v ON true
      LEFT JOIN LATERAL (
        SELECT x.year FROM area_crosswalks x
        WHERE x.from_code = t.code AND x.year > v.year AND x.year <= t.year
          AND NOT EXISTS (SELECT 1 FROM area_crosswalks y WHERE y.year = x.year AND y.to_code = x.from_code)
        ORDER BY x.year LIMIT 1) e ON true`.execute(db);
    for (const r of rows) {
      const key = `${r.area_code}|${r.year}`;
      if (r.ended_in !== null) ended.set(key, r.ended_in);
      else found.set(key, { level: r.level, municipalityCode: r.municipality_code, versionYear: r.version_year });
    }
  }
  return { found, ended };
}

/** Stored values of weight indicators, for suppression when the file does not carry the weight itself. */
export async function findWeightValues(db: Db, indicators: { code: string; slot: number }[], areaCodes: string[], years: number[]) {
  if (!indicators.length || !areaCodes.length) return [];
  const { rows } = await sql<{ area_code: string; year: number; figures: (number | null)[]; status: (number | null)[] }>`
    SELECT area_code, year, figures, status FROM area_figures
    WHERE area_code = ANY(${areaCodes}::text[]) AND year = ANY(${years}::int[])`.execute(db);
  const out: { indicator_code: string; area_code: string; year: number; value: number | null }[] = [];
  for (const row of rows) {
    for (const { code, slot } of indicators) {
      const status = row.status[slot - 1];
      if (status === null || status === undefined) continue;
      out.push({ indicator_code: code, area_code: row.area_code, year: row.year, value: status === SUPPRESSED ? null : (row.figures[slot - 1] ?? null) });
    }
  }
  return out;
}

/** Rows (areas × years) per statement; each carries all its indicators (a national file: 130 values a row). */
const FIGURE_BATCH = 250;

/** A PostgreSQL array literal; holes (indicators the row does not carry) become NULL. */
function arrayLiteral(values: readonly (number | null | undefined)[], length: number): string {
  const parts = new Array<string>(length);
  for (let i = 0; i < length; i += 1) {
    const v = values[i];
    parts[i] = v === null || v === undefined || !Number.isFinite(v) ? 'NULL' : String(v);
  }
  return `{${parts.join(',')}}`;
}

/**
 * Writes values as one row per area and year. An existing row keeps what this import does not carry: per
 * slot, a recorded status in the new row wins, else the old figure stays.
 */
export async function upsertValues(db: Db, rows: FigureRow[], importId: string): Promise<void> {
  for (let i = 0; i < rows.length; i += FIGURE_BATCH) {
    const chunk = rows.slice(i, i + FIGURE_BATCH);
    const lengths = chunk.map((r) => r.status.length);
    await sql`
      INSERT INTO area_figures (municipality_code, area_code, year, level, figures, status, import_id)
      SELECT t.municipality, t.area, t.year, t.level, t.figures::float8[], t.status::smallint[], ${importId}::uuid
      FROM unnest(
        ${chunk.map((r) => r.municipalityCode)}::text[], ${chunk.map((r) => r.areaCode)}::text[], ${chunk.map((r) => r.year)}::int[],
        ${chunk.map((r) => r.level)}::text[], ${chunk.map((r, j) => arrayLiteral(r.figures, lengths[j] ?? 0))}::text[],
        ${chunk.map((r, j) => arrayLiteral(r.status, lengths[j] ?? 0))}::text[]
      ) AS t(municipality, area, year, level, figures, status)
      ON CONFLICT (municipality_code, year, area_code) DO UPDATE SET
        figures = ARRAY(
          SELECT CASE WHEN u.new_status IS NULL THEN u.old_figure ELSE u.new_figure END
          FROM unnest(area_figures.figures, area_figures.status, excluded.figures, excluded.status) WITH ORDINALITY
            AS u(old_figure, old_status, new_figure, new_status, i)
          ORDER BY u.i),
        status = ARRAY(
          SELECT coalesce(u.new_status, u.old_status)
          FROM unnest(area_figures.status, excluded.status) WITH ORDINALITY AS u(old_status, new_status, i)
          ORDER BY u.i),
        import_id = excluded.import_id`.execute(db);
  }
}
