import type { NewsletterDb } from './newsletter.tables.js';

/** SQL of the newsletter module: subscribers, their areas, newsletters and delivery state. */

export interface SubscriberRow {
  id: string;
  email: string;
  confirmed_at: Date | null;
  confirm_expires_at: Date | null;
}

export async function findSubscriberByEmail(db: NewsletterDb, email: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('newsletter_subscribers').select(['id', 'email', 'confirmed_at', 'confirm_expires_at']).where('email', '=', email).forUpdate().executeTakeFirst();
}

export async function findSubscriberByConfirmHash(db: NewsletterDb, hash: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('newsletter_subscribers').select(['id', 'email', 'confirmed_at', 'confirm_expires_at']).where('confirm_token_hash', '=', hash).forUpdate().executeTakeFirst();
}

/** The new subscriber's id, or null when the same address was subscribed at the same moment by another request. */
export async function insertSubscriber(db: NewsletterDb, row: { email: string; hash: string; expiresAt: Date; now: Date }): Promise<string | null> {
  const inserted = await db
    .insertInto('newsletter_subscribers')
    .values({ email: row.email, confirm_token_hash: row.hash, confirm_expires_at: row.expiresAt, confirmed_at: null, created_at: row.now })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/** A new link for an address still waiting: the old one stops working. */
export async function renewConfirmation(db: NewsletterDb, id: string, hash: string, expiresAt: Date): Promise<void> {
  await db.updateTable('newsletter_subscribers').set({ confirm_token_hash: hash, confirm_expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function markConfirmed(db: NewsletterDb, id: string, now: Date): Promise<void> {
  await db.updateTable('newsletter_subscribers').set({ confirmed_at: now, confirm_token_hash: null, confirm_expires_at: null }).where('id', '=', id).execute();
}

export async function replaceSubscriptions(db: NewsletterDb, subscriberId: string, areaCodes: readonly string[]): Promise<void> {
  await db.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', subscriberId).execute();
  if (areaCodes.length) await db.insertInto('newsletter_subscriptions').values(areaCodes.map((area_code) => ({ subscriber_id: subscriberId, area_code }))).execute();
}

export async function findSubscriptionAreas(db: NewsletterDb, subscriberId: string): Promise<string[]> {
  const rows = await db.selectFrom('newsletter_subscriptions').select('area_code').where('subscriber_id', '=', subscriberId).orderBy('area_code').execute();
  return rows.map((row) => row.area_code);
}

/** Deletes the address itself (its areas and delivery rows go with it); gives whether there was one. */
export async function deleteSubscriber(db: NewsletterDb, id: string): Promise<boolean> {
  const result = await db.deleteFrom('newsletter_subscribers').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteExpiredUnconfirmed(db: NewsletterDb, now: Date): Promise<number> {
  const result = await db.deleteFrom('newsletter_subscribers').where('confirmed_at', 'is', null).where('confirm_expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countConfirmedSubscribers(db: NewsletterDb, areaCode: string): Promise<number> {
  const row = await db
    .selectFrom('newsletter_subscriptions as s')
    .innerJoin('newsletter_subscribers as r', 'r.id', 's.subscriber_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('s.area_code', '=', areaCode)
    .where('r.confirmed_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewsletterRow {
  id: string;
  area_code: string;
  area_name: string;
  title: string;
  body: string;
  status: string;
  recipient_count: number;
  is_demo: boolean;
  sent_at: Date | null;
}
const NEWSLETTER_COLUMNS = ['id', 'area_code', 'area_name', 'title', 'body', 'status', 'recipient_count', 'is_demo', 'sent_at'] as const;

export async function findNewsletter(db: NewsletterDb, id: string, lock = false): Promise<NewsletterRow | undefined> {
  const query = db.selectFrom('newsletters').select(NEWSLETTER_COLUMNS).where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function findSentNewsletters(db: NewsletterDb, areaCode: string): Promise<NewsletterRow[]> {
  return db.selectFrom('newsletters').select(NEWSLETTER_COLUMNS).where('area_code', '=', areaCode).where('status', '=', 'sent').orderBy('sent_at', 'desc').execute();
}

export async function findLastSentAt(db: NewsletterDb, areaCode: string): Promise<Date | null> {
  const row = await db.selectFrom('newsletters').select('sent_at').where('area_code', '=', areaCode).where('status', '=', 'sent').orderBy('sent_at', 'desc').limit(1).executeTakeFirst();
  return row?.sent_at ?? null;
}

export async function insertNewsletter(db: NewsletterDb, row: { id: string; areaCode: string; areaName: string; title: string; body: string; createdBy: string | null; now: Date }): Promise<void> {
  await db
    .insertInto('newsletters')
    .values({ id: row.id, area_code: row.areaCode, area_name: row.areaName, title: row.title, body: row.body, status: 'sending', created_by: row.createdBy, created_at: row.now })
    .execute();
}

/** One delivery row per confirmed subscriber of the area at the moment of sending. */
export async function insertDeliveries(db: NewsletterDb, newsletterId: string, areaCode: string): Promise<number> {
  const result = await db
    .insertInto('newsletter_deliveries')
    .columns(['newsletter_id', 'subscriber_id'])
    .expression((eb) =>
      eb
        .selectFrom('newsletter_subscriptions as s')
        .innerJoin('newsletter_subscribers as r', 'r.id', 's.subscriber_id')
        .select((inner) => [inner.val(newsletterId).as('newsletter_id'), 's.subscriber_id'])
        .where('s.area_code', '=', areaCode)
        .where('r.confirmed_at', 'is not', null),
    )
    .returning('subscriber_id')
    .execute();
  return result.length;
}

/** Claims one delivery still owed (marks it sent before the mail goes): of two senders at once only one mails it. */
export async function claimNextDelivery(db: NewsletterDb, newsletterId: string, now: Date): Promise<{ subscriberId: string; email: string } | null> {
  const next = await db
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('newsletter_subscribers as r', 'r.id', 'd.subscriber_id')
    .select(['d.subscriber_id', 'r.email'])
    .where('d.newsletter_id', '=', newsletterId)
    .where('d.sent_at', 'is', null)
    .orderBy('d.subscriber_id')
    .limit(1)
    .executeTakeFirst();
  if (!next) return null;
  const claimed = await db
    .updateTable('newsletter_deliveries')
    .set({ sent_at: now })
    .where('newsletter_id', '=', newsletterId)
    .where('subscriber_id', '=', next.subscriber_id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  // Taken by a concurrent sender in between: look for the next one.
  if (Number(claimed.numUpdatedRows) === 0) return claimNextDelivery(db, newsletterId, now);
  return { subscriberId: next.subscriber_id, email: next.email };
}

/** The mail did not go: owed again, for the next attempt. */
export async function releaseDelivery(db: NewsletterDb, newsletterId: string, subscriberId: string): Promise<void> {
  await db.updateTable('newsletter_deliveries').set({ sent_at: null }).where('newsletter_id', '=', newsletterId).where('subscriber_id', '=', subscriberId).execute();
}

/** Closes a send: how many received it is kept, who is not (the delivery rows are dropped). */
export async function finishNewsletter(db: NewsletterDb, newsletterId: string, now: Date): Promise<number | null> {
  const open = await db.selectFrom('newsletter_deliveries').select('subscriber_id').where('newsletter_id', '=', newsletterId).where('sent_at', 'is', null).limit(1).executeTakeFirst();
  if (open) return null;
  const row = await db.selectFrom('newsletter_deliveries').select((eb) => eb.fn.countAll<string>().as('n')).where('newsletter_id', '=', newsletterId).executeTakeFirstOrThrow();
  const count = Number(row.n);
  await db.updateTable('newsletters').set({ status: 'sent', recipient_count: count, sent_at: now }).where('id', '=', newsletterId).where('status', '=', 'sending').execute();
  await db.deleteFrom('newsletter_deliveries').where('newsletter_id', '=', newsletterId).execute();
  return count;
}

export async function insertDemoNewsletter(db: NewsletterDb, row: { id: string; areaCode: string; areaName: string; title: string; body: string; sentAt: Date }): Promise<void> {
  await db
    .insertInto('newsletters')
    .values({ id: row.id, area_code: row.areaCode, area_name: row.areaName, title: row.title, body: row.body, status: 'sent', recipient_count: 0, is_demo: true, created_by: null, created_at: row.sentAt, sent_at: row.sentAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
