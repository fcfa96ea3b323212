import type { Kysely } from 'kysely';
import { AppError, conflict, withAudit, type Actor, type AppConfig, type Database } from '../../../platform/server/index.js';
import { publicBaseUrl, sendMail } from '../../notifications/index.js';
import { NEWSLETTER_PATHS, unsubscribeApiPath, type SendNewsletter, type SendResult } from '../contract.js';
import { composeNewsletterMail } from './mail-text.js';
import { findNewsletterArea } from './newsletter-areas.js';
import { claimNextDelivery, findNewsletter, finishNewsletter, insertDeliveries, insertNewsletter, releaseDelivery, type NewsletterRow } from './newsletter.queries.js';
import { newsletterDb } from './newsletter.tables.js';
import { requireEmail } from './subscription.service.js';
import { unsubscribeToken } from './tokens.js';

/**
 * Sending a newsletter: one mail per confirmed subscriber of the area, through the notifications module's
 * SMTP transport. The newsletter and a delivery row per subscriber are stored first (audited); each mail is
 * claimed before it goes and released if the mail server refuses it. Sending again with the same id resumes
 * where it stopped and mails nobody twice; when every delivery is done the count is kept and the rows are
 * dropped, so who received it is not kept.
 */

function toResult(row: NewsletterRow): SendResult {
  return { id: row.id, status: row.status as SendResult['status'], recipientCount: row.recipient_count, sentAt: row.sent_at ? row.sent_at.toISOString() : null };
}

const sameContent = (row: NewsletterRow, input: SendNewsletter) => row.area_code === input.areaCode && row.title === input.title && row.body === input.body;

export async function sendNewsletter(db: Kysely<Database>, config: AppConfig, actor: Actor, input: SendNewsletter, now: () => Date): Promise<SendResult> {
  requireEmail(config);
  const area = await findNewsletterArea(db, input.areaCode);
  const started = await db.transaction().execute(async (tx) => {
    const ndb = newsletterDb(tx);
    const existing = await findNewsletter(ndb, input.id, true);
    if (existing) {
      // A retry: only of the same newsletter, never a different text under an id already used.
      if (!sameContent(existing, input)) throw conflict('newsletter.id_taken', 'A different newsletter was already sent with this id');
      return existing;
    }
    await insertNewsletter(ndb, { id: input.id, areaCode: area.code, areaName: area.name, title: input.title, body: input.body, createdBy: actor.userId, now: now() });
    const recipients = await insertDeliveries(ndb, input.id, area.code);
    await withAudit(tx, actor, 'newsletter.send', { type: 'newsletter', id: input.id }, { areaCode: area.code, titleLength: input.title.length, bodyLength: input.body.length, recipients }, now());
    return findNewsletter(ndb, input.id);
  });
  if (!started) throw new Error('newsletter vanished while sending');
  if (started.status === 'sent') return toResult(started);

  const base = publicBaseUrl(config).replace(/\/+$/, '');
  const ndb = newsletterDb(db);
  let failed = 0;
  for (;;) {
    const next = await claimNextDelivery(ndb, input.id, now());
    if (!next) break;
    const token = unsubscribeToken(config, next.subscriberId);
    const oneClick = `${base}${unsubscribeApiPath(token)}`;
    const mail = composeNewsletterMail({ title: input.title, body: input.body, archiveLink: `${base}${NEWSLETTER_PATHS.newsletter(area.code, input.id)}`, unsubscribeLink: `${base}${NEWSLETTER_PATHS.unsubscribe(token)}` });
    try {
      await sendMail(config, { to: next.email, ...mail, headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
    } catch {
      // Owed again; the rest are not tried now (the mail server is likely down): a retry resumes.
      await releaseDelivery(ndb, input.id, next.subscriberId);
      failed += 1;
      break;
    }
  }
  if (failed > 0) throw new AppError('newsletter.send_incomplete', 502, 'The mail server refused a mail; send again to continue where it stopped (nobody gets it twice)');

  const finished = await db.transaction().execute(async (tx) => {
    const tdb = newsletterDb(tx);
    const row = await findNewsletter(tdb, input.id, true);
    if (row?.status === 'sent') return row;
    const count = await finishNewsletter(tdb, input.id, now());
    if (count !== null) await withAudit(tx, actor, 'newsletter.sent', { type: 'newsletter', id: input.id }, { areaCode: area.code, recipientCount: count }, now());
    return findNewsletter(tdb, input.id);
  });
  if (!finished) throw new Error('newsletter vanished while sending');
  return toResult(finished);
}
