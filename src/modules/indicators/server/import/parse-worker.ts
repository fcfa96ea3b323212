import { parentPort, workerData } from 'node:worker_threads';
import { parseImportFile, type ParseJob } from './import-parse.js';
import { ImportProblem } from './import-model.js';
import { packParsedImport, type WorkerAnswer } from './worker-answer.js';

/**
 * The parse worker: parses the one file it was started with and answers once. Geometry is turned into
 * its JSON text here, so the server thread only passes it on to the database (worker-answer.ts).
 */
function answer(): { message: WorkerAnswer; transfer: ArrayBuffer[] } {
  try {
    return packParsedImport(parseImportFile(workerData as ParseJob));
  } catch (error) {
    if (error instanceof ImportProblem) return { message: { ok: false, problem: { code: error.code, status: error.status, message: error.message, errors: error.errors } }, transfer: [] };
    // Not the file's fault: the server logs the error's kind (never its message, which may echo the file).
    return { message: { ok: false, failure: error instanceof Error ? error.name : 'unknown' }, transfer: [] };
  }
}

const { message, transfer } = answer();
parentPort?.postMessage(message, transfer);
