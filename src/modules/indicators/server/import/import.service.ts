import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, withAudit, type AuditActor, type Database } from '../../../../platform/server/index.js';
import type { ImportResult } from '../../contract.js';
import { decodeUtf8 } from './csv-table.js';
import { parseAreasGeoJson } from './geojson-areas.parser.js';
import { BadRows, fileProblem, levelOf, municipalityOf, parentOf, requireYear, type ParsedImport } from './import-model.js';
import {
  ensureAreas,
  findCatalogueForImport,
  findExistingAreaVersions,
  findImportByHash,
  findImports,
  findWeightValues,
  finishImport,
  insertImport,
  upsertAreaVersions,
  upsertValues,
  type ValueRow,
} from './import.queries.js';
import { parseKwbCsv } from './kwb-csv.parser.js';
import { parseTimeSeriesJson } from './time-series.parser.js';
import { parseValuesCsv } from './values-csv.parser.js';

/** The API's kinds, plus the demo seed's Baarn time series (a kind the imports table allows). */
export type RunnableImportKind = 'kwb-csv' | 'pdok-geojson' | 'areas-geojson' | 'values-csv' | 'time-series-json';

export interface ImportInput {
  kind: RunnableImportKind;
  fileName: string;
  content: Buffer;
  year?: number;
}

type Catalogue = Awaited<ReturnType<typeof findCatalogueForImport>>;

function parse(input: ImportInput, text: string, catalogue: Catalogue): ParsedImport {
  const knownCodes = new Set(catalogue.map((c) => c.code));
  switch (input.kind) {
    case 'kwb-csv': {
      const cbsKeys = new Map(catalogue.filter((c) => c.cbs_key !== null).map((c) => [c.cbs_key as string, c.code]));
      return parseKwbCsv(text, requireYear(input.year, 'KWB CSV'), cbsKeys, knownCodes);
    }
    case 'pdok-geojson':
      return parseAreasGeoJson(text, { year: input.year, withValues: true, knownCodes });
    case 'areas-geojson':
      return parseAreasGeoJson(text, { year: input.year, withValues: false, knownCodes });
    case 'values-csv':
      return parseValuesCsv(text);
    case 'time-series-json':
      return parseTimeSeriesJson(text);
  }
}

/**
 * Runs one import, all or nothing: parses and checks the whole file first, then writes areas, area
 * versions and values in one transaction with one audit row. The same bytes of the same kind a second
 * time change nothing and answer with the earlier import (content hash). Used by the API, the CLI, the
 * demo seed and the benchmark.
 */
export async function runImport(db: Kysely<Database>, actor: AuditActor, input: ImportInput): Promise<ImportResult & { report: Record<string, unknown> }> {
  if (input.content.length === 0) throw fileProblem('import.empty', 'The file is empty');
  // The idempotency key is the file's bytes AND the year it is imported for: an unchanged boundaries file
  // imported for the next year is new work, not "already applied" (imports.content_sha256 holds this key).
  const hash = createHash('sha256').update(input.content);
  if (input.year !== undefined) hash.update(`\u0000year=${input.year}`);
  const sha256 = hash.digest('hex');
  const earlier = await findImportByHash(db, input.kind, sha256);
  if (earlier) return { id: earlier.id, rows: earlier.rows, status: 'already_applied', report: {} };

  const text = decodeUtf8(input.content);
  const catalogue = await findCatalogueForImport(db);
  const parsed = parse(input, text, catalogue);
  if (parsed.areas.length === 0 && parsed.values.length === 0) throw fileProblem('import.empty', 'The file has no rows to import');

  return db.transaction().execute(async (tx) => {
    const year = input.year ?? null;
    let id: string;
    try {
      id = await insertImport(tx, { kind: input.kind, fileName: input.fileName.slice(0, 300), sha256, year, createdBy: actor.userId });
    } catch (error) {
      // Two uploads of the same file at once: the other one won the unique (kind, hash).
      if (/duplicate key|unique/i.test(error instanceof Error ? error.message : '')) throw new AppError('import.in_progress', 409, 'The same file is being imported right now');
      throw error;
    }
    const areaRows = new Map<string, { code: string; level: string; municipalityCode: string }>();
    const addArea = (code: string) => {
      for (let c: string | null = code; c && !areaRows.has(c); c = parentOf(c)) areaRows.set(c, { code: c, level: levelOf(c), municipalityCode: municipalityOf(c) });
    };
    for (const a of parsed.areas) addArea(a.code);
    // Parents first (a buurt's wijk may be new), so parent_code always finds its area.
    await ensureAreas(tx, [...areaRows.values()].sort((a, b) => a.code.length - b.code.length));
    await upsertAreaVersions(tx, parsed.areas, id);

    const versions = new Map<string, { level: string; municipalityCode: string }>();
    for (const a of parsed.areas) versions.set(`${a.code}|${a.year}`, { level: a.level, municipalityCode: a.municipalityCode });
    if (parsed.areasMustExist) {
      const pairs = [...new Map(parsed.values.map((v) => [`${v.areaCode}|${v.year}`, { areaCode: v.areaCode, year: v.year }])).values()];
      for (const [key, found] of await findExistingAreaVersions(tx, pairs)) versions.set(key, found);
    }
    const byCode = new Map(catalogue.map((c) => [c.code, c]));
    const bad = new BadRows();
    const rows: ValueRow[] = [];
    // A national file holds millions of values in runs of one area and year: look the version up once a run.
    let runArea = '';
    let runYear = NaN;
    let version: { level: string; municipalityCode: string } | undefined;
    for (const v of parsed.values) {
      if (v.areaCode !== runArea || v.year !== runYear) {
        runArea = v.areaCode;
        runYear = v.year;
        version = versions.get(`${v.areaCode}|${v.year}`);
      }
      if (!byCode.has(v.indicator)) bad.add(`${v.where ?? v.areaCode}, column indicator`, `unknown indicator "${v.indicator}": add it to the catalogue first`);
      else if (!version) bad.add(`${v.where ?? v.areaCode}, column area_code`, `unknown area ${v.areaCode} for ${v.year}: import its boundaries (areas-geojson) or a KWB file for that year first`);
      else {
        // Extended in place rather than copied: millions of copies cost seconds of garbage collection.
        const row = v as ValueRow;
        row.level = version.level;
        row.municipalityCode = version.municipalityCode;
        row.suppressed = false;
        rows.push(row);
      }
    }
    bad.throwIfAny();
    const suppressed = await applySuppression(tx, rows, byCode);
    await upsertValues(tx, rows, id, new Map(catalogue.map((c) => [c.code, c.slot])));

    const report = { ...parsed.report, areaVersions: parsed.areas.length, values: rows.length, suppressed };
    const total = parsed.areas.length + rows.length;
    await finishImport(tx, id, total, report);
    await withAudit(tx, actor, 'import.apply', { type: 'import', id }, { kind: input.kind, fileName: input.fileName, sha256, year, rows: total, suppressed });
    return { id, rows: total, status: 'applied' as const, report };
  });
}

/**
 * Small-number suppression as CBS does it: a value whose denominator (its weight indicator, or the value
 * itself for a count) is below the indicator's suppress_below is stored as null, marked suppressed.
 * The weight comes from the same file, else from what is stored for that area and year.
 */
async function applySuppression(tx: Parameters<typeof findWeightValues>[0], rows: ValueRow[], byCode: Map<string, Catalogue[number]>): Promise<number> {
  const rules = rows.filter((r) => r.value !== null && (byCode.get(r.indicator)?.suppress_below ?? null) !== null);
  if (!rules.length) return 0;
  const weightCodes = new Set<string>();
  for (const entry of byCode.values()) if (entry.suppress_below !== null && entry.weight_indicator) weightCodes.add(entry.weight_indicator);
  // area|year → weight indicator → value; only weight indicators are kept (a handful per area, not all values).
  const weights = new Map<string, Map<string, number | null>>();
  const weightsOf = (areaCode: string, year: number): Map<string, number | null> => {
    const key = `${areaCode}|${year}`;
    let found = weights.get(key);
    if (!found) weights.set(key, (found = new Map()));
    return found;
  };
  for (const r of rows) if (weightCodes.has(r.indicator)) weightsOf(r.areaCode, r.year).set(r.indicator, r.value);
  const missing = new Set<string>();
  for (const r of rules) {
    const w = byCode.get(r.indicator)?.weight_indicator;
    if (w && !weights.get(`${r.areaCode}|${r.year}`)?.has(w)) missing.add(w);
  }
  if (missing.size) {
    const stored = await findWeightValues(tx, [...missing].map((code) => ({ code, slot: byCode.get(code)?.slot ?? 0 })).filter((w) => w.slot > 0), [...new Set(rules.map((r) => r.areaCode))], [...new Set(rules.map((r) => r.year))]);
    for (const s of stored) {
      const own = weightsOf(s.area_code, s.year);
      if (!own.has(s.indicator_code)) own.set(s.indicator_code, s.value);
    }
  }
  let count = 0;
  let runArea = '';
  let runYear = NaN;
  let runWeights: Map<string, number | null> | undefined;
  for (const r of rules) {
    const rule = byCode.get(r.indicator);
    if (!rule || rule.suppress_below === null) continue;
    if (r.areaCode !== runArea || r.year !== runYear) {
      runArea = r.areaCode;
      runYear = r.year;
      runWeights = weights.get(`${r.areaCode}|${r.year}`);
    }
    const base = rule.weight_indicator ? runWeights?.get(rule.weight_indicator) : r.value;
    if (base !== undefined && base !== null && base < rule.suppress_below) {
      r.value = null;
      r.suppressed = true;
      count += 1;
    }
  }
  return count;
}

export async function listImports(db: Kysely<Database>) {
  return (await findImports(db)).map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    year: r.year,
    rows: r.rows,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.username ?? null,
    report: r.report,
  }));
}
