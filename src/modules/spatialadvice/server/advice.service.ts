import type { Kysely } from 'kysely';
import { actorPermissions, AppError, conflict, forbidden, invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import type { AdviceBody, ScanDetail } from '../contract.js';
import { listScorers } from './people.service.js';
import { findOpenableScan, lockOpenScan, readScan } from './scans.service.js';
import * as q from './spatialadvice.queries.js';
import { spatialDb } from './spatialadvice.tables.js';

/**
 * The formal advice that ends a scan: gunstig, voorwaardelijk gunstig (with at least one condition, each an
 * action with an owner and a deadline) or ongunstig, with its motivation, signed by the person who gives it.
 * After signing the scan and the advice are read-only; only the conditions' status moves on.
 */

/** At least this many disciplines must have scored before an advice can be given: the scan is a joint view. */
export const MIN_DISCIPLINES = 2;

type SignInput = AdviceBody & { conditions: NonNullable<AdviceBody['conditions']> };

export async function signAdvice(db: Kysely<Database>, actor: Actor, scanId: string, body: SignInput, now = new Date(), auditActor?: AuditActor): Promise<ScanDetail> {
  const today = calendarDayOf(now);
  if (body.outcome === 'voorwaardelijk_gunstig' && body.conditions.length === 0) {
    throw invalid('spatialadvice.conditions_required', 'A voorwaardelijk gunstig advice needs at least one condition', [{ path: 'body.conditions', message: 'at least one condition', code: 'required' }]);
  }
  if (body.outcome !== 'voorwaardelijk_gunstig' && body.conditions.length > 0) {
    throw invalid('spatialadvice.conditions_not_allowed', 'Only a voorwaardelijk gunstig advice has conditions', [{ path: 'body.conditions', message: 'only for voorwaardelijk gunstig' }]);
  }
  body.conditions.forEach((c, i) => {
    if (c.dueDate < today) throw invalid('spatialadvice.due_in_past', 'A condition cannot be due before today', [{ path: `body.conditions.${i}.dueDate`, message: `on or after ${today}` }]);
  });
  await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const scan = await lockOpenScan(sdb, actor, scanId);
    // An owner must be able to open the advice they act on: a person who may score, with the place in their scope.
    const scorers = new Set((await listScorers(tx, { municipalityCode: scan.municipality_code, areaCode: scan.area_code })).map((p) => p.id));
    body.conditions.forEach((c, i) => {
      if (!scorers.has(c.ownerUserId)) throw invalid('spatialadvice.unknown_owner', 'The owner of a condition must be a person who works on advices in this area', [{ path: `body.conditions.${i}.ownerUserId`, message: 'not a known person' }]);
    });
    const participants = await q.findParticipants(sdb, scanId);
    const scored = new Set((await q.findScores(sdb, scanId)).map((s) => participants.find((p) => p.id === s.participant_id)?.discipline));
    if (scored.size < MIN_DISCIPLINES) throw conflict('spatialadvice.too_few_disciplines', `At least ${MIN_DISCIPLINES} disciplines must score the scan before the advice`);
    await q.signScan(sdb, scanId, { outcome: body.outcome, motivation: body.motivation, signedBy: auditActor ? null : actor.userId, signedName: actor.displayName, at: now });
    const conditionIds: string[] = [];
    for (const [i, c] of body.conditions.entries()) conditionIds.push(await q.insertCondition(sdb, { scan_id: scanId, position: i + 1, text: c.text, owner_user_id: c.ownerUserId, due_date: c.dueDate }));
    await q.setTriggerStatus(sdb, scan.trigger_id, 'advised');
    await withAudit(tx, auditActor ?? actor, 'spatialadvice.advice.sign', { type: 'spatial_scan', id: scanId }, { outcome: body.outcome, motivation: body.motivation, signedName: actor.displayName, conditions: body.conditions.map((c, i) => ({ id: conditionIds[i], ...c })) });
  });
  return readScan(db, actor, scanId, today);
}

/** A condition's action done, cancelled or open again: by its owner or a manager of advices. */
export async function setConditionStatus(db: Kysely<Database>, actor: Actor, conditionId: string, status: 'open' | 'done' | 'cancelled', now = new Date()): Promise<ScanDetail> {
  const scanId = await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const condition = await q.findCondition(sdb, conditionId, true);
    if (!condition) throw notFound('Condition', 'spatialadvice.condition_not_found');
    // A condition of an advice the actor may not open is answered as unknown (access.ts).
    try {
      await findOpenableScan(sdb, actor, condition.scan_id);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound('Condition', 'spatialadvice.condition_not_found');
      throw error;
    }
    if (condition.owner_user_id !== actor.userId && !actorPermissions(actor).has('spatialadvice.manage')) throw forbidden('Only the owner of the condition or a manager of advices changes it');
    if (condition.status === status) return condition.scan_id;
    await q.setConditionStatus(sdb, conditionId, status, now);
    await withAudit(tx, actor, 'spatialadvice.condition.status', { type: 'spatial_condition', id: conditionId }, { scan: condition.scan_id, from: condition.status, to: status });
    return condition.scan_id;
  });
  return readScan(db, actor, scanId, calendarDayOf(now));
}
