import { parentPort, workerData } from 'node:worker_threads';
import { parseImportFile, type ParseJob } from './import-parse.js';
import { ImportProblem } from './import-model.js';
import { transferablesOf } from './value-columns.js';
import type { WorkerAnswer } from './parse-in-worker.js';

/**
 * The parse worker: parses the one file it was started with and answers once. Geometry is turned into
 * its JSON text here, so the server thread only passes it on to the database; values cross as transferred
 * typed arrays.
 */
function answer(): { message: WorkerAnswer; transfer: ArrayBuffer[] } {
  try {
    const parsed = parseImportFile(workerData as ParseJob);
    const areas = parsed.areas.map((a) => ({ ...a, geometry: null, geometryJson: a.geometry ? JSON.stringify(a.geometry) : null }));
    return { message: { ok: true, parsed: { ...parsed, areas } }, transfer: transferablesOf(parsed.values) };
  } catch (error) {
    if (error instanceof ImportProblem) return { message: { ok: false, problem: { code: error.code, status: error.status, message: error.message, errors: error.errors } }, transfer: [] };
    // Not the file's fault: the server logs the error's kind (never its message, which may echo the file).
    return { message: { ok: false, failure: error instanceof Error ? error.name : 'unknown' }, transfer: [] };
  }
}

const { message, transfer } = answer();
parentPort?.postMessage(message, transfer);
