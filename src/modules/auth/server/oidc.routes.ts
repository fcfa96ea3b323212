import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, decryptSecret, deriveKey, encryptSecret, notFound, type AppContext } from '../../../platform/server/index.js';
import type { OidcFailureReason } from '../contract.js';
import { OIDC_FLOW_MINUTES, OidcFailure, OidcRelyingParty, type OidcFlow } from './oidc-client.js';
import { completeOidcLogin } from './oidc.service.js';
import { setSessionCookie } from './session-cookie.js';

/** The flow between redirect and callback lives in this cookie, sealed (AES-GCM) and only sent to these routes. */
export const OIDC_FLOW_COOKIE = 'wr_oidc_flow';
const OIDC_PATH = '/api/v1/session/oidc';

/** The answer to a client that is not a browser: a problem per reason (a browser goes to the login page). */
const FAILURE_STATUS: Record<OidcFailureReason, number> = {
  expired: 400,
  state_mismatch: 400,
  idp_error: 401,
  invalid_response: 401,
  unavailable: 503,
  unknown_user: 403,
  disabled: 403,
  already_linked: 409,
};

/**
 * OIDC login with the municipality's identity provider. Both routes exist always (so the API document and
 * the authorization table do not depend on configuration) and answer 404 while OIDC_ISSUER is unset.
 */
export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const ctx: AppContext = app.ctx;
  const settings = ctx.config.oidc;
  const relyingParty = settings ? new OidcRelyingParty(settings) : null;
  const flowKey = deriveKey(ctx.config.sessionSecret, 'oidc-flow');
  const tags = ['session'];
  const requireConfigured = (): OidcRelyingParty => {
    if (!relyingParty) throw notFound('OIDC login (not configured)');
    return relyingParty;
  };

  const fail = (request: FastifyRequest, reply: FastifyReply, failure: OidcFailure): FastifyReply => {
    request.log.warn({ oidc: { reason: failure.reason, detail: failure.detail } }, 'OIDC login failed');
    reply.clearCookie(OIDC_FLOW_COOKIE, { path: OIDC_PATH });
    if (wantsHtml(request)) return reply.redirect(`/login?oidc=${failure.reason}`, 302);
    throw new AppError(`auth.oidc_${failure.reason}`, FAILURE_STATUS[failure.reason], describeFailure(failure.reason));
  };

  typed.get(
    `${OIDC_PATH}/start`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Start an OIDC login: redirects (302) to the identity provider',
        description: 'Authorization code flow with PKCE (S256), state and nonce; the flow is kept in a short-lived, sealed, httpOnly cookie. 404 when OIDC login is not configured.',
      },
    },
    async (request, reply) => {
      const party = requireConfigured();
      let started;
      try {
        started = await party.begin(ctx.clock());
      } catch (error) {
        if (error instanceof OidcFailure) return fail(request, reply, error);
        throw error;
      }
      reply.setCookie(OIDC_FLOW_COOKIE, sealFlow(flowKey, started.flow), {
        httpOnly: true,
        secure: ctx.config.secureCookies,
        // Lax: the provider sends the browser back with a top-level GET, which Lax cookies accompany.
        sameSite: 'lax',
        path: OIDC_PATH,
        maxAge: OIDC_FLOW_MINUTES * 60,
      });
      return reply.redirect(started.url.href, 302);
    },
  );

  typed.get(
    `${OIDC_PATH}/callback`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Where the identity provider sends the browser back: opens a session and redirects (302) to /',
        description:
          'Takes the authorization response of OAuth 2.0 / OIDC in the query (code, state, iss, or error and error_description); ' +
          'the provider may add parameters of its own, so the query is checked by the protocol, not by a schema. ' +
          'On failure a browser (Accept: text/html) is sent to /login?oidc=<reason>; other clients get the problem auth.oidc_<reason>. ' +
          '404 when OIDC login is not configured.',
      },
    },
    async (request, reply) => {
      const party = requireConfigured();
      const query = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
      const flow = unsealFlow(flowKey, request.cookies[OIDC_FLOW_COOKIE]);
      let session;
      try {
        session = await completeOidcLogin({ db: ctx.database.db, config: ctx.config, now: ctx.clock() }, party, flow, query);
      } catch (error) {
        if (error instanceof OidcFailure) return fail(request, reply, error);
        throw error;
      }
      reply.clearCookie(OIDC_FLOW_COOKIE, { path: OIDC_PATH });
      setSessionCookie(reply, session.token, ctx);
      return reply.redirect('/', 302);
    },
  );
}

function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

function describeFailure(reason: OidcFailureReason): string {
  switch (reason) {
    case 'expired':
      return 'The login took too long or was started in another browser; start again';
    case 'state_mismatch':
      return 'The answer of the identity provider does not belong to a login started in this browser';
    case 'idp_error':
      return 'The identity provider did not log you in';
    case 'invalid_response':
      return 'The answer of the identity provider could not be verified';
    case 'unavailable':
      return 'The identity provider cannot be reached; try again later';
    case 'unknown_user':
      return 'There is no Wijkregie account for this login; ask an administrator';
    case 'disabled':
      return 'This Wijkregie account is disabled';
    case 'already_linked':
      return 'This Wijkregie account is linked to another account at the identity provider; ask an administrator';
  }
}

function sealFlow(key: Buffer, flow: OidcFlow): string {
  return encryptSecret(key, JSON.stringify([flow.state, flow.nonce, flow.codeVerifier, flow.expiresAt]));
}

/** The flow of this browser's login, or why there is none: no cookie (expired, other browser) or a forged one. */
function unsealFlow(key: Buffer, sealed: string | undefined): OidcFlow | OidcFailure {
  if (!sealed) return new OidcFailure('expired', 'no flow cookie');
  try {
    const parsed: unknown = JSON.parse(decryptSecret(key, sealed));
    if (Array.isArray(parsed) && parsed.length === 4) {
      const [state, nonce, codeVerifier, expiresAt] = parsed as unknown[];
      if (typeof state === 'string' && typeof nonce === 'string' && typeof codeVerifier === 'string' && typeof expiresAt === 'number') {
        return { state, nonce, codeVerifier, expiresAt };
      }
    }
  } catch {
    // Falls through: a cookie that does not open was not sealed by this server (or with this secret).
  }
  return new OidcFailure('state_mismatch', 'unreadable flow cookie');
}
