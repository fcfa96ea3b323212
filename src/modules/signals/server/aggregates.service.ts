import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { findAreaNames } from '../../areas/index.js';
import { SignalCountsQuery as CountsSchema, type SignalCounts, type SignalCountsQuery } from '../contract.js';
import { auditRead } from './read-audit.js';
import type { SignalsContext } from './signals-context.js';
import { countVisibleSignalsByArea, findVisiblePoints, findVisibleSignalsForExport, type SignalFilter } from './signals.queries.js';
import { distinctAccessKeys, type SignalAccessKey } from './signal-access.js';
import { facts, visibilityOf } from './signals.service.js';
import { signalsDb } from './signals.tables.js';

/**
 * Counts per area with small-number suppression (SECURITY.md 12): a count below the threshold is shown
 * as suppressed, and so is the total when any cell is, so a suppressed cell cannot be recovered by
 * subtraction. Counts follow the caller's need-to-know like every other read.
 */
export async function countSignals(db: Kysely<Database>, actor: Actor, query: SignalCountsQuery, ctx: SignalsContext): Promise<SignalCounts> {
  const q = CountsSchema.parse(query);
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const rows = await countVisibleSignalsByArea(sdb, await visibilityOf(sdb, actor), q, q.level);
    await auditRead(tx, actor, 'signals.counts', { type: 'signal' }, { municipality: q.municipality, level: q.level, category: q.category ?? null, from: q.from ?? null, to: q.to ?? null, cells: rows.length }, { now: ctx.now, unusualReadsPerHour: ctx.unusualReadsPerHour });
    const names = await findAreaNames(tx, rows.map((r) => r.area_code));
    const items = rows.map((r) => {
      const n = Number(r.n);
      const suppressed = n < ctx.suppressBelow;
      return { areaCode: r.area_code, areaName: names.get(r.area_code) ?? null, count: suppressed ? null : n, suppressed };
    });
    const total = items.some((i) => i.suppressed) ? null : items.reduce((sum, i) => sum + (i.count ?? 0), 0);
    return { items, threshold: ctx.suppressBelow, total };
  });
}

/** A cell value a spreadsheet would run as a formula is prefixed with ' (SECURITY.md 17). */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The caller's visible signals as CSV (; separated, UTF-8 with BOM for Excel); no pseudonyms, audited. */
export async function exportSignals(db: Kysely<Database>, actor: Actor, filter: SignalFilter, ctx: SignalsContext): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const rows = await findVisibleSignalsForExport(sdb, await visibilityOf(sdb, actor), filter);
    await auditRead(tx, actor, 'signals.export', { type: 'signal' }, { municipality: filter.municipality, category: filter.category ?? null, rows: rows.length }, { now: ctx.now, unusualReadsPerHour: ctx.unusualReadsPerHour });
    const header = ['id', 'categorie', 'datum_tijd_utc', 'buurt', 'adres', 'bronorganisatie', 'vertrouwelijkheid', 'grondslag', 'doel', 'bewaren_tot', 'personen', 'groepen', 'omschrijving', 'synthetisch'];
    const lines = rows.map((r) =>
      [r.id, r.category, r.occurred_at.toISOString(), r.area_code, r.address, r.source_organisation_name, r.confidentiality, r.legal_regime, r.purpose, r.retention_until, r.person_count, r.group_count, r.description, r.is_demo ? 'ja' : 'nee']
        .map(csvCell)
        .join(';'),
    );
    return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
  });
}

export interface AnalysisRequest {
  municipality: string;
  /** ISO dates, inclusive. */
  from: string;
  to: string;
  categories?: readonly string[] | undefined;
  areaCodes?: readonly string[] | undefined;
}

export interface AnalysisPoint {
  lon: number;
  lat: number;
  areaCode: string;
  /** The signal's retention date: a derived result must not outlive the newest point it was computed from. */
  retentionUntil: string;
}

/**
 * The located signals the caller may see, for spatial statistics (the hotspots module). Exactly the
 * need-to-know of lists; no ids, persons or descriptions leave this function. One audit row per call.
 * `access` holds the distinct need-to-know facts of the points, for a result that is kept (signal-access.ts).
 */
export async function listSignalPointsForAnalysis(db: Kysely<Database>, actor: Actor, request: AnalysisRequest, options: { now?: Date } = {}): Promise<{ points: AnalysisPoint[]; access: SignalAccessKey[] }> {
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const rows = await findVisiblePoints(sdb, await visibilityOf(sdb, actor), request);
    const points = rows.map((r) => ({ lon: r.lon as number, lat: r.lat as number, areaCode: r.area_code, retentionUntil: r.retention_until }));
    const access = distinctAccessKeys(rows.map((r) => facts(r)));
    await auditRead(
      tx,
      actor,
      'signals.analysis_read',
      { type: 'signal' },
      { municipality: request.municipality, from: request.from, to: request.to, categories: request.categories ?? null, areaCodes: request.areaCodes ?? null, points: points.length },
      { now: options.now ?? new Date(), unusualReadsPerHour: Number.MAX_SAFE_INTEGER },
    );
    return { points, access };
  });
}
