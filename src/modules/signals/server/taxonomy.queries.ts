import type { SignalsDb } from './signals.tables.js';

/** The category taxonomy and legal regimes: reference data, seeded by the migration, read on every request. */

export async function findCategories(db: SignalsDb) {
  return db.selectFrom('signal_categories').selectAll().orderBy('sort_order').orderBy('code').execute();
}
export type CategoryRow = Awaited<ReturnType<typeof findCategories>>[number];

export async function findRegimes(db: SignalsDb) {
  return db.selectFrom('signal_legal_regimes').selectAll().orderBy('code').execute();
}
export type RegimeRow = Awaited<ReturnType<typeof findRegimes>>[number];
