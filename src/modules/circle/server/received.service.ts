import { sql, type Kysely } from 'kysely';
import { notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { EvaluationPayload, ItemKind, LessonPayload, MkbaPayload, Overview, ReceivedDetail, ReceivedItem, SearchHit, TrendPayload } from '../contract.js';
import { circleDb } from './circle.tables.js';
import { peekIdentity } from './identity.service.js';
import { listMembers } from './members.service.js';

/**
 * What the members' current bundles hold. Lists show titles; opening one item is audited (circle.item.view).
 * A trend item never shows its values: they only feed the median (benchmark.service.ts).
 */

type Row = { id: string; kind: string; title: string; level: string; member_name: string; municipality_code: string; received_at: Date; payload: unknown };

function receivedQuery(db: Kysely<Database>) {
  return circleDb(db)
    .selectFrom('circle_received_items as r')
    .innerJoin('circle_members as m', 'm.id', 'r.member_id')
    .select(['r.id', 'r.kind', 'r.title', 'r.level', 'm.name as member_name', 'm.municipality_code', 'r.received_at', 'r.payload']);
}

// Lessons and MKBAs say whether the member made them up for a demo; the list labels those on screen.
const isIllustrative = (payload: unknown) => (payload as { isIllustrative?: unknown } | null)?.isIllustrative === true;
const toItem = (r: Row): ReceivedItem => ({ id: r.id, kind: r.kind as ItemKind, title: r.title, level: r.level as ReceivedItem['level'], isIllustrative: isIllustrative(r.payload), memberName: r.member_name, municipalityCode: r.municipality_code, receivedAt: new Date(r.received_at).toISOString() });

export async function overview(db: Kysely<Database>): Promise<Overview> {
  const identity = await peekIdentity(db);
  const rows = await receivedQuery(db).orderBy('m.name').orderBy('r.kind').orderBy('r.title').execute();
  return {
    identity: identity ? { name: identity.name, municipalityCode: identity.municipalityCode, fingerprint: identity.fingerprint } : null,
    members: (await listMembers(db)).filter((m) => m.revokedAt === null),
    received: rows.map(toItem),
  };
}

export async function viewReceived(db: Kysely<Database>, actor: Actor, id: string): Promise<ReceivedDetail> {
  return db.transaction().execute(async (tx) => {
    const row = await receivedQuery(tx).where('r.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Item', 'circle.item_not_found');
    await withAudit(tx, actor, 'circle.item.view', { type: 'circle_received_item', id }, { kind: row.kind, title: row.title, member: row.member_name });
    const payload = row.payload as Record<string, unknown>;
    const trend = row.kind === 'trend' ? (payload as TrendPayload) : null;
    return {
      ...toItem(row),
      lesson: row.kind === 'lesson' ? (payload as LessonPayload) : null,
      mkba: row.kind === 'mkba' ? (payload as MkbaPayload) : null,
      evaluation: row.kind === 'evaluation' ? (payload as EvaluationPayload) : null,
      trend: trend ? { indicator: trend.indicator, indicatorName: trend.indicatorName, unit: trend.unit, years: trend.values.map((v) => v.year).sort((a, b) => a - b) } : null,
    };
  });
}

/**
 * Full-text search over this installation's lessons and the lessons received from members — their lessons
 * and the success and failure factors of their evaluations (PostgreSQL's 'dutch' configuration: stemming,
 * so "straten" finds "straat"), best match first.
 */
export async function searchLessons(db: Kysely<Database>, query: string): Promise<SearchHit[]> {
  const tsquery = sql`websearch_to_tsquery('dutch', ${query})`;
  const own = sql<{ source: string; kind: string; id: string; title: string; theme: string; member_name: string | null; rank: number }>`
    SELECT 'own' AS source, 'lesson' AS kind, l.id::text AS id, l.title, l.theme, NULL::text AS member_name,
           ts_rank(to_tsvector('dutch', l.search_text), ${tsquery}) AS rank
      FROM circle_lessons l
     WHERE to_tsvector('dutch', l.search_text) @@ ${tsquery}
    UNION ALL
    SELECT 'member', r.kind, r.id::text, r.title, coalesce(r.payload->>'theme', ''), m.name,
           ts_rank(to_tsvector('dutch', r.search_text), ${tsquery})
      FROM circle_received_items r JOIN circle_members m ON m.id = r.member_id
     WHERE r.kind IN ('lesson', 'evaluation') AND to_tsvector('dutch', r.search_text) @@ ${tsquery}
     ORDER BY rank DESC, title
     LIMIT 100`;
  const { rows } = await own.execute(db);
  return rows.map((r) => ({ source: r.source as SearchHit['source'], kind: r.kind as SearchHit['kind'], id: r.id, title: r.title, theme: r.theme, memberName: r.member_name }));
}
