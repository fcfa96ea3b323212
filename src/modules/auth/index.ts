import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { adminRoutes } from './server/admin.routes.js';
import { seedDemoAccounts } from './server/demo-accounts.js';
import { oidcRoutes } from './server/oidc.routes.js';
import { sessionRoutes } from './server/session.routes.js';

/** Accounts: sessions (password and OIDC login), MFA, users, partner organisations, role policies, API tokens. */
export const authModule: ServerModule = {
  name: 'auth',
  routes: async (app: FastifyInstance) => {
    await sessionRoutes(app);
    await oidcRoutes(app);
    await adminRoutes(app);
  },
  seedDemo: seedDemoAccounts,
};

export { createUser, updateUser } from './server/users.service.js';
export { createOrganisation } from './server/organisations.service.js';
export { findUsers } from './server/users.queries.js';
export { countDemoAccounts, DEMO_PASSWORD } from './server/demo-accounts.js';
export { unlinkOidcIdentities, type UnlinkResult } from './server/oidc.service.js';
