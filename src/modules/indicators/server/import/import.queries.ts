import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../../platform/server/index.js';
import type { IndicatorTables } from '../indicator-tables.js';
import type { AreaRecord, ValueRecord } from './import-model.js';

type Db = Kysely<Database> | Transaction<Database>;
const tables = (db: Db) => db.withTables<IndicatorTables>();

/** Rows per statement: large enough that a national file is a few hundred statements, small enough for memory. */
const BATCH = 10_000;

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
  return tables(db).selectFrom('indicators').select(['code', 'cbs_key', 'aggregation', 'weight_indicator', 'suppress_below']).execute();
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
export async function upsertAreaVersions(db: Db, records: AreaRecord[], importId: string): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    const chunk = records.slice(i, i + BATCH);
    await sql`
      INSERT INTO area_versions (area_code, year, name, parent_code, municipality_code, level, geometry, min_lon, min_lat, max_lon, max_lat, import_id)
      SELECT t.code, t.year,
             CASE WHEN t.fallback THEN coalesce((SELECT v.name FROM area_versions v WHERE v.area_code = t.code ORDER BY v.year DESC LIMIT 1), t.name) ELSE t.name END,
             t.parent, t.municipality, t.level, t.geometry::jsonb, t.min_lon, t.min_lat, t.max_lon, t.max_lat, ${importId}::uuid
      FROM unnest(
        ${chunk.map((a) => a.code)}::text[], ${chunk.map((a) => a.year)}::int[], ${chunk.map((a) => a.name)}::text[],
        ${chunk.map((a) => a.nameIsFallback)}::boolean[], ${chunk.map((a) => a.parentCode)}::text[], ${chunk.map((a) => a.municipalityCode)}::text[],
        ${chunk.map((a) => a.level)}::text[], ${chunk.map((a) => (a.geometry ? JSON.stringify(a.geometry) : null))}::text[],
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

/** Which of these (area, year) pairs have an area version. */
export async function findExistingAreaVersions(db: Db, pairs: { areaCode: string; year: number }[]): Promise<Map<string, { level: string; municipalityCode: string }>> {
  const found = new Map<string, { level: string; municipalityCode: string }>();
  for (let i = 0; i < pairs.length; i += BATCH) {
    const chunk = pairs.slice(i, i + BATCH);
    const { rows } = await sql<{ area_code: string; year: number; level: string; municipality_code: string }>`
      SELECT v.area_code, v.year, v.level, v.municipality_code
      FROM area_versions v JOIN unnest(${chunk.map((p) => p.areaCode)}::text[], ${chunk.map((p) => p.year)}::int[]) AS t(code, year)
        ON v.area_code = t.code AND v.year = t.year`.execute(db);
    for (const r of rows) found.set(`${r.area_code}|${r.year}`, { level: r.level, municipalityCode: r.municipality_code });
  }
  return found;
}

/** Stored values of weight indicators, for suppression when the file does not carry the weight itself. */
export async function findWeightValues(db: Db, indicators: string[], areaCodes: string[], years: number[]) {
  if (!indicators.length || !areaCodes.length) return [];
  const { rows } = await sql<{ indicator_code: string; area_code: string; year: number; value: number | null }>`
    SELECT indicator_code, area_code, year, value FROM indicator_values
    WHERE indicator_code = ANY(${indicators}::text[]) AND area_code = ANY(${areaCodes}::text[]) AND year = ANY(${years}::int[])`.execute(db);
  return rows;
}

export interface ValueRow extends ValueRecord {
  level: string;
  municipalityCode: string;
  suppressed: boolean;
}

/** Multi-row upsert from typed arrays: one statement per BATCH values. */
export async function upsertValues(db: Db, values: ValueRow[], importId: string): Promise<void> {
  for (let i = 0; i < values.length; i += BATCH) {
    const chunk = values.slice(i, i + BATCH);
    await sql`
      INSERT INTO indicator_values (indicator_code, area_code, year, municipality_code, level, value, suppressed, import_id)
      SELECT t.indicator, t.area, t.year, t.municipality, t.level, t.value, t.suppressed, ${importId}::uuid
      FROM unnest(
        ${chunk.map((v) => v.indicator)}::text[], ${chunk.map((v) => v.areaCode)}::text[], ${chunk.map((v) => v.year)}::int[],
        ${chunk.map((v) => v.municipalityCode)}::text[], ${chunk.map((v) => v.level)}::text[], ${chunk.map((v) => v.value)}::float8[],
        ${chunk.map((v) => v.suppressed)}::boolean[]
      ) AS t(indicator, area, year, municipality, level, value, suppressed)
      ON CONFLICT (municipality_code, indicator_code, year, area_code) DO UPDATE SET
        value = excluded.value, suppressed = excluded.suppressed, import_id = excluded.import_id`.execute(db);
  }
}
