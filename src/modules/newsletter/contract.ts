import { z } from 'zod';

/** The newsletter module's API shapes, shared by server and web (docs/newsletter.md). */

export const TITLE_MAX = 200;
export const BODY_MAX = 20000;
/** How long a confirmation link works; an unconfirmed address is deleted after it. */
export const CONFIRM_HOURS = 48;

/** A CBS wijk or a focus area: the areas a programme covers. */
export const AreaCode = z.string().regex(/^(WK[0-9]{6}|FA[A-Za-z0-9_-]{1,40})$/, 'a wijk or focus area code');
export const AreaParams = z.strictObject({ areaCode: AreaCode });
export const IdParams = z.strictObject({ id: z.uuid() });
/** 32 random bytes as base64url; the unsubscribe token is the subscriber id, a dot and an HMAC. */
export const ConfirmInput = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a confirmation token') });
export const UnsubscribeParams = z.strictObject({ token: z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, 'an unsubscribe token') });

export const SubscribeInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  areas: z.array(AreaCode).min(1).max(20),
  /** The language of the confirmation mail. */
  locale: z.enum(['nl', 'en']).default('nl'),
});
export type SubscribeInput = z.input<typeof SubscribeInput>;

/** The same answer whether the address was new, waiting or already confirmed: nothing is revealed. */
export const SubscribeAnswer = z.object({ status: z.literal('check_your_mail') });
export const ConfirmAnswer = z.object({ areas: z.array(z.object({ code: z.string(), name: z.string() })) });
export const UnsubscribeAnswer = z.object({ status: z.literal('unsubscribed') });

export const NewsletterArea = z.object({ code: z.string(), name: z.string() });
export type NewsletterArea = z.infer<typeof NewsletterArea>;
export const NewsletterAreaList = z.object({ items: z.array(NewsletterArea) });
export type NewsletterAreaList = z.infer<typeof NewsletterAreaList>;

const visibleText = (max: number) => z.string().min(1).max(max).regex(/\S/, 'must contain text');

/** A newsletter as the public reads it: only sent ones are public. */
export const Newsletter = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  body: z.string(),
  sentAt: z.string(),
  isDemo: z.boolean(),
});
export type Newsletter = z.infer<typeof Newsletter>;
export const NewsletterSummary = Newsletter.omit({ body: true });
export type NewsletterSummary = z.infer<typeof NewsletterSummary>;
export const NewsletterArchive = z.object({ area: NewsletterArea, items: z.array(NewsletterSummary) });
export type NewsletterArchive = z.infer<typeof NewsletterArchive>;

/** The manager's draft, drawn from the programme and the figures; nothing is stored until it is sent. */
export const NewsletterDraft = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  body: z.string(),
  /** The previous newsletter's send date: "finished since" counts from it (null: the first newsletter). */
  since: z.string().nullable(),
  /** How many confirmed subscribers the area has now. */
  subscriberCount: z.number().int(),
});
export type NewsletterDraft = z.infer<typeof NewsletterDraft>;

export const SendNewsletter = z.strictObject({
  /** Chosen by the client when the draft is opened: sending again with the same id resumes, never sends twice. */
  id: z.uuid(),
  areaCode: AreaCode,
  title: visibleText(TITLE_MAX),
  /** Plain text: a blank line starts a new paragraph, lines starting with "- " form a list. Never HTML. */
  body: visibleText(BODY_MAX),
});
export type SendNewsletter = z.infer<typeof SendNewsletter>;
export const SendResult = z.object({ id: z.uuid(), status: z.enum(['sending', 'sent']), recipientCount: z.number().int(), sentAt: z.string().nullable() });
export type SendResult = z.infer<typeof SendResult>;

/**
 * The residents' pages of the web app (Dutch paths). Here rather than in web/ because the server puts the
 * confirmation and unsubscribe links in mail.
 */
export const NEWSLETTER_PATHS = {
  subscribe: '/bewoners/nieuwsbrief',
  confirm: (token: string) => `/bewoners/nieuwsbrief/bevestigen/${token}`,
  unsubscribe: (token: string) => `/bewoners/nieuwsbrief/afmelden/${token}`,
  archive: (areaCode: string) => `/bewoners/nieuwsbrief/${encodeURIComponent(areaCode)}`,
  newsletter: (areaCode: string, id: string) => `/bewoners/nieuwsbrief/${encodeURIComponent(areaCode)}/${id}`,
} as const;
/** The RFC 8058 one-click address: a POST here unsubscribes, without a page or a session. */
export const unsubscribeApiPath = (token: string) => `/api/v1/public/newsletter/unsubscribe/${token}`;
