import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, requireActor, sha256Hex } from '../../../platform/server/index.js';
import {
  AreaParams,
  ConfirmAnswer,
  ConfirmInput,
  IdParams,
  NEWSLETTER_PATHS,
  Newsletter,
  NewsletterAreaList,
  NewsletterArchive,
  NewsletterDraft,
  SendNewsletter,
  SendResult,
  SubscribeAnswer,
  SubscribeInput,
  UnsubscribeAnswer,
  UnsubscribeParams,
} from '../contract.js';
import { listArchive, readNewsletter } from './archive.service.js';
import { buildDraft } from './draft.service.js';
import { listNewsletterAreas } from './newsletter-areas.js';
import { sendNewsletter } from './send.service.js';
import { confirm, subscribe, unsubscribe } from './subscription.service.js';

/**
 * Limits on the residents' forms (docs/newsletter.md, docs/limits.md): per IP address on every public write,
 * and per e-mail address on subscribing, so nobody floods someone's mailbox with confirmation mails.
 */
export const SUBSCRIBES_PER_IP_PER_MINUTE = 10;
export const SUBSCRIBES_PER_ADDRESS_PER_MINUTE = 3;
export const LINK_USES_PER_IP_PER_MINUTE = 30;

export async function newsletterRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const tags = ['newsletter'];
  const perIp = (max: number) => ({ max, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `ip:${request.ip}` });
  const perAddress = app.createRateLimit({
    max: SUBSCRIBES_PER_ADDRESS_PER_MINUTE,
    timeWindow: 60_000,
    // Counted under a hash: the limiter's table never holds the address.
    keyGenerator: (request) => `newsletter-address:${sha256Hex(String((request.body as { email?: unknown }).email ?? ''))}`,
  });

  typed.get(
    '/api/v1/public/newsletter/areas',
    { config: { access: 'public' }, schema: { tags, summary: 'The areas with a newsletter (those a programme covers), by name', response: { 200: NewsletterAreaList } } },
    async () => ({ items: await listNewsletterAreas(db()) }),
  );
  typed.post(
    '/api/v1/public/newsletter/subscriptions',
    {
      config: { access: 'public', rateLimit: perIp(SUBSCRIBES_PER_IP_PER_MINUTE) },
      schema: { tags, summary: 'Subscribe an e-mail address to areas: a confirmation link is mailed (double opt-in). The same answer for every address', body: SubscribeInput, response: { 202: SubscribeAnswer } },
    },
    async (request, reply) => {
      const limit = await perAddress(request);
      if (!limit.isAllowed && limit.isExceeded) throw new AppError('newsletter.too_many', 429, 'Too many subscriptions for this address; try again in a minute');
      await subscribe(db(), app.ctx.config, request.body, app.ctx.clock());
      return reply.status(202).send({ status: 'check_your_mail' as const });
    },
  );
  typed.post(
    '/api/v1/public/newsletter/confirmations',
    { config: { access: 'public', rateLimit: perIp(LINK_USES_PER_IP_PER_MINUTE) }, schema: { tags, summary: 'Confirm a subscription with the token from the mail: once, within 48 hours', body: ConfirmInput, response: { 200: ConfirmAnswer } } },
    async (request) => ({ areas: await confirm(db(), request.body.token, app.ctx.clock()) }),
  );
  // RFC 8058: a mail client's one-click POST is form-encoded ("List-Unsubscribe=One-Click"); the body carries
  // nothing the answer depends on. The parser lives in a scope of this one route: every other route keeps
  // answering a form-encoded body with 415.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/public/newsletter/unsubscribe/:token',
      {
        config: { access: 'public', rateLimit: perIp(LINK_USES_PER_IP_PER_MINUTE) },
        schema: { tags, summary: 'One-click unsubscribe (RFC 8058): deletes the e-mail address and its subscriptions', params: UnsubscribeParams, body: z.unknown().optional(), response: { 200: UnsubscribeAnswer } },
      },
      async (request) => {
        await unsubscribe(db(), app.ctx.config, request.params.token, app.ctx.clock());
        return { status: 'unsubscribed' as const };
      },
    );
  });
  typed.get(
    '/api/v1/public/newsletter/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The same address opened in a browser (a mail program without one-click): redirects to the page with the unsubscribe button; changes nothing', params: UnsubscribeParams },
    },
    async (request, reply) => reply.redirect(NEWSLETTER_PATHS.unsubscribe(request.params.token), 303),
  );
  typed.get(
    '/api/v1/public/newsletters/areas/:areaCode',
    { config: { access: 'public' }, schema: { tags, summary: 'The sent newsletters of an area, newest first (the public archive)', params: AreaParams, response: { 200: NewsletterArchive } } },
    async (request) => listArchive(db(), request.params.areaCode),
  );
  typed.get(
    '/api/v1/public/newsletters/:id',
    { config: { access: 'public' }, schema: { tags, summary: 'One sent newsletter with its plain-text body', params: IdParams, response: { 200: Newsletter } } },
    async (request) => readNewsletter(db(), request.params.id),
  );
  typed.get(
    '/api/v1/newsletter-drafts/:areaCode',
    { config: { access: 'newsletter.manage' }, schema: { tags, summary: 'A draft newsletter for an area from the programme and the figures; nothing is stored', params: AreaParams, response: { 200: NewsletterDraft } } },
    async (request) => buildDraft(db(), requireActor(request), request.params.areaCode, app.ctx.clock()),
  );
  typed.post(
    '/api/v1/newsletters',
    {
      config: { access: 'newsletter.manage' },
      schema: { tags, summary: 'Send a newsletter to the confirmed subscribers of its area; audited. Idempotent by id: sending again resumes, nobody gets it twice', body: SendNewsletter, response: { 200: SendResult } },
    },
    async (request) => sendNewsletter(db(), app.ctx.config, requireActor(request), request.body, () => app.ctx.clock()),
  );
}
