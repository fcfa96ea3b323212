import type { Selectable } from 'kysely';
import type { LearningDb, MkbaAlternativesTable, MkbaLinesTable, MkbaMeasuresTable, MkbasTable } from './learning.tables.js';

/** SQL of the MKBA tables, parameterised through Kysely. The service decides; these only read and write. */

export type MkbaRow = Selectable<MkbasTable>;
export type AlternativeRow = Selectable<MkbaAlternativesTable>;
export type MeasureRow = Selectable<MkbaMeasuresTable>;
export type LineRow = Selectable<MkbaLinesTable>;

export async function findMkbas(db: LearningDb, areaCode: string | undefined, goalId?: string): Promise<(MkbaRow & { alternative_count: number })[]> {
  let query = db
    .selectFrom('mkbas')
    .selectAll('mkbas')
    .select((eb) => eb.selectFrom('mkba_alternatives').whereRef('mkba_alternatives.mkba_id', '=', 'mkbas.id').select(eb.fn.countAll<string>().as('n')).as('alternative_count'))
    .orderBy('area_code')
    .orderBy('created_at');
  if (areaCode) query = query.where('area_code', '=', areaCode);
  if (goalId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('mkba_linked_benefits')
          .innerJoin('mkba_alternatives', 'mkba_alternatives.id', 'mkba_linked_benefits.alternative_id')
          .whereRef('mkba_alternatives.mkba_id', '=', 'mkbas.id')
          .where('mkba_linked_benefits.goal_id', '=', goalId)
          .select('mkba_linked_benefits.id'),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, alternative_count: Number(r.alternative_count ?? 0) }));
}

export async function findMkba(db: LearningDb, id: string, forUpdate = false): Promise<MkbaRow | undefined> {
  let query = db.selectFrom('mkbas').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findMkbaByName(db: LearningDb, areaCode: string, name: string): Promise<MkbaRow | undefined> {
  return db.selectFrom('mkbas').selectAll().where('area_code', '=', areaCode).where('name', '=', name).executeTakeFirst();
}

export async function insertMkba(db: LearningDb, row: Omit<MkbaRow, 'id' | 'created_at' | 'updated_at' | 'is_demo'> & { is_demo?: boolean }): Promise<string> {
  const { id } = await db.insertInto('mkbas').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateMkba(db: LearningDb, id: string, changes: Partial<Pick<MkbaRow, 'name' | 'null_alternative' | 'base_year' | 'horizon_years' | 'discount_rate_bp' | 'rate_justification'>>): Promise<void> {
  await db.updateTable('mkbas').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function touchMkba(db: LearningDb, id: string): Promise<void> {
  await db.updateTable('mkbas').set({ updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteMkba(db: LearningDb, id: string): Promise<void> {
  await db.deleteFrom('mkbas').where('id', '=', id).execute();
}

export async function findAlternatives(db: LearningDb, mkbaId: string): Promise<AlternativeRow[]> {
  return db.selectFrom('mkba_alternatives').selectAll().where('mkba_id', '=', mkbaId).orderBy('created_at').orderBy('id').execute();
}

export async function findAlternative(db: LearningDb, id: string): Promise<AlternativeRow | undefined> {
  return db.selectFrom('mkba_alternatives').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAlternative(db: LearningDb, row: { mkba_id: string; name: string; description: string }): Promise<string> {
  const { id } = await db.insertInto('mkba_alternatives').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateAlternative(db: LearningDb, id: string, changes: { name?: string; description?: string }): Promise<void> {
  await db.updateTable('mkba_alternatives').set(changes).where('id', '=', id).execute();
}

export async function deleteAlternative(db: LearningDb, id: string): Promise<void> {
  await db.deleteFrom('mkba_alternatives').where('id', '=', id).execute();
}

export async function findMeasures(db: LearningDb, alternativeIds: readonly string[]): Promise<MeasureRow[]> {
  if (alternativeIds.length === 0) return [];
  return db.selectFrom('mkba_measures').selectAll().where('alternative_id', 'in', alternativeIds).orderBy('created_at').orderBy('id').execute();
}

export async function findMeasure(db: LearningDb, id: string): Promise<MeasureRow | undefined> {
  return db.selectFrom('mkba_measures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMeasure(db: LearningDb, row: { alternative_id: string; name: string; description: string }): Promise<string> {
  const { id } = await db.insertInto('mkba_measures').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateMeasure(db: LearningDb, id: string, changes: { name?: string; description?: string }): Promise<void> {
  await db.updateTable('mkba_measures').set(changes).where('id', '=', id).execute();
}

export async function deleteMeasure(db: LearningDb, id: string): Promise<void> {
  await db.deleteFrom('mkba_measures').where('id', '=', id).execute();
}

export async function findLines(db: LearningDb, alternativeIds: readonly string[]): Promise<LineRow[]> {
  if (alternativeIds.length === 0) return [];
  return db.selectFrom('mkba_lines').selectAll().where('alternative_id', 'in', alternativeIds).orderBy('year').orderBy('created_at').orderBy('id').execute();
}

export async function findLine(db: LearningDb, id: string): Promise<LineRow | undefined> {
  return db.selectFrom('mkba_lines').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The earliest and latest year of any line of the MKBA, to check a new base year or horizon against. */
export async function findLineYearRange(db: LearningDb, mkbaId: string): Promise<{ min: number | null; max: number | null }> {
  const row = await db
    .selectFrom('mkba_lines')
    .innerJoin('mkba_alternatives', 'mkba_alternatives.id', 'mkba_lines.alternative_id')
    .where('mkba_alternatives.mkba_id', '=', mkbaId)
    .select((eb) => [eb.fn.min<number>('mkba_lines.year').as('min'), eb.fn.max<number>('mkba_lines.year').as('max')])
    .executeTakeFirst();
  return { min: row?.min ?? null, max: row?.max ?? null };
}

export interface LineValues {
  alternative_id: string;
  measure_id: string | null;
  kind: string;
  actor: string;
  year: number;
  amount_cents: number | null;
  description: string;
}

export async function insertLine(db: LearningDb, row: LineValues): Promise<string> {
  const { id } = await db.insertInto('mkba_lines').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateLine(db: LearningDb, id: string, row: Omit<LineValues, 'alternative_id'>): Promise<void> {
  await db.updateTable('mkba_lines').set(row).where('id', '=', id).execute();
}

export async function deleteLine(db: LearningDb, id: string): Promise<void> {
  await db.deleteFrom('mkba_lines').where('id', '=', id).execute();
}
