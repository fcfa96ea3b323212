import type { ServerModule } from '../../platform/server/index.js';
import { auditRoutes } from './server/audit.routes.js';

/** The audit log as administrators read it, and the chain verifier. Writing is the platform's withAudit. */
export const auditModule: ServerModule = { name: 'audit', routes: auditRoutes };

export { listAuditEntries } from './server/audit.service.js';
/*
 * For the personal worklist (worklist module):
 *  listChangesBySomeoneElse(db, { subjects: [{ type, ids }], since, excludeUserId, limit }) → RecentChange[]: who
 *      changed which of the given subjects when (action code, not the detail), by people other than the caller;
 *      newest first. No access check: pass only subjects the person may see.
 */
export { listChangesBySomeoneElse, type RecentChange } from './server/recent-changes.js';
