import { ApiProblem, getCsrfToken, parseProblem } from '../../../../platform/web/api-client';
import type { ImportResult } from '../../contract';

export interface ImportRequest {
  kind: string;
  year?: number | undefined;
  file: File;
}

/** Sends an import file as multipart/form-data (the JSON client cannot); errors come back as ApiProblem. */
export async function uploadImport(request: ImportRequest, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<ImportResult> {
  const form = new FormData();
  form.set('kind', request.kind);
  if (request.year !== undefined) form.set('year', String(request.year));
  // The file goes last: the server reads the fields before it streams the file.
  form.set('file', request.file, request.file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const token = getCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetchImpl('/api/v1/imports', { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiProblem({ status: 0, code: 'network', title: 'Network error', detail: '' });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw parseProblem(response.status, body, response.headers.get('retry-after'));
  return body as ImportResult;
}

export interface RowProblem {
  line: number | null;
  column: string | null;
  message: string;
}

/**
 * Where in the file a problem is, from the path the server gives: `line 4, column value`, `line:4/value`,
 * `rows.4.indicator`, `4.indicator`, or `features.2.properties.code`. Unknown shapes keep the whole path
 * as the column, so nothing the server said is lost.
 */
export function locateProblem(path: string, message: string): RowProblem {
  const text = path.trim();
  // A GeoJSON feature as the server names it: `feature 3 (GM0505), geometry`, `feature 1, property name`.
  const feature = /^feature (\d+)(?: \(([^)]+)\))?(?:, (?:property )?(.+))?$/.exec(text);
  if (feature) return { line: Number(feature[1]), column: [feature[2], feature[3]].filter(Boolean).join(' ') || null, message };
  const lineMatch = /(?:line|regel|row|rij)[\s:=#]*(\d+)/i.exec(text);
  const columnMatch = /(?:column|kolom|col|field|veld)[\s:=#]*([\w.-]+)/i.exec(text);
  if (lineMatch) {
    const rest = text.slice((lineMatch.index ?? 0) + lineMatch[0].length).replace(/^[\s,./:;-]+/, '');
    return { line: Number(lineMatch[1]), column: columnMatch ? (columnMatch[1] ?? null) : rest || null, message };
  }
  const parts = text.split(/[./]/).filter((part) => part !== '' && part !== 'body' && part !== 'file');
  const numberAt = parts.findIndex((part) => /^\d+$/.test(part));
  if (numberAt >= 0) {
    const rest = parts.slice(numberAt + 1).filter((part) => part !== 'properties');
    return { line: Number(parts[numberAt]), column: rest.join('.') || (columnMatch?.[1] ?? null), message };
  }
  return { line: null, column: text || null, message };
}
