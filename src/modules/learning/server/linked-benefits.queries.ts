import type { Selectable } from 'kysely';
import type { LearningDb, MkbaLinkedBenefitsTable } from './learning.tables.js';

/** SQL of the linked benefits (benefits tied to a programme goal). */

export type LinkedBenefitRow = Selectable<MkbaLinkedBenefitsTable>;

export async function findLinkedBenefits(db: LearningDb, alternativeIds: readonly string[]): Promise<LinkedBenefitRow[]> {
  if (alternativeIds.length === 0) return [];
  return db.selectFrom('mkba_linked_benefits').selectAll().where('alternative_id', 'in', alternativeIds).orderBy('created_at').orderBy('id').execute();
}

export async function findLinkedBenefit(db: LearningDb, id: string): Promise<LinkedBenefitRow | undefined> {
  return db.selectFrom('mkba_linked_benefits').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface LinkedBenefitValues {
  alternative_id: string;
  measure_id: string | null;
  goal_id: string;
  actor: string;
  unit_value_cents: number;
  unit_value_source: string;
  quantity_kind: 'none' | 'area_figure' | 'entered';
  quantity_value: number | null;
  quantity_source: string | null;
  description: string;
}

export async function insertLinkedBenefit(db: LearningDb, row: LinkedBenefitValues): Promise<string> {
  const { id } = await db.insertInto('mkba_linked_benefits').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteLinkedBenefit(db: LearningDb, id: string): Promise<void> {
  await db.deleteFrom('mkba_linked_benefits').where('id', '=', id).execute();
}

export async function updateLinkedBenefit(db: LearningDb, id: string, changes: Omit<LinkedBenefitValues, 'alternative_id' | 'goal_id'>): Promise<void> {
  await db.updateTable('mkba_linked_benefits').set(changes).where('id', '=', id).execute();
}
