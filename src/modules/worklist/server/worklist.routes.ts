import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { Worklist, WorklistQuery } from '../contract.js';
import { getWorklist } from './worklist.service.js';

export async function worklistRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/me/worklist',
    {
      // Every logged-in person has a worklist; each part is filtered by the module that owns it.
      config: { access: 'authenticated' },
      schema: { tags: ['worklist'], querystring: WorklistQuery, summary: 'The caller\u2019s worklist: overdue and upcoming actions, approvals waiting for them, escalations and signals on what they own, recent changes by others', response: { 200: Worklist } },
    },
    async (request) => getWorklist(app.ctx.database.db, requireActor(request), app.ctx.clock()),
  );
}
