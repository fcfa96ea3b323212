import { Worker } from 'node:worker_threads';
import { AppError } from '../../../platform/server/index.js';
import type { RenderFormat, ReportDocument } from '../contract.js';
import type { RenderAnswer, RenderRequest } from './render-worker.js';

/**
 * Renders documents in one long-lived worker thread (render-worker.ts), so a DOCX or PDF never holds up the
 * server thread, and the libraries stay loaded between renders (the first render of a process pays their
 * start). One render at a time — this machine has two cores and the server needs the other — and at most
 * QUEUE_LIMIT waiting; beyond that 503. A render that takes longer than TIME_LIMIT_MS, or a worker that
 * dies or runs out of memory, fails that render and the next one starts a fresh worker.
 */
const WORKER_ENTRY = new URL('./render-worker.mjs', import.meta.url);
const QUEUE_LIMIT = 8;
const TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 512;

interface Job {
  request: RenderRequest;
  onProgress: (percent: number) => void;
  resolve: (body: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let current: { job: Job; timer: NodeJS.Timeout; worker: Worker } | null = null;
const queue: Job[] = [];
let nextId = 1;

export class RenderFailed extends Error {
  constructor(readonly failure: string) {
    super(`render failed (${failure})`);
    this.name = 'RenderFailed';
  }
}

/** The document as DOCX or PDF bytes; `onProgress` gets whole percentages (0–99) as the worker goes. */
export function renderInWorker(document: ReportDocument, format: RenderFormat, onProgress: (percent: number) => void = () => {}): Promise<Buffer> {
  if (queue.length >= QUEUE_LIMIT) {
    return Promise.reject(new AppError('report.busy', 503, 'Many documents are being made right now; try again in a minute', undefined, { 'retry-after': '30' }));
  }
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ request: { id: nextId++, format, document }, onProgress, resolve, reject });
    startNext();
  });
}

/** Renders waiting or running in this process. */
export function rendersInProgress(): number {
  return queue.length + (current ? 1 : 0);
}

function startNext(): void {
  if (current) return;
  const job = queue.shift();
  if (!job) {
    // Idle: the worker must not keep the process alive (a test, the CLI, a shutdown).
    worker?.unref();
    return;
  }
  const w = ensureWorker();
  w.ref();
  const timer = setTimeout(() => stopWorker(new RenderFailed('timeout')), TIME_LIMIT_MS);
  current = { job, timer, worker: w };
  w.postMessage(job.request);
}

function finish(outcome: (job: Job) => void): void {
  if (!current) return;
  const { job, timer } = current;
  clearTimeout(timer);
  current = null;
  outcome(job);
  startNext();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 } });
  w.on('message', (answer: RenderAnswer) => {
    if (current?.worker !== w || answer.id !== current.job.request.id) return;
    if (answer.kind === 'progress') current.job.onProgress(answer.percent);
    else if (answer.kind === 'done') finish((job) => job.resolve(Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength)));
    else finish((job) => job.reject(new RenderFailed(answer.failure)));
  });
  // A worker that failed or was stopped fails only its own render, never one a fresh worker took up since.
  w.on('error', (error: Error & { code?: string }) => {
    if (worker === w) worker = null;
    if (current?.worker === w) finish((job) => job.reject(new RenderFailed(error.code ?? error.name)));
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    if (current?.worker === w) finish((job) => job.reject(new RenderFailed(`exit ${code}`)));
  });
  worker = w;
  return w;
}

/** Stops a stuck worker; its render fails and the next render gets a fresh worker. */
function stopWorker(reason: RenderFailed): void {
  const w = worker;
  worker = null;
  finish((job) => job.reject(reason));
  void w?.terminate();
}
