import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FieldError } from '../../../../platform/server/index.js';
import type { AreaRecord, CrosswalkLinkRecord, ParsedImport } from './import-model.js';
import { transferablesOf, type ValueColumns } from './value-columns.js';

/**
 * What the parse worker sends back, shaped to cost the server thread little to receive: values as
 * transferred typed arrays, areas as one JSON text (one JSON.parse instead of cloning thousands of objects),
 * and their geometry as the UTF-8 bytes of its JSON in one transferred buffer. A file at the position cap
 * holds some 40 MB of geometry text; cloned as strings it kept the server thread busy for most of a second.
 */
export type WorkerAnswer =
  | { ok: true; areasJson: string; geometry: { bytes: Uint8Array; spans: Float64Array }; values: ValueColumns; report: Record<string, unknown>; areasMustExist: boolean; crosswalk?: CrosswalkLinkRecord[] }
  | { ok: false; problem: { code: string; status: number; message: string; errors: FieldError[] } }
  | { ok: false; failure: string };

/** An area as the import stores it: its geometry already as JSON text. */
export type ParsedArea = AreaRecord & { geometryJson: string | null };

/** In the worker: the answer for a parsed file, and the buffers to transfer with it. */
export function packParsedImport(parsed: ParsedImport): { message: WorkerAnswer; transfer: ArrayBuffer[] } {
  const encoder = new TextEncoder();
  const pieces: (Uint8Array | null)[] = parsed.areas.map((a) => (a.geometry ? encoder.encode(JSON.stringify(a.geometry)) : null));
  const bytes = new Uint8Array(pieces.reduce((n, p) => n + (p?.length ?? 0), 0));
  // [start, end) per area; -1 for an area without geometry.
  const spans = new Float64Array(2 * pieces.length).fill(-1);
  let offset = 0;
  pieces.forEach((piece, i) => {
    if (!piece) return;
    bytes.set(piece, offset);
    spans[2 * i] = offset;
    spans[2 * i + 1] = offset += piece.length;
  });
  const areasJson = JSON.stringify(parsed.areas.map((a) => ({ ...a, geometry: null })));
  return {
    message: { ok: true, areasJson, geometry: { bytes, spans }, values: parsed.values, report: parsed.report, areasMustExist: parsed.areasMustExist ?? false, ...(parsed.crosswalk ? { crosswalk: parsed.crosswalk } : {}) },
    transfer: [...transferablesOf(parsed.values), bytes.buffer as ArrayBuffer, spans.buffer as ArrayBuffer],
  };
}

/** Geometry text decoded between two turns of the event loop. */
const DECODE_SLICE_BYTES = 1_000_000;

/** On the server thread: the parsed import back, geometry decoded a slice at a time so other requests get turns. */
export async function unpackParsedImport(answer: Extract<WorkerAnswer, { ok: true }>): Promise<ParsedImport & { areas: ParsedArea[] }> {
  const areas = JSON.parse(answer.areasJson) as ParsedArea[];
  const decoder = new TextDecoder();
  let sinceTurn = 0;
  for (let i = 0; i < areas.length; i += 1) {
    const start = answer.geometry.spans[2 * i] ?? -1;
    const end = answer.geometry.spans[2 * i + 1] ?? -1;
    areas[i]!.geometryJson = start < 0 ? null : decoder.decode(answer.geometry.bytes.subarray(start, end));
    sinceTurn += Math.max(0, end - start);
    if (sinceTurn >= DECODE_SLICE_BYTES) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  return { areas, values: answer.values, report: answer.report, areasMustExist: answer.areasMustExist, ...(answer.crosswalk ? { crosswalk: answer.crosswalk } : {}) };
}
