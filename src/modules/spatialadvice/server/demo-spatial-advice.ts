import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { markerHexagon } from './place.js';
import * as q from './spatialadvice.queries.js';
import { spatialDb } from './spatialadvice.tables.js';

/**
 * Demo: one spatial-safety advice for the Admiraalsplein in Wielwijk (Dordt West), scored by the police and
 * the housing corporation and signed voorwaardelijk gunstig with one condition. Illustrative: the scores,
 * remarks and the advice are made up to show the way of working; the trigger is stored with is_demo and
 * the pages and the document say "illustratief". Idempotent; waits until the demo buurt and accounts exist.
 */

export const DEMO_PLACE = 'Admiraalsplein';
const AREA = 'BU05050700';
const POINT = { lat: 51.7912, lon: 4.6545 };
const DAY_MS = 86_400_000;

/** Scores per item position of version 1: [police, corporation]; the rest is "voldoet" for both. */
const SCORES: Record<number, [string, string, string]> = {
  2: ['voldoet_niet', 'deels', 'De nis bij de achteringang van de winkels is vanaf het plein niet te zien (illustratief).'],
  10: ['deels', 'deels', 'Het looppad naar de parkeerplaats is na sluitingstijd donker (illustratief).'],
  12: ['deels', 'voldoet', "Na 18.00 uur is het plein leeg; overdag druk (illustratief)."],
};

export async function seedSpatialAdviceDemo(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    if (await q.findDemoTrigger(sdb, DEMO_PLACE)) return;
    const { rows: area } = await sql<{ one: number }>`SELECT 1 AS one FROM areas WHERE code = ${AREA}`.execute(tx);
    const users = await tx.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'in', ['politie', 'corporatie', 'regisseur']).execute();
    const user = (name: string) => users.find((u) => u.username === name);
    const [police, corporation, manager] = [user('politie'), user('corporatie'), user('regisseur')];
    if (area.length === 0 || !police || !corporation || !manager) return;
    const template = await q.findCurrentTemplate(sdb);
    if (!template) return;
    const triggerId = await q.insertTrigger(sdb, {
      kind: 'public_space',
      municipality_code: 'GM0505',
      area_code: AREA,
      place_name: DEMO_PLACE,
      description: 'Illustratief: herinrichting van het plein bij het winkelcentrum, een publieke ruimte met verblijfsfunctie.',
      lat: POINT.lat,
      lon: POINT.lon,
      geometry: JSON.stringify(markerHexagon(POINT)),
      is_demo: true,
      status: 'advised',
    });
    if (!triggerId) return;
    await withAudit(tx, SYSTEM_ACTOR, 'spatialadvice.trigger.create', { type: 'spatial_trigger', id: triggerId }, { kind: 'public_space', area: AREA, placeName: DEMO_PLACE, demo: true });
    const scanId = await q.insertScan(sdb, { trigger_id: triggerId, template_id: template.id, started_by: null });
    await withAudit(tx, SYSTEM_ACTOR, 'spatialadvice.scan.start', { type: 'spatial_scan', id: scanId }, { trigger: triggerId, templateVersion: template.version, demo: true });
    const participants = [
      { id: await q.insertParticipant(sdb, { scan_id: scanId, user_id: police.id, discipline: 'politie' }), column: 0 },
      { id: await q.insertParticipant(sdb, { scan_id: scanId, user_id: corporation.id, discipline: 'corporatie' }), column: 1 },
    ] as const;
    for (const item of await q.findTemplateItems(sdb, template.id)) {
      const demo = SCORES[item.position];
      for (const p of participants) {
        if (!p.id) continue;
        await q.upsertScore(sdb, { participant_id: p.id, item_id: item.id, score: demo ? demo[p.column]! : 'voldoet', remark: demo ? demo[2] : '', evidence: demo ? 'Schouw ter plekke (illustratief)' : '' });
      }
    }
    const motivation = 'Illustratief: het ontwerp versterkt het toezicht op het plein, mits de nis bij de achteringang verdwijnt en het looppad naar de parkeerplaats goed wordt verlicht.';
    await q.signScan(sdb, scanId, { outcome: 'voorwaardelijk_gunstig', motivation, signedBy: manager.id, signedName: manager.display_name, at: now });
    const due = calendarDayOf(new Date(now.getTime() + 60 * DAY_MS));
    await q.insertCondition(sdb, { scan_id: scanId, position: 1, text: 'De nis bij de achteringang dichtzetten of zichtbaar maken (illustratief).', owner_user_id: corporation.id, due_date: due });
    await withAudit(tx, SYSTEM_ACTOR, 'spatialadvice.advice.sign', { type: 'spatial_scan', id: scanId }, { outcome: 'voorwaardelijk_gunstig', demo: true });
  });
}
