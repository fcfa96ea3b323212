import type { Kysely } from 'kysely';
import { AppError, forbidden, hasPermission, invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { PHOTOS_PER_SCORE, type RemovePhoto, type ScanDetail } from '../contract.js';
import { cleanPhoto } from './photo-clean.js';
import { findOpenableScan, lockOpenScan, readScan, signedConflict } from './scans.service.js';
import * as q from './spatialadvice.queries.js';
import { spatialDb } from './spatialadvice.tables.js';

/**
 * Photos beside a participant's own score of an item: JPEG or PNG by their bytes, at most PHOTO_MAX_BYTES
 * (the route stops a larger upload), with EXIF and other metadata removed before anything is stored
 * (photo-clean.ts). Served only to who may open the scan (access.ts).
 */
export async function addPhoto(db: Kysely<Database>, actor: Actor, scanId: string, itemId: string, content: Buffer, auditActor?: AuditActor): Promise<ScanDetail> {
  const photo = cleanPhoto(content);
  if (!photo) throw invalid('spatialadvice.photo_type', 'The photo must be a JPEG or PNG picture', [{ path: 'file', message: 'not a JPEG or PNG picture' }]);
  await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    await lockOpenScan(sdb, actor, scanId);
    const participant = (await q.findParticipants(sdb, scanId)).find((p) => p.user_id === actor.userId);
    if (!participant) throw forbidden('Only the participants of the scan add photos');
    const score = await q.findScoreOf(sdb, participant.id, itemId);
    if (!score) throw invalid('spatialadvice.score_first', 'Score the item before adding a photo to it', [{ path: 'params.itemId', message: 'no score of yours for this item yet' }]);
    if ((await q.countPhotos(sdb, score.id)) >= PHOTOS_PER_SCORE) throw invalid('spatialadvice.too_many_photos', `At most ${PHOTOS_PER_SCORE} photos per item`, [{ path: 'file', message: `at most ${PHOTOS_PER_SCORE} photos per item` }]);
    const id = await q.insertPhoto(sdb, { score_id: score.id, media_type: photo.mediaType, bytes: photo.bytes, uploaded_by: auditActor ? null : actor.userId });
    await withAudit(tx, auditActor ?? actor, 'spatialadvice.photo.add', { type: 'spatial_scan', id: scanId }, { photo: id, item: itemId, mediaType: photo.mediaType, bytes: photo.bytes.length, removedBytes: content.length - photo.bytes.length });
  });
  return readScan(db, actor, scanId);
}

/**
 * A photo of a scan the actor may open (access.ts); 404 otherwise, exactly like an unknown id. A photo of a
 * place can still show a person, so every view is audited, in the transaction that reads it.
 */
export async function readPhoto(db: Kysely<Database>, actor: Actor, id: string): Promise<{ mediaType: string; bytes: Buffer }> {
  return db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const photo = await q.findPhoto(sdb, id);
    const photoNotFound = () => notFound('Photo', 'spatialadvice.photo_not_found');
    if (!photo) throw photoNotFound();
    try {
      await findOpenableScan(sdb, actor, photo.scan_id);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw photoNotFound();
      throw error;
    }
    await withAudit(tx, actor, 'spatialadvice.photo.read', { type: 'spatial_scan', id: photo.scan_id }, { photo: id });
    return { mediaType: photo.media_type, bytes: photo.bytes };
  });
}

/**
 * Removes a photo, with the reason in the audit log. A photo of a place can show a person recognisably despite
 * the form's hint, and then it must be possible to erase it (AVG art. 17): whoever took it may remove it while
 * the scan is open; whoever manages advices (spatialadvice.manage) may remove any photo of a scan they can
 * open, also after the advice was signed, because erasure outweighs the read-only record. The advice text and
 * scores stay; the document is made at each download, so it no longer shows the photo.
 */
export async function removePhoto(db: Kysely<Database>, actor: Actor, id: string, body: RemovePhoto): Promise<ScanDetail> {
  const scanId = await db.transaction().execute(async (tx) => {
    const sdb = spatialDb(tx);
    const photo = await q.findPhotoForRemoval(sdb, id);
    const photoNotFound = () => notFound('Photo', 'spatialadvice.photo_not_found');
    if (!photo) throw photoNotFound();
    let scan;
    try {
      scan = await findOpenableScan(sdb, actor, photo.scan_id, true);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw photoNotFound();
      throw error;
    }
    const manages = hasPermission(actor.roles, 'spatialadvice.manage');
    const own = photo.participant_user_id === actor.userId;
    if (!manages && !own) throw forbidden('Only whoever took the photo, or whoever manages advices, removes it');
    if (!manages && scan.signed_at !== null) throw signedConflict();
    await q.deletePhoto(sdb, id);
    await withAudit(tx, actor, 'spatialadvice.photo.delete', { type: 'spatial_scan', id: photo.scan_id }, { photo: id, reason: body.reason, own, afterSigning: scan.signed_at !== null });
    return photo.scan_id;
  });
  return readScan(db, actor, scanId);
}
