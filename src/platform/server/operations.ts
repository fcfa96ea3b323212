import type { AppConfig } from './config.js';
import { startControlSocket, type ControlHandler } from './control-socket.js';
import type { DatabaseHandle } from './db.js';
import { startMetricsServer } from './metrics-http.js';

/**
 * What the server process runs beside the app for its operators (docs/operations.md): the metrics
 * listener on METRICS_PORT, and on PGlite the control socket through which `cli backup` asks this process
 * for a backup instead of opening the folder a second time.
 */
export interface Operations {
  /** Stops both; waits for a control command in progress (a backup), so the database may close after. */
  stop(): Promise<void>;
}

export async function startOperations(
  config: AppConfig,
  database: DatabaseHandle,
  log: { info(obj: object, message: string): void; error(obj: object, message: string): void },
  controlHandlers: Record<string, ControlHandler>,
): Promise<Operations> {
  const { port } = config.metrics;
  let metrics = null;
  if (port !== null) {
    try {
      metrics = await startMetricsServer({ ...config.metrics, port });
    } catch (error) {
      throw new Error(`METRICS_PORT ${port} on ${config.metrics.host} cannot be used (${(error as NodeJS.ErrnoException).code ?? 'error'}): choose another port, or unset METRICS_PORT.`, { cause: error });
    }
    log.info({ metricsPort: metrics.port, metricsHost: config.metrics.host }, 'metrics listening');
  }
  const control = database.kind === 'pglite' ? await startControlSocket(config.dataDir, controlHandlers, log) : null;
  return {
    stop: async () => {
      await control?.close();
      await metrics?.close();
    },
  };
}
