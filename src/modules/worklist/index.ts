import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { worklistRoutes } from './server/worklist.routes.js';

/**
 * The personal worklist on the start page: what each person must do or know, gathered from meetings,
 * finance, programmes and the audit log through their index.ts. Keeps no data of its own. docs/worklist.md.
 */
export const worklistModule: ServerModule = {
  name: 'worklist',
  routes: async (app: FastifyInstance) => {
    await worklistRoutes(app);
  },
};

/*
 * For other modules (notifications):
 *  getWorklist(db, actor, now) → Worklist (contract.ts): the caller's items, each with a stable `key`
 *  getWorklistForUser(db, userId, now) → Worklist | null: the same for a person by id, outside a request
 *      (null when the person or their organisation is disabled)
 */
export { getWorklist, getWorklistForUser, WORKLIST_HORIZON_DAYS } from './server/worklist.service.js';
export type { Worklist, WorklistItem } from './contract.js';
