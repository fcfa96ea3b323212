import type { Kysely } from 'kysely';
import { AppError, SYSTEM_ACTOR, invalid, notFound, withAudit, type AppConfig, type AuditActor, type Database } from '../../../platform/server/index.js';
import { publicBaseUrl, sendMail } from '../../notifications/index.js';
import { CONFIRM_HOURS, NEWSLETTER_PATHS, type NewsletterArea } from '../contract.js';
import { composeConfirmMail } from './mail-text.js';
import { listNewsletterAreas } from './newsletter-areas.js';
import {
  deleteExpiredUnconfirmed,
  deleteSubscriber,
  findSubscriberByConfirmHash,
  findSubscriberByEmail,
  findSubscriptionAreas,
  insertSubscriber,
  markConfirmed,
  renewConfirmation,
  replaceSubscriptions,
} from './newsletter.queries.js';
import { newsletterDb } from './newsletter.tables.js';
import { confirmTokenHash, newConfirmToken, subscriberOfUnsubscribeToken } from './tokens.js';

/**
 * Double opt-in (docs/newsletter.md): an address receives newsletters only after its owner followed the
 * link mailed to it. The answer to a subscription is the same whatever the address's state, so the form
 * cannot be used to learn whether someone subscribed. The audit log never holds the address.
 */

/** A resident has no account: their steps are audited under this name. */
const RESIDENT: AuditActor = { userId: null, username: 'resident', organisationId: null };

export function requireEmail(config: AppConfig): void {
  if (config.smtp === null) throw new AppError('newsletter.email_off', 503, 'The newsletter is not available: no SMTP server is configured');
}

async function knownAreas(db: Kysely<Database>, codes: readonly string[]): Promise<NewsletterArea[]> {
  const areas = await listNewsletterAreas(db);
  const unknown = codes.filter((code) => !areas.some((a) => a.code === code));
  if (unknown.length) {
    throw invalid('newsletter.unknown_area', 'Choose areas that have a newsletter', [{ path: 'body.areas', message: `No newsletter for ${unknown.join(', ')}` }]);
  }
  return areas.filter((a) => codes.includes(a.code));
}

export async function subscribe(db: Kysely<Database>, config: AppConfig, input: { email: string; areas: string[]; locale: 'nl' | 'en' }, now: Date): Promise<void> {
  requireEmail(config);
  const areas = await knownAreas(db, [...new Set(input.areas)]);
  await db.transaction().execute(async (tx) => {
    const ndb = newsletterDb(tx);
    const existing = await findSubscriberByEmail(ndb, input.email);
    // Already confirmed: no mail, no change, the same answer. Changing areas is unsubscribing and subscribing anew.
    if (existing?.confirmed_at) return;
    const { token, hash } = newConfirmToken();
    const expiresAt = new Date(now.getTime() + CONFIRM_HOURS * 3_600_000);
    let id: string;
    if (existing) {
      id = existing.id;
      await renewConfirmation(ndb, id, hash, expiresAt);
    } else {
      const inserted = await insertSubscriber(ndb, { email: input.email, hash, expiresAt, now });
      // Two requests for one new address at once: the other one stores it and mails the link.
      if (inserted === null) return;
      id = inserted;
    }
    await replaceSubscriptions(ndb, id, areas.map((a) => a.code));
    await withAudit(tx, RESIDENT, 'newsletter.subscribe', { type: 'newsletter_subscriber', id }, { areas: areas.map((a) => a.code), renewed: Boolean(existing) }, now);
    const link = `${publicBaseUrl(config).replace(/\/+$/, '')}${NEWSLETTER_PATHS.confirm(token)}`;
    // Sent inside the transaction: when the mail server refuses, nothing is stored.
    await sendMail(config, { to: input.email, ...composeConfirmMail({ locale: input.locale, areaNames: areas.map((a) => a.name), link }) });
  });
}

/** Follows a confirmation link: once, before it expires. Gives the areas confirmed. */
export async function confirm(db: Kysely<Database>, token: string, now: Date): Promise<NewsletterArea[]> {
  const codes = await db.transaction().execute(async (tx) => {
    const ndb = newsletterDb(tx);
    const subscriber = await findSubscriberByConfirmHash(ndb, confirmTokenHash(token));
    if (!subscriber) throw notFound('Confirmation link', 'newsletter.link_unknown');
    if (!subscriber.confirm_expires_at || subscriber.confirm_expires_at.getTime() <= now.getTime()) {
      throw new AppError('newsletter.link_expired', 410, 'This confirmation link has expired; subscribe again');
    }
    await markConfirmed(ndb, subscriber.id, now);
    await withAudit(tx, RESIDENT, 'newsletter.confirm', { type: 'newsletter_subscriber', id: subscriber.id }, {}, now);
    return findSubscriptionAreas(ndb, subscriber.id);
  });
  const areas = await listNewsletterAreas(db);
  return codes.map((code) => areas.find((a) => a.code === code) ?? { code, name: code });
}

/** One-click unsubscribe: the address is deleted, not flagged. A token of a deleted address is 404. */
export async function unsubscribe(db: Kysely<Database>, config: AppConfig, token: string, now: Date): Promise<void> {
  const id = subscriberOfUnsubscribeToken(config, token);
  if (!id) throw notFound('Subscription', 'newsletter.subscription_not_found');
  await db.transaction().execute(async (tx) => {
    if (!(await deleteSubscriber(newsletterDb(tx), id))) throw notFound('Subscription', 'newsletter.subscription_not_found');
    await withAudit(tx, RESIDENT, 'newsletter.unsubscribe', { type: 'newsletter_subscriber', id }, {}, now);
  });
}

/** The retention job: addresses never confirmed are deleted once their link expired. */
export async function deleteUnconfirmed(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const deleted = await deleteExpiredUnconfirmed(newsletterDb(tx), now);
    if (deleted > 0) await withAudit(tx, SYSTEM_ACTOR, 'newsletter.unconfirmed.delete', { type: 'newsletter_subscriber', id: 'expired' }, { count: deleted }, now);
    return deleted;
  });
}
