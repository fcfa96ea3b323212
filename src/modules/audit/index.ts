import type { ServerModule } from '../../platform/server/index.js';
import { auditRoutes } from './server/audit.routes.js';

/** The audit log as administrators read it, and the chain verifier. Writing is the platform's withAudit. */
export const auditModule: ServerModule = { name: 'audit', routes: auditRoutes };

export { listAuditEntries } from './server/audit.service.js';
