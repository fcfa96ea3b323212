import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { announceChangeOverPool, startClusterLink, type ClusterLink, type LinkLogger } from './cluster-notify.js';
import type { AppContext } from './fastify-types.js';
import { SharedCaches } from './shared-caches.js';
import type { SharedRateCounter } from './shared-rate-limit.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What this process shares with the other server processes on its database (docs/operations.md, "Several instances"). */
export interface Cluster {
  /** Names this process in job records and notifications: host, pid and a random part (tests run several apps in one process). */
  instanceId: string;
  caches: SharedCaches;
  /** The LISTEN/NOTIFY connection and job locks; null on PGlite, which has one process by construction. */
  link: ClusterLink | null;
  /** Rate-limit counts shared through the database (shared-rate-limit.ts); null on PGlite. */
  rateLimit: SharedRateCounter | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    cluster: Cluster;
  }
}

export function newInstanceId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Connects this app to the other processes on its database and decorates it with `cluster`. On PostgreSQL
 * the caches stay off until the link listens; every state-changing API request then announces itself
 * before its response leaves, so the next request, to whichever process, sees the change.
 */
export async function registerCluster(app: FastifyInstance, ctx: AppContext, log: LinkLogger): Promise<void> {
  const caches = new SharedCaches();
  const instanceId = newInstanceId();
  let link: ClusterLink | null = null;
  const openClient = ctx.database.openClient;
  if (openClient) {
    caches.setTrusted(false);
    link = await startClusterLink({
      openClient,
      instanceId,
      onChange: () => caches.clear(),
      onHearing: (hearing) => caches.setTrusted(hearing),
      fallbackNotify: (payload) => announceChangeOverPool(ctx.database.db, payload),
      log,
    });
    caches.setAnnouncer(() => link?.announce() ?? Promise.resolve());
    app.addHook('onClose', async () => link?.close());
  }
  app.decorate('cluster', { instanceId, caches, link, rateLimit: null });
  // Any change may concern who can do what (a disabled user, a revoked token, new roles, a logout) or what
  // the shared reads answer (an import): every process forgets before the response says it is done.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!SAFE_METHODS.has(request.method) && request.url.startsWith('/api/')) await caches.changed();
    return payload;
  });
}
