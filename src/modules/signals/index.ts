import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { addressSearchRoutes } from './server/address-search.routes.js';
import { casesRoutes } from './server/cases.routes.js';
import { seedDemoSignals } from './server/demo-signals.js';
import { signalRetentionJob } from './server/retention.service.js';
import { signalRecordsRoutes } from './server/signal-records.routes.js';
import { signalsRoutes } from './server/signals.routes.js';

/**
 * Signals about locations, persons and groups shared by partners within the law, with need-to-know
 * access, pseudonyms, retention and cases (docs/signals.md).
 */
export const signalsModule: ServerModule = {
  name: 'signals',
  routes: async (app: FastifyInstance) => {
    await signalsRoutes(app);
    await signalRecordsRoutes(app);
    await casesRoutes(app);
    await addressSearchRoutes(app);
  },
  seedDemo: seedDemoSignals,
  jobs: [signalRetentionJob],
};

/**
 * For spatial statistics (the hotspots module): `listSignalPointsForAnalysis(db, actor, { municipality,
 * from, to, categories?, areaCodes? })` → `{ points: [{ lon, lat, areaCode, retentionUntil }], access }`.
 * The caller sees exactly the signals its lists show (need-to-know), without ids, persons or text; each
 * call writes one `signals.analysis_read` audit row in its own transaction. `from`/`to` are inclusive ISO
 * dates (UTC). A stored result derived from these points must be deleted when its newest `retentionUntil`
 * passes (SECURITY.md 10): register a job for that (`ServerModule.jobs`).
 */
export { listSignalPointsForAnalysis, type AnalysisPoint, type AnalysisRequest } from './server/aggregates.service.js';
/**
 * For a result kept from those points: store `access` as it came (JSON), and before showing the result ask
 * `signalAccessChecker(db, actor)` → `(stored) => boolean`: true only when the actor may see every signal it
 * was made from, by the signals' own need-to-know rule. Anything else stored (null, malformed) answers false.
 */
export { signalAccessChecker, type SignalAccessKey } from './server/signal-access.js';
/** The planted demo clusters (synthetic), so hot-spot tests can check the analysis finds them. */
export { PLANTED_CLUSTERS } from './server/demo-signals.js';
/** The retention run itself, for the CLI and tests (the server runs it hourly as a job). */
export { runSignalRetention } from './server/retention.service.js';
