import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE, type AppContext } from '../../../platform/server/index.js';

/** The session cookie, the same for a password login and an OIDC login (SECURITY.md 14). */
export function setSessionCookie(reply: FastifyReply, token: string, ctx: AppContext): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: ctx.config.secureCookies,
    sameSite: 'lax',
    path: '/',
    maxAge: ctx.config.sessionAbsoluteMinutes * 60,
  });
}
