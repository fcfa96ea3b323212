import type { Kysely } from 'kysely';
import { invalid, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { ITEM_KINDS, type SetShare, type ShareableItem, type ShareLevel } from '../contract.js';
import { circleDb } from './circle.tables.js';
import { ITEM_KIND_REGISTRY } from './item-kinds.js';

/** Share levels, item by item: no row is internal (the default); circle and public go into the bundle. */

export async function listShares(db: Kysely<Database>): Promise<{ kind: string; key: string; level: ShareLevel }[]> {
  const rows = await circleDb(db).selectFrom('circle_shares').select(['kind', 'item_key', 'level']).orderBy('kind').orderBy('item_key').execute();
  return rows.map((r) => ({ kind: r.kind, key: r.item_key, level: r.level as ShareLevel }));
}

export async function listShareable(db: Kysely<Database>, actor: Actor): Promise<ShareableItem[]> {
  const shares = await listShares(db);
  const items: ShareableItem[] = [];
  for (const kind of ITEM_KINDS) {
    const levels = new Map(shares.filter((s) => s.kind === kind).map((s) => [s.key, s.level]));
    const own = await ITEM_KIND_REGISTRY[kind].listOwn(db, actor, [...levels.keys()]);
    for (const item of own) items.push({ kind, key: item.key, title: item.title, isIllustrative: item.isIllustrative, level: levels.get(item.key) ?? 'internal' });
  }
  return items;
}

export async function setShare(db: Kysely<Database>, actor: Actor, body: SetShare): Promise<ShareableItem> {
  const entry = ITEM_KIND_REGISTRY[body.kind];
  const title = await entry.titleOf(db, actor, body.key);
  if (title === null) throw invalid('circle.unknown_item', 'There is no such item to share', [{ path: 'body.key', message: 'not a known item of this kind' }]);
  await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const previous = await cdb.selectFrom('circle_shares').select('level').where('kind', '=', body.kind).where('item_key', '=', body.key).forUpdate().executeTakeFirst();
    if (body.level === 'internal') await cdb.deleteFrom('circle_shares').where('kind', '=', body.kind).where('item_key', '=', body.key).execute();
    else
      await cdb
        .insertInto('circle_shares')
        .values({ kind: body.kind, item_key: body.key, level: body.level })
        .onConflict((oc) => oc.columns(['kind', 'item_key']).doUpdateSet({ level: body.level, updated_at: new Date() }))
        .execute();
    await withAudit(tx, actor, 'circle.share.set', { type: 'circle_share', id: `${body.kind}:${body.key}` }, { kind: body.kind, key: body.key, title, level: body.level, previousLevel: previous?.level ?? 'internal' });
  });
  return { kind: body.kind, key: body.key, title, level: body.level, isIllustrative: false };
}
