import type { Kysely } from 'kysely';
import { notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { PublishTemplate, Template } from '../contract.js';
import * as q from './spatialadvice.queries.js';
import { spatialDb, type SpatialDb } from './spatialadvice.tables.js';

/**
 * The omgevingsscan checklist, versioned. Version 1 ships with every installation (the migration); a new
 * version is published whole (usually a copy of the current one, edited) and never changed afterwards, so a
 * scan that used an older version keeps exactly the items it was scored on.
 */

const templateNotFound = () => notFound('Checklist version', 'spatialadvice.template_not_found');

async function toTemplate(db: SpatialDb, row: q.TemplateRow): Promise<Template> {
  const items = await q.findTemplateItems(db, row.id);
  return {
    id: row.id,
    version: row.version,
    note: row.note,
    publishedAt: new Date(row.published_at).toISOString(),
    publishedBy: row.published_by_name,
    items: items.map((i) => ({ id: i.id, position: i.position, theme: i.theme as Template['items'][number]['theme'], kind: i.kind as Template['items'][number]['kind'], text: i.text })),
  };
}

export async function listTemplates(db: Kysely<Database>) {
  const rows = await q.findTemplates(spatialDb(db));
  return rows.map((r) => ({ id: r.id, version: r.version, note: r.note, publishedAt: new Date(r.published_at).toISOString(), publishedBy: r.published_by_name, itemCount: r.item_count }));
}

export async function readTemplate(db: Kysely<Database>, id: string): Promise<Template> {
  const sdb = spatialDb(db);
  const row = await q.findTemplate(sdb, id);
  if (!row) throw templateNotFound();
  return toTemplate(sdb, row);
}

export async function readCurrentTemplate(db: Kysely<Database>): Promise<Template> {
  const sdb = spatialDb(db);
  const row = await q.findCurrentTemplate(sdb);
  if (!row) throw templateNotFound();
  return toTemplate(sdb, row);
}

export async function publishTemplate(db: Kysely<Database>, actor: Actor, body: PublishTemplate): Promise<Template> {
  const id = await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    await q.lockTemplates(sdb);
    const { id, version } = await q.insertTemplate(sdb, body.note ?? '', actor.userId, body.items);
    await withAudit(tx, actor, 'spatialadvice.template.publish', { type: 'spatial_template', id }, { version, items: body.items.length, note: body.note ?? '' });
    return id;
  });
  return readTemplate(db, id);
}
