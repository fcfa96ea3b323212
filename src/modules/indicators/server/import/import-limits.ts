/**
 * The caps of one import (SECURITY.md 20; docs/figures.md lists them). The bytes of a file are capped by
 * the platform's upload limit (UPLOAD_LIMIT_BYTES); these cap what a file may hold, so that parsing and
 * geometry stay within the worker's time and memory whatever the upload limit is set to.
 */

/** Rows of a CSV, features of a GeoJSON file (a national KWB file has 18,000 rows; CBS has 14,000 buurten). */
export const MAX_RECORDS = 200_000;

/** Bad rows listed in a 422 answer; the rest are counted ("N more bad rows not listed"). */
export const MAX_REPORTED_ERRORS = 100;

/**
 * Bytes of one CSV record (a line, or several when a quoted cell holds newlines). A national KWB row is
 * under 1 KiB; without a cap one 90 MB cell is read whole before anything can be said about it.
 */
export const MAX_CSV_RECORD_BYTES = 64 * 1024;

/**
 * Columns of a CSV header: what the format has plus a margin for extra columns (which are skipped). A
 * KWB table has about 130 columns and CBS adds a few each year; a values CSV has 4.
 */
export const MAX_CSV_COLUMNS = { 'kwb-csv': 400, 'values-csv': 4 + 16, 'crosswalk-csv': 4 + 16 } as const;

/** Positions (vertices) of one feature's geometry, all rings together; a detailed gemeente has tens of thousands. */
export const MAX_POSITIONS_PER_FEATURE = 200_000;

/** Positions of all features of one GeoJSON file together. */
export const MAX_POSITIONS_PER_FILE = 2_000_000;

/**
 * The parse worker's limits. A national KWB file parses in about 3 s and a file at the position cap in a
 * few seconds on a small machine; past the time limit the worker is stopped and the import answers 503.
 * Past the memory limit (V8 old generation) it answers 413: the file needs more memory than an import may
 * take. The memory limit bounds what an import adds to the server's RSS.
 */
export const WORKER_TIME_LIMIT_MS = 120_000;
export const WORKER_MEMORY_LIMIT_MB = 1024;

/** Imports parsed at once; more wait their turn, and past the queue the import answers 503. */
export const WORKER_CONCURRENCY = 1;
export const WORKER_QUEUE = 4;

/** What a caller (a test, a small deployment) may lower for one import. */
export interface WorkerLimits {
  timeLimitMs: number;
  memoryLimitMb: number;
  maxPositionsPerFile: number;
  maxPositionsPerFeature: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = {
  timeLimitMs: WORKER_TIME_LIMIT_MS,
  memoryLimitMb: WORKER_MEMORY_LIMIT_MB,
  maxPositionsPerFile: MAX_POSITIONS_PER_FILE,
  maxPositionsPerFeature: MAX_POSITIONS_PER_FEATURE,
};
