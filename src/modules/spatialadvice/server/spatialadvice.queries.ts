import { sql, type Insertable, type Selectable } from 'kysely';
import type { SpatialDb, SpatialTriggersTable } from './spatialadvice.tables.js';

/** SQL of the spatial-advice tables, parameterised through Kysely. The services decide; these only read and write. */

// ---- templates ----

export type TemplateRow = { id: string; version: number; note: string; published_at: Date; published_by_name: string | null };
export type TemplateItemRow = { id: string; template_id: string; position: number; theme: string; kind: string; text: string };

function templateColumns(db: SpatialDb) {
  return db
    .selectFrom('spatial_templates')
    .leftJoin('users', 'users.id', 'spatial_templates.published_by')
    .select(['spatial_templates.id', 'spatial_templates.version', 'spatial_templates.note', 'spatial_templates.published_at', 'users.display_name as published_by_name']);
}

export async function findTemplates(db: SpatialDb): Promise<(TemplateRow & { item_count: number })[]> {
  const rows = await templateColumns(db)
    .select((eb) => eb.selectFrom('spatial_template_items').whereRef('spatial_template_items.template_id', '=', 'spatial_templates.id').select(eb.fn.countAll<string>().as('n')).as('item_count'))
    .orderBy('spatial_templates.version', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, item_count: Number(r.item_count ?? 0) }));
}

export async function findTemplate(db: SpatialDb, id: string): Promise<TemplateRow | undefined> {
  return templateColumns(db).where('spatial_templates.id', '=', id).executeTakeFirst();
}

export async function findCurrentTemplate(db: SpatialDb): Promise<TemplateRow | undefined> {
  return templateColumns(db).orderBy('spatial_templates.version', 'desc').limit(1).executeTakeFirst();
}

export async function findTemplateItems(db: SpatialDb, templateId: string): Promise<TemplateItemRow[]> {
  return db.selectFrom('spatial_template_items').selectAll().where('template_id', '=', templateId).orderBy('position').execute();
}

/** Publishing versions one at a time: the next number is read under this lock. */
export async function lockTemplates(db: SpatialDb): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('spatial_templates'))`.execute(db);
}

export async function insertTemplate(db: SpatialDb, note: string, publishedBy: string | null, items: readonly { theme: string; kind: string; text: string }[]): Promise<{ id: string; version: number }> {
  const { next } = await db.selectFrom('spatial_templates').select(sql<number>`coalesce(max(version), 0) + 1`.as('next')).executeTakeFirstOrThrow();
  const { id } = await db.insertInto('spatial_templates').values({ version: next, note, published_by: publishedBy }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('spatial_template_items')
    .values(items.map((item, i) => ({ template_id: id, position: i + 1, theme: item.theme, kind: item.kind, text: item.text })))
    .execute();
  return { id, version: next };
}

// ---- triggers ----

export type TriggerRow = Selectable<SpatialTriggersTable> & { scan_id: string | null; outcome: string | null };

function triggerColumns(db: SpatialDb) {
  return db.selectFrom('spatial_triggers').leftJoin('spatial_scans', 'spatial_scans.trigger_id', 'spatial_triggers.id').selectAll('spatial_triggers').select(['spatial_scans.id as scan_id', 'spatial_scans.outcome']);
}

export async function findTriggers(db: SpatialDb, filter: { areaCodes?: readonly string[]; programmeId?: string }): Promise<TriggerRow[]> {
  let query = triggerColumns(db).orderBy('spatial_triggers.created_at', 'desc').orderBy('spatial_triggers.id');
  if (filter.areaCodes) query = query.where('spatial_triggers.area_code', 'in', filter.areaCodes.length ? [...filter.areaCodes] : ['']);
  if (filter.programmeId) query = query.where('spatial_triggers.programme_id', '=', filter.programmeId);
  return query.execute();
}

export async function findTrigger(db: SpatialDb, id: string): Promise<TriggerRow | undefined> {
  return triggerColumns(db).where('spatial_triggers.id', '=', id).executeTakeFirst();
}

export async function lockTrigger(db: SpatialDb, id: string): Promise<{ id: string; status: string; municipality_code: string; area_code: string } | undefined> {
  return db.selectFrom('spatial_triggers').select(['id', 'status', 'municipality_code', 'area_code']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Inserts a trigger; a hot-spot cell or a programme area that has one already gives null (nothing changes). */
export async function insertTrigger(db: SpatialDb, row: Insertable<SpatialTriggersTable>): Promise<string | null> {
  const inserted = await db.insertInto('spatial_triggers').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return inserted?.id ?? null;
}

export async function findHotspotTrigger(db: SpatialDb, analysisId: string, cell: string): Promise<string | undefined> {
  const row = await db.selectFrom('spatial_triggers').select('id').where('kind', '=', 'hotspot').where('hotspot_analysis_id', '=', analysisId).where('hotspot_cell', '=', cell).executeTakeFirst();
  return row?.id;
}

export async function planTriggerExists(db: SpatialDb, programmeId: string, areaCode: string): Promise<boolean> {
  const row = await db.selectFrom('spatial_triggers').select('id').where('kind', '=', 'plan').where('programme_id', '=', programmeId).where('area_code', '=', areaCode).executeTakeFirst();
  return row !== undefined;
}

export async function setTriggerStatus(db: SpatialDb, id: string, status: string, dismissReason: string | null = null): Promise<void> {
  await db.updateTable('spatial_triggers').set({ status, dismiss_reason: dismissReason }).where('id', '=', id).execute();
}

export async function findDemoTrigger(db: SpatialDb, placeName: string): Promise<string | undefined> {
  const row = await db.selectFrom('spatial_triggers').select('id').where('is_demo', '=', true).where('place_name', '=', placeName).executeTakeFirst();
  return row?.id;
}

// ---- scans ----

export type ScanRow = {
  id: string;
  trigger_id: string;
  template_id: string;
  started_at: Date;
  outcome: string | null;
  motivation: string | null;
  signed_name: string | null;
  signed_at: Date | null;
  /** The trigger's place, which decides who sees the scan (access.ts). */
  municipality_code: string;
  area_code: string;
};

export async function findScan(db: SpatialDb, id: string, forUpdate = false): Promise<ScanRow | undefined> {
  let query = db
    .selectFrom('spatial_scans')
    .innerJoin('spatial_triggers', 'spatial_triggers.id', 'spatial_scans.trigger_id')
    .select([
      'spatial_scans.id',
      'spatial_scans.trigger_id',
      'spatial_scans.template_id',
      'spatial_scans.started_at',
      'spatial_scans.outcome',
      'spatial_scans.motivation',
      'spatial_scans.signed_name',
      'spatial_scans.signed_at',
      'spatial_triggers.municipality_code',
      'spatial_triggers.area_code',
    ])
    .where('spatial_scans.id', '=', id);
  if (forUpdate) query = query.forUpdate(['spatial_scans']);
  return query.executeTakeFirst();
}

export async function insertScan(db: SpatialDb, row: { trigger_id: string; template_id: string; started_by: string | null }): Promise<string> {
  const { id } = await db.insertInto('spatial_scans').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function signScan(db: SpatialDb, id: string, advice: { outcome: string; motivation: string; signedBy: string | null; signedName: string; at: Date }): Promise<void> {
  await db
    .updateTable('spatial_scans')
    .set({ outcome: advice.outcome, motivation: advice.motivation, signed_by: advice.signedBy, signed_name: advice.signedName, signed_at: advice.at })
    .where('id', '=', id)
    .execute();
}

export type ParticipantRow = { id: string; user_id: string; discipline: string; name: string; organisation: string };

export async function findParticipants(db: SpatialDb, scanId: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom('spatial_participants')
    .innerJoin('users', 'users.id', 'spatial_participants.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['spatial_participants.id', 'spatial_participants.user_id', 'spatial_participants.discipline', 'users.display_name as name', 'organisations.name as organisation'])
    .where('spatial_participants.scan_id', '=', scanId)
    .orderBy('spatial_participants.created_at')
    .execute();
}

export async function insertParticipant(db: SpatialDb, row: { scan_id: string; user_id: string; discipline: string }): Promise<string | null> {
  const inserted = await db.insertInto('spatial_participants').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return inserted?.id ?? null;
}

export type ScoreRow = { id: string; participant_id: string; item_id: string; score: string; remark: string; evidence: string };

export async function findScores(db: SpatialDb, scanId: string): Promise<ScoreRow[]> {
  return db
    .selectFrom('spatial_scores')
    .innerJoin('spatial_participants', 'spatial_participants.id', 'spatial_scores.participant_id')
    .select(['spatial_scores.id', 'spatial_scores.participant_id', 'spatial_scores.item_id', 'spatial_scores.score', 'spatial_scores.remark', 'spatial_scores.evidence'])
    .where('spatial_participants.scan_id', '=', scanId)
    .execute();
}

export async function upsertScore(db: SpatialDb, row: { participant_id: string; item_id: string; score: string; remark: string; evidence: string }): Promise<string> {
  const { id } = await db
    .insertInto('spatial_scores')
    .values(row)
    .onConflict((oc) => oc.columns(['participant_id', 'item_id']).doUpdateSet({ score: row.score, remark: row.remark, evidence: row.evidence, updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findScoreOf(db: SpatialDb, participantId: string, itemId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('spatial_scores').select('id').where('participant_id', '=', participantId).where('item_id', '=', itemId).executeTakeFirst();
}

// ---- photos ----

export async function findPhotoIds(db: SpatialDb, scoreIds: readonly string[]): Promise<{ id: string; score_id: string }[]> {
  if (scoreIds.length === 0) return [];
  return db.selectFrom('spatial_photos').select(['id', 'score_id']).where('score_id', 'in', [...scoreIds]).orderBy('created_at').execute();
}

export async function countPhotos(db: SpatialDb, scoreId: string): Promise<number> {
  const { n } = await db.selectFrom('spatial_photos').select((eb) => eb.fn.countAll<string>().as('n')).where('score_id', '=', scoreId).executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertPhoto(db: SpatialDb, row: { score_id: string; media_type: string; bytes: Buffer; uploaded_by: string | null }): Promise<string> {
  const { id } = await db.insertInto('spatial_photos').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findPhoto(db: SpatialDb, id: string): Promise<{ media_type: string; bytes: Buffer; scan_id: string } | undefined> {
  return db
    .selectFrom('spatial_photos')
    .innerJoin('spatial_scores', 'spatial_scores.id', 'spatial_photos.score_id')
    .innerJoin('spatial_participants', 'spatial_participants.id', 'spatial_scores.participant_id')
    .select(['spatial_photos.media_type', 'spatial_photos.bytes', 'spatial_participants.scan_id'])
    .where('spatial_photos.id', '=', id)
    .executeTakeFirst();
}

/** Who took a photo (the participant whose score it sits beside) and its scan; for removing it. */
export async function findPhotoForRemoval(db: SpatialDb, id: string): Promise<{ scan_id: string; participant_user_id: string; uploaded_by: string | null } | undefined> {
  return db
    .selectFrom('spatial_photos')
    .innerJoin('spatial_scores', 'spatial_scores.id', 'spatial_photos.score_id')
    .innerJoin('spatial_participants', 'spatial_participants.id', 'spatial_scores.participant_id')
    .select(['spatial_participants.scan_id', 'spatial_participants.user_id as participant_user_id', 'spatial_photos.uploaded_by'])
    .where('spatial_photos.id', '=', id)
    .forUpdate(['spatial_photos'])
    .executeTakeFirst();
}

export async function deletePhoto(db: SpatialDb, id: string): Promise<void> {
  await db.deleteFrom('spatial_photos').where('id', '=', id).execute();
}

// ---- conditions ----

export type ConditionRow = { id: string; scan_id: string; position: number; text: string; owner_user_id: string; owner_name: string; due_date: string; status: string };

function conditionColumns(db: SpatialDb) {
  return db
    .selectFrom('spatial_conditions')
    .innerJoin('users', 'users.id', 'spatial_conditions.owner_user_id')
    .select([
      'spatial_conditions.id',
      'spatial_conditions.scan_id',
      'spatial_conditions.position',
      'spatial_conditions.text',
      'spatial_conditions.owner_user_id',
      'users.display_name as owner_name',
      sql<string>`spatial_conditions.due_date::text`.as('due_date'),
      'spatial_conditions.status',
    ]);
}

export async function findConditions(db: SpatialDb, scanId: string): Promise<ConditionRow[]> {
  return conditionColumns(db).where('spatial_conditions.scan_id', '=', scanId).orderBy('spatial_conditions.position').execute();
}

export async function findCondition(db: SpatialDb, id: string, forUpdate = false): Promise<ConditionRow | undefined> {
  let query = conditionColumns(db).where('spatial_conditions.id', '=', id);
  if (forUpdate) query = query.forUpdate(['spatial_conditions']);
  return query.executeTakeFirst();
}

export async function insertCondition(db: SpatialDb, row: { scan_id: string; position: number; text: string; owner_user_id: string; due_date: string }): Promise<string> {
  const { id } = await db.insertInto('spatial_conditions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function setConditionStatus(db: SpatialDb, id: string, status: string, at: Date): Promise<void> {
  await db.updateTable('spatial_conditions').set({ status, closed_at: status === 'open' ? null : at }).where('id', '=', id).execute();
}

/** Open conditions, for the list of what is due (a person's own, or every one). */
export async function findOpenConditions(db: SpatialDb, ownerUserId: string | null): Promise<(ConditionRow & { place_name: string; municipality_code: string; area_code: string })[]> {
  let query = conditionColumns(db)
    .innerJoin('spatial_scans', 'spatial_scans.id', 'spatial_conditions.scan_id')
    .innerJoin('spatial_triggers', 'spatial_triggers.id', 'spatial_scans.trigger_id')
    .select(['spatial_triggers.place_name', 'spatial_triggers.municipality_code', 'spatial_triggers.area_code'])
    .where('spatial_conditions.status', '=', 'open')
    .orderBy('spatial_conditions.due_date');
  if (ownerUserId) query = query.where('spatial_conditions.owner_user_id', '=', ownerUserId);
  return query.execute();
}
