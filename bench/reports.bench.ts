// The Dordt West progress report as DOCX and as PDF, as the browser gets it: POST /report-renders, poll the
// status every 50 ms until done, GET the file — the render runs in the worker thread. The first render of a
// process loads the libraries and fonts in the worker (reported apart); then the median of 5 per format
// (target ≤ 2 s each, DESIGN.md and issue 14). Also the longest event-loop delay of the server thread while
// the renders ran, which shows the rendering stays off it. PGlite in memory with the demo data.
// Run: npm run bench -- reports     (BENCH_RUNS: renders per format, default 5)
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/platform/server/app.js';
import { loadConfig } from '../src/platform/server/config.js';
import { openDatabase } from '../src/platform/server/db.js';
import { migrate } from '../src/platform/server/migrate.js';
import { SERVER_MODULES } from '../src/platform/server/modules.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DEMO_MODULES = ['auth', 'indicators', 'areas', 'programmes', 'meetings', 'finance'];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

export async function benchReports(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });
  const database = await openDatabase({});
  try {
    await migrate(database.db);
    for (const module of SERVER_MODULES) if (DEMO_MODULES.includes(module.name)) await module.seedDemo?.(database.db, config);
    const app = await buildApp({ config, database, clock: () => new Date(), version: 'bench' }, { logger: false, webDistDir: '/nonexistent' });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'regisseur', password: 'demo' } });
      const cookie = `wr_session=${login.cookies.find((c) => c.name === 'wr_session')?.value}`;
      const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
      const programmes = (await app.inject({ url: '/api/v1/programmes', headers })).json<{ items: { id: string; isDemo: boolean }[] }>();
      const programmeId = programmes.items.find((p) => p.isDemo)?.id;
      const year = new Date().getUTCFullYear();
      const snapshot = await app.inject({ method: 'POST', url: `/api/v1/programmes/${programmeId}/report-snapshots`, headers, payload: { title: 'Voortgang (bench)', periodStart: `${year}-01-01` } });
      if (snapshot.statusCode !== 201) throw new Error(`snapshot: ${snapshot.statusCode} ${snapshot.body}`);
      const snapshotId = snapshot.json<{ id: string }>().id;

      const renderOnce = async (format: 'docx' | 'pdf'): Promise<{ ms: number; bytes: number }> => {
        const started = performance.now();
        const asked = await app.inject({ method: 'POST', url: '/api/v1/report-renders', headers, payload: { kind: 'progress', snapshotId, format } });
        if (asked.statusCode !== 202) throw new Error(`render: ${asked.statusCode} ${asked.body}`);
        const id = asked.json<{ id: string }>().id;
        for (;;) {
          const status = (await app.inject({ url: `/api/v1/report-renders/${id}`, headers })).json<{ status: string }>().status;
          if (status === 'done') break;
          if (status !== 'running') throw new Error(`render ${status}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const file = await app.inject({ url: `/api/v1/report-renders/${id}/file`, headers });
        if (file.statusCode !== 200) throw new Error(`file: ${file.statusCode}`);
        return { ms: performance.now() - started, bytes: file.rawPayload.length };
      };

      const first = await renderOnce('pdf');
      console.log(`reports: first render of the process (PDF: the worker thread starts and loads pdfkit and the fonts): ${first.ms.toFixed(0)} ms`);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      for (const format of ['docx', 'pdf'] as const) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < RUNS; i += 1) {
          const run = await renderOnce(format);
          times.push(run.ms);
          bytes = run.bytes;
        }
        console.log(
          `reports: Dordt West progress report as ${format.toUpperCase()} (${(bytes / 1024).toFixed(0)} kB), ask → poll → file: median ${median(times).toFixed(0)} ms of ${RUNS} ` +
            `(${times.map((t) => t.toFixed(0)).join(', ')}); target ≤ 2000 ms`,
        );
      }
      delay.disable();
      console.log(`reports: server thread's event-loop delay during those renders: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
