import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, type AppContext } from '../../../platform/server/index.js';
import { AuditList, AuditQuery, AuditVerifyResponse } from '../contract.js';
import { listAuditEntries, verifyAudit } from './audit.service.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const ctx: AppContext = app.ctx;
  typed.get(
    '/api/v1/audit',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: 'Read the audit log (newest first)', querystring: AuditQuery, response: { 200: AuditList } } },
    async (request) => listAuditEntries(ctx.database.db, request.query),
  );
  typed.post(
    '/api/v1/audit/verify',
    { config: { access: 'audit.verify' }, schema: { tags: ['audit'], summary: 'Recompute the hash chain', response: { 200: AuditVerifyResponse } } },
    async (request) => verifyAudit(ctx.database.db, requireActor(request)),
  );
}
