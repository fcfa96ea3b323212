import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../platform/server/index.js';
import type { ParseJob } from './import-parse.js';
import { WORKER_CONCURRENCY, WORKER_QUEUE, type WorkerLimits } from './import-limits.js';
import type { ParsedImport } from './import-model.js';
import { unpackParsedImport, type ParsedArea, type WorkerAnswer } from './worker-answer.js';

export type { ParsedArea } from './worker-answer.js';

const WORKER_ENTRY = new URL('./parse-worker.mjs', import.meta.url);

/**
 * Parses an import file in a worker thread, so the server keeps answering while a large or awkward file is
 * read, and so one file cannot take the whole process's time or memory: the worker gets a V8 heap limit and
 * is stopped at the time limit. A fresh worker per file: nothing of one file is left when the next comes.
 * At most WORKER_CONCURRENCY parse at once and WORKER_QUEUE wait; beyond that the answer is 503.
 */
export async function parseInWorker(job: Omit<ParseJob, 'content'> & { content: Buffer }, limits: WorkerLimits): Promise<ParsedImport & { areas: ParsedArea[] }> {
  await takeTurn();
  let answer: Extract<WorkerAnswer, { ok: true }>;
  try {
    answer = await runWorker(job, limits);
  } finally {
    passTurn();
  }
  return unpackParsedImport(answer);
}

let running = 0;
const waiting: (() => void)[] = [];

async function takeTurn(): Promise<void> {
  if (running < WORKER_CONCURRENCY) {
    running += 1;
    return;
  }
  if (waiting.length >= WORKER_QUEUE) {
    throw new AppError('import.busy', 503, 'Several imports are being read right now; try again in a minute', undefined, { 'retry-after': '60' });
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function passTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

function runWorker(job: Omit<ParseJob, 'content'> & { content: Buffer }, limits: WorkerLimits): Promise<Extract<WorkerAnswer, { ok: true }>> {
  // A copy the worker owns: an upload's Buffer may share its memory with other buffers.
  const content = new Uint8Array(job.content.length);
  content.set(job.content);
  const workerData: ParseJob = { ...job, content };
  return new Promise((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    const worker = new Worker(WORKER_ENTRY, {
      workerData,
      transferList: [content.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      finish(() =>
        reject(new AppError('import.timeout', 503, `Reading the file took longer than ${Math.round(limits.timeLimitMs / 1000)} s, so it was stopped; split the file or try again when the server is less busy`, undefined, { 'retry-after': '60' })),
      );
    }, limits.timeLimitMs);
    worker.on('message', (answer: WorkerAnswer) =>
      finish(() => {
        if (answer.ok) resolve(answer);
        else if ('problem' in answer) reject(new AppError(answer.problem.code, answer.problem.status, answer.problem.message, answer.problem.errors));
        else reject(new Error(`import parse worker failed (${answer.failure})`));
      }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new AppError('import.too_large', 413, `Reading the file needs more memory than an import may use (${limits.memoryLimitMb} MB); split it`, [{ path: 'file', message: 'needs too much memory to read' }]));
        } else reject(new Error(`import parse worker failed (${error.code ?? error.name})`));
      }),
    );
    worker.on('exit', (code) => finish(() => reject(new Error(timedOut ? 'import parse worker stopped' : `import parse worker exited with code ${code} before answering`))));
  });
}
