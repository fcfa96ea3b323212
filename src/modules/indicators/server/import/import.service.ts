import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, observeImport, withAudit, type AuditActor, type Database } from '../../../../platform/server/index.js';
import type { ImportResult } from '../../contract.js';
import { buildFigureRows, type FigureRow } from './figure-rows.js';
import type { RunnableImportKind } from './import-parse.js';
import { DEFAULT_WORKER_LIMITS, type WorkerLimits } from './import-limits.js';
import { fileProblem, ImportProblem, levelOf, municipalityOf, parentOf } from './import-model.js';
import {
  ensureAreas,
  findCatalogueForImport,
  findImportByHash,
  findImports,
  findWeightValues,
  finishImport,
  insertImport,
  upsertAreaVersions,
  upsertValues,
  findValidAreaVersions,
} from './import.queries.js';
import { applyCrosswalk } from './crosswalk-import.js';
import { olderBoundariesOf } from './older-boundaries.js';
import { parseInWorker } from './parse-in-worker.js';
import { textProblem } from './text-checks.js';

export type { RunnableImportKind } from './import-parse.js';

export interface ImportInput {
  kind: RunnableImportKind;
  fileName: string;
  content: Buffer;
  year?: number;
  /** Lower limits for this import than the defaults of import-limits.ts (tests, and callers that know better). */
  limits?: Partial<WorkerLimits>;
}

type Catalogue = Awaited<ReturnType<typeof findCatalogueForImport>>;

/**
 * Runs one import, all or nothing: the whole file is parsed and checked first, in a worker thread (so the
 * server keeps answering, within a time and memory limit), then areas, area versions and values are
 * written in one transaction with one audit row. The same bytes of the same kind a second time change
 * nothing and answer with the earlier import (content hash). Used by the API, the CLI, the demo seed and the
 * benchmark.
 */
export async function runImport(db: Kysely<Database>, actor: AuditActor, input: ImportInput): Promise<ImportResult & { report: Record<string, unknown> }> {
  const started = performance.now();
  try {
    const result = await importFile(db, actor, input);
    // Applied imports only (metrics, docs/operations.md): answering with an earlier import did no work.
    if (result.status === 'applied') observeImport(input.kind, (performance.now() - started) / 1000);
    return result;
  } catch (error) {
    // Parsers and checks throw ImportProblem (they also run in the worker, without the platform).
    if (error instanceof ImportProblem) throw new AppError(error.code, error.status, error.message, error.errors);
    throw error;
  }
}

async function importFile(db: Kysely<Database>, actor: AuditActor, input: ImportInput): Promise<ImportResult & { report: Record<string, unknown> }> {
  if (input.content.length === 0) throw fileProblem('import.empty', 'The file is empty');
  const nameProblem = textProblem(input.fileName);
  if (nameProblem) throw new ImportProblem('import.file_name', 422, `The file name ${nameProblem}`, [{ path: 'file', message: `the file name ${nameProblem}` }]);
  // The idempotency key is the file's bytes AND the year it is imported for: an unchanged boundaries file
  // imported for the next year is new work, not "already applied" (imports.content_sha256 holds this key).
  const hash = createHash('sha256').update(input.content);
  if (input.year !== undefined) hash.update(`\u0000year=${input.year}`);
  const sha256 = hash.digest('hex');
  const earlier = await findImportByHash(db, input.kind, sha256);
  if (earlier) return { id: earlier.id, rows: earlier.rows, status: 'already_applied', report: {} };

  const catalogue = await findCatalogueForImport(db);
  const limits = { ...DEFAULT_WORKER_LIMITS, ...input.limits };
  const parsed = await parseInWorker(
    {
      kind: input.kind,
      ...(input.year === undefined ? {} : { year: input.year }),
      content: input.content,
      catalogue: catalogue.map((c) => ({ code: c.code, cbsKey: c.cbs_key })),
      caps: { perFile: limits.maxPositionsPerFile, perFeature: limits.maxPositionsPerFeature },
    },
    limits,
  );
  if (parsed.areas.length === 0 && parsed.values.length === 0 && !parsed.crosswalk?.length) throw fileProblem('import.empty', 'The file has no rows to import');

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
    if (parsed.crosswalk) {
      // The parser has made sure a crosswalk comes with its year (the first year of the new division).
      const report = { ...parsed.report, ...(await applyCrosswalk(tx, parsed.crosswalk, input.year ?? 0, id)) };
      await finishImport(tx, id, parsed.crosswalk.length, report);
      await withAudit(tx, actor, 'import.apply', { type: 'import', id }, { kind: input.kind, fileName: input.fileName, sha256, year, rows: parsed.crosswalk.length });
      return { id, rows: parsed.crosswalk.length, status: 'applied' as const, report };
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
    const refusals = new Map<string, string>();
    const refusedSince = new Map<string, number>();
    if (parsed.areasMustExist) {
      // Values attach to the version valid in their year: the newest at or before it (docs/figures.md).
      const valid = await findValidAreaVersions(tx, areaYearPairs(parsed.values));
      for (const [key, found] of valid.found) versions.set(key, found);
      for (const [key, endedIn] of valid.ended) {
        const [code, year] = key.split('|');
        refusals.set(key, `${code} was re-divided in ${endedIn} (crosswalk): figures for ${year} belong to its new codes`);
        refusedSince.set(key, Number(endedIn));
      }
    }
    const byCode = new Map(catalogue.map((c) => [c.code, c]));
    const figures = await buildFigureRows(parsed.values, versions, byCode, refusals, refusedSince);
    const suppressed = await figures.applySuppression(await storedWeights(tx, await figures.missingWeights(), byCode));
    await upsertValues(tx, figures.rows, id);
    const olderBoundaries = await olderBoundariesOf(tx, figures.rows);

    const report = { ...parsed.report, areaVersions: parsed.areas.length, values: parsed.values.length, suppressed, ...(olderBoundaries ? { olderBoundaries } : {}) };
    const total = parsed.areas.length + parsed.values.length;
    await finishImport(tx, id, total, report);
    await withAudit(tx, actor, 'import.apply', { type: 'import', id }, { kind: input.kind, fileName: input.fileName, sha256, year, rows: total, suppressed, olderBoundaryValues: olderBoundaries?.values ?? 0 });
    return { id, rows: total, status: 'applied' as const, report };
  });
}

/** The distinct (area, year) pairs of the values, for looking up their area versions. */
function areaYearPairs(values: Parameters<typeof buildFigureRows>[0]): { areaCode: string; year: number }[] {
  const pairs = new Map<string, { areaCode: string; year: number }>();
  for (let i = 0; i < values.length; i += 1) {
    const areaCode = values.areaCodes[values.area[i]!]!;
    const year = values.year[i]!;
    const key = `${areaCode}|${year}`;
    if (!pairs.has(key)) pairs.set(key, { areaCode, year });
  }
  return [...pairs.values()];
}

/** Stored values of weight indicators the file does not carry itself, by row (area and year). */
async function storedWeights(
  tx: Parameters<typeof findWeightValues>[0],
  missing: { codes: Set<string>; rows: FigureRow[] },
  byCode: Map<string, Catalogue[number]>,
): Promise<Map<string, Map<string, number | null>>> {
  const found = new Map<string, Map<string, number | null>>();
  if (!missing.codes.size) return found;
  const indicators = [...missing.codes].map((code) => ({ code, slot: byCode.get(code)?.slot ?? 0 })).filter((w) => w.slot > 0);
  const stored = await findWeightValues(tx, indicators, [...new Set(missing.rows.map((r) => r.areaCode))], [...new Set(missing.rows.map((r) => r.year))]);
  for (const s of stored) {
    const key = `${s.area_code}|${s.year}`;
    let own = found.get(key);
    if (!own) found.set(key, (own = new Map()));
    if (!own.has(s.indicator_code)) own.set(s.indicator_code, s.value);
  }
  return found;
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
