import type { Kysely } from 'kysely';
import { conflict, invalid, withAudit, type AuditActor, type Database } from '../../../platform/server/index.js';
import { Aggregation, Polarity, type CreateIndicator, type Indicator } from '../contract.js';
import { findIndicators, indicatorExists, insertIndicator, insertMissingIndicators, type IndicatorInsert } from './catalogue.queries.js';

type Row = Awaited<ReturnType<typeof findIndicators>>[number];

function toIndicator(row: Row): Indicator {
  return {
    code: row.code,
    name: row.name,
    theme: row.theme,
    unit: row.unit,
    polarity: Polarity.parse(row.polarity),
    source: row.source,
    definition: row.definition,
    aggregation: Aggregation.parse(row.aggregation),
    weightIndicator: row.weight_indicator,
    decimals: row.decimals,
    suppressBelow: row.suppress_below,
  };
}

export async function listIndicators(db: Kysely<Database>): Promise<Indicator[]> {
  return (await findIndicators(db)).map(toIndicator);
}

export async function createIndicator(db: Kysely<Database>, actor: AuditActor, input: CreateIndicator): Promise<Indicator> {
  return db.transaction().execute(async (tx) => {
    if (await indicatorExists(tx, input.code)) throw conflict('indicator.code_taken', `Indicator ${input.code} exists already`);
    // A weighted mean needs its denominator; other rules must not name one (it would be ignored silently).
    if (input.aggregation === 'weighted_mean' && !input.weightIndicator) {
      throw invalid('indicator.weight_required', 'A weighted mean needs a weight indicator', [{ path: 'body.weightIndicator', message: 'required for aggregation weighted_mean' }]);
    }
    if (input.weightIndicator !== undefined) {
      if (input.aggregation !== 'weighted_mean') throw invalid('indicator.weight_unused', 'Only a weighted mean has a weight indicator', [{ path: 'body.weightIndicator', message: 'only for aggregation weighted_mean' }]);
      if (!(await indicatorExists(tx, input.weightIndicator))) {
        throw invalid('indicator.weight_unknown', `Unknown weight indicator ${input.weightIndicator}`, [{ path: 'body.weightIndicator', message: 'no indicator with this code' }]);
      }
    }
    await insertIndicator(tx, {
      code: input.code,
      name: input.name,
      theme: input.theme,
      unit: input.unit,
      definition: input.definition ?? '',
      source: input.source ?? '',
      polarity: input.polarity,
      aggregation: input.aggregation,
      weight_indicator: input.weightIndicator ?? null,
      suppress_below: input.suppressBelow ?? null,
      decimals: input.decimals ?? 0,
      cbs_key: null,
    });
    await withAudit(tx, actor, 'indicator.create', { type: 'indicator', id: input.code }, { ...input });
    const [row] = await findIndicators(tx, { code: input.code });
    if (!row) throw new Error('indicator vanished after insert');
    return toIndicator(row);
  });
}

/** Loads catalogue entries that are not there yet (the demo seed's KWB 2024 catalogue); audited when it adds any. */
export async function addMissingCatalogueEntries(db: Kysely<Database>, actor: AuditActor, rows: IndicatorInsert[], source: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const added = await insertMissingIndicators(tx, rows);
    if (added > 0) await withAudit(tx, actor, 'indicator.catalogue_load', { type: 'indicator_catalogue', id: null }, { source, added });
    return added;
  });
}
