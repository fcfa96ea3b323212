import type { Kysely } from 'kysely';
import { actorPermissions, conflict, forbidden, invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import type { Discipline, ScanDetail, ScoreBody } from '../contract.js';
import { listScorers } from './people.service.js';
import * as q from './spatialadvice.queries.js';
import { spatialDb, type SpatialDb } from './spatialadvice.tables.js';
import { readTemplate, readCurrentTemplate } from './templates.service.js';
import { readTrigger } from './triggers.service.js';
import { adviceView, withinAreaScope } from './access.js';

/**
 * The omgevingsscan: started for a trigger on the current checklist version (kept for good), participants
 * of several disciplines invited by a manager, each scoring every item for themselves. A signed scan (the
 * advice, advice.service.ts) is read-only: every change here first locks the scan and refuses a signed one.
 */

export const scanNotFound = () => notFound('Scan', 'spatialadvice.scan_not_found');
export const signedConflict = () => conflict('spatialadvice.scan_signed', 'The advice has been signed; the scan can no longer change');

/** Items where participants who scored them (n.v.t. left out) gave different scores. */
export function disagreements(scores: readonly { itemId: string; score: string }[]): string[] {
  const byItem = new Map<string, Set<string>>();
  for (const s of scores) {
    if (s.score === 'nvt') continue;
    byItem.set(s.itemId, (byItem.get(s.itemId) ?? new Set()).add(s.score));
  }
  return [...byItem.entries()].filter(([, set]) => set.size > 1).map(([id]) => id);
}

/** A scan the actor may open (access.ts: area scope; a partner only when invited or owning a condition); 404 otherwise, like an unknown id. */
export async function findOpenableScan(sdb: SpatialDb, actor: Actor, id: string, forUpdate = false): Promise<q.ScanRow> {
  const scan = await q.findScan(sdb, id, forUpdate);
  if (!scan || !(await adviceView(sdb, actor)).opensScan(scan.id, { municipalityCode: scan.municipality_code, areaCode: scan.area_code })) throw scanNotFound();
  return scan;
}

export async function readScan(db: Kysely<Database>, actor: Actor, id: string, today = calendarDayOf(new Date())): Promise<ScanDetail> {
  const sdb = spatialDb(db);
  const scan = await findOpenableScan(sdb, actor, id);
  const [trigger, template, participants, scores, conditions] = [
    await readTrigger(db, actor, scan.trigger_id),
    await readTemplate(db, scan.template_id),
    await q.findParticipants(sdb, id),
    await q.findScores(sdb, id),
    await q.findConditions(sdb, id),
  ];
  const photos = await q.findPhotoIds(sdb, scores.map((s) => s.id));
  const permissions = actorPermissions(actor);
  const own = participants.find((p) => p.user_id === actor.userId);
  const open = scan.signed_at === null;
  const scoreViews = scores.map((s) => ({ id: s.id, participantId: s.participant_id, itemId: s.item_id, score: s.score as ScoreBody['score'], remark: s.remark, evidence: s.evidence, photoIds: photos.filter((p) => p.score_id === s.id).map((p) => p.id) }));
  return {
    id: scan.id,
    trigger,
    template,
    participants: participants.map((p) => ({ id: p.id, userId: p.user_id, name: p.name, organisation: p.organisation, discipline: p.discipline as Discipline })),
    scores: scoreViews,
    disagreements: disagreements(scoreViews),
    advice:
      scan.signed_at && scan.outcome && scan.motivation && scan.signed_name
        ? {
            outcome: scan.outcome as NonNullable<ScanDetail['advice']>['outcome'],
            motivation: scan.motivation,
            signedName: scan.signed_name,
            signedAt: new Date(scan.signed_at).toISOString(),
            conditions: conditions.map((c) => ({ id: c.id, position: c.position, text: c.text, ownerUserId: c.owner_user_id, ownerName: c.owner_name, dueDate: c.due_date, status: c.status as 'open', overdue: c.status === 'open' && c.due_date < today })),
          }
        : null,
    can: {
      manage: open && permissions.has('spatialadvice.manage'),
      score: open && own !== undefined && permissions.has('spatialadvice.score'),
      participantId: own?.id ?? null,
      // Any photo, also after signing (photos.service.ts removePhoto); a participant's own ones while open.
      removePhotos: permissions.has('spatialadvice.manage'),
    },
    startedAt: new Date(scan.started_at).toISOString(),
  };
}

/** Starts the scan of an open trigger on the current checklist version. */
export async function startScan(db: Kysely<Database>, actor: Actor, triggerId: string, auditActor?: AuditActor): Promise<ScanDetail> {
  const template = await readCurrentTemplate(db);
  const id = await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const trigger = await q.lockTrigger(sdb, triggerId);
    // A trigger outside the actor's areas is refused as if unknown (access.ts).
    if (!trigger || !withinAreaScope(actor.areaScopes, { municipalityCode: trigger.municipality_code, areaCode: trigger.area_code })) throw invalid('spatialadvice.unknown_trigger', 'No trigger with this id', [{ path: 'body.triggerId', message: 'not a known trigger' }]);
    if (trigger.status !== 'open') throw conflict('spatialadvice.trigger_not_open', 'This trigger already has a scan, or was closed');
    const id = await q.insertScan(sdb, { trigger_id: triggerId, template_id: template.id, started_by: auditActor ? null : actor.userId });
    await q.setTriggerStatus(sdb, triggerId, 'scanning');
    await withAudit(tx, auditActor ?? actor, 'spatialadvice.scan.start', { type: 'spatial_scan', id }, { trigger: triggerId, templateVersion: template.version });
    return id;
  });
  return readScan(db, actor, id);
}

/** Locks an unsigned scan the actor may open for a change; 404 for an unknown or unopenable one, 409 once signed. */
export async function lockOpenScan(sdb: SpatialDb, actor: Actor, id: string): Promise<q.ScanRow> {
  const scan = await findOpenableScan(sdb, actor, id, true);
  if (scan.signed_at !== null) throw signedConflict();
  return scan;
}

/** Invites a person who may score (spatialadvice.score) with their discipline; the same person twice is refused. */
export async function addParticipant(db: Kysely<Database>, actor: Actor, scanId: string, body: { userId: string; discipline: Discipline }, auditActor?: AuditActor): Promise<ScanDetail> {
  await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const scan = await lockOpenScan(sdb, actor, scanId);
    const scorers = await listScorers(tx, { municipalityCode: scan.municipality_code, areaCode: scan.area_code });
    if (!scorers.some((p) => p.id === body.userId)) throw invalid('spatialadvice.not_a_scorer', 'This person cannot take part in a scan', [{ path: 'body.userId', message: 'not a person who may score' }]);
    const id = await q.insertParticipant(sdb, { scan_id: scanId, user_id: body.userId, discipline: body.discipline });
    if (!id) throw conflict('spatialadvice.participant_exists', 'This person already takes part in the scan');
    await withAudit(tx, auditActor ?? actor, 'spatialadvice.participant.add', { type: 'spatial_scan', id: scanId }, { participant: id, user: body.userId, discipline: body.discipline });
  });
  return readScan(db, actor, scanId);
}

/** The caller's own score of one item (their participation decides; a manager cannot score for someone). */
export async function scoreItem(db: Kysely<Database>, actor: Actor, scanId: string, itemId: string, body: ScoreBody, auditActor?: AuditActor): Promise<ScanDetail> {
  await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const scan = await lockOpenScan(sdb, actor, scanId);
    const participant = (await q.findParticipants(sdb, scanId)).find((p) => p.user_id === actor.userId);
    if (!participant) throw forbidden('Only the participants of the scan score it');
    const items = await q.findTemplateItems(sdb, scan.template_id);
    if (!items.some((i) => i.id === itemId)) throw notFound('Checklist item', 'spatialadvice.item_not_found');
    const id = await q.upsertScore(sdb, { participant_id: participant.id, item_id: itemId, score: body.score, remark: body.remark ?? '', evidence: body.evidence ?? '' });
    await withAudit(tx, auditActor ?? actor, 'spatialadvice.score.save', { type: 'spatial_scan', id: scanId }, { score: id, item: itemId, discipline: participant.discipline, value: body.score, remark: body.remark ?? '', evidence: body.evidence ?? '' });
  });
  return readScan(db, actor, scanId);
}
