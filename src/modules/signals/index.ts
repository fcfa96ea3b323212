import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { signalsRoutes } from './server/signals.routes.js';

/**
 * Signals about locations, persons and groups shared by partners within the law, with need-to-know
 * access, pseudonyms, retention and cases (docs/signals.md).
 */
export const signalsModule: ServerModule = {
  name: 'signals',
  routes: async (app: FastifyInstance) => {
    await signalsRoutes(app);
  },
};

/**
 * For spatial statistics (the hotspots module): `listSignalPointsForAnalysis(db, actor, { municipality,
 * from, to, categories?, areaCodes? })` → `{ points: [{ lon, lat, areaCode, retentionUntil }] }`.
 * The caller sees exactly the signals its lists show (need-to-know), without ids, persons or text; each
 * call writes one `signals.analysis_read` audit row in its own transaction. `from`/`to` are inclusive ISO
 * dates (UTC). A stored result derived from these points must be deleted when its newest `retentionUntil`
 * passes (SECURITY.md 10): register a job for that (`ServerModule.jobs`).
 */
export { listSignalPointsForAnalysis, type AnalysisPoint, type AnalysisRequest } from './server/aggregates.service.js';
