import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deriveKey, isMfaPending, loadActorUser, requireActor, SESSION_COOKIE, type Actor, type AppContext } from '../../../platform/server/index.js';
import { CurrentUser, LoginRequest, SessionResponse, TotpConfirmRequest, TotpSetupResponse, UpdateMyPreferences } from '../contract.js';
import { setSessionCookie } from './session-cookie.js';
import {
  completeMfaWithTotp,
  confirmTotpEnrolment,
  login,
  logout,
  startTotpEnrolment,
  toCurrentUser,
  updateMyLocale,
  type SessionDeps,
} from './session.service.js';

const Meta = z.object({
  demoMode: z.boolean(),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** Base-map tiles for Leaflet; null = no base map (offline), the map shows only the areas. */
  mapTiles: z.object({ url: z.string(), attribution: z.string() }).nullable(),
  /** Whether signals can be placed by typing an address (ADDRESS_SEARCH_URL is set); the search runs through this server. */
  addressSearch: z.boolean(),
  /** OIDC login with the municipality's identity provider; null = not configured (no button). */
  oidc: z.object({ label: z.string().nullable() }).nullable(),
});

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const ctx: AppContext = app.ctx;
  const totpKey = deriveKey(ctx.config.sessionSecret, 'totp-secrets');
  const deps = (): SessionDeps => ({ db: ctx.database.db, config: ctx.config, now: ctx.clock(), totpKey });
  const tags = ['session'];
  const sessionResponse = (actor: Actor) => {
    if (!actor.session) throw new Error('session expected');
    return { user: toCurrentUser(actor), csrfToken: actor.session.csrfToken, demoMode: ctx.config.demoMode };
  };

  typed.get(
    '/api/v1/meta',
    { config: { access: 'public' }, schema: { tags: ['platform'], summary: 'What the login page needs to know', response: { 200: Meta } } },
    async () => ({
      demoMode: ctx.config.demoMode,
      version: ctx.version,
      database: ctx.database.kind,
      mapTiles: ctx.config.mapTiles ? { url: ctx.config.mapTiles.url, attribution: ctx.config.mapTiles.attribution } : null,
      addressSearch: ctx.config.addressSearchUrl !== null,
      oidc: ctx.config.oidc ? { label: ctx.config.oidc.label } : null,
    }),
  );

  typed.post(
    '/api/v1/session',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Log in', body: LoginRequest, response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      const session = await login(deps(), request.body, request.ip);
      setSessionCookie(reply, session.token, ctx);
      const loaded = await loadActorUser(ctx.database.db, session.userId);
      if (!loaded) throw new Error('user vanished at login');
      const { mfaRequired, ...user } = loaded;
      const mfaPending = isMfaPending(session, { mfaRequired, totpEnabled: user.totpEnabled });
      return sessionResponse({ ...user, via: 'session', session: { idHash: session.idHash, csrfToken: session.csrfToken, mfaPending, mfaVerified: session.mfaVerified } });
    },
  );

  typed.post(
    '/api/v1/session/totp',
    {
      config: { access: 'authenticated', allowDuringMfaEnrolment: true },
      schema: {
        tags,
        summary: 'Pass the second factor of a session that still owes it (after OIDC login without MFA at the identity provider)',
        body: TotpConfirmRequest,
        response: { 200: SessionResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await completeMfaWithTotp(deps(), actor, request.body.code, request.ip);
      if (!actor.session) throw new Error('session expected');
      return sessionResponse({ ...actor, session: { ...actor.session, mfaPending: false, mfaVerified: true } });
    },
  );

  typed.get(
    '/api/v1/session',
    { config: { access: 'authenticated', allowDuringMfaEnrolment: true }, schema: { tags, summary: 'The current session', response: { 200: SessionResponse } } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.session) return { user: toCurrentUser(actor), csrfToken: '', demoMode: ctx.config.demoMode };
      return sessionResponse(actor);
    },
  );

  typed.delete(
    '/api/v1/session',
    { config: { access: 'authenticated', allowDuringMfaEnrolment: true }, schema: { tags, summary: 'Log out' } },
    async (request, reply) => {
      await logout(ctx.database.db, requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  typed.patch(
    '/api/v1/me',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Change my preferences', body: UpdateMyPreferences, response: { 200: CurrentUser } } },
    async (request) => {
      const actor = requireActor(request);
      await updateMyLocale(ctx.database.db, actor, request.body.locale);
      return toCurrentUser({ ...actor, locale: request.body.locale });
    },
  );

  typed.post(
    '/api/v1/me/totp',
    {
      config: { access: 'authenticated', allowDuringMfaEnrolment: true },
      schema: { tags, summary: 'Start setting up an authenticator app', response: { 200: TotpSetupResponse } },
    },
    async (request) => startTotpEnrolment(deps(), requireActor(request)),
  );

  typed.post(
    '/api/v1/me/totp/confirm',
    {
      config: { access: 'authenticated', allowDuringMfaEnrolment: true },
      schema: { tags, summary: 'Confirm the authenticator app with a code', body: TotpConfirmRequest, response: { 200: SessionResponse } },
    },
    async (request) => {
      const actor = requireActor(request);
      await confirmTotpEnrolment(deps(), actor, request.body.code);
      const loaded = await loadActorUser(ctx.database.db, actor.userId);
      if (!loaded || !actor.session) throw new Error('user or session vanished after TOTP enrolment');
      const { mfaRequired: _mfaRequired, ...user } = loaded;
      return sessionResponse({ ...user, via: 'session', session: { ...actor.session, mfaPending: false, mfaVerified: true } });
    },
  );
}
