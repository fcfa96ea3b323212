import type { Kysely } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import { findAreasOfLevel } from '../../areas/index.js';
import { RankingResult as RankingResultSchema, type RankingResult, type SavedRanking } from '../contract.js';
import { rankAreas, type PriorityDirection, type RankingCriterionInput } from './ranking.js';
import { findRankings, insertRanking, type RankingRow } from './rankings.queries.js';
import { findIndicatorDefinitions, findValuesOfLevel } from './values.queries.js';
import { valuesDb } from './values.tables.js';

interface RankingInput {
  municipality: string;
  level: 'wijk' | 'buurt';
  period: number;
  criteria: { indicator: string; weight: number; direction?: PriorityDirection | undefined }[];
}

/** Directions default from polarity: a lower_is_better indicator is higher_is_worse, and the reverse. */
async function resolveCriteria(db: Kysely<Database>, input: RankingInput): Promise<RankingCriterionInput[]> {
  const definitions = new Map((await findIndicatorDefinitions(valuesDb(db), input.criteria.map((c) => c.indicator))).map((d) => [d.code, d]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const criteria = input.criteria.map((c, i): RankingCriterionInput => {
    const definition = definitions.get(c.indicator);
    if (!definition) errors.push({ path: `criteria.${i}.indicator`, message: `unknown indicator ${c.indicator}` });
    if (seen.has(c.indicator)) errors.push({ path: `criteria.${i}.indicator`, message: 'each indicator at most once' });
    seen.add(c.indicator);
    let direction = c.direction;
    if (!direction && definition?.polarity === 'lower_is_better') direction = 'higher_is_worse';
    if (!direction && definition?.polarity === 'higher_is_better') direction = 'lower_is_worse';
    if (!direction && definition) errors.push({ path: `criteria.${i}.direction`, message: 'this indicator is neutral: say which end needs priority' });
    return { indicator: c.indicator, weight: c.weight, direction: direction ?? 'higher_is_worse' };
  });
  if (criteria.reduce((sum, c) => sum + c.weight, 0) <= 0) errors.push({ path: 'criteria', message: 'the weights must add up to more than 0' });
  if (errors.length) throw invalid('ranking.invalid_criteria', 'The criteria are not valid', errors);
  return criteria;
}

async function computeRanking(db: Kysely<Database>, input: RankingInput, criteria: RankingCriterionInput[]): Promise<RankingResult> {
  const definitions = await findIndicatorDefinitions(valuesDb(db), criteria.map((c) => c.indicator));
  const [areas, rows] = await Promise.all([
    findAreasOfLevel(db, input.municipality, input.level, input.period),
    findValuesOfLevel(valuesDb(db), { municipality: input.municipality, level: input.level, year: input.period, indicators: definitions }),
  ]);
  const values = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    let byArea = values.get(row.area_code);
    if (!byArea) values.set(row.area_code, (byArea = new Map()));
    byArea.set(row.indicator_code, row.suppressed ? null : row.value);
  }
  const result = rankAreas(
    areas.map((a) => ({ code: a.code, name: a.name, values: values.get(a.code) ?? new Map() })),
    criteria,
  );
  return { items: result.items, excluded: result.excluded, notes: result.notes };
}

export async function previewRanking(db: Kysely<Database>, input: RankingInput): Promise<RankingResult> {
  return computeRanking(db, input, await resolveCriteria(db, input));
}

function toSavedRanking(row: RankingRow & { username: string }, criteria: RankingCriterionInput[]): SavedRanking {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    municipality: row.municipality_code,
    level: row.level === 'wijk' ? 'wijk' : 'buurt',
    period: row.year,
    criteria,
    createdBy: row.username,
    createdAt: new Date(row.created_at).toISOString(),
    result: RankingResultSchema.parse(row.result),
  };
}

const criteriaOf = (row: RankingRow): RankingCriterionInput[] => (Array.isArray(row.criteria) ? (row.criteria as RankingCriterionInput[]) : []);

/** Saves the ranking as a documented choice: who, when, which criteria and weights, the note, the result. */
export async function saveRanking(db: Kysely<Database>, actor: Actor, input: RankingInput & { name: string; note: string }): Promise<SavedRanking> {
  const criteria = await resolveCriteria(db, input);
  return db.transaction().execute(async (tx) => {
    const result = await computeRanking(tx, input, criteria);
    const id = await insertRanking(valuesDb(tx), {
      name: input.name,
      municipality: input.municipality,
      level: input.level,
      year: input.period,
      criteria,
      note: input.note,
      result,
      createdBy: actor.userId,
    });
    await withAudit(tx, actor, 'ranking.save', { type: 'priority_ranking', id }, { name: input.name, municipality: input.municipality, level: input.level, period: input.period, criteria });
    const [row] = await findRankings(valuesDb(tx), { id });
    if (!row) throw new Error('ranking vanished after insert');
    return toSavedRanking(row, criteria);
  });
}

export async function listRankings(db: Kysely<Database>, municipality: string | undefined): Promise<Omit<SavedRanking, 'result'>[]> {
  const rows = await findRankings(valuesDb(db), { municipality });
  return rows.map((row) => {
    const { result: _result, ...rest } = toSavedRanking({ ...row, result: { items: [], excluded: [] } }, criteriaOf(row));
    return rest;
  });
}

export async function getRanking(db: Kysely<Database>, id: string): Promise<SavedRanking> {
  const [row] = await findRankings(valuesDb(db), { id });
  if (!row) throw notFound('Ranking', 'ranking.not_found');
  return toSavedRanking(row, criteriaOf(row));
}
